"""The standard streams of a command: UTF-8 where they are not a console, and a standard output
whose write errors are told apart from every other error (exit 2 and a Chinese message, not a
traceback or exit 3)."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Iterator

# typing for the type checker only: `drafter --help` stays quick (docs/architecture.md).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def use_utf8() -> None:
    # A Windows console gets wide-char output anyway; pipes and files get UTF-8, not the ANSI
    # code page, so redirected output and CI logs stay readable.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            pass


class OutputBroken(Exception):
    """Writing to standard output failed (a full disk, a closed or broken pipe)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class GuardedStdout(io.TextIOBase):
    """Standard output whose write errors are told apart from every other OSError.

    A failed write inside a command would otherwise look like a bug (exit 3); it is the
    output's fault, not the input's, and ends with exit 2 and a Chinese message. What was
    written is kept (up to a few KB) so that message can repeat it on standard error.
    """

    KEEP = 4000

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw
        self.kept: list[str] = []
        self._kept_chars = 0

    @property
    def kept_all(self) -> bool:
        """Whether ``kept`` is everything written (the output was short)."""
        return self._kept_chars < self.KEEP

    def write(self, text: str) -> int:
        if self._kept_chars < self.KEEP:
            self.kept.append(text)
            self._kept_chars += len(text)
        try:
            return self.raw.write(text)
        except OSError as exc:
            raise OutputBroken(exc) from None

    def flush(self) -> None:
        try:
            self.raw.flush()
        except OSError as exc:
            raise OutputBroken(exc) from None

    def isatty(self) -> bool:
        try:
            return self.raw.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", "utf-8")


def say(text: str) -> None:
    """Print to standard error; a broken standard error is not worth a traceback."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        print(text, file=stream)
        stream.flush()
    except (OSError, ValueError):
        pass


def silence_stdout() -> None:
    """Point file descriptor 1 at the null device so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        pass


class Interrupted(KeyboardInterrupt):
    """The command was stopped by a signal (Ctrl-C, ``kill``, a closed terminal).

    A KeyboardInterrupt, so every ``finally`` and ``except BaseException`` on the way out runs:
    temp files are removed and no half-written output is left under its name.
    """

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self.name = name


def stop_cleanly_on_signals() -> None:
    """Turn the signals that end a command (SIGTERM from ``kill``, SIGHUP from a closed
    terminal; SIGBREAK on Windows) into :class:`Interrupted`, as Ctrl-C already is: by default
    they end the process at once, leaving temp files and half-done work behind."""

    def handler(number: int, frame: object) -> None:
        raise Interrupted(signal.Signals(number).name)

    for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            if signal.getsignal(number) in (signal.SIG_DFL, None):
                signal.signal(number, handler)
        except (OSError, ValueError, RuntimeError):  # not the main thread, or not allowed
            pass


def ignore_stop_signals() -> None:
    """The command is done and the process about to exit: a stop signal now would only raise
    inside the interpreter's shutdown (a worker pool's exit handler) and print a traceback over
    a finished command. Only for a real run of the command line, never inside a test."""

    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            signal.signal(number, signal.SIG_IGN)


_STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


@contextlib.contextmanager
def stop_signals_deferred() -> Iterator[None]:
    """Hold stop signals back while worker processes are forked, and deliver them after.

    Python runs its fork hooks (``os.register_at_fork``) as plain Python code: a Ctrl-C landing
    in one raises there, is printed as "Exception ignored" and is lost, so the batch went on to
    the end, or hung when the hook that stops a helper thread was cut short. Blocked, the signal
    waits and is raised after the forks, where it stops the command cleanly. POSIX only (where
    there is no fork there is no hook to cut short)."""

    sigmask = getattr(signal, "pthread_sigmask", None)
    if sigmask is None:
        yield
        return
    stops = {getattr(signal, name) for name in _STOP_SIGNALS if hasattr(signal, name)}
    previous = sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        sigmask(signal.SIG_SETMASK, previous)


def unblock_stop_signals() -> None:
    """In a forked worker: stop signals as usual (the mask held back while forking is inherited)."""

    sigmask = getattr(signal, "pthread_sigmask", None)
    if sigmask is not None:
        stops = {getattr(signal, name) for name in _STOP_SIGNALS if hasattr(signal, name)}
        sigmask(signal.SIG_UNBLOCK, stops)
