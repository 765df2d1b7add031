"""argparse that speaks Chinese: help, usage and every command-line error (cli.py builds on it).

argparse writes English of its own: ``usage:``, section headings, the ``-h`` line, default
metavars (``OUTPUT``) and its error messages. :class:`HelpFormatter` and :class:`ArgumentParser`
replace the first ones at their source. Errors are built by argparse from a fixed set of message
templates (the strings it hands to gettext); :func:`translate` matches a message against those
templates and says the same thing in Chinese, naming what the command accepts (the option's
choices with their descriptions, the subcommands, the expected value). A message no template
matches still comes out in Chinese, never as raw English.

Adding a command or an option needs nothing from this module beyond Chinese texts: give every
argument that takes a value a Chinese ``metavar`` (the parser refuses one without it), use
``examples=`` for a subcommand's examples and :meth:`ArgumentParser.add_choices` for an option whose
values need explaining.
"""

from __future__ import annotations

import argparse
import ast
import functools
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn

from drafter.io.console import display_width


def _untranslated(message: str) -> str:
    return message


def _untranslated_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


# argparse passes every message through gettext, which looks for a catalogue on disk each time
# (a few milliseconds per run, on every run); the messages are matched in English below, so a
# catalogue some system might install would only get in the way.
argparse._ = _untranslated  # type: ignore[attr-defined]
argparse.ngettext = _untranslated_plural  # type: ignore[attr-defined]

EXIT_USAGE = 2
USAGE_PREFIX = "用法："
TYPE_WORDS = {"int": "整数", "float": "数字"}


# --- help ------------------------------------------------------------------------------------


# Marks that must not start a line (they hang at the end of the previous one instead), and
# marks that must not end one (they move down with the word they open).
_NO_LINE_START = set("，。、；：？！）》」』”’…")
_NO_LINE_END = set("（《「『“‘")


def wrap(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/ASCII text to ``width`` columns: ASCII words stay whole, explicit
    line breaks are kept, and a closing mark never starts a line."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0
        for token in re.findall(r"[!-~]+|\s+|.", paragraph.strip()):
            w = display_width(token)
            if token.isspace():
                if line:
                    line, used = line + " ", used + 1
                continue
            if line and used + w > width and token not in _NO_LINE_START:
                carry = ""
                while line and line[-1] in _NO_LINE_END:
                    line, carry = line[:-1], line[-1] + carry
                lines.append(line.rstrip())
                line, used = carry, display_width(carry)
            line, used = line + token, used + w
        lines.append(line.rstrip())
    return lines


@functools.cache
def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it (COLUMNS, then the
    terminal of stdout, then 80), without importing shutil (~1.5 ms) on every run: argparse
    lays out a usage line even to make a parser."""

    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Chinese usage prefix and headings, ``-o, --output 输出文件``, wrapping by display width.

    Descriptions and epilogs keep their own line breaks (examples are one a line).
    """

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("max_help_position", 28)
        # argparse asks the terminal's width (importing shutil, ~1.5 ms) for every formatter,
        # and makes one for each add_argument only to validate it; the width is needed when a
        # text is laid out, so it is asked for then (format_help).
        self._asked_width = kwargs.get("width")
        self._asked_position = kwargs["max_help_position"]
        kwargs.setdefault("width", 78)
        super().__init__(prog, **kwargs)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)

    def _format_usage(self, *args: Any) -> str:
        # Continuation lines are indented by len("用法：drafter build "); the prefix is wider.
        extra = " " * (display_width(USAGE_PREFIX) - len(USAGE_PREFIX))
        first, *rest = super()._format_usage(*args).split("\n")
        return "\n".join([first, *(extra + ln if ln.startswith(" ") else ln for ln in rest)])

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        value = self._format_args(action, self._get_default_metavar_for_optional(action))
        return f"{', '.join(action.option_strings)} {value}"

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            # argparse sizes the first column with len(); a Chinese metavar is twice as wide.
            invocations = [self._format_action_invocation(action)]
            invocations += [self._format_action_invocation(a) for a in self._iter_subs(action)]
            widest = max(display_width(i) for i in invocations) + self._current_indent
            self._action_max_length = max(self._action_max_length, widest)

    @staticmethod
    def _iter_subs(action: argparse.Action) -> list[argparse.Action]:
        get = getattr(action, "_get_subactions", None)
        return list(get()) if get else []

    def _format_action(self, action: argparse.Action) -> str:
        # argparse's layout (invocation column, help column), measured in display columns.
        # The subcommands are listed directly under their heading, without a line of their own.
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(a) for a in self._iter_subs(action))
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        lines = wrap(self._help_text(action), help_width) if action.help else []
        if not lines:
            return f"{indent}{header}\n"
        pad = help_position - self._current_indent - display_width(header)
        if pad >= 2:
            first = f"{indent}{header}{' ' * pad}{lines[0]}\n"
        else:
            first = f"{indent}{header}\n{' ' * help_position}{lines[0]}\n"
        return first + "".join(f"{' ' * help_position}{line}\n" for line in lines[1:])

    def _help_text(self, action: argparse.Action) -> str:
        # argparse %-formats help texts (for %(default)s); a plain "92%" must not break --help.
        try:
            return self._expand_help(action)
        except (ValueError, TypeError, KeyError):
            return str(action.help)

    def format_help(self) -> str:
        if self._asked_width is None:
            width = terminal_columns() - 2  # what argparse does
            self._width = width
            self._max_help_position = min(
                self._asked_position, max(width - 20, self._indent_increment * 2)
            )
        # argparse ends each section heading with an ASCII colon.
        return re.sub(r"(?m)^( *[^\x00-\x7f][^\n:]*):$", r"\1：", super().format_help())


