"""Who wrote a report and for which year: unit name and type, county, year.

Read from the title first, then the signature, the opening paragraph and the body; where these
sources disagree (title 2024, opening 2023) the disagreement is kept, in Chinese, for the user.
The county is also read where the report names it as its superior (the addressee, "在某县委……领
导下"), with the unit's own name, or alone (:mod:`drafter.text.counties`). Page furniture copied along with a report (breadcrumbs, the
index table's 发布机构, 发布日期) is never read: it is left out first (:func:`without_furniture`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.blocks import Block
from drafter.spelling.grammar import word_starting
from drafter.spelling.lexicon import lexicon
from drafter.text.counties import county_named_alone, county_with_unit, superior_county
from drafter.text.divisions import above_county
from drafter.text.furniture import furniture_mask
from drafter.text.hanzi import HAN, NOT_HAN, to_simplified, when_used
from drafter.text.places import (
    COUNTY_TAIL,
    GENERIC_NAMES,
    split_place,
    unit_type_of,
)

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年")
_CN_YEAR = re.compile(
    r"(?<![一二三四五六七八九〇零○Ｏ])([二][〇零○Ｏ][一二三四五六七八九〇零○Ｏ]{2})\s*年"
)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": "0",
    "○": "0",
    "Ｏ": "0",
}


_RANGE_END = re.compile(r"(?<=[\d〇零○Ｏ０-９一二三四五六七八九])\s*[—–\-－~～至到]\s*$")


def years_in(text: str) -> list[int]:
    """Report years written in a text, in order: 2024年 and 二〇二四年 alike.

    The end of a range ("2023—2027年") is not a year of its own.
    """
    found = [
        (m.start(), int(m.group(1)))
        for m in _YEAR.finditer(text)
        if not _RANGE_END.search(text[max(0, m.start() - 3) : m.start()])
    ]
    for match in _CN_YEAR.finditer(text):
        digits = "".join(_CN_DIGIT.get(ch, "") for ch in match.group(1))
        if len(digits) == 4 and not _RANGE_END.search(
            text[max(0, match.start() - 3) : match.start()]
        ):
            found.append((match.start(), int(digits)))
    return [year for _, year in sorted(found)]


_TITLE_STOP = re.compile(
    r"(?:20\d{2}|关于|法治|依法|人民政府|党委|委员会|办事处|政府|年度|情况|工作)"
)
# Generic words that end like a unit but are not one: a pronoun and a unit word ("全乡", "我镇",
# "本街道"), or, before a one-character stem only, a place word ("乡镇", "城镇", "小镇"): 城关镇,
# 小营街道 and 市桥街道 are names.
_NOT_UNIT_PREFIX = set("全我本该各每此其")
_NOT_SHORT_UNIT_PREFIX = set("乡城村集小市县区")


@dataclass(slots=True)
class Identity:
    """The reporting unit as read from a report.

    ``disagreements``: where title, opening, body or signature say different things, in Chinese.
    """

    unit_name: str | None = None
    unit_type: str | None = None
    county: str | None = None
    year: int | None = None
    disagreements: list[str] = field(default_factory=list)


_NOT_HAN = re.compile(NOT_HAN)
_GOVERNMENT_BEFORE_HAN = re.compile(rf"人民政府(?={HAN})")


def _title_place(title: str) -> str:
    """The place words of a title, before the year or 关于/法治/人民政府.

    Each line, and each space-separated chunk of a line ("中共某某街道工作委员会　某某街道办事处"),
    is tried in turn; 中共, 关于 and the party committee's name (（党）工作委员会, 党委) are not
    place words.
    """
    for line in title.split("\n"):
        for chunk in re.split(r"[\s\u3000]+", line.strip()):
            chunk = re.sub(r"^(?:中共|关于)", "", to_simplified(chunk))
            chunk = re.sub(r"(?:党)?工作委员会|党工委|委员会", "", chunk)
            # "和平区人民政府东风街道办事处": the county's 人民政府 inside the unit's name.
            for candidate in (chunk, _GOVERNMENT_BEFORE_HAN.sub("", chunk)):
                stop = _TITLE_STOP.search(candidate)
                head = candidate[: stop.start()] if stop else candidate
                head = _NOT_HAN.sub("", head)
                if head and split_place(head)[1]:
                    return head
    for line in title.split("\n"):
        line = re.sub(r"^中共", "", line.strip())
        stop = _TITLE_STOP.search(line)
        head = _NOT_HAN.sub("", line[: stop.start()] if stop else line)
        if head:
            return head
    return ""


# Words and characters no unit name contains: what is left when a sentence is cut at 乡/镇
# ("现将我乡", "将法治政府建设纳入镇党委", "调整成立了由乡长任组长").
_NOT_IN_NAME = re.compile(
    r"现将|现就|纳入|成立|调整|建设|政府|工作|法治|开展|推进|推动|落实|加强|组织|领导|[我的了由把与及各请在]"
)


def plausible_unit(unit: str | None) -> bool:
    """Whether a name cut out of a sentence can be a township's name."""
    if not unit or unit in GENERIC_NAMES or unit[0] in _NOT_UNIT_PREFIX:
        return False
    core = unit.removesuffix("办事处")
    unit_type = unit_type_of(core)
    stem = core[: -len(unit_type)] if unit_type and core.endswith(unit_type) else core[:-1]
    if len(stem) == 1 and stem in _NOT_SHORT_UNIT_PREFIX:
        return False
    # "为维护本乡", "部署安排全镇": a self-reference (本乡, 全镇) is not a name.
    return (
        1 <= len(stem) <= 8
        and _NOT_IN_NAME.search(stem) is None
        and stem[-1] not in "我本全该各每此其"
        and not _has_common_adverb(stem)
        and not _has_verb_among_words(stem)
        # "通过镇党委会议研究": a preposition or conjunction alone is never a place's name.
        and lexicon().tag(stem) not in ("p", "c")
    )


