"""figure-conflict and figure-repeat: one measure given two figures, one figure given twice; in a
report and between the answers' numbers and their texts."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.model import validate_answers
from drafter.build import build_report
from drafter.checks import run_checks
from drafter.checks.answers import check_answers
from drafter.reader import blocks_from_text

HEAD = "某某县某某乡2024年度法治政府建设情况报告\n2024年，我乡扎实推进法治政府建设。\n一、主要举措和成效\n"
DUTY = "\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"


def _findings(body: str, rule: str) -> list[tuple[int, str, str]]:
    blocks = blocks_from_text(HEAD + body)
    return [(f.paragraph, f.excerpt, f.severity) for f in run_checks(blocks, rules=[rule])]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "（一）加强学习。组织干部集中学法5次。"
            + DUTY
            + "乡党委书记、乡长带头学法，全年集中学法6次。",
            [(5, "全年集中学法6次", "error")],
        ),
        (
            "（一）普法宣传。开展普法宣传活动30场次，发放宣传资料1500份。（二）法治文化。全年开展普法宣传活动30余场次。",
            [(3, "全年开展普法宣传活动30余场次", "warning")],
        ),
        (
            "全年受理信访事项189件，办结173件。\n二、存在的不足\n一是受理信访事项192件，办理压力大。",
            [(5, "一是受理信访事项192件", "error")],
        ),
        # A measure the catalogue does not know: the same words, two numbers.
        (
            "（一）平安建设。全年开展治安巡逻60余次。（二）群防群治。组织开展治安巡逻80余次。",
            [(3, "组织开展治安巡逻80余次", "error")],
        ),
    ],
)
def test_conflicts_found(body: str, expected: list[tuple[int, str, str]]) -> None:
    assert _findings(body, "figure-conflict") == expected


@pytest.mark.parametrize(
    "body",
    [
        # A village's share, 其中 parts, another year, a comparison, another verb, the plans part.
        "全年调解矛盾纠纷40件。石门村调解矛盾纠纷12件。",
        "全年开展普法宣传活动30场次，其中进校园开展普法宣传活动5场次。",
        "全年开展普法宣传活动30场次。2023年开展普法宣传活动25场次。",
        "全年开展普法宣传活动30场次，比上年增加普法宣传活动5场次。",
        "全年受理矛盾纠纷60件，调解矛盾纠纷52件。",
        "健全村级调解组织7个、调解员71名，设立乡矛盾纠纷调解中心1个、调解员9名。",
        "组织干部集中学法5次。\n二、存在的不足\n学法不够。\n三、2025年工作安排\n计划组织干部集中学法8次。",
        "组织干部集中学法5次，每季度集中学法1次以上。",
    ],
)
def test_conflicts_leave_different_scopes_alone(body: str) -> None:
    assert _findings(body, "figure-conflict") == []


def test_a_figure_stated_twice() -> None:
    body = (
        "（一）加强组织领导。全年召开法治建设专题会议3次。"
        + DUTY
        + "乡党委书记、乡长全年主持召开法治建设专题会议3次，带头学法。"
    )
    assert _findings(body, "figure-repeat") == [
        (5, "乡党委书记、乡长全年主持召开法治建设专题会议3次", "warning")
    ]


def test_a_figure_the_catalogue_does_not_know_stated_twice() -> None:
    body = "（一）平安建设。全年开展治安巡逻60余次。（二）群防群治。开展治安巡逻60余次，消除隐患。"
    assert _findings(body, "figure-repeat") == [(3, "开展治安巡逻60余次", "warning")]


@pytest.mark.parametrize(
    "body",
    [
        "全年召开法治建设专题会议3次。组织执法培训3次。",
        "开展专项演练9次。开展安全检查9次。",
        # The same sentence twice is duplicate-sentence's finding, not a figure repeat.
        "全年召开法治建设专题会议3次。\n全年召开法治建设专题会议3次。",
        "全年开展普法宣传活动30场次。其中，进村开展普法宣传活动30场次以上的村有2个。",
    ],
)
def test_repeats_leave_other_facts_alone(body: str) -> None:
    assert [f for f in _findings(body, "figure-repeat") if f[2] != "info"] == []


def test_a_rate_that_repeats_two_equal_counts_is_a_hint() -> None:
    found = _findings("全年调解矛盾纠纷5件，调解成功5件，调解成功率100%。", "figure-repeat")
    assert found == [(3, "100%", "info")]
    assert _findings("全年调解矛盾纠纷5件，调解成功4件，调解成功率80%。", "figure-repeat") == []


# --------------------------------------------------------------------------- answers


def _with_text(example_data: dict[str, Any], text: str, **figures: Any) -> Any:
    data = copy.deepcopy(example_data)
    data["study"]["measures"][0]["text"] += text
    for key, value in figures.items():
        section, name = key.split("__")
        data[section][name] = value
    return validate_answers(data)


def test_answers_text_figure_against_the_structured_figure(example_data: dict[str, Any]) -> None:
    answers = _with_text(example_data, "全年组织干部集中学法6次。", study__cadre_sessions=5)
    found = [f for f in check_answers(answers) if f.finding.rule == "figure-conflict"]
    assert len(found) == 1
    conflict = found[0]
    assert conflict.key == "study.cadre_sessions"
    assert conflict.finding.severity == "error"
    assert conflict.finding.excerpt == "全年组织干部集中学法6次。"
    assert "5次" in conflict.finding.message and "“6次”" in conflict.finding.message
    # Where the text is, in the clerk's words (the finding's key names the figure's field).
    assert "学法用法方面的具体措施第1条内容" in conflict.finding.message
    assert "study.measures" not in conflict.finding.message


@pytest.mark.parametrize(
    ("text", "figures", "severity"),
    [
        ("全年组织干部集中学法5次。", {"study__cadre_sessions": 5}, None),
        ("全年组织干部集中学法30余次。", {"study__cadre_sessions": 34}, "warning"),
        ("其中，各村组织干部集中学法6次。", {"study__cadre_sessions": 5}, None),
        ("2023年组织干部集中学法6次。", {"study__cadre_sessions": 5}, None),
        ("全年组织干部集中学法6次。", {"study__cadre_sessions": None}, None),
    ],
)
def test_answers_conflict_cases(
    example_data: dict[str, Any], text: str, figures: dict[str, Any], severity: str | None
) -> None:
    answers = _with_text(example_data, text, **figures)
    found = [
        f.finding.severity for f in check_answers(answers) if f.finding.rule == "figure-conflict"
    ]
    assert found == ([severity] if severity else [])


def test_build_names_the_key_and_the_sentence(
    write_answers: Any, example_data: dict[str, Any], tmp_path: Path, capsys: Any
) -> None:
    from drafter.cli import main

    data = copy.deepcopy(example_data)
    data["study"]["cadre_sessions"] = 5
    data["study"]["measures"][0]["text"] += "全年组织干部集中学法6次。"
    path = write_answers(data)
    result = build_report(path, tmp_path / "r.docx")
    assert [a.key for a in result.answer_findings if a.finding.rule == "figure-conflict"] == [
        "study.cadre_sessions"
    ]
    assert main(["build", str(path), "-o", str(tmp_path / "r2.docx")]) == 1
    out = capsys.readouterr().out
    assert "干部集中学法（study.cadre_sessions）" in out
    assert "【全年组织干部集中学法6次。】" in out