# --- errors ----------------------------------------------------------------------------------


def _plain(value: str) -> str:
    """A value argparse quoted with %r, as the user typed it."""

    try:
        unquoted = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value
    return unquoted if isinstance(unquoted, str) else value


def _template_parts(msgid: str) -> list[str]:
    return re.split(r"(%\(\w+\)[sr]|%[sr])", msgid)


@functools.cache
def _compile(msgid: str) -> re.Pattern[str]:
    pattern, n = "", 0
    for part in _template_parts(msgid):
        named = re.fullmatch(r"%\((\w+)\)[sr]", part)
        if named:
            pattern += f"(?P<{named.group(1)}>.+?)"
        elif part in ("%s", "%r"):
            n += 1
            pattern += f"(?P<arg{n}>.+?)"
        else:
            pattern += re.escape(part)
    return re.compile(pattern, re.S)


class _Context:
    """What a message is about: the parser that raised it and, if known, the argument."""

    def __init__(self, parser: ArgumentParser, action: argparse.Action | None) -> None:
        self.parser = parser
        self.action = action

    @property
    def name(self) -> str:
        return self.parser.argument_name(self.action) if self.action else "参数"


Handler = Callable[[re.Match[str], _Context], str]
_HANDLERS: list[tuple[str, Handler]] = []
"""argparse's message templates and their Chinese, in order; a template's pattern is compiled
when a message is first translated (every command imports this module; few ever need one)."""


def _msgid(msgid: str) -> Callable[[Handler], Handler]:
    """Register the Chinese for one of argparse's message templates (quoted as argparse has it)."""

    def register(handler: Handler) -> Handler:
        _HANDLERS.append((msgid, handler))
        return handler

    return register


@_msgid("argument %(argument_name)s: %(message)s")
def _about_argument(m: re.Match[str], ctx: _Context) -> str:
    action = ctx.parser.find_action(m["argument_name"])
    return translate(m["message"], _Context(ctx.parser, action))


@_msgid("invalid choice: %(value)r (choose from %(choices)s)")
def _invalid_choice(m: re.Match[str], ctx: _Context) -> str:
    value = _plain(m["value"])
    if isinstance(ctx.action, argparse._SubParsersAction):
        return f"没有“{value}”这个命令。可以用的命令：\n" + ctx.parser.command_list()
    return f"{ctx.name} 不接受“{value}”。可以用：\n" + ctx.parser.choice_list(ctx.action)


@_msgid("the following arguments are required: %s")
def _required(m: re.Match[str], ctx: _Context) -> str:
    names = []
    for name in m["arg1"].split(", "):
        action = ctx.parser.find_action(name)
        if action is None:
            names.append(name)
        elif action.option_strings:
            names.append(f"{ctx.parser.argument_name(action)} {action.metavar or ''}".rstrip())
        else:
            names.append(ctx.parser.argument_name(action))
    listed = "、".join(names)
    missing = f"缺少{' ' if listed.startswith('-') else ''}{listed}。"
    # `drafter import a.txt b.txt`: the surplus file is the mistake to mention first.
    extras = ctx.parser.extras_without_required()
    if extras:
        return ctx.parser.surplus_message(extras) + "另外，" + missing
    return missing


