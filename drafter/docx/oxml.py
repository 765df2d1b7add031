"""The few raw WordprocessingML helpers drafter needs that python-docx does not offer.

Everything that touches ``w:`` elements directly lives here (built with ``OxmlElement``, never
from XML strings); ``docx_base`` composes these helpers with python-docx's friendly API.
Child elements are inserted in schema order, which Word insists on (LibreOffice does not).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from drafter.docx.layout import Length

# Schema order of the w:rPr and w:pPr children we touch, followed by everything after them.
_RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


def _get_or_add(parent: BaseOxmlElement, tag: str, order: tuple[str, ...]) -> BaseOxmlElement:
    """Return ``parent``'s ``tag`` child, creating it at its schema position if missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        successors = order[order.index(tag) + 1 :]
        parent.insert_element_before(child, *successors)
    return child


def _rpr_child(rpr: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    return _get_or_add(rpr, tag, _RPR_ORDER)


def _ppr_child(ppr: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    return _get_or_add(ppr, tag, _PPR_ORDER)


def _twips(length: Length) -> str:
    return str(round(length.twips))


# --- run properties ------------------------------------------------------------------------


def set_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str) -> None:
    """Name the east-Asian and Latin faces explicitly and drop theme fonts, which would win.

    ``w:hint="eastAsia"`` asks Word to draw ambiguous marks (“ ” — …) with the Chinese face.
    """
    fonts = _rpr_child(rpr, "w:rFonts")
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def strip_theme_fonts(element: BaseOxmlElement) -> None:
    """Remove theme font attributes from every ``w:rFonts`` under ``element``."""
    for fonts in element.iter(qn("w:rFonts")):
        for attr in _THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def set_lang(rpr: BaseOxmlElement, east_asia: str) -> None:
    """Mark the run language (``w:lang w:eastAsia``) for line breaking and proofing."""
    lang = _rpr_child(rpr, "w:lang")
    lang.set(qn("w:eastAsia"), east_asia)
    if lang.get(qn("w:val")) is None:
        lang.set(qn("w:val"), "en-US")


def set_char_spacing(rpr: BaseOxmlElement, spacing: Length) -> None:
    """Character spacing (``w:rPr/w:spacing``, twips): condenses every glyph's advance."""
    _rpr_child(rpr, "w:spacing").set(qn("w:val"), _twips(spacing))


def set_size(rpr: BaseOxmlElement, size: Length) -> None:
    """Font size in half-points for both ``w:sz`` and ``w:szCs`` (used for docDefaults)."""
    half_points = str(round(size.pt * 2))
    _rpr_child(rpr, "w:sz").set(qn("w:val"), half_points)
    _rpr_child(rpr, "w:szCs").set(qn("w:val"), half_points)


# --- paragraph properties ------------------------------------------------------------------


def set_exact_line_spacing(ppr: BaseOxmlElement, pitch: Length) -> None:
    """Exact line spacing with no space before or after (for docDefaults' ``w:pPr``)."""
    spacing = _ppr_child(ppr, "w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), _twips(pitch))
    spacing.set(qn("w:lineRule"), "exact")


def set_first_line_chars(ppr: BaseOxmlElement, chars: float, fallback: Length) -> None:
    """First-line indent in characters (``firstLineChars``, hundredths) plus an absolute fallback.

    ``firstLineChars`` follows the font size, so the indent stays two characters whatever size
    a user restyles to; readers that ignore it use ``firstLine``. Setting 0 explicitly matters:
    an inherited ``firstLineChars`` would otherwise win over a derived style's ``firstLine``.
    """
    ind = _ppr_child(ppr, "w:ind")
    ind.attrib.pop(qn("w:hanging"), None)
    ind.attrib.pop(qn("w:hangingChars"), None)
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))
    ind.set(qn("w:firstLine"), _twips(fallback))


def set_widow_control(ppr: BaseOxmlElement, on: bool) -> None:
    """Widow/orphan control; off keeps every page filled to 22 lines."""
    _ppr_child(ppr, "w:widowControl").set(qn("w:val"), "1" if on else "0")


def set_outline_level(ppr: BaseOxmlElement, level: int) -> None:
    """Outline level 0–8 (Word's navigation pane and TOC); 0 is a first-level heading."""
    _ppr_child(ppr, "w:outlineLvl").set(qn("w:val"), str(level))


def clear_formatting(style_element: BaseOxmlElement) -> None:
    """Drop a template style's ``w:pPr``/``w:rPr`` and its linked style so we set everything."""
    for tag in ("w:pPr", "w:rPr", "w:link"):
        for child in style_element.findall(qn(tag)):
            style_element.remove(child)


# --- document parts ------------------------------------------------------------------------


def doc_defaults(styles_element: BaseOxmlElement) -> tuple[BaseOxmlElement, BaseOxmlElement]:
    """The ``w:rPr`` and ``w:pPr`` of ``w:docDefaults``, created when missing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = _get_or_add(defaults, "w:rPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    ppr_default = _get_or_add(defaults, "w:pPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    rpr = _get_or_add(rpr_default, "w:rPr", ("w:rPr",))
    ppr = _get_or_add(ppr_default, "w:pPr", ("w:pPr",))
    return rpr, ppr


def set_doc_grid_none(sect_pr: BaseOxmlElement, line_pitch: Length) -> None:
    """A ``w:docGrid`` without ``w:type``: no grid, so exact spacing and char spacing rule.

    ``w:type="lines"`` would make LibreOffice snap lines to the grid and ignore exact spacing;
    a character grid makes it take two cells per CJK glyph (docs/report-format.md).
    """
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.insert_element_before(grid, "w:printerSettings", "w:sectPrChange")
    for attr in ("w:type", "w:charSpace"):
        grid.attrib.pop(qn(attr), None)
    grid.set(qn("w:linePitch"), _twips(line_pitch))


def append_page_field(paragraph_element: BaseOxmlElement, placeholder: str = "1") -> None:
    """Append a PAGE field (begin / instrText / separate / cached number / end runs)."""

    def run_with(child: BaseOxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph_element.append(run)

    def fld_char(kind: str) -> BaseOxmlElement:
        return OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind})

    instr = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
    instr.text = " PAGE "
    cached = OxmlElement("w:t")
    cached.text = placeholder
    run_with(fld_char("begin"))
    run_with(instr)
    run_with(fld_char("separate"))
    run_with(cached)
    run_with(fld_char("end"))


def set_paragraph_style(paragraph_element: BaseOxmlElement, style_id: str) -> None:
    """``w:pStyle`` by id: python-docx's lookup by name scans every style for each paragraph."""
    paragraph_element.get_or_add_pPr().style = style_id
