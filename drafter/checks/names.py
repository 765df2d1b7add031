"""name-incomplete: a year or a place name with a character missing.

- a year without 年: "2024度法治政府建设情况报告";
- a county (县/区/旗) the report itself names, written without its 县 before a unit name or 委/政府:
  the addressee says 中共尼玛县委 and the title "尼玛俄久乡…";
- the report's own unit written without its 乡/镇 before a year or 人民政府/党委: "俄久2024年度…".

The names come from the report (addressee, title, signature, opening, body), never from a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context, preceded, protected_spans
from drafter.checks.base import Finding, register
from drafter.spelling import lexicon
from drafter.text.hanzi import HAN, NOT_HAN, when_used
from drafter.text.numbers import DOCUMENT_CODE, DOCUMENT_YEAR, UNIT_WORDS
from drafter.text.places import split_place

RULE = "name-incomplete"

# (?<![\d.])(?:19|20)\d{2}(?=度), written century-first so that re scans for it (preceded).
_YEAR_NO_NIAN = re.compile(preceded(("19", "20"), not_by=r"[\d.]") + r"\d{2}(?=度)")
# A year of the reports' time written straight before a word ("2025法治政府建设", "2024全镇共…")
# lost its 年; a count of that size is followed by its measure word (2000余册, 2000份, 2024人次).
_BARE_YEAR = re.compile(preceded(("19", "20"), not_by=r"[\d.]") + rf"\d{{2}}(?={HAN})(?![年度])")
# A year that opens a clause and is followed straight by its comma ("（一）2025，我镇将……"): the
# 年 of "2025年，" lost; a number counting something there would carry its measure word.
_YEAR_COMMA = re.compile(
    preceded(("19", "20"), not_by=r"[^，。；：！？、（）()\s]") + r"\d{2}(?=[，,])"
)
_COUNT_WORDS = frozenset("余多万千亿元")


def _a_count(norm: str, end: int) -> bool:
    """Does the number ending at ``end`` count something (its measure word follows)?"""
    after = norm[end : end + 3]
    return (
        after[:1] in _COUNT_WORDS
        or after.startswith(UNIT_WORDS)
        or lexicon().tag(after[:1]) in ("q", "m")
    )


_COUNTY_IN_TEXT = re.compile(
    rf"({HAN}{{2,6}}?(?:自治县|自治旗|县|区|旗))(?=委|人民政府|政府|{HAN}{{2,6}}?(?:乡|镇|街道|苏木))"
)
# What every match of _COUNTY_IN_TEXT holds: the last character of its suffix, two Chinese
# characters before it, and what the lookahead asks after it. Written suffix-first, so re scans
# for three characters; _COUNTY_IN_TEXT (Chinese characters first, a lazy repeat) tries every
# Chinese character of the text. Blocks without a match of this screen are not searched.
_COUNTY_SCREEN = re.compile(
    rf"[县区旗](?<={HAN}{{2}}[县区旗])(?=委|人民政府|政府|{HAN}{{2,6}}?(?:乡|镇|街道|苏木))"
)
_COUNTY_SUFFIX = ("自治县", "自治旗", "县", "区", "旗")
_DOUBLED_SUFFIX = re.compile(r"(县|区|旗)\1$")
_NOT_STEM = {"全", "我", "本", "该", "各", "市", "县", "区", "城", "乡", "镇"}


def _counties(context: Context) -> set[str]:
    """County names (with their 县/区/旗) the report writes in full somewhere."""
    found: set[str] = set()
    county = context.identity.county
    if county and county.endswith(_COUNTY_SUFFIX):
        # The identity may read 中共渠县县委 as a county "渠县县" too.
        found.add(_DOUBLED_SUFFIX.sub(r"\1", county))
    for index, block in enumerate(context.blocks):
        if block.kind not in ("title", "addressee", "signature", "paragraph"):
            continue
        norm = context.norm[index]
        if _COUNTY_SCREEN.search(norm) is None:
            continue
        for match in _COUNTY_IN_TEXT.finditer(norm):
            name = re.sub(r"^(?:中共|共|和|与|及|在|由|对|经|是|的)", "", match.group(1))
            # 中共渠县县委 is 渠县's 县委 (a one-character stem takes 县委 whole), not a "渠县县".
            name = _DOUBLED_SUFFIX.sub(r"\1", name)
            if len(name) >= 3 and name[0] not in _NOT_STEM:
                found.add(name)
    return found


def _consistent(context: Context, full: str, stem: str, suffix: str) -> bool:
    """Does the report itself mostly write the full name? A name is learned from the report's
    own usage only: where the short form is written as often as the full one, the short form
    is how this report names it, and the "full" one was a misreading."""
    full_count = short_count = 0
    for norm in context.norm:
        if stem not in norm:
            continue
        full_count += norm.count(full)
        short_count += sum(1 for _ in _stem_spans(norm, stem, suffix))
    return full_count >= short_count


def _units(context: Context) -> set[str]:
    """The report's own unit name(s), as the signature and identity give them."""
    names: set[str] = set()
    if context.identity.unit_name:
        names.add(context.identity.unit_name)
    for block in context.blocks:
        if block.kind == "signature":
            name = re.sub(r"^中共", "", block.text)
            name = re.sub(r"(人民政府|委员会|党委|党工委|办事处)$", "", name)
            _, unit = split_place(name)
            if unit:
                names.add(unit)
    return {n for n in names if len(n) >= 3}


