"""The county a township belongs to, told with the official list of county-level divisions
(drafter/text/divisions.py, data/divisions.txt): real names, county-level cities told from
prefectures, a county named alone, another unit's county left alone, renamed counties."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafter.importer import import_text
from drafter.reader import blocks_from_text
from drafter.text.divisions import (
    DATA,
    above_county,
    counties_mentioned,
    divisions_named,
    is_county,
    renamed_to,
)
from drafter.text.identity import detect_identity

ROOT = Path(__file__).resolve().parent.parent
OPENING = "现将有关情况报告如下：\n一、主要举措和成效\n（一）加强领导。成立领导小组。"


# --------------------------------------------------------------------------- the list


@pytest.mark.parametrize(
    ("name", "county", "above"),
    [
        ("雷州市", True, False),  # a county-level city
        ("湛江市", False, True),  # its prefecture
        ("沁水县", True, False),
        ("芷江侗族自治县", True, False),
        ("阿鲁科尔沁旗", True, False),
        ("神农架林区", True, False),  # a forest district, governed by its province
        ("仙桃市", True, False),  # a county-level city its province governs directly
        ("阿克苏地区", False, True),
        ("广东省", False, True),
        ("东莞市", False, False),  # a prefecture with no county: it governs its townships
        ("平安县", False, False),  # no such county
    ],
)
def test_the_list_tells_county_level_from_prefecture(name: str, county: bool, above: bool) -> None:
    assert (is_county(name), above_county(name)) == (county, above)


def test_one_name_can_be_two_counties() -> None:
    assert {d.prefecture or d.province for d in divisions_named("朝阳区")} == {"北京市", "长春市"}
    assert divisions_named("雷州市")[0].prefecture == "湛江市"


@pytest.mark.parametrize(
    ("former", "current"),
    [("凤翔县", "凤翔区"), ("无为县", "无为市"), ("梁平县", "梁平区"), ("湟中县", "湟中区")],
)
def test_a_renamed_county_is_still_known_and_points_to_its_new_name(
    former: str, current: str
) -> None:
    assert is_county(former) and is_county(current)
    assert renamed_to(former) == current
    assert renamed_to(current) is None


def test_the_list_is_the_whole_country() -> None:
    current = [
        name
        for line in DATA.read_text(encoding="utf-8").splitlines()
        if line.startswith("D\t")
        for name in line.split("\t")[3].split()
    ]
    assert 2800 <= len(current) <= 3000  # China has some 2,840 county-level divisions
    assert DATA.stat().st_size < 60_000


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在沁水县委、县政府领导下", ["沁水县"]),
        ("党中央、省委、湛江市委、雷州市委", ["雷州市"]),
        ("中共渠县县委、渠县人民政府：", ["渠县", "渠县"]),
        ("在县委和县政府的领导下", []),  # 和县 is a county, not after 委
        ("推进老城区改造，城区学校扩容", []),  # everyday words that are county names too
        ("阳泉市城区", ["城区"]),  # … after their prefecture
        ("同青海玉树州治多县索加乡召开座谈会", ["治多县"]),
    ],
)
def test_names_are_cut_out_of_running_text(text: str, names: list[str]) -> None:
    assert [name for _, name in counties_mentioned(text)] == names


def test_the_table_is_read_only_when_a_text_asks() -> None:
    code = (
        "import drafter.importer, drafter.text.identity, drafter.text.divisions as d;"
        "print(d._table.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "0"


# --------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    ("text", "county"),
    [
        # A prefecture is never the county, in a chain of superiors or alone.
        (f"2024年，城关镇认真执行省委、湛江市委的部署。{OPENING}", None),
        (f"湛江市吉水镇2024年度法治政府建设情况报告\n2024年，吉水镇推进法治建设。{OPENING}", None),
        (f"2024年，东里镇在雷州市委、市政府的正确领导下。{OPENING}", "雷州市"),
        # A county the body names alone, of the level the report calls its superior.
        (
            f"2024年，东湖街道严格按照市、区的部署。{OPENING}街道及时宣传朝阳区新版产业政策，"
            "区级排名第1。",
            "朝阳区",
        ),
        # … not a 县 where the report's superior is a 区.
        (f"2024年，东湖街道严格按照区委的部署。{OPENING}街道及时宣传沁水县新版产业政策。", None),
        # Another unit's place: where the township went, or another township's county.
        (f"2024年，多玛乡推进法治建设。{OPENING}组织干部赴安吉县学习。", None),
        (f"2024年，多玛乡推进法治建设。{OPENING}同青海玉树州治多县索加乡召开座谈会。", None),
        # The unit's own name written after its county, anywhere in the report.
        (f"2024年，有庆镇推进法治建设。{OPENING}渠县有庆镇获评法治示范镇。", "渠县"),
    ],
)
def test_the_county_from_the_list(text: str, county: str | None) -> None:
    assert detect_identity(blocks_from_text(text)).county == county


def test_a_renamed_county_is_kept_as_written_with_a_note() -> None:
    result = import_text(f"凤翔县横水镇2020年度法治政府建设情况报告\n2020年，横水镇推进。{OPENING}")
    assert result.data["identity"]["county"] == "凤翔县"
    assert any("凤翔区" in note for note in result.identity.disagreements)