ADVERB_LEVEL = 7
"""A word the dictionary tags as an adverb (or a verb, opening the name) and finds at least this
frequent (ln frequency) is prose, not part of a place name ("不断规范街道办事处行政行为": 不断; a
rare one, 立新乡's 立新, can be)."""


def _words(stem: str) -> list[str]:
    """``stem`` cut into its longest dictionary words, left to right."""
    lex = lexicon()
    words = []
    at = 0
    while at < len(stem):
        words.append(word_starting(lex, stem, at))
        at += len(words[-1])
    return words


def _without_leading_verbs(candidate: str) -> str:
    """A name cut out of a sentence without the frequent verbs and prepositions that open it
    ("结合荷城街道实际" → 荷城街道), as long as a name of two characters at least is left (解放街道,
    前进乡 are names)."""
    lex = lexicon()
    words = _words(candidate)
    while len(words) > 1 and len(words[0]) > 1:
        rest = "".join(words[1:])
        stem = rest[: -len(unit_type_of(rest) or "x")]
        if len(stem) < 2 or lex.tag(words[0]) not in ("v", "p", "c"):
            break
        if lex.word_level(words[0]) < ADVERB_LEVEL:
            break
        words = words[1:]
    return "".join(words)


VERB_LEVEL = 9
"""A very frequent verb (召开, 开展) among other words of a name is the sentence's ("及时召开
街道党工委会议"); a name that is a verb alone is a name (解放街道, 前进乡)."""


def _has_verb_among_words(stem: str) -> bool:
    """Whether ``stem`` holds a very frequent verb beside other words."""
    lex = lexicon()
    words = _words(stem)
    return len(words) > 1 and any(
        len(w) > 1 and lex.tag(w) == "v" and lex.word_level(w) >= VERB_LEVEL for w in words
    )


def _has_common_adverb(stem: str) -> bool:
    """Whether ``stem``, cut into its longest dictionary words, holds a frequent adverb."""
    lex = lexicon()
    return any(
        len(word) > 1 and lex.tag(word) in ("b", "d") and lex.word_level(word) >= ADVERB_LEVEL
        for word in _words(stem)
    )


