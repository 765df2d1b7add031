"""Reader: an existing report (.docx or .txt) → blocks.

The same blocks the templates produce, with heading numbers kept exactly as written so the checks
can see broken numbering. The block index is the "paragraph" every finding refers to: one block per
non-empty paragraph (a title spread over several lines is one block, a table is one block).

Everything that can go wrong with a user's file ends as :class:`DrafterError` with a Chinese
message. A .docx is read with lxml (:mod:`drafter.docx_parts`); python-docx only opens one that is
to be edited (``check --annotate``) or that lxml alone cannot make sense of.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError
from drafter.fsutil import read_input
from drafter.hanzi import is_han
from drafter.outline import Block

if TYPE_CHECKING:
    from lxml.etree import _Element

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are not township reports; refuse them before reading."""
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
"""Total uncompressed size a .docx may declare (its images included)."""
MAX_XML_PART_BYTES = 16 * 1024 * 1024
"""Uncompressed size of any one XML part python-docx would parse into memory."""
MAX_RATIO = 200
"""Compression ratio above which a large member is treated as a zip bomb."""
MAX_PARAGRAPHS = 3_000
"""Paragraphs (and table rows) in a report; a township's annual report has one or two hundred."""
MAX_PARAGRAPH_CHARS = 20_000
"""Characters in one paragraph, as many as one answer may hold."""
MAX_TEXT_CHARS = 1_000_000
"""Characters in the whole report, some sixty times a real one. With the limits above, checking
or importing any accepted file takes a few seconds at most (benchmarks/hostile.py measures it)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

# Leftovers of converting Word files to text (see seeds/INDEX.md).
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_CN_NUM = "一二三四五六七八九十百零〇两"

# Heading number patterns, tried in order. Brackets may be full- or half-width and even unbalanced
# (kept as written so the numbering check can report them).
_CN_SMALL = "一二三四五六七八九十"
_H_L2 = re.compile(
    rf"^[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]"
    rf"|^[{_CN_SMALL}]{{1,3}}\s*[）)]"
    # "（一加强…": the closing bracket forgotten; kept so the numbering check can report it.
    rf"|^[（(][{_CN_SMALL}]{{1,2}}(?=[^\s{_CN_NUM}是年月日届大中、）)])"
)
_H_L4 = re.compile(r"^[（(]\s*\d{1,2}\s*[）)]|^\d{1,2}\s*[）)]")
_H_L1 = re.compile(rf"^[{_CN_NUM}]{{1,3}}\s*(?:[、，,]|[．.](?!\d))")
_H_L3 = re.compile(r"^\d{1,2}\s*[.．、](?!\d)")
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (2, _H_L2),
    (4, _H_L4),
    (1, _H_L1),
    (3, _H_L3),
)
_HEADING_MAX = 60
"""A run-in heading sentence longer than this is body text that happens to start with a number."""

# A 成文日期 line. Month and day may be left blank for the clerk to write in ("2025年　　月　　日",
# the placeholder drafts carry) and the day may be missing ("2025年1月"): still the date line, so
# the date check can report it and the spacing check leaves its blanks alone.
_DATE = re.compile(
    # Month and day may be left blank for the clerk ("2025年　　月　　日", a draft's date line),
    # or the day missing (the checks report it).
    r"^(?:(\d{4}|[一二三四五六七八九〇零○Ｏ０-９]{4})\s*年\s*(?:[\d一二三四五六七八九十０-９]{1,3}|[ \u3000]{1,8})"
    r"\s*月(?:\s*(?:[\d一二三四五六七八九十０-９]{1,3}|[ \u3000]{1,8})\s*日)?"
    # 2025.1.15, 2025-01-15, 2025/1/15 (typed in haste, or left by a form)
    r"|[2２][0０][\d０-９]{2}\s*[.．\-－/／]\s*[\d０-９]{1,2}\s*[.．\-－/／]\s*[\d０-９]{1,2}\s*日?)$"
)
_SIGNER = re.compile(r"(人民政府|政府|党委|党工委|委员会|办事处|街道|[乡镇]|苏木|办公室|领导小组)$")
_ADDRESSEE_BODY = re.compile(r"(委|政府|办公室|小组|机关|局|部|办)")
_SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"


@dataclass
class _Table:
    rows: list[list[str]] = field(default_factory=list)


_Item = str | _Table


@dataclass(frozen=True)
class Source:
    """Where a piece of a block's text stands in the file it was read from.

    ``drafter check --annotate`` uses it to anchor a comment on the text a finding quotes.
    """

    paragraph: Any
    """The ``w:p`` element of a .docx (None for a .txt)."""
    line: int
    """Which line of the paragraph (split at ``w:br``) the block holds; -1 for the whole
    paragraph (a table cell's paragraph, whose line breaks become spaces); for a .txt, the index
    of the line in the file."""
    prefix: str = ""
    """The automatic list number Word shows before the text (numPr): in the block, not in a run."""


@dataclass
class Report:
    """A report read with the way back to its file: block i came from ``sources[i]``."""

    blocks: list[Block]
    sources: list[list[Source]]
    document: Any = None
    """The python-docx Document the ``w:p`` elements belong to (None for a .txt)."""


# --------------------------------------------------------------------------- public API


def read_blocks(path: Path) -> list[Block]:
    """Read a report (.docx or .txt) into blocks; DrafterError when the file is unusable."""
    return read_report(path).blocks


def read_report(path: Path, *, with_document: bool = False) -> Report:
    """Read a report with each block's sources; DrafterError as above.

    ``with_document``: also open a .docx with python-docx (``Report.document``), for a caller
    that edits it (``check --annotate``); reading alone parses the XML with lxml.
    """
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    document = None
    sourced: list[tuple[_Item, list[Source]]]
    if data.startswith(ZIP_MAGIC):
        _check_archive(path, data)
        parts = None if with_document else _light_parts(data)
        if parts is None:
            document = _docx_document(path, data)
            parts = _document_parts(document)
        sourced = _document_items(path, parts)
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
            (line, [Source(None, index)])
            for index, line in _numbered_lines(_decode_text(path, data))
        ]
    _check_extent(path, [item for item, _ in sourced])
    report = _sourced_report(sourced, document)
    if not report.blocks:
        raise DrafterError("文件里没有文字内容。", path=path, hint="请确认选对了文件。")
    return report


def document_report(document: Any) -> Report:
    """Blocks and sources of a python-docx Document already in memory (e.g. one just built)."""
    parts = _document_parts(document)
    return _sourced_report(list(_body_items(parts.body, _Numbering(parts))), document)


def _sourced_report(sourced: list[tuple[_Item, list[Source]]], document: Any) -> Report:
    blocks, groups = _classify([item for item, _ in sourced])
    sources = [[s for index in group for s in sourced[index][1]] for group in groups]
    return Report(blocks, sources, document)


def blocks_from_text(text: str) -> list[Block]:
    """Classify plain text (one paragraph per line) into blocks."""
    return classify(list(_text_lines(text)))


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


def _check_extent(path: Path, items: list[_Item]) -> None:
    """Refuse a report too long to be one, naming which limit and where."""
    paragraphs = sum(len(item.rows) if isinstance(item, _Table) else 1 for item in items)
    if paragraphs > MAX_PARAGRAPHS:
        raise DrafterError(
            f"文件有 {paragraphs} 段文字，超过 {MAX_PARAGRAPHS} 段的上限，不像是一份年度报告",
            path=path,
            hint="乡镇年度报告一般只有一两百段；请确认选对了文件。",
        )
    total = 0
    for index, item in enumerate(items, 1):
        cells = [c for row in item.rows for c in row] if isinstance(item, _Table) else [item]
        for text in cells:
            total += len(text)
            if len(text) > MAX_PARAGRAPH_CHARS:
                where = f"第 {index} 段" if not isinstance(item, _Table) else "表格里有一格"
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


def _decode_text(path: Path, data: bytes) -> str:
    """Decode a text file the way Windows editors save it."""
    from drafter.textfile import decode_text

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


def _check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs from the directory alone, before anything is decompressed."""
    total = 0
    names = set()
    for info in archive.infolist():
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


# --------------------------------------------------------------------------- .txt


def _text_lines(text: str) -> Iterator[str]:
    for _, line in _numbered_lines(text):
        yield line


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index of the line in the file, cleaned line) for every non-empty line."""
    text = text.lstrip("\ufeff")
    for index, raw in enumerate(re.split(r"\r\n|\r|\n|\u2028|\u2029|\f|\v", text)):
        line = _clean(raw)
        if line:
            yield index, line


def _clean(line: str) -> str:
    return _BOOKMARK.sub("", line).strip(_SPACES)


# --------------------------------------------------------------------------- .docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _check_archive(path: Path, data: bytes) -> None:
    """Refuse a damaged, encrypted or oversized archive (DrafterError) before parsing."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip(path, archive)
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


