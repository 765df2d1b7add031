"""Checks that see the seams of drafts put together from pieces, and the recall rules for unseen
reports: each rule on what it must find and on correct text it must leave alone."""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text

HEAD = "某某县某某乡2024年度法治政府建设情况报告\n2024年，我乡扎实推进法治政府建设。\n一、主要举措和成效\n"


def _found(sentence: str, rule: str) -> list[tuple[str, str]]:
    """(excerpt, severity) of a rule's findings on one paragraph put into a report."""
    blocks = blocks_from_text(HEAD + sentence)
    return [(f.excerpt, f.severity) for f in run_checks(blocks, rules=[rule]) if f.paragraph == 3]


FINDS = [
    # fragment: 均 with nothing it distributes over, words that need what follows, empty clauses,
    # scene words alone, a noun phrase and a figure with no verb, 其中 with no whole, year+今后.
    ("fragment", "2024年，均严格按照程序进行。", "2024年，均严格按照程序进行。", "error"),
    ("fragment", "全年，均已办结。", "全年，均已办结。", "error"),
    ("fragment", "均严格按照程序进行。", "均严格按照程序进行。", "error"),
    ("fragment", "工作中还存在一些不足，主要表现在。", "主要表现在。", "error"),
    ("fragment", "宣传内容包括。", "宣传内容包括。", "error"),
    ("fragment", "存在的问题主要有。", "存在的问题主要有。", "error"),
    ("fragment", "全年，。", "全年，。", "error"),
    ("fragment", "开展宣传活动，。", "开展宣传活动，。", "error"),
    ("fragment", "同时。", "同时。", "error"),
    ("fragment", "行政诉讼案件1件。", "行政诉讼案件1件。", "error"),
    (
        "fragment",
        "全年，行政复议案件2件、行政诉讼案件1件。",
        "全年，行政复议案件2件、行政诉讼案件1件。",
        "error",
    ),
    ("fragment", "其中，调解成功12件。", "其中，调解成功12件。", "warning"),
    ("fragment", "2025年，在今后的工作中，我们将继续努力。", "2025年，在今后", "warning"),
    (
        "fragment",
        "广泛开展法律法规宣传活动。营造了浓厚的法治氛围。",
        "营造了浓厚的法治氛围。",
        "warning",
    ),
    # typo: 的 where 地 joins a manner word to its verb.
    ("typo", "推动法治政府建设高质量的推进。", "高质量的推进", "warning"),
    ("typo", "扎实的开展普法宣传。", "扎实的开展", "warning"),
    # doubled-word: three or more characters written twice back to back.
    ("doubled-word", "我乡进一步进一步加强法治建设。", "进一步进一步", "error"),
    ("doubled-word", "尼玛县尼玛县俄久乡开展普法宣传。", "尼玛县尼玛县", "error"),
    # status-only: a state with nothing done.
    ("status-only", "一是进一步提高法治意识。已落实。", "已落实。", "warning"),
    ("status-only", "已整改到位。", "已整改到位。", "warning"),
    ("status-only", "正在推进中。", "正在推进中。", "warning"),
    # placeholder: the drafts' 【待补充：…】 and leftovers of a real report's template.
    ("placeholder", "成立领导小组。【待补充：领导小组组成】", "【待补充：领导小组组成】", "error"),
    ("placeholder", "全年投入经费XX万元。", "经费XX万元", "warning"),
    ("placeholder", "于2024年X月召开会议。", "4年X月召", "warning"),
    # approx-misuse: 余 after a number that does not end in 0.
    ("approx-misuse", "开展普法宣传15余场次。", "15余场次", "warning"),
    ("approx-misuse", "受教育群众125余人次。", "125余人次", "warning"),
    ("approx-misuse", "调解纠纷25多件。", "25多件", "warning"),
    # outdated-term: 法制 in compounds where 法治 is meant, renamed titles.
    ("outdated-term", "开展法制宣传教育活动。", "法制宣传", "warning"),
    ("outdated-term", "推进信访工作法制化。", "法制化", "warning"),
    ("outdated-term", "开展法制进校园活动。", "法制进校园", "warning"),
    ("outdated-term", "各校配备法制副校长。", "法制副校长", "warning"),
    ("outdated-term", "创建民主法制示范村。", "民主法制示范", "warning"),
    ("outdated-term", "订阅《法制日报》。", "《法制日报》", "warning"),
    # typo: 确实 where 切实 is meant.
    ("typo", "确实加强行政执法监督。", "确实", "error"),
    ("typo", "认真部暑年度普法工作。", "部暑", "error"),
    # spacing: a space between a heading's number and its text.
    ("spacing", "（一） 认真落实普法责任制。全年开展活动。", "（一） 认", "warning"),
    ("spacing", "二、\u3000存在的不足和原因", "二、\u3000存", "warning"),
    ("typo", "切实防犯化解重大风险。", "防犯", "error"),
    ("typo", "依法审查村委会侯选人资格。", "侯选", "error"),
    ("typo", "与各村签定目标责任书。", "签定", "warning"),
    # phrase-incomplete: a set phrase with one character missing.
    ("phrase-incomplete", "落实“谁执法普法”普法责任制。", "谁执法普法", "error"),
    ("phrase-incomplete", "引导群众尊法学守法用法。", "尊法学守法用法", "error"),
    ("phrase-incomplete", "做到小事不出村、大事不镇。", "小事不出村、大事不镇", "error"),
    ("phrase-incomplete", "做到小事不出村大事不出镇。", "小事不出村大事不出镇", "error"),
    ("phrase-incomplete", "认真履行第一责任职责。", "第一责任职责", "error"),
    ("phrase-incomplete", "落实县委依治县部署。", "依治县", "error"),
    ("phrase-incomplete", "确保矛盾不交。", "矛盾不交", "error"),
    ("phrase-incomplete", "今年来，召开党委会专题学法3次。", "今年来", "error"),
    ("phrase-incomplete", "贯彻党的二十届三全会精神。", "二十届三全会", "error"),
    # run-on: two clauses glued together.
    ("run-on", "一是健全机制。形成工作格局二是完善制度。", "工作格局二是完善", "error"),
    ("run-on", "提高群众法治意识同时，组织开展培训。", "法治意识同时，组", "warning"),
    ("run-on", "提高群众法治意识2024年，共开展活动3次。", "法治意识2024年，共", "warning"),
    ("run-on", "发放宣传材料400余份法律顾问进村宣讲2次。", "宣传材料400余份法律顾问", "warning"),
    ("run-on", "营造了浓厚的法治氛围全年共开展活动30场次。", "法治氛围全年共开", "warning"),
    ("run-on", "全面加强组织领导确保各项任务落地见效。", "组织领导确保各项", "warning"),
    ("run-on", "开展活动30场次其中进校园5场次。", "30场次其中进校", "warning"),
    (
        "run-on",
        "各村调解委员会认真开展矛盾纠纷排查化解工作做到早发现早报告早处置有效防止了矛盾纠纷激化和升级确保了社会和谐稳定",
        "各村调解委员会认真开展矛盾纠纷排查化解工作做到早发现早报告早处置有效防止了矛盾纠纷激化和升级确保了社会和谐稳定",
        "warning",
    ),
    # name-incomplete: a year without 年.
    ("name-incomplete", "制定2024度工作方案。", "2024度", "error"),
]


