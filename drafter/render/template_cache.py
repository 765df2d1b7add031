"""Compiled templates kept between runs, as Python keeps ``__pycache__``.

Compiling the report templates (Jinja source → Python code → bytecode) would otherwise be done
again by every build, and loading compiled code back is much cheaper. The cache is Jinja's own
bytecode cache in the user's cache folder, with two additions:

* an entry is valid only for the same template source *and* the same compiling code: the
  checksum also covers the Jinja version, drafter's version and the modules that set up the
  environment (sandbox, extensions), so changing any of them never runs stale code;
* the cache can never break a build: a folder that cannot be made or written, a file that
  cannot be read, a folder someone else owns — each just means compiling as before.

``DRAFTER_CACHE_DIR`` names another folder; set it empty to turn the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import FileSystemBytecodeCache

from drafter import __version__
from drafter.io.inputs import private_folder

ENV_VAR = "DRAFTER_CACHE_DIR"

# The modules whose code shapes what a template compiles to (environment options, sandbox,
# token filters, compile-time checks); their text is part of every entry's checksum.
_SHAPING_MODULES = ("render/engine.py", "sandbox/*.py", "blocks.py", "render/template_cache.py")


def cache_root() -> Path | None:
    """drafter's cache folder for this user, or None when turned off."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no home folder (a service account): no cache
        return None
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "drafter" / "Cache" if base else home / "AppData" / "Local" / "drafter"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "drafter"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else home / ".cache") / "drafter"


@functools.cache
def _fingerprint() -> str:

    digest = hashlib.sha1(f"{jinja2.__version__}|{__version__}|".encode())
    here = Path(__file__).resolve().parent.parent  # drafter/
    for pattern in _SHAPING_MODULES:
        for path in sorted(here.glob(pattern)) or [here / pattern]:
            try:
                digest.update(pattern.encode() + b"\0" + path.read_bytes())
            except OSError:
                digest.update(pattern.encode() + b"\0-")
    return digest.hexdigest()


@functools.cache
def _cache_class() -> Any:

    class TemplateCache(FileSystemBytecodeCache):
        """Jinja's file cache, keyed also by the compiling code, never failing a build."""

        def get_source_checksum(self, source: str) -> str:

            return hashlib.sha1(f"{_fingerprint()}\0{source}".encode()).hexdigest()

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged or unreadable entry: compile instead
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            # A full disk or a read-only folder: the next run compiles again.
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    return TemplateCache


def bytecode_cache() -> Any:
    """A bytecode cache for a Jinja environment, or None when no safe folder is available."""
    root = cache_root()
    if root is None:
        return None
    folder = root / "templates"

    # Code is loaded from here: a folder another user can write would let them run theirs.
    if not (private_folder(root) and private_folder(folder)):
        return None
    return _cache_class()(str(folder), "%s.jinja")