@_msgid("unrecognized arguments: %s")
def _unrecognized(m: re.Match[str], ctx: _Context) -> str:
    return f"多出了不认识的参数：{m['arg1']}。"


def _expects(ctx: _Context) -> str:
    return f"{ctx.name} 后面要跟{ctx.parser.value_name(ctx.action)}。"


_msgid("expected one argument")(lambda m, ctx: _expects(ctx))
_msgid("expected at least one argument")(lambda m, ctx: _expects(ctx))
_msgid("expected at most one argument")(
    lambda m, ctx: f"{ctx.name} 后面最多跟一个{ctx.parser.value_name(ctx.action)}。"
)
_msgid("expected %s argument")(lambda m, ctx: f"{ctx.name} 后面要跟 {m['arg1']} 个值。")
_msgid("expected %s arguments")(lambda m, ctx: f"{ctx.name} 后面要跟 {m['arg1']} 个值。")


@_msgid("invalid %(type)s value: %(value)r")
def _invalid_value(m: re.Match[str], ctx: _Context) -> str:
    kind = TYPE_WORDS.get(m["type"], "可用的值")
    return f"{ctx.name} 的值“{_plain(m['value'])}”不是{kind}。"


@_msgid("ambiguous option: %(option)s could match %(matches)s")
def _ambiguous(m: re.Match[str], ctx: _Context) -> str:
    option = m["option"].split("=", 1)[0]
    return f"{option} 可以是 {m['matches'].replace(', ', '、')} 中的任何一个，请把选项名写完整。"


_msgid("not allowed with argument %s")(lambda m, ctx: f"{ctx.name} 不能和 {m['arg1']} 同时使用。")
_msgid("ignored explicit argument %r")(
    lambda m, ctx: f"{ctx.name} 后面不跟值（多写了“{_plain(m['arg1'])}”）。"
)
_msgid("one of the arguments %s is required")(
    lambda m, ctx: f"{m['arg1'].replace(' ', '、')} 中必须给出一个。"
)
_msgid("can't open '%(filename)s': %(error)s")(lambda m, ctx: f"无法打开文件“{m['filename']}”。")


def translate(message: str, ctx: _Context) -> str:
    """argparse's English ``message`` said in Chinese; never the English itself."""
    for msgid, handler in _HANDLERS:
        match = _compile(msgid).fullmatch(message)
        if match:
            return handler(match, ctx)
    if any("\u4e00" <= ch <= "\u9fff" for ch in message):  # our own (an argument type's)
        return f"{ctx.name} 的{message}。"
    return "命令行的写法不对。"


# --- the parser ------------------------------------------------------------------------------


class _Lenient(Exception):
    """A second, diagnostic parse met an error of its own: nothing more to say."""


