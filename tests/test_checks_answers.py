"""Checks on the answers before rendering: each finding names the answer to fix."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from drafter.answers.model import validate_answers
from drafter.build import build_report, check_draft
from drafter.checks.answers import check_answers
from drafter.cli import main
from drafter.render.engine import render_blocks


def test_clean_example_answers_have_no_findings(example_data: dict[str, Any]) -> None:
    assert check_answers(validate_answers(example_data)) == []


def test_defects_in_answer_texts_name_their_field(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["petitions"]["measures"][0]["heading"] = "严格落实《信访条例》"
    data["disputes"]["measures"][0]["text"] = "全镇调解组织及时发展并解决问题。"
    data["identity"]["signers"] = ["俄久乡人民政府", "中共俄久镇委员会"]
    found = {(f.key, f.finding.rule) for f in check_answers(validate_answers(data))}
    assert ("petitions.measures", "outdated-term") in found
    assert ("disputes.measures", "unit-mismatch") in found
    assert ("disputes.measures", "typo") in found


def test_an_imported_openings_defect_is_reported_once_under_its_own_words(
    example_data: dict[str, Any],
) -> None:
    """The importer keeps the clauses of an imported opening too, but the draft prints only the
    opening's own words (opening.text): a defect is reported there, not again per clause."""
    data = copy.deepcopy(example_data)
    leadership = "在县委、县政府坚强领导和关心支持在县委全面依法治县委员会的指导下"
    data["opening"]["text"] = f"2024年，俄久乡{leadership}，深入推进法治政府建设。"
    data["opening"]["leadership"] = leadership
    found = [(f.key, f.finding.rule) for f in check_answers(validate_answers(data))]
    assert found == [("opening.text", "run-on")]
    del data["opening"]["text"]  # a typed opening: its clauses are the draft's words
    found = [(f.key, f.finding.rule) for f in check_answers(validate_answers(data))]
    assert found == [("opening.leadership", "run-on")]


def test_contradicting_figures_are_reported_for_the_questionnaire(
    example_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(example_data)
    data["disputes"]["resolved"] = 9
    found = check_answers(validate_answers(data))
    assert [(f.key, f.finding.rule) for f in found] == [("disputes.resolved", "figure-impossible")]


def test_build_reports_answer_findings_once_and_exits_1(
    write_answers: Any, example_data: dict[str, Any], tmp_path: Path, capsys: Any
) -> None:
    data = copy.deepcopy(example_data)
    data["disputes"]["measures"][0]["text"] = "全镇建立健全人民调解工作机制。"
    path = write_answers(data)
    result = build_report(path, tmp_path / "r.docx")
    assert [a.key for a in result.answer_findings] == ["disputes.measures"]
    # The same 全镇 is not reported again against the draft's paragraph.
    assert not [f for f in result.findings if f.rule == "unit-mismatch"]
    assert main(["build", str(path), "-o", str(tmp_path / "r.docx")]) == 1
    out = capsys.readouterr().out
    assert "矛盾纠纷化解方面的具体措施第1条内容（disputes.measures）" in out
    assert "1 个错误" in out


def test_a_build_names_the_answer_each_of_two_like_defects_came_from(
    example_data: dict[str, Any],
) -> None:
    """The draft's text rules run once; each finding goes to the answer the draft printed it
    from, told apart by the words around it when the same words stand in two answers."""
    data = copy.deepcopy(example_data)
    data["disputes"]["measures"][0]["text"] = "全镇建立健全人民调解工作机制。"
    data["petitions"]["measures"][0]["text"] = "引导群众依法表达诉求，全镇信访秩序持续好转。"
    answers = validate_answers(data)
    located, findings = check_draft(answers, render_blocks(answers))
    mismatches = [(a.key, a.where) for a in located if a.finding.rule == "unit-mismatch"]
    assert mismatches == [
        ("disputes.measures", "矛盾纠纷化解方面的具体措施第1条内容"),
        ("petitions.measures", "信访工作方面的具体措施第1条内容"),
    ]
    assert not [f for f in findings if f.rule == "unit-mismatch"]
    # The same findings, and the same answers named, as the answers checked on their own.
    alone = {(a.key, a.finding.rule, a.finding.excerpt) for a in check_answers(answers)}
    assert {(a.key, a.finding.rule, a.finding.excerpt) for a in located} == alone
