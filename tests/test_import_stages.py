"""Each import stage on its own: segment, classify, place, figures, identity.

Inputs are small report fragments written here in wordings the seeds do not use, so the rules are
tried on text they were not written from.
"""

from __future__ import annotations

import pytest

from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.importer import import_blocks
from drafter.importer.classify import (
    CATCH_ALL,
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_OTHER,
    KIND_PLANS,
    KIND_PROBLEMS,
    assign_topics,
    classify_part,
)
from drafter.importer.figures import TextSlot, account, representable
from drafter.importer.identity import find_date, parse_date, read_identity
from drafter.importer.place import AnswersBuilder, place_problems
from drafter.importer.segment import (
    Item,
    build_items,
    expand_runs,
    segment,
    split_runs,
)
from drafter.reader import blocks_from_text
from drafter.text.mentions import find_mentions

# --------------------------------------------------------------------------- segment


def test_runs_split_only_when_they_count_up_from_one() -> None:
    lead, runs = split_runs("围绕三个方面推进。一是建机制；二是抓培训；三是强监督。")
    assert lead == "围绕三个方面推进。"
    assert runs == ["建机制；", "抓培训；", "强监督。"]
    assert split_runs("这项工作二是重点，三是难点。") == ("这项工作二是重点，三是难点。", [])


def test_runs_each_in_their_own_paragraph_are_one_list() -> None:
    item = Item("夯实基层基础", ["一是建强队伍。选配专职人员8名。", "二是完善制度。出台办法3项。"])
    expanded = expand_runs(item)
    assert [(s.heading, s.texts) for s in expanded.subs] == [
        ("建强队伍", ["选配专职人员8名。"]),
        ("完善制度", ["出台办法3项。"]),
    ]


def test_runs_after_a_colon_lead_stay_one_statement() -> None:
    text = "经梳理，问题主要有：一是意识不强；二是能力不足。"
    item = expand_runs(Item(texts=[text]))
    assert item.subs == [] and item.runs_lead_colon and item.texts == [text]


def test_runs_get_headings_all_or_none() -> None:
    item = expand_runs(Item(texts=["一是建强队伍。选配专职人员。二是完善调解制度，出台办法。"]))
    assert [s.heading for s in item.subs] == ["", ""]
    assert item.subs[0].texts == ["建强队伍。选配专职人员。"]


def test_own_line_headings_with_numbered_sub_items() -> None:
    blocks = blocks_from_text(
        "（一）夯实组织保障\n1. 健全机制：成立工作专班。\n2. 压实责任：签订责任书12份。\n"
        "（二）深化普法宣传\n开展活动9场次。"
    )
    items = build_items(blocks, list(range(len(blocks))))
    assert [(i.heading, [s.heading for s in i.subs]) for i in items] == [
        ("夯实组织保障", ["健全机制", "压实责任"]),
        ("深化普法宣传", []),
    ]
    assert items[0].subs[1].texts == ["签订责任书12份。"]
    assert items[0].subs[1].sources == {2}


def test_segment_finds_opening_parts_and_closing() -> None:
    blocks = blocks_from_text(
        "某镇2024年度法治政府建设情况报告\n2024年，某镇扎实推进法治建设。现将情况报告如下：\n"
        "一、主要举措和成效\n（一）加强领导。召开会议3次。\n二、下一步打算\n（一）继续加强学习。\n"
        "2025年，我们将继续努力，推动法治政府建设再上新台阶。\n特此报告。"
    )
    segmented = segment(blocks)
    assert next(b.text for _, b in segmented.opening).startswith("2024年")
    assert [p.title for p in segmented.parts] == ["主要举措和成效", "下一步打算"]
    assert [b.text for _, b in segmented.closing] == [
        "2025年，我们将继续努力，推动法治政府建设再上新台阶。",
        "特此报告。",
    ]


# --------------------------------------------------------------------------- classify


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2024年度推进法治政府建设的主要做法", KIND_MEASURES),
        ("工作中存在的短板", KIND_PROBLEMS),
        ("街道党工委书记履行推进法治建设第一责任人职责情况", KIND_FIRST_DUTY),
        ("2025年工作思路", KIND_PLANS),
        ("其他需要报告的情况", KIND_OTHER),
    ],
)
def test_part_kinds(title: str, kind: str) -> None:
    assert classify_part(title) == kind


