"""argparse in Chinese: help, usage and every command-line error (cli.py builds on it).

argparse looks each of its own texts up through gettext when it needs one (``usage:``, the section
headings, the -h line, every error template). :data:`MESSAGES` is that table in Chinese, installed
as argparse's translation when this module is imported; a template of a later Python that the table
does not know yet still comes out in Chinese, as a generic message.

What argparse cannot give is added here: widths counted in terminal columns (a Chinese character
takes two, argparse counts one), and, in an error about one argument, what that argument accepts.

Adding a command or an option needs nothing from this module beyond Chinese texts: give every
argument that takes a value a Chinese ``metavar`` (the parser refuses one without it), use
``examples=`` for a subcommand's examples and :meth:`ArgumentParser.add_choices` for an option whose
values need explaining.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence

from drafter.io.console import display_width, pad

# typing for the type checker only: `drafter --help` stays quick (docs/architecture.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

ACCEPTS = "\0"
"""Stands in a message for what the argument concerned accepts (argparse does not say): its metavar,
filled in by :meth:`ArgumentParser.error`. No command-line argument can contain it."""

MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "subcommands": "命令",
    "%(heading)s:": "%(heading)s：",
    " (default: %(default)s)": "（默认：%(default)s）",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n用 %(prog)s --help 查看说明。\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：注意：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少%s。",
    "one of the arguments %s is required": "%s 中必须给出一个。",
    "not allowed with argument %s": "不能和 %s 同时使用。",
    "unrecognized arguments: %s": "多余或不认识的参数：%s。",
    "unexpected option string: %s": "不认识的选项：%s。",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s 可以是 %(matches)s 中的任何一个，请把选项名写完整。"
    ),
    "ignored explicit argument %r": "后面不跟值（多写了“%s”）。",
    "expected one argument": f"后面要跟{ACCEPTS}。",
    "expected at least one argument": f"后面要跟{ACCEPTS}。",
    "expected at most one argument": f"后面最多跟一个{ACCEPTS}。",
    "expected %s argument": f"后面要跟 %s 个{ACCEPTS}。",
    "expected %s arguments": f"后面要跟 %s 个{ACCEPTS}。",
    "invalid %(type)s value: %(value)r": f"“%(value)s”不是有效的{ACCEPTS}。",
    "invalid choice: %(value)r (choose from %(choices)s)": "不能是“%(value)s”。",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "不能是“%(value)s”（是不是“%(closest)s”？）。"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": "不能是“%(parser_name)s”。",
    "can't open '%(filename)s': %(error)s": "无法打开文件“%(filename)s”。",
    "argument '%(argument_name)s' is deprecated": "%(argument_name)s 已经停用。",
    "option '%(option)s' is deprecated": "选项 %(option)s 已经停用。",
    "command '%(parser_name)s' is deprecated": "命令 %(parser_name)s 已经停用。",
}
"""argparse's message templates (its gettext msgids, Python 3.10 to 3.14) in Chinese."""

FOR_DEVELOPERS = frozenset(
    """\
%r is not callable
.__call__() not defined
'required' is an invalid argument for positionals
argument "-" with mode %r
cannot have multiple subparser arguments
cannot merge actions - two groups are named %r
conflicting option string: %s
conflicting option strings: %s
conflicting subparser: %s
conflicting subparser alias: %s
dest= is required for options like %r
invalid conflict_resolution value: %r
invalid option string %(option)r: must start with a character %(prefix_chars)r
mutually exclusive arguments must be optional""".splitlines()
)
"""argparse's messages about a mistake in a parser's own definition: they reach the developer who
made it (as an exception), so they stay in English."""


def translate(msgid: str) -> str:
    """argparse's gettext: ``msgid`` in Chinese, with the same %-fields."""
    if msgid in MESSAGES:
        return MESSAGES[msgid]
    # Python 3.10 to 3.12 also pass a subcommand group's own title and description (ours, in
    # Chinese, or None) through gettext.
    if msgid in FOR_DEVELOPERS or not msgid or not msgid.isascii():
        return msgid
    # A template of a later argparse: argparse %-formats the result, so its fields are kept.
    fields = [field[:-1] + "s" for field in re.findall(r"%(?:\(\w+\))?[sdr]", msgid)]
    return "命令行的写法不对" + ("：" + " ".join(fields) if fields else "") + "。"


