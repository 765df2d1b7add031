"""End to end in a real terminal: tmux runs ``python -m drafter new``; we type and read the screen."""

from __future__ import annotations

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
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    session = Tmux(tmp_path, "new", "-o", "a.yaml", width=140, height=45)
    try:
        yield session
    finally:
        session.close()


def test_real_terminal_progress_help_and_resume(tmux: Tmux, tmp_path: Path) -> None:
    screen = tmux.wait_for("单位全称：", "已答 0/82 题")
    # The start text sits above the first question; no key press was needed to begin.
    assert "每答一题都自动保存" in screen and "F1 或 ?" in screen
    assert "第 1/18 部分 · 第 1/9 题 · 已答 0/82 题" in screen
    tmux.type("俄久乡")
    tmux.send("Enter")
    tmux.wait_for("单位类型［回车＝乡］：")
    tmux.send("F1")
    screen = tmux.wait_for("【帮助】单位类型", "已答 1/82 题")
    assert "第 1/18 部分 · 第 2/9 题 · 已答 1/82 题" in screen
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
