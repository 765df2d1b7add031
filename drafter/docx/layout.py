"""GB/T 9704-2012 layout numbers as named, typed constants, and title line breaking.

Every number here is explained in ``docs/report-format.md``; the writer composes these
constants and never spells a bare length. Lengths are python-docx-compatible (an ``int`` of EMU
with ``.pt`` and ``.twips``) but defined here: importing ``docx.shared`` runs python-docx's package
``__init__``, which loads all of python-docx, and the build no longer needs it.
"""

from __future__ import annotations

import re
from itertools import accumulate, combinations, pairwise


class Length(int):
    """A length in EMU, as python-docx's ``docx.shared.Length`` (any python-docx setter takes it)."""

    EMUS_PER_MM = 36000
    EMUS_PER_PT = 12700
    EMUS_PER_TWIP = 635

    @property
    def pt(self) -> float:
        return self / float(self.EMUS_PER_PT)

    @property
    def twips(self) -> int:
        return round(self / float(self.EMUS_PER_TWIP))

    @property
    def mm(self) -> float:
        return self / float(self.EMUS_PER_MM)


def Mm(mm: float) -> Length:
    return Length(int(mm * Length.EMUS_PER_MM))


def Pt(points: float) -> Length:
    return Length(int(points * Length.EMUS_PER_PT))


def Twips(twips: float) -> Length:
    return Length(int(twips * Length.EMUS_PER_TWIP))


# --- Font sizes (号) ------------------------------------------------------------------------
SIZE_2HAO = Pt(22)
"""二号: the title (std 7.3.1)."""
SIZE_3HAO = Pt(16)
"""三号: body, headings, 主送机关, 署名, 成文日期."""
SIZE_4HAO = Pt(14)
"""四号: page numbers (std 7.5) and, by our choice, table text."""

# --- Page (std 5.1, 5.2.1) ------------------------------------------------------------------
PAGE_WIDTH = Twips(11906)  # A4 210 mm
PAGE_HEIGHT = Twips(16838)  # A4 297 mm
MARGIN_TOP = Mm(37)  # 天头
MARGIN_LEFT = Mm(28)  # 订口
MARGIN_BOTTOM = Mm(35)  # 297 − 37 − 225
MARGIN_RIGHT = Mm(26)  # 210 − 28 − 156
TEXT_BLOCK_WIDTH = Mm(156)
TEXT_BLOCK_HEIGHT = Mm(225)
FOOTER_DISTANCE = Twips(1434)
"""25.3 mm: puts the page-number dash 7 mm below the text block (verified in LibreOffice)."""
HEADER_DISTANCE = Mm(15)
"""No header is used; any value above the text block will do."""

# --- 22 lines × 28 characters, renderer-neutral (std 5.2.3, docs/report-format.md) ------------
LINE_PITCH = Twips(579)
"""Exact line spacing 28.95 pt: the largest whole-twip pitch that gives 22 lines in 225 mm."""
CHAR_SPACING = Pt(-0.25)
"""Condenses every 16 pt glyph to a 15.75 pt advance so 28 characters fit in 156 mm."""
CHAR_CELL = Twips(315)
"""One body character cell (16 pt − 0.25 pt = 15.75 pt): the unit of 署名/成文日期 indents."""
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
FIRST_LINE_CHARS = 2
"""正文 first-line indent in characters (std 7.3.3: 首行缩进2字)."""
FIRST_LINE_INDENT = Pt(32)
"""Absolute fallback for readers that ignore ``firstLineChars``: two 16 pt characters."""

# --- 署名 and 成文日期 (std 7.3.5.2, un-sealed document) ----------------------------------
SIGNATURE_RIGHT_CHARS = 2
"""The 署名 (or a longer 成文日期) ends two characters short of the right edge."""
DATE_SHIFT_CHARS = 2
"""The 成文日期 starts two characters right of the 署名's first character."""

# --- Page numbers (std 7.5) -----------------------------------------------------------------
PAGE_NUMBER_SIZE = SIZE_4HAO
PAGE_NUMBER_SIDE_INDENT = Twips(280)
"""单页码居右空一字, 双页码居左空一字: one 4号 character."""
PAGE_NUMBER_DASH = "\u2014"
"""一字线 on each side of the number: "— 1 —"."""

# --- Fonts (docs/report-format.md, §4) --------------------------------------------------------
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEI = "黑体"
FONT_KAI = "楷体_GB2312"
FONT_SONG = "宋体"
FONT_LATIN = "Times New Roman"
"""Digits and Latin letters (practice; GB/T 9704 names no Latin font)."""
LANG_EAST_ASIA = "zh-CN"

# --- Title line breaking (std 7.3.1) --------------------------------------------------------
TITLE_MAX_CHARS = 20
"""2号 (22 pt) characters in a 156 mm line: 442.2 pt / 22 pt = 20.1."""
TITLE_MIN_LAST_LINE = 4
"""A shorter last line looks like a stray word rather than the base of a trapezoid."""

# Whole words that a title line may never split, longest first where they overlap.
_TITLE_WORDS = (
    "法治政府建设",
    "法治政府",
    "人民政府",
    "情况报告",
    "工作报告",
    "工作总结",
    "建设",
    "情况",
    "报告",
    "工作",
    "关于",
    "年度",
    "委员会",
    "中共",
    "党委",
    "党工委",
    "办事处",
    "的",
)
_YEAR_RE = re.compile(r"\d{4}(?:[—–-]\d{4})?年(?:度)?")
_PLACE_SUFFIXES = ("街道", "县", "乡", "镇", "区", "市")
_PLACE_MAX_CHARS = 10
_BODIES = ("委员会", "人民政府", "办事处", "党工委", "党委")


