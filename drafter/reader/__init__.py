"""Reader: an existing report (.docx or .txt) → blocks.

The same blocks the templates produce, with heading numbers kept exactly as written so the checks
can see broken numbering. The block index is the "paragraph" every finding refers to: one block per
non-empty paragraph (a title spread over several lines is one block, a table is one block).

Everything that can go wrong with a user's file ends as :class:`DrafterError` with a Chinese
message. A .docx is read with zipfile and lxml (:mod:`drafter.reader.parts`); python-docx only
opens one that is to be edited (``check --annotate``). By responsibility:

  ``parts``      the parts of a .docx (body, numbering, styles) as lxml trees;
  ``docx``       the archive checked, the parts read, the body walked in document order;
  ``numbering``  the numbers Word shows before automatically numbered paragraphs;
  ``txt``        a .txt decoded and cut into lines;
  ``items``      what those give: cleaned paragraphs and tables, each with its place in the file;
  ``blocks``     items → typed blocks (title, headings and their numbers, signature, date …).

This module reads a file (which kind it is, whether it is too big to be a report) and puts them
together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.io.inputs import OLE_MAGIC, ZIP_MAGIC, read_input
from drafter.reader.blocks import classify, classify_sourced, heading_match
from drafter.reader.docx import (
    MAX_XML_PART_BYTES,
    body_items,
    document_items,
    document_parts,
    docx_parts,
    paragraph_pieces,
)
from drafter.reader.items import Item, Source, Table
from drafter.reader.kind import refuse_unless_report
from drafter.reader.numbering import Numbering
from drafter.reader.txt import numbered_lines, read_text, text_lines

OpenDocument = Callable[[Path, bytes], Any]
"""Opens a .docx to be edited: (path, bytes) → a python-docx Document."""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are not township reports; refuse them before reading."""
MAX_PARAGRAPHS = 3_000
"""Paragraphs (and table rows) in a report; a township's annual report has one or two hundred."""
MAX_PARAGRAPH_CHARS = 20_000
"""Characters in one paragraph, as many as one answer may hold."""
MAX_TEXT_CHARS = 1_000_000
"""Characters in the whole report, some sixty times a real one. With the limits above, checking
or importing any accepted file takes a few seconds at most (benchmarks/hostile.py measures it)."""


@dataclass(slots=True)
class Report:
    """A report read with the way back to its file: block i came from ``sources[i]``;
    ``document``: the python-docx Document the ``w:p`` elements belong to (None for a .txt, and
    unless asked for)."""

    blocks: list[Block]
    sources: list[list[Source]]
    document: Any = None


# --------------------------------------------------------------------------- public API


def read_blocks(path: Path) -> list[Block]:
    """Read a report (.docx or .txt) into blocks; DrafterError when the file is unusable."""
    return read_report(path).blocks


def read_report(path: Path, *, open_document: OpenDocument | None = None) -> Report:
    """Read a report with each block's sources; DrafterError as above.

    ``open_document``: for a caller that edits a .docx (``check --annotate``), how to open it
    (:func:`drafter.docx.editable.open_document`); its document becomes ``Report.document``.
    """
    path = Path(path)
    sourced, document = _read_sourced(path, open_document)
    report = _sourced_report(sourced, document)
    if not report.blocks:
        raise DrafterError("文件里没有文字内容。", path=path, hint="请确认选对了文件。")
    return report


def read_items(path: Path) -> list[Item]:
    """A report's cleaned paragraphs and tables in order, before they become blocks (for a
    caller that drops or converts some first, as ``drafter import`` does; then
    :func:`classify`); DrafterError as :func:`read_report`."""
    return [item for item, _ in _read_sourced(Path(path), None)[0]]


def _read_sourced(
    path: Path, open_document: OpenDocument | None
) -> tuple[list[tuple[Item, list[Source]]], Any]:
    """The items of a file with where each came from, and the python-docx Document if asked."""
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    document = None
    sourced: list[tuple[Item, list[Source]]]
    if data.startswith(ZIP_MAGIC):
        if open_document is not None:
            document = open_document(path, data)
            parts = document_parts(document)
        else:
            parts = docx_parts(path, data)
        sourced = document_items(path, parts)
    elif data.startswith(OLE_MAGIC):
        raise _ole_error(path, data, suffix)
    elif suffix in (".docx", ".docm", ".dotx"):
        if data.lstrip()[:5].lower() == b"{\\rtf":
            raise DrafterError(
                "这是 RTF 文件，只是扩展名写成了 .docx。",
                path=path,
                hint="请用 Word 或 WPS 打开，另存为 .docx 后再试。",
            )
        raise DrafterError(
            "这不是有效的 Word 文档（.docx），文件可能已损坏或只是改了扩展名。",
            path=path,
            hint="请用 Word 或 WPS 打开，另存为 .docx 后再试。",
        )
    elif suffix in (".doc", ".wps", ".et", ".pdf", ".rtf", ".odt"):
        raise _unsupported_error(path, suffix)
    else:
        sourced = [
            (line, [Source(None, index)]) for index, line in numbered_lines(read_text(path, data))
        ]
    _check_extent(path, [item for item, _ in sourced])
    refuse_unless_report(path, [item for item, _ in sourced if isinstance(item, str)])
    return sourced, document