@pytest.mark.parametrize(
    ("rule", "sentence", "excerpt", "severity"), FINDS, ids=[f[1][:12] for f in FINDS]
)
def test_rule_finds(rule: str, sentence: str, excerpt: str, severity: str) -> None:
    found = _found(sentence, rule)
    assert (excerpt, severity) in found, found


LEAVES = [
    ("fragment", "全年作出重大行政决策2项，均经过合法性审查。"),
    ("fragment", "全乡各村均建立了调解委员会。"),
    ("fragment", "现将有关情况报告如下。"),
    ("fragment", "组织考试1次，参考36人，全部通过。"),
    ("fragment", "截至目前，正在处理16件。"),
    ("fragment", "全年受理案件3件。其中，行政复议1件、行政诉讼2件。"),
    ("fragment", "全年调解纠纷40件，其中调解成功38件。"),
    ("fragment", "全年发生行政诉讼案件1件。"),
    ("fragment", "全乡现有持证执法人员15名，全部持证上岗。"),
    ("fragment", "主要表现在：一是学法不够深入。"),
    ("fragment", "2025年，我乡将继续推进法治建设。"),
    ("fragment", "广泛开展法律法规宣传活动，营造了浓厚的法治氛围。"),
    ("fragment", "形成了党委统一领导、政府具体实施、部门协同推进的工作格局。"),
    ("typo", "找到有效的解决办法，形成扎实的工作作风，推动高质量的发展。"),
    ("typo", "依法签订合同，法律顾问审查合同文本。"),
    ("spacing", "1. 加强组织领导。成立领导小组。"),
    ("doubled-word", "领导干部研究研究问题，一件一件抓落实，谢谢。"),
    ("doubled-word", "学习《法治政府法治政府》一书。"),
    ("status-only", "去年提出的执法培训问题，已通过举办专题培训3次落实。"),
    ("status-only", "针对执法案卷不规范问题，已整改到位。"),
    ("status-only", "落实“三项制度”。"),
    ("placeholder", "使用WPS Office和Excel编辑，参加X光检查培训。"),
    ("placeholder", "某某乡开展普法宣传活动。"),
    ("approx-misuse", "开展活动10余次、20余场次，发放资料1500余份，覆盖150余人次。"),
    ("outdated-term", "落实重大执法决定法制审核制度，配齐法制审核人员。"),
    ("outdated-term", "维护社会主义法制的统一和尊严，配合县人大法制委员会调研。"),
    ("outdated-term", "镇政府法制机构和公安法制大队联合开展工作。"),
    ("typo", "这项工作确实取得了成效。"),
    ("phrase-incomplete", "落实“谁执法谁普法”普法责任制，引导群众尊法学法守法用法。"),
    ("phrase-incomplete", "做到小事不出村、大事不出镇、矛盾不上交，防止矛盾上交。"),
    ("phrase-incomplete", "履行第一责任人职责，压实第一责任人责任。"),
    ("phrase-incomplete", "依法镇压犯罪，依法区分情况，推进依法乡村治理。"),
    ("phrase-incomplete", "召开人民调解员会议，落实执法全程记录制度。"),
    ("run-on", "思想统一是前提，唯一是目标。"),
    ("run-on", "在推进工作的同时，加强监督。"),
    ("run-on", "完成2024年全年目标任务，于2024年，共开展活动3次。"),
    ("run-on", "开展30场次法治宣传活动，在6个行政村开展法治流动课堂18次。"),
    ("run-on", "以每两月1次频次开展中心组学法5次。"),
    ("run-on", "全年召开2次专题会议研究部署法治工作。"),
    ("run-on", "完成全年目标任务，在全年工作中贯穿法治要求。"),
    ("run-on", "营造法治氛围。我乡全年共开展活动3次，四棵树乡2024年共调解纠纷5件。"),
    ("run-on", "普法工作全年共开展活动3次；与此同时，加强监督。"),
    # A clause opened by a preposition runs its phrase into its verb (以……确保……).
    ("run-on", "我镇始终将法治建设摆在突出位置，以强有力的组织领导确保各项任务落地见效。"),
    ("name-incomplete", "落实2024年度工作方案，完成2024年度目标。"),
]


