"""The clerk's year without friction: what a clerk types at the questionnaire is never lost, and
the list editor takes commands as clerks type them (piped keys into the real prompt_toolkit
session; the terminal-only parts are in ``test_clerk_tmux``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from drafter.answers import carried
from drafter.answers.file import read_answers_file, save_answers
from drafter.answers.model import validate_answers
from drafter.build import example_path
from drafter.checks.answers import check_answers
from drafter.checks.base import run_checks
from drafter.io.console import display_width
from drafter.questionnaire import Questionnaire, check_input, run_new
from drafter.questionnaire.review import summary_lines
from drafter.questionnaire.session import Terminal
from drafter.questions import QUESTIONS, get_answer
from drafter.reader import blocks_from_text
from tests.test_questionnaire import (  # noqa: F401  (_no_hang: a hung session fails loudly)
    CTRL_C,
    CTRL_D,
    CTRL_J,
    ENTER,
    F3,
    _no_hang,
    drive,
)

END = "\x1b[F"  # the End key: after the text a box starts with
HEADING = "健全领导机制"
BODY = "成立由乡党委书记任组长的领导小组，每季度研究法治工作"


def _to_organisation_measures() -> str:
    """From the first question of a new file to the first measure's heading (组织领导)."""
    return F3 + "3" + ENTER + ENTER + ENTER + ENTER


def test_ctrl_c_while_typing_a_new_measure_keeps_its_heading_and_text(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = _to_organisation_measures() + HEADING + ENTER + BODY.replace("，", "，" + CTRL_J, 1)
    _, log = drive(keys + CTRL_C, run_new, path)
    shown = "\n".join(log)
    assert "正在写的第 1 条已保存" in shown and "已保存到" in shown
    data = read_answers_file(path).data
    [item] = get_answer(data, "organisation.measures")
    assert item["heading"] == HEADING
    assert item["text"] == BODY.replace("，", "，\n", 1)
    assert "organisation.measures" in data["to_confirm"]  # still to finish

    # Next time the list shows it, and e 1 goes on writing it.
    keys = _to_organisation_measures() + "e 1" + ENTER + ENTER + END + "。" + ENTER + ENTER
    _, log = drive(keys + CTRL_C, run_new, path)
    shown = "\n".join(log)
    assert f"1. {HEADING}：" in shown
    [item] = get_answer(read_answers_file(path).data, "organisation.measures")
    assert item["text"] == BODY.replace("，", "，\n", 1) + "。"


def test_ctrl_c_at_the_heading_keeps_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    drive(_to_organisation_measures() + HEADING + CTRL_D, run_new, path)
    [item] = get_answer(read_answers_file(path).data, "organisation.measures")
    assert item == {"heading": HEADING, "text": ""}


def test_ctrl_c_while_editing_a_measure_keeps_the_edit_and_never_an_emptied_box(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.yaml"
    drive(_to_organisation_measures() + HEADING + ENTER + BODY + ENTER + CTRL_C, run_new, path)
    drive(
        _to_organisation_measures() + "e 1" + ENTER + ENTER + END + "又补充一句" + CTRL_C,
        run_new,
        path,
    )
    [item] = get_answer(read_answers_file(path).data, "organisation.measures")
    assert item["text"] == BODY + "又补充一句"
    keys = _to_organisation_measures() + "e 1" + ENTER + ENTER + "\x15" + CTRL_C  # Ctrl-U, leave
    drive(keys, run_new, path)
    [item] = get_answer(read_answers_file(path).data, "organisation.measures")
    assert item["text"] == BODY + "又补充一句"


def test_ctrl_c_while_typing_a_text_keeps_it_and_asks_it_again(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    drive("俄久乡" + ENTER + CTRL_C, run_new, path)
    summary = "全乡法治政府建设取得新进展"
    keys = F3 + "2" + ENTER + ENTER + ENTER + "\x15" + summary + CTRL_C  # 开头段: the goal typed
    _, log = drive(keys, run_new, path)
    assert "正在填写的“" in "\n".join(log)
    data = read_answers_file(path).data
    assert get_answer(data, "opening.goal") == summary
    assert "opening.goal" in data["to_confirm"]  # asked again, prefilled with it


# --------------------------------------------------------------------------- 整改 notes


def _rectified(*texts: str) -> list[tuple[str, str]]:
    data = read_answers_file(example_path()).data
    data["rectification"] = {
        "items": [{"heading": f"问题{n}", "text": text} for n, text in enumerate(texts, 1)]
    }
    found = check_answers(validate_answers(data))
    return [(f.where, f.finding.message) for f in found if f.finding.rule == "status-only"]


def test_a_rectified_item_with_a_note_or_done_without_one_is_not_status_only() -> None:
    assert _rectified("已整改到位。开展专题培训2期，执法案卷合格率达100%。") == []
    assert _rectified("已整改到位。") == []  # the prompt says the note may stay blank


def test_a_part_done_or_nothing_done_without_a_note_asks_what_is_left_or_why_not() -> None:
    [(where, partly)] = _rectified("部分整改。")
    assert where == "整改情况第1条内容" and "还差哪些" in partly
    [(_, undone)] = _rectified("尚未完成整改。")
    assert "为什么还没有完成" in undone and "下一步" in undone and "做了什么" not in undone
    assert _rectified("部分整改。已完成执法人员培训，案卷评查下半年进行。") == []


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [("部分整改。", "还差哪些"), ("尚未完成。", "为什么还没有完成"), ("已整改到位。", "做了什么")],
)
def test_a_bare_state_in_any_report_is_flagged_for_what_it_leaves_out(
    sentence: str, asks: str
) -> None:
    findings = run_checks(blocks_from_text("一、整改情况\n" + sentence), rules=["status-only"])
    assert [(f.excerpt, asks in f.message) for f in findings] == [(sentence, True)]


def test_not_done_asks_why_not_and_what_next(tmp_path: Path) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=example_path())
    keys = F3 + "15" + ENTER + "3" + ENTER + ENTER + "2" + ENTER + ENTER + "1" + ENTER + ENTER
    _, log = drive(keys + CTRL_C, run_new, this)
    shown = "\n".join(log)
    assert "用一句话说明为什么还没有完成、下一步怎么办：" in shown
    assert "用一句话说明做了哪些、还差哪些、下一步怎么办：" in shown
    assert "用一句话说明做了什么、效果如何（可留空）：" in shown


def test_ctrl_c_in_a_half_typed_note_keeps_the_status_and_the_words(tmp_path: Path) -> None:
    """整改情况: 2＝部分完成, half a sentence typed, Ctrl-C: both are in the answers file, and the
    next run goes on with the next problem."""
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=example_path())
    _, log = drive(
        F3 + "15" + ENTER + "2" + ENTER + "已开展执法培训两期，还差" + CTRL_C, run_new, this
    )
    assert any("第 1 项已保存" in line for line in log)
    [first] = read_answers_file(this).data["rectification"]["items"]
    assert "已开展执法培训两期，还差" in first["text"]
    assert "部分" in first["text"] or first.get("status") == "partly"
    _, log = drive(F3 + "15" + ENTER + CTRL_C, run_new, this)
    assert any("（2/" in line for line in log)