def _items(*pairs: tuple[str, str]) -> list[Item]:
    return [Item(heading, [text]) for heading, text in pairs]


def test_topics_one_item_each_strongest_first() -> None:
    items = _items(
        ("抓实干部学法，提升宣传实效", "中心组学法5次。"),
        ("深化普法宣传，营造法治氛围", "开展普法活动20场次。"),
        ("规范行政执法", "执法人员持证上岗。"),
    )
    topics = [a.topic for a in assign_topics(items, first_duty_allowed=False)]
    assert topics == ["study", "publicity", "enforcement"]


def test_an_item_without_evidence_is_a_speciality_then_unplaced() -> None:
    items = _items(
        ("深化普法宣传", "开展普法活动20场次。"),
        ("打造红色文旅品牌", "建成红色教育基地1处。"),
        ("推进美丽乡村建设", "改造农户厕所300户。"),
    )
    assignments = assign_topics(items, first_duty_allowed=False)
    assert [(a.topic, a.own) for a in assignments] == [
        ("publicity", True),
        (CATCH_ALL, True),
        (None, False),
    ]


def test_a_second_item_of_a_taken_topic_joins_it() -> None:
    items = _items(
        ("深化普法宣传", "开展普法活动20场次。"),
        ("创新普法宣传形式", "开通普法公众号。"),
    )
    assignments = assign_topics(items, first_duty_allowed=False)
    assert [(a.topic, a.own) for a in assignments] == [("publicity", True), ("publicity", False)]


def test_first_duty_is_a_topic_only_without_a_part_of_its_own() -> None:
    items = _items(("主要负责人切实履行第一责任人职责", "书记带头讲法治课。"))
    assert assign_topics(items, first_duty_allowed=True)[0].topic == "first_duty"
    assert assign_topics(items, first_duty_allowed=False)[0].topic != "first_duty"


def test_an_unheaded_lead_beside_headed_items_gets_no_slot_of_its_own() -> None:
    items = [
        Item(texts=["我镇重点做了以下工作："]),
        Item("深化普法宣传", ["开展普法活动20场次。"]),
    ]
    assignments = assign_topics(items, first_duty_allowed=False)
    assert assignments[0].topic is None
    assert assignments[1].topic == "publicity"


# --------------------------------------------------------------------------- place


def test_problems_causes_and_rectification() -> None:
    items = [
        Item(texts=["一是学法不够经常；二是执法力量偏弱。究其原因，主要是人员变动频繁。"]),
        Item(texts=["针对去年指出的问题，具体整改如下："]),
        Item(texts=["已制定学法计划，按月组织集中学法。"]),
    ]
    out = AnswersBuilder()
    place_problems(items, out)
    assert out.data["problems"] == {
        "items": [
            {"heading": "", "text": "学法不够经常。"},
            {"heading": "", "text": "执法力量偏弱。"},
        ],
        "causes": "究其原因，主要是人员变动频繁。",
    }
    # The report's lead of its 整改 is its words too: kept, the draft uses it as the lead.
    assert out.data["rectification"]["items"] == [
        {"heading": "", "text": "针对去年指出的问题，具体整改如下："},
        {"heading": "", "text": "已制定学法计划，按月组织集中学法。"},
    ]


def test_an_items_sub_items_stay_together() -> None:
    text = """某乡2024年度法治政府建设情况报告
2024年，某乡推进法治建设。
一、主要举措和成效
（一）加强执法监督，落实责任考核
一是加强规范性文件管理。清理规范性文件3件。二是畅通信访渠道。受理群众来信12件。
（二）深化普法宣传
开展普法活动20场次。
"""
    result = import_blocks(blocks_from_text(text))
    homes = [
        section
        for section, values in result.data.items()
        if isinstance(values, dict)
        and any(
            "规范性文件" in m["text"] or "来信" in m["text"] for m in values.get("measures", [])
        )
    ]
    assert len(homes) == 1


# --------------------------------------------------------------------------- figures


def _slot(key: str, text: str) -> TextSlot:
    return TextSlot(key, key.split(".")[0], text, "标签", {0})


