"""Identity: unit name and type, county and year from title, opening, signature and body."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.reader import blocks_from_text, read_blocks
from drafter.text.counties import counties_in
from drafter.text.identity import detect_identity, plausible_unit
from drafter.text.places import split_place

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("seed", "unit", "unit_type", "county", "year"),
    [
        ("000_423f073e31c81c7f.txt", "俄久乡", "乡", "尼玛县", 2024),
        ("001_1b8db11db821e11c.txt", "杂色镇", "镇", None, 2024),
        ("002_826d96733ac86db3.txt", "四棵树乡", "乡", "鲁山县", 2024),
        ("003_a85474dd8e8b2607.txt", "田家寨镇", "镇", "湟中区", 2024),
        ("004_4b18fc9788dde1ef.txt", "多玛乡", "乡", "安多县", 2024),
    ],
)
def test_seeds(seed: str, unit: str, unit_type: str, county: str | None, year: int) -> None:
    identity = detect_identity(read_blocks(SEEDS / seed))
    assert (identity.unit_name, identity.unit_type, identity.county, identity.year) == (
        unit,
        unit_type,
        county,
        year,
    )
    assert identity.disagreements == []


@pytest.mark.parametrize(
    ("place", "county", "unit"),
    [
        ("湟中区田家寨镇", "湟中区", "田家寨镇"),
        ("新市镇", None, "新市镇"),
        ("某山县新市镇", "某山县", "新市镇"),
        ("广州市番禺区市桥街道办事处", "番禺区", "市桥街道"),
        ("化隆回族自治县德恒隆乡", "化隆回族自治县", "德恒隆乡"),
        ("门源回族自治县仙米乡", "门源回族自治县", "仙米乡"),
        ("大通县向化藏族乡", "大通县", "向化藏族乡"),
        ("鄂托克旗苏米图苏木", "鄂托克旗", "苏米图苏木"),
        ("东莞市虎门镇", "东莞市", "虎门镇"),
        ("玉树州治多县索加乡", "治多县", "索加乡"),
        ("青海省西宁市湟中区田家寨镇", "湟中区", "田家寨镇"),
        ("北京市通州区永顺镇", "通州区", "永顺镇"),
        ("西城区西长安街街道", "西城区", "西长安街街道"),
        ("尼玛縣俄久鄉", "尼玛县", "俄久乡"),  # Traditional 縣/鄉
        ("城关镇", None, "城关镇"),
        ("乡镇", None, None),
    ],
)
def test_split_place(place: str, county: str | None, unit: str | None) -> None:
    assert split_place(place) == (county, unit)


@pytest.mark.parametrize(
    ("text", "unit", "unit_type", "county", "year"),
    [
        (
            "城关镇人民政府\n关于2024年度法治政府建设情况的报告\n2024年，我镇坚持……。",
            "城关镇",
            "镇",
            None,
            2024,
        ),
        (
            "2025年度法治政府建设情况报告\n2025年，在区委的坚强领导下，西长安街街道坚持……。",
            "西长安街街道",
            "街道",
            None,
            2025,
        ),
        (
            "中共某某旗巴音苏木委员会\n巴音苏木2024年法治政府建设情况报告\n2024年，全苏木……。",
            "巴音苏木",
            "苏木",
            "某某旗",
            2024,
        ),
        (
            "关于2023年法治政府建设情况的报告\n2023年，我乡……。\n一、主要举措\n"
            "正文。\n化隆回族自治县德恒隆乡人民政府\n2024年1月10日",
            "德恒隆乡",
            "乡",
            "化隆回族自治县",
            2023,
        ),
        ("法治政府建设情况报告\n一年来，我街道……。", None, "街道", None, None),
    ],
)
def test_unseen_reports(
    text: str, unit: str | None, unit_type: str, county: str | None, year: int | None
) -> None:
    identity = detect_identity(blocks_from_text(text))
    assert (identity.unit_name, identity.unit_type, identity.county, identity.year) == (
        unit,
        unit_type,
        county,
        year,
    )


def test_disagreements() -> None:
    text = (
        "某某县俄久乡2024年度法治政府建设情况报告\n"
        "2023年，某某县俄久镇在县委、县政府的坚强领导下……。\n一、主要举措和成效\n"
        "俄久乡人民政府\n2022年1月5日"
    )
    identity = detect_identity(blocks_from_text(text))
    assert identity.year == 2024
    joined = "\n".join(identity.disagreements)
    assert "标题写2024年，开头段写2023年" in joined
    assert "俄久镇" in joined
    assert "落款日期2022年" in joined


def test_a_slogan_names_no_unit() -> None:
    """A quoted slogan ending in 乡 is no second name for the unit (no disagreement noted)."""
    text = (
        "石桥镇2023年度法治政府建设情况报告\n"
        "2023年，我镇锚定全面建设“工业强县、幸福安乡”总要求，扎实推进法治政府建设。"
    )
    identity = detect_identity(blocks_from_text(text))
    assert identity.unit_name == "石桥镇"
    assert identity.disagreements == []


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持依法履行法定职责，不断规范街道办事处行政行为，结合荷塘街道实际，现将有关情况报告如下：",
        "结合荷塘街道实际，积极推进街道办事处依法履职，现将有关情况报告如下：",
    ],
)
def test_a_name_is_not_read_into_the_words_before_it(sentence: str) -> None:
    """Prose before 街道 (不断规范, 结合) is not part of a name: an adverb is never in one, and a
    frequent verb that opens the match is the sentence's, as long as a name is left."""
    text = f"2022年度法治政府建设情况报告\n{sentence}\n一、主要举措和成效\n我街道依法行政。"
    assert detect_identity(blocks_from_text(text)).unit_name == "荷塘街道"
    assert plausible_unit("解放街道") and plausible_unit("前进乡") and plausible_unit("立新乡")
    assert not plausible_unit("不断规范街道")


