"""China's county-level divisions: which 县/区/市/旗 in a text is a real county, and of which
prefecture.

The table (``data/divisions.txt``, built by ``scripts/build_county_data.py`` from the code list
as of 2025-12-31, with the names that went since late 2020) tells a county-level city (雷州市)
from a prefecture-level one (湛江市), recognises a county named without any body after it
("街道及时宣传朝阳区新版产业政策"), and cuts a name out of a run of Chinese exactly ("在沁水县委"
→ 沁水县). A former name (凤翔县, now 凤翔区) still counts as a county: a report written before
the change names its county so, and that is the name its township wrote.

The table is read the first time a text asks (a few milliseconds), never at import.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from drafter.text.hanzi import is_han, when_used

DATA = Path(__file__).resolve().parent / "data" / "divisions.txt"
_TAILS = frozenset("县区市旗")
_TAIL = when_used("[县区市旗]")
# Before a one-character stem (渠县, 和县, 沛县) the name must start the run of Chinese or follow
# its province, prefecture or 中共: "县委和县政府" names no 和县.
_CHAIN_ENDS = ("省", "市", "州", "盟", "地区", "中共")
# County names that are also everyday words of a report ("老城区改造", "城区学校", "矿区"): such a
# name is a county only after its prefecture (阳泉市城区) or before its own body (城区委).
_COMMON_WORDS = frozenset(
    {"城区", "郊区", "矿区", "东区", "西区", "新城区", "老城区", "城中区", "城关区", "市中区"}
)


@dataclass(frozen=True, slots=True)
class Division:
    """A county-level division: its name, prefecture ("" when its province governs it directly)
    and province; for a former name, the current name that carries it on ("" when merged away)."""

    name: str
    prefecture: str
    province: str
    former: bool = False
    successor: str = ""


@dataclass(frozen=True, slots=True)
class _Table:
    counties: dict[str, str]
    """Each name → the codes of its prefectures (four digits, space-separated); a former name's
    code is followed by ``>`` and its successor (``>`` alone when merged away)."""
    names: dict[str, str]
    """Province (two digits) and prefecture (four digits) codes → names."""
    prefectures: frozenset[str]
    """Prefecture-level divisions (市, 自治州, 地区, 盟) and provinces."""
    direct: frozenset[str]
    """Prefecture-level cities with no county, which govern their townships themselves (东莞市)."""
    longest: int


@functools.cache
def _table() -> _Table:
    # Kept as strings until asked: Division records for 3,000 names would cost more than the read.
    counties: dict[str, str] = {}
    names: dict[str, str] = {}
    direct: set[str] = set()
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, code, name, *rest = line.split("\t")
        if kind in "PD" and name != "-":
            names[code] = name
        if kind == "D":
            if not rest[0] and name != "-":
                direct.add(name)
            for county in rest[0].split():
                counties[county] = f"{counties[county]} {code}" if county in counties else code
        elif kind == "F":
            entry = f"{code}>{'' if rest[0] == '-' else rest[0]}"
            counties[name] = f"{counties[name]} {entry}" if name in counties else entry
    return _Table(
        counties=counties,
        names=names,
        prefectures=frozenset(names.values()),
        direct=frozenset(direct),
        longest=max(map(len, counties)),
    )


def divisions_named(name: str) -> tuple[Division, ...]:
    """The county-level divisions of that name (朝阳区: Beijing's and Changchun's); () if none."""
    table = _table()
    found: list[Division] = []
    for entry in table.counties.get(name, "").split():
        code, former, successor = entry.partition(">")
        province = table.names.get(code[:2], "")
        prefecture = table.names.get(code, "")
        found.append(
            Division(
                name,
                "" if prefecture == province else prefecture,
                province,
                former=bool(former),
                successor=successor,
            )
        )
    return tuple(found)


def is_county(name: str) -> bool:
    """Whether a name is a county-level division's, current or former (雷州市, 沁水县, 凤翔县)."""
    return name in _table().counties


def is_prefecture(name: str) -> bool:
    """Whether a name is a prefecture-level division's or a province's (湛江市, 阿克苏地区)."""
    return name in _table().prefectures


def above_county(name: str) -> bool:
    """Whether a name is a province's or a prefecture's that has counties (湛江市, 阿克苏地区): a
    township's county is never it. A prefecture with no county (东莞市, 中山市) governs its
    townships itself and is not above them."""
    table = _table()
    return name in table.prefectures and name not in table.direct


def county_ending_at(text: str, end: int, *, body_follows: bool = False) -> str | None:
    """The county-level name that ends at ``end`` in ``text`` (the longest such name), or None.

    A one-character stem counts only at the start of a run of Chinese or after a province,
    prefecture or 中共; a name that is also an everyday word only after its prefecture or, with
    ``body_follows`` (its 委 or 政府 comes next), at such a start too.
    """
    table = _table()
    if end < 2 or text[end - 1] not in _TAILS:
        return None
    for length in range(min(table.longest, end), 1, -1):
        name = text[end - length : end]
        if name not in table.counties:
            continue
        start = end - length
        at_start = start == 0 or not is_han(text[start - 1])
        after_chain = text[:start].endswith(_CHAIN_ENDS)
        if name in _COMMON_WORDS:
            own_prefecture = any(
                e.prefecture and text[:start].endswith(e.prefecture) for e in divisions_named(name)
            )
            if not (own_prefecture or (body_follows and (at_start or after_chain))):
                continue
        elif length == 2 and not (at_start or after_chain):
            continue
        return name
    return None


def counties_mentioned(text: str) -> list[tuple[int, str]]:
    """Every county-level name a text mentions, with where it starts, in order."""
    found: list[tuple[int, str]] = []
    last_end = 0
    for tail in _TAIL().finditer(text, 1):
        end = tail.end()
        name = county_ending_at(text, end)
        if name and end - len(name) >= last_end:
            found.append((end - len(name), name))
            last_end = end
    return found


def renamed_to(name: str) -> str | None:
    """The current name of a county-level division that has since been renamed (凤翔县 →
    凤翔区, 无为县 → 无为市); None for a current name, an unknown one, or one merged away."""
    entries = divisions_named(name)
    if not entries or not all(entry.former for entry in entries):
        return None
    return next((entry.successor for entry in entries if entry.successor), None)
