""".docx reports: the archive's directory checked before anything is inflated, the parts read
into lxml trees, the body walked in document order. A caller that edits the document (``check --annotate``)
opens it with python-docx (:mod:`drafter.docx.editable`); the walks run the same on its trees."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lxml.etree import _Element

from drafter.errors import DrafterError
from drafter.reader.items import Item, Source, Table, clean
from drafter.reader.numbering import Numbering
from drafter.reader.parts import NotAWordDocument, Parts, read_parts, w

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
"""Total uncompressed size a .docx may declare (its images included)."""
MAX_XML_PART_BYTES = 16 * 1024 * 1024
"""Uncompressed size of any one XML part python-docx would parse into memory."""
MAX_RATIO = 200
"""Compression ratio above which a large member is treated as a zip bomb."""

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def docx_parts(path: Path, data: bytes) -> Parts:
    """The parts of a .docx the reader walks; DrafterError for a damaged, encrypted, oversized
    or non-Word archive. Only the directory and the parts read are looked at: zipfile stops
    inflating a member at its recorded size and checks its CRC as it reads it."""
    with opened(path, data) as archive:
        try:
            return read_parts(archive)
        except NotAWordDocument as exc:
            raise parse_error(path) from exc
        except zipfile.BadZipFile as exc:
            raise damaged(path, exc) from exc
        except UNZIP_ERRORS as exc:
            raise unzip_error(path) from exc
        except Exception as exc:
            # lxml and a package that is not a Word document raise many exception types;
            # to the user they all mean the same thing, and a traceback would help nobody.
            raise parse_error(path) from exc


def document_parts(document: Any) -> Parts:
    """The parts the reader uses, from a python-docx Document."""
    try:
        numbering = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering = None
    try:
        styles = document.styles.element
    except (AttributeError, KeyError):
        styles = None
    return Parts(document.element.body, numbering, styles)


UNZIP_ERRORS = (RuntimeError, NotImplementedError, ValueError, OSError, EOFError, zlib.error)
"""What zipfile raises for encrypted members, unknown compression and truncated data."""


@contextlib.contextmanager
def opened(path: Path, data: bytes) -> Iterator[zipfile.ZipFile]:
    """The archive with its directory checked (zip bombs, encryption, not a Word document)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise damaged(path, exc) from exc
    except UNZIP_ERRORS as exc:
        raise unzip_error(path) from exc
    with archive:
        _check_zip(path, archive.infolist())
        yield archive


def damaged(path: Path, exc: zipfile.BadZipFile) -> DrafterError:
    member = re.search(r"Bad CRC-32 for file '([^']*)'", str(exc))
    return DrafterError(
        f"Word 文档已损坏（{member.group(1)} 校验失败）。"
        if member
        else "Word 文档已损坏，无法打开（压缩结构错误）。",
        path=path,
        hint="请用 Word 或 WPS 打开修复后另存为 .docx 再试。",
    )


def unzip_error(path: Path) -> DrafterError:
    return DrafterError(
        "Word 文档无法解压，可能已加密或损坏。",
        path=path,
        hint="请用 Word 或 WPS 打开后另存为 .docx 再试。",
    )


def document_items(path: Path, parts: Parts) -> list[tuple[Item, list[Source]]]:
    try:
        return list(body_items(parts.body, Numbering(parts)))
    except DrafterError:
        raise
    except Exception as exc:
        raise parse_error(path) from exc


def parse_error(path: Path) -> DrafterError:
    # python-docx and lxml raise many exception types on malformed parts; to the user they
    # all mean the same thing, and a traceback would help nobody.
    return DrafterError(
        "无法解析 Word 文档，文件可能已损坏或不是 Word 保存的 .docx。",
        path=path,
        hint="请用 Word 或 WPS 打开后另存为 .docx 再试。",
    )


