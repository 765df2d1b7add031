"""county-unknown: the answers' 所属县（市、区） checked against the official list of county-level
divisions (drafter/text/divisions.py): a name not on it (a slip such as 鲁三县), a prefecture
that has counties (湛江市), a county renamed or merged since (梁平县 → 梁平区).

Answers-level only, like the carried-figure rules: a report on its own names its county in many
ways and ``names`` and ``unit`` rules judge those; here the one field that prints the county in
the title and the addressee is checked where the user can fix it. A warning, not an error: the
list can lag a renaming of the last months.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.divisions import (
    above_county,
    divisions_named,
    is_county,
    is_prefecture,
    renamed_to,
)

RULE = "county-unknown"


@register(RULE, "所属县名称待核对")
def county_unknown(context: Context) -> Iterable[Finding]:
    """Answers-level only (see the module doc)."""
    return ()


def county_problem(name: str) -> str | None:
    """Why a 所属县 answer needs a second look (Chinese, to follow the name), or None when it is a current county,
    or a prefecture-level city with no county that governs its townships itself (东莞市)."""
    if above_county(name):
        return "是地级行政区，不是县级：请填本单位所属的县（市、区）的名称"
    successor = renamed_to(name)
    if successor:
        return f"已更名为“{successor}”：请核对，今年的报告应使用现在的名称"
    if is_county(name):
        if all(entry.former for entry in divisions_named(name)):
            return "已撤销并入其他县区：请核对本单位现在所属的县（市、区）"
        return None
    if is_prefecture(name):
        return None
    return (
        "不在全国县级行政区划名单（截至2025年底）里：请核对有没有错字、是否写全"
        "（如“芷江侗族自治县”）；名称最近才变更的可以不改"
    )