def test_a_unit_followed_by_any_predicate_is_found() -> None:
    """Not only the listed words after a name (坚持, 始终 …): any frequent verb or adverb says
    what the unit did ("平安镇持续以……")."""
    text = "2025年法治政府建设情况报告\n2025年，在县委、县政府的正确领导下，平安镇持续以习近平法治思想为指导。"
    assert detect_identity(blocks_from_text(text)).unit_name == "平安镇"


def test_a_verb_inside_a_name_is_the_sentences() -> None:
    assert not plausible_unit("时召开街道")
    assert plausible_unit("解放街道")


def test_a_preposition_before_a_township_body_is_no_name() -> None:
    """ "通过镇党委会议研究": 通过 is the sentence's preposition; a report that names itself only
    "某镇" has no unit the import can state (the clerk fills it in)."""
    assert not plausible_unit("通过镇") and not plausible_unit("根据乡")
    assert plausible_unit("大同镇") and plausible_unit("团结乡")
    text = "某镇2024年度法治政府建设情况报告\n2024年，某镇扎实推进法治政府建设。\n一、主要举措和成效\n（一）通过镇党委会议研究部署年度重点工作。"
    assert detect_identity(blocks_from_text(text)).unit_name is None


def test_the_partys_prefix_is_not_part_of_the_name() -> None:
    text = "关于2024年度法治政府建设工作情况报告\n县委、县政府：\n2024年以来，中共石桥镇党委、石桥镇人民政府坚持依法行政。"
    assert detect_identity(blocks_from_text(text)).unit_name == "石桥镇"


@pytest.mark.parametrize(
    "sentence",
    [
        "今年以来，我镇认真落实部署要求，结合镇情实际，全面推进依法行政。",  # 镇情: its conditions
        "我街道成立工作专班。二是街道办事处主任主持会议。",  # 二是 opens an item
    ],
)
def test_words_before_a_unit_word_that_name_no_unit(sentence: str) -> None:
    text = (
        f"关于2022年度法治政府建设情况报告\n{sentence}\n一、主要举措\n（一）加强领导。召开会议3次。"
    )
    assert detect_identity(blocks_from_text(text)).unit_name is None


def test_a_street_that_calls_itself_x_jie_in_its_body_only() -> None:
    """我街, and the name only in its documents' titles (《黄石街2020年……》)."""
    text = (
        "2020年法治建设工作总结\n我街严格按照区委部署推进法治建设。\n一、2020年法治建设工作情况\n"
        "（一）加强统筹。制定《东风街2020年全面依法治街工作要点》，我街召开会议4次。"
    )
    identity = detect_identity(blocks_from_text(text))
    assert (identity.unit_name, identity.unit_type) == ("东风街", "街道")


def test_a_verb_before_a_prefecture_committee_names_no_county() -> None:
    """ "及时传达市委……": 传达 is the verb, the 市委 its object; no county 传达市."""
    assert counties_in("及时传达市委全面依法治市委员会审议通过的文件精神") == []


def test_a_prefecture_without_counties_is_the_townships_superior() -> None:
    """中山市 has no county between it and its 街道: its documents name the superior; a
    prefecture with counties (湛江市) never is one, a county-level city (廉江市) is."""
    from drafter.text.counties import superior_county

    assert superior_county("", "", ["审议通过的《中山市2020年依法行政工作要点》"]) == "中山市"
    assert superior_county("", "", ["按照《湛江市2020年工作要点》"]) is None
    assert superior_county("", "", ["按照《廉江市2020年工作要点》"]) == "廉江市"


def test_a_conjunction_before_a_county_committee_is_not_a_county() -> None:
    """市委“138”和县委“1177”: 和 joins two bodies (和县 is a county, but not here)."""
    assert counties_in("全面落实市委“138”和县委“1177”具体安排") == []
    assert counties_in("全面落实市委和县委的部署") == []
    text = "2025年法治政府建设情况报告\n2025年，平安镇紧密围绕市委“138”和县委“1177”具体安排，扎实推进法治建设。"
    assert detect_identity(blocks_from_text(text)).county is None
