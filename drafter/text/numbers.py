"""Numbers in report text: the text as the rules read it, its sentences, and the numbers in it.

:func:`for_matching` maps full-width digits and Traditional characters one to one (offsets stay
the same), :func:`split_sentences` cuts a text at its sentence ends, and :func:`find_tokens` finds
every number with its unit word (30场次, 1500余份, 两次), leaving out numbers in 《titles》, dates,
ordinals and document numbers. :mod:`drafter.text.figure_rules` says which catalogue figure a
number is, and :mod:`drafter.text.mentions` puts the two together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.text.figures import FULLWIDTH
from drafter.text.hanzi import HAN, T2S, has_traditional, when_used

_MATCH: dict[int, str] = {**FULLWIDTH, **T2S}
"""Full-width digits and Traditional characters → what the rules are written in (1:1)."""


_FULLWIDTH_PAIRS = tuple((chr(code), ascii_form) for code, ascii_form in FULLWIDTH.items())


def for_matching(text: str) -> str:
    """Text as the rules see it: Simplified, half-width digits; same length as the original."""
    # translate() looks up every character in a dict. Most texts have no Traditional character
    # (one search says so) and only a few of the full-width marks (，): replacing those present
    # gives the same text. The mapping is one character to one character, and no result is
    # itself mapped, so the order is free.
    if has_traditional(text):
        return text.translate(_MATCH)
    for wide, narrow in _FULLWIDTH_PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


# --------------------------------------------------------------------------- sentences

SENTENCE_END = "。！？!?"


# An end mark with the closing quotes and brackets right after it.
_SENTENCE_CLOSE = re.compile(f"[{SENTENCE_END}][”’」』）)]*")


def split_sentences(text: str) -> list[str]:
    """Sentences with their end mark; a closing quote after the mark stays with the sentence."""
    out: list[str] = []
    start = 0
    for close in _SENTENCE_CLOSE.finditer(text):
        out.append(text[start : close.end()])
        start = close.end()
    if text[start:].strip():
        out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


# --------------------------------------------------------------------------- numbers

# Unit words, longest first so 人次 wins over 人 and 场次 over 场; words of one length are
# alternatives only one of which can match at a place, so their order changes no match.
_UNITS = sorted(
    {
        "万人次", "人次", "场次", "批次", "户次", "万元", "元", "课时", "学时", "小时", "个月",
        "平方米", "公里", "次", "场", "件", "起", "宗", "名", "人", "位", "个", "份", "册",
        "本", "张", "条", "项", "期", "批", "户", "家", "处", "所", "块", "幅", "篇", "部",
        "天", "节", "堂", "轮", "支", "座", "套", "台", "辆", "亩", "米", "余人", "多人",
    },
    key=lambda unit: (-len(unit), unit),  # the same text every run (the regex cache's key)
)  # fmt: skip
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
UNIT_WORDS: tuple[str, ...] = tuple(_UNITS)
"""The unit words a count is written with (30场次, 1500余份), longest first."""
_CN_VALUES = {
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
# Arabic numbers with their unit word; a few Chinese numerals (两次, 三场) only before count units
# that are not also part of set phrases (三项制度, 四个意识, 一站式 are not figures).
_NUMBER = re.compile(
    r"(?P<pre>约|近|超过|逾|达到|达)?\s*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[两二三四五六七八九十])\s*"
    r"(?P<wan>万(?!元))?(?P<approx>余|多)?\s*"
    rf"(?P<unit>%|％|{_UNIT_RE})"
    r"(?P<post>以上|左右)?"
)
_CN_NUMERAL_UNITS = {"次", "场", "场次", "期", "批次", "人次"}


@dataclass(frozen=True, slots=True)
class Token:
    """A number with its unit word, as found in a sentence."""

    value: int | float
    approx: bool
    unit: str
    start: int
    end: int
    rate: bool = False

    def __repr__(self) -> str:
        return f"Token({self.value!r}, {self.approx!r}, {self.unit!r}, {self.start}, {self.end})"


# A document number (发文字号, GB/T 9704—2012 7.2.4): the issuing organ's code, the year in 六角括号
# 〔〕, the serial number and 号: 蜀政发〔2019〕26号. Typed on a keyboard the year often gets [] 【】
# or () instead, or loses its brackets and 号 in a copy: (开州委法20239).
DOCUMENT_CODE = rf"{HAN}{{1,10}}?(?:发|办|函|字|委|府|法|文|令|通|报|呈|议|规|复|批)"
"""The organ's code of a document number (蜀政发, 开州委法): Chinese characters ending in a
character such codes end in."""
DOCUMENT_YEAR = r"(?P<year>(?:19|20)\d{2})"
"""The year of a document number."""
_TITLE = re.compile(r"《[^》]*》")
_DOCUMENT_NUMBER = when_used(r"[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号")
# A figure needs a digit or one of the Chinese numerals _NUMBER reads: most sentences of a
# report have none, and are passed after this one fast search.
_ANY_NUMBER = re.compile(r"[\d两二三四五六七八九十]")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are not figures: 《titles》, 〔2025〕1号 document numbers, quotes of names."""
    # Each pattern only where its one obligatory character is.
    spans = [m.span() for m in _TITLE.finditer(text)] if "《" in text else []
    if "号" in text:
        spans += [m.span() for m in _DOCUMENT_NUMBER().finditer(text)]
    return spans