@pytest.mark.parametrize(
    ("text", "filled"),
    [
        ("全年开展普法宣传活动20场次。", {"publicity.activities": 20}),
        ("全年开展普法宣传活动20次。", {}),  # 次 is not the question's 场次
        ("发放宣传资料1500余份。", {"publicity.materials": 1500}),
        ("发放宣传资料1500多份。", {}),  # 多 is not 余: it stays as written
        ("发放宣传资料约1500份。", {}),
        ("发放宣传资料1500份以上。", {}),
    ],
)
def test_a_figure_fills_its_key_only_as_written(text: str, filled: dict[str, int]) -> None:
    blocks = [Block("paragraph", text)]
    result = account(blocks, [_slot("publicity.measures[0].text", text)])
    assert {k: f.value for k, f in result.filled.items()} == filled
    (record,) = result.records
    assert record.where == (next(iter(filled)) if filled else "publicity.measures[0].text")


def test_a_figure_in_another_sections_text_stays_there() -> None:
    text = "党委书记带头学法，全年党委理论学习中心组学法6次。"
    result = account([Block("paragraph", text)], [_slot("first_duty.duties[0].text", text)])
    assert result.filled == {}
    assert result.records[0].where == "first_duty.duties[0].text"


def test_a_figure_in_a_title_does_not_fill() -> None:
    text = "开展普法宣传活动42场次"
    result = account([Block("paragraph", text)], [_slot("publicity.title", text)])
    assert result.filled == {} and result.records[0].where == "publicity.title"


def test_the_first_value_stands_and_a_part_is_never_more_than_its_whole() -> None:
    text = "全年调解矛盾纠纷20件，其中调解成功25件。另调解矛盾纠纷30件。"
    result = account([Block("paragraph", text)], [_slot("disputes.measures[0].text", text)])
    assert {k: f.value for k, f in result.filled.items()} == {"disputes.mediated": 20}
    assert [r.placed for r in result.records] == [True, False, False]


def test_only_n_yu_is_representable() -> None:
    marks = {
        m.raw: representable(m)
        for m in find_mentions("约50人次，60余人次，70多人次，80人次左右，1.2万余份")
    }
    assert marks == {
        "约50人次": False,
        "60余人次": True,
        "70多人次": False,
        "80人次左右": False,
        "1.2万余份": True,
    }


# --------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2025年1月15日", "2025年1月15日"),
        ("2025年01月05日", "2025年1月5日"),
        ("二〇二五年一月十五日", "2025年1月15日"),
        ("二〇二五年十二月三十一日", "2025年12月31日"),
        ("2025.1.15", "2025年1月15日"),
        ("2025-01-15", "2025年1月15日"),
        ("2025/1/15", "2025年1月15日"),
        ("２０２５年１月１５日", "2025年1月15日"),
        ("2025年2月30日", None),
        ("2025年1月", None),
    ],
)
def test_dates_in_any_common_form(written: str, date: str | None) -> None:
    assert parse_date(written) == date


def test_date_after_the_signature_or_at_its_end() -> None:
    blocks = blocks_from_text(
        "某镇2024年度法治政府建设情况报告\n2024年，某镇推进法治建设。\n一、主要举措和成效\n"
        "（一）加强领导。召开会议3次。\n某镇人民政府\n2025.1.16\n"
    )
    assert find_date(blocks)[0] == "2025年1月16日"
    blocks = [*blocks[:-2], Block("paragraph", "某镇人民政府　2025年1月16日")]
    assert find_date(blocks)[0] == "2025年1月16日"


def test_a_date_before_the_report_year_is_not_imported() -> None:
    blocks = blocks_from_text(
        "某镇2024年度法治政府建设情况报告\n2024年，某镇推进法治建设。\n一、主要举措和成效\n"
        "（一）加强领导。召开会议3次。\n某镇人民政府\n2023年1月16日\n"
    )
    identity = read_identity(blocks)
    assert identity.date is None
    assert any("早于报告年度" in note for note in identity.identity.disagreements)


@pytest.mark.parametrize(
    "text",
    [
        "清源县人民政府关于2024年度法治政府建设情况的报告\n中共临江市委、临江市人民政府：\n"
        "2024年，清源县坚持依法行政。\n一、主要举措和成效\n（一）加强领导。\n清源县人民政府\n2025年1月20日",
        "2024年度法治政府建设情况报告\n2024年，我区坚持依法行政。全区各部门依法履职，"
        "我区法治建设取得成效。\n一、主要举措和成效\n（一）加强领导，全区召开会议。\n"
        "中共某某区委\n2025年1月20日",
    ],
)
def test_a_county_level_report_is_refused_in_chinese(text: str) -> None:
    with pytest.raises(DrafterError) as caught:
        import_blocks(blocks_from_text(text))
    assert "县级报告" in caught.value.message
    assert "乡、镇、街道、苏木" in caught.value.message