def document_report(document: Any) -> Report:
    """Blocks and sources of a python-docx Document already in memory (e.g. one just built)."""
    parts = document_parts(document)
    return _sourced_report(list(body_items(parts.body, Numbering(parts))), document)


def _sourced_report(sourced: list[tuple[Item, list[Source]]], document: Any) -> Report:
    blocks, groups = classify_sourced([item for item, _ in sourced])
    sources = [[s for index in group for s in sourced[index][1]] for group in groups]
    return Report(blocks, sources, document)


def blocks_from_text(text: str) -> list[Block]:
    """Classify plain text (one paragraph per line) into blocks."""
    return classify(list(text_lines(text)))


# --------------------------------------------------------------------------- input checks


def _read_bytes(path: Path) -> bytes:
    data = read_input(
        path,
        limit=MAX_FILE_BYTES,
        what="报告文件",
        hint="请确认选对了文件；报告正文通常不到 1 MB，可删去大图片后再试。",
    )
    if not data.strip():
        raise DrafterError("文件是空的。", path=path, hint="请确认选对了文件，或先保存文件内容。")
    return data


def _check_extent(path: Path, items: list[Item]) -> None:
    """Refuse a report too long to be one, naming which limit and where."""
    paragraphs = sum(len(item.rows) if isinstance(item, Table) else 1 for item in items)
    if paragraphs > MAX_PARAGRAPHS:
        raise DrafterError(
            f"文件有 {paragraphs} 段文字，超过 {MAX_PARAGRAPHS} 段的上限，不像是一份年度报告",
            path=path,
            hint="乡镇年度报告一般只有一两百段；请确认选对了文件。",
        )
    total = 0
    for index, item in enumerate(items, 1):
        cells = [c for row in item.rows for c in row] if isinstance(item, Table) else [item]
        for text in cells:
            total += len(text)
            if len(text) > MAX_PARAGRAPH_CHARS:
                where = f"第 {index} 段" if not isinstance(item, Table) else "表格里有一格"
                raise DrafterError(
                    f"{where}有 {len(text)} 字，超过一段 {MAX_PARAGRAPH_CHARS} 字的上限",
                    path=path,
                    hint="报告的一段通常只有几百字；请检查文件，或把这一段分开。",
                )
    if total > MAX_TEXT_CHARS:
        raise DrafterError(
            f"全文有 {total} 字，超过 {MAX_TEXT_CHARS // 10_000} 万字的上限，不像是一份年度报告",
            path=path,
            hint="请确认选对了文件。",
        )


def _ole_error(path: Path, data: bytes, suffix: str) -> DrafterError:
    # Encrypted .docx files are OLE containers too; their directory names an EncryptionInfo stream.
    if "EncryptionInfo".encode("utf-16-le") in data[:65536] or b"E\x00n\x00c\x00r\x00y" in data:
        return DrafterError(
            "文件设置了打开密码（已加密），无法读取。",
            path=path,
            hint="请在 Word 或 WPS 中取消密码后另存为 .docx 再试。",
        )
    if suffix == ".wps":
        return _unsupported_error(path, ".wps")
    return _unsupported_error(path, ".doc")


def _unsupported_error(path: Path, suffix: str) -> DrafterError:
    if suffix == ".doc":
        return DrafterError(
            "这是旧版 Word 文档（.doc），无法直接读取。",
            path=path,
            hint="请用 Word 或 WPS 另存为 .docx 后再试。",
        )
    if suffix in (".wps", ".et"):
        return DrafterError(
            "这是 WPS 专用格式（.wps），无法直接读取。",
            path=path,
            hint="请在 WPS 中“另存为” Word 文档（.docx）后再试。",
        )
    return DrafterError(
        f"不支持 {suffix} 文件，只能读取 .docx 和 .txt。",
        path=path,
        hint="请用 Word 或 WPS 另存为 .docx，或复制正文到 .txt 文件。",
    )


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PARAGRAPHS",
    "MAX_PARAGRAPH_CHARS",
    "MAX_TEXT_CHARS",
    "MAX_XML_PART_BYTES",
    "Report",
    "Source",
    "blocks_from_text",
    "classify",
    "document_report",
    "heading_match",
    "paragraph_pieces",
    "read_blocks",
    "read_items",
    "read_report",
]