# --------------------------------------------------------------------------- the list editor


def _two_measures(tmp_path: Path) -> Path:
    path = tmp_path / "a.yaml"
    keys = _to_organisation_measures()
    keys += "健全领导机制" + ENTER + "成立领导小组。" + ENTER
    keys += "完善制度体系" + ENTER + "制定工作方案。" + ENTER + ENTER
    drive(keys + CTRL_C, run_new, path)
    return path


def _measures(path: Path) -> list[str]:
    return [i["heading"] for i in get_answer(read_answers_file(path).data, "organisation.measures")]


def test_e2_and_d2_work_like_e_2_and_d_2(tmp_path: Path) -> None:
    path = _two_measures(tmp_path)
    keys = _to_organisation_measures() + "e2" + ENTER + "\x15改过的小标题" + ENTER + ENTER
    keys += "ｄ１" + ENTER + "y" + ENTER  # full-width, as a Chinese input method types it
    drive(keys + CTRL_C, run_new, path)
    assert _measures(path) == ["改过的小标题"]


def test_a_rejected_command_leaves_the_box_empty(tmp_path: Path) -> None:
    path = _two_measures(tmp_path)
    keys = _to_organisation_measures() + "x" + ENTER + "e 2" + ENTER  # not "xe 2"
    keys += "\x15又改的小标题" + ENTER + ENTER
    _, log = drive(keys + CTRL_C, run_new, path)
    assert "没有“x”这个命令。回车＝完成本题；a＝新增；e 序号＝修改" in "\n".join(log)
    assert _measures(path) == ["健全领导机制", "又改的小标题"]


def test_d_asks_before_it_deletes(tmp_path: Path) -> None:
    path = _two_measures(tmp_path)
    keys = _to_organisation_measures() + "d 2" + ENTER + ENTER  # Enter: not deleted
    _, log = drive(keys + CTRL_C, run_new, path)
    shown = "\n".join(log)
    assert "删除第 2 条“完善制度体系”？（y＝删除；直接回车＝不删）" in shown
    assert "→ 没有删除。" in shown
    assert _measures(path) == ["健全领导机制", "完善制度体系"]


def test_a_figure_whose_blank_is_last_years_does_not_say_blank_means_not_reported(
    tmp_path: Path,
) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=example_path())
    keys = F3 + "5" + ENTER + ENTER + "abc" + ENTER + "\x15" + ENTER  # 普法宣传活动: 去年 20场次
    with create_pipe_input() as inp:
        inp.send_text(keys + CTRL_C)
        session = Questionnaire(this, read_answers_file(this).data, input=inp, output=DummyOutput())
        session.run(intro=False)
    [error] = [e for e in session.errors if "abc" in e]
    assert "不报告就留空" not in error
    assert error.endswith("约数写成 1500余；Ctrl-U 清空后回车＝与去年相同；-＝今年不报告")