@pytest.mark.parametrize(
    ("text", "unit", "unit_type", "county", "year"),
    [
        (
            "中共桃源街道工作委员会　桃源街道办事处\n关于二〇二四年度法治政府建设情况的报告\n"
            "二〇二四年，街道党工委、办事处扎实推进法治建设。\n一、主要做法\n（一）加强领导。",
            "桃源街道",
            "街道",
            None,
            2024,
        ),
        (
            "关于长乐街道2025年度法治政府建设情况的报告\n中共某某区委、某某区人民政府：\n"
            "2025年，长乐街道扎实推进法治建设。\n一、主要做法\n（一）加强领导。",
            "长乐街道",
            "街道",
            "某某区",
            2025,
        ),
        (
            "2024年度法治政府建设情况报告\n2024年，我街道扎实推进法治建设。\n一、主要做法\n"
            "（一）加强领导。\n中共新华街道工作委员会\n新华街道办事处\n2025年1月9日",
            "新华街道",
            "街道",
            None,
            2024,
        ),
        (
            "和平区人民政府东风街道办事处\n2024年法治政府建设情况报告\n"
            "2024年以来，街道紧紧围绕区委部署。\n一、主要做法\n（一）加强领导。",
            "东风街道",
            "街道",
            "和平区",
            2024,
        ),
        (
            "平安县2024年度石桥镇法治政府建设情况报告\n2024年以来，在县委领导下，我镇扎实推进。\n"
            "一、主要做法\n（一）加强领导。",
            "石桥镇",
            "镇",
            "平安县",
            2024,
        ),
        (
            # The title drops its county's 县; the opening and the signature agree on the unit.
            "云岭拉萨乡2025年度法治政府建设情况报告\n中共云岭县委、云岭县人民政府：\n"
            "2025年，拉萨乡推进法治建设。\n一、主要做法\n（一）加强领导。\n拉萨乡人民政府\n"
            "2026年1月5日",
            "拉萨乡",
            "乡",
            "云岭县",
            2025,
        ),
        (
            "某某旗巴彦苏木2024年法治政府建设情况报告\n2024年，巴彦苏木推进法治建设。\n"
            "一、主要做法\n（一）加强领导。",
            "巴彦苏木",
            "苏木",
            "某某旗",
            2024,
        ),
    ],
)
def test_identity_of_unseen_titles(
    text: str, unit: str, unit_type: str, county: str | None, year: int
) -> None:
    ident = import_blocks(blocks_from_text(text)).report()["identity"]
    assert (ident["unit_name"], ident["unit_type"], ident["county"], ident["year"]) == (
        unit,
        unit_type,
        county,
        year,
    )


def test_two_bodies_on_one_signature_line_are_two_signers() -> None:
    blocks = blocks_from_text(
        "某镇2024年度法治政府建设情况报告\n2024年，某镇推进法治建设。\n一、主要举措和成效\n"
        "（一）加强领导。\n中共某镇委员会　　某镇人民政府\n2025年1月6日"
    )
    assert read_identity(blocks).signers == ["中共某镇委员会", "某镇人民政府"]


def test_the_file_name_names_the_unit_when_nothing_else_does() -> None:
    blocks = blocks_from_text(
        "2024年度法治政府建设情况报告\n2024年，我镇推进法治建设。\n一、主要举措和成效\n（一）加强领导。"
    )
    identity = read_identity(blocks, name_hint="青龙镇2024年法治政府建设情况报告").identity
    assert (identity.unit_name, identity.unit_type) == ("青龙镇", "镇")


def test_a_stated_zero_fills_its_key_only_in_its_own_section() -> None:
    text = "全年未发生行政复议案件，行政诉讼案件1件。"
    own = account([Block("paragraph", text)], [_slot("review.measures[0].text", text)])
    assert {k: f.value for k, f in own.filled.items()} == {
        "review.lawsuits": 1,
        "review.reconsiderations": 0,
    }
    assert [(f.key, f.value, f.sentence) for f in own.facts] == [
        ("review.reconsiderations", 0, text)
    ]
    other = account([Block("paragraph", text)], [_slot("openness.measures[0].text", text)])
    assert other.filled == {} and other.facts == []


