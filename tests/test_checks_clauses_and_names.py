"""Rules written to generalize (issue 23, item 2): a run-in heading whose body opens with any
unit the report names or with its year; a 、 inside an organ's name; two clauses glued without
their comma; a part heading that lost its 、; a title's year without 年; a title's range of years
outside its 》 or with its 》 lost. Each with sentences of other wording than any report's, and
the right forms that must stay quiet."""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text

HEAD = "某某县某某镇2025年度法治政府建设情况报告\n2025年，我镇扎实推进法治政府建设工作。\n一、主要举措和成效\n"


def _found(text: str, rule: str, head: str = HEAD) -> list[tuple[str, str]]:
    """(excerpt, message) of the findings after ``head``."""
    blocks = blocks_from_text(head + text)
    first = head.count("\n")
    return [
        (f.excerpt, f.message) for f in run_checks(blocks, rules=[rule]) if f.paragraph >= first
    ]


def _excerpts(text: str, rule: str, head: str = HEAD) -> list[str]:
    return [excerpt for excerpt, _ in _found(text, rule, head)]


# --------------------------------------------------------------------------- run-in headings

ITEMS = "（一）加强组织领导\n2.规范行政决策。全年作出重大行政决策2项。\n3.深化普法宣传。开展活动20场次。\n"


def test_run_in_heading_whose_body_opens_with_a_unit_the_report_names() -> None:
    # Neither title nor opening names the unit; a sentence of the body names 桃源镇 where a name
    # starts ("，桃源镇被评为…"), and the report's identity is left unknown.
    head = "关于2025年度法治政府建设情况的报告\n2025年，我们扎实推进法治政府建设工作。\n一、主要举措和成效\n"
    text = (
        "（一）加强组织领导\n2.规范行政决策。全年作出重大行政决策2项，桃源镇被评为先进单位。\n"
        "3.深化普法宣传。开展活动20场次。\n"
        "4.健全调解组织桃源镇司法所牵头成立调解委员会，全年调解纠纷35件。\n"
    )
    assert _excerpts(text, "run-on", head) == ["4.健全调解组织桃源镇"]


def test_run_in_heading_whose_body_opens_with_its_year_and_comma() -> None:
    text = ITEMS + "4.推进依法行政2025年，镇政府修订行政执法制度5项，开展执法培训3次。\n"
    found = _excerpts(text, "run-on")
    assert len(found) == 1 and found[0].startswith("4.推进依法行政202")


def test_short_run_in_heading_measured_against_the_reports_own_headings() -> None:
    # The first sentence is shorter than 30 characters, but far longer than this report's
    # run-in headings (规范行政决策, 深化普法宣传, 强化队伍建设).
    text = (
        ITEMS + "4.强化队伍建设。培训2次。\n5.压实工作责任镇党委书记带头讲法治课。镇长主持会议。\n"
    )
    assert _excerpts(text, "run-on") == ["5.压实工作责任镇党委"]


def test_run_in_heading_whose_body_opens_with_an_office_of_the_unit() -> None:
    text = (
        ITEMS + "4.健全调解机制镇综治中心牵头开展矛盾纠纷排查，全年化解纠纷35件，调解成功率98%。\n"
    )
    assert _excerpts(text, "run-on") == ["4.健全调解机制镇综治"]


@pytest.mark.parametrize(
    ("line", "excerpt"),
    [
        (
            "(二)强化组织领导镇党委、政府高度重视法治政府建设工作，将其纳入年度工作重点。",
            "(二)强化组织领导镇党委",
        ),
        (
            "4.压实工作责任党委书记认真履行推进法治建设第一责任人职责，全年主持专题会议4次。",
            "4.压实工作责任党委书",
        ),
    ],
)
def test_run_in_heading_whose_body_opens_with_organs_or_office_holders(
    line: str, excerpt: str
) -> None:
    assert _excerpts(ITEMS + line + "\n", "run-on") == [excerpt]


def test_run_in_heading_whose_body_opens_with_a_street_offices_organs() -> None:
    """An organ of the unit the report never names as its subject (街道工委), before a second
    organ (、办事处)."""
    head = HEAD.replace("某某镇", "某某街道").replace("我镇", "我街道")
    body = "优化营商环境街道工委、办事处坚持党建引领，主动上门服务企业，全年走访企业20家。\n"
    text = f"（一）加强组织领导\n1.{body}2.规范行政决策\n"
    assert _excerpts(text, "run-on", head) == ["1.优化营商环境街道工"]
    text = f"（一）优化营商环境\n一是{body}二是规范决策\n"
    assert _excerpts(text, "run-on", head) == ["一是优化营商环境街道工"]


def test_item_headed_by_its_ordinal_runs_into_its_body() -> None:
    text = "（一）加强组织领导\n一是强化组织领导镇党委成立了法治建设领导小组，由党委书记任组长，定期研究部署。\n"
    assert _excerpts(text, "run-on") == ["一是强化组织领导镇党委"]


