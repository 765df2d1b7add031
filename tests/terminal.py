"""A real terminal for end-to-end tests: a tmux session on a server of its own.

Each session runs on a private tmux server (``tmux -L``): a server that someone else started
(another checkout's test run, a developer's own tmux) would run the command with its own
environment, and so possibly another checkout's drafter. The command's environment is also
written into the shell command itself, so nothing depends on what the server inherited.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class Tmux:
    """One tmux session running ``python -m drafter ARGS`` in ``folder``."""

    def __init__(self, folder: Path, *args: str, width: int = 120, height: int = 40) -> None:
        self.socket = f"drafter-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.name = "drafter"
        env = {"PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        command = " ".join(
            [
                "env",
                *(f"{key}={shlex.quote(value)}" for key, value in env.items()),
                shlex.quote(sys.executable),
                "-m",
                "drafter",
                *map(shlex.quote, args),
            ]
        )
        shell = f"{command}; echo EXITED-$?; sleep 60"
        self.run(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(folder),
            shell,
        )

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
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

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], check=False, capture_output=True)
