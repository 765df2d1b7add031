"""Rules that generalize (issue 23): each finds its defect in sentences of the development texts
and in sentences written for the purpose, and leaves the right forms alone; the false alarms a
reviewer rejected stay quiet; the seams an import or a template makes are found."""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text

HEAD = "某某县某某镇2025年度法治政府建设情况报告\n2025年，我镇扎实推进法治政府建设。\n一、主要举措和成效\n"


def _found(sentence: str, rule: str, head: str = HEAD) -> list[tuple[str, str]]:
    blocks = blocks_from_text(head + sentence)
    return [(f.excerpt, f.severity) for f in run_checks(blocks, rules=[rule]) if f.paragraph >= 3]


@pytest.mark.parametrize(
    ("rule", "sentence", "excerpt"),
    [
        # 截止 before any date or time is 截至.
        ("word-usage", "截止12月3日，共受理案件5件。", "截止12月"),
        ("word-usage", "截止2025年底，全镇建成调解室9个。", "截止2025年"),
        ("word-usage", "截止目前，已完成整改。", "截止目前"),
        # 法制 in any compound where 法治 is right now.
        ("outdated-term", "开展法制督察，压实责任。", "法制督察"),
        ("outdated-term", "健全法制机制。", "法制机制"),
        ("outdated-term", "开展法制进校园活动。", "法制进校园"),
        # A year without 年 in a heading or a document's title.
        ("name-incomplete", "（一）2025法治政府建设工作推进有力。全年开展活动。", "2025法治"),
        ("name-incomplete", "落实《2025开州区法治政府建设工作要点》。", "2025开州"),
        # Official titles: the range's form, a character wrong, a range without 年 in any title.
        (
            "document-name",
            "贯彻《法治政府建设实施纲要2021—2025》。",
            "《法治政府建设实施纲要2021—2025》",
        ),
        (
            "document-name",
            "贯彻《法治政府建设实施纲要(2021-2025)》。",
            "《法治政府建设实施纲要(2021-2025)》",
        ),
        ("document-name", "学习《法治政府建设实施刚要》。", "《法治政府建设实施刚要》"),
        ("document-name", "学习《习近平法治思想学习刚要》。", "《习近平法治思想学习刚要》"),
        (
            "document-name",
            "落实《法治上海建设规划(2021-2025)》。",
            "《法治上海建设规划(2021-2025)》",
        ),
        (
            "document-name",
            "落实《重庆市法治政府建设实施方案(20212025年)》。",
            "《重庆市法治政府建设实施方案(20212025年)》",
        ),
        ("document-name", "组织学习习近平法治思想学习纲要。", "习近平法治思想学习纲要"),
        ("document-name", "宣传中华人民共和国宪法、民法典。", "中华人民共和国宪法"),
        # 履行……第一责任人职责: the duty's fixed name.
        ("word-usage", "履行推动法治政府建设第一责任人职责。", "推动法治政府建设第一责任人"),
        (
            "word-usage",
            "严格落实党政主要负责人履行法治政府建设第一责任人职责。",
            "法治政府建设第一责任人",
        ),
        # A level-3 number with 、.
        (
            "numbering",
            "（一）加强学习\n1、推动学习走深走实。开展学习。\n2、提升素养。开展培训。",
            "1、",
        ),
        # 顿号 inside a pair of organs; a pair run together.
        ("punctuation", "在镇党、委政府的领导下开展工作。", "党、委政府"),
        ("punctuation", "在区委政府的坚强领导下开展工作。", "区委政府"),
        # A title inside a title in < >.
        ("punctuation", "印发《关于落实<工作方案>的通知》。", "<工作方案>"),
        # Two clauses run together.
        ("run-on", "深入贯彻落实习近平法治思想坚持依法执政。", "法治思想坚持依法"),
        ("run-on", "提供有力法治保障为全面推进乡村振兴营造环境。", "法治保障为全面"),
        # A frame (在……领导下, 以……为指导) run into the next frame or the statement.
        ("run-on", "在县委的坚强领导下以习近平法治思想为指导推进法治建设。", "强领导下以习近"),
        ("run-on", "以习近平法治思想为指导全面推进依法行政工作。", "想为指导全面推进"),
        ("run-on", "在区委的正确领导下某某镇深入推进法治政府建设。", "确领导下某某镇深入"),
        # … or into a unit or organ other than the report's own, named as the next subject.
        (
            "run-on",
            "在市委、市政府的正确领导下南昌县全面贯彻党的二十大精神。",
            "确领导下南昌县全面",
        ),
        ("run-on", "在县人大、县政协的监督支持下县政府坚持依法行政。", "督支持下县政府坚持"),
        ("run-on", "在市委的领导下市生态环境局坚决贯彻部署。", "的领导下市生态环境局坚决"),
        # A count right after its verb, then the next clause's verb (顿号 inside the clause).
        (
            "run-on",
            "开展民法典、信访工作条例等主题宣传20场次发放宣传资料5000余份。",
            "主题宣传20场次发放宣传",
        ),
        # A verbal noun the prose mostly opens clauses with (营造), after a clause's object.
        ("run-on", "注重建立完善执法配套制度营造良好的执法环境。", "制度营造良好"),
        # Two verb phrases of a heading without the comma between them.
        ("run-on", "（二）提升全民法治意识营造良好法治氛围。开展活动。", "意识营造良好"),
        # … a heading run into its paragraph (（一）, 1., 一是), a verb the dictionary lacks (筑牢).
        ("run-on", "一是提高政治站位全面压实法治责任。镇党委高度重视。", "站位全面压实"),
        ("run-on", "（一）强化组织领导筑牢法治建设根基。一是压实责任。", "组织领导筑牢法治"),
        # A result stated with its degree, then the verb of the next clause.
        ("run-on", "干部法治意识明显增强通过开展学法考试检验成效。", "明显增强通过开展"),
        ("run-on", "群众满意度不断提升围绕中心工作开展普法。", "不断提升围绕中心"),
        (
            "run-on",
            "在县委坚强领导和关心支持在县委依法治县委员会指导下，开展工作。",
            "关心支持在县委",
        ),
        # Two characters written twice.
        ("doubled-word", "始终坚持坚持以习近平法治思想为指导。", "坚持坚持"),
        # The plenary sessions of the report's year.
        (
            "outdated-term",
            "全面贯彻党的二十大和二十届二中、三中全会精神。",
            "党的二十大和二十届二中、三中全会精神",
        ),
    ],
)
def test_general_rule_finds(rule: str, sentence: str, excerpt: str) -> None:
    assert excerpt in [e for e, _ in _found(sentence, rule)]


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("word-usage", "报名截止到5月1日。申报截止日期为6月。活动于12月31日截止。"),
        (
            "outdated-term",
            "落实重大执法决定法制审核制度，法制机构审查。依法制定规范性文件，健全执法制度。",
        ),
        ("outdated-term", "学习《关于加强法制宣传教育的决议》。维护社会主义法制的统一和尊严。"),
        ("name-incomplete", "（一）2025年法治政府建设工作推进有力。全年开展活动。"),
        ("document-name", "落实《法治政府建设实施纲要（2021—2025年）》《法治政府建设实施纲要》。"),
        ("document-name", "落实《法治政府建设实施纲要（2021-2025年）》。"),
        ("document-name", "落实《重庆市法治政府建设实施方案（2021—2025年）》。"),
        ("document-name", "学习《刑法》《宪法》《民法典》，宣传民法典，学习宪法。"),
        ("document-name", "学习《中华人民共和国宪法》，维护中华人民共和国法律尊严。"),
        ("word-usage", "履行推进法治建设第一责任人职责，落实党风廉政建设第一责任人责任。"),
        ("word-usage", "履行法治建设第一责任人职责，认真履行推进法治政府建设第一责任人职责。"),
        (
            "numbering",
            "（一）加强学习\n1.推动学习走深走实。开展学习。\n2.提升素养。开展培训。\n（二）依法决策\n开展。",
        ),
        ("punctuation", "在区委区政府的坚强领导下，镇党委政府高度重视，党委、政府联合发文。"),
        ("punctuation", "二○二四—二○二五年度规划已印发。"),
        ("run-on", "坚持以习近平法治思想为指导，以提升依法行政能力为核心，开展工作。"),
        ("run-on", "二是2025年组织街道121名干部职工参加2025年度全区法治理论知识学习考试。"),
        ("run-on", "进一步规范为民服务行为，全面提升为企业服务水平，法治意识明显增强。"),
        ("run-on", "在镇党委的领导下开展工作，在县司法局的指导下一步一步推进。"),
        ("run-on", "在党委领导下依法治区工作有序推进，在党委领导下区分轻重缓急。"),
        ("run-on", "组织开展宣传20场次宣传活动，发放资料5000余份。开展30场次宣传活动3次。"),
        ("run-on", "（二）推进政府机构职能优化协同高效。开展活动。"),
        ("run-on", "（二）切实履行推进法治建设第一责任人职责。开展活动。"),
        ("run-on", "1.切实履行推进法治建设第一责任人职责。开展活动。\n2.加强学习。开展学习。"),
        ("run-on", "（二）加强和改进行政执法工作。开展活动。"),
        ("run-on", "以问题为导向推进改革，以标准为依托开展整治，以案例为指导的做法。"),
        ("outdated-term", "全面贯彻党的二十大和二十届历次全会精神，学习二十届四中全会精神。"),
        ("doubled-word", "一件一件抓落实，一步一步推进，会上研究研究再定。"),
    ],
)
def test_general_rule_leaves_right_text(rule: str, sentence: str) -> None:
    assert _found(sentence, rule) == []


