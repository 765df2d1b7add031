"""The clerk's year without friction: what a clerk types at the questionnaire is never lost, and
the list editor takes commands as clerks type them (piped keys into the real prompt_toolkit
session; the terminal-only parts are in ``test_clerk_tmux``)."""

from __future__ import annotations

from pathlib import Path

from drafter.answers.file import read_answers_file
from drafter.questionnaire import run_new
from drafter.questions import get_answer
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
