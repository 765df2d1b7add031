"""Slips inside official terms (drafter/spelling/slips.py): a real word typed in place of the
one the term needs, found by the term, the initials an input method shares and the dictionary."""

from __future__ import annotations

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text
from drafter.spelling import find_typos, lexicon
from drafter.spelling.slips import term_slips

REPORT = "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n{}\n"


def test_a_slip_that_makes_a_fluent_pair_is_read_by_the_term() -> None:
    """学些 escapes the character reading (些 stands alone often, 习 is no near sound of it);
    理论学习中心组 is an official term and 学 and 习 share the initial x."""
    text = "坚持落实党委理论学些中心组学法制度。"
    assert [(t.excerpt, t.fix, t.wrong, t.right) for t in find_typos(text)] == [
        ("理论学些中心组", "理论学习中心组", "些", "习")
    ]
    findings = run_checks(blocks_from_text(REPORT.format(text)), rules=["typo"])
    assert [(f.severity, f.excerpt) for f in findings] == [("error", "理论学些中心组")]
    assert "“些”应为“习”" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        # The term itself.
        "坚持党委理论学习中心组学法制度。",
        # A place the terms leave open: 依法治县, 依法治乡, 依法治镇 are all terms.
        "深入推进依法治校，依法治企。",
        # The written pair is a word of its own (六次; 多样).
        "传达学习党的二十届六次全会精神。",
        # A different initial (巨 j, 用 y): not a slip of the input method, though 巨法 is no
        # word (the character reading of detect.py judges it, not the term).
        "引导群众学法巨法。",
    ],
)
def test_what_is_no_slip(text: str) -> None:
    assert term_slips(lexicon(), text) == []


def test_the_shortest_term_names_the_slip() -> None:
    """理论学习中心组 and 党委理论学习中心组学法 both fit: the finding names the shorter."""
    found = term_slips(lexicon(), "党委理论学些中心组学法")
    assert [(written, term) for _, _, written, term in found] == [
        ("理论学些中心组", "理论学习中心组")
    ]


def test_a_slip_the_report_writes_again_is_its_own_usage() -> None:
    """Written twice, the same run is the writer's (as for any typo finding)."""
    text = "落实理论学些中心组制度。\n二、下一步工作\n继续开好理论学些中心组会议。"
    assert run_checks(blocks_from_text(REPORT.format(text)), rules=["typo"]) == []
