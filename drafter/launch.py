"""The ``drafter`` command (the console script and ``python -m drafter``): load the command line,
run it, and exit with its code.

A Ctrl-C while the command line is still loading: Python's own SIGINT handler would turn it into a
KeyboardInterrupt raised inside an import, printed as a traceback in English. The command line
(drafter.cli) installs its handlers only once it is loaded, tens of milliseconds on a busy office
PC; nothing has started then, so the stop is quiet and ends as any interrupted run does. The
import of the command line is deferred on purpose, so that this handler covers it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

from drafter.errors import EXIT_UNUSABLE


def _stopped_while_loading(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("\n已中断。\n")
    raise SystemExit(EXIT_UNUSABLE)


def run() -> NoReturn:
    """The ``drafter`` command: :func:`drafter.cli.main`, then exit with its code."""
    previous = signal.signal(signal.SIGINT, _stopped_while_loading)
    from drafter import cli

    signal.signal(signal.SIGINT, previous)
    code = cli.main()
    if cli.was_interrupted():
        # Stopped and cleaned up. A Ctrl-C that landed while an extension module ran code of
        # its own through the C API leaves CPython believing it went unhandled, and after its
        # teardown it would then end the process by SIGINT instead of with this code (seen
        # under load, about one run in ten): leave now, output flushed.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        os._exit(code)
    # Left to do is the interpreter's teardown, whose cycle collections walk every object the
    # run made (modules, compiled patterns, the document) to free memory the process gives back
    # anyway: ~10 % of a `drafter check`. Frozen objects are left out of those walks; the rest
    # of the teardown (atexit, flushing, closing) is as usual.
    gc.freeze()
    sys.exit(code)