def test_the_sessions_of_an_earlier_year_are_complete() -> None:
    head = HEAD.replace("2025", "2024")
    assert _found("全面贯彻党的二十大和二十届二中、三中全会精神。", "outdated-term", head) == []


# --------------------------------------------------------------------------- false alarms


def test_a_county_committee_is_the_countys_not_a_unit_named_x县县() -> None:
    text = (
        "中共渠县有庆镇委员会 渠县有庆镇人民政府关于2024年度法治政府建设工作情况的报告\n"
        "中共渠县县委、渠县人民政府:\n2024年，有庆镇扎实推进法治建设。\n一、主要举措和成效\n开展活动。"
    )
    assert run_checks(blocks_from_text(text), rules=["name-incomplete"]) == []
    # Without a title, the addressee alone names the county (and the identity reads 渠县县).
    text = (
        "中共渠县县委、渠县人民政府：\n2025年，宝石镇在县委、县政府的坚强领导下扎实推进法治建设。\n"
        "一、主要举措和成效\n开展活动。"
    )
    assert run_checks(blocks_from_text(text), rules=["name-incomplete"]) == []


def test_a_document_numbers_organ_code_is_not_the_county_written_short() -> None:
    head = (
        "重庆市开州区铁桥镇2025年度法治政府建设情况报告\n2025年，开州区铁桥镇扎实推进法治建设。\n"
    )
    cited = "根据《通知》（开州委法20239）、《要点》（开州府办发〔2025〕26号）要求，推进工作。"
    text = head + "一、主要举措和成效\n" + cited
    assert run_checks(blocks_from_text(text), rules=["name-incomplete"]) == []
    # The county's name written short outside a document number is still found.
    found = run_checks(blocks_from_text(text + "开州委法制办公室牵头。"), rules=["name-incomplete"])
    assert [f.excerpt for f in found] == ["开州委法"]


