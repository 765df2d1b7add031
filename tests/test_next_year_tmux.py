"""A next year in a real terminal: tmux runs ``drafter new --from``; we type and read the screen.

A carried text figure is kept with one key, changed with a number (with its structured figure),
dropped with ``d``; the build then warns about none of them. A second run that leaves at once
warns about each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.answers import carried
from drafter.answers.file import read_answers_file, save_answers
from drafter.answers.model import validate_answers
from drafter.build import example_path
from drafter.questions import get_answer
from tests.terminal import REPO, Tmux

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)"
)

PUBLICITY = "全年开展普法宣传活动20场次，发放宣传资料2000份，开展“法律进村”专场宣讲8场。"
STUDY = "组织干部集中学法5次。"
ENV = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    loaded = read_answers_file(example_path())
    data = loaded.data
    data["publicity"]["measures"][0]["text"] += PUBLICITY
    data["study"]["measures"][0]["text"] += STUDY
    save_answers(tmp_path / "last.yaml", data)
    return tmp_path


@pytest.fixture
def terminals() -> Iterator[list[Tmux]]:
    opened: list[Tmux] = []
    yield opened
    for terminal in opened:
        terminal.close()


def start(folder: Path, opened: list[Tmux], *args: str) -> Tmux:
    """``drafter ARGS`` in a 120×40 terminal (a township office's console is not bigger)."""
    terminal = Tmux(folder, *args, width=120, height=40)
    opened.append(terminal)
    return terminal


def build(folder: Path, answers: str) -> subprocess.CompletedProcess[str]:
    data_path = folder / answers
    loaded = read_answers_file(data_path)
    loaded.data["identity"]["date"] = "2026年1月15日"
    save_answers(data_path, loaded.data, base=loaded)
    return subprocess.run(
        [sys.executable, "-m", "drafter", "build", answers, "-o", f"{answers}.docx"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=folder,
        env=ENV,
        timeout=120,
    )


def test_next_year_figures_kept_changed_dropped_then_none_warned(
    folder: Path, terminals: list[Tmux]
) -> None:
    t = start(folder, terminals, "new", "--from", "last.yaml", "-o", "this.yaml")
    screen = t.wait_for("单位全称：", "沿用的文字里有 4 个去年的数字")
    t.send("F3")
    t.wait_for("输入序号跳到该部分")
    t.type("4")
    t.send("Enter")
    t.wait_for("部分：学法用法")
    t.send("Enter")  # title
    t.wait_for("去年：3次［回车＝与去年相同；-＝今年不报告］")
    t.send("Enter")
    # The prompt is drawn after the lines above it: both are waited for.
    t.wait_for(
        "学法用法方面的具体措施第1条：组织干部集中学法【5次】。",
        "干部集中学法（次）［回车＝与去年文字里的 5次 相同",
    )
    t.type("6")  # changed with a number: the structured figure and the text in one step
    t.send("Enter")
    t.wait_for("文字已一并改好：组织干部集中学法6次。")
    for prompt in ("法治专题讲座（场）：", "法律知识考试（次）", "参加考试人次", "考试合格人次"):
        t.wait_for(prompt)
        t.send("Enter")
    t.wait_for("“学法用法方面的具体措施”现有 1 条")
    t.send("Enter")
    t.wait_for("部分：普法宣传")
    t.send("Enter")
    t.wait_for("普法宣传活动（场次）  去年：20场次［回车＝与去年相同")
    t.send("Enter")  # kept with one key, its text figure confirmed with it
    t.wait_for("文字里的“20场次”已一并确认")
    t.wait_for("发放宣传资料（份）  去年：2000份")
    t.send("Enter")
    for prompt in (
        "解答法律咨询（人次）  去年：5人次",
        "受教育群众（人次）：",
        "法律明白人（名）：",
    ):
        t.wait_for(prompt)
        t.send("Enter")
    screen = t.wait_for("今年是多少？［回车＝仍是 8场；数字＝改；d＝删去］")
    assert "开展“法律进村”专场宣讲【8场】" in screen
    t.type("d")  # dropped with one key
    t.send("Enter")
    screen = t.wait_for("这一句现在是：全年开展普法宣传活动20场次，发放宣传资料2000份。")
    t.send("C-c")
    t.wait_for("EXITED-0")

    data = read_answers_file(folder / "this.yaml").data
    assert get_answer(data, "study.cadre_sessions") == 6
    assert get_answer(data, "publicity.activities") == 20
    assert carried.outstanding(validate_answers(data)) == []
    done = build(folder, "this.yaml")
    assert "沿用去年文字里" not in done.stdout + done.stderr, done.stdout
    assert "普法宣传活动20场次”，今年没有填写" not in done.stdout


def test_a_run_that_skips_the_figures_is_warned_about_each(
    folder: Path, terminals: list[Tmux]
) -> None:
    t = start(folder, terminals, "new", "--from", "last.yaml", "-o", "other.yaml")
    t.wait_for("单位全称：")
    t.send("C-c")  # leaves at once
    screen = t.wait_for("EXITED-0")
    assert "下次接着填：drafter new -o other.yaml" in screen
    done = build(folder, "other.yaml")
    assert done.returncode in (0, 1), done.stdout + done.stderr  # the exit-code rule: issue 11
    for figure in ("5次", "20场次", "2000份", "8场"):
        assert f"“{figure}”是去年的数字，还没有确认2025年的数字" in done.stdout, done.stdout
    assert "组织干部集中学法5次。" in done.stdout
    assert "去年报告了“普法宣传活动20场次”，今年没有填写" in done.stdout
    assert "去年报告了“调解矛盾纠纷5件”，今年没有填写" in done.stdout
