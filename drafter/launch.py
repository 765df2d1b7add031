"""The ``drafter`` command's first step: a Ctrl-C while the command line is still loading.

Python's own SIGINT handler turns a Ctrl-C into a KeyboardInterrupt, which during an import
prints a traceback in English: the command line (drafter.cli) installs its own handlers only once
it is loaded, tens of milliseconds on a busy office PC. Nothing has started then, so the stop is
quiet and ends as any interrupted run does. The import of the command line is deferred on purpose,
so that the handler covers it.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import NoReturn

from drafter.errors import EXIT_UNUSABLE


def _stopped_while_loading(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("\n已中断。\n")
    raise SystemExit(EXIT_UNUSABLE)


def run() -> NoReturn:
    """The ``drafter`` command (and ``python -m drafter``)."""
    previous = signal.signal(signal.SIGINT, _stopped_while_loading)
    from drafter.cli import run as command_line

    signal.signal(signal.SIGINT, previous)
    command_line()
