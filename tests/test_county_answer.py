"""The answers' 所属县（市、区）: refused when it is not a county-level name at all, warned when the
official list of county-level divisions does not have it (or has renamed it)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from drafter.answers.file import read_answers_file
from drafter.answers.load import load_answers
from drafter.answers.model import validate_answers
from drafter.checks.answers import check_answers
from drafter.errors import DrafterError
from drafter.questionnaire import Questionnaire, run_new
from drafter.questionnaire.logic import check_input
from drafter.questions import QUESTIONS, get_answer
from tests.test_questionnaire import CTRL_C, CTRL_U, ENTER, F2, drive

COUNTY = QUESTIONS["identity.county"]


@pytest.mark.parametrize("typed", ["二〇二五", "尼玛", "尼玛县人民政府", "中共尼玛县委", "Nima县"])
def test_a_name_that_is_no_county_is_refused_with_the_fix(typed: str) -> None:
    value, error = check_input(COUNTY, typed)
    assert value is None
    assert error is not None and f"“{typed}”不是县（市、区）的名称" in error
    assert "以县、市、区或旗结尾" in error


@pytest.mark.parametrize("typed", ["尼玛县", "湟中区", "雷州市", "神农架林区", "阿巴嘎旗", ""])
def test_county_level_names_pass(typed: str) -> None:
    assert check_input(COUNTY, typed)[1] is None


def test_the_questionnaire_asks_again_until_the_name_is_one(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    with create_pipe_input() as inp:
        inp.send_text("二〇二五" + ENTER + CTRL_U + "尼玛县" + ENTER)
        q = Questionnaire(path, {}, input=inp, output=DummyOutput())
        q.ask_question(COUNTY)
    assert read_answers_file(path).data["identity"]["county"] == "尼玛县"


def test_the_questionnaire_says_a_county_off_the_list_where_it_is_typed(tmp_path: Path) -> None:
    """A slip (石桥县) or an old name (梁平县) is said right after the county is typed, with the
    choice to keep it (the list can lag a renaming) or type it again; a current county passes."""
    path = tmp_path / "a.yaml"
    keys = (
        "石桥镇" + ENTER + ENTER  # unit, 镇
        + "石桥县" + ENTER + "r" + ENTER  # not on the list: type it again
        + CTRL_U + "梁平县" + ENTER + ENTER  # renamed: kept as typed
        + CTRL_C
    )  # fmt: skip
    _, log = drive(keys, run_new, path)
    shown = "\n".join(log)
    assert "请核对：“石桥县”不在全国县级行政区划名单" in shown
    assert "请核对：“梁平县”已更名为“梁平区”" in shown
    assert get_answer(read_answers_file(path).data, "identity.county") == "梁平县"
    # Back to it (the run resumes at the next question) and a current county: nothing to say.
    _, log = drive(F2 + CTRL_U + "尼玛县" + ENTER + CTRL_C, run_new, path)
    assert not any("请核对" in line for line in log)
    assert get_answer(read_answers_file(path).data, "identity.county") == "尼玛县"


def test_an_answers_file_with_no_county_name_names_its_line(
    write_answers: Any, example_data: dict[str, Any]
) -> None:
    data = copy.deepcopy(example_data)
    data["identity"]["county"] = "尼玛"
    with pytest.raises(DrafterError) as caught:
        load_answers(write_answers(data))
    message = str(caught.value)
    assert "identity.county" in message and "“尼玛”不是县（市、区）的名称" in message


def _county_findings(example_data: dict[str, Any], county: str) -> list[str]:
    data = copy.deepcopy(example_data)
    data["identity"]["county"] = county
    found = check_answers(validate_answers(data))
    return [
        f"{f.finding.severity} {f.finding.excerpt} {f.finding.message}"
        for f in found
        if f.key == "identity.county" and f.finding.rule == "county-unknown"
    ]


@pytest.mark.parametrize(
    ("county", "expected"),
    [
        ("尼马县", "不在全国县级行政区划名单"),  # one character off 尼玛县
        ("芷江县", "不在全国县级行政区划名单"),  # 芷江侗族自治县 written short
        ("梁平县", "已更名为“梁平区”"),
        ("湛江市", "是地级行政区，不是县级"),
    ],
)
def test_a_county_the_official_list_does_not_have_is_a_warning(
    example_data: dict[str, Any], county: str, expected: str
) -> None:
    found = _county_findings(example_data, county)
    assert len(found) == 1 and found[0].startswith(f"warning {county} ") and expected in found[0]


@pytest.mark.parametrize("county", ["尼玛县", "芷江侗族自治县", "雷州市", "东莞市"])
def test_current_counties_and_cities_without_counties_are_not_reported(
    example_data: dict[str, Any], county: str
) -> None:
    assert _county_findings(example_data, county) == []
