"""Where templates come from: the built-ins and a county's folder, each file by its real path.

A county's template folder is untrusted input. Every template file is found by its real path and
refused when that path leaves the template folder or the built-ins (a symlinked file or folder),
when it is not a regular file, when it is larger than :data:`MAX_TEMPLATE_BYTES` or not UTF-8
(GBK is recognised and named). The folder itself is checked before anything is read: only the
outlines and parts drafter knows (or templates they include), nothing else.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from drafter.errors import DrafterError
from drafter.io.inputs import check_input, os_reason, read_input

MAX_TEMPLATE_BYTES = 256 * 1024
"""A template file; the built-in outline and parts are a few KB each."""
MAX_FOLDER_ENTRIES = 500
"""Files and folders in a county template folder."""


def builtin_template_dir() -> Path:
    """Templates ship inside the package when installed, beside it in a source checkout."""
    package = Path(__file__).resolve().parent.parent  # drafter/
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "outlines").is_dir():
            return candidate
    raise DrafterError("找不到报告模板（templates 文件夹）", hint="请重新安装 drafter。")


def county_example_dir() -> Path:
    """The example county template folder: inside the package when installed (the wheel ships
    it there), in the repository's ``examples/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent  # drafter/
    installed = package / "examples" / "county-template"
    return installed if installed.is_dir() else package.parent / "examples" / "county-template"


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
    # Notepad saves no newline after the last line: an included part would then run into the
    # including template's next line ("::p 计划::h1 标题"), its markup becoming text.
    if text and not text.endswith(("\n", "\r")):
        text += "\n"
    return text


def _inside(path: str, roots: list[str]) -> bool:
    path = os.path.normcase(path)
    for root in map(os.path.normcase, roots):
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def loader_class() -> Any:

    class SafeLoader(BaseLoader):
        """Templates from the county folder first, then the built-ins, by real path only."""

        def __init__(self, roots: list[Path]) -> None:
            self.roots = [os.path.realpath(root) for root in roots]
            self.builtin = os.path.realpath(builtin_template_dir())

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
                if root != self.builtin and _hard_link(real):
                    raise DrafterError(
                        _HARD_LINK.format(f"模板 {template}") + "，已拒绝", path=candidate
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


def _hard_link(path: str) -> bool:
    try:
        status = os.stat(path)
    except OSError:
        return False  # reading it says what is wrong
    return stat.S_ISREG(status.st_mode) and status.st_nlink > 1


def _entry_problem(entry: Path, relative: str, roots: list[str]) -> str | None:
    """A link leading out of the template folder, or something that is not a file or folder."""
    real = os.path.realpath(entry)
    if not _inside(real, roots):
        return f"{relative} 是指向模板文件夹以外的链接（{real}），模板只能是文件夹里的真实文件"
    try:
        status = os.stat(entry)
    except OSError as exc:
        return f"{relative} 无法读取（{os_reason(exc)}）"
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        return f"{relative} 不是普通文件（是管道、设备或套接字）"
    if stat.S_ISREG(status.st_mode) and status.st_nlink > 1:
        return _HARD_LINK.format(relative)
    return None


_HARD_LINK = (
    "{} 是硬链接（同一个文件在文件夹外还有别的名字，可能是别处的任何文件），"
    "模板只能是文件夹里的普通文件：请复制一份放进来"
)
"""A hard link has no target to check: the file it names may be any file of the computer the
folder's author could read. Only the county's folder is checked; installers may link the
built-in templates."""


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
            f"和/或 parts/（各部分：{'、'.join(known['parts'])}）；示例见 {county_example_dir()}。",
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
