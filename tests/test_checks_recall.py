"""General rules for defects of kinds the held-out reports showed (issue 23): the genre's subject
term cut short by a word, a shortcoming's verdict glued to the next clause, a run-in heading whose
body opens with its time frame. Sentences written for the purpose; the right forms stay quiet."""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text

HEAD = "某某县某某镇2025年度法治政府建设情况报告\n2025年，我镇扎实推进法治政府建设工作。\n一、主要举措和成效\n"


def _found(text: str, rule: str, head: str = HEAD) -> list[str]:
    blocks = blocks_from_text(head + text)
    return [f.excerpt for f in run_checks(blocks, rules=[rule]) if f.paragraph >= 3]


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        # 法治 lost after a year, where the report writes 2025年法治政府建设 elsewhere.
        ("现将2025年政府建设工作情况报告如下：", "年政府建设"),
        # 建设 lost before 工作, where the report writes 法治政府建设工作 elsewhere.
        ("全面完成年度法治政府工作目标。", "法治政府工作"),
    ],
)
def test_subject_term_short_of_a_word(sentence: str, excerpt: str) -> None:
    assert _found(sentence, "phrase-incomplete") == [excerpt]


@pytest.mark.parametrize(
    "sentence",
    [
        "推进数字政府建设，提升服务效能。",  # another government's building
        "我镇推进建设法治政府工作取得成效。",  # 法治政府 as the object of 建设
        "坚持法治政府示范创建。",  # 示范 never follows the full term in this report
    ],
)
def test_subject_term_right_forms(sentence: str) -> None:
    assert _found(sentence, "phrase-incomplete") == []


def test_subject_term_needs_the_reports_own_full_use() -> None:
    head = "某某镇2025年度工作报告\n2025年，我镇扎实推进各项工作。\n一、主要举措和成效\n"
    assert _found("推进2025年政府建设工作。", "phrase-incomplete", head) == []


def test_verdict_glued_to_the_next_clause() -> None:
    found = _found("部分干部法治意识不强依法办事能力有待提高。", "run-on")
    assert found == ["意识不强依法办事"]


@pytest.mark.parametrize(
    "sentence",
    [
        "一是学法不深入，二是执法不规范问题仍然存在。",
        "法治宣传还有待提高的方面较多。",
        "存在的不足和原因分析如下。",
        "部分干部法治意识不强，依法办事能力有待提高。",
    ],
)
def test_verdict_followed_by_its_own_words(sentence: str) -> None:
    assert _found(sentence, "run-on") == []


def test_run_in_heading_whose_body_opens_with_its_time() -> None:
    text = "（一）强化学法用法\n2.强化学法用法全年共组织集中学法12次，开展法治宣传活动20场次，覆盖群众3000余人次。\n"
    found = _found(text, "run-on")
    assert len(found) == 1 and found[0].startswith("2.强化学法用法全年")


def test_run_in_heading_with_its_stop_is_quiet() -> None:
    text = "（一）强化学法用法\n2.强化学法用法。全年共组织集中学法12次，开展法治宣传活动20场次，覆盖群众3000余人次。\n"
    assert _found(text, "run-on") == []
    text = "（一）强化学法用法\n2.加强全年学法计划管理和学法档案建设工作，确保全镇干部学法时间、内容、效果落到实处。\n"
    assert _found(text, "run-on") == []