def test_spaces_of_joint_issuers_quoted_titles_and_spaced_headings_are_right() -> None:
    text = (
        "中共大马营镇委员会 大马营镇人民政府\n关于2024年度法治政府建设情况的报告\n"
        "中共大马营镇委员会 大马营镇人民政府关于2024年度法治政府建设情况的报告\n"
        "引 言\n2024年，我镇学习《奋进新征程 建功新时代》一文。\n"
    )
    assert run_checks(blocks_from_text(text), rules=["spacing"]) == []


def test_a_space_next_to_a_mark_inside_a_title_is_still_reported() -> None:
    assert ("展 “", "warning") in _found("学习《关于开展 “八五”普法的通知》。", "spacing")


def test_a_title_with_spaces_around_its_year_is_reported() -> None:
    blocks = blocks_from_text("关于 2024 年法治政府建设情况的报告\n2024年，我镇开展工作。")
    assert [f.excerpt for f in run_checks(blocks, rules=["spacing"])] == ["于 2024 年"]


def test_a_run_in_heading_without_its_full_stop_is_one_finding_and_no_missing_1() -> None:
    """The reader takes "1.强化组织领导象湖镇政府……" for a paragraph (no 。 after its heading):
    the "2." after it does not start the list at 2, and the lost 。 is what is reported."""
    text = (
        "象湖镇2024年度法治政府建设情况报告\n2024年，象湖镇扎实推进法治建设。\n一、主要举措和成效\n"
        "（一）加强领导\n"
        "1.强化组织领导象湖镇政府成立领导小组，召开会议研究部署法治建设工作，压实各方责任，"
        "确保各项工作落到实处，全年召开专题会议4次，听取汇报2次，研究解决问题5个，推动法治建设"
        "各项任务落地见效。\n2.推进依法决策。全年作出决策3项。\n（二）加强普法\n开展活动。"
    )
    findings = run_checks(blocks_from_text(text), rules=["numbering", "run-on"])
    assert [(f.rule, f.excerpt) for f in findings] == [("run-on", "1.强化组织领导象湖镇")]