@pytest.mark.parametrize(("rule", "sentence"), LEAVES, ids=[f[1][:12] for f in LEAVES])
def test_rule_leaves_correct_text(rule: str, sentence: str) -> None:
    assert _found(sentence, rule) == []


# --------------------------------------------------------------------------- heading echo


def _report(body: str) -> list:
    return blocks_from_text(HEAD + body)


@pytest.mark.parametrize(
    ("body", "excerpt", "severity"),
    [
        (
            "（一）强化领导干部学法用法，提升依法行政能力。强化领导干部学法用法。建立健全学法制度，定期组织学法。",
            "强化领导干部学法用法。",
            "error",
        ),
        (
            "（一）强化领导干部学法用法，提升依法行政能力。加强领导干部学法用法。建立健全学法制度。",
            "加强领导干部学法用法。",
            "error",
        ),
        (
            "（一）党政主要负责人切实履行推进法治建设第一责任人职责。乡党委书记、乡长认真履行推进法治建设第一责任人职责。",
            "乡党委书记、乡长认真履行推进法治建设第一责任人职责。",
            "error",
        ),
        # The heading on its own line, the echo in the next paragraph.
        (
            "（一）推进信访工作法治化\n推进信访工作法治化。严格落实《信访工作条例》。",
            "推进信访工作法治化。",
            "error",
        ),
        # Two headings stacked: a bare heading sentence right after the item heading.
        (
            "（一）依法化解矛盾纠纷，维护社会和谐稳定。完善矛盾纠纷多元化解机制。建立健全人民调解工作机制，加强调解组织建设。",
            "完善矛盾纠纷多元化解机制。",
            "warning",
        ),
        (
            "（一）强化制度建设，全面推进依法行政。重大行政决策科学民主。严格落实集体讨论决定程序。",
            "重大行政决策科学民主。",
            "warning",
        ),
    ],
)
def test_heading_echo_found(body: str, excerpt: str, severity: str) -> None:
    findings = run_checks(_report(body), rules=["heading-echo"])
    assert [(f.excerpt, f.severity) for f in findings] == [(excerpt, severity)]


