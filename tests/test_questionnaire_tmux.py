"""End to end in a real terminal: tmux runs ``python -m drafter new``; we type and read the screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.answers.file import read_answers_file
from drafter.questions import get_answer

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"
)

REPO = Path(__file__).resolve().parents[1]


class Tmux:
    def __init__(self, name: str) -> None:
        self.name = name

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", *args], capture_output=True, text=True, encoding="utf-8", check=True
        )
        return result.stdout

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.name, "-l", text)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def wait_for(self, *texts: str, timeout: float = 40) -> str:
        """The screen once all texts are on it (the terminal redraws asynchronously)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{texts} did not appear on the screen:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    name = f"drafter-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    command = f"{sys.executable} -m drafter new -o a.yaml; echo EXITED-$?; sleep 30"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "140",
            "-y",
            "45",
            "-c",
            str(tmp_path),
            command,
        ],
        check=True,
        env=env,
    )
    session = Tmux(name)
    try:
        yield session
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


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