def format_examples(examples: Sequence[str | tuple[str, str]]) -> str:
    """``示例：`` and one command line a line, notes aligned in one column."""
    pairs = [(e, "") if isinstance(e, str) else e for e in examples]
    column = max(display_width(cmd) for cmd, _ in pairs) + 4
    lines = ["示例："]
    for cmd, note in pairs:
        pad = " " * (column - display_width(cmd)) if note else ""
        lines.append(f"  {cmd}{pad}{note}".rstrip())
    return "\n".join(lines)


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose help and errors are Chinese; usage errors exit with code 2.

    ``examples``: command lines shown under 示例 at the end of the help, each a string or a
    (command line, what it does) pair.
    """

    def __init__(
        self, *args: Any, examples: Sequence[str | tuple[str, str]] = (), **kwargs: Any
    ) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False  # the English -h line; ours is added below
        if examples:
            kwargs["epilog"] = format_examples(examples)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self._choice_labels: dict[str, Mapping[str, str]] = {}
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出"
        )

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        takes_value = action.nargs != 0 and not isinstance(action, argparse._SubParsersAction)
        if takes_value and action.metavar is None and action.choices is None:
            # argparse would show the dest in English capitals (OUTPUT) to the user.
            raise TypeError(f"argument {action.dest!r} needs a Chinese metavar")
        return action

    def add_choices(
        self, *flags: str, choices: Mapping[str, str], help: str, **kwargs: Any
    ) -> argparse.Action:
        """An option taking one of ``choices`` (value → Chinese description), each explained in
        the help and, when the user types something else, in the error."""
        column = max(map(display_width, choices)) + 2
        listing = "\n".join(f"{value.ljust(column)}{label}" for value, label in choices.items())
        kwargs.setdefault("metavar", "|".join(choices))
        action = self.add_argument(
            *flags, choices=tuple(choices), help=f"{help}\n{listing}", **kwargs
        )
        self._choice_labels[action.dest] = dict(choices)
        return action

    def version_option(self, version: str) -> None:
        self.add_argument("--version", action="version", version=version, help="显示版本号并退出")

    # -- what the Chinese messages name --------------------------------------------------------

    def find_action(self, name: str) -> argparse.Action | None:
        """The argument argparse calls ``name`` (``-o/--output``, a metavar, or a dest)."""
        for action in self._actions:
            names = {"/".join(action.option_strings), action.metavar, action.dest}
            if name in names or name in action.option_strings:
                return action
        return None

    def argument_name(self, action: argparse.Action) -> str:
        """``-o/--output``, or a positional's Chinese metavar."""
        if action.option_strings:
            return "/".join(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            return "命令"
        return str(action.metavar or action.dest)

    def value_name(self, action: argparse.Action | None) -> str:
        if action is None:
            return "一个值"
        if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
            return "下列之一：" + "、".join(map(str, action.choices))
        return str(action.metavar or "一个值")

    def choice_list(self, action: argparse.Action | None) -> str:
        if action is None or action.choices is None:
            return ""
        labels = self._choice_labels.get(action.dest, {})
        column = max(display_width(str(v)) for v in action.choices) + 2
        return "\n".join(
            f"  {str(value).ljust(column)}{labels.get(value, '')}".rstrip()
            for value in action.choices
        )

    def subcommands(self) -> argparse._SubParsersAction | None:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
        return None

    def command_list(self) -> str:
        sub = self.subcommands()
        if sub is None:
            return ""
        column = max(map(display_width, sub.choices)) + 2
        return "\n".join(
            f"  {name.ljust(column)}{(parser.description or '').splitlines()[0]}".rstrip()
            for name, parser in sub.choices.items()
        )

    # -- errors ----------------------------------------------------------------------------------

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._arg_strings = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def extras_without_required(self) -> list[str]:
        """What the last parse would leave over if no argument were required (for a missing
        required argument and a surplus one, both are worth saying)."""
        saved = [(action, action.required) for action in self._actions]
        self._lenient = True
        try:
            for action, _ in saved:
                action.required = False
            return list(super().parse_known_args(self._arg_strings, argparse.Namespace())[1])
        except _Lenient:
            return []
        finally:
            for action, required in saved:
                action.required = required
            self._lenient = False

    def parse_args(self, args: Any = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            self._surplus(parsed, extras)
        return parsed

    def _surplus(self, parsed: argparse.Namespace, extras: list[str]) -> NoReturn:
        # argparse reports what a subcommand did not use from the top parser, in English and
        # without saying which command: find the subcommand and say what it accepts.
        parser: ArgumentParser = self
        while (sub := parser.subcommands()) is not None:
            chosen = getattr(parsed, sub.dest, None)
            if chosen not in sub.choices:
                break
            parser = sub.choices[chosen]
        parser.fail(parser.surplus_message(extras))

    def surplus_message(self, extras: list[str]) -> str:
        command = self.prog.split(" ", 1)[-1]
        options = [e for e in extras if e.startswith("-") and len(e) > 1]
        if options:
            known = "、".join("/".join(a.option_strings) for a in self._actions if a.option_strings)
            return f"{command} 没有 {options[0]} 这个选项。可以用的选项：{known}。"
        positionals = [
            a for a in self._actions if not a.option_strings and a.help != argparse.SUPPRESS
        ]
        surplus = " ".join(extras)
        if not positionals:
            return f"{command} 后面不跟文件或其他参数，多出了：{surplus}。"
        if len(positionals) == 1:
            what = self.argument_name(positionals[0])
            return (
                f"{command} 一次只处理一个{what}，多出了：{surplus}。"
                f"要处理几个，请分别运行 {self.prog}。"
            )
        names = "、".join(self.argument_name(a) for a in positionals)
        return f"{command} 只接受 {len(positionals)} 个参数（{names}），多出了：{surplus}。"

    def error(self, message: str) -> NoReturn:
        if getattr(self, "_lenient", False):
            raise _Lenient
        self.fail(translate(message, _Context(self, None)))

    def fail(self, message: str) -> NoReturn:
        """Print a Chinese usage error and exit with code 2."""
        self.print_usage(sys.stderr)
        print(f"{self.prog}：错误：{message}\n用 {self.prog} --help 查看说明。", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
