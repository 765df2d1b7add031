"""Where templates come from and what they may do: loading, the sandbox, limits, errors.

A county's template folder is untrusted input. Every template file is found by its real path and
refused when that path leaves the template folder or the built-ins (a symlinked file or folder),
when it is not a regular file, when it is larger than :data:`MAX_TEMPLATE_BYTES` or not UTF-8
(GBK is recognised and named). Its text may not state figures and may only use the markup tags
drafter knows; both are checked when the template is compiled, naming file and line.

Rendering runs in Jinja's sandbox with limits on what one expression may build (repetition,
padding, formatting, joining), on the whole output (:data:`MAX_OUTPUT_CHARS`) and on time
(:data:`RENDER_SECONDS`). Every error ends as a Chinese :class:`DrafterError` naming the template
file and line.

The channel from templates to blocks is typed here too: a tag is only what a template file
writes (see :func:`drafter.outline.mark_tags`), and every value a template obtains (context
variables, attributes, items, results of calls) passes :func:`drafter.outline.channel` so no
answer can carry a line break or a tag into the markup.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import inspect
import os
import re
import stat
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.fsutil import check_input, os_reason, read_input
from drafter.outline import TAG_MARK, TAGS, channel, mark_tags

MAX_TEMPLATE_BYTES = 256 * 1024
"""A template file; the built-in outline and parts are a few KB each."""
MAX_OUTPUT_CHARS = 1_000_000
"""All the text one render may produce (a report is some 15 000 characters), and the largest
string or list one expression may build."""
MAX_INT_ARGUMENT = 100_000
"""Widths, counts and repeat factors given to string methods and filters."""
RENDER_SECONDS = 5.0
"""Time one render may take (a report renders in a few hundredths of a second)."""
MAX_FOLDER_ENTRIES = 500
"""Files and folders in a county template folder."""


def builtin_template_dir() -> Path:
    """Templates ship inside the package when installed, beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "outlines").is_dir():
            return candidate
    raise DrafterError("找不到报告模板（templates 文件夹）", hint="请重新安装 drafter。")


# --------------------------------------------------------------------------- reading templates