_AFTER_UNIT = (
    r"(?=人民政府|党委|党工委|工委|办事处|在|坚持|始终|以|紧紧|围绕|深入|认真|全面|高度|"
    r"聚焦|立足|按照|把|将|关于|法治|年度|推进|扎实|积极|不断|着力|全力|，|、|" + NOT_HAN + "|$)"
)


# The same names before any Chinese character (the word after is read with the lexicon).
_UNIT_BEFORE_WORD = {
    street: when_used(rf"{HAN}{{1,12}}?(?:{tails})(?={HAN})")
    for street, tails in (
        (False, "街道办事处|街道|苏木|乡|镇"),
        (True, "街道办事处|街道|苏木|乡|镇|街(?!道)"),
    )
}
# A report's or a street's: each compiled when first used (most reports are not a street's).
_UNIT_IN_TEXT = {
    street: when_used(rf"{HAN}{{1,12}}?(?:{tails}){_AFTER_UNIT}")
    for street, tails in (
        (False, "街道办事处|街道|苏木|乡|镇"),
        (True, "街道办事处|街道|苏木|乡|镇|街(?!道)"),
    )
}


_QUOTED = re.compile(r"“[^“”]*”")


def _find_unit_in(text: str, *, street: bool = False) -> tuple[str | None, str | None]:
    """The first unit name in a sentence, e.g. "尼玛县俄久乡在县委…" → (尼玛县, 俄久乡).

    With ``street`` (the report is a 街道's), a name ending in 街 counts too ("鹤龙街坚持…").
    """
    # A quoted name is a slogan or a campaign ("“工业强市、幸福宁乡”", "“法治古镛”"), never the
    # unit stating itself: its characters are blanked, offsets kept.
    text = _QUOTED.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”", to_simplified(text))
    for match in _UNIT_IN_TEXT[street]().finditer(text):
        found = _unit_of(match.group(0), street)
        if found[1]:
            return found
    # The words that usually follow a unit stating what it did are listed in _AFTER_UNIT; any
    # other predicate counts too ("平东镇持续以……"): a frequent verb, adverb or preposition.
    for match in _UNIT_BEFORE_WORD[street]().finditer(text):
        if _predicate_at(text, match.end()):
            found = _unit_of(match.group(0), street)
            if found[1]:
                return found
    return None, None


def _unit_of(candidate: str, street: bool) -> tuple[str | None, str | None]:
    """(county, unit) of a name cut out of a sentence, (None, None) when it is none."""
    # "2024年四棵树乡始终…": the match starts at 年.
    candidate = re.sub(r"^(?:年度|年|在|和|与|及|由|经|对|是|的)", "", candidate) or candidate
    candidate = _without_leading_verbs(candidate)
    county, unit = split_place(candidate)
    if unit is None and street and candidate.endswith("街"):
        county, unit = None, candidate
    return (county, unit) if plausible_unit(unit) else (None, None)


def _predicate_at(text: str, at: int) -> bool:
    """Whether the longest dictionary word at ``at`` is a frequent verb, adverb, preposition or
    conjunction: what a sentence says its subject does."""
    lex = lexicon()
    word = word_starting(lex, text, at) if at < len(text) else ""
    return (
        len(word) > 1
        and lex.tag(word) in ("v", "d", "b", "p", "c")
        and lex.word_level(word) >= ADVERB_LEVEL
    )


_TITLE_LIKE = when_used(r"^[^。；;，,！？!?：:]{6,60}$")