def _place_end(text: str, start: int) -> int | None:
    """End of a place name (…县, …乡, …街道) starting at ``start``, or None."""
    for end in range(start + 2, min(len(text), start + _PLACE_MAX_CHARS) + 1):
        chunk = text[start:end]
        if any(ch.isdigit() for ch in chunk):
            return None
        # A known word inside the chunk means it is not one place name ("法治政府…区").
        if any(word in chunk for word in _TITLE_WORDS if len(word) > 1):
            return None
        if chunk.endswith(_PLACE_SUFFIXES):
            return end
    return None


def _title_segments(text: str) -> list[str]:
    """Split a title into unbreakable pieces: years, known words, place names, other runs."""
    segments: list[str] = []
    unknown = ""
    i = 0
    while i < len(text):
        end: int | None = None
        year = _YEAR_RE.match(text, i)
        if year:
            end = year.end()
        else:
            word = next((w for w in _TITLE_WORDS if text.startswith(w, i)), None)
            end = i + len(word) if word else _place_end(text, i)
        if end is None:
            # Unknown characters stay glued together: we cannot tell where their words end.
            unknown += text[i]
            i += 1
            continue
        if unknown:
            segments.append(unknown)
            unknown = ""
        segments.append(text[i:end])
        i = end
    if unknown:
        segments.append(unknown)
    # A body's name is one: 某镇 and its 委员会 or 人民政府 are not parted by a line break.
    glued: list[str] = []
    for segment in segments:
        if segment in _BODIES and glued and glued[-1].endswith(_PLACE_SUFFIXES):
            glued[-1] += segment
        else:
            glued.append(segment)
    return glued


def _hard_split(segment: str, max_chars: int) -> list[str]:
    return [segment[i : i + max_chars] for i in range(0, len(segment), max_chars)]


def _pieces(text: str, max_chars: int) -> list[str]:
    """The unbreakable pieces of ``text``, none longer than a line."""
    pieces: list[str] = []
    for segment in _title_segments(text):
        pieces += _hard_split(segment, max_chars) if len(segment) > max_chars else [segment]
    return pieces


def _shape_score(lengths: list[int]) -> tuple[int, ...] | None:
    """Rank a candidate set of line lengths; higher is better, None if not a trapezoid/diamond."""
    if len(lengths) == 2:
        top, bottom = lengths
        if top == bottom:
            return None
        # The real reports fill the first line and leave a short second one (倒梯形); a
        # short first line over a long second one (正梯形) is also a trapezoid and beats a
        # stray two-character last line or a third line.
        return (bottom >= TITLE_MIN_LAST_LINE, top > bottom, top)
    if len(lengths) == 3:
        top, middle, bottom = lengths
        if middle <= top or middle <= bottom:
            return None
        # Diamond: the longest line in the middle, the outer lines as full as that allows.
        return (min(top, bottom), -abs(top - bottom))
    return None


def _shaped(segments: list[str], forced: set[int], max_chars: int) -> list[str] | None:
    """The best 1–3 lines of ``segments`` cut at every ``forced`` boundary (a trapezoid or a
    diamond; else the first that fits), or None when no three lines fit."""
    cuts = list(range(1, len(segments)))
    length = sum(len(segment) for segment in segments)
    min_lines = max(-(-length // max_chars), len(forced) + 1)
    for n_lines in range(min_lines, 4):
        best: tuple[tuple[int, ...], list[str]] | None = None
        fallback: list[str] | None = None
        for chosen in combinations(cuts, n_lines - 1):
            if not forced <= set(chosen):
                continue
            bounds = [0, *chosen, len(segments)]
            lines = ["".join(segments[a:b]) for a, b in pairwise(bounds)]
            if any(len(line) > max_chars for line in lines):
                continue
            fallback = fallback or lines
            score = _shape_score([len(line) for line in lines])
            if score is not None and (best is None or score > best[0]):
                best = (score, lines)
        if best is not None:
            return best[1]
        if fallback is not None:
            return fallback
    return None


def break_title(text: str, max_chars: int = TITLE_MAX_CHARS) -> list[str]:
    """Break a title into 1–3 centred lines (std 7.3.1: 梯形或菱形, words kept whole).

    Explicit "\\n" breaks are kept as given. Otherwise a title longer than ``max_chars`` is
    broken between words — never inside 法治政府, a year such as 2024年度, a place name ending
    in 县/乡/镇/街道/区/市 or a body's name (某镇委员会) — into lines of unequal length: two lines
    as a trapezoid (preferably the long line first), three lines as a diamond (longest in the
    middle). Two issuers spaced apart ("中共某镇委员会　某镇人民政府关于……") break at the space
    when a shape allows it: each body's name starts its line.
    """
    if "\n" in text:
        return [line.strip() for line in text.split("\n") if line.strip()]
    text = text.strip()
    if len(text) <= max_chars:
        return [text] if text else []
    pieces = [_pieces(group, max_chars) for group in text.split("\u3000")]
    if len(pieces) > 1:
        forced = set(accumulate(len(piece) for piece in pieces[:-1]))
        lines = _shaped([s for piece in pieces for s in piece], forced, max_chars)
        if lines is not None:
            return lines
    # One issuer, or no shape with each issuer on its own line: the space stays inside a line.
    segments = [s for n, piece in enumerate(pieces) for s in (["\u3000"] if n else []) + piece]
    lines = _shaped(segments, set(), max_chars)
    if lines is not None:
        return lines
    # Four or more lines: fill greedily; such a title should be shortened by its author.
    lines = [""]
    for segment in segments:
        if len(lines[-1]) + len(segment) > max_chars:
            lines.append("")
        lines[-1] += segment
    return [line for line in lines if line]
