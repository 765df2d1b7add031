"""The county a township's report names as its superior: the body it reports to or works under.

A report names its county in its title (重庆市某某区某某镇…, read by :func:`split_place`), and
also as a body: the addressee ("中共某县委、某县人民政府：", "某县县委"), the opening ("在某县委、县
政府的坚强领导下", "某市委、市政府"), the body ("落实某区依法治区办的部署", a county's documents
《某区……实施意见》). :func:`superior_county` reads those, from the strongest place to the weakest.

What counts as a county here is what governs a township: a 县, 区, 旗, autonomous county or banner
(某某侗族自治县), or a county-level 市. The list of China's county-level divisions
(:mod:`drafter.text.divisions`) cuts a real name out of the text exactly and tells a county-level
city (廉江市) from its prefecture (湛江市), which is never taken; a name the list does not know is
still cut by the words around it. In a chain of superiors ("省委、湛江市委、廉江市委") the last one
named is the nearest. Where no body is named, :func:`county_with_unit` reads the county written
before the unit's own name and :func:`county_named_alone` the one real county a report names.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.text.divisions import (
    above_county,
    counties_mentioned,
    county_ending_at,
    is_county,
    is_prefecture,
)
from drafter.text.hanzi import HAN, is_han, to_simplified, when_used
from drafter.text.unitname import predicate_word

_TAILS = ("自治县", "自治旗", "林区", "县", "区", "旗", "市")
# The patterns below are compiled the first time a county is looked for in a text (when_used):
# many runs never look (a draft's county is in its answers).
# A county-level name followed by its party committee, government or rule-of-law office: 某县委,
# 某县县委, 某县委员会, 某县人民政府, 某区依法治区办. 委员 after 委 is 委员会 only (not 委员 alone).
_BODY = when_used(
    r"(?P<tail>自治县|自治旗|林区|县|区|旗|市)"
    r"(?:(?:县|区|旗|市)?委(?!员)|委员会|人民政府|政府|依法治(?:县|区|旗|市))"
)
# A county's own document: 《某区党政主要负责人……》. A 市 here may be the prefecture: only a
# county-level city the list knows counts, or a prefecture without counties (《中山市2020年……》).
_DOCUMENT = when_used(rf"《({HAN}{{1,8}}?(?:自治县|自治旗|县|区|旗|市))")
# Where a name can start inside a run of Chinese: after a province or prefecture, a township, a
# word that links it to what comes before (在/和/由), or a verb or adverb that takes a superior
# body as its object ("紧紧围绕区委", "认真落实县委").
_CUT = when_used(
    r"省|自治区|自治州|地区|盟|市|州|镇|乡|街道|苏木|村|"
    r"围绕|按照|依照|遵照|对照|参照|根据|落实|贯彻|执行|服从|接受|配合|响应|紧扣|聚焦|结合|"
    r"坚持|认真|严格|积极|深入|全面|及时|主动|始终|紧紧|切实|坚决|"
    r"[在和与及同由经受对向按照据至的了是为将把从于等并办委府]"
)
_NOT_IN_NAME = when_used(r"依法|法治|全面|工作|政府|人民|委员|领导|建设|部署|推进|落实|贯彻|党")
_SELF = "我本全该各每此其这那"
_GENERIC = {
    "社区", "辖区", "景区", "园区", "片区", "城区", "山区", "库区", "矿区", "牧区", "市区", "郊区",
    "老区", "苏区", "灾区", "小区", "校区", "城市", "都市", "超市", "集市", "县市", "省市", "市县",
    "农村", "乡村",
}  # fmt: skip
_NOT_COUNTY_END = ("开发区", "高新区", "经开区", "示范区", "保护区", "管理区", "试验区", "实验区",
                   "园区", "社区", "景区", "功能区", "行政区", "自治区", "地区")  # fmt: skip


def plausible_county(name: str) -> bool:
    """Whether a name cut out of a sentence can be a county's (沁水县, 渠县, 芷江侗族自治县)."""
    tail = next((t for t in _TAILS if name.endswith(t)), None)
    if tail is None or name in _GENERIC or name.endswith(_NOT_COUNTY_END):
        return False
    stem = name[: -len(tail)]
    return 1 <= len(stem) <= 10 and stem[0] not in _SELF and _NOT_IN_NAME().search(stem) is None


def _conjunction(text: str, start: int, name: str) -> bool:
    """Whether a county named by one character that is also a conjunction (和县) is that word
    linking two bodies instead: after another body or a quoted name ("市委“138”和县委“1177”",
    "市委和县委"), 和 joins the two."""
    return (
        len(name) == 2
        and name[0] in "和与及同并"
        and start > 0
        and text[start - 1] in "”’」』）)委府"
    )


