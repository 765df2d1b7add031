"""What one render may build and take: sizes, numbers, time.

Every hook of the sandbox (call, attribute, item, operator, filter) checks the clock and what it
is about to build: a string method or filter is refused before it builds more than
:data:`MAX_OUTPUT_CHARS`, a width or count above :data:`MAX_INT_ARGUMENT`, and a render is stopped
after :data:`RENDER_SECONDS`, even in a loop that touches no hook (a watchdog thread).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import Environment
from jinja2.nodes import EvalContext
from jinja2.runtime import Context

from drafter.sandbox.provenance import text_from

MAX_OUTPUT_CHARS = 1_000_000
"""All the text one render may produce (a report is some 15 000 characters), and the largest
string or list one expression may build."""
MAX_INT_ARGUMENT = 100_000
"""Widths, counts and repeat factors given to string methods and filters."""
RENDER_SECONDS = 5.0
"""Time one render may take (a report renders in a few hundredths of a second)."""


class TemplateLimit(Exception):
    """A template went beyond what one render may build or take; the message is Chinese."""


class _RenderTimeout(TemplateLimit):
    def __init__(self) -> None:
        super().__init__(f"模板运行超过 {RENDER_SECONDS:.0f} 秒，已停止（循环次数太多）")


class _Budget(threading.local):
    deadline: float | None = None


_budget = _Budget()


def tick() -> None:
    deadline = _budget.deadline
    if deadline is not None and time.monotonic() > deadline:
        _budget.deadline = None
        raise _RenderTimeout


def too_long(what: str = "这一步生成的内容") -> TemplateLimit:
    return TemplateLimit(f"{what}太长（超过 {MAX_OUTPUT_CHARS} 字），已停止")


def sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_OUTPUT_CHARS:
        raise too_long()
    return value


def check_ints(values: Any) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT_ARGUMENT:
            raise TemplateLimit(f"模板里的数值 {value} 太大（最多 {MAX_INT_ARGUMENT}），已停止")


_WIDE_SPEC = re.compile(r"[%{:][^%{}\s]*?(\d{6,}|\*)")


def check_format(spec: str) -> None:
    if _WIDE_SPEC.search(spec):
        raise TemplateLimit("格式化的宽度太大，已停止")


def _estimate(method: str, subject: Any, args: tuple[Any, ...]) -> int:
    """An upper bound of what a string method or filter would build, before it builds it."""
    length = len(subject) if isinstance(subject, (str, list, tuple)) else 0
    ints = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
    strs = [a for a in args if isinstance(a, str)]
    if method in ("center", "ljust", "rjust", "zfill"):
        return max([length, *ints])
    if method == "expandtabs":
        return length * max([8, *ints])
    if method == "indent":
        lines = subject.count("\n") + 1 if isinstance(subject, str) else 1
        width = max([4, *ints, *(len(s) for s in strs)])
        return length + lines * width
    if method == "replace" and isinstance(subject, str) and len(strs) >= 2:
        old, new = strs[0], strs[1]
        count = subject.count(old) if old else len(subject) + 1
        return length + count * len(new)
    if method == "join":
        if isinstance(subject, str):  # "、".join(items)
            items, sep = (args[0] if args else ()), len(subject)
        else:  # items | join("、")
            items, sep = subject, max((len(s) for s in strs), default=0)
        if not isinstance(items, (list, tuple)):
            return 0
        return sum(len(i) for i in items if isinstance(i, str)) + sep * len(items)
    if method == "wordwrap":
        return length * 2
    return 0


def limit_call(method: str, subject: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    check_ints([*args, *kwargs.values()])
    if method in ("format", "format_map") and isinstance(subject, str):
        check_format(subject)
    if _estimate(method, subject, args) > MAX_OUTPUT_CHARS:
        raise too_long()


class LimitedFilters(dict[str, Any]):
    """The filter table, handing out size-checked filters (compiled templates look them up by
    subscription, so filters registered later are covered too)."""

    def __getitem__(self, name: str) -> Any:
        return _limited_filter(name, dict.__getitem__(self, name))

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self:
            return default
        return self[name]


@functools.lru_cache(maxsize=256)
def _limited_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    internal = _jinja_internals()

    @functools.wraps(func)
    def limited(*args: Any, **kwargs: Any) -> Any:
        tick()
        values = [a for a in args if not isinstance(a, internal)]
        subject, rest = (values[0], tuple(values[1:])) if values else (None, ())
        limit_call(name, subject, rest, kwargs)
        result = sized(func(*args, **kwargs))
        # A filter that returns text from a made-up number (|string, |join, |format…) is how
        # one would print it; a width or count given to a filter is not written into the text.
        if name == "format":
            text_from(result, subject, *rest, *kwargs.values())
        else:
            text_from(result, subject)
        return result

    return limited


@functools.cache
def _jinja_internals() -> tuple[type, ...]:

    return (Context, EvalContext, Environment)


# --------------------------------------------------------------------------- time


class _Watchers:
    """One thread per process that stops renders overrunning their time.

    A thread per render (a ``threading.Timer``) cost up to a millisecond to start, a fifth of a
    render. This thread starts on first use and sleeps until the earliest deadline. It is
    stopped before the process forks (a batch build's workers), so no thread is alive in a
    fork, and starts again when next needed.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.active: dict[int, Watchdog] = {}
        self.thread: threading.Thread | None = None
        self.stopping = False

    def watch(self, watchdog: Watchdog) -> None:
        with self.cond:
            self.active[id(watchdog)] = watchdog
            if self.thread is None:
                self.stopping = False
                self.thread = threading.Thread(
                    target=self._run, name="drafter-render-watchdog", daemon=True
                )
                self.thread.start()
            self.cond.notify()

    def unwatch(self, watchdog: Watchdog) -> None:
        with self.cond:
            self.active.pop(id(watchdog), None)

    def _run(self) -> None:
        with self.cond:
            while not self.stopping:
                now = time.monotonic()
                for key, watchdog in list(self.active.items()):
                    if watchdog.deadline <= now:
                        del self.active[key]
                        watchdog.fire()
                soonest = min((w.deadline for w in self.active.values()), default=None)
                self.cond.wait(None if soonest is None else max(0.0, soonest - now))

    def stop(self) -> None:
        """Before a fork: end the thread (renders still running are watched again after)."""
        with self.cond:
            thread, self.thread = self.thread, None
            if thread is None:
                return
            self.stopping = True
            self.cond.notify()
        thread.join()

    def resume(self) -> None:
        """After a fork, in the parent: watch again what was being watched."""
        with self.cond:
            pending = list(self.active.values())
        for watchdog in pending:
            self.watch(watchdog)

    def reset(self) -> None:
        """After a fork, in the child: the parent's renders are not the child's."""
        self.cond = threading.Condition()
        self.active = {}
        self.thread = None
        self.stopping = False


_watchers = _Watchers()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(
        before=_watchers.stop, after_in_parent=_watchers.resume, after_in_child=_watchers.reset
    )


class Watchdog:
    """Stops a render that overruns its time even inside a loop that calls nothing.

    The sandbox's hooks check the clock on every call, attribute and operator; a loop over a
    long string with an empty body touches none of them. CPython can raise an exception in a
    running thread (``PyThreadState_SetAsyncExc``); elsewhere the hooks' checks remain.
    """

    def __init__(self) -> None:
        self.deadline = 0.0
        self.thread_id = threading.get_ident()
        self.lock = threading.Lock()
        self.done = False
        self.fired = False

    def _set_async(self, exc: Any) -> None:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
            set_async(ctypes.c_ulong(self.thread_id), ctypes.py_object(exc) if exc else None)

    def fire(self) -> None:
        with self.lock:
            if not self.done:
                self.fired = True
                self._set_async(_RenderTimeout)

    def __enter__(self) -> Watchdog:
        self.deadline = _budget.deadline = time.monotonic() + RENDER_SECONDS
        _watchers.watch(self)
        return self

    def __exit__(self, *exc: object) -> None:
        _watchers.unwatch(self)
        with self.lock:
            self.done = True
            if self.fired:
                self._set_async(None)  # an exception not delivered yet must never be
        _budget.deadline = None
