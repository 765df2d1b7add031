"""The prompt_toolkit session: one ``PromptSession``, its key bindings and the bottom toolbar.

This is the only module of the questionnaire that talks to the terminal. It asks and shows; what
to ask and what an answer means is decided by the flow (``flow.py``) and the pure helpers.

Keys: Enter submits (also in a multi-line answer: a pasted text keeps its line breaks); Ctrl-J or
Alt-Enter starts a new line; Ctrl-U clears the whole answer; F1 or ? on an empty line shows help;
F2 goes back; F3 opens the section menu; Ctrl-C or Ctrl-D save and exit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.application import get_app, run_in_terminal
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.filters import Condition, to_filter
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.validation import ValidationError, Validator

from drafter.errors import DrafterError
from drafter.questionnaire.logic import BACK_WORDS, COMMAND_WORDS, MENU_WORDS

KEYS_HINT = "F1或? 帮助 · F2或< 上一题 · F3或> 目录 · Ctrl-U 清空 · Ctrl-C 保存退出"
MULTILINE_KEYS = "回车＝写完 · Ctrl-J＝换行"


class Signal:
    """BACK or MENU: what a prompt returns instead of text when the user asked to move."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


BACK = Signal("back")
MENU = Signal("menu")


def _is_terminal(stream: Any) -> bool:
    if stream is None:
        return False
    try:
        return bool(stream.isatty())
    except (OSError, ValueError, AttributeError):
        return False


def require_terminal(command: str) -> None:
    """``drafter new`` and ``drafter edit`` ask questions: they need a terminal on both ends.

    Piped or redirected input (a closed stdin, bytes that are not UTF-8, a file of garbage) is
    refused at once in Chinese (exit 2) instead of being fed to the questionnaire keystroke by
    keystroke, and output sent to a file would hide every question from the user.
    """
    if not _is_terminal(sys.stdin):
        where = (
            "标准输入已关闭" if sys.stdin is None else "标准输入不是终端（被管道或文件重定向了）"
        )
    elif not _is_terminal(sys.stdout):
        where = "标准输出不是终端（被管道或文件重定向了）"
    else:
        return
    raise DrafterError(
        f"drafter {command} 要在命令行窗口里逐项问答，但{where}",
        hint="直接在命令行窗口（终端）里运行，不要用 < 、| 或 > ；"
        "要由答卷文件直接生成报告，用 drafter build 答卷.yaml。",
    )


def wrap_toolbars(session: PromptSession[Any]) -> None:
    """The key bar and the line that says why an answer is refused wrap on a narrow console
    (60 columns) instead of being cut: prompt_toolkit gives them one row, not wrapped."""
    for window in session.layout.find_all_windows():
        text = getattr(window.content, "text", None)
        validation = getattr(text, "__qualname__", "").startswith("ValidationToolbar.")
        if validation or window.style == "class:bottom-toolbar":
            window.wrap_lines = to_filter(True)
            window.height = Dimension(min=1)
            window.dont_extend_height = to_filter(True)