def test_all_resolved_said_without_a_number_fills_the_part() -> None:
    text = "全年调解矛盾纠纷15件，全部调解成功。"
    result = account([Block("paragraph", text)], [_slot("disputes.measures[0].text", text)])
    assert {k: f.value for k, f in result.filled.items()} == {
        "disputes.mediated": 15,
        "disputes.resolved": 15,
    }


def test_two_parts_of_measures_share_the_topics() -> None:
    text = """某镇2024年度法治政府建设情况报告
2024年，某镇扎实推进法治政府建设。
一、基本情况
（一）加强组织领导。成立领导小组，召开会议3次。
（二）深化普法宣传。开展普法宣传活动20场次。
二、主要做法和成效
（一）健全工作机制。完善考核办法，纳入年度考核。
（二）创新普法形式。开通普法公众号，发布信息50条。
"""
    data = import_blocks(blocks_from_text(text)).data
    # Two parts of the report, each with its heading and its items in order; the items of both
    # are measures of their topics, headings and all.
    assert data["structure"] == [
        {
            "kind": KIND_MEASURES,
            "heading": "基本情况",
            "items": ["organisation.measures[0]", "publicity.measures[0]"],
        },
        {
            "kind": KIND_MEASURES,
            "heading": "主要做法和成效",
            "items": ["organisation.measures[1]", "publicity.measures[1]"],
        },
    ]
    assert data["organisation"]["measures"] == [
        {"heading": "加强组织领导", "text": "成立领导小组，召开会议3次。"},
        {"heading": "健全工作机制", "text": "完善考核办法，纳入年度考核。"},
    ]
    assert data["publicity"]["measures"][1]["heading"] == "创新普法形式"


@pytest.mark.parametrize(
    ("addressee", "county"),
    [
        ("中共和平区委、和平区人民政府：", "和平区"),
        ("和平区委全面依法治区委员会办公室：", "和平区"),
        ("和平区人民政府：", "和平区"),
        ("区委全面依法治区委员会办公室：", None),
        ("县委、县政府：", None),
    ],
)
def test_the_county_from_the_addressee(addressee: str, county: str | None) -> None:
    text = (
        f"东风街道2024年度法治政府建设情况报告\n{addressee}\n2024年，东风街道扎实推进。\n"
        "一、主要做法\n（一）加强领导。召开会议3次。"
    )
    assert import_blocks(blocks_from_text(text)).report()["identity"]["county"] == county


def test_a_second_opening_paragraph_stays_in_the_opening() -> None:
    text = """某镇2024年度法治政府建设情况报告
2024年，某镇在县委、县政府的坚强领导下，深入推进法治政府建设。
一年来，全镇共办理行政处罚案件12件，法治建设取得明显成效。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。成立领导小组。
"""
    result = import_blocks(blocks_from_text(text))
    assert (
        result.data["opening"]["summary"]
        == "一年来，全镇共办理行政处罚案件12件，法治建设取得明显成效。"
    )
    assert "unplaced_items" not in result.data
    # The draft prints the opening as written (opening.text): the figure stays there.
    assert result.data["opening"]["text"].endswith("法治建设取得明显成效。现将有关情况报告如下：")
    assert [f.where for f in result.figures] == ["opening.text"]


@pytest.mark.parametrize("gap", ["", " "])
def test_a_part_heading_that_lost_its_comma_is_the_part_not_the_openings_last_line(
    gap: str,
) -> None:
    """ "一主要举措和成效" (the 、 lost, read as a paragraph) heads the first part: it neither stays
    in the opening (where the draft's report formula was glued onto it) nor is lost."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    text = f"""某镇2024年度法治政府建设情况报告
