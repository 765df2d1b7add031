"""Reading what a user gives: an input must be a regular file (a FIFO, a device or a folder is
refused before it is opened, so nothing can block or stream forever) and is read up to a limit,
checked while reading. Also what two paths being the same file means, and OS errors in Chinese.

Writing is :mod:`drafter.io.outputs`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from drafter.errors import DrafterError

# --------------------------------------------------------------------------- OS errors in Chinese

_ERRNO_NAMES = {
    errno.ENOENT: "找不到这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EBUSY: "文件正被其他程序占用",
    errno.EIO: "读写磁盘时出错",
    errno.ELOOP: "链接（快捷方式）互相指向，形成了循环",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENFILE: "同时打开的文件太多",
    errno.EEXIST: "文件已存在",
    errno.EXDEV: "不能跨磁盘移动",
    errno.EINVAL: "文件名或参数无效",
    errno.EFBIG: "文件太大",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EAGAIN: "文件暂时无法访问",
    errno.ETXTBSY: "文件正被其他程序占用",
}


ZIP_MAGIC = b"PK\x03\x04"
"""The first bytes of a zip archive: .docx, .xlsx, .odt, .wps saved by WPS as Open XML."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: Word 97–2003 .doc, WPS .wps, Excel .xls."""
PDF_MAGIC = b"%PDF-"


def document_kind(data: bytes) -> str | None:
    """What a binary office file is, in Chinese ("Word 文档（.docx）"), from its first bytes;
    None for anything else (text, or a kind nobody sends as a report)."""
    if data.startswith(ZIP_MAGIC):
        return "Word 文档（.docx）或其他 Office 文件"
    if data.startswith(OLE_MAGIC):
        return "Word/WPS 的旧版文档（.doc、.wps）"
    if data.startswith(PDF_MAGIC):
        return "PDF 文件"
    return None


def os_reason(exc: OSError) -> str:
    """What an OSError means, in Chinese (``strerror`` is English or the system's language)."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, PermissionError):
        return "没有权限"
    if code in _ERRNO_NAMES:
        return _ERRNO_NAMES[code]
    if getattr(exc, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION
        return "文件正被其他程序占用"
    return f"系统错误（错误码 {code}）" if code is not None else "系统错误"


# --------------------------------------------------------------------------- reading inputs

_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "命名管道（FIFO）"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备（磁盘）"),
    (stat.S_ISSOCK, "套接字"),
)


def special_kind(mode: int) -> str:
    for test, name in _SPECIAL_KINDS:
        if test(mode):
            return name
    return "特殊文件"


def stat_of(path: Path, *, follow: bool = True) -> os.stat_result | None:
    """``os.stat`` (or ``lstat``): None when nothing is there; errors as DrafterError."""
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except ValueError:
        raise bad_name_error(path) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise bad_name_error(path) from None
        if exc.errno == errno.ELOOP:
            return None if not follow else _loop(path)
        raise DrafterError(f"无法访问这个文件（{os_reason(exc)}）", path=path) from None


def _loop(path: Path) -> os.stat_result:
    raise DrafterError(
        "这个路径是互相指向的链接（快捷方式），找不到真正的文件", path=path, hint="请指定文件本身。"
    )


def check_input(path: Path, *, what: str = "文件", folder: bool = False) -> os.stat_result:
    """Refuse a missing path, a folder (unless ``folder``) and anything not a regular file.

    Runs before the file is opened: opening a FIFO blocks until someone writes to it, and a
    device like ``/dev/zero`` never ends.
    """
    info = stat_of(path)
    if info is None:
        hint = "请检查文件名和所在文件夹。" if not folder else "请检查文件夹路径是否正确。"
        raise DrafterError(f"找不到{what}", path=path, hint=hint)
    if stat.S_ISDIR(info.st_mode):
        if folder:
            return info
        raise DrafterError(f"这是一个文件夹，不是{what}", path=path, hint="请指定文件本身。")
    if folder:
        raise DrafterError(f"这不是文件夹，{what}应是一个文件夹", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise DrafterError(
            f"这是{special_kind(info.st_mode)}，不是普通文件，drafter 不读取它",
            path=path,
            hint=f"请指定保存在磁盘上的{what}。",
        )
    return info


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size // 1024, 1)} KB"


def too_big_error(path: Path, size: int | None, limit: int, what: str, hint: str) -> DrafterError:
    shown = f"（{_size_text(size)}）" if size is not None else ""
    return DrafterError(
        f"文件太大{shown}，超过{what}的上限 {_size_text(limit)}",
        path=path,
        hint=hint,
    )


def read_input(
    path: Path, *, limit: int, what: str = "文件", hint: str = "请确认选对了文件。"
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a Chinese DrafterError.

    The file is opened without blocking and checked again on the open handle (it may have been
    swapped for a FIFO since the first look); the limit is enforced while reading, so a file that
    grows (or lies about its size) is cut off at ``limit`` bytes, never read to the end.
    """
    path = Path(path)
    info = check_input(path, what=what)
    if info.st_size > limit:
        raise too_big_error(path, info.st_size, limit, what, hint)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise DrafterError(
            f"无法读取文件（{os_reason(exc)}）", path=path, hint="请确认文件没有被其他程序占用。"
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DrafterError(
                f"这是{special_kind(mode)}，不是普通文件，drafter 不读取它", path=path
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_big_error(path, None, limit, what, hint)
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{os_reason(exc)}）", path=path) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


# --------------------------------------------------------------------------- file identity


def _normalized(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file: same real path (case-insensitive where the system
    is), or, for existing files, the same device and inode (a hard link, another mount)."""
    try:
        if _normalized(a) == _normalized(b):
            return True
    except (OSError, ValueError):
        pass
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino) and sa.st_ino != 0


def file_key(path: Path) -> tuple[int, int] | str:
    """What identifies a file, for telling many paths apart in one pass (a set of keys, where
    comparing every pair with :func:`same_file` takes minutes for a few thousand files): device
    and inode when it exists, else its normalized real path."""
    try:
        info = os.stat(path)
        if info.st_ino:
            return (info.st_dev, info.st_ino)
    except (OSError, ValueError):
        pass
    try:
        return _normalized(path)
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(path))


def refuse_inputs(targets: Iterable[Path], inputs: Iterable[Path | None]) -> None:
    """DrafterError when any file about to be written is one of the inputs."""
    sources = [Path(p) for p in inputs if p is not None]
    for target in targets:
        for source in sources:
            if same_file(target, source):
                raise DrafterError(
                    "输出文件就是输入文件，写入会覆盖它，已停止",
                    path=target,
                    hint=f"输入文件是 {source}；请用 -o 指定另一个文件名。",
                )


def private_folder(folder: Path, *, close: bool = False) -> bool:
    """Make ``folder`` (0700, parents as needed) and say whether only this user can write to it:
    a real folder (not a link or a file planted under its name), owned by this user, closed to
    others. With ``close`` a folder of ours that others may write to is closed (chmod 0700)
    instead of refused: right for a folder drafter only creates new files in (the error logs),
    never for one it loads code from (the template cache), where another user may have put some
    while it was open."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: no home folder to expand
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "getuid"):  # Windows: folders under the user's profile are the user's
        return True
    if info.st_uid != os.getuid():
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        if not close:
            return False
        try:
            os.chmod(folder, 0o700)
        except OSError:
            return False
    return True


def bad_name_error(path: Path) -> DrafterError:
    return DrafterError(
        "文件名里有无法使用的字符，或者文件名太长",
        path=path,
        hint="用 -o 指定一个简短的文件名（只用汉字、字母和数字）。",
    )
