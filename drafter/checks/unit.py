"""unit-mismatch: words of another unit type (a 乡 report writing 全镇/镇党委/镇长, …).

Leaks come from reusing another unit's file. A unit word counts only where it stands on its own:
after punctuation or a function word (，镇党委 / 全镇 / 由镇长), never inside a longer word
(乡镇, 城镇, 杂色镇司法所 in a 镇 report) or inside 《》/“” (titles of other bodies' documents,
award names).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from drafter.checks._text import Context, inside, protected_spans
from drafter.checks.base import Finding, register
from drafter.text.hanzi import when_used

RULE = "unit-mismatch"

# Characters after which a unit word stands on its own.
_BOUNDARY = set("，。、；：！？,.;:!?“”‘’（）()《》【】 \t\u3000") | set(
    "由任和与及的在是为了对将把被向从经各副兼即等至"
)
_BODY_SUFFIX = (
    r"(?:党委书记|党委|党政|党工委|人民政府|政府|人大|纪委|长|干部|机关|班子|村两级|直部门|"
    r"司法所|派出所|综治中心|领导)"
)
# Not 该: "该镇" may refer to a neighbouring town just named.
_SELF_PREFIX = r"(?:全|我|本)"

# For each unit type: the words its own report uses (shown in the message as the fix).
OWN_WORDS = {
    "乡": {"self": "我乡", "whole": "全乡", "party": "乡党委", "head": "乡长", "gov": "乡政府"},
    "镇": {"self": "我镇", "whole": "全镇", "party": "镇党委", "head": "镇长", "gov": "镇政府"},
    "街道": {
        "self": "我街道",
        "whole": "全街道",
        "party": "街道党工委",
        "head": "街道办事处主任",
        "gov": "街道办事处",
    },
    "苏木": {
        "self": "我苏木",
        "whole": "全苏木",
        "party": "苏木党委",
        "head": "苏木达",
        "gov": "苏木人民政府",
    },
}


@functools.cache
def _patterns(foreign: str) -> list[re.Pattern[str]]:
    """Self-references and bodies of a foreign unit type, compiled the first time a text holds
    its word (a report names few other unit types, most none)."""
    # 乡 followed by 镇/村/土… is a generic word (全乡镇, 本乡本土), not a self-reference.
    tail = r"(?![镇村土亲情愁贤里])" if foreign == "乡" else ""
    body = r"街道(?:党工委|办事处|党委)" if foreign == "街道" else foreign + _BODY_SUFFIX
    return [re.compile(_SELF_PREFIX + foreign + tail), re.compile(body)]


_FOREIGN = {
    "乡": ("镇", "街道", "苏木"),
    "镇": ("乡", "街道", "苏木"),
    "街道": ("乡", "镇", "苏木"),
    "苏木": ("乡", "镇", "街道"),
}
# Past a test for 县, 依法治县 or a 街道 report: compiled when first used.
_COUNTY_VOICE = when_used(r"(?:我|本)县")
_COUNTY_PLAN = when_used(
    r"(?:制定|印发|出台|起草)了?《?[^《》。；]{0,12}依法治县工作(?:计划|要点|方案)"
)


def _fix(unit_type: str, word: str) -> str:
    own = OWN_WORDS[unit_type]
    if word.startswith(("全",)):
        return own["whole"]
    if word.startswith(("我", "本")):
        return own["self"]
    if "党" in word:
        return own["party"]
    if word.endswith("长"):
        return own["head"]
    if "政府" in word or "办事处" in word:
        return own["gov"]
    return own["whole"][1:]


_VILLAGES = when_used(r"村（社区）|村\(社区\)|村委会|村民委员会|行政村|村“两委”|各村|村级")


@register(RULE, "单位用语不一致")
def check(context: Context) -> Iterator[Finding]:
    unit_type = context.unit_type
    if unit_type not in _FOREIGN:
        return
    # A 街道 with villages (村（社区）, 村委会, 行政村) has rural work: 乡村振兴 is its own.
    has_villages = unit_type == "街道" and any(
        _VILLAGES().search(norm) for _, _, norm in context.prose()
    )
    # The report's own name for a 街道's party body: 党工委, when it writes that anywhere.
    party_committee = unit_type == "街道" and any("党工委" in norm for norm in context.norm)
    for index, text, norm in context.prose():
        if context.blocks[index].kind == "title":
            continue
        spans = protected_spans(norm)
        for foreign in _FOREIGN[unit_type]:
            if foreign not in norm:
                continue  # every pattern of a foreign unit type holds its word (a fast test)
            for pattern in _patterns(foreign):
                for match in pattern.finditer(norm):
                    start, end = match.span()
                    before = norm[start - 1] if start else " "
                    if match.group(0)[0] == foreign[0] and before not in _BOUNDARY:
                        continue  # inside a longer word or a place name (杂色镇党委 of XX)
                    if foreign == "乡" and before == "城":
                        continue
                    if inside(spans, start, end):
                        continue
                    word = text[start:end]
                    yield Finding(
                        RULE,
                        "error",
                        f"本报告是{unit_type}的报告，却出现了“{word}”，"
                        f"像是沿用了{foreign}的材料；应为“{_fix(unit_type, word)}”。",
                        word,
                        index,
                    )
        for match in _COUNTY_VOICE().finditer(norm) if "县" in norm else ():
            if not inside(spans, *match.span()):
                word = text[match.start() : match.end()]
                yield Finding(
                    RULE,
                    "error",
                    f"乡镇（街道）报告以县的口吻写了“{word}”，像是沿用了县级材料。",
                    word,
                    index,
                )
        for match in _COUNTY_PLAN().finditer(norm) if "依法治县" in norm else ():
            yield Finding(
                RULE,
                "warning",
                "把县级的“依法治县”工作计划写成了本单位的工作，请核实是否为本单位文件。",
                text[match.start() : match.end()],
                index,
            )
        if unit_type == "街道" and party_committee and "街道党委" in norm:
            for match in re.finditer("街道党委", norm):
                if not inside(spans, *match.span()):
                    yield Finding(
                        RULE,
                        "warning",
                        "街道的党组织是党工委，报告别处也写作“党工委”：“街道党委”应为“街道党工委”。",
                        text[match.start() : match.end()],
                        index,
                    )
        if unit_type == "街道" and not has_villages:
            for match in re.finditer("乡村振兴", norm):
                yield Finding(
                    RULE,
                    "warning",
                    "街道报告写了“乡村振兴”，请确认辖区确有农村工作，而不是沿用了乡镇的材料。",
                    text[match.start() : match.end()],
                    index,
                )