@pytest.mark.parametrize(
    "line",
    [
        # A heading phrase still waiting for its object: the organ is that object.
        "4.充分发挥镇党委领导核心作用，将法治建设纳入全镇经济社会发展规划和年度工作计划。",
        "一是充分发挥镇党委领导核心作用，将法治建设纳入全镇经济社会发展规划和年度工作计划。",
        "4.强化组织领导，发挥镇党委、政府的领导作用，全年主持召开专题会议4次，研究解决问题5个。",
        "4.充分发挥镇党委领导核心作用。镇党委书记带头讲法治课。",  # the organ in its heading
        "4.充分发挥镇党委领导核心作用",  # a standalone heading
        "4.推进依法行政。2025年，镇政府修订行政执法制度5项。",  # its 。 kept
    ],
)
def test_run_in_heading_right_forms(line: str) -> None:
    assert _excerpts(ITEMS + line + "\n", "run-on") == []


# --------------------------------------------------------------------------- organs and 、


@pytest.mark.parametrize(
    ("sentence", "excerpt", "right"),
    [
        ("在镇党委政、府的坚强领导下，各项工作有序推进。", "党委政、府", "党委、政府"),
        ("在县纪、委监委的精心指导下，开展廉政教育。", "纪、委监委", "纪委、监委"),
        ("在街道党、工委办事处的领导下开展工作。", "党、工委办事处", "党工委、办事处"),
        ("在县、委县政府的坚强领导下开展工作。", "县、委县政府", "县委、县政府"),
        ("主动接受镇人、大主席团的监督。", "人、大", "人大"),
    ],
)
def test_a_mark_inside_an_organs_name(sentence: str, excerpt: str, right: str) -> None:
    found = _found(sentence, "punctuation")
    assert [e for e, _ in found] == [excerpt]
    assert f"应为“{right}”" in found[0][1]


@pytest.mark.parametrize(
    "sentence",
    [
        "组织网格员、法律明白人、大学生村官参加培训。",  # 人、大 of two list items
        "在县委、县政府的坚强领导下，镇党委、政府高度重视。",
        "主动接受人大、政协监督，配合纪委、监委开展工作。",
        "各村（社区）、委员会成员参加学习。",
    ],
)
def test_organs_parted_right(sentence: str) -> None:
    assert _found(sentence, "punctuation") == []


# --------------------------------------------------------------------------- glued clauses


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("在全镇营造了浓厚的法治氛围同时组织干部参加旁听庭审。", "同时"),
        ("建立了矛盾纠纷排查化解长效机制我镇还组建了调解队伍。", "我镇"),
        ("开展普法宣传活动20场次镇党委还组织干部集中学法。", "镇党委"),
        ("切实提升群众法治意识通过开展送法下乡活动化解纠纷。", "通过"),
        ("深入学习贯彻党的二十大精神围绕中心工作推进法治建设。", "围绕"),
    ],
)
def test_clauses_glued_without_their_comma(sentence: str, word: str) -> None:
    found = _found(sentence, "run-on")
    assert len(found) == 1 and f"“{word}”开启了新的分句" in found[0][1]


@pytest.mark.parametrize(
    "sentence",
    [
        "在增强法治意识的同时，着力提升依法办事能力。",
        "切实保障我镇群众合法权益。",  # 保障 is the verb here
        "镇党委同时要求各村落实学法制度。",  # 同时 after a subject
        "推动干部法治水平进一步提升。",  # one clause: 推动 X 进一步提升
        "推动矛盾纠纷多元化解机制通过县级验收。",  # what the mechanism went through
        "以提升干部法治能力为核心开展培训。",
    ],
)
def test_one_clause_stays_quiet(sentence: str) -> None:
    assert _found(sentence, "run-on") == []


# --------------------------------------------------------------------------- part numbers

PARTS = (
    "{one}\n（一）压实责任。镇党委召开会议4次。\n（二）健全制度。制定制度3项。\n"
    "{two}\n（一）开展活动。开展普法活动20场次。\n（二）培育骨干。培育法律明白人30名。\n"
)
TITLE = "某某镇2024年度法治政府建设情况报告\n2024年，我镇深入推进法治政府建设。\n"


@pytest.mark.parametrize(
    ("one", "two", "excerpts"),
    [
        ("一强化组织领导", "二、加强法治宣传教育", ["一强化"]),
        ("一、强化组织领导", "二 加强法治宣传教育", ["二 加"]),
        ("一、强化组织领导", "二　深化普法宣传", ["二　深"]),
    ],
)
def test_part_heading_without_its_mark(one: str, two: str, excerpts: list[str]) -> None:
    found = _found(PARTS.format(one=one, two=two), "numbering", TITLE)
    # The （一） under it starts again: no "（二）之后是（一）".
    assert [e for e, _ in found] == excerpts
    assert "一级标题的编号后面少了“、”" in found[0][1]


@pytest.mark.parametrize(
    "one",
    [
        "一体化推进法治建设",  # a word that starts with a numeral
        "一年来工作成效明显",
    ],
)
def test_numeral_words_are_no_part_numbers(one: str) -> None:
    text = PARTS.format(one="一、主要举措和成效\n" + one, two="二、加强法治宣传教育")
    assert not any("少了“、”" in message for _, message in _found(text, "numbering", TITLE))


