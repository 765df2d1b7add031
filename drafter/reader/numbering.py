"""Word list numbering: the number Word displays before an automatically numbered paragraph
(``w:numPr``, directly or through its style), which is in no run of the paragraph's text."""

from __future__ import annotations

import contextlib
import re

from lxml.etree import _Element

from drafter.reader.parts import Parts, w


class Numbering:
    """Derives the number Word displays for automatically numbered paragraphs (w:numPr)."""

    def __init__(self, parts: Parts) -> None:
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
        for abstract in root.iterchildren(w("abstractNum")):
            aid = abstract.get(w("abstractNumId")) or ""
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iterchildren(w("lvl")):
                ilvl = int(lvl.get(w("ilvl")) or 0)
                fmt = _child_val(lvl, "numFmt") or "decimal"
                text = _child_val(lvl, "lvlText") or ""
                start = int(_child_val(lvl, "start") or 1)
                levels[ilvl] = (fmt, text, start)
            self.levels[aid] = levels
        for num in root.iterchildren(w("num")):
            nid = num.get(w("numId")) or ""
            self.num_to_abstract[nid] = _child_val(num, "abstractNumId") or ""
            overrides: dict[int, int] = {}
            for override in num.iterchildren(w("lvlOverride")):
                restart = _child_val(override, "startOverride")
                if restart is not None:
                    overrides[int(override.get(w("ilvl")) or 0)] = int(restart)
            self.overrides[nid] = overrides

    def _load_styles(self, styles: _Element) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in styles.iterchildren(w("style")):
            sid = style.get(w("styleId")) or ""
            parent = _child_val(style, "basedOn")
            if parent:
                based[sid] = parent
            ppr = style.find(w("pPr"))
            numpr = ppr.find(w("numPr")) if ppr is not None else None
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
        ppr = p.find(w("pPr"))
        if ppr is not None:
            style = _child_val(ppr, "pStyle")
            if style and style in self.style_numpr:
                num_id, ilvl = self.style_numpr[style]
            numpr = ppr.find(w("numPr"))
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
    child = element.find(w(tag))
    return child.get(w("val")) if child is not None else None


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