@pytest.mark.parametrize(
    "body",
    [
        "（一）加强组织领导，健全法治政府建设工作机制。一是健全领导机制。成立领导小组。二是完善制度体系。制定工作方案。",
        "（一）强化组织领导，大力推进法治建设。镇党委、政府高度重视法治政府建设，将其纳入年度工作计划。",
        "（一）严格规范执法，提升执法水平。全乡持证执法人员15名，全面落实“三项制度”。",
        "（一）加强学习。组织干部学法6次。",
        # A part heading restated in a sentence with more to say is ordinary writing.
        "乡党委书记、乡长认真履行推进法治建设第一责任人职责，带头学法，亲自部署重要工作。",
    ],
)
def test_heading_echo_leaves_ordinary_text(body: str) -> None:
    assert run_checks(_report(body), rules=["heading-echo"]) == []


# --------------------------------------------------------------------------- lone enumerators


def test_lone_item_numbers() -> None:
    text = (
        HEAD
        + "（一）加强组织领导。成立领导小组。\n二、存在的不足\n1.学法不够：学法形式单一。\n三、下一步打算\n（一）加强学习。（二）严格执法。"
    )
    # （二） run in the same line is body text; only real heading blocks count.
    findings = run_checks(blocks_from_text(text), rules=["numbering"])
    assert {(f.excerpt, f.severity) for f in findings} >= {
        ("加强组织领导。", "warning"),
        ("学法不够：", "warning"),
    }


def test_a_second_item_read_as_body_text_is_still_a_second_item() -> None:
    long_item = (
        "2.全年组织干部集中学法12次，" + "参加国家工作人员学法考试210人次，" * 8 + "全部合格。"
    )
    text = (
        HEAD
        + "（一）加强学习\n1.领导干部带头学：中心组学法8次。\n"
        + long_item
        + "\n（二）规范执法。持证上岗。"
    )
    blocks = blocks_from_text(text)
    assert blocks[5].kind == "paragraph"
    assert run_checks(blocks, rules=["numbering"]) == []


def test_two_items_are_not_lone() -> None:
    text = (
        HEAD
        + "（一）加强组织领导。成立领导小组。\n（二）规范执法。持证上岗。\n二、存在的不足\n一是学法不够；二是形式单一。"
    )
    assert run_checks(blocks_from_text(text), rules=["numbering"]) == []