def test_a_themed_report_is_not_missing_its_measures() -> None:
    text = (
        "某某镇2024年度法治政府建设情况报告\n2024年，我镇扎实推进法治建设。\n"
        "一、坚持党的全面领导，筑牢法治建设根基\n开展学习。\n二、坚持依法行政，规范权力运行\n开展执法。\n"
        "三、存在的不足和原因\n宣传不够，究其原因是人手少。\n"
        "四、党政主要负责人履行推进法治建设第一责任人职责情况\n带头学法。\n五、2025年工作安排\n继续。"
    )
    findings = run_checks(blocks_from_text(text), rules=["missing-part"])
    assert [f for f in findings if f.severity != "info"] == []


def test_a_part_heading_without_its_comma_is_a_part() -> None:
    text = (
        "某某镇2024年度法治政府建设情况报告\n2024年，我镇扎实推进法治建设。\n一主要举措和成效\n"
        "（一）加强领导。开展学习。\n（二）依法决策。作出决策。"
    )
    findings = run_checks(blocks_from_text(text), rules=["numbering", "missing-part"])
    assert ("numbering", "一主要", "error") in [(f.rule, f.excerpt, f.severity) for f in findings]
    assert not any("举措和成效" in f.message for f in findings)


def test_a_street_office_writing_党工委_elsewhere_has_no_街道党委() -> None:
    head = "某某街道2024年度法治政府建设情况报告\n2024年，某某街道扎实推进法治建设。\n一、主要举措和成效\n"
    sentence = "充分发挥街道党委的领导核心作用，街道党工委书记带头学法。"
    assert ("街道党委", "warning") in _found(sentence, "unit-mismatch", head)
    assert _found("街道党委书记带头学法。", "unit-mismatch", head) == []


# --------------------------------------------------------------------------- seams