class Terminal:
    """Prompts and printed lines; every line shown is also kept in ``transcript``."""

    def __init__(
        self,
        *,
        input: Any = None,
        output: Any = None,
        toolbar: Callable[[], str] = lambda: "",
        help: Callable[[], str | None] = lambda: None,
        log: list[str] | None = None,
        shown: Callable[[], None] = lambda: None,
    ) -> None:
        self.input = input
        self.output = output
        self.toolbar = toolbar
        self.help = help
        self.shown = shown
        """Called each time a prompt has been drawn (the questionnaire then loads its later
        steps, while the user reads the first question)."""
        self.transcript: list[str] = log if log is not None else []
        """Everything shown above the prompts (tests read it; DummyOutput discards the screen)."""
        self.errors: list[str] = []
        self.multiline = False
        self.options: tuple[str, ...] = ()
        """What ↑/↓ cycle through at the current prompt (a choice's names)."""
        self.option_of: Callable[[str], str] = lambda text: text
        self.unfinished = ""
        """What was in the answer box when Ctrl-C or Ctrl-D ended the last prompt: the caller
        saves it (the screen then says "已保存")."""
        self._session: Any = None

    def columns(self) -> int:
        """The console's width in columns (80 when it cannot tell)."""
        try:
            return int(self.session().output.get_size().columns) or 80
        except (OSError, ValueError, AttributeError):
            return 80

    def say(self, text: str = "") -> None:
        """Print above the prompt (and keep it, so tests can read what the user saw)."""

        self.transcript.append(text)
        if self.output is not None:
            print_formatted_text(text, output=self.output)
        else:
            print_formatted_text(text)

    def session(self) -> Any:
        if self._session is None:
            self._session = PromptSession(
                input=self.input,
                output=self.output,
                key_bindings=self._bindings(),
                bottom_toolbar=self.toolbar,
                erase_when_done=False,
            )
            wrap_toolbars(self._session)
            self._session.app.after_render += lambda _app: self.shown()
        return self._session

    def _bindings(self) -> Any:

        kb = KeyBindings()
        empty = Condition(lambda: not get_app().current_buffer.text)

        def show_help() -> None:
            text = self.help()
            if text:
                run_in_terminal(lambda: self.say(text))

        @kb.add("f1")
        def _help(event: Any) -> None:
            show_help()

        @kb.add("?", filter=empty)
        @kb.add("？", filter=empty)
        def _help_key(event: Any) -> None:
            show_help()

        @kb.add("c-d", eager=True)
        def _quit(event: Any) -> None:
            # Ctrl-D saves and exits even when the line is not empty (the Delete key deletes).
            event.app.exit(exception=EOFError, style="class:exiting")

        @kb.add("f2")
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

        @kb.add("f3")
        def _menu(event: Any) -> None:
            event.app.exit(result=MENU)

        @kb.add("c-u")
        def _clear(event: Any) -> None:
            # The whole answer, not just the current line: clearing a carried text is one key.
            event.current_buffer.text = ""

        multiline = Condition(lambda: self.multiline)

        @kb.add("enter", filter=multiline, eager=True)
        def _enter(event: Any) -> None:
            # Enter submits a multi-line answer too; the line break has its own key.
            buffer = event.current_buffer
            buffer.text = buffer.text.rstrip()
            buffer.validate_and_handle()

        @kb.add("c-j", filter=multiline, eager=True)
        @kb.add("escape", "enter", filter=multiline, eager=True)
        def _newline(event: Any) -> None:
            event.current_buffer.insert_text("\n")

        choosing = Condition(lambda: self.options != ())

        @kb.add("up", filter=choosing)
        def _up(event: Any) -> None:
            self._cycle(event.current_buffer, -1)

        @kb.add("down", filter=choosing)
        def _down(event: Any) -> None:
            self._cycle(event.current_buffer, 1)

        return kb

    def _cycle(self, buffer: Any, step: int) -> None:
        options = self.options
        text = self.option_of(buffer.text)
        index = options.index(text) if text in options else -step if step > 0 else 0
        buffer.text = options[(index + step) % len(options)]
        buffer.cursor_position = len(buffer.text)

    def ask(
        self,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        multiline: bool = False,
        while_typing: bool = False,
        completions: Iterable[str] = (),
        options: tuple[str, ...] = (),
        option_of: Callable[[str], str] | None = None,
    ) -> Any:
        """One prompt: returns the text, or BACK/MENU; Ctrl-C/Ctrl-D propagate."""

        outer = self

        class _Validator(Validator):
            def validate(self, document: Any) -> None:
                text = document.text
                if validate is None or text.strip() in COMMAND_WORDS:
                    return
                error = validate(text)
                if error:
                    if not outer.errors or outer.errors[-1] != error:
                        outer.errors.append(error)
                    raise ValidationError(message=error, cursor_position=len(text))

        words = list(completions)
        self.multiline = multiline
        self.options = options
        self.option_of = option_of or (lambda text: text)
        self.unfinished = ""
        try:
            result = self.session().prompt(
                message,
                default=default,
                validator=_Validator(),
                validate_while_typing=while_typing,
                multiline=multiline,
                completer=WordCompleter(words, sentence=True) if words else None,
                complete_while_typing=False,
                # Python's own handler, not prompt_toolkit's: a Ctrl-C pressed while one prompt
                # closes and the next opens (the terminal briefly cooked) reached prompt_toolkit's
                # handler as the loop stopped and was lost; Python's raises wherever it lands.
                handle_sigint=False,
            )
        except (KeyboardInterrupt, EOFError):
            self.unfinished = self.session().default_buffer.text
            raise
        finally:
            self.options = ()
        if isinstance(result, Signal):
            self.transcript.append(f"{message.strip()} [{result.name}]")
            return result
        # The screen keeps the prompt line itself; the transcript needs it for tests and logs.
        self.transcript.append(f"{message.strip()} {result}")
        stripped = result.strip()
        if stripped in BACK_WORDS:
            return BACK
        if stripped in MENU_WORDS:
            return MENU
        return result
