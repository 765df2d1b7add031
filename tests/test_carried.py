"""Last year's figures in a new year: inside carried texts and structured, confirmed one step each.

The questionnaire is driven with piped keys (the real prompt_toolkit session); the build's
findings and the answers file are read as a user would read them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafter.answers import carried
from drafter.answers.carryover import start_from_last
from drafter.answers.file import read_answers_file, save_answers
from drafter.answers.model import to_data, validate_answers
from drafter.build import build_report, example_path, findings_report
from drafter.questionnaire import run_edit, run_new
from drafter.questionnaire.review import summary_lines
from drafter.questions import get_answer
from drafter.text.mentions import find_mentions
from tests.test_questionnaire import (  # noqa: F401  (_no_hang: a hung session fails loudly)
    CTRL_C,
    ENTER,
    F2,
    _no_hang,
    docx_text,
    drive,
)

PUBLICITY = "全年开展普法宣传活动20场次，发放宣传资料2000份，开展“法律进村”专场宣讲8场。"
STUDY = "组织干部集中学法5次。"


@pytest.fixture
def last_year(tmp_path: Path) -> Path:
    """The bundled example (2024) with figures written inside two measure texts."""
    path = tmp_path / "last.yaml"
    loaded = read_answers_file(example_path())
    data = loaded.data
    data["publicity"]["measures"][0]["text"] += PUBLICITY
    data["study"]["measures"][0]["text"] += STUDY
    save_answers(path, data)
    return path


# --------------------------------------------------------------------------- pure


def test_collect_lists_every_figure_of_the_carried_texts(last_year: Path) -> None:
    data = start_from_last(last_year)
    found = [(cf.place, cf.figure, cf.key) for cf in data.carried_figures]
    assert ("学法用法方面的具体措施第1条", "5次", "study.cadre_sessions") in found
    assert ("普法宣传方面的具体措施第1条", "20场次", "publicity.activities") in found
    assert ("普法宣传方面的具体措施第1条", "2000份", "publicity.materials") in found
    assert ("普法宣传方面的具体措施第1条", "8场", "publicity.activities") in found
    # Linked to the structured figure: same key and last year's value (8场 is another activity).
    assert [cf.figure for cf in carried.linked(data, "publicity.activities")] == ["20场次"]
    assert len(carried.outstanding(data)) == 4


def test_the_record_is_readable_in_the_answers_file(tmp_path: Path, last_year: Path) -> None:
    data = start_from_last(last_year)
    path = tmp_path / "this.yaml"
    save_answers(path, to_data(data))
    text = path.read_text(encoding="utf-8")
    assert "沿用文字里的数字" in text
    assert "last_year: 20场次 # 去年的数字" in text
    assert "place: 普法宣传方面的具体措施第1条 # 位置" in text
    assert "# 已确认的报告年度；空＝还没有确认" in text
    # The record reads back as it was written.
    again = validate_answers(read_answers_file(path).data)
    assert again.carried_figures == data.carried_figures


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ("20场次", "发放宣传资料2000份，开展“法律进村”专场宣讲8场。"),
        ("2000份", "全年开展普法宣传活动20场次，开展“法律进村”专场宣讲8场。"),
        ("8场", "全年开展普法宣传活动20场次，发放宣传资料2000份。"),
    ],
)
def test_drop_clause(figure: str, expected: str) -> None:
    mention = next(m for m in find_mentions(PUBLICITY) if m.raw == figure)
    assert carried.drop_clause(PUBLICITY, mention) == expected
    text = "第一句。" + STUDY + "第三句。"
    only = find_mentions(text)[0]
    assert carried.drop_clause(text, only) == "第一句。第三句。"  # a one-clause sentence goes


def test_a_figure_is_found_again_after_other_edits(last_year: Path) -> None:
    started = start_from_last(last_year)
    cf = next(cf for cf in started.carried_figures if cf.figure == "8场")
    data = to_data(started)
    measures = data["publicity"]["measures"]
    measures.reverse()  # moved to second place, its sentence otherwise unchanged
    path, mention = carried.locate(validate_answers(data), cf) or ("", None)
    assert path == "publicity.measures[1].text" and mention is not None
    measures[1]["text"] = measures[1]["text"].replace("8场", "12场")  # changed by hand
    assert carried.locate(validate_answers(data), cf) is None
    assert cf not in carried.outstanding(validate_answers(data))


def test_review_summary_fits_a_40_line_terminal(last_year: Path) -> None:
    data = to_data(start_from_last(last_year))
    findings = [f"第{n}处：一条很长的检查意见" for n in range(30)]
    lines = summary_lines(data, list(data["to_confirm"]), list(data["to_confirm"]), findings)
    assert len(lines) <= 35, "\n".join(lines)  # the prompt and the toolbar below it
    assert all(_columns(line) <= 80 for line in lines), "\n".join(lines)
    shown = "\n".join(lines)
    assert "还有 4 个没有确认今年的数字" in shown
    assert "去年报告了“普法宣传活动20场次”，今年没有填写" in shown


def _columns(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


# --------------------------------------------------------------------------- the session


def _year_keys(activities: str, eight: str) -> str:
    """From 学法用法 to the end of 普法宣传 (after jumping there with F3)."""
    return (
        ENTER  # study title
        + ENTER  # center_group: 去年 3次, Enter keeps it
        + "6" + ENTER  # cadre_sessions: the text's 5次 becomes 6次 in the same step
        + ENTER + ENTER + ENTER + ENTER  # lectures, exams (kept), participants, passed
        + ENTER  # study measures: kept
        + ENTER  # publicity title
        + activities + ENTER  # 20场次: kept (Enter) or changed, with the text
        + ENTER  # materials 2000: kept, the text's 2000份 confirmed with it
        + "-" + ENTER  # consultations: not reported this year (recorded)
        + ENTER + ENTER  # audience, legal understanders: not reported last year either
        + eight + ENTER  # the 8场 inside the measure text
        + ENTER  # publicity measures: kept
    )  # fmt: skip


def test_kept_changed_and_dropped_figures_are_recorded_and_build_warns_about_none_of_them(
    tmp_path: Path, last_year: Path
) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=last_year)
    keys = "\x1bOR" + "4" + ENTER + _year_keys("25", "d") + CTRL_C
    _, log = drive(keys, run_new, this)
    shown = "\n".join(log)
    assert "学法用法方面的具体措施第1条：组织干部集中学法【5次】。" in shown
    assert "文字已一并改好：组织干部集中学法6次。" in shown
    assert "文字里的“2000份”已一并确认" in shown
    assert "今年是多少？［回车＝仍是 8场；数字＝改；d＝删去］" in shown
    assert "这一句现在是：全年开展普法宣传活动25场次，发放宣传资料2000份。" in shown

    data = read_answers_file(this).data
    assert STUDY.replace("5次", "6次") in data["study"]["measures"][0]["text"]
    assert (
        "全年开展普法宣传活动25场次，发放宣传资料2000份。"
        in data["publicity"]["measures"][0]["text"]
    )
    assert get_answer(data, "study.cadre_sessions") == 6
    assert get_answer(data, "publicity.activities") == 25
    record = {cf.figure: cf for cf in validate_answers(data).carried_figures}
    assert record["5次"].confirmed == 2025 and record["5次"].now == "6次"
    assert record["2000份"].confirmed == 2025 and record["2000份"].now is None
    assert record["8场"].now == "删去"
    assert record["5人次"].now == "不报告"  # the declined structured figure
    assert carried.outstanding(validate_answers(data)) == []

    data["identity"]["date"] = "2026年1月15日"
    save_answers(this, data)
    result = build_report(this, tmp_path / "out.docx")
    rules = {f.finding.rule for f in result.answer_findings}
    assert "carried-figure" not in rules
    dropped = [
        f.finding.message for f in result.answer_findings if f.finding.rule == "figure-dropped"
    ]
    # Declined on purpose: not reported; the figures not reached yet (disputes …) still are.
    assert not any("解答法律咨询" in m for m in dropped)
    assert any("调解矛盾纠纷5件" in m for m in dropped)
    text = docx_text(result.docx)
    assert "组织干部集中学法6次" in text and "5次" not in text
    assert "8场" not in text and "20场次" not in text


def test_a_run_that_skips_them_warns_about_each_at_build(tmp_path: Path, last_year: Path) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=last_year)  # leaves at once
    data = read_answers_file(this).data
    data["identity"]["date"] = "2026年1月15日"  # fills only the date
    save_answers(this, data)
    result = build_report(this, tmp_path / "out.docx")
    lines, _ = findings_report(result)
    shown = "\n".join(lines)
    for figure in ("5次", "20场次", "2000份", "8场"):
        assert f"沿用去年文字里的“{figure}”是去年的数字，还没有确认2025年的数字" in shown
    assert "普法宣传方面的具体措施第1条" in shown and "【全年开展普法宣传活动20场次" in shown
    assert "去年报告了“普法宣传活动20场次”，今年没有填写" in shown
    # Stated only by a text that is itself last year's: still empty this year.
    assert "去年报告了“发放宣传资料2000份”，今年没有填写" in shown


def test_enter_at_a_figure_keeps_what_the_screen_says(tmp_path: Path, last_year: Path) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=last_year)
    keys = "\x1bOR" + "5" + ENTER + ENTER + "30" + ENTER + F2 + ENTER + CTRL_C
    _, log = drive(keys, run_new, this)
    shown = "\n".join(log)
    assert "普法宣传活动（场次）  去年：20场次［回车＝与去年相同；-＝今年不报告］" in shown
    # Back at the question, Enter keeps this year's answer (it says so), not last year's.
    assert "［回车＝不改（30场次）；-＝今年不报告］" in shown
    assert get_answer(read_answers_file(this).data, "publicity.activities") == 30


def test_after_edit_ctrl_c_points_to_edit_and_build(tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_bytes(example_path().read_bytes())
    _, log = drive(CTRL_C, run_edit, path, section="普法宣传")
    shown = "\n".join(log)
    assert "drafter new" not in shown
    assert f"以后修改：drafter edit {path}" in shown and f"drafter build {path}" in shown


def test_review_offers_the_first_missing_question(tmp_path: Path, last_year: Path) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=last_year)
    data = read_answers_file(this).data
    data["identity"]["unit_name"] = None  # a required answer, missing
    data["to_confirm"] = None
    save_answers(this, data)
    _, log = drive("\x1bOR" + "0" + ENTER + ENTER + CTRL_C, run_new, this)
    shown = "\n".join(log)
    assert "必填但还没有填写：单位全称" in shown
    assert "回车＝去填写“单位全称”（必填）" in shown
    # Enter went to the question (asked again after the review), not to a failed build.
    review_at = max(i for i, line in enumerate(log) if "回车＝去填写" in line)
    assert any("部分：基本信息" in line for line in log[review_at:])
    assert "无法生成" not in shown


def test_new_refuses_a_stdin_that_is_not_a_terminal(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "new", "-o", str(tmp_path / "a.yaml")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2
    assert "命令行窗口" in done.stderr and "drafter build" in done.stderr
    assert "Warning" not in done.stderr + done.stdout
    assert not (tmp_path / "a.yaml").exists()


# --------------------------------------------------------------------------- equal figures

TWO_EQUAL = "召开专题会议2次，听取法治汇报2次。"


@pytest.fixture
def equal_figures(tmp_path: Path) -> Path:
    """Last year's example with two equal figures in one sentence of a carried text (组织领导,
    asked before 第一责任人职责, whose two figures they state)."""
    path = tmp_path / "equal.yaml"
    loaded = read_answers_file(example_path())
    loaded.data["organisation"]["measures"][0]["text"] += TWO_EQUAL
    save_answers(path, loaded.data)
    return path


def test_equal_figures_of_a_sentence_are_two_entries_each_with_its_key(
    equal_figures: Path,
) -> None:
    started = start_from_last(equal_figures)
    pair = [cf for cf in started.carried_figures if cf.sentence == TWO_EQUAL]
    assert [(cf.figure, cf.at, cf.key) for cf in pair] == [
        ("2次", 6, "first_duty.meetings"),
        ("2次", 15, "first_duty.reports_heard"),
    ]
    # Each is found at its own place, not at the first "2次" of the sentence.
    places = [carried.locate(started, cf) for cf in pair]
    assert [m.start - m.sentence_start for _, m in filter(None, places)] == [6, 15]


def test_an_old_record_without_places_gives_equal_figures_their_own(equal_figures: Path) -> None:
    data = to_data(start_from_last(equal_figures))
    for entry in data["carried_figures"]:
        entry.pop("at")
        if entry["sentence"] == TWO_EQUAL:
            entry["key"] = "first_duty.reports_heard"  # what such files hold
    pair = [cf for cf in validate_answers(data).carried_figures if cf.sentence == TWO_EQUAL]
    assert [(cf.at, cf.key) for cf in pair] == [
        (6, "first_duty.meetings"),
        (15, "first_duty.reports_heard"),
    ]


def test_changing_the_first_of_two_equal_figures_and_keeping_the_second_confirms_both(
    tmp_path: Path, equal_figures: Path
) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=equal_figures)
    keys = (
        "\x1bOR" + "3" + ENTER  # 组织领导
        + ENTER + ENTER + ENTER  # title, leading group, work plan
        + "3" + ENTER  # 专题会议【2次】 → 3次
        + ENTER  # 听取法治汇报【2次】: kept
        + ENTER  # the measures list: done
        + "\x1bOR" + "13" + ENTER  # 第一责任人职责
        + ENTER + ENTER + ENTER  # title, names
        + ENTER  # meetings: Enter = 3, as the text now says
        + ENTER  # reports heard: Enter = 2, as the text says (the clause stays)
        + CTRL_C
    )  # fmt: skip
    _, log = drive(keys, run_new, this)
    shown = "\n".join(log)
    assert "召开专题会议3次，听取法治汇报【2次】。" in shown  # the second asked in today's text
    assert "［回车＝3次，与文字里今年写的一致；-＝今年不报告］" in shown
    assert "［回车＝2次，与文字里今年写的一致；-＝今年不报告］" in shown
    assert "分句已删去" not in shown

    data = read_answers_file(this).data
    assert "召开专题会议3次，听取法治汇报2次。" in data["organisation"]["measures"][0]["text"]
    assert get_answer(data, "first_duty.meetings") == 3
    assert get_answer(data, "first_duty.reports_heard") == 2
    answers = validate_answers(data)
    pair = [cf for cf in answers.carried_figures if cf.sentence == TWO_EQUAL]
    assert [(cf.key, cf.confirmed, cf.now) for cf in pair] == [
        ("first_duty.meetings", 2025, "3次"),
        ("first_duty.reports_heard", 2025, None),
    ]
    assert not [cf for cf in carried.outstanding(answers) if cf.sentence == TWO_EQUAL]
    review = "\n".join(summary_lines(data, [], []))
    assert "召开专题会议" not in review and "听取法治汇报" not in review


def test_enter_at_an_imported_figure_still_to_confirm_keeps_it(tmp_path: Path) -> None:
    """An import fills a figure from the report's text and lists it in to_confirm: `drafter
    edit` offers it, and Enter confirms it instead of erasing it."""
    path = tmp_path / "imported.yaml"
    path.write_bytes(example_path().read_bytes())
    data = read_answers_file(path).data
    data["first_duty"]["meetings"] = 12
    data["to_confirm"] = ["first_duty.meetings"]
    save_answers(path, data)
    keys = ENTER * 4 + CTRL_C
    _, log = drive(keys, run_edit, path, section="第一责任人职责")
    assert "［回车＝确认答卷里的 12次；-＝不填］" in "\n".join(log)
    after = read_answers_file(path).data
    assert get_answer(after, "first_duty.meetings") == 12
    assert "first_duty.meetings" not in (after.get("to_confirm") or [])