def without_furniture(blocks: Sequence[Block]) -> list[Block]:
    """The blocks without page furniture (:func:`drafter.text.furniture.furniture_mask`).

    A title's furniture lines go (a title of furniture only goes whole); when the page pushed the
    report's own title down among its furniture, the short line naming the report before the
    opening is the title again.
    """
    lines: list[str] = []
    owners: list[int] = []
    for index, block in enumerate(blocks):
        for line in block.text.split("\n") if block.kind == "title" else [block.full_text]:
            lines.append(line)
            owners.append(index)
    mask = furniture_mask(lines)
    if not any(mask):
        return list(blocks)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        own = [line for line, owner, dropped in zip(lines, owners, mask, strict=True)
               if owner == index and not dropped]  # fmt: skip
        if not own:
            continue
        if block.kind == "title":
            block = Block("title", "\n".join(own))
        kept.append(block)
    if not any(b.kind == "title" for b in kept) and len(kept) > 1:
        first = kept[0]
        if first.kind == "paragraph" and _TITLE_LIKE().match(first.text) and "报告" in first.text:
            kept[0] = Block("title", first.text)
    return kept


def _first_paragraph(blocks: Sequence[Block]) -> tuple[int, Block] | None:
    for index, block in enumerate(blocks):
        if block.kind == "paragraph":
            return index, block
        if block.kind == "heading":
            return None
    return None


def detect_identity(blocks: Sequence[Block]) -> Identity:
    """Unit, county and year of a report, with the disagreements between its parts; page
    furniture copied along with the report is not read."""
    blocks = without_furniture(blocks)
    identity = Identity()
    notes = identity.disagreements
    title = next((b.text for b in blocks if b.kind == "title"), "")
    opening = _first_paragraph(blocks)
    opening_text = opening[1].full_text if opening else ""
    signatures = [b.text for b in blocks if b.kind == "signature"]

    # --- unit and county
    title_county, title_unit = split_place(_title_place(title)) if title else (None, None)
    if title and title_unit is None:
        # "平安县2024年度石桥镇法治政府建设情况报告": the unit after the year.
        title_county, title_unit = _find_unit_in(title.replace("\n", ""))
        head = _title_place(title)
        if title_county is None and head.endswith(COUNTY_TAIL) and not split_place(head)[1]:
            title_county = head
    whole = "".join(b.full_text for b in blocks)
    street = "街道" in whole or "党工委" in whole
    open_county, open_unit = (
        _find_unit_in(opening_text, street=street) if opening_text else (None, None)
    )
    sign_county: str | None = None
    sign_unit: str | None = None
    for line in signatures:
        name = re.sub(r"^中共", "", to_simplified(line))
        name = re.sub(r"(人民政府|委员会|党委|党工委)$", "", name)
        county, unit = split_place(name)
        if unit:
            sign_county, sign_unit = county, unit
            break
    body_unit = (
        _most_common_unit(blocks, _self_reference_type(blocks))
        if not (title_unit or open_unit or sign_unit)
        else None
    )

    identity.unit_name = title_unit or sign_unit or open_unit or body_unit
    if title_unit and sign_unit and sign_unit == open_unit and title_unit != sign_unit:
        # The signature and the opening agree ("拉萨乡"); a title that says otherwise
        # ("格尔木拉萨乡", its county's 县 missing) is the odd one out. The disagreement is noted.
        identity.unit_name = sign_unit
        title_county = title_county if title_unit.endswith(sign_unit) else None
    addressee = next((b.text for b in blocks if b.kind == "addressee"), "")
    identity.county = _county(
        (title_county, sign_county, open_county),
        identity.unit_name,
        addressee,
        opening_text,
        [b.full_text for b in blocks if b.kind in ("paragraph", "heading")],
    )
    identity.unit_type = unit_type_of(identity.unit_name) if identity.unit_name else None
    if identity.unit_type is None:
        identity.unit_type = _self_reference_type(blocks)
    named = {n for n in (title_unit, open_unit, sign_unit) if n}
    if len(named) > 1:
        sources = "、".join(
            f"{label}写“{n}”"
            for label, n in (("标题", title_unit), ("开头", open_unit), ("署名", sign_unit))
            if n
        )
        notes.append(f"单位名称前后不一致：{sources}。")

    # --- year
    title_years = years_in(to_simplified(title))
    # Years inside a document's name (《2023年工作要点》) are not the report's when another is given.
    open_years = years_in(re.sub(r"《[^》]*》", "", opening_text)) or years_in(opening_text)
    title_year = title_years[0] if title_years else None
    open_year = open_years[0] if open_years else None
    identity.year = title_year or open_year or _most_common_year(blocks)
    if title_year and open_year and title_year != open_year:
        notes.append(f"年份不一致：标题写{title_year}年，开头段写{open_year}年。")
    date = next((b.text for b in blocks if b.kind == "date"), "")
    leading = re.match(r"\s*(\d{4})", date.translate(FULLWIDTH_DIGITS))
    date_years = [int(leading.group(1))] if leading else years_in(date)
    date_year = date_years[0] if date_years else None
    if identity.year and date_year and date_year not in (identity.year, identity.year + 1):
        notes.append(f"落款日期{date_year}年与报告年度{identity.year}年不相符。")
    return identity


