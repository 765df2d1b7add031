""".txt reports: decoded as Windows editors save them, one paragraph a non-empty line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import DrafterError
from drafter.io.textfile import decode_text
from drafter.reader.items import clean


def read_text(path: Path, data: bytes) -> str:
    """A text file's text, decoded the way Windows editors save it."""
    text = decode_text(data)
    if text is None or _looks_binary(text):
        raise DrafterError(
            "无法识别文件的文字编码，或者这不是文本文件。",
            path=path,
            hint="请用记事本打开后“另存为”，编码选 UTF-8；Word 文档请保存为 .docx。",
        )
    return text


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f\v")
    return "\x00" in text or controls > max(2, len(text) // 100)


def text_lines(text: str) -> Iterator[str]:
    """Every non-empty line, cleaned."""
    for _, line in numbered_lines(text):
        yield line


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index of the line in the file, cleaned line) for every non-empty line."""
    text = text.lstrip("\ufeff")
    for index, raw in enumerate(re.split(r"\r\n|\r|\n|\u2028|\u2029|\f|\v", text)):
        line = clean(raw)
        if line:
            yield index, line