# Clark names of the tags the walks below compare every element with, made once.
_P, _TBL, _SDT, _T, _TAB, _BR, _CR, _HYPHEN, _PPR, _TYPE = map(
    w, ("p", "tbl", "sdt", "t", "tab", "br", "cr", "noBreakHyphen", "pPr", "type")
)


def body_items(body: _Element, numbering: Numbering) -> Iterator[tuple[Item, list[Source]]]:
    for child in body.iterchildren():
        tag = child.tag
        if tag == _P:
            prefix = numbering.prefix(child)
            text = prefix + _paragraph_text(child)
            for index, line in enumerate(text.split("\n")):
                line = clean(line)
                if line:
                    yield line, [Source(child, index, prefix if index == 0 else "")]
        elif tag == _TBL:
            table, sources = _table(child, numbering)
            if table.rows:
                yield table, sources
        elif tag == _SDT:
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from body_items(content, numbering)
        elif tag in (w("customXml"), w("ins")):
            yield from body_items(child, numbering)


def _table(tbl: _Element, numbering: Numbering) -> tuple[Table, list[Source]]:
    table = Table()
    sources: list[Source] = []
    for tr in tbl.iter(w("tr")):
        # Nested tables' rows are also found by iter(); keep only this table's own rows.
        if _closest(tr, w("tbl")) is not tbl:
            continue
        row: list[str] = []
        for tc in tr.iterchildren(w("tc")):
            lines = []
            for p in tc.iter(w("p")):
                prefix = numbering.prefix(p)
                line = clean(prefix + _paragraph_text(p)).replace("\n", " ")
                if line:
                    lines.append(line)
                    sources.append(Source(p, -1, prefix))
            row.append("\n".join(lines))
        if any(row):
            table.rows.append(row)
    return table, sources


def _closest(element: _Element, tag: str) -> _Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


_SKIP_SUBTREES = {
    w("txbxContent"),
    f"{{{MC_NS}}}Fallback",
    w("delText"),
    w("del"),
    w("instrText"),
}


def _paragraph_text(p: _Element) -> str:
    """Text of a paragraph in document order: runs, insertions, hyperlinks, fields; w:br → \\n."""
    return "".join(text for text, _ in paragraph_pieces(p))


def paragraph_pieces(p: _Element) -> list[tuple[str, _Element]]:
    """The paragraph's text as (text, element) pieces: a ``w:t`` with its text, or a single
    character for a ``w:tab``/``w:br``/``w:cr``/``w:noBreakHyphen``; deleted text is left out."""
    parts: list[tuple[str, _Element]] = []

    def walk(element: _Element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_SUBTREES:
                continue
            if tag == _T:
                parts.append((child.text or "", child))
            elif tag == _TAB:
                parts.append(("\t", child))
            elif tag in (_BR, _CR):
                if child.get(_TYPE) != "page":
                    parts.append(("\n", child))
            elif tag == _HYPHEN:
                parts.append(("-", child))
            elif tag == _PPR:
                continue
            else:
                walk(child)

    walk(p)
    return parts


def _check_zip(path: Path, members: Iterable[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs, encryption and archives that are not Word documents from the
    directory alone, before anything is inflated."""
    total = 0
    names = set()
    for info in members:
        names.add(info.filename)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        big_xml = info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES
        if (
            total > MAX_UNZIPPED_BYTES
            or big_xml
            or (info.file_size > 10_000_000 and ratio > MAX_RATIO)
        ):
            raise DrafterError(
                "文件解压后异常庞大，可能已损坏或不是正常的 Word 文档，已拒绝读取。",
                path=path,
                hint="请用 Word 或 WPS 打开后重新另存为 .docx 再试。",
            )
        if info.flag_bits & 0x1:
            raise DrafterError(
                "文件已加密，无法读取。", path=path, hint="请取消密码后另存为 .docx 再试。"
            )
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        raise DrafterError(
            "这是一个压缩文件，但不是 Word 文档（.docx）。",
            path=path,
            hint="请确认选对了文件；WPS 文件请另存为 .docx。",
        )
