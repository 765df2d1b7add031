"""The one error type users see.

Everything user-facing that goes wrong is raised as :class:`DrafterError` with a Chinese message
that says what is wrong, where (file, line, field) and how to fix it. Only the CLI prints it and
chooses the exit code; any other exception escaping to the CLI is a bug.
"""

from __future__ import annotations

import os

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
EXIT_BUG = 3

BUG_MESSAGE = "程序内部错误（这是 drafter 的缺陷，不是您的操作问题）。"
"""Said when an exception other than DrafterError escapes: a bug, never the user's doing."""


def shown(value: object, limit: int = 40) -> str:
    """A value of the user's as a message quotes it, on one line: a line break or a control
    character in it ("1\n错误：…") would print a forged line; a very long one is cut."""
    text = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DrafterError(Exception):
    """A problem the user can fix, described in Chinese."""

    def __init__(
        self,
        message: str,
        *,
        path: os.PathLike[str] | str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        field_label: str | None = None,
        hint: str | None = None,
        exit_code: int = EXIT_UNUSABLE,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        """The file at fault, as the caller named it: a message only shows it (no pathlib here,
        which ``drafter --help`` would otherwise load for nothing)."""
        self.line = line
        self.column = column
        self.field = field
        """The field at fault, as the program knows it (an answers-file key, an option)."""
        self.field_label = field_label
        """How the message names that field (单位全称（identity.unit_name）); "" names none (the
        message lists the fields itself)."""
        self.hint = hint
        self.exit_code = exit_code

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(f"文件 {self.path}")
        if self.line is not None:
            column = f"第 {self.column} 列" if self.column is not None else ""
            where.append(f"第 {self.line} 行{column}")
        if self.field_label:
            where.append(self.field_label)
        elif self.field is not None and self.field_label is None:
            where.append(f"字段 {self.field}")
        text = self.message
        if where:
            text = f"{'，'.join(where)}：{text}"
        if self.hint:
            text += f"\n  怎么改：{self.hint}"
        return text
