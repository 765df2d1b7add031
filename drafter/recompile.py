"""Faster start-up: compiled regular expressions are remembered, within a run and between runs.

The checks and the importer compile about two hundred patterns, many with the class of Chinese
characters ``[一-鿿]`` (20,992 code points); compiling them took a third of ``drafter check``'s
run. Two memos, both changing no compiled pattern:

* **character classes, within a run.** Python compiles a class range by range, code point by
  code point, so each occurrence of the Chinese class costs 0.3–1 ms. The compiled form of a
  class depends on nothing but the class: :func:`install` wraps the compiler's private
  ``_optimize_charset`` so the first occurrence is compiled as before and the others reuse it.
* **whole patterns, between runs** (as Python keeps ``__pycache__``). What ``re`` hands to its C
  engine for a pattern is a list of integers computed from the pattern text and flags alone, by
  the compiler of this very interpreter. :func:`install` wraps the private ``compile`` of
  ``re`` so that this list (with the group names) is kept in one file of drafter's cache folder
  and given straight to the engine the next time. The file is only ever valid for the
  interpreter that wrote it: its name carries the Python version and build, the engine's magic
  number and code size, and drafter's version; its content is checked by a CRC. A missing,
  damaged, foreign or unreadable file, or a folder another user can write to, means compiling
  as before; the engine validates every code list it is given. ``DRAFTER_CACHE_DIR`` moves the
  folder; set it empty to turn this off.

If the private functions are not there, or not with the expected signatures (another Python
version), nothing is changed. Importing this module installs both (the checks and the importer
import it before their rules).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import marshal
import os
import sys
import zlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
    """What the engine is given for one pattern: flags, code, groups - 1, group index, index
    group. The code is kept as the bytes of its unsigned ints (``_sre.CODESIZE`` each, part of
    the file's name): unmarshalling a hundred thousand ints as a list cost 2 ms a run, bytes
    cost nothing, and only the patterns a run compiles are turned into the list the engine
    takes."""

_MAX_ENTRIES = 4096
_SIGNATURE = ("charset", "iscased", "fixup", "fixes")
_COMPILE_SIGNATURE = ("p", "flags")
_FORMAT = 2  # 2: codes stored as bytes
_DEBUG = 128  # re.DEBUG: compiled with a printout, never cached


def _compiler_module() -> Any:
    try:
        from re import _compiler as compiler  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_compile as compiler
    return compiler


def install() -> bool:
    """Remember compiled character classes from now on; True when installed."""
    compiler = _compiler_module()
    _install_pattern_cache(compiler)
    original = getattr(compiler, "_optimize_charset", None)
    code = getattr(original, "__code__", None)
    if original is None or getattr(original, "__wrapped__", None) is not None:
        return original is not None
    if code is None or code.co_varnames[: len(_SIGNATURE)] != _SIGNATURE:
        return False
    memo: dict[Any, tuple[list[Any], bool]] = {}

    @functools.wraps(original)
    def remembered(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes) if fixes is not None else None)
            known = memo.get(key)
        except TypeError:  # an unhashable item: compile as usual
            return original(charset, iscased, fixup, fixes)
        if known is None:
            known = original(charset, iscased, fixup, fixes)
            if len(memo) < _MAX_ENTRIES:
                memo[key] = known
        result, hascased = known
        return list(result), hascased

    compiler._optimize_charset = remembered
    return True


# --------------------------------------------------------------------------- between runs


class PatternCache:
    """The compiled patterns of one interpreter, loaded from and saved to one file."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.entries: dict[tuple[str, int], Entry] = {}
        self.added = 0

    def load(self) -> None:
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as file:
                data = file.read()
            checksum, payload = int.from_bytes(data[:4], "little"), data[4:]
            if len(data) < 4 or zlib.crc32(payload) != checksum:
                return
            entries = marshal.loads(payload)
        except Exception:  # missing, unreadable or damaged: compile as before
            return
        if isinstance(entries, dict):
            self.entries = entries

    def save(self) -> None:
        """Write the entries when this run added some; never fails the run."""
        if not self.added or self.path is None:
            return
        try:
            payload = marshal.dumps(self.entries)
            temp = f"{self.path}.{os.getpid()}.tmp"
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o600)
            try:
                with os.fdopen(fd, "wb") as file:
                    file.write(zlib.crc32(payload).to_bytes(4, "little") + payload)
                os.replace(temp, self.path)
            except BaseException:
                _remove(temp)
                raise
            self.added = 0
        except Exception:  # a full disk, a read-only folder: the next run compiles again
            return