def test_the_report_structure_error_names_the_menus_choices() -> None:
    _, error = check_input(QUESTIONS["identity.outline"], "xyz")
    assert error == (
        "“xyz”不是可选项，请从 按规定顺序、第一责任人在前、三段式 中选一个，或输入序号 1—3"
    )
    assert "regulation" not in error


def test_the_key_bar_wraps() -> None:
    """prompt_toolkit gives the key bar one row, cut at the screen's edge; on a 60-column screen
    a bar of 100 columns takes two (the screen itself, and the error line: test_clerk_tmux)."""
    with create_pipe_input() as inp:
        terminal = Terminal(input=inp, output=DummyOutput(), toolbar=lambda: "键" * 50)
        [bar] = [
            w
            for w in terminal.session().layout.find_all_windows()
            if w.style == "class:bottom-toolbar"
        ]
        assert bar.preferred_height(60, 20).preferred == 2


def test_the_review_lists_what_only_the_draft_shows_before_it_is_written(tmp_path: Path) -> None:
    """存在的不足 left empty is a 【待补充】 error in the report: the review says so (with what it
    quotes) before Enter writes the report, not after."""
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=example_path())
    loaded = read_answers_file(this)
    loaded.data["identity"]["date"] = "2026年1月15日"
    save_answers(this, loaded.data, base=loaded)
    _, log = drive(F3 + "0" + ENTER + CTRL_C, run_new, this)
    review = "\n".join(log[max(i for i, line in enumerate(log) if "检查全部答案" in line) :])
    assert re.search(r"报告第 \d+ 段“【待补充】”：这里还是", review)
    assert not (tmp_path / "output").exists()


# --------------------------------------------------------------------------- the walk


def test_a_sentence_dated_last_year_is_dated_this_year_with_its_figures(tmp_path: Path) -> None:
    """ "2024年，共开展法治宣传活动20场次。" with 20场次 confirmed for 2025 would tell the county
    that 2024 had this year's figure: the date opening the sentence comes along, and the note
    about it is not shown any more."""
    last = tmp_path / "last.yaml"
    loaded = read_answers_file(example_path())
    loaded.data["publicity"]["measures"][0]["text"] += "2024年，共开展法治宣传活动20场次。"
    save_answers(last, loaded.data)
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=last)
    keys = F3 + "5" + ENTER + ENTER + ENTER  # 普法宣传: title, 20场次 kept (with its text)
    _, log = drive(keys + CTRL_C, run_new, this)
    assert "文字已一并改好：2025年，共开展法治宣传活动20场次。" in "\n".join(log)
    text = get_answer(read_answers_file(this).data, "publicity.measures")[0]["text"]
    assert text.endswith("2025年，共开展法治宣传活动20场次。")
    _, log = drive(F3 + "5" + ENTER + ENTER * 6 + CTRL_C, run_new, this)
    assert not any("2024年" in line and "请注意" in line for line in log)


def test_only_a_date_that_opens_the_sentence_is_brought_up_to_the_year() -> None:
    assert carried.redated("2024年，共开展活动20场次。", 2025) == "2025年，共开展活动20场次。"
    assert (
        carried.redated("2024年以来，共开展活动20场次。", 2025) == "2025年以来，共开展活动20场次。"
    )
    assert carried.redated("共开展活动20场次，较2024年增长。", 2025) is None
    assert carried.redated("2023年，共开展活动20场次。", 2025) is None  # not last year's


def test_a_part_of_the_form_that_does_not_apply_is_left_out_without_a_word(tmp_path: Path) -> None:
    this = tmp_path / "this.yaml"
    _, log = drive(F3 + "2" + ENTER + CTRL_C, run_new, this, from_last=example_path())
    assert not any("已跳过" in line for line in log)


def test_each_item_of_the_list_takes_one_row_of_the_console(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    long = "成立由乡党委书记、乡长任双组长的法治政府建设领导小组，明确各部门职责分工。" * 3
    keys = _to_organisation_measures() + "健全领导机制" + ENTER + long + ENTER + ENTER
    _, log = drive(keys + CTRL_C, run_new, path)  # DummyOutput: an 80-column console
    [row] = [line for line in log if line.startswith("  1. 健全领导机制：")]
    assert display_width(row) <= 78 and row.endswith("……")


def test_the_review_is_written_for_the_console_it_is_on(tmp_path: Path) -> None:
    this = tmp_path / "this.yaml"
    drive(CTRL_C, run_new, this, from_last=example_path())
    data = read_answers_file(this).data
    findings = ["普法宣传方面的具体措施第3条内容“镇党委”：本报告是乡的报告，却出现了“镇党委”"] * 4
    lines = summary_lines(data, data["to_confirm"], data["to_confirm"], findings, 58)
    assert all(display_width(line) <= 58 for line in lines), "\n".join(lines)
    assert "  14.存在的不足和原因（2题未答）" in lines  # one section a row when two do not fit