def _name_ending_at(text: str, tail_start: int, tail_end: int) -> str | None:
    """The county name that ends with the tail at ``tail_start``: a real county-level division's
    (:mod:`drafter.text.divisions`) where one ends there, else the Chinese before it, cut where a
    name can start (the rightmost cut that leaves two characters, or one at the start of the run:
    渠县); None when nothing stands between the last cut and the tail (在区委), and for a
    prefecture (湛江市委) or a province."""
    known = county_ending_at(text, tail_end, body_follows=True)
    if known and not _conjunction(text, tail_end - len(known), known):
        return known
    start = tail_start
    while start > 0 and tail_start - start < 14 and is_han(text[start - 1]):
        start -= 1
    run = text[start:tail_start]
    if run.startswith("中共"):
        run = run[2:]
    # 州 or 市 right before the tail is the name's own (雷州市, 通州区), not a prefecture's end.
    cuts = sorted(
        {
            0,
            *(
                m.end()
                for m in _CUT().finditer(run)
                if m.end() < len(run) or m.group() not in "州市"
            ),
        },
        reverse=True,
    )
    if not run[cuts[0] :]:
        return None  # "小营街道在区委": the 区 names no county ("区委" alone)
    for cut in cuts:
        stem = run[cut:]
        if len(stem) >= 2 or (len(stem) == 1 and cut == 0):
            name = stem + text[tail_start:tail_end]
            if predicate_word(stem):
                return None  # "及时传达市委……": the verb's object is the 市委, no 传达市
            return name if plausible_county(name) and not above_county(name) else None
    return None


def counties_in(text: str) -> list[str]:
    """County-level bodies a text names, in order (某县委 → 某县, 某区依法治区办 → 某区)."""
    text = to_simplified(text)
    found: list[tuple[int, str]] = []
    for match in _BODY().finditer(text):
        name = _name_ending_at(text, match.start("tail"), match.end("tail"))
        if name:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]


def _nearest(names: Sequence[str]) -> str | None:
    """Of the counties one place names, the one it names most; on a tie a real county-level
    division before a name the list does not know, a 县/区/旗 before an unknown 市 (a prefecture
    is a 市 too), then the last named (a chain of superiors goes downwards)."""
    names = [name for name in names if not above_county(name)]
    if not names:
        return None
    ranked = sorted(
        enumerate(names),
        key=lambda pair: (
            names.count(pair[1]),
            is_county(pair[1]),
            is_county(pair[1]) or not pair[1].endswith("市"),
            pair[0],
        ),
    )
    return ranked[-1][1]


def superior_county(addressee: str, opening: str, body: Sequence[str]) -> str | None:
    """The county a report names as its superior: from the addressee, else the opening, else the
    body (its bodies, then the county's documents it cites); None when none names one."""
    for place in (addressee, opening):
        county = _nearest(counties_in(place))
        if county:
            return county
    text = "\n".join(body)
    county = _nearest(counties_in(text))
    if county:
        return county
    documents = [m.group(1) for m in _DOCUMENT().finditer(to_simplified(text))]
    return _nearest([name for name in documents if _document_county(name)])


def _document_county(name: str) -> bool:
    if not name.endswith("市"):
        return plausible_county(name)
    return is_county(name) or (is_prefecture(name) and not above_county(name))


def county_with_unit(text: str, unit: str) -> str | None:
    """The county a text writes right before the unit's own name ("渠县有庆镇", "来源：铜梁区双山
    镇"), the one it writes so most often: only a real county-level division's name counts."""
    text = to_simplified(text)
    found: list[str] = []
    at = text.find(unit)
    while at > 0:
        name = county_ending_at(text, at)
        if name:
            found.append(name)
        at = text.find(unit, at + len(unit))
    return max(found, key=found.count) if found else None


# A county named as another unit's place: where the township went, learnt from, paired with or
# borders ("赴某县学习", "同青海玉树州治多县索加乡"), looked for just before the name.
_ELSEWHERE_BEFORE = when_used(
    r"赴|到|去|往|来自|考察|学习|参观|借鉴|交流|对口|帮扶|协作|结对|毗邻|邻近|交界|接壤|[与和同]"
)
# A township named right after the county: the county is that township's place.
_TOWNSHIP_AFTER = when_used(rf"{HAN}{{1,6}}?(?:街道|苏木|乡|镇)(?![村镇])")
# The level of its superior a township's report names: 区委, 县政府, 区级, 全区, "市、区".
_LEVELS = when_used(
    r"(?P<a>县|区|市|旗)(?:委|政府|级|直|人大|政协)|[全本我](?P<b>县|区|旗)|"
    r"(?P<c>县|区|旗)[、与和](?:乡|镇|街道)|市[、与和](?P<d>县|区)"
)


def county_named_alone(text: str, unit: str | None) -> str | None:
    """A real county-level division a report names without any body or township ("街道及时宣传
    朝阳区新版产业政策"): its own county, where it names one such division (or one far more
    often than the others) that is not another unit's place and is of a level the report calls
    its superior (its 区委, 区级 … where it names any)."""
    text = to_simplified(text)
    levels = {next(g for g in m.groups() if g) for m in _LEVELS().finditer(text)}
    found: list[str] = []
    for start, name in counties_mentioned(text):
        end = start + len(name)
        township = _TOWNSHIP_AFTER().match(text, end)
        if township and township.group() != unit:
            continue
        if _ELSEWHERE_BEFORE().search(text, max(0, start - 6), start) or _conjunction(
            text, start, name
        ):
            continue
        if levels and name[-1] not in levels:
            continue
        found.append(name)
    ranked = sorted(set(found), key=found.count, reverse=True)
    if not ranked or (len(ranked) > 1 and found.count(ranked[0]) < 2 * found.count(ranked[1])):
        return None
    return ranked[0]
