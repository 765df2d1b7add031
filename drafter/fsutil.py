"""Safe file writing: atomic replace, a .bak of the previous version, never a silent overwrite."""

from __future__ import annotations

import contextlib
import errno
import os
import re
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
    except ValueError:
        # A name the file system cannot encode (a lone surrogate, an embedded NUL).
        raise _bad_name_error(path) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); the user's document should keep the usual
        # permissions: those of the file it replaces, or what the umask gives a new file.
        os.chmod(tmp, _mode_for(path))
        if backup and path.exists():
            _backup(path, folder)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _write_error(path, exc) from None
    return path


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _backup(path: Path, folder: Path) -> None:
    """Copy ``path`` to ``<name>.bak`` atomically: a failed copy never spoils the old .bak."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak.tmp", dir=folder)
    os.close(fd)
    try:
        shutil.copy2(path, tmp_name)
        os.replace(tmp_name, path.with_name(path.name + ".bak"))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def _write_error(path: Path, exc: OSError) -> DrafterError:
    if isinstance(exc, PermissionError):
        return DrafterError(
            "没有权限写入这个文件，或者文件正被 Word/WPS 打开",
            path=path,
            hint="关闭正在打开这个文件的程序，或用 -o 指定另一个文件名、另一个文件夹后再试。",
        )
    if getattr(exc, "errno", None) == errno.ENOSPC:
        return DrafterError("磁盘空间不足，文件没有写入", path=path, hint="清理磁盘空间后再试。")
    if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
        return _bad_name_error(path)
    return DrafterError(
        f"文件无法写入（{exc.strerror or exc}）",
        path=path,
        hint="检查文件夹是否存在、是否可写，或换一个位置保存。",
    )


def _bad_name_error(path: Path) -> DrafterError:
    return DrafterError(
        "文件名里有无法使用的字符，或者文件名太长",
        path=path,
        hint="用 -o 指定一个简短的文件名（只用汉字、字母和数字）。",
    )


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError as exc:
        raise _write_error(path, exc) from None
    except ValueError:
        raise _bad_name_error(path) from None


def free_name(path: Path) -> Path:
    """``path`` if it does not exist, else the first free ``name(2).ext``, ``name(3).ext`` …"""
    path = Path(path)
    if not _exists(path):
        return path
    stem, suffix = path.stem, path.suffix
    for n in range(2, 1000):
        candidate = path.with_name(f"{stem}({n}){suffix}")
        if not _exists(candidate):
            return candidate
    raise DrafterError("同名文件太多，无法选择新文件名", path=path, hint="请清理输出文件夹。")


MAX_NAME_BYTES = 120
"""UTF-8 bytes of the user's part of a file name: with the rest of the name, a ``(n)`` suffix
and a temp-file prefix, the whole stays under the 255-byte limit of common file systems."""

_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM\d|LPT\d)$", re.IGNORECASE)


def safe_filename(name: str) -> str:
    """A file name part from user text: no path separators, no ``..``, no Windows-reserved chars.

    Lone surrogates (which no file system can encode) are dropped and the result is cut to
    :data:`MAX_NAME_BYTES` UTF-8 bytes.
    """
    cleaned = "".join(
        "_" if ch in '<>:"/\\|?*' or ord(ch) < 32 or ord(ch) == 0x7F else ch
        for ch in name
        if not 0xD800 <= ord(ch) <= 0xDFFF
    )
    cleaned = cleaned.replace("..", "_").strip(" .")
    while len(cleaned.encode("utf-8")) > MAX_NAME_BYTES:
        cleaned = cleaned[:-1]
    cleaned = cleaned.rstrip(" .")
    if _WINDOWS_RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned or "报告"
