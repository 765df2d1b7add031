"""Blocks → .docx in the GB/T 9704-2012 layout (see shared/docs/report-format.md).

Formatting lives in real Word styles so a user can restyle the report in Word or WPS; the
paragraphs carry only what must be computed per paragraph (署名/日期 indents, outline levels of
run-in headings). Style choices:

* Title: the built-in ``Title`` style (Chinese Word shows it as 标题), restyled.
* Headings standing on their own line use the built-in ``Heading 1``–``Heading 4`` (shown as
  标题 1–4) rather than new 一级标题… styles: Word recognises built-ins by their English name, so
  the navigation pane, outline view and a table of contents work without extra set-up.
* Run-in headings ("（一）加强组织领导。一是……") are Normal paragraphs with the paragraph's outline
  level set directly, so they still appear in the navigation pane; the heading sentence is a run in
  a character style (一级标题（接排）…), the body text a plain Normal run.
* Tables (附表) use 4号 text: 3号 leaves too few characters per cell for a 4–6 column table.
  Cell text keeps Normal's exact 28.95 pt pitch, so a page with a table keeps the 22-line rhythm.
"""

from __future__ import annotations

import io
import re
import unicodedata
import weakref
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.shared import Length, Pt, Twips
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from drafter import gbt9704 as g
from drafter import oxml
from drafter.fsutil import atomic_write_bytes
from drafter.outline import Block

STYLE_NORMAL = "Normal"
STYLE_TITLE = "Title"
STYLE_ADDRESSEE = "主送机关"
STYLE_HEADINGS = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
STYLE_RUN_IN = {
    1: "一级标题（接排）",
    2: "二级标题（接排）",
    3: "三级标题（接排）",
    4: "四级标题（接排）",
}
STYLE_SIGNATURE = "署名"
STYLE_DATE = "成文日期"
STYLE_PAGE_ODD = "页码（单页）"
STYLE_PAGE_EVEN = "页码（双页）"
STYLE_CAPTION = "表题"
STYLE_TABLE_TEXT = "表格文字"
STYLE_TABLE_HEADER = "表头文字"
TABLE_STYLE = "Table Grid"

# Heading fonts per level (std 7.3.3): 黑体, 楷体, 仿宋 bold (practice), 仿宋.
HEADING_FONTS = {1: g.FONT_HEI, 2: g.FONT_KAI, 3: g.FONT_BODY, 4: g.FONT_BODY}
HEADING_BOLD = {1: False, 2: False, 3: True, 4: False}

# Characters XML 1.0 forbids (and lone surrogates): they would make the .docx unreadable.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Normalise line ends and strip characters that are illegal in XML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL_XML.sub("", text)


# LibreOffice puts about 0.2 em between a CJK character and an adjacent digit or Latin letter
# whatever w:autoSpaceDE/DN say (measured: "2025年1月15日" renders 7.5, not 6.5, characters
# wide); Word and WPS add similar space by default. Counting it keeps the date's right edge
# where 7.3.5.2 wants it to within a fraction of a character in all of them.
AUTOSPACE_CHARS = 0.2