# In a title, a heading or the name of a document a year is always followed by 年 or 年度:
# "沅江路街道2024法治政府建设年度报告", "一、2025法治政府建设主要举措", 《2025工作要点》.
# A space between the year and the next word does not stand for 年 ("2026 工作打算"), and a year
# in Chinese numerals needs it as much ("二〇二四法治政府建设情况报告"); the first year of a range
# (2021至2025) is document-name's.
_TITLE_YEAR_NO_NIAN = re.compile(
    rf"(?:(?<![\d.])(?:19|20)\d{{2}}|(?<![〇○零一二三四五六七八九])[一二][〇○零九][〇○零一二三四五六七八九]{{2}})"
    rf"(?=[ \u3000]*{HAN})(?![ \u3000]*[年度至到])"
)


def _titles(context: Context) -> Iterator[tuple[int, int, int]]:
    """(block, start, end) of every title: the report's, its headings' and the documents' it
    names in 《》."""
    for index, block in enumerate(context.blocks):
        if block.kind == "title":
            yield index, 0, len(context.norm[index])
            continue
        if block.kind == "heading":
            yield index, 0, len(block.headline)
        if "《" in context.norm[index]:
            for start, end in protected_spans(context.norm[index], "《》"):
                yield index, start, end


@register(RULE, "名称缺字")
def check(context: Context) -> Iterator[Finding]:
    for index, start, end in _titles(context):
        norm = context.norm[index]
        for match in _TITLE_YEAR_NO_NIAN.finditer(norm, start, end):
            if match.group(0).isdigit() and _a_count(norm, match.end()):
                continue  # "（一）接待群众2025人次……" counts, in a heading too
            yield Finding(
                RULE,
                "error",
                f"标题和文件名称中的年份后面要写“年”：“{match.group(0)}”应为“{match.group(0)}年”。",
                context.texts[index][match.start() : match.end() + 2],
                index,
            )
    titles: dict[int, list[tuple[int, int]]] = {}
    for index, start, end in _titles(context):
        titles.setdefault(index, []).append((start, end))
    for index, text, norm in context.prose():
        for match in _BARE_YEAR.finditer(norm):
            year, at = int(match.group(0)), match.start()
            if any(a <= at < b for a, b in titles.get(index, ())):
                continue  # reported above, as a title's year
            if not 1949 <= year <= 2035 or _a_count(norm, match.end()):
                continue  # a count is no year
            yield _lost_nian(match, "", text[match.start() : match.end() + 2], index)
        for match in _YEAR_COMMA.finditer(norm) if "，" in norm or "," in norm else ():
            if 1949 <= int(match.group(0)) <= 2035:
                yield _lost_nian(match, "，", text[match.start() : match.end() + 1], index)
        for match in _YEAR_NO_NIAN.finditer(norm):
            yield _lost_nian(match, "度", text[match.start() : match.end() + 1], index)
    yield from _county_stems(context)
    yield from _unit_stems(context)