# Where a match of _NUMBER can begin: its 约/近/超过/逾/达 word, a space, a digit or a numeral.
_NUMBER_START = re.compile(r"[约近超逾达\s\d两二三四五六七八九十]")
_DIGITS = re.compile(r"\d+")


def _numbers(sentence: str) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(sentence)``, without trying the pattern at every character.

    re tries _NUMBER (which begins with optional parts) as a whole match at every character;
    here it is tried only where a match can begin, found by a fast search for those
    characters. The same matches, left to right: _NUMBER has no lookbehind, so a match at a
    place does not depend on where the search started; and after a failed try at a digit the
    rest of its run of digits is skipped, as a match starting inside a run would also match
    (the same way, with more digits) at the run's first digit.
    """
    pos = 0
    while True:
        start = _NUMBER_START.search(sentence, pos)
        if start is None:
            return
        at = start.start()
        match = _NUMBER.match(sentence, at)
        if match is not None:
            yield match
            pos = match.end()
        elif sentence[at].isdecimal():  # \d is a decimal digit
            digits = _DIGITS.match(sentence, at)
            pos = digits.end() if digits is not None else at + 1
        else:
            pos = at + 1


# What a text needs for any figure: a digit or numeral (_ANY_NUMBER) as written, or a character
# for_matching turns into one (兩 → 两; full-width digits are digits already).
MAY_HOLD_NUMBER = re.compile(
    "[\\d两二三四五六七八九十"
    + "".join(chr(code) for code, simple in _MATCH.items() if _ANY_NUMBER.match(simple))
    + "]"
)


# A necessary condition for a figure, searched before anything else. A number find_tokens keeps
# begins where its digits begin, after neither 第 nor a digit nor a mark of dates and times
# (the checks in find_tokens); an Arabic number is followed by only spaces, 万 and 余/多 up to
# its unit word; a Chinese numeral by spaces and 余/多 up to a count unit (_CN_NUMERAL_UNITS).
# Most sentences with a digit or a numeral (第3项, dates, 一是, 三项制度) hold no figure, and are
# passed after this one search, which begins with a character class (fast to scan for) where
# _NUMBER begins with optional words.
_NOT_BEFORE = r"[第\d·.．\-—/:：]"
# One character class first (re scans for it; an alternation of two is tried at every place),
# then a lookbehind says which of the two it was.
FIGURE_CORE = re.compile(
    rf"[\d两二三四五六七八九十](?<!{_NOT_BEFORE}.)"
    rf"(?:(?<=\d)\d*(?:,\d{{3}})*(?:\.\d+)?[\s万余多]*(?:%|％|{_UNIT_RE})"
    r"|(?<=[两二三四五六七八九十])[\s余多]*(?:场次|批次|人次|次|场|期))"
)


def find_tokens(sentence: str) -> list[Token]:
    """Every number with a unit word in a (matching-normalised) sentence."""
    tokens: list[Token] = []
    if FIGURE_CORE.search(sentence) is None:
        return tokens
    excluded = excluded_spans(sentence)
    for match in _numbers(sentence):
        num_start, num_end = match.span("num")
        if any(a <= num_start < b for a, b in excluded):
            continue
        before = sentence[max(0, num_start - 1) : num_start]
        after_num = sentence[num_end : num_end + 2]
        raw = match.group("num")
        unit = match.group("unit")
        if before == "第" or (before and (before.isdigit() or before in "·.．-—/:：")):
            continue  # ordinals (第2次), dates (3·15, 12.4), times, ranges written oddly
        if after_num[:1] in "年月日号届":
            continue
        if raw in _CN_VALUES:
            if unit not in _CN_NUMERAL_UNITS or match.group("wan"):
                continue
            value: int | float = _CN_VALUES[raw]
        else:
            number = float(raw.replace(",", ""))
            if match.group("wan"):
                number *= 10_000
            value = int(number) if number.is_integer() else number
        rate = unit in ("%", "％")
        approx = bool(match.group("approx") or match.group("post")) or (
            match.group("pre") in ("约", "近", "超过", "逾")
        )
        if unit in ("余人", "多人"):
            unit, approx = "人", True
        start = match.start("num") if match.group("pre") in (None, "达", "达到") else match.start()
        tokens.append(Token(value, approx, "%" if rate else unit, start, match.end(), rate))
    return tokens
