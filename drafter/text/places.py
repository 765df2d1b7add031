"""Where a unit is: "湟中区田家寨镇" split into its county and its unit name.

Kept apart from ``identity`` (which reads a whole report and compiles many patterns) because the
catalogue needs it for a default answer, and the first question should not wait for the rest.
"""

from __future__ import annotations

import re

from drafter.text.hanzi import HAN, to_simplified
from drafter.text.units import NOT_STREET

UNIT_TYPES = ("街道", "苏木", "乡", "镇")
"""Longest first, so 街道 is tried before the one-character types."""


# A unit name: 1–10 Han characters ending with a unit type. 民族乡 ("XX回族乡") are just 乡.
_UNIT_TAIL = r"(?:街道办事处|街道|苏木|乡|镇)"
_ADMIN = re.compile(
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗|林区|特区)"
)
COUNTY_TAIL = ("自治县", "自治旗", "县", "区", "旗", "市", "林区", "特区")
GENERIC_NAMES = {"乡镇", "城镇", "村镇", "集镇", "城乡", "街道"}


def unit_type_of(name: str) -> str | None:
    """The unit type a name ends with: 俄久乡 → 乡, XX街道办事处 → 街道."""
    name = name.removesuffix("办事处").removesuffix("人民政府")
    for unit_type in UNIT_TYPES:
        if name.endswith(unit_type):
            return unit_type
    if len(name) >= 3 and name.endswith("街") and not name.endswith(NOT_STREET):
        return "街道"  # a 街道 that calls itself "X街" (鹤龙街, 东城街)
    return None


_NAME_AT_END = re.compile(rf"({HAN}{{2,30}}?){_UNIT_TAIL}$")


def split_place(text: str) -> tuple[str | None, str | None]:
    """Split "湟中区田家寨镇" into (county, unit); either may be None.

    The county is the last administrative segment before the unit (县/区/旗/county-level 市), and
    a segment only counts when what is left still makes a unit name of two or more characters.
    """
    text = to_simplified(text)
    match = _NAME_AT_END.search(text)
    if match is None:
        return None, None
    whole = text
    unit_type = unit_type_of(whole)
    if unit_type is None:
        return None, None
    # Cut after each administrative word and keep the last cut that leaves a valid unit.
    county: str | None = None
    unit = whole
    start = 0
    for admin in _ADMIN.finditer(whole):
        end = admin.end()
        if admin.group(0) == "州" and whole[end : end + 1] in "市区县":
            # "广州市", "通州区": 州 here is part of the name, not a prefecture.
            continue
        rest = whole[end:]
        rest_type = unit_type_of(rest)
        core = rest.removesuffix("办事处")
        if rest_type is None or len(core) < len(rest_type) + 1:
            continue
        segment = whole[start:end]
        if len(segment) >= 2:
            if segment.endswith(COUNTY_TAIL):
                county = segment
            start = end
            unit = rest
    unit = unit.removesuffix("办事处")
    if unit in GENERIC_NAMES or len(unit) < 2:
        return county, None
    return county, unit
