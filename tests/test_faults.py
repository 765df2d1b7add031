"""Faults: the questionnaire killed with SIGKILL at random moments never loses an answer.

The questionnaire runs in a real pseudo-terminal in a child process. An answer counts as
acknowledged once the next question is on the screen (the session saves before it asks the next
one). After each kill the answers file on disk must load and hold every acknowledged answer.
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.answers.file import read_answers_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL 与伪终端只在 POSIX 上测试"),
]

ROOT = Path(__file__).resolve().parent.parent

# (what the user types, the key it answers, the value stored, the label of the next question)
SCRIPT = [
    ("俄久乡", "unit_name", "俄久乡", "单位类型"),
    ("", "unit_type", "乡", "所属县"),
    ("尼玛县", "county", "尼玛县", "标题是否冠县名"),
    ("", "county_in_title", True, "报告年度"),
    ("2024", "year", 2024, "主送机关"),
]


class Terminal:
    """A child process on a pseudo-terminal, with what it has printed so far."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        import pty  # POSIX only, like this test

        master, slave = pty.openpty()
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "TERM": "xterm",
            "COLUMNS": "100",
            "LINES": "30",
        }
        self.proc = subprocess.Popen(
            args, cwd=cwd, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.screen = ""

    def read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            with contextlib.suppress(OSError):  # the child closed the terminal
                self.screen += os.read(self.master, 65536).decode("utf-8", "replace")

    def wait_for(self, text: str, after: int, timeout: float = 20) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.screen[after:]:
                return True
            self.read(0.05)
        return False

    def type(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8") + b"\r")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        os.close(self.master)


def _run_and_kill(folder: Path, answers_file: Path, rng: random.Random) -> int:
    """Answer part of the script, kill at a random moment; return how many were acknowledged."""
    term = Terminal([sys.executable, "-m", "drafter", "new", "-o", str(answers_file)], folder)
    try:
        assert term.wait_for("单位全称", 0), term.screen[-500:]
        stop_after = rng.randrange(len(SCRIPT))
        acknowledged = 0
        for typed, _key, _value, next_label in SCRIPT[: stop_after + 1]:
            mark = len(term.screen)
            term.type(typed)
            if typed == SCRIPT[stop_after][0] and _key == SCRIPT[stop_after][1]:
                time.sleep(rng.uniform(0, 0.3))  # kill somewhere around saving this answer
                term.read(0)
                if next_label in term.screen[mark:]:
                    acknowledged += 1
                break
            assert term.wait_for(next_label, mark), term.screen[-500:]
            acknowledged += 1
        return acknowledged
    finally:
        term.kill()


def test_sigkill_at_random_moments_never_loses_an_acknowledged_answer(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    for run in range(8):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        answers_file = folder / "答卷.yaml"
        acknowledged = _run_and_kill(folder, answers_file, rng)
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert not leftovers or all(p.startswith(".") for p in leftovers)
        if acknowledged == 0 and not answers_file.exists():
            continue
        loaded = read_answers_file(answers_file)  # always a valid answers file
        identity = loaded.data.get("identity", {})
        for _typed, key, value, _next in SCRIPT[:acknowledged]:
            assert identity.get(key) == value, (run, key, identity)


def test_a_killed_session_resumes_where_it_stopped(tmp_path: Path) -> None:
    answers_file = tmp_path / "答卷.yaml"
    term = Terminal([sys.executable, "-m", "drafter", "new", "-o", str(answers_file)], tmp_path)
    try:
        assert term.wait_for("单位全称", 0)
        for typed, _key, _value, next_label in SCRIPT[:3]:
            mark = len(term.screen)
            term.type(typed)
            assert term.wait_for(next_label, mark)
    finally:
        term.kill()
    again = Terminal([sys.executable, "-m", "drafter", "new", "-o", str(answers_file)], tmp_path)
    try:
        # The first unanswered question comes back, not the unit name.
        assert again.wait_for("标题是否冠县名", 0), again.screen[-500:]
        assert "已答 3 题" in again.screen
        assert "单位全称：" not in again.screen
    finally:
        again.kill()