def _light_parts(data: bytes) -> Any:
    """The parts through lxml alone, or None: then python-docx opens the file (and says
    whether it can be read at all)."""
    import io

    from drafter.docx_parts import read_parts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return read_parts(archive)
    except Exception:
        return None


def _docx_document(path: Path, data: bytes) -> Any:
    """Parse a checked archive with python-docx (DrafterError when unusable)."""
    import io

    try:
        import docx

        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise _parse_error(path) from exc


def _document_parts(document: Any) -> Any:
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


def _document_items(path: Path, parts: Any) -> list[tuple[_Item, list[Source]]]:
    try:
        return list(_body_items(parts.body, _Numbering(parts)))
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


def _body_items(body: _Element, numbering: _Numbering) -> Iterator[tuple[_Item, list[Source]]]:
    for child in body.iterchildren():
        tag = child.tag
        if tag == _w("p"):
            prefix = numbering.prefix(child)
            text = prefix + _paragraph_text(child)
            for index, line in enumerate(text.split("\n")):
                line = _clean(line)
                if line:
                    yield line, [Source(child, index, prefix if index == 0 else "")]
        elif tag == _w("tbl"):
            table, sources = _table(child, numbering)
            if table.rows:
                yield table, sources
        elif tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _body_items(content, numbering)
        elif tag in (_w("customXml"), _w("ins")):
            yield from _body_items(child, numbering)