def test_a_forgotten_mark_before_a_lead_is_not_a_lone_lead() -> None:
    text = HEAD + "一是健全机制。形成工作格局二是完善制度。"
    assert run_checks(blocks_from_text(text), rules=["numbering"]) == []


# --------------------------------------------------------------------------- parts and placeholders


def test_empty_and_placeholder_parts() -> None:
    text = (
        HEAD
        + "全年开展活动3次。\n二、存在的不足\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "【待补充：党政主要负责人履行推进法治建设第一责任人职责的情况】\n四、2025年主要安排\n（一）加强学习。\n"
        "（二）问题整改情况\n（三）加强执法。【待补充】\n某某乡人民政府\n2025年1月10日"
    )
    blocks = blocks_from_text(text)
    found = {
        (f.rule, f.excerpt, f.severity)
        for f in run_checks(blocks, rules=["empty-part", "placeholder"])
    }
    assert found == {
        ("empty-part", "二、存在的不足", "error"),
        # The part holds only its placeholder: one finding, on the heading.
        ("empty-part", "三、党政主要负责人履行推进法治建设第一责任人职责情况", "error"),
        ("empty-part", "（二）问题整改情况", "warning"),
        ("placeholder", "【待补充】", "error"),  # beside what the part says
    }


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("某某乡2024年度法治政府建设情况报告", "error"),
        ("某某乡2024年度法治政府建设情况报告\n某某乡人民政府\n2025年1月10日", "error"),
        (
            "某某乡2024年度法治政府建设情况报告\n2024年，我乡开展了工作。\n全年开展活动3次。",
            "error",
        ),
        ("某某乡2024年度法治政府建设情况报告\n" + "全年开展活动3次。\n" * 9, "warning"),
    ],
)
def test_a_report_without_parts_is_reported(text: str, severity: str) -> None:
    findings = run_checks(blocks_from_text(text), rules=["missing-part"])
    assert [(f.paragraph, f.severity, f.excerpt) for f in findings] == [(-1, severity, "")]


# --------------------------------------------------------------------------- 成文日期

BODY = HEAD + "全年开展活动3次。\n"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("某某乡人民政府\n2025年1月10日", []),
        ("某某乡人民政府\n二〇二五年一月十日", []),
        ("某某乡人民政府\n2025年　　月　　日", [("2025年　　月　　日", "warning")]),
        ("某某乡人民政府\n2025年1月", [("2025年1月", "warning")]),
        ("某某乡人民政府", [("某某乡人民政府", "error")]),
        ("", [("", "info")]),
    ],
)
def test_missing_date(tail: str, expected: list[tuple[str, str]]) -> None:
    findings = run_checks(blocks_from_text(BODY + tail), rules=["missing-date"])
    assert [(f.excerpt, f.severity) for f in findings] == expected


def test_the_placeholder_date_is_the_date_line_and_not_a_spacing_problem() -> None:
    blocks = blocks_from_text(BODY + "某某乡人民政府\n2025年　　月　　日")
    assert [b.kind for b in blocks][-2:] == ["signature", "date"]
    assert run_checks(blocks, rules=["spacing"]) == []


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # The addressee names 尼玛县; the title drops its 县.
        (
            "尼玛俄久乡2024年度法治政府建设情况报告\n中共尼玛县委、尼玛县人民政府：\n2024年，俄久乡扎实推进法治建设。\n一、主要举措和成效\n开展活动。",
            "尼玛俄久",
        ),
        (
            "尼玛县俄久乡2024年度法治政府建设情况报告\n中共尼玛委、尼玛县人民政府：\n2024年，俄久乡扎实推进法治建设。\n一、主要举措和成效\n开展活动。",
            "尼玛委、",
        ),
        # The signature names 俄久乡; the title drops its 乡.
        (
            "尼玛县俄久2024年度法治政府建设情况报告\n2024年，我乡扎实推进法治建设。\n一、主要举措和成效\n开展活动。\n俄久乡人民政府\n2025年1月10日",
            "俄久20",
        ),
    ],
)
def test_names_missing_a_character(text: str, excerpt: str) -> None:
    findings = run_checks(blocks_from_text(text), rules=["name-incomplete"])
    assert excerpt in [f.excerpt for f in findings], findings