2024年，某镇扎实推进法治政府建设。现将有关情况报告如下：
一{gap}主要举措和成效
（一）加强组织领导。成立领导小组，召开专题会议4次。
（二）深化普法宣传。开展普法宣传活动12场次。
"""
    result = import_blocks(blocks_from_text(text))
    assert (
        result.data["opening"]["text"] == "2024年，某镇扎实推进法治政府建设。现将有关情况报告如下："
    )
    draft = [(b.kind, b.text) for b in render_blocks(validate_answers(result.data))]
    assert ("heading", "主要举措和成效") in draft
    assert sum("报告如下" in t for _, t in draft) == 1
    assert not any(t.startswith("一主要") or "成效现将" in t for _, t in draft)


def test_a_numbered_line_that_is_no_part_heading_stays_text() -> None:
    """一年来…, 一是…, and a numeral before words that name no part, or with no lower heading
    after it, are not taken for a part heading."""
    text = """某镇2024年度法治政府建设情况报告
2024年，某镇扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。成立领导小组。
二存在的问题和原因
法治宣传形式较为单一。
"""
    parts = segment(
        blocks_from_text(text),
        part_kind=lambda t: "problems" if "问题" in t else "measures" if "成效" in t else "other",
    ).parts
    assert [p.title for p in parts] == ["主要举措和成效"]  # no lower heading after 二存在…


def test_a_copy_without_an_opening_gets_a_visible_gap_not_the_frames_formulas() -> None:
    """A page's excerpt that starts at 一、 has no opening: the draft shows where it belongs,
    instead of "在县委、县政府的坚强领导下，以……为指导" the township never wrote."""
    from drafter.answers.model import validate_answers
    from drafter.importer.frame import NO_OPENING
    from drafter.render.engine import render_blocks

    text = """某镇2024年度法治政府建设情况报告
一、主要举措和成效
（一）加强组织领导。成立领导小组，召开专题会议4次。
（二）深化普法宣传。开展普法宣传活动12场次。
"""
    result = import_blocks(blocks_from_text(text))
    assert result.data["opening"] == {"text": NO_OPENING}
    draft = [b.text for b in render_blocks(validate_answers(result.data)) if b.kind == "paragraph"]
    assert draft[0].startswith(NO_OPENING) and draft[0].endswith("报告如下：")
    assert not any("坚强领导" in t or "为指导" in t for t in draft)


def test_a_numbered_sibling_of_a_numbered_paragraph_keeps_its_number() -> None:
    """ "1.推动……" ran on as a paragraph (its heading lost its 。) and "2.大力提升……" stands short
    (the copy breaks off in it): both stay numbered paragraphs of the item, in order; the 2. is
    not made the item's lone sub-item, which the draft prints without a number."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    first = (
        "1.推动学习宣传贯彻抓实走深某镇党委、政府将学习贯彻习近平法治思想纳入全体党员干部学习"
        "培训内容，广泛开展习近平法治思想宣传宣讲活动，持续推进习近平法治思想进教材、进课堂、"
        "进头脑。全年开展习近平法治思想专题学习12场次，覆盖镇村干部200余人。组织法律顾问、"
        "乡贤能人在田间院坝开展宣讲36场，用乡音土话解读法治精神，受众达2800余人次。"
    )
    text = f"""某镇2025年度法治政府建设情况报告
2025年，某镇扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）纵深推进学习贯彻习近平法治思想
{first}
2.大力提升领导干部法治素养某镇认真贯彻落实党政主
"""
    result = import_blocks(blocks_from_text(text))
    draft = [b.full_text for b in render_blocks(validate_answers(result.data))]
    at = draft.index(first)
    assert draft[at + 1].startswith("2.大力提升领导干部法治素养某镇认真贯彻落实党政主【待补充")


