""".docx reports: the archive checked before anything is decompressed, the parts read into
expat trees (python-docx and lxml only for a document to be edited, or one the expat tree
declines), the body walked in document order. The walks below run unchanged on either tree."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from drafter.docx_parts import w
from drafter.errors import DrafterError
from drafter.reader.items import Item, Source, Table, clean
from drafter.reader.numbering import Numbering

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from drafter.reader.xmltree import XmlElement as _Element

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
"""Total uncompressed size a .docx may declare (its images included)."""
MAX_XML_PART_BYTES = 16 * 1024 * 1024
"""Uncompressed size of any one XML part python-docx would parse into memory."""
MAX_RATIO = 200
"""Compression ratio above which a large member is treated as a zip bomb."""

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def check_archive(path: Path, data: bytes) -> None:
    """Refuse a damaged, encrypted or oversized archive (DrafterError) before python-docx
    parses it: the directory, then every member decompressed and its CRC compared.

    The light path (:func:`light_parts`) does not come here: decompressing every member cost
    ~2 ms of a 30-page check (the styles parts are most of a draft's bytes). It checks the
    directory the same way and each part it reads as it reads it; when anything is wrong it
    gives up, and the file is checked here, with the messages below.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip(path, archive.infolist())
            bad = archive.testzip()
    except zipfile.BadZipFile as exc:
        raise DrafterError(
            "Word 文档已损坏，无法打开（压缩结构错误）。",
            path=path,
            hint="请用 Word 或 WPS 打开修复后另存为 .docx 再试。",
        ) from exc
    except (RuntimeError, NotImplementedError, ValueError, OSError, EOFError, zlib.error) as exc:
        # zipfile raises these for encrypted members, unknown compression and truncated data.
        raise DrafterError(
            "Word 文档无法解压，可能已加密或损坏。",
            path=path,
            hint="请用 Word 或 WPS 打开后另存为 .docx 再试。",
        ) from exc
    if bad is not None:
        raise DrafterError(
            f"Word 文档已损坏（{bad} 校验失败）。",
            path=path,
            hint="请用 Word 或 WPS 打开修复后另存为 .docx 再试。",
        )


def light_parts(path: Path, data: bytes) -> Any:
    """The parts through the light zip reader and the expat tree alone, or None: then the
    archive is checked whole with zipfile and python-docx opens the file (and says whether it
    can be read at all, with the lxml trees the reader had before). DrafterError for what the
    directory alone shows (a zip bomb, encryption, not a Word document), as check_archive."""
    from drafter.docx_parts import read_parts
    from drafter.reader.zipread import Archive

    try:
        archive = Archive(data)
    except Exception:
        return None
    _check_zip(path, archive.infolist())
    try:
        return read_parts(archive)
    except Exception:
        return None


def docx_document(path: Path, data: bytes) -> Any:
    """Parse a checked archive with python-docx (DrafterError when unusable)."""
    import io

    try:
        import docx

        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise _parse_error(path) from exc


def document_parts(document: Any) -> Any:
    """The parts the reader uses, from a python-docx Document."""
    from drafter.docx_parts import Parts

    try:
        numbering = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering = None
    try:
        styles = document.styles.element
    except (AttributeError, KeyError):
        styles = None
    return Parts(document.element.body, numbering, styles)


def document_items(path: Path, parts: Any) -> list[tuple[Item, list[Source]]]:
    try:
        return list(body_items(parts.body, Numbering(parts)))
    except DrafterError:
        raise
    except Exception as exc:
        raise _parse_error(path) from exc


def _parse_error(path: Path) -> DrafterError:
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


def _check_zip(path: Path, members: Iterable[Any]) -> None:
    """Refuse zip bombs from the directory alone, before anything is decompressed: ``members``
    are ``zipfile.ZipInfo`` objects or :class:`drafter.reader.zipread.Entry` ones."""
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
