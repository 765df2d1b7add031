"""The render watchdog: one thread per process stops a template that runs too long."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from drafter.answers.model import validate_answers
from drafter.errors import DrafterError
from drafter.render import engine as render
from drafter.sandbox import limits
from tests.conftest import county_templates

# A loop that calls nothing: only the watchdog can stop it (the hooks never run).
ENDLESS = "{% set s = unit * 30000 %}{% for c in s %}{% for d in s %}{% endfor %}{% endfor %}"


def _watchdog_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "drafter-render-watchdog"]


def _stopped_in_time(example_data: dict, folder: Path) -> float:
    render.make_environment.cache_clear()
    start = time.monotonic()
    with pytest.raises(DrafterError, match="秒"):
        render.render_text(validate_answers(example_data), templates=folder)
    return time.monotonic() - start


def test_a_loop_that_calls_nothing_is_stopped_and_the_thread_is_reused(
    tmp_path: Path, example_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "RENDER_SECONDS", 0.5)
    folder = county_templates(tmp_path, ENDLESS)
    assert _stopped_in_time(example_data, folder) < 5
    threads = _watchdog_threads()
    assert len(threads) == 1
    # Renders that finish in time leave nothing behind and reuse the same thread.
    for _ in range(3):
        render.render_text(validate_answers(example_data))
    assert _watchdog_threads() == threads
    assert limits._watchers.active == {}
    # Stopped (as before a fork), the next render starts it again and still stops a loop.
    limits._watchers.stop()
    assert _watchdog_threads() == []
    assert _stopped_in_time(example_data, folder) < 5
    render.make_environment.cache_clear()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX")
def test_no_watchdog_thread_is_alive_when_the_process_forks(example_data: dict) -> None:
    render.render_text(validate_answers(example_data))
    assert _watchdog_threads()
    pid = os.fork()
    if pid == 0:  # the child
        os._exit(0)
    os.waitpid(pid, 0)
    # The thread was ended before the fork (Python 3.12+ warns about forking with threads) and
    # is not restarted while nothing needs watching.
    assert _watchdog_threads() == []
    # The parent renders and is watched as before.
    render.render_text(validate_answers(example_data))
    assert len(_watchdog_threads()) == 1