def _table(tbl: _Element, numbering: _Numbering) -> tuple[_Table, list[Source]]:
    table = _Table()
    sources: list[Source] = []
    for tr in tbl.iter(_w("tr")):
        # Nested tables' rows are also found by iter(); keep only this table's own rows.
        if _closest(tr, _w("tbl")) is not tbl:
            continue
        row: list[str] = []
        for tc in tr.iterchildren(_w("tc")):
            lines = []
            for p in tc.iter(_w("p")):
                prefix = numbering.prefix(p)
                line = _clean(prefix + _paragraph_text(p)).replace("\n", " ")
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
    _w("txbxContent"),
    f"{{{MC_NS}}}Fallback",
    _w("delText"),
    _w("del"),
    _w("instrText"),
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
            if tag == _w("t"):
                parts.append((child.text or "", child))
            elif tag == _w("tab"):
                parts.append(("\t", child))
            elif tag in (_w("br"), _w("cr")):
                if child.get(_w("type")) != "page":
                    parts.append(("\n", child))
            elif tag == _w("noBreakHyphen"):
                parts.append(("-", child))
            elif tag == _w("pPr"):
                continue
            else:
                walk(child)

    walk(p)
    return parts


# --------------------------------------------------------------------------- Word list numbering


class _Numbering:
    """Derives the number Word displays for automatically numbered paragraphs (w:numPr)."""

    def __init__(self, parts: Any) -> None:
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        if parts.numbering is not None:
            self._load_numbering(parts.numbering)
        if parts.styles is not None:
            with contextlib.suppress(AttributeError, KeyError):
                self._load_styles(parts.styles)

    def _load_numbering(self, root: _Element) -> None:
        for abstract in root.iterchildren(_w("abstractNum")):
            aid = abstract.get(_w("abstractNumId")) or ""
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iterchildren(_w("lvl")):
                ilvl = int(lvl.get(_w("ilvl")) or 0)
                fmt = _child_val(lvl, "numFmt") or "decimal"
                text = _child_val(lvl, "lvlText") or ""
                start = int(_child_val(lvl, "start") or 1)
                levels[ilvl] = (fmt, text, start)
            self.levels[aid] = levels
        for num in root.iterchildren(_w("num")):
            nid = num.get(_w("numId")) or ""
            self.num_to_abstract[nid] = _child_val(num, "abstractNumId") or ""
            overrides: dict[int, int] = {}
            for override in num.iterchildren(_w("lvlOverride")):
                restart = _child_val(override, "startOverride")
                if restart is not None:
                    overrides[int(override.get(_w("ilvl")) or 0)] = int(restart)
            self.overrides[nid] = overrides

    def _load_styles(self, styles: _Element) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in styles.iterchildren(_w("style")):
            sid = style.get(_w("styleId")) or ""
            parent = _child_val(style, "basedOn")
            if parent:
                based[sid] = parent
            ppr = style.find(_w("pPr"))
            numpr = ppr.find(_w("numPr")) if ppr is not None else None
            if numpr is not None:
                ilvl = _child_val(numpr, "ilvl")
                own[sid] = (_child_val(numpr, "numId"), int(ilvl) if ilvl is not None else None)
        for sid in list(own) + list(based):
            seen: set[str] = set()
            cur: str | None = sid
            while cur is not None and cur not in own and cur not in seen:
                seen.add(cur)
                cur = based.get(cur)
            if cur is not None and cur in own:
                self.style_numpr[sid] = own[cur]

    def prefix(self, p: _Element) -> str:
        """The displayed number of a paragraph ("一、", "（二）", "3." …) or ""."""
        num_id: str | None = None
        ilvl: int | None = None
        ppr = p.find(_w("pPr"))
        if ppr is not None:
            style = _child_val(ppr, "pStyle")
            if style and style in self.style_numpr:
                num_id, ilvl = self.style_numpr[style]
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                num_id = _child_val(numpr, "numId") or num_id
                level = _child_val(numpr, "ilvl")
                ilvl = int(level) if level is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.num_to_abstract:
            return ""
        ilvl = min(max(ilvl or 0, 0), 8)
        aid = self.num_to_abstract[num_id]
        levels = self.levels.get(aid, {})
        if ilvl not in levels:
            return ""
        # Word continues a list across numIds sharing one abstract definition unless a num
        # restarts it with startOverride; counters therefore live on the abstract id.
        counters = self.counters.setdefault(aid, [0] * 9)
        overrides = self.overrides.get(num_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for override_level, restart in overrides.items():
                counters[override_level] = restart - 1
        counters[ilvl] = (counters[ilvl] or levels[ilvl][2] - 1) + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return ""
        if fmt == "none":
            return text if "%" not in text else ""

        def level_value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            level_fmt, _, start = levels.get(level, ("decimal", "", 1))
            value = counters[level] or start
            return _format_number(value, level_fmt)

        return re.sub(r"%([1-9])", level_value, text)


def _child_val(element: _Element, tag: str) -> str | None:
    child = element.find(_w(tag))
    return child.get(_w("val")) if child is not None else None


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


_CN_FORMATS = (
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "japaneseCounting",
    # LibreOffice saves Word's chineseCounting (一、二、) as taiwaneseCountingThousand.
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
)


def _format_number(n: int, fmt: str) -> str:
    if fmt in _CN_FORMATS:
        return _cn(n)
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in ("ideographZodiac",) and 1 <= n <= 12:
        return "子丑寅卯辰巳午未申酉戌亥"[n - 1]
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


# --------------------------------------------------------------------------- classification


def heading_match(line: str) -> tuple[int, str, str] | None:
    """(level, number as written, rest) when a line starts with a heading number."""
    for level, pattern in _HEADING_PATTERNS:
        match = pattern.match(line)
        if match:
            number = match.group(0).rstrip(_SPACES)
            rest = line[match.end() :].lstrip(_SPACES)
            if not rest:
                return None
            return level, number, rest
    return None


def _split_run_in(rest: str) -> tuple[str, str]:
    """Split "heading sentence。body…" into (heading sentence with its mark, body)."""
    for index, ch in enumerate(rest):
        # A half-width "." between two 汉字 ends a sentence too (typed with the wrong keyboard
        # mode); between digits it is a decimal point or a date like 3.15.
        half_stop = ch == "." and 0 < index < len(rest) - 1 and is_han(rest[index - 1])
        if ch in "。！？" or (half_stop and is_han(rest[index + 1])):
            if index + 1 < len(rest) and index < _HEADING_MAX:
                # The body keeps a stray space after the heading: the spacing check reports it.
                return rest[: index + 1], rest[index + 1 :]
            return rest, ""
        if ch in "：:" and index + 1 < len(rest):
            head = rest[: index + 1]
            # "1. 小标题：正文" — a short label without commas; "…主要表现在：一是" is body text.
            if index <= 25 and "，" not in head and "," not in head:
                return head, rest[index + 1 :]
            return rest, ""
        if index >= _HEADING_MAX:
            break
    return rest, ""


def _is_title_line(line: str) -> bool:
    if len(line) > 50 or heading_match(line) is not None:
        return False
    return not (line[-1] in "。；;！？：:，," or "，" in line or "。" in line)


def _is_addressee(line: str) -> bool:
    return (
        line[-1] in "：:"
        and len(line) <= 60
        and not any(mark in line for mark in "，。,；")
        and _ADDRESSEE_BODY.search(line) is not None
    )


def _is_signature(line: str) -> bool:
    return (
        len(line) <= 30
        and not any(mark in line for mark in "，。,；：:、")
        and heading_match(line) is None
        and _SIGNER.search(line) is not None
    )


def classify(items: Iterable[_Item]) -> list[Block]:
    """Turn cleaned paragraphs (and tables) into typed blocks."""
    return _classify(list(items))[0]


def _classify(items: list[_Item]) -> tuple[list[Block], list[list[int]]]:
    """Blocks, and for each block the indices of the items it was made from."""
    blocks: list[Block] = []
    groups: list[list[int]] = []
    i = 0
    # Title: up to three short leading lines without sentence punctuation, before the opening.
    title_lines: list[str] = []
    while i < len(items) and len(title_lines) < 3:
        item = items[i]
        if not isinstance(item, str) or not _is_title_line(item):
            break
        # A lone date/signature-like line cannot start a title of a real report; but the title
        # itself may name 人民政府 ("XX乡人民政府" / "关于…的报告"), so only dates stop it.
        if _DATE.match(item):
            break
        title_lines.append(item)
        i += 1
    if title_lines:
        blocks.append(Block("title", "\n".join(title_lines)))
        groups.append(list(range(i)))
    if i < len(items) and isinstance(items[i], str) and blocks and _is_addressee(items[i]):  # type: ignore[arg-type]
        blocks.append(Block("addressee", items[i]))  # type: ignore[arg-type]
        groups.append([i])
        i += 1

    body = items[i:]
    # Closing lines: a date at the very end, signatures just before it.
    tail: list[Block] = []
    end = len(body)
    if end and isinstance(body[end - 1], str) and _DATE.match(body[end - 1]):  # type: ignore[arg-type]
        tail.insert(0, Block("date", body[end - 1]))  # type: ignore[arg-type]
        end -= 1
    signers = 0
    while end and signers < 3 and isinstance(body[end - 1], str) and _is_signature(body[end - 1]):  # type: ignore[arg-type]
        # Without a date, only accept signature lines that clearly name a body.
        line = body[end - 1]
        assert isinstance(line, str)
        if not tail and not re.search(r"(人民政府|党委|党工委|委员会|办事处)$", line):
            break
        tail.insert(0, Block("signature", line))
        end -= 1
        signers += 1

    for offset, item in enumerate(body[:end]):
        blocks.append(_classify_body(item))
        groups.append([i + offset])
    blocks.extend(tail)
    groups.extend([i + index] for index in range(end, len(body)))
    return blocks, groups


def _classify_body(item: _Item) -> Block:
    if isinstance(item, _Table):
        return Block("table", "", rows=item.rows)
    match = heading_match(item)
    if match is None:
        return Block("paragraph", item)
    level, number, rest = match
    text, body = _split_run_in(rest)
    if not body and len(text) > _HEADING_MAX * 2:
        # A long numbered paragraph without a short lead sentence is body text, e.g. "1. …" lists.
        return Block("paragraph", item)
    return Block("heading", text, level=level, number=number, body=body)
