"""A .docx opened with python-docx to be edited (``check --annotate`` adds Word comments).

Reading for a check needs only zipfile and lxml (:mod:`drafter.reader`); editing needs the
document python-docx keeps, whose elements the comments are anchored in. The archive is checked
the way the reader checks it, and every member's CRC is verified before python-docx parses it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx

from drafter.blocks import Block
from drafter.docx.writer import docx_bytes
from drafter.errors import DrafterError
from drafter.reader.docx import UNZIP_ERRORS, damaged, opened, parse_error, unzip_error
from drafter.reader.parts import is_strict


def build_document(blocks: list[Block]) -> Any:
    """A report as a python-docx Document (for code that edits it further, such as comments).
    Here, not in the writer: a build writes its bytes without loading python-docx."""

    return docx.Document(io.BytesIO(docx_bytes(blocks)))


def open_document(path: Path, data: bytes) -> Any:
    """Open a .docx with python-docx, for a caller that edits it (DrafterError when unusable).

    python-docx edits only the usual (transitional) format; a Strict Open XML file is refused
    with the way to convert it."""

    with opened(path, data) as archive:
        try:
            strict = is_strict(archive)
            archive.testzip()
        except zipfile.BadZipFile as exc:
            raise damaged(path, exc) from exc
        except UNZIP_ERRORS as exc:
            raise unzip_error(path) from exc
        except Exception as exc:
            raise parse_error(path) from exc
    if strict:
        raise DrafterError(
            "这份 Word 文档是“严格 Open XML”格式，可以检查，但不能在上面写批注。",
            path=path,
            hint="请用 Word 打开，“另存为”时保存类型选“Word 文档（*.docx）”，再加批注；"
            "只检查不写批注时直接用 drafter check 即可。",
        )
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise parse_error(path) from exc