def _county(
    named: Sequence[str | None],
    unit: str | None,
    addressee: str,
    opening: str,
    body: Sequence[str],
) -> str | None:
    """The township's county, from the strongest place that names it: the county written with
    the unit in the title, signature or opening; the unit's own name written after its county
    anywhere in the report; the superior the addressee, opening or body names
    (:func:`superior_county`); last, the one real county-level division the body names alone.
    A prefecture (湛江市) is never the county, wherever it is written."""
    for county in named:
        if county and not above_county(county):
            return county
    text = "\n".join((addressee, opening, *body))
    return (
        (county_with_unit(text, unit) if unit else None)
        or superior_county(addressee, opening, body)
        or county_named_alone("\n".join(body), unit)
    )


# The body's own names are read only when the title, signature and opening name no unit; the
# county's only by the importer: these patterns are compiled when first used.
# A unit a government body follows: "某镇人民政府", "某乡党委".
_UNIT_BEFORE_BODY = when_used(
    rf"({HAN}{{2,6}}?(?:乡|镇|街道|苏木))(?:人民政府|党委|党工委|政府|司法所|派出所)"
)
# A name in the body starts after punctuation or a preposition: "在下太镇落地生根",
# "《水口镇2024年依法治镇工作要点》", "结合水口镇的工作特点".
_BODY_UNIT = when_used(
    rf"(?:^|(?<=[，。、；：“”《》（）\s在由对为把让至向了])|(?<=结合|推动|助力|促进|纳入))"
    rf"({HAN}{{2,6}}?(?:街道|苏木|乡|镇))(?![镇村乡区域级内外])"
)
# "为“法治古镛”建设", "明确法治舒桥建设的重点任务": the unit's short name in its 法治 brand.
_BRAND = when_used(rf"法治({HAN}{{2,3}}?)(?:建设|”|。|，|、)")
_NOT_BRAND = {
    "政府",
    "社会",
    "国家",
    "中国",
    "思维",
    "方式",
    "宣传",
    "意识",
    "轨道",
    "环境",
    "氛围",
    "保障",
    "理念",
    "精神",
    "观念",
    "文化",
    "素养",
    "教育",
    "乡村",
    "城市",
    "乡镇",
    "街道",
    "工作",
    "体检",
    "课堂",
    "思想",
    "建设",
    "水平",
    "能力",
    "领域",
    "基础",
    "实践",
    "审核",
    "机构",
    "队伍",
}


def _most_common_unit(blocks: Sequence[Block], unit_type: str | None = None) -> str | None:
    """The unit a report names in its body most often (of the type it calls itself, if known)."""
    counts: Counter[str] = Counter()
    text = to_simplified("\n".join(block.full_text for block in blocks))
    # Without a self-reference (我镇, 全乡) the text may not be a report at all: only a name that
    # a government body follows (某镇人民政府, 某乡党委) counts then.
    finder = _BODY_UNIT if unit_type else _UNIT_BEFORE_BODY
    for match in finder().finditer(text):
        # "纳入了东庄镇": the name starts after the particle the match may begin with.
        _, unit = split_place(
            _without_leading_verbs(re.sub(r"^[了的在由把与及将对为向]", "", match.group(1)))
        )
        if plausible_unit(unit) and unit and (unit_type is None or unit_type_of(unit) == unit_type):
            counts[unit] += 1
    if counts:
        return counts.most_common(1)[0][0]
    if unit_type is None:
        return None
    brands = Counter(m.group(1) for m in _BRAND().finditer(text) if m.group(1) not in _NOT_BRAND)
    for brand, _ in brands.most_common():
        name = brand if brand.endswith(unit_type) else brand + unit_type
        if plausible_unit(name):
            return name
    return None