def decode_template(raw: bytes, path: Path | str) -> str:
    """A template file's text: UTF-8 only; GBK (Notepad's "ANSI") and UTF-16 are named."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DrafterError(
            "模板文件是 UTF-16 编码（记事本的“Unicode”），drafter 只读 UTF-8",
            path=path,
            line=1,
            hint="用记事本打开，“另存为”时编码选 UTF-8 后再试。",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        try:
            raw.decode("gb18030")
            what = "模板文件是 GBK/GB18030 编码（记事本的“ANSI”），drafter 只读 UTF-8"
        except UnicodeDecodeError:
            what = "模板文件不是 UTF-8 文本（这一行有无法识别的字节）"
        raise DrafterError(
            what, path=path, line=line, hint="用记事本打开，“另存为”时编码选 UTF-8 后再试。"
        ) from None
    bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef]", text)
    if bad is not None:
        raise DrafterError(
            f"模板里有不可见的控制字符（U+{ord(bad.group()):04X}）",
            path=path,
            line=text.count("\n", 0, bad.start()) + 1,
            hint="删掉这个字符；模板应是普通的 UTF-8 文本。",
        )
    return text


def _inside(path: str, roots: list[str]) -> bool:
    path = os.path.normcase(path)
    for root in map(os.path.normcase, roots):
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _loader_class() -> Any:
    from jinja2 import BaseLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    class SafeLoader(BaseLoader):
        """Templates from the county folder first, then the built-ins, by real path only."""

        def __init__(self, roots: list[Path]) -> None:
            self.roots = [os.path.realpath(root) for root in roots]

        def get_source(
            self, environment: Any, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            pieces = split_template_path(template)
            for root in self.roots:
                candidate = os.path.join(root, *pieces)
                if not os.path.lexists(candidate):
                    continue
                real = os.path.realpath(candidate)
                if not _inside(real, self.roots):
                    raise DrafterError(
                        f"模板 {template} 是指向模板文件夹以外的链接（{real}），已拒绝",
                        path=candidate,
                        hint="模板只能是模板文件夹里的真实文件，不能是指向别处的快捷方式或符号链接。",
                    )
                raw = read_input(
                    Path(real),
                    limit=MAX_TEMPLATE_BYTES,
                    what="模板文件",
                    hint="模板一般只有几 KB；请确认放进模板文件夹的是模板。",
                )
                source = decode_template(raw, candidate)
                mtime = os.path.getmtime(real)

                def uptodate(real: str = real, mtime: float = mtime) -> bool:
                    try:
                        return os.path.getmtime(real) == mtime
                    except OSError:
                        return False

                return source, candidate, uptodate
            raise TemplateNotFound(template)

    return SafeLoader


# --------------------------------------------------------------------------- the county folder


def _similar(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"（是不是 {close[0]}？）" if close else ""


_IGNORED = ("thumbs.db", "desktop.ini")


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(
            p
            for p in folder.iterdir()
            if not p.name.startswith((".", "~$")) and p.name.lower() not in _IGNORED
        )
    except OSError as exc:
        raise DrafterError(f"无法读取模板文件夹（{os_reason(exc)}）", path=folder) from None


def _entry_problem(entry: Path, relative: str, roots: list[str]) -> str | None:
    """A link leading out of the template folder, or something that is not a file or folder."""
    real = os.path.realpath(entry)
    if not _inside(real, roots):
        return f"{relative} 是指向模板文件夹以外的链接（{real}），模板只能是文件夹里的真实文件"
    try:
        mode = os.stat(entry).st_mode
    except OSError as exc:
        return f"{relative} 无法读取（{os_reason(exc)}）"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return f"{relative} 不是普通文件（是管道、设备或套接字）"
    return None


def check_template_folder(folder: Path) -> None:
    """A county folder must hold templates drafter recognises, and only those.

    An empty folder, ``outline/`` for ``outlines/`` or a part drafter does not know would
    otherwise fall back to the built-ins without a word, and the county's layout be lost.
    Links out of the folder and FIFOs or devices are named here too, before anything is read.
    """
    check_input(folder, what="县级模板文件夹", folder=True)
    builtin = builtin_template_dir()
    roots = [os.path.realpath(folder), os.path.realpath(builtin)]
    known = {
        "outlines": sorted(p.name for p in (builtin / "outlines").glob("*.j2")),
        "parts": sorted(p.name for p in (builtin / "parts").glob("*.j2")),
        "": sorted(p.name for p in builtin.glob("*.j2")),
    }
    problems: list[str] = []
    templates: dict[str, Path] = {}  # relative name → file
    entries = _listing(Path(folder))
    for sub in ("outlines", "parts"):
        inner = Path(folder) / sub
        if inner in entries and inner.is_dir() and _inside(os.path.realpath(inner), roots):
            entries += _listing(inner)
    if len(entries) > MAX_FOLDER_ENTRIES:
        problems.append(f"文件夹里的文件超过 {MAX_FOLDER_ENTRIES} 个，不像是模板文件夹")
        entries = []
    for entry in entries:
        relative = entry.relative_to(folder).as_posix()
        problem = _entry_problem(entry, relative, roots)
        if problem is not None:
            problems.append(problem)
        elif entry.is_dir():
            if relative not in ("outlines", "parts"):
                problems.append(
                    f"{relative}/ 不是 drafter 认识的文件夹"
                    f"{_similar(relative, ['outlines', 'parts'])}：只认 outlines/ 和 parts/"
                )
        elif entry.suffix == ".j2":
            templates[relative] = entry
        elif "/" in relative:
            problems.append(f"{relative} 不是模板文件（模板文件以 .j2 结尾）")
    referenced = _referenced(templates.values())
    for relative in templates:
        folder_name, _, name = relative.rpartition("/")
        choices = known[folder_name]
        if name in choices:
            continue
        if folder_name == "outlines":
            problems.append(
                f"{relative} 不是 drafter 认识的报告结构{_similar(name, choices)}："
                f"可用 {'、'.join(choices)}"
            )
        elif relative not in referenced:
            problems.append(
                f"{relative} 不是 drafter 认识的模板{_similar(name, choices)}，"
                f"也没有被本文件夹的其他模板引用：内置的有 {'、'.join(choices)}"
            )
    if problems or not templates:
        headline = (
            "县级模板文件夹里有 drafter 不认识的内容：\n" + "\n".join(f"  - {p}" for p in problems)
            if problems
            else "县级模板文件夹里没有 drafter 认识的模板（文件夹是空的，或只有其他文件）"
        )
        raise DrafterError(
            headline,
            path=folder,
            hint=f"模板文件夹应包含 outlines/（报告结构：{'、'.join(known['outlines'])}）"
            f"和/或 parts/（各部分：{'、'.join(known['parts'])}）；示例见 examples/county-template。",
        )


_REFERENCE = re.compile(r"""["']([\w./-]+\.j2)["']""")


def _referenced(paths: Any) -> set[str]:
    """Template names a folder's templates mention (include/import), by a plain text search:
    the folder check must not depend on the templates compiling."""
    names: set[str] = set()
    for path in paths:
        with contextlib.suppress(DrafterError, OSError):
            text = read_input(path, limit=MAX_TEMPLATE_BYTES, what="模板文件")
            names.update(_REFERENCE.findall(text.decode("utf-8", errors="replace")))
    return names


# --------------------------------------------------------------------------- compile-time checks

_FIGURE = re.compile(r"\d")
_TAG_LINE = re.compile(rf"[ \t]*{TAG_MARK}([A-Za-z]+\d?)")


def _check_template(tree: Any, name: str | None, filename: str | None) -> None:
    """No figures in a template's text and only known markup tags, naming file and line."""
    from jinja2 import nodes

    where = filename or name

    def figure_error(line: int, shown: str) -> DrafterError:
        return DrafterError(
            f"模板里写了数字“{shown}”：报告中的每个数字都应来自答卷，模板里不能写数字",
            path=where,
            line=line,
            hint="把数字填进答卷，在模板里用 {{ fig('问题键') }} 引用；模板里只写文字。",
        )

    def visit(node: Any, parent: Any) -> None:
        if isinstance(node, nodes.TemplateData):
            for offset, text in enumerate(node.data.split("\n")):
                tag = _TAG_LINE.match(text)
                if tag is not None and tag.group(1) not in TAGS:
                    raise DrafterError(
                        f"模板格式错误：不认识的标记 ::{tag.group(1)}",
                        path=where,
                        line=node.lineno + offset,
                        hint=f"可用的标记：{'、'.join('::' + t for t in TAGS)}。",
                    )
                words = text[tag.end() :] if tag is not None else text
                found = _FIGURE.search(words)
                if found is not None:
                    raise figure_error(node.lineno + offset, _around(words, found.start()))
        elif isinstance(node, nodes.Const):
            value = node.value
            names = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
            found = _FIGURE.search(value) if isinstance(value, str) else None
            if found is not None and not isinstance(parent, names):
                shown = value if len(value) <= 20 else _around(value, found.start())
                raise figure_error(node.lineno, shown)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            shown_as_is = (nodes.Output, nodes.Concat, nodes.Assign, nodes.List, nodes.Tuple)
            if numeric and isinstance(parent, shown_as_is):
                raise figure_error(node.lineno, str(value))
        for child in node.iter_child_nodes():
            visit(child, node)

    visit(tree, None)


def _around(text: str, index: int) -> str:
    start, end = index, index
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    return text[start:end]


# --------------------------------------------------------------------------- limits


class TemplateLimit(Exception):
    """A template went beyond what one render may build or take; the message is Chinese."""


class _Budget(threading.local):
    deadline: float | None = None


_budget = _Budget()


def _tick() -> None:
    deadline = _budget.deadline
    if deadline is not None and time.monotonic() > deadline:
        _budget.deadline = None
        raise TemplateLimit(f"模板运行超过 {RENDER_SECONDS:.0f} 秒，已停止（循环次数太多）")


def _too_long(what: str = "这一步生成的内容") -> TemplateLimit:
    return TemplateLimit(f"{what}太长（超过 {MAX_OUTPUT_CHARS} 字），已停止")


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_OUTPUT_CHARS:
        raise _too_long()
    return value


def _check_ints(values: Any) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT_ARGUMENT:
            raise TemplateLimit(f"模板里的数值 {value} 太大（最多 {MAX_INT_ARGUMENT}），已停止")


_WIDE_SPEC = re.compile(r"[%{:][^%{}\s]*?(\d{6,}|\*)")


def _check_format(spec: str) -> None:
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


def _limit_call(
    method: str, subject: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> None:
    _check_ints([*args, *kwargs.values()])
    if method in ("format", "format_map") and isinstance(subject, str):
        _check_format(subject)
    if _estimate(method, subject, args) > MAX_OUTPUT_CHARS:
        raise _too_long()


class _LimitedFilters(dict[str, Any]):
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
        _tick()
        values = [a for a in args if not isinstance(a, internal)]
        subject, rest = (values[0], tuple(values[1:])) if values else (None, ())
        if name == "format" and isinstance(subject, str):
            _check_format(subject)
        _limit_call(name, subject, rest, kwargs)
        return _sized(func(*args, **kwargs))

    return limited


@functools.cache
def _jinja_internals() -> tuple[type, ...]:
    from jinja2 import Environment
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    return (Context, EvalContext, Environment)


@functools.cache
def _sandbox_class() -> Any:
    # Built on first use: jinja2 is imported lazily so ``drafter --help`` stays fast.
    from jinja2.ext import Extension
    from jinja2.lexer import Token
    from jinja2.runtime import BlockReference, Macro
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    class MarkTags(Extension):
        """Tags are what a template file writes: ``::`` in template text gets the tag mark."""

        def filter_stream(self, stream: Any) -> Iterator[Any]:
            for token in stream:
                if token.type == "data":
                    yield Token(token.lineno, "data", mark_tags(token.value))
                else:
                    yield token

    class Sandbox(SandboxedEnvironment):
        """The sandbox with limits, compile-time checks and the typed channel."""

        intercepted_binops = frozenset({"*", "**", "%", "+"})

        def __init__(self, **options: Any) -> None:
            super().__init__(extensions=[MarkTags], **options)
            self.filters = _LimitedFilters(self.filters)
            self.globals.pop("lipsum", None)  # random text of any size: no use in a report

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            _check_template(tree, name, filename)
            return tree

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _tick()
            numbers = all(isinstance(v, (int, float)) for v in (left, right))
            if operator == "**" and numbers and (abs(left) > 10**6 or abs(right) > 64):
                raise SecurityError("幂运算的数值太大")
            if operator == "*":
                sized = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
                counts = [v for v in (left, right) if isinstance(v, int)]
                if sized and counts and len(sized[0]) * counts[0] > MAX_OUTPUT_CHARS:
                    raise SecurityError("重复生成的内容太长")
                if numbers and abs(left) * abs(right) > 10**100:
                    raise SecurityError("乘法的数值太大")
            if operator == "%" and isinstance(left, str):
                _check_format(left)
                _check_ints(right if isinstance(right, (tuple, list)) else [right])
            return _sized(super().call_binop(context, operator, left, right))

        def getattr(self, obj: Any, attribute: str) -> Any:
            _tick()
            return channel(super().getattr(obj, attribute))

        def getitem(self, obj: Any, argument: Any) -> Any:
            _tick()
            return channel(super().getitem(obj, argument))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _tick()
            target = getattr(__obj, "__wrapped__", __obj)
            subject = getattr(target, "__self__", None)
            method = getattr(target, "__name__", "")
            _limit_call(method, subject, args, kwargs)
            for value in (*args, *kwargs.values()):
                _sized(value)  # a macro calling itself with its argument doubled
            result = SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
            _sized(result)
            if isinstance(subject, (list, dict)):
                _sized(subject)  # l.extend(l) in a loop
            if isinstance(__obj, (Macro, BlockReference)):
                return result  # template output: its lines and tags are the template's own
            return channel(result)

    return Sandbox


def new_environment(extra_dir: Path | None = None) -> Any:
    """The sandboxed environment: a county's folder (checked) in front of the built-ins."""
    from jinja2 import StrictUndefined

    roots = [builtin_template_dir()]
    if extra_dir is not None:
        check_template_folder(Path(extra_dir))
        roots.insert(0, Path(extra_dir))
    return _sandbox_class()(
        loader=_loader_class()(roots),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_finalize,
    )


def _finalize(value: Any) -> Any:
    if value is None:
        # A None reaching the output is a template bug that would print "None" in a report.
        raise TemplateLimit("模板输出了一个空值（None）：应先用 if 判断再输出")
    return value


# --------------------------------------------------------------------------- rendering


class _Watchers:
    """One thread per process that stops renders overrunning their time.

    A thread per render (a ``threading.Timer``) cost up to a millisecond to start, a fifth of a
    render. This thread starts on first use and sleeps until the earliest deadline. It is
    stopped before the process forks (a batch build's workers), so no thread is alive in a
    fork, and starts again when next needed.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.active: dict[int, _Watchdog] = {}
        self.thread: threading.Thread | None = None
        self.stopping = False

    def watch(self, watchdog: _Watchdog) -> None:
        with self.cond:
            self.active[id(watchdog)] = watchdog
            if self.thread is None:
                self.stopping = False
                self.thread = threading.Thread(
                    target=self._run, name="drafter-render-watchdog", daemon=True
                )
                self.thread.start()
            self.cond.notify()

    def unwatch(self, watchdog: _Watchdog) -> None:
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


class _Watchdog:
    """Stops a render that overruns its time even inside a loop that calls nothing.

    The sandbox's hooks check the clock on every call, attribute and operator; a loop over a
    long string with an empty body touches none of them. CPython can raise an exception in a
    running thread (``PyThreadState_SetAsyncExc``); elsewhere the hooks' checks remain.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
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

    def __enter__(self) -> _Watchdog:
        self.deadline = _budget.deadline = time.monotonic() + self.seconds
        _watchers.watch(self)
        return self

    def __exit__(self, *exc: object) -> None:
        _watchers.unwatch(self)
        with self.lock:
            self.done = True
            if self.fired:
                self._set_async(None)  # an exception not delivered yet must never be
        _budget.deadline = None


class _RenderTimeout(TemplateLimit):
    def __init__(self) -> None:
        super().__init__(f"模板运行超过 {RENDER_SECONDS:.0f} 秒，已停止（循环次数太多）")


def render_template(env: Any, name: str, context: Mapping[str, Any]) -> str:
    """Render one template within the limits; any failure is a DrafterError with file and line."""
    gen: Any = None
    try:
        template = env.get_template(name)
        values = {key: channel(value) for key, value in context.items()}
        parts: list[str] = []
        total = 0
        with _Watchdog(RENDER_SECONDS):
            gen = template.generate(values)
            for chunk in gen:
                total += len(chunk)
                if total > MAX_OUTPUT_CHARS:
                    raise _too_long("模板生成的报告")
                parts.append(chunk)
                _tick()
        return "".join(parts)
    except DrafterError:
        raise
    except BaseException as exc:  # KeyboardInterrupt and SystemExit are re-raised below
        error = template_error(exc, _position(gen))
        if error is None:
            raise
        raise error from None


def _position(gen: Any) -> tuple[str, int] | None:
    """The template file and line a suspended template generator is at (for a limit hit while
    collecting its output): followed into includes, which iterate a generator named ``gen``."""
    frame = None
    for _ in range(200):
        current = getattr(gen, "gi_frame", None)
        if current is None:
            break
        frame = current
        inner = getattr(gen, "gi_yieldfrom", None) or current.f_locals.get("gen")
        if inner is gen or not inspect.isgenerator(inner):
            break
        gen = inner
    if frame is None:
        return None
    template = frame.f_globals.get("__jinja_template__")
    if template is None:
        return None
    line = template.get_corresponding_lineno(frame.f_lineno)
    return str(template.filename or template.name), line


# --------------------------------------------------------------------------- errors in Chinese

_SYNTAX = [
    (
        r"unexpected end of template",
        "模板意外结束：有 {% if %}、{% for %} 或 {% macro %} 没有对应的结束标签",
    ),
    (r"Encountered unknown tag '([^']*)'", "不认识的模板标签 {%% %s %%}"),
    (r"unexpected char '?(.+?)'? at", "模板里有不应出现的字符 %s"),
    (r"expected token '([^']*)', got '([^']*)'", "这里应是“%s”，却是“%s”"),
    (
        r"Expected an expression, got '([^']*)'",
        "这里缺少表达式（在“%s”之前），如 {%% if 条件 %%} 的条件",
    ),
    (r"unexpected '([^']*)'", "这里不应出现“%s”"),
    (r"No filter named '([^']*)'", "没有名为 %s 的过滤器"),
    (r"No test named '([^']*)'", "没有名为 %s 的判断"),
    (r"Missing end of comment tag", "注释 {# 没有对应的 #}"),
    (r"Missing end of raw directive", "{% raw %} 没有对应的 {% endraw %}"),
    (r"tag name expected", "{% 后面缺少标签名"),
    (r"expected name or number", "这里缺少变量名或数字"),
    (r"can't assign to", "这里不能赋值"),
    (r"Block '([^']*)' defined twice", "块 %s 定义了两次"),
]


_TOKENS = {
    "end of statement block": "%}",
    "end of print statement": "}}",
    "end of template": "模板结尾",
    "name": "名称",
    "integer": "数字",
    "string": "文字",
}


def _syntax_message(message: str) -> str:
    for pattern, chinese in _SYNTAX:
        found = re.search(pattern, message)
        if found is not None:
            groups = tuple(_TOKENS.get(g, g) for g in found.groups())
            return chinese % groups if groups else chinese
    return "写法不对（检查 {{ }}、{% %} 是否成对，标签和变量名是否拼写正确）"


def _undefined_message(message: str) -> str:
    found = re.search(r"'([^']*)' has no attribute '([^']*)'", message)
    if found is not None:
        return f"模板使用了不存在的项目：{found.group(2)}"
    found = re.search(r"'([^']*)' is undefined", message)
    if found is not None:
        return f"模板使用了不存在的变量：{found.group(1)}"
    found = re.search(r"has no element (.+)$", message)
    if found is not None:
        return f"模板使用了不存在的项目：{found.group(1)}"
    return "模板使用了不存在的变量或项目"


def _security_message(message: str) -> str:
    found = re.search(r"attribute '([^']*)'", message)
    if found is not None:
        return f"模板试图访问不允许的属性 {found.group(1)}，已拒绝"
    if re.search(r"[\u4e00-\u9fff]", message):
        return f"{message}，已拒绝"
    return "模板试图调用不允许的内容，已拒绝"


_RUNTIME = {
    KeyError: "模板引用了不存在的键",
    IndexError: "模板取了列表中不存在的一项",
    ZeroDivisionError: "模板里除以了零",
    TypeError: "模板里的表达式类型不对（如文字和数字相加、调用了不能调用的东西、参数个数不对）",
    ValueError: "模板里的表达式无法计算（如格式写法不对、数值无效）",
    AttributeError: "模板使用了不存在的属性",
    UnicodeError: "模板里的文字编码有误",
    OverflowError: "循环次数或数值太大",
    ArithmeticError: "模板里的计算出错",
}


def template_error(
    exc: BaseException, position: tuple[str, int] | None = None
) -> DrafterError | None:
    """The Chinese DrafterError for an exception raised while loading or running a template;
    None when it is not the template's doing (a bug of drafter, Ctrl-C)."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    frames = _template_frames(exc)
    if isinstance(exc, TemplateNotFound):
        if frames:
            return _at(
                frames,
                position,
                f"找不到模板 {exc.name}（模板只能引用模板文件夹里的文件），已拒绝",
                "模板只能引用模板文件夹里的文件，写相对路径，如 parts/plans.j2（不能用 / 开头或 ..）。",
            )
        return DrafterError(
            f"找不到模板 {exc.name}", hint="检查模板文件夹里是否有 outlines/<结构名>.j2。"
        )
    if isinstance(exc, TemplateSyntaxError):
        return DrafterError(
            f"模板语法错误：{_syntax_message(exc.message or '')}",
            path=exc.filename or exc.name,
            line=exc.lineno,
            hint="对照 README“县级模板”一节或内置模板检查这一行。",
        )
    if isinstance(exc, TemplateLimit):
        return _at(frames, position, str(exc), "检查这一行的循环、宏调用、乘法和字符串操作。")
    if isinstance(exc, SecurityError):
        return _at(
            frames,
            position,
            _security_message(str(exc)),
            "模板只能使用答卷里的数据和 drafter 提供的函数。",
        )
    if isinstance(exc, UndefinedError):
        return _at(
            frames,
            position,
            _undefined_message(exc.message or ""),
            "检查变量名拼写；可用的变量见 README 的“县级模板”一节。",
        )
    if isinstance(exc, RecursionError):
        return _at(frames, position, "模板里的宏或模板无限地调用自身，已停止", None)
    if isinstance(exc, MemoryError):
        return _at(frames, position, "模板生成的内容太大，已停止", None)
    if not isinstance(exc, Exception) or not frames:
        return None
    for kind, message in _RUNTIME.items():
        if isinstance(exc, kind):
            if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str):
                key = exc.args[0]
                # drafter's own helpers explain themselves in Chinese (fig("错的键")).
                if re.search(r"[\u4e00-\u9fff]", key):
                    message = key
                elif key:
                    message = f"{message}：{key}"
            return _at(frames, position, message, "检查这一行的写法。")
    from jinja2 import TemplateError

    if isinstance(exc, TemplateError):
        return _at(frames, position, "模板出错", "检查这一行的写法。")
    return None


def _at(
    frames: list[tuple[str, int]],
    position: tuple[str, int] | None,
    message: str,
    hint: str | None,
) -> DrafterError:
    path, line = frames[-1] if frames else position if position else (None, None)
    return DrafterError(message, path=path, line=line, hint=hint)


def _template_frames(exc: BaseException) -> list[tuple[str, int]]:
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            frames.append((filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames
