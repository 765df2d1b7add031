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
from drafter.text.counties import county_named_alone, county_with_unit, superior_county
from drafter.text.divisions import above_county
from drafter.text.furniture import furniture_by_block
from drafter.text.hanzi import HAN, NOT_HAN, to_simplified, when_used
from drafter.text.places import (
    COUNTY_TAIL,
    split_place,
    unit_type_of,
)
from drafter.text.unitname import find_unit_in, plausible_unit, without_leading_verbs

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


_TITLE_LIKE = when_used(r"^[^。；;，,！？!?：:]{6,60}$")


def without_furniture(blocks: Sequence[Block]) -> list[Block]:
    """The blocks without page furniture (:func:`drafter.text.furniture.furniture_mask`).

    A title's furniture lines go (a title of furniture only goes whole); when the page pushed the
    report's own title down among its furniture, the short line naming the report before the
    opening is the title again.
    """
    lines_of = [b.text.split("\n") if b.kind == "title" else [b.full_text] for b in blocks]
    masks = furniture_by_block(lines_of)
    if not any(any(mask) for mask in masks):
        return list(blocks)
    kept: list[Block] = []
    for block, lines, mask in zip(blocks, lines_of, masks, strict=True):
        own = [line for line, dropped in zip(lines, mask, strict=True) if not dropped]
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
        title_county, title_unit = find_unit_in(title.replace("\n", ""))
        head = _title_place(title)
        if title_county is None and head.endswith(COUNTY_TAIL) and not split_place(head)[1]:
            title_county = head
    whole = "".join(b.full_text for b in blocks)
    street = "街道" in whole or "党工委" in whole
    open_county, open_unit = (
        find_unit_in(opening_text, street=street) if opening_text else (None, None)
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
# "《水口镇2024年依法治镇工作要点》", "结合水口镇的工作特点"; not a unit word that is the start of
# another (镇村, 乡级, 镇内) or of the noun 镇情 ("结合镇情实际": the township's conditions).
_BODY_UNIT = when_used(
    rf"(?:^|(?<=[，。、；：“”《》（）\s在由对为把让至向了])|(?<=结合|推动|助力|促进|纳入))"
    rf"({HAN}{{2,6}}?(?:街道|苏木|乡|镇|街))(?![镇村乡区域级内外情])"
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
        name = without_leading_verbs(re.sub(r"^[了的在由把与及将对为向]", "", match.group(1)))
        _, unit = split_place(name)
        if unit is None and unit_type == "街道" and name.endswith("街"):
            unit = name  # a 街道 that calls itself "X街" (《黄石街2020年……》, 我街)
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
    """Without a name, the unit type its self-references use most (我乡/全镇/我街道 …; 我街 is a
    街道's that calls itself "X街")."""
    counts: Counter[str] = Counter()
    for block in blocks:
        text = to_simplified(block.full_text)
        for match in re.finditer(r"(?:我|全|本)(街道|街|苏木|乡|镇)", text):
            kind = match.group(1)
            counts["街道" if kind == "街" else kind] += 1
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
    if opening and find_unit_in(opening[1].full_text)[1]:
        return None
    if any(find_unit_in(line)[1] for line in title.split("\n")):
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
