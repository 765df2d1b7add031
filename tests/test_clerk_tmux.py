"""The clerk's terminal as it is: 60×20 (a split window, a small laptop), tmux runs drafter and we
read the screen. Wrapped lines are read with their line breaks and spaces taken out."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.answers.file import read_answers_file
from drafter.questions import get_answer
from tests.terminal import Tmux

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"
)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Tmux]:
    session = Tmux(tmp_path, "new", "-o", "a.yaml", width=60, height=20)
    try:
        yield session
    finally:
        session.close()


def flat(screen: str) -> str:
    return re.sub(r"\s", "", screen)


def to_organisation_measures(t: Tmux) -> None:
    t.wait_for("单位全称：")
    t.send("F3")
    t.wait_for("输入序号跳到该部分")
    t.type("3")
    t.send("Enter")
    for prompt in ("本部分小标题：", "领导小组组成：", "年度工作方案（文件名）："):
        t.wait_for(prompt)
        t.send("Enter")


def test_at_60_columns_the_key_bar_and_the_error_line_wrap(small: Tmux) -> None:
    screen = small.wait_for("单位全称：")
    assert "F3或>目录·Ctrl-U清空·Ctrl-C保存退出" in flat(screen)  # not cut after "Ctrl"
    small.send("F3")
    small.wait_for("输入序号跳到该部分")
    small.type("5")
    small.send("Enter")
    small.wait_for("本部分小标题：")
    small.send("Enter")
    small.wait_for("普法宣传活动（场次）：")
    small.type("abc")
    screen = small.wait_for("不是数字")
    assert "约数写成1500余，不报告就留空" in flat(screen)  # the end of the message too


def test_a_rejected_command_is_not_left_in_the_box(small: Tmux, tmp_path: Path) -> None:
    to_organisation_measures(small)
    small.wait_for("第 1 条的小标题")
    for text in ("健全领导机制", "成立领导小组。", "完善制度体系", "制定工作方案。"):
        small.type(text)
        small.send("Enter")
    small.send("Enter")  # no third
    small.wait_for("“组织领导方面的具体措施”现有 2 条")
    small.type("x")
    small.send("Enter")
    small.wait_for("没有“x”这个命令")
    small.type("e 2")
    screen = small.wait_for("e 2")
    assert "xe 2" not in screen
    small.send("Enter")
    small.wait_for("第 2 条的小标题")
    small.send("C-c")
    small.wait_for("EXITED-0")


def test_ctrl_c_in_the_middle_of_a_measure_keeps_it(small: Tmux, tmp_path: Path) -> None:
    to_organisation_measures(small)
    small.wait_for("第 1 条的小标题")
    small.type("健全领导机制")
    small.send("Enter")
    small.wait_for("第 1 条的内容")
    small.type("成立由乡党委书记任组长的领导小组")
    small.send("C-c")
    screen = small.wait_for("EXITED-0")
    assert "正在写的第1条已保存" in flat(screen) and "已保存到" in screen
    [item] = get_answer(read_answers_file(tmp_path / "a.yaml").data, "organisation.measures")
    assert item == {"heading": "健全领导机制", "text": "成立由乡党委书记任组长的领导小组"}
