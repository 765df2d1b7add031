"""Writing files: atomic replace, a ``.bak`` of the previous version, never a silent overwrite,
never onto an input, never onto anything but a regular file, and a new output name is claimed
atomically together with its content (a hard link, or ``O_CREAT | O_EXCL``) so two processes can
never be handed the same name. Also safe file names made from a unit's name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from drafter.errors import DrafterError
from drafter.io.inputs import bad_name_error, os_reason, refuse_inputs, special_kind, stat_of

# --------------------------------------------------------------------------- writing


def _regular_or_absent(path: Path) -> bool:
    """True when ``path`` may be replaced: it does not exist or is a regular file (or a link
    to one). A folder, a device or a FIFO is never replaced and never copied to a .bak."""
    info = stat_of(path)
    if info is None:
        return False
    if stat.S_ISREG(info.st_mode):
        return True
    if stat.S_ISDIR(info.st_mode):
        raise DrafterError("输出路径是一个已有的文件夹", path=path, hint="请用 -o 指定一个文件名。")
    raise DrafterError(
        f"输出路径是{special_kind(info.st_mode)}，不是普通文件，不能写入或覆盖",
        path=path,
        hint="请用 -o 指定一个普通文件名。",
    )


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = False) -> Path:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    The temp file lives in the same folder (``os.replace`` is atomic only within one file
    system) and is fsynced before the replace. With ``backup`` the previous version is kept
    as ``<name>.bak`` (a regular, non-empty previous version only). The temp file is removed
    whatever goes wrong, Ctrl-C included.
    """
    path = Path(path)
    exists = _regular_or_absent(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from None
    except ValueError:
        # A name the file system cannot encode (a lone surrogate, an embedded NUL).
        raise bad_name_error(path) from None
    tmp = _temp_copy(path, data)
    try:
        if backup and exists and os.stat(path).st_size > 0:
            _backup(path)
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise write_error(path, exc) from None
    except BaseException:
        _remove(tmp)
        raise
    return path


def _remove(path: Path | str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _backup(path: Path) -> None:
    """Copy ``path`` to ``<name>.bak`` atomically: a failed copy never spoils the old .bak."""

    bak = path.with_name(path.name + ".bak")
    _regular_or_absent(bak)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak.tmp", dir=path.parent)
    os.close(fd)
    try:
        shutil.copy2(path, tmp_name)
        os.replace(tmp_name, bak)
    except BaseException:
        _remove(tmp_name)
        raise


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def write_error(path: Path, exc: OSError) -> DrafterError:
    if isinstance(exc, PermissionError):
        return DrafterError(
            "没有权限写入这个文件，或者文件正被 Word/WPS 打开",
            path=path,
            hint="关闭正在打开这个文件的程序，或用 -o 指定另一个文件名、另一个文件夹后再试。",
        )
    if getattr(exc, "errno", None) == errno.ENOSPC:
        return DrafterError("磁盘空间不足，文件没有写入", path=path, hint="清理磁盘空间后再试。")
    if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
        return bad_name_error(path)
    return DrafterError(
        f"文件无法写入（{os_reason(exc)}）",
        path=path,
        hint="检查文件夹是否存在、是否可写，或换一个位置保存。",
    )


def _exists(path: Path) -> bool:
    return stat_of(path, follow=False) is not None


def free_name(path: Path) -> Path:
    """``path`` if it does not exist, else the first free ``name(2).ext``, ``name(3).ext`` …

    Only a suggestion: another process may take the name before it is written. To write a
    new file, use :func:`claim_output`, which claims the name atomically.
    """
    path = Path(path)
    for candidate in _candidates(path):
        if not _exists(candidate):
            return candidate
    raise DrafterError("同名文件太多，无法选择新文件名", path=path, hint="请清理输出文件夹。")


def _candidates(path: Path) -> Iterator[Path]:
    yield path
    stem, suffix = path.stem, path.suffix
    for n in range(2, 1000):
        yield path.with_name(f"{stem}({n}){suffix}")


# --------------------------------------------------------------------------- claiming outputs


def lock_file(path: Path) -> Path | None:
    """The lock file Word, WPS or LibreOffice keeps beside a document while it is open.

    Word names it ``~$`` + the name (the first two characters dropped for longer names);
    LibreOffice ``.~lock.<name>#``.
    """
    name = path.name
    candidates = [f"~${name}", f"~${name[2:]}", f"~${name[1:]}", f".~lock.{name}#"]
    for candidate in candidates:
        lock = path.with_name(candidate)
        with contextlib.suppress(OSError, ValueError):
            if os.path.lexists(lock):
                return lock
    return None


def refuse_open_document(path: Path) -> None:
    lock = lock_file(path)
    if lock is not None:
        raise DrafterError(
            f"这个文件正在 Word/WPS 中打开（旁边有锁定文件 {lock.name}），不能覆盖",
            path=path,
            hint="先在 Word/WPS 里关闭这个文件再试；或者不加 --force，另存一个新文件名。",
        )


def _prepare_folder(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DrafterError(
            "输出文件夹的位置上已有一个同名文件", path=folder, hint="请用 -o 指定另一个位置。"
        ) from None
    except ValueError:
        raise bad_name_error(path) from None
    except OSError as exc:
        raise DrafterError(
            f"无法创建输出文件夹（{os_reason(exc)}）",
            path=folder,
            hint="用 -o 指定一个可以写入的位置。",
        ) from None


def _temp_copy(path: Path, data: bytes) -> Path:
    """``data`` in a fsynced temp file beside ``path``, with the mode of the file it replaces
    or, for a new file, what the umask gives (mkstemp would make it private: 0600)."""

    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    except ValueError:
        raise bad_name_error(path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, _mode_for(path))
    except OSError as exc:
        _remove(tmp_name)
        raise write_error(path, exc) from None
    except BaseException:
        _remove(tmp_name)
        raise
    return Path(tmp_name)


def _place_new(tmp: Path, target: Path) -> bool:
    """Give the finished temp file the name ``target`` only if nothing has that name.

    ``os.link`` fails when the name exists, so the name is claimed and filled in one step: no
    other process can take it in between, and no empty file is ever left under it. Where hard
    links are not supported (FAT drives, some network shares) the name is claimed with
    ``O_CREAT | O_EXCL`` and the content moved over it at once.
    """
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except ValueError:
        raise bad_name_error(target) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise bad_name_error(target) from None
        if isinstance(exc, PermissionError) and _exists(target):
            return False
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        os.close(os.open(target, flags, 0o666))
    except FileExistsError:
        return False
    except OSError as exc:
        raise write_error(target, exc) from None
    try:
        os.replace(tmp, target)
    except OSError as exc:
        _remove(target)
        raise write_error(target, exc) from None
    return True


def refuse_special_output(path: Path) -> None:
    """An output path naming an existing device, FIFO or socket is refused as it is, never
    given an extension and written beside it (``-o /dev/null`` is not ``/dev/null.docx``)."""
    info = stat_of(Path(path))
    if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise DrafterError(
            f"输出路径是{special_kind(info.st_mode)}，不是普通文件，不能写入",
            path=path,
            hint="请用 -o 指定一个普通文件名或文件夹。",
        )


def check_replace(
    path: Path, *, inputs: Sequence[Path | None] = (), companions: Sequence[str] = ()
) -> None:
    """May ``--force`` write ``path`` (and its companions, and its .bak)? Only over regular
    files, not open in Word/WPS, and never over one of the ``inputs``."""
    targets = [path, *(path.with_suffix(s) for s in companions)]
    refuse_inputs([*targets, path.with_name(path.name + ".bak")], inputs)
    for target in targets:
        if _regular_or_absent(target):
            refuse_open_document(target)


def write_new(
    path: Path,
    data: bytes,
    *,
    rename: bool = True,
    companions: Sequence[str] = (),
) -> Path:
    """Write a new file under ``path`` or, when ``rename``, the first free ``path(2)``, … .

    The reusable step of every output that must not replace anything: the name is claimed
    atomically with its content (see :func:`_place_new`), so two processes writing at once never
    get the same name. A name counts as taken when a companion (the ``.pdf`` of a ``.docx``)
    exists under the same stem. Returns the path written; the temp file is always removed.
    """
    path = Path(path)
    _prepare_folder(path)
    tmp = _temp_copy(path, data)
    try:
        return place_new(tmp, path, rename=rename, companions=companions)
    finally:
        _remove(tmp)


def place_new(
    tmp: Path, path: Path, *, rename: bool = True, companions: Sequence[str] = ()
) -> Path:
    """Give a finished file ``tmp`` (in ``path``'s folder) the name ``path`` or, when ``rename``,
    the first free ``path(2)``, … , claimed atomically as in :func:`write_new` (a batch build's
    workers write their reports under temporary names and one process names them all). The
    caller removes ``tmp`` afterwards (it may be left as a second link to the file).
    """
    for candidate in _candidates(path) if rename else iter([path]):
        if any(_exists(candidate.with_suffix(s)) for s in companions):
            continue
        if _place_new(tmp, candidate):
            return candidate
        if not rename:
            _regular_or_absent(path)  # a folder or a device is named as such
            raise DrafterError(
                "文件已存在，为避免覆盖已有的内容，没有写入",
                path=path,
                hint="换一个文件名（-o 新文件名），或确认要覆盖时加 --force。",
            )
    raise DrafterError("同名文件太多，无法选择新文件名", path=path, hint="请清理输出文件夹。")


def write_output(
    path: Path,
    data: bytes,
    *,
    force: bool = False,
    inputs: Sequence[Path | None] = (),
    companions: Sequence[str] = (),
    rename: bool = True,
    backup: bool = False,
) -> Path:
    """Write an output file: a new name (:func:`write_new`), or with ``force`` over the file
    at ``path`` (:func:`check_replace`, then an atomic replace). Returns the path written."""
    path = Path(path)
    if force:
        check_replace(path, inputs=inputs, companions=companions)
        _prepare_folder(path)
        return atomic_write_bytes(path, data, backup=backup)
    return write_new(path, data, rename=rename, companions=companions)


def refuse_existing(path: Path) -> None:
    """Fail early (before slow work) when ``path`` is taken; the write itself re-checks."""
    if _exists(path):
        _regular_or_absent(path)
        raise DrafterError(
            "文件已存在，为避免覆盖已有的内容，没有写入",
            path=path,
            hint="换一个文件名（-o 新文件名），或确认要覆盖时加 --force。",
        )


# --------------------------------------------------------------------------- names

MAX_NAME_BYTES = 120
"""UTF-8 bytes of the user's part of a file name: with the rest of the name, a ``(n)`` suffix
and a temp-file prefix, the whole stays under the 255-byte limit of common file systems."""

_INVISIBLE = frozenset({"Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Unicode categories never kept in a file name made from user text (see :func:`safe_filename`)."""

_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM\d|LPT\d)$", re.IGNORECASE)


def safe_filename(name: str) -> str:
    """A file name part from user text: no path separators, no ``..``, no Windows-reserved chars.

    Invisible characters are dropped: lone surrogates (which no file system can encode), format
    characters (a right-to-left override makes ``报告\u202excod.exe`` show as ``报告exe.docx``,
    zero-width spaces make two names that look alike), line and paragraph separators and
    private-use or unassigned code points. The result is cut to :data:`MAX_NAME_BYTES` UTF-8 bytes.
    """

    cleaned = "".join(
        "_" if ch in '<>:"/\\|?*' or ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F else ch
        for ch in name
        if unicodedata.category(ch) not in _INVISIBLE
    )
    cleaned = cleaned.replace("..", "_").strip(" .")
    while len(cleaned.encode("utf-8")) > MAX_NAME_BYTES:
        cleaned = cleaned[:-1]
    cleaned = cleaned.rstrip(" .")
    if _WINDOWS_RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned or "报告"
