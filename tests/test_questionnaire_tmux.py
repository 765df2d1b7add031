"""End to end in a real terminal: tmux runs ``python -m drafter new``; we type and read the screen."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.answers.file import read_answers_file
from drafter.questions import get_answer
from tests.terminal import Tmux

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"
)


def _open(folder: Path, width: int, height: int) -> Iterator[Tmux]:
    session = Tmux(folder, "new", "-o", "a.yaml", width=width, height=height)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    yield from _open(tmp_path, 140, 45)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Tmux]:
    """The clerk's terminal as it is: 60×20 (a split window, a small laptop)."""
    yield from _open(tmp_path, 60, 20)


def test_real_terminal_progress_help_and_resume(tmux: Tmux, tmp_path: Path) -> None:
    screen = tmux.wait_for("单位全称：", "已答 0/83 题")
    # The start text sits above the first question; no key press was needed to begin.
    assert "每答一题都自动保存" in screen and "F1 或 ?" in screen
    assert "第 1/18 部分 · 第 1/10 题 · 已答 0/83 题" in screen
    tmux.type("俄久乡")
    tmux.send("Enter")
    tmux.wait_for("单位类型［回车＝乡］：")
    tmux.send("F1")
    screen = tmux.wait_for("【帮助】单位类型", "已答 1/83 题")
    assert "第 1/18 部分 · 第 2/10 题 · 已答 1/83 题" in screen
    tmux.send("Enter")  # 乡
    tmux.wait_for("所属县（市、区）：")
    tmux.type("尼玛县")
    tmux.send("Enter")
    tmux.wait_for("标题是否冠县名（是/否）［回车＝是］：")
    tmux.send("Enter")
    tmux.wait_for("报告年度［回车＝")  # the default is shown, the line starts empty
    tmux.type("20x")  # inline validation while typing
    screen = tmux.wait_for("不是年份")
    tmux.send("BSpace")
    tmux.type("24")
    tmux.send("Enter")
    tmux.wait_for("主送机关：")
    tmux.send("C-c")
    screen = tmux.wait_for("EXITED-0")
    assert "drafter new -o a.yaml" in screen
    data = read_answers_file(tmp_path / "a.yaml").data
    assert get_answer(data, "identity.unit_name") == "俄久乡"
    assert get_answer(data, "identity.county") == "尼玛县"
    assert get_answer(data, "identity.year") == 2024


# --------------------------------------------------------------------------- 60×20
# Wrapped lines are read with their line breaks and spaces taken out.


def flat(screen: str) -> str:
    return re.sub(r"\s", "", screen)


def wait_flat(t: Tmux, text: str, timeout: float = 40) -> str:
    """The screen once ``text`` is on it, read across wrapped rows."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = t.screen()
        if text in flat(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text} did not appear on the screen:\n{t.screen()}")


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
    small.wait_for("单位全称：", "已答 0/83 题")
    wait_flat(small, "F3或>目录·Ctrl-U清空·Ctrl-C保存退出")  # not cut after "Ctrl"
    small.send("F3")
    small.wait_for("输入序号跳到该部分")
    small.type("5")
    small.send("Enter")
    small.wait_for("本部分小标题：")
    small.send("Enter")
    small.wait_for("普法宣传活动（场次）：")
    small.type("abc")
    wait_flat(small, "约数写成1500余，不报告就留空")  # the end of the message too


def test_a_rejected_command_is_not_left_in_the_box(small: Tmux, tmp_path: Path) -> None:
    to_organisation_measures(small)
    steps = [
        ("第 1 条的小标题", "健全领导机制"),
        ("第 1 条的内容", "成立领导小组。"),
        ("第 2 条的小标题", "完善制度体系"),
        ("第 2 条的内容", "制定工作方案。"),
        ("第 3 条的小标题", ""),  # no third
    ]
    for prompt, text in steps:  # each typed once its prompt is there (the screen lags)
        small.wait_for(prompt)
        if text:
            small.type(text)
        small.send("Enter")
    small.wait_for("“组织领导方面的具体措施”现有 2 条")
    small.type("x")
    small.send("Enter")
    small.wait_for("没有“x”这个命令")
    small.type("e 2")
    screen = small.wait_for("e 2")
    assert "xe 2" not in screen
    small.send("Enter")
    small.wait_for("第 2 条的小标题（回车＝不改）")  # the edit's prompt, not the line typed earlier
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
    small.wait_for("EXITED-0")
    wait_flat(small, "正在写的第1条已保存")
    [item] = get_answer(read_answers_file(tmp_path / "a.yaml").data, "organisation.measures")
    assert item == {"heading": "健全领导机制", "text": "成立由乡党委书记任组长的领导小组"}