# --------------------------------------------------------------------------- years without 年


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("二、2026 工作打算\n继续组织干部学法。\n", "2026 工"),
        ("（一）2025，我镇将继续组织干部学法。\n", "2025，"),
    ],
)
def test_year_without_nian(text: str, excerpt: str) -> None:
    assert _excerpts(text, "name-incomplete") == [excerpt]


def test_title_year_in_chinese_numerals_without_nian() -> None:
    blocks = blocks_from_text(
        "某某镇二〇二四法治政府建设情况报告\n2024年，我镇深入推进法治政府建设。\n"
    )
    found = [f for f in run_checks(blocks, rules=["name-incomplete"])]
    assert [f.excerpt for f in found] == ["二〇二四法治"]
    assert "“二〇二四”应为“二〇二四年”" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "二、2026年工作打算\n继续组织干部学法。\n",
        "二、二〇二四—二〇二五年工作回顾\n继续组织干部学法。\n",
        "（一）截至2025年，我镇共调解纠纷35件。\n",
        "（一）接待群众2025人次，解答咨询300次。\n",  # a count of 2025
        "认真贯彻落实《法治政府建设实施纲要(2021至2025)》。\n",  # document-name's range
    ],
)
def test_years_with_nian_stay_quiet(text: str) -> None:
    assert _excerpts(text, "name-incomplete") == []


# --------------------------------------------------------------------------- document titles


@pytest.mark.parametrize(
    ("sentence", "excerpt", "right"),
    [
        (
            "认真贯彻落实《法治政府建设实施纲要》（2021-2025），推进依法行政。",
            "《法治政府建设实施纲要》（2021-2025）",
            "《法治政府建设实施纲要（2021—2025年）》",
        ),
        (
            "对照《法治社会建设实施纲要》(2020—2025)查找差距。",
            "《法治社会建设实施纲要》(2020—2025)",
            "《法治社会建设实施纲要（2020—2025年）》",
        ),
        (
            "按照《某某区法治政府建设实施方案(2022-2025)的要求开展工作。",
            "《某某区法治政府建设实施方案(2022-2025)",
            "《某某区法治政府建设实施方案（2022—2025年）》",
        ),
    ],
)
def test_title_range_outside_or_unclosed(sentence: str, excerpt: str, right: str) -> None:
    found = _found(sentence, "document-name")
    assert [e for e, _ in found] == [excerpt]
    assert right in found[0][1]


@pytest.mark.parametrize(
    "sentence",
    [
        "认真学习《中华人民共和国宪法》（2018年修正）。",  # an edition, not a range
        "认真贯彻落实《法治政府建设实施纲要（2021—2025年）》。",
        "印发《某某镇普法工作要点》，2021—2025年每年更新。",
    ],
)
def test_titles_written_right(sentence: str) -> None:
    assert _found(sentence, "document-name") == []


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        # Any document cited by the form of its title, its issuer before it.
        (
            "认真贯彻落实县委关于加强法治乡镇建设的实施意见，制定年度方案。",
            "关于加强法治乡镇建设的实施意见",
        ),
        ("印发了关于进一步规范行政执法行为的通知。", "关于进一步规范行政执法行为的通知"),
        (
            "按照关于开展“八五”普法中期评估的工作方案要求，逐项落实。",
            "关于开展“八五”普法中期评估的工作方案",
        ),
    ],
)
def test_a_title_by_its_form_written_without_marks(sentence: str, excerpt: str) -> None:
    assert _excerpts(sentence, "document-name") == [excerpt]


@pytest.mark.parametrize(
    "sentence",
    [
        "认真贯彻落实县委《关于加强法治乡镇建设的实施意见》。",
        # A requirement or a subject is no document; asking for opinions cites none.
        "按照县委关于法治建设的部署要求，逐项落实。",
        "广泛征求群众关于村规民约修订的意见。",
        "围绕关于群众关心的热点问题，开展普法宣传。",
        "落实“关于推行行政执法公示的通知”要求。",
    ],
)
def test_no_title_where_there_is_none_or_it_is_marked(sentence: str) -> None:
    assert _found(sentence, "document-name") == []


def test_a_name_given_in_full_covers_the_marks_inside_it() -> None:
    """document-name gives 《……纲要（2021—2025年）》 in full: the half-width brackets inside the
    name are not reported again by punctuation; outside a name they are."""
    blocks = blocks_from_text(
        HEAD + "认真落实《法治政府建设实施纲要(2021-2025)》，开展培训(共3次)。\n"
    )
    found = [
        (f.rule, f.excerpt) for f in run_checks(blocks, rules=["document-name", "punctuation"])
    ]
    assert ("document-name", "《法治政府建设实施纲要(2021-2025)》") in found
    punctuation = [excerpt for rule, excerpt in found if rule == "punctuation"]
    assert punctuation and all("2021" not in e and "纲要" not in e for e in punctuation)
