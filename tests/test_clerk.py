"""The clerk's year without friction: what a clerk types at the questionnaire is never lost, and
the list editor takes commands as clerks type them (piped keys into the real prompt_toolkit
session; the terminal-only parts are in ``test_clerk_tmux``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers.file import read_answers_file
from drafter.answers.model import validate_answers
from drafter.build import example_path
from drafter.checks.answers import check_answers
from drafter.checks.base import run_checks
from drafter.questionnaire import run_new
from drafter.questions import get_answer
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
