"""The words a report uses for its own unit, derived from the unit type.

Every 乡/镇/街道 word in a draft comes from here, never from template text, so a 乡 report can
never say 全镇. The checks use the same table to find words of another unit type.
"""

from __future__ import annotations

from dataclasses import dataclass

UNIT_TYPES: tuple[str, ...] = ("乡", "镇", "街道", "苏木")


@dataclass(frozen=True, slots=True, repr=False)
class UnitWords:
    """How a unit of one type refers to itself and its bodies."""

    # The four instances below are the only ones; templates read their attributes.
    unit_type: str
    self_ref: str
    whole: str
    party: str
    party_secretary: str
    head: str
    government: str
    government_suffix: str
    villages: str
    cadres: str
    level: str

    def __repr__(self) -> str:
        return f"UnitWords({self.unit_type!r})"


WORDS: dict[str, UnitWords] = {
    "乡": UnitWords(
        "乡",
        "我乡",
        "全乡",
        "乡党委",
        "乡党委书记",
        "乡长",
        "乡政府",
        "人民政府",
        "村",
        "乡村干部",
        "乡镇",
    ),
    "镇": UnitWords(
        "镇",
        "我镇",
        "全镇",
        "镇党委",
        "镇党委书记",
        "镇长",
        "镇政府",
        "人民政府",
        "村（社区）",
        "镇村干部",
        "乡镇",
    ),
    "街道": UnitWords(
        "街道",
        "我街道",
        "全街道",
        "街道党工委",
        "街道党工委书记",
        "街道办事处主任",
        "街道办事处",
        "办事处",
        "社区",
        "街道社区干部",
        "街道",
    ),
    "苏木": UnitWords(
        "苏木",
        "我苏木",
        "全苏木",
        "苏木党委",
        "苏木党委书记",
        "苏木达",
        "苏木政府",
        "人民政府",
        "嘎查",
        "苏木嘎查干部",
        "苏木",
    ),
}


def words_for(unit_type: str) -> UnitWords:
    """The unit words for a unit type (乡 when the type is unknown)."""
    return WORDS.get(unit_type, WORDS["乡"])


def guess_unit_type(unit_name: str) -> str | None:
    """The unit type a full name ends with: 俄久乡 → 乡, 城关街道 → 街道 (None if none)."""
    name = unit_name.strip()
    for unit_type in sorted(UNIT_TYPES, key=len, reverse=True):
        if name.endswith(unit_type):
            return unit_type
    if len(name) >= 3 and name.endswith("街") and not name.endswith(NOT_STREET):
        return "街道"  # 广东 街道 call themselves "X街" (鹤龙街, 东城街)
    return None


NOT_STREET = ("大街", "步行街", "商业街", "老街", "古街", "美食街")
"""Names ending in 街 that are streets, not a 街道."""


def government_body(unit_name: str, unit_type: str) -> str:
    """The unit's government as it signs: 俄久乡人民政府, 城关街道办事处, 鹤龙街道办事处 (鹤龙街)."""
    name = unit_name.strip()
    if unit_type == "街道" and name.endswith("街"):
        name += "道"
    return name + words_for(unit_type).government_suffix
