"""Missing punctuation found by general resources rather than sentences seen (issue 23): the
learned clause-boundary model (drafter/checks/clauses.py and its table), the run-in heading
that lost its 。 in a report that runs its headings into their bodies, and the national laws'
names written without 《》. Sentences in other wording than the development texts', and the
right forms that must stay quiet."""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.checks.clauses import ClauseModel, Tuning, model, seams, words
from drafter.checks.titles import LAWS, bare_laws
from drafter.reader import blocks_from_text

HEAD = "某某县某某镇2025年度法治政府建设情况报告\n2025年，我镇扎实推进法治政府建设工作。\n一、主要举措和成效\n"


def _found(text: str, rule: str) -> list[tuple[str, str]]:
    blocks = blocks_from_text(HEAD + text)
    first = HEAD.count("\n")
    return [
        (f.excerpt, f.message) for f in run_checks(blocks, rules=[rule]) if f.paragraph >= first
    ]


# --------------------------------------------------------------------------- learned seams


@pytest.mark.parametrize(
    ("sentence", "right"),
    [
        (
            "认真落实党政主要负责人履行推进法治建设第一责任人职责严格执行重大行政决策程序。",
            "严格执行",
        ),
        ("今年以来累计排查化解各类矛盾纠纷36件有效维护了辖区社会和谐稳定。", "有效"),
    ],
)
def test_two_clauses_glued_without_their_comma(sentence: str, right: str) -> None:
    found = _found(sentence, "run-on")
    assert len(found) == 1, found
    excerpt, message = found[0]
    assert right in excerpt and f"请在“{right}”前面加上逗号" in message
    assert "常作分句的结尾" in message  # the learned model's finding, no word list's


@pytest.mark.parametrize(
    "sentence",
    [
        "推动矛盾纠纷多元化解机制通过县级验收。",  # 通过 is what the mechanism went through
        "结合我乡实际及时召开年度法治政府建设工作部署会。",  # a frame, its comma optional
        "镇党委每年年初召开专题会议部署全年法治工作任务。",  # a verb and its object
        "以每两月1次频次开展党委理论学习中心组学法活动。",  # a count before a noun
        "全镇营造了浓厚的法治氛围，确保各项工作落到实处。",  # the comma is there
    ],
)
def test_one_clause_or_a_marked_seam_stays_quiet(sentence: str) -> None:
    assert _found(sentence, "run-on") == []


def test_a_seam_inside_a_very_long_stretch_is_left_to_the_stretch_finding() -> None:
    sentence = (
        "镇调解委员会认真开展矛盾纠纷排查化解工作做到早发现早报告早处置有效防止了矛盾纠纷激化"
        "和升级确保了全镇社会和谐稳定和群众安居乐业。"
    )
    found = _found(sentence, "run-on")
    assert len(found) == 1 and "没有一个标点" in found[0][1]


def test_the_table_learns_which_words_end_and_open_clauses() -> None:
    table = ClauseModel("T\tn\t10\t1\t1\nT\tv\t10\t1\t4\nW\t氛围\t10\t9\t0\nW\t确保\t10\t0\t9\n")
    assert table.ends("氛围") > 0.6 and table.opens("确保") > 0.6
    assert table.glued("氛围", "确保")
    assert not table.glued("确保", "氛围")
    # A word the table does not hold leans on its part of speech, too weak to open a seam.
    assert not table.glued("氛围", "落实")
    text = "全镇营造了浓厚的法治宣传氛围确保各项普法任务落到实处"
    assert [s.right for s in seams(text, 0, Tuning(), table)] == ["确保"]


def test_the_shipped_table_and_the_cut_agree() -> None:
    assert words("营造浓厚法治氛围确保工作落实") == [
        "营造",
        "浓厚",
        "法治",
        "氛围",
        "确保",
        "工作",
        "落实",
    ]
    shipped = model()
    assert shipped.ends("机制") > 0.5 and shipped.opens("确保") > 0.5
    assert shipped.ends("确保") < 0.1 and shipped.opens("机制") < 0.1


# --------------------------------------------------------------------------- run-in headings

RUN_IN = (
    "（一）健全制度体系\n"
    "1.强化组织领导。镇党委把法治建设纳入年度重点工作，定期研究部署。\n"
    "2.健全学法机制。严格落实会前学法制度，组织干部职工系统学习法律法规。\n"
)


def test_run_in_heading_without_its_stop_in_a_report_that_runs_its_headings_in() -> None:
    text = RUN_IN + "3.推动学用转化坚持学思用贯通、知信行统一，把学习成果融入日常工作。\n"
    found = _found(text, "run-on")
    assert [e for e, m in found if "小标题后面缺少句号" in m] == ["3.推动学用转化坚持学"]


@pytest.mark.parametrize(
    "item",
    [
        "3.推动学用转化。坚持学思用贯通、知信行统一，把学习成果融入日常工作。",
        "3.加大法治建设经费投入：全年安排专项经费用于普法宣传和法律顾问聘请等工作。",
        # An item without a heading (a plan's line of a template) opens with no clause's word.
        "3.计划全年开展普法宣传活动不少于10场次，组织干部集中学法不少于4次。",
    ],
)
def test_an_item_with_its_stop_or_its_colon_stays_quiet(item: str) -> None:
    assert _found(RUN_IN + item + "\n", "run-on") == []


# --------------------------------------------------------------------------- law names


def test_national_laws_named_without_their_title_marks() -> None:
    found = _found("重点学习行政处罚法、《行政复议法》和治安管理处罚法等法律。", "document-name")
    assert [e for e, _ in found] == ["行政处罚法", "治安管理处罚法"]
    assert all("应加书名号" in m for _, m in found)


def test_a_long_law_name_with_its_country() -> None:
    text = "依据中华人民共和国地方各级人民代表大会和地方各级人民政府组织法履行职责。"
    assert [e for e, _ in _found(text, "document-name")] == [
        "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "开展《未成年人保护法》宣传，组织学习《中华人民共和国行政处罚法》。",
        "利用“9·26”未成年人保护法宣传日开展送法进校园活动。",  # a day named after the law
        "宣传食品安全法律法规，普及安全生产知识。",  # 法律, not the law's name
        "学习宪法和民法典，弘扬宪法精神。",  # short names are words of running text too
        "认真执行行政复议法实施条例的规定。",  # the regulation's name, a title of its own
    ],
)
def test_law_names_quiet(sentence: str) -> None:
    assert _found(sentence, "document-name") == []


def test_the_list_of_laws_holds_names_only() -> None:
    names = [
        line
        for line in LAWS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(names) == len(set(names)) >= 250
    assert all(name.endswith(("法", "条例", "规则", "法典")) for name in names)
    assert list(bare_laws("落实安全生产法")) == [(2, 7)]