def test_seams_an_import_or_a_template_makes() -> None:
    text = (
        "某某乡2024年度法治政府建设情况报告\n2024年，我乡开展工作。\n一、主要举措和成效\n"
        "序号\t项目\t数量\n"
        "http://www.example.gov.cn/a.html\n"
        "（一）加强领导，组建。\n"
        "（二）加强学习。组织干部学法，提升法治素养。\n"
        "我乡共组织法律知识考试2次。\n"
        "某某乡2024年度法治政府建设情况报告\n"
        "二、存在的不足和\n宣传不够。\n"
    )
    found = {
        (f.rule, f.excerpt) for f in run_checks(blocks_from_text(text)) if f.severity != "info"
    }
    assert ("stray-line", "序号\t项目\t数量") in found
    assert ("stray-line", "http://www.example.gov.cn/a.html") in found
    assert ("fragment", "组建。") in found
    assert ("figure-only", "我乡共组织法律知识考试2次。") in found
    assert ("title-repeat", "某某乡2024年度法治政府建设情况报告") in found
    assert ("missing-cause", "二、存在的不足和") in found


def test_a_title_printed_twice_above_the_opening_is_a_page_not_a_seam() -> None:
    title = "某某乡人民政府关于2024年度法治政府建设情况的报告"
    text = f"{title}\n{title}\n2024年，我乡扎实推进法治建设。\n一、主要举措和成效\n开展活动。"
    assert run_checks(blocks_from_text(text), rules=["title-repeat"]) == []


@pytest.mark.parametrize(
    "body",
    [
        "登录http://www.example.gov.cn网站查询办事指南。",
        "全年，我乡共组织法律知识考试2次，参考率100%。",
        "全年，乡党委理论学习中心组学法3次，我乡共组织法律知识考试2次。",
        "（三）加强宣传。我乡全年共开展普法宣传活动20场次。",
        "二、存在的问题\n宣传不够。",
        "开展活动，同部署、同落实。",
    ],
)
def test_prose_is_not_a_seam(body: str) -> None:
    rules = ["stray-line", "figure-only", "title-repeat", "fragment", "missing-cause"]
    findings = run_checks(blocks_from_text(HEAD + body), rules=rules)
    assert [(f.rule, f.excerpt) for f in findings if f.severity != "info"] == []


SIBLINGS = """石门镇2025年度法治政府建设情况报告
2025年，石门镇扎实推进法治政府建设，现将有关情况报告如下：
一、主要举措和成效
（一）组织领导强保障。镇党委召开专题会议4次，研究部署法治政府建设工作。
（二）学法用法提素养。全年组织干部集中学法12次，举办法治讲座3场。
{third}
（四）依法决策重规范。严格落实重大行政决策程序，全年作出重大行政决策2项。
（五）矛盾化解促和谐。健全人民调解组织网络，全年调解矛盾纠纷45件。
"""


def test_a_heading_that_lost_its_full_stop_ends_where_its_siblings_do() -> None:
    """Parallel headings run to one length: 普法宣传聚合力 ends where 组织领导强保障 does, and the
    word after it opens a clause (全面开展)."""
    third = "（三）普法宣传聚合力全面开展“八五”普法宣传活动，全年开展普法宣传活动30场次。"
    found = run_checks(blocks_from_text(SIBLINGS.format(third=third)), rules=["run-on"])
    assert [(f.paragraph, f.excerpt) for f in found] == [(5, "（三）普法宣传聚合力全面开")]


@pytest.mark.parametrize(
    "third",
    [
        # No word boundary at the siblings' length, or no clause opening there.
        "（三）普法宣传工作取得新成效，全年开展普法宣传活动30场次。",
        "（三）普法宣传活动覆盖全镇十二个村，全年开展普法宣传活动30场次。",
    ],
)
def test_a_first_clause_as_long_as_a_heading_is_not_cut_without_a_clause_opening(
    third: str,
) -> None:
    found = run_checks(blocks_from_text(SIBLINGS.format(third=third)), rules=["run-on"])
    assert [f.excerpt for f in found] == []
