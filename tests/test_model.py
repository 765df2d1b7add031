"""The model: one Chinese-message parser per kind, and the cross-field rules."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from drafter.answers.file import read_answers_file
from drafter.answers.model import (
    check_answer,
    cross_check,
    field_name,
    parse_answers,
    report_model,
    validate_answers,
)
from drafter.build import example_path
from drafter.errors import DrafterError
from drafter.questions import QUESTIONS, SECTIONS, iter_questions
from drafter.text.figures import Figure


def test_catalogue_keys_are_unique_and_sectioned() -> None:
    keys = [q.key for q in iter_questions()]
    assert len(keys) == len(set(keys))
    for section in SECTIONS:
        assert section.questions, section.name
        assert all(q.section == section.name for q in section.questions)
    for q in iter_questions():
        assert q.label and q.help, q.key
        if q.kind == "figure":
            assert q.unit, q.key
        if q.part_of:
            assert QUESTIONS[q.part_of].kind == "figure"


@pytest.mark.parametrize(
    ("key", "raw", "value", "error"),
    [
        ("publicity.activities", "３０", Figure(30), None),
        ("publicity.activities", "1500余", Figure(1500, approx=True), None),
        ("publicity.activities", "", None, None),
        ("publicity.activities", "三十", None, "不是数字"),
        ("publicity.activities", "-1", None, "负数"),
        ("publicity.activities", "99999999", None, "太大"),
        ("identity.year", "２０２４", 2024, None),
        ("identity.year", "2024年", 2024, None),
        ("identity.year", "1899", None, "不在"),
        ("identity.date", "2025-01-15", "2025年1月15日", None),
        ("identity.date", "2025年01月05日", "2025年1月5日", None),
        ("identity.date", "2025年2月30日", None, "没有这一天"),
        ("identity.date", "明年", None, "不是日期"),
        ("identity.unit_type", "镇", "镇", None),
        ("identity.unit_type", "县", None, "不是可选项"),
        ("identity.county_in_title", "是", True, None),
        ("identity.county_in_title", "否", False, None),
        ("identity.county_in_title", "也许", None, "是"),
        ("identity.unit_name", "  俄久乡\x07 ", "俄久乡", None),
    ],
)
def test_check_answer(key: str, raw: Any, value: Any, error: str | None) -> None:
    got, message = check_answer(QUESTIONS[key], raw)
    if error is None:
        assert message is None
        assert got == value
    else:
        assert message is not None and error in message


def test_a_huge_text_is_refused_with_a_limit() -> None:
    _, message = check_answer(QUESTIONS["other.text"], "字" * 30_000)
    assert message is not None and "太长" in message


def test_items_accept_plain_strings_and_chinese_keys() -> None:
    value, message = check_answer(
        QUESTIONS["plans.items"], ["只有内容", {"标题": "小标题。", "内容": "正文"}]
    )
    assert message is None
    assert [(i.heading, i.text) for i in value] == [("", "只有内容"), ("小标题", "正文")]


def _answers(**sections: dict[str, Any]) -> Any:
    data = {"identity": {"unit_name": "俄久乡", "unit_type": "乡", "year": 2024}}
    data.update(sections)
    return validate_answers(data)


@pytest.mark.parametrize(
    ("section", "values", "key"),
    [
        ("disputes", {"mediated": 5, "resolved": 6}, "disputes.resolved"),
        ("petitions", {"received": 10, "resolved": "11"}, "petitions.resolved"),
        ("study", {"exam_participants": 40, "exam_passed": 41}, "study.exam_passed"),
        ("review", {"reconsiderations": 0, "lawsuits": 1, "lost": 2}, "review.lost"),
    ],
)
def test_part_never_exceeds_its_whole(section: str, values: dict[str, Any], key: str) -> None:
    problems = cross_check(_answers(**{section: values}))
    assert [k for k, _ in problems] == [key]
    assert "不能多于" in problems[0][1]


def test_consistent_figures_pass() -> None:
    answers = _answers(disputes={"mediated": 5, "resolved": 5}, petitions={"received": 3})
    assert cross_check(answers) == []
    assert answers.rate("disputes.success_rate") == "100%"


def test_unit_name_must_end_with_unit_type() -> None:
    answers = validate_answers({"identity": {"unit_name": "俄久乡", "unit_type": "镇"}})
    assert [k for k, _ in cross_check(answers)] == ["identity.unit_name"]


def test_date_before_report_year_is_flagged() -> None:
    answers = validate_answers({"identity": {"year": 2024, "date": "2023年12月1日"}})
    assert [k for k, _ in cross_check(answers)] == ["identity.date"]


def test_invalid_values_name_every_field() -> None:
    with pytest.raises(DrafterError) as info:
        validate_answers({"publicity": {"activities": "很多", "materials": -5}})
    text = str(info.value)
    # The clerk reads the question's label first; the key stays in brackets for whoever edits
    # the file, and no English key leads a line.
    assert "普法宣传活动（publicity.activities）" in text
    assert "发放宣传资料（publicity.materials）" in text
    assert "字段" not in text
    assert info.value.exit_code == 2


def test_a_section_that_is_not_a_mapping_is_explained() -> None:
    with pytest.raises(DrafterError) as info:
        validate_answers({"publicity": "30"})
    assert "键: 值" in str(info.value)


def test_a_date_typed_as_a_signer_is_caught() -> None:
    answers = validate_answers(
        {"identity": {"unit_name": "城关镇", "signers": ["城关镇人民政府", "2026年1月15日"]}}
    )
    problems = cross_check(answers)
    assert [k for k, _ in problems] == ["identity.signers"]
    assert "第2行" in problems[0][1]


def test_every_bad_answer_is_named_in_catalogue_order_with_the_first_as_field() -> None:
    with pytest.raises(DrafterError) as info:
        validate_answers(
            {
                "followups": "不是列表",
                "identity": {"year": "明年"},
                "publicity": {"materials": "很多", "activities": "三十"},
            }
        )
    lines = str(info.value).splitlines()
    named = [line.split("：")[0].strip(" -") for line in lines if line.startswith("  - ")]
    assert named == [
        "去年计划的落实情况（followups）",
        "报告年度（identity.year）",
        "普法宣传活动（publicity.activities）",
        "发放宣传资料（publicity.materials）",
    ]
    assert info.value.field == "followups"


def test_an_empty_section_is_refused_and_a_missing_one_is_empty() -> None:
    with pytest.raises(DrafterError, match="键: 值"):
        validate_answers({"publicity": None})
    answers = validate_answers({})
    assert answers.get("publicity.activities") is None
    assert answers.get("publicity.measures") == []
    assert answers.followups == []


def test_assigning_an_answer_parses_it_like_loading() -> None:
    answers = validate_answers({})
    answers.publicity.activities = "1500余"
    assert answers.get("publicity.activities") == Figure(1500, approx=True)
    with pytest.raises(ValueError, match="不是数字"):
        answers.publicity.activities = "很多"
    # pydantic refuses a field the section does not have (a ValueError, not an AttributeError).
    with pytest.raises((AttributeError, ValueError)):
        answers.publicity.no_such_question = 1


def test_pydantics_own_validation_of_the_models_agrees_with_the_validator() -> None:
    """The models' annotations carry the same parsers as the schema the build validates with."""
    data = read_answers_file(example_path()).data
    assert report_model().model_validate(data) == validate_answers(data)
    bad = {"identity": {"year": "明年"}, "publicity": {"activities": "三十"}, "study": 5}
    with pytest.raises(ValidationError) as info:
        report_model().model_validate(bad)
    keys = [".".join(str(p) for p in e["loc"][:2]) for e in info.value.errors()]
    assert keys == [p.key for p in parse_answers(bad)[1]]


def test_fields_are_named_as_the_clerk_reads_them() -> None:
    assert field_name("identity.unit_name") == "单位全称"
    # A label several sections share is named with its section.
    assert field_name("publicity.title") == "普法宣传·本部分小标题"
    assert field_name("publicity") == "普法宣传部分"
    assert field_name("followups") == "去年计划的落实情况"


def test_a_value_that_does_not_validate_is_left_empty_and_named() -> None:
    answers, problems = parse_answers({"publicity": {"activities": "很多", "materials": 30}})
    assert answers.get("publicity.activities") is None
    assert answers.figure("publicity.materials") == Figure(30)
    assert [p.key for p in problems] == ["publicity.activities"]