def _lost_nian(match: re.Match[str], after: str, excerpt: str, index: int) -> Finding:
    """A year written without its 年 before ``after`` (度, a comma, or the next word)."""
    year = match.group(0)
    return Finding(
        RULE, "error", f"年份后面少了“年”：“{year}{after}”应为“{year}年{after}”。", excerpt, index
    )


# What must follow a county's stem for it to be the county written without its 县: 委, 政府, or
# a unit name. Compiled once, not once per report's county.
_AFTER_COUNTY_STEM = when_used(
    rf"委|人民政府|政府|{HAN}{{2,6}}?(?:乡|镇|街道|苏木)(?:\d|人民政府|党委|政府|$|{NOT_HAN})"
)


# The rest of a document number after the county's stem (开州委法〔2023〕9号, 开州委法20239): an
# organ's code is an abbreviation by design, not the county's name written short.
_DOCUMENT_NUMBER_REST = when_used(
    rf"{DOCUMENT_CODE}\s*[〔\[【(（]?\s*{DOCUMENT_YEAR}\s*[〕\]】)）]?\s*\d{{1,4}}(?![\d年])"
)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _stem_spans(norm: str, stem: str, suffix: str) -> Iterator[tuple[int, int]]:
    """Where ``stem`` stands for the county without its ``suffix``: after 中共 or a non-Han
    character, not followed by the suffix, followed by 委/政府/a unit name (as the regex
    ``(?:(?<=中共)|(?<![Han]))stem(?!suffix)(?=…)`` finds it, left to right)."""
    at = norm.find(stem)
    while at >= 0:
        end = at + len(stem)
        before_ok = norm.endswith("中共", 0, at) or at == 0 or not _is_han(norm[at - 1])
        if (
            before_ok
            and not norm.startswith(suffix, end)
            and _AFTER_COUNTY_STEM().match(norm, end)
            and not _DOCUMENT_NUMBER_REST().match(norm, end)
        ):
            yield at, end
            at = norm.find(stem, end)
        else:
            at = norm.find(stem, at + 1)


def _county_stems(context: Context) -> Iterator[Finding]:
    for county in _counties(context):
        suffix = next(s for s in _COUNTY_SUFFIX if county.endswith(s))
        stem = county[: -len(suffix)]
        if len(stem) < 2 or not _consistent(context, county, stem, suffix):
            continue
        for index, text, norm in context.prose():
            for start, end in _stem_spans(norm, stem, suffix):
                yield Finding(
                    RULE,
                    "error",
                    f"“{stem}”后面少了“{suffix}”：报告别处写作“{county}”，这里应写全称。",
                    text[start : end + 2],
                    index,
                )


def _unit_stems(context: Context) -> Iterator[Finding]:
    for unit in _units(context):
        unit_type = next((t for t in ("街道", "苏木", "乡", "镇") if unit.endswith(t)), None)
        if unit_type is None:
            continue  # a 街道 named "X街" (鹤龙街): its short form is the name itself
        stem = unit[: -len(unit_type)]
        if len(stem) < 2:
            continue
        for index, text, norm in context.prose():
            for start, end in _unit_stem_spans(norm, stem):
                yield Finding(
                    RULE,
                    "error",
                    f"“{stem}”后面少了“{unit_type}”：本单位名称是“{unit}”，这里应写全称。",
                    text[start : end + 2],
                    index,
                )


# What follows a unit's stem written without its 乡/镇 (a year, 年度, a body). Compiled once:
# a pattern made from each report's name was compiled anew in every run.
_AFTER_UNIT_STEM = re.compile(r"\d|年度|人民政府|党委|政府|法治政府")


def _unit_stem_spans(norm: str, stem: str) -> Iterator[tuple[int, int]]:
    """Where ``stem`` is followed by what _AFTER_UNIT_STEM says, left to right (as the
    regex ``stem(?=…)`` finds it)."""
    at = norm.find(stem)
    while at >= 0:
        end = at + len(stem)
        if _AFTER_UNIT_STEM.match(norm, end):
            yield at, end
            at = norm.find(stem, end)
        else:
            at = norm.find(stem, at + 1)