def translate_plural(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


argparse._ = translate  # type: ignore[attr-defined]
argparse.ngettext = translate_plural  # type: ignore[attr-defined]


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


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout measured in terminal columns; ``-o, --output 输出文件`` (as Python 3.13
    writes it) on every Python; the subcommands listed directly under their heading.

    Descriptions and epilogs keep their own line breaks (examples are one a line).
    """

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("max_help_position", 28)
        super().__init__(prog, **kwargs)

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        return f"{', '.join(action.option_strings)} {self._format_args(action, action.dest)}"

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            subactions: list[argparse.Action] = getattr(action, "_get_subactions", list)()
            invocations = map(self._format_action_invocation, [action, *subactions])
            widest = max(map(display_width, invocations)) + self._current_indent
            self._action_max_length = max(self._action_max_length, widest)

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            return "".join(map(self._format_action, action._get_subactions()))
        help_position = min(self._action_max_length + 2, self._max_help_position)
        header = " " * self._current_indent + self._format_action_invocation(action)
        try:  # argparse %-formats help texts (for %(default)s); a plain "92%" is left as it is
            text = self._expand_help(action) if action.help else ""
        except (ValueError, TypeError, KeyError):
            text = str(action.help)
        lines = wrap(text, max(self._width - help_position, 11)) if text else []
        if not lines:
            return header + "\n"
        indent = " " * help_position
        if display_width(header) + 2 <= help_position:
            rows = [pad(header, help_position) + lines[0]]
        else:
            rows = [header, indent + lines[0]]
        return "".join(f"{row}\n" for row in rows + [indent + line for line in lines[1:]])

    def format_help(self) -> str:
        text = super().format_help()
        usage = translate("usage: ")
        if text.startswith(usage):  # continuation lines are indented by len(): the prefix is wider
            head, gap, rest = text.partition("\n\n")
            text = (
                head.replace("\n ", "\n " + " " * (display_width(usage) - len(usage))) + gap + rest
            )
        # Before Python 3.13 argparse puts an ASCII colon after a heading itself.
        return re.sub(r"(?m)^(\S.*[^\x00-\x7f]):$", r"\1：", text)


def format_examples(examples: Sequence[str | tuple[str, str]]) -> str:
    """``示例：`` and one command line a line, notes aligned in one column."""
    pairs = [(e, "") if isinstance(e, str) else e for e in examples]
    column = max(display_width(cmd) for cmd, _ in pairs) + 4
    return "\n".join(
        ["示例：", *(f"  {pad(cmd, column) if note else cmd}{note}" for cmd, note in pairs)]
    )


def choice_list(action: argparse.Action) -> str:
    """The values ``action`` accepts, one a line, each with its description (a subcommand's is
    the first line of its own)."""
    labels = action.choices if isinstance(action.choices, Mapping) else {}
    rows = {str(value): labels.get(value, "") for value in action.choices or ()}
    for value, label in rows.items():
        if isinstance(label, argparse.ArgumentParser):
            rows[value] = (label.description or "").partition("\n")[0]
    column = max(map(display_width, rows)) + 2
    return "\n".join(f"  {pad(value, column)}{label}".rstrip() for value, label in rows.items())


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose help and errors are Chinese; usage errors exit with code 2.

    ``examples``: command lines shown under 示例 at the end of the help, each a string or a
    (command line, what it does) pair.
    """

    def __init__(
        self, *args: Any, examples: Sequence[str | tuple[str, str]] = (), **kwargs: Any
    ) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        if examples:
            kwargs["epilog"] = format_examples(examples)
        super().__init__(*args, **kwargs)
        self.commands: argparse._SubParsersAction[ArgumentParser] | None = None

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.nargs != 0 and action.metavar is None and action.choices is None:
            # argparse would show the dest in English capitals (OUTPUT) to the user.
            raise TypeError(f"argument {action.dest!r} needs a Chinese metavar")
        return action

    def add_subparsers(self, **kwargs: Any) -> Any:
        self.commands = super().add_subparsers(**kwargs)
        return self.commands

    def add_choices(
        self, *flags: str, choices: Mapping[str, str], help: str, **kwargs: Any
    ) -> argparse.Action:
        """An option taking one of ``choices`` (value → Chinese description), each explained in
        the help and, when the user types something else, in the error."""
        listing = "".join(f"\n{value} {label}" for value, label in choices.items())
        return self.add_argument(*flags, choices=dict(choices), help=help + listing, **kwargs)

    def version_option(self, version: str) -> None:
        self.add_argument("--version", action="version", version=version, help="显示版本号并退出")

    def parse_args(self, args: Any = None, namespace: Any = None) -> argparse.Namespace:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            # argparse reports what a subcommand left over from the top parser, under the top
            # usage: the subcommand's own usage shows what it takes.
            parser = self
            while parser.commands and (name := getattr(parsed, parser.commands.dest, None)):
                parser = parser.commands.choices[name]
            parser.error(translate("unrecognized arguments: %s") % " ".join(extras))
        return parsed

    def error(self, message: str) -> NoReturn:
        error = sys.exc_info()[1]
        if isinstance(error, argparse.ArgumentError) and error.argument_name:
            # About one argument: say what it accepts. (Python 3.10 does not translate this
            # template; the argparse of 3.11 on gives the same.)
            action = next(
                (a for a in self._actions if argparse._get_action_name(a) == error.argument_name),
                None,
            )
            # (an argument type's own message is a phrase: it gets its full stop here)
            said = error.message.rstrip("。") + "。"
            fields = {"argument_name": error.argument_name, "message": said}
            message = translate("argument %(argument_name)s: %(message)s") % fields
            if action is not None and action.choices:
                message += "可以用：\n" + choice_list(action)
            if action is not None and action.metavar:
                message = message.replace(ACCEPTS, str(action.metavar))
        missing = translate("the following arguments are required: %s").split("%s")
        if message.startswith(missing[0]) and message.endswith(missing[1]):
            # The names argparse joined with ", ": each with what it takes, joined with "、".
            names = message[len(missing[0]) : len(message) - len(missing[1])].split(", ")
            message = missing[0] + "、".join(map(self._named, names)) + missing[1]
        super().error(message.replace(ACCEPTS, "值"))

    def _named(self, name: str) -> str:
        """An argument's name as an error names it: an option with what follows it."""
        for action in self._actions:
            if argparse._get_action_name(action) == name and action.option_strings:
                return f"{name} {action.metavar}" if action.metavar else name
        return name