def _self_reference_type(blocks: Sequence[Block]) -> str | None:
    """Without a name, the unit type its self-references use most (我乡/全镇/我街道 …)."""
    counts: Counter[str] = Counter()
    for block in blocks:
        text = to_simplified(block.full_text)
        for match in re.finditer(r"(?:我|全|本)(街道|苏木|乡|镇)", text):
            counts[match.group(1)] += 1
    return counts.most_common(1)[0][0] if counts else None


def _most_common_year(blocks: Sequence[Block]) -> int | None:
    counts: Counter[int] = Counter()
    for block in blocks:
        for year in years_in(block.full_text):
            counts[year] += 1
    return counts.most_common(1)[0][0] if counts else None


_COUNTY_BODY = when_used(
    rf"^(?:中共)?({HAN}{{1,20}}?(?:自治县|自治旗|林区|特区|县|区|旗|市))"
    r"(?:人民政府|政府|委员会|县委|区委|旗委|市委|委)?(?:办公室)?$"
)
_COUNTY_SELF = when_used(r"(?:我|全|本)(县|区|旗|市)(?![委长级直属域])")
_TOWNSHIP_SELF = when_used(r"(?:我|全|本)(乡|镇|街道|苏木)(?![镇村])")


def _county_body(text: str) -> str | None:
    """A county-level body named by a signature or a title's place words (清源县人民政府)."""
    text = re.sub(r"[\s\u3000]+", "", to_simplified(text))
    match = _COUNTY_BODY().match(text)
    if match is None or split_place(match.group(1))[1]:
        return None
    return text


def county_level_reporter(blocks: Sequence[Block]) -> str | None:
    """The county-level body (县/区/旗/市) a report is written by, when it is not a township's.

    A report is a county's when no township unit is named in its title, signature or opening,
    and its title or signature names a county-level body, or its self-references (我县, 全区 …)
    outnumber a township's (我乡, 全镇 …).
    """
    blocks = without_furniture(blocks)
    title = next((b.text for b in blocks if b.kind == "title"), "")
    signatures = [b.text for b in blocks if b.kind == "signature"]
    opening = _first_paragraph(blocks)
    if title and split_place(_title_place(title))[1]:
        return None
    for line in signatures:
        name = re.sub(r"^中共", "", to_simplified(line))
        name = re.sub(r"(人民政府|委员会|党委|党工委)$", "", name)
        if split_place(name)[1]:
            return None
    if opening and _find_unit_in(opening[1].full_text)[1]:
        return None
    if any(_find_unit_in(line)[1] for line in title.split("\n")):
        return None  # "某县2024年度某镇法治政府建设情况报告": the township is named after all
    text = to_simplified("".join(b.full_text for b in blocks))
    county_refs = len(_COUNTY_SELF().findall(text))
    township_refs = len(_TOWNSHIP_SELF().findall(text))
    if township_refs > county_refs:
        return None
    for line in title.split("\n"):
        head = re.split(r"关于|\d{4}|[二][〇零○]|法治|年度", line.strip())[0]
        body = _county_body(head)
        if body:
            return body
    for line in signatures:
        body = _county_body(line)
        if body:
            return body
    if county_refs >= 3 and county_refs > 2 * township_refs:
        level = Counter(_COUNTY_SELF().findall(text)).most_common(1)[0][0]
        return f"通篇自称“我{level}”“全{level}”的单位"
    return None