def _half_width(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("Na", "H")


def text_width_chars(text: str) -> float:
    """Rendered width in body character cells.

    Full-width characters count 1, half-width ones (digits, Latin) ½, plus
    :data:`AUTOSPACE_CHARS` at every switch between a CJK character and a letter or digit.
    """
    width = sum(0.5 if _half_width(ch) else 1.0 for ch in text)
    for a, b in pairwise(text):
        if _half_width(a) != _half_width(b) and a.isalnum() and b.isalnum():
            width += AUTOSPACE_CHARS
    return width


def signature_indents(signatures: Sequence[str], date: str | None) -> tuple[list[Length], Length]:
    """Left indents of the 署名 lines and the 成文日期 (GB/T 9704-2012 7.3.5.2, un-sealed).

    Each 署名 ends two characters short of the right edge of the text block; the date starts two
    characters right of the last 署名's first character. If the date is longer than that 署名, the
    date ends two characters short of the edge instead and the 署名 moves left to keep the shift.
    Indents are in 315-twip character cells measured from the left edge of the text block.
    """
    cell = g.CHAR_CELL.twips
    right = g.TEXT_BLOCK_WIDTH.twips - g.SIGNATURE_RIGHT_CHARS * cell
    lefts = [right - text_width_chars(s) * cell for s in signatures]
    date_left = 0.0
    if date is not None:
        if signatures:
            shifted = lefts[-1] + g.DATE_SHIFT_CHARS * cell
            if text_width_chars(date) > text_width_chars(signatures[-1]):
                shifted = right - text_width_chars(date) * cell
                lefts[-1] = shifted - g.DATE_SHIFT_CHARS * cell
            date_left = shifted
        else:
            date_left = right - text_width_chars(date) * cell
    return [Twips(max(0, round(x))) for x in lefts], Twips(max(0, round(date_left)))


# --- styles --------------------------------------------------------------------------------


def _paragraph_style(document: Document, name: str, base: str = STYLE_NORMAL) -> ParagraphStyle:
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    oxml.clear_formatting(style.element)
    if name != STYLE_NORMAL:
        style.base_style = styles[base]
        style.next_paragraph_style = styles[STYLE_NORMAL]
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    return style


def _character_style(document: Document, name: str) -> CharacterStyle:
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(style, CharacterStyle)
    oxml.clear_formatting(style.element)
    style.quick_style = True
    return style


def _set_font(
    style: ParagraphStyle | CharacterStyle,
    east_asia: str,
    size: Length,
    *,
    bold: bool = False,
    latin: str = g.FONT_LATIN,
    spacing: Length | None = None,
) -> None:
    rpr = style.element.get_or_add_rPr()
    oxml.set_fonts(rpr, east_asia, latin)
    style.font.size = size
    style.font.bold = bold
    if spacing is not None:
        oxml.set_char_spacing(rpr, spacing)


def _no_indent(style: ParagraphStyle) -> None:
    """Flush left: override the first-line indent inherited from Normal."""
    oxml.set_first_line_chars(style.element.get_or_add_pPr(), 0, Pt(0))


def _setup_styles(document: Document) -> None:
    """Define every style the writer uses, from docDefaults down."""
    styles = document.styles
    oxml.strip_theme_fonts(styles.element)

    # docDefaults: what anything without a style of ours falls back to.
    rpr, ppr = oxml.doc_defaults(styles.element)
    oxml.set_fonts(rpr, g.FONT_BODY, g.FONT_LATIN)
    oxml.set_size(rpr, g.SIZE_3HAO)
    oxml.set_char_spacing(rpr, g.CHAR_SPACING)
    oxml.set_lang(rpr, g.LANG_EAST_ASIA)
    oxml.set_exact_line_spacing(ppr, g.LINE_PITCH)
    oxml.set_widow_control(ppr, on=False)

    # Normal = 正文: 仿宋_GB2312 3号, exact 28.95 pt lines, −0.25 pt spacing, 2-character indent.
    normal = _paragraph_style(document, STYLE_NORMAL)
    _set_font(normal, g.FONT_BODY, g.SIZE_3HAO, spacing=g.CHAR_SPACING)
    oxml.set_lang(normal.element.get_or_add_rPr(), g.LANG_EAST_ASIA)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = g.LINE_PITCH
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.alignment = WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    # Widow control off: GB/T 9704 wants 22 lines on every full page.
    fmt.widow_control = False
    oxml.set_first_line_chars(
        normal.element.get_or_add_pPr(), g.FIRST_LINE_CHARS, g.FIRST_LINE_INDENT
    )

    # Title: 2号 方正小标宋简体, centred; same exact pitch so page 1 keeps the 22-line rhythm.
    title = _paragraph_style(document, STYLE_TITLE)
    _set_font(title, g.FONT_TITLE, g.SIZE_2HAO, spacing=Pt(0))
    title.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    _no_indent(title)

    addressee = _paragraph_style(document, STYLE_ADDRESSEE)
    _no_indent(addressee)
    addressee.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT

    # Own-line headings: built-in Heading 1–4 with outline levels. keep_with_next stays off on
    # purpose: pushing a heading to the next page would leave a 21-line page.
    for level, name in STYLE_HEADINGS.items():
        heading = _paragraph_style(document, name)
        _set_font(heading, HEADING_FONTS[level], g.SIZE_3HAO, bold=HEADING_BOLD[level])
        heading.paragraph_format.keep_with_next = False
        oxml.set_outline_level(heading.element.get_or_add_pPr(), level - 1)
        run_in = _character_style(document, STYLE_RUN_IN[level])
        _set_font(run_in, HEADING_FONTS[level], g.SIZE_3HAO, bold=HEADING_BOLD[level])

    for name in (STYLE_SIGNATURE, STYLE_DATE):
        style = _paragraph_style(document, name)
        _no_indent(style)
        style.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT

    # Page numbers: 4号 宋体 for digits and dashes too (LibreOffice draws "—" with the ascii font).
    for name, alignment in (
        (STYLE_PAGE_ODD, WD_PARAGRAPH_ALIGNMENT.RIGHT),
        (STYLE_PAGE_EVEN, WD_PARAGRAPH_ALIGNMENT.LEFT),
    ):
        style = _paragraph_style(document, name)
        _set_font(style, g.FONT_SONG, g.PAGE_NUMBER_SIZE, latin=g.FONT_SONG, spacing=Pt(0))
        _no_indent(style)
        fmt = style.paragraph_format
        fmt.alignment = alignment
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if alignment == WD_PARAGRAPH_ALIGNMENT.RIGHT:
            fmt.right_indent = g.PAGE_NUMBER_SIDE_INDENT
        else:
            fmt.left_indent = g.PAGE_NUMBER_SIDE_INDENT

    caption = _paragraph_style(document, STYLE_CAPTION)
    _set_font(caption, g.FONT_HEI, g.SIZE_3HAO, spacing=g.CHAR_SPACING)
    caption.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    _no_indent(caption)

    table_text = _paragraph_style(document, STYLE_TABLE_TEXT)
    _set_font(table_text, g.FONT_BODY, g.SIZE_4HAO, spacing=Pt(0))
    table_text.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    _no_indent(table_text)
    table_header = _paragraph_style(document, STYLE_TABLE_HEADER, base=STYLE_TABLE_TEXT)
    _set_font(table_header, g.FONT_BODY, g.SIZE_4HAO, bold=True, spacing=Pt(0))


# --- page ----------------------------------------------------------------------------------


def _setup_page(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = g.PAGE_WIDTH
    section.page_height = g.PAGE_HEIGHT
    section.top_margin = g.MARGIN_TOP
    section.bottom_margin = g.MARGIN_BOTTOM
    section.left_margin = g.MARGIN_LEFT
    section.right_margin = g.MARGIN_RIGHT
    section.gutter = Twips(0)
    section.header_distance = g.HEADER_DISTANCE
    section.footer_distance = g.FOOTER_DISTANCE
    section.different_first_page_header_footer = False  # std 7.5: page 1 is numbered too
    oxml.set_doc_grid_none(section._sectPr, g.LINE_PITCH)
    document.settings.odd_and_even_pages_header_footer = True
    for footer, style in (
        (section.footer, STYLE_PAGE_ODD),
        (section.even_page_footer, STYLE_PAGE_EVEN),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[style]
        dash = g.PAGE_NUMBER_DASH
        paragraph.add_run(f"{dash} ")
        oxml.append_page_field(paragraph._p)
        paragraph.add_run(f" {dash}")


# --- blocks --------------------------------------------------------------------------------


# Keyed by the document part (a Document proxy compares by element and is not hashable).
_STYLE_IDS: weakref.WeakKeyDictionary[Any, dict[str, str]] = weakref.WeakKeyDictionary()


def _style_id(document: Document, name: str) -> str:
    """A style's id, looked up once per document (by-name lookups scan all styles each time)."""
    ids = _STYLE_IDS.get(document.part)
    if ids is None:
        ids = _STYLE_IDS[document.part] = {s.name: s.style_id for s in document.styles}
    return ids[name]


def _styled(document: Document, style: str) -> Paragraph:
    paragraph = document.add_paragraph()
    oxml.set_paragraph_style(paragraph._p, _style_id(document, style))
    return paragraph


def _add_paragraph(document: Document, text: str, style: str) -> Paragraph:
    paragraph = _styled(document, style)
    if text:
        paragraph.add_run(text)
    return paragraph


def _add_title(document: Document, block: Block) -> None:
    lines = g.break_title(clean_text(block.text))
    paragraph = _styled(document, STYLE_TITLE)
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()
    # One blank line between the title and what follows (std 7.3.2).
    _styled(document, STYLE_NORMAL)


def _add_heading(document: Document, block: Block) -> None:
    level = min(max(block.level, 1), 4)
    heading = clean_text(f"{block.number}{block.text}")
    body = clean_text(block.body)
    if not body:
        _add_paragraph(document, heading, STYLE_HEADINGS[level])
        return
    paragraph = _styled(document, STYLE_NORMAL)
    oxml.set_outline_level(paragraph._p.get_or_add_pPr(), level - 1)
    oxml.set_run_style(paragraph.add_run(heading)._r, _style_id(document, STYLE_RUN_IN[level]))
    paragraph.add_run(body)


def _column_widths(rows: list[list[str]], n_cols: int) -> list[Length]:
    """Share the text block's width by each column's longest cell (at least 3 characters)."""
    weights = [3.0] * n_cols
    for row in rows:
        for c, text in enumerate(row):
            weights[c] = max(weights[c], min(text_width_chars(text), 14.0) + 1)
    total = g.TEXT_BLOCK_WIDTH.twips
    return [Twips(int(total * w / sum(weights))) for w in weights]


def _add_table(document: Document, block: Block, new_page: bool) -> None:
    caption = clean_text(block.text)
    if caption or new_page:
        paragraph = _add_paragraph(document, caption, STYLE_CAPTION)
        paragraph.paragraph_format.page_break_before = new_page
    rows = [[clean_text(cell) for cell in row] for row in block.rows]
    if not rows:
        return
    n_cols = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=n_cols)
    table.style = document.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(rows, n_cols)
    # LibreOffice lays a table out by its grid (w:gridCol), Word by the cell widths: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, row in enumerate(rows):
        style = _style_id(document, STYLE_TABLE_HEADER if r == 0 else STYLE_TABLE_TEXT)
        for c in range(n_cols):
            cell = table.cell(r, c)
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            oxml.set_paragraph_style(paragraph._p, style)
            text = row[c] if c < len(row) else ""
            if text:
                paragraph.add_run(text)


def _add_signature_block(document: Document, signatures: list[str], date: str | None) -> None:
    sig_indents, date_indent = signature_indents(signatures, date)
    # std 7.3.5.2: 正文下空一行.
    _styled(document, STYLE_NORMAL)
    for text, indent in zip(signatures, sig_indents, strict=True):
        _add_paragraph(document, text, STYLE_SIGNATURE).paragraph_format.left_indent = indent
    if date is not None:
        _add_paragraph(document, date, STYLE_DATE).paragraph_format.left_indent = date_indent


def build_document(blocks: list[Block]) -> Document:
    """Build the report as a python-docx Document in the GB/T 9704-2012 layout."""
    document = docx.Document()
    _setup_styles(document)
    _setup_page(document)
    # The template's body is empty apart from the section properties.
    after_signature = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind in ("signature", "date"):
            # Consecutive 署名 lines and the 成文日期 are laid out together.
            signatures: list[str] = []
            date: str | None = None
            while i < len(blocks) and blocks[i].kind in ("signature", "date") and date is None:
                text = clean_text(blocks[i].text).strip()
                if blocks[i].kind == "signature":
                    signatures.append(text)
                else:
                    date = text
                i += 1
            _add_signature_block(document, signatures, date)
            after_signature = True
            continue
        if block.kind == "title":
            _add_title(document, block)
        elif block.kind == "addressee":
            _add_paragraph(document, clean_text(block.text), STYLE_ADDRESSEE)
        elif block.kind == "heading":
            _add_heading(document, block)
        elif block.kind == "table":
            # A table after the 署名/日期 is an appendix (附表): it starts on a new page.
            _add_table(document, block, new_page=after_signature)
            after_signature = False
        else:
            _add_paragraph(document, clean_text(block.text), STYLE_NORMAL)
        i += 1
    return document


def write_docx(blocks: list[Block], path: Path) -> Path:
    """Build the report and write it to ``path`` atomically; returns ``path``.

    The bytes go to a temporary file in the same folder, are flushed to disk and then moved
    over ``path`` in one step, so a crash or a locked file never leaves a half-written report.
    Whether an existing file may be replaced is the caller's decision.
    """
    buffer = io.BytesIO()
    build_document(blocks).save(buffer)
    return atomic_write_bytes(Path(path), buffer.getvalue())