def test_names_the_report_writes_in_full_are_fine() -> None:
    text = (
        "尼玛县俄久乡2024年度法治政府建设情况报告\n中共尼玛县委、尼玛县人民政府：\n"
        "2024年，俄久乡在县委、县政府的领导下推进法治建设，尼玛镇、俄久乡两地联合开展宣传。\n"
        "一、主要举措和成效\n尼玛次仁同志带头学法。\n俄久乡人民政府\n2025年1月10日"
    )
    assert run_checks(blocks_from_text(text), rules=["name-incomplete"]) == []


# --------------------------------------------------------------------------- heading forms, causes


def test_a_part_mixing_run_in_and_stand_alone_item_headings() -> None:
    text = (
        HEAD + "全年开展活动3次。\n二、存在的不足、原因和问题整改情况\n"
        "（一）基层工作繁杂。由于职权不配套，统筹协调不够。\n（二）沟通不畅。与职能部门缺乏沟通渠道。\n"
        "（三）问题整改情况\n针对上述问题，制定整改措施。"
    )
    findings = run_checks(blocks_from_text(text), rules=["heading-form"])
    assert [(f.excerpt, f.severity) for f in findings] == [("（三）问题整改情况", "warning")]


def test_item_headings_of_one_form_are_fine() -> None:
    text = (
        HEAD
        + "（一）加强领导\n成立领导小组。\n（二）规范执法\n持证上岗。\n二、存在的不足\n（一）学法不够。形式单一。"
    )
    assert run_checks(blocks_from_text(text), rules=["heading-form"]) == []


@pytest.mark.parametrize(
    ("problems", "found"),
    [
        ("一是部分干部法治意识不强；二是普法形式单一。", True),
        ("一是部分干部法治意识不强，主要原因是学法不够深入。", False),
        ("一是普法形式单一。究其原因，专业力量不足。", False),
        ("一是执法力量不足，受编制限制难以补充。", False),
    ],
)
def test_a_part_titled_with_causes_that_states_none(problems: str, found: bool) -> None:
    text = (
        HEAD
        + "全年开展活动3次。\n二、存在的不足和原因\n"
        + problems
        + "\n三、下一步安排\n加强学习。"
    )
    findings = run_checks(blocks_from_text(text), rules=["missing-cause"])
    assert [(f.excerpt, f.severity) for f in findings] == (
        [("二、存在的不足和原因", "warning")] if found else []
    )


WEB_COPY = (
    "某县人民政府\n网站首页 政府信息公开 互动交流\n"
    "某某乡2024年度法治政府建设情况报告\n"
    "发布时间: 2025-03-21 浏览次数: 【字体:\n"
    "2024年，某某乡扎实推进法治政府建设。现将有关情况报告如下：\n"
    "一、主要举措和成效\n（一）加强组织领导\n成立法治政府建设工作领导小组。\n"
)


def test_a_line_of_the_web_page_is_one_finding_and_nothing_else() -> None:
    """The page's masthead, menu and information bar: one stray-line finding a line, and no
    punctuation or spacing finding about the half-width colons and spaces in them."""
    findings = run_checks(blocks_from_text(WEB_COPY))
    stray = [f.excerpt for f in findings if f.rule == "stray-line"]
    assert stray == [
        "某县人民政府",
        "网站首页 政府信息公开 互动交流",
        "发布时间: 2025-03-21 浏览次数: 【字体:",
    ]
    furniture = {f.paragraph for f in findings if f.rule == "stray-line"}
    assert not [
        f for f in findings if f.paragraph in furniture and f.rule in ("punctuation", "spacing")
    ]
    # The same report without the page: no stray line.
    clean = WEB_COPY.split("\n", 2)[2].replace("发布时间: 2025-03-21 浏览次数: 【字体:\n", "")
    assert not [f for f in run_checks(blocks_from_text(clean)) if f.rule == "stray-line"]
