"""Where an internal error's details go: a per-user folder nobody else can write to.

A fixed name in the shared temp folder could be a symlink planted by another user (the log would
then be written wherever it points). The log folder is the user's own (``%LOCALAPPDATA%`` on
Windows, ``$XDG_STATE_HOME`` or ``~/.local/state`` elsewhere), created 0700; the temp folder is
only a fallback, in a subfolder that must be a real folder owned by this user and closed to
others. Each log is a new file created with ``O_EXCL`` (never through an existing name or link).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from drafter.io.inputs import private_folder

KEEP_LOGS = 20


def _candidates() -> list[Path]:
    folders: list[Path] = []
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "drafter" / "logs")
    else:
        state = os.environ.get("XDG_STATE_HOME")
        if state and Path(state).is_absolute():
            folders.append(Path(state) / "drafter")
    with contextlib.suppress(RuntimeError, KeyError, OSError):
        folders.append(Path.home() / ".local" / "state" / "drafter")
    uid = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    folders.append(Path(tempfile.gettempdir()) / f"drafter-{uid}")
    return folders


def log_folder() -> Path | None:

    for folder in _candidates():
        # Closed if it was left open (by an old version or by hand): logs are only ever new
        # files created with O_EXCL, never read back.
        if private_folder(folder, close=True):
            return folder
    return None


def write_error_log(text: str) -> Path | None:
    """Write ``text`` to a new log file; its path, or None when no safe place exists."""
    folder = log_folder()
    if folder is None:
        return None
    try:
        fd, name = tempfile.mkstemp(prefix="drafter-error-", suffix=".log", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except (OSError, ValueError):
        return None
    _prune(folder)
    return Path(name)


def _prune(folder: Path) -> None:
    """Keep the newest logs only: a loop of failing runs must not fill the disk."""
    with contextlib.suppress(OSError):
        logs = sorted(
            (p for p in folder.glob("drafter-error-*.log") if p.is_file()),
            key=lambda p: p.stat().st_mtime,
        )
        for old in logs[:-KEEP_LOGS]:
            with contextlib.suppress(OSError):
                old.unlink()