def test_runs_the_township_numbered_itself_are_not_numbered_again() -> None:
    """A lead paragraph, then 一是……, 二是……, 三是…… each a paragraph of its own: the draft
    prints them as written, one paragraph each, never "二是一是……"; a copy whose first part is
    the 第一责任人 part keeps it first."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    runs = [
        "一是靠前部署抓统筹。坚持将法治政府建设纳入街道年度重点工作，全年召开专题会议12次。",
        "二是带头学法做表率。党政主要负责人坚持领学、集中学，带头学习宪法。",
        "三是压实责任强督导。党政主要负责人定期深入社区开展督导。",
    ]
    lead = "街道党工委书记、办事处主任切实履行法治建设第一责任人职责，推动法治建设深度融合。"
    text = "\n".join(
        [
            "某街道2025年度法治政府建设情况报告",
            "2025年，某街道扎实推进法治政府建设。现将有关情况报告如下：",
            "一、2025年度党政主要负责人履行推进法治建设第一责任人职责情况",
            lead,
            *runs,
        ]
    )
    result = import_blocks(blocks_from_text(text))
    draft = [(b.kind, b.full_text) for b in render_blocks(validate_answers(result.data))]
    at = draft.index(("paragraph", lead))
    assert draft[at + 1 : at + 4] == [("paragraph", run) for run in runs]
    assert not any("二是一是" in t for _, t in draft)
    headings = [t for kind, t in draft if kind == "heading"]
    assert headings[0].endswith("第一责任人职责情况")


def test_the_report_formula_is_not_added_when_a_paragraph_of_the_opening_has_one() -> None:
    from drafter.render.said import opening

    text = "2024年，某镇扎实推进法治政府建设。现将有关情况报告如下：\n全年共办理案件12件。"
    assert opening(text, "现将我镇2024年度法治政府建设情况报告如下：") == text.split("\n")


def test_an_opening_without_the_report_formula_is_printed_as_the_township_wrote_it() -> None:
    """No sentence the township did not write: its opening ends where it ends (issue 22)."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    lead = "2024年，某镇坚持以习近平法治思想为指导，扎实推进法治政府建设，取得了明显成效。"
    text = f"某镇2024年度法治政府建设情况报告\n{lead}\n一、主要举措和成效\n（一）加强组织领导。召开会议4次。\n"
    result = import_blocks(blocks_from_text(text))
    draft = [b.full_text for b in render_blocks(validate_answers(result.data))]
    assert lead in draft
    assert not any("报告如下" in t for t in draft)


def test_a_body_that_takes_its_heading_as_an_object_keeps_it() -> None:
    """ "（一）学习贯彻……新战略。把学习……新战略，作为……首要政治任务。": the first clause is 把's
    object, not an echo to drop; the draft keeps every word the township wrote."""
    from drafter.answers.model import validate_answers
    from drafter.render.engine import render_blocks

    body = "把学习全面依法治国新理念新思想新战略，作为法治政府建设的头等大事和首要政治任务。"
    text = (
        "某镇2021年度法治政府建设情况报告\n2021年，某镇扎实推进法治政府建设。\n一、主要工作举措和成效\n"
        f"（一）学习贯彻全面依法治国新理念新思想新战略。{body}\n"
        "（二）开展法治宣传活动。共发放宣传手册200份。\n"
    )
    draft = [
        b.full_text
        for b in render_blocks(validate_answers(import_blocks(blocks_from_text(text)).data))
    ]
    assert any(t.endswith(body) for t in draft)


@pytest.mark.parametrize(
    ("tail", "signers", "date"),
    [
        ("东风街道", ["东风街道"], None),  # a bare unit name as the last line, no date
        ("东风街道办事处\n2025年1月6日\n（此件公开发布）", ["东风街道办事处"], "2025年1月6日"),
        ("东风街道\n2025-1-6", ["东风街道"], "2025年1月6日"),
    ],
)
def test_the_last_lines_are_signature_and_date(
    tail: str, signers: list[str], date: str | None
) -> None:
    text = (
        "东风街道2024年度法治政府建设情况报告\n2024年，东风街道扎实推进。\n一、主要做法\n"
        "（一）加强领导。召开会议3次。\n二、下一步打算\n（一）继续加强执法队伍建设。\n" + tail
    )
    data = import_blocks(blocks_from_text(text)).data
    assert data["identity"].get("signers") == signers
    assert data["identity"].get("date") == date
    assert data["plans"]["items"] == [{"heading": "继续加强执法队伍建设", "text": ""}]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # The last clause names the part; a word of another kind before it only leads up to it.
        (
            "深入学习贯彻习近平法治思想的情况，紧密围绕市委工作安排，推动法治政府建设的举措和成效",
            "measures",
        ),
        ("结合上级部署安排，总结全年工作的主要做法", "measures"),
        # A last clause of general words leaves it to the whole title.
        (
            "2024年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
            "first-duty",
        ),
        ("下一步工作计划，持续推进法治建设", "plans"),
    ],
)
def test_a_part_title_of_several_clauses_is_named_by_its_last(title: str, kind: str) -> None:
    assert classify_part(title) == kind
