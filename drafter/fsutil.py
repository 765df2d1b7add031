"""Safe file writing: atomic replace, a .bak of the previous version, never a silent overwrite."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from drafter.errors import DrafterError


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = False) -> Path:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    The temp file lives in the same folder (``os.replace`` is atomic only within one file
    system) and is fsynced before the replace. With ``backup`` the previous version is kept
    as ``<name>.bak``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _write_error(path, exc) from None
    return path


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def _write_error(path: Path, exc: OSError) -> DrafterError:
    if isinstance(exc, PermissionError):
        return DrafterError(
            "没有权限写入这个文件，或者文件正被 Word/WPS 打开",
            path=path,
            hint="关闭正在打开这个文件的程序，或用 -o 指定另一个文件名、另一个文件夹后再试。",
        )
    if getattr(exc, "errno", None) == 28:  # ENOSPC
        return DrafterError("磁盘空间不足，文件没有写入", path=path, hint="清理磁盘空间后再试。")
    return DrafterError(
        f"文件无法写入（{exc.strerror or exc}）",
        path=path,
        hint="检查文件夹是否存在、是否可写，或换一个位置保存。",
    )


def free_name(path: Path) -> Path:
    """``path`` if it does not exist, else the first free ``name(2).ext``, ``name(3).ext`` …"""
    path = Path(path)
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    for n in range(2, 1000):
        candidate = path.with_name(f"{stem}({n}){suffix}")
        if not candidate.exists():
            return candidate
    raise DrafterError("同名文件太多，无法选择新文件名", path=path, hint="请清理输出文件夹。")


def safe_filename(name: str) -> str:
    """A file name part from user text: no path separators, no ``..``, no Windows-reserved chars."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)
    cleaned = cleaned.replace("..", "_").strip(" .")
    return cleaned[:80] or "报告"