_O_BINARY = getattr(os, "O_BINARY", 0)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


def _cache_path() -> str | None:
    """The cache file of this interpreter and drafter version, or None when there is none."""
    from pathlib import Path

    from drafter import __version__
    from drafter.template_cache import cache_root

    root = cache_root()
    if root is None:
        return None
    import _sre

    from drafter.fsutil import private_folder

    # Compiled patterns are loaded from here: a folder another user can write is not used.
    folder = root / "regex"
    if not (private_folder(root) and private_folder(folder)):
        return None
    identity = "|".join(
        map(
            str,
            (
                _FORMAT,
                __version__,
                sys.version,
                sys.implementation.cache_tag,
                _sre.MAGIC,
                _sre.CODESIZE,
                sys.maxunicode,
            ),
        )
    )
    name = f"patterns-{zlib.crc32(identity.encode()):08x}.marshal"
    return str(Path(folder) / name)


_IMPORTING = ("importlib._bootstrap", "importlib._bootstrap_external")


def _drafters_own(pattern: str) -> bool:
    """Whether a pattern is a program's own, the same every run: written as a literal in
    drafter's code, or made while a module is imported (drafter's from its tables, lxml's). A
    pattern made from a document's text (a township's name) is compiled as usual and not
    kept: the file holds only what the next run asks for again, and nothing of the user's."""
    frame: Any = sys._getframe(2)
    literal_checked = False
    while frame is not None:
        name = frame.f_globals.get("__name__") or ""
        if (frame.f_code.co_name == "<module>" and name != "__main__") or name in _IMPORTING:
            return True  # a module's top level (a compiled one's too: the import machinery)
        if name == "drafter" or name.startswith("drafter."):
            code = frame.f_code
            if not literal_checked:
                literal_checked = True
                if pattern in code.co_consts:
                    return True
        frame = frame.f_back
    return False


def _install_pattern_cache(compiler: Any) -> bool:
    original = getattr(compiler, "compile", None)
    if original is None or getattr(original, "__wrapped__", None) is not None:
        return original is not None
    code = getattr(original, "__code__", None)
    parser = getattr(compiler, "_parser", None) or getattr(compiler, "sre_parse", None)
    make_code = getattr(compiler, "_code", None)
    engine = getattr(compiler, "_sre", None)
    if (
        code is None
        or code.co_varnames[: len(_COMPILE_SIGNATURE)] != _COMPILE_SIGNATURE
        or parser is None
        or make_code is None
        or engine is None
        or memoryview(bytes(8)).cast("I").itemsize != getattr(engine, "CODESIZE", 0)
    ):
        return False
    try:
        path = _cache_path()
    except Exception:  # no home folder, an odd platform: no cache between runs
        path = None
    if path is None:
        return False
    cache = PatternCache(path)
    cache.load()
    entries = cache.entries

    @functools.wraps(original)
    def compile(p: Any, flags: int = 0) -> Any:
        if type(p) not in (str, bytes) or type(flags) is not int or flags & _DEBUG:
            return original(p, flags)
        key = (p, flags)
        known = entries.get(key)
        if known is not None:
            try:
                stored_flags, stored, *rest = known
                return engine.compile(p, stored_flags, memoryview(stored).cast("I").tolist(), *rest)
            except Exception:  # a damaged entry the engine refuses: compile it again
                del entries[key]
        # The body of re's own compile, keeping what it hands to the engine.
        parsed = parser.parse(p, flags)
        state = parsed.state
        groupindex = state.groupdict
        indexgroup: list[Any] = [None] * state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        final_flags = flags | state.flags
        code = [int(op) for op in make_code(parsed, flags)]  # named opcodes are ints
        groups = state.groups - 1
        index, names = dict(groupindex), tuple(indexgroup)
        if len(entries) < _MAX_ENTRIES and _drafters_own(p):
            from array import array

            entries[key] = (final_flags, array("I", code).tobytes(), groups, index, names)
            cache.added += 1
        return engine.compile(p, final_flags, code, groups, index, names)

    compiler.compile = compile
    atexit.register(cache.save)
    return True


install()
