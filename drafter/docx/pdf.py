"""Convert a .docx to PDF with LibreOffice when it is installed (``drafter build --pdf``)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.io.inputs import os_reason
from drafter.io.outputs import write_output

_EXECUTABLES = ("soffice", "libreoffice")
_INSTALL_HINT = (
    "请安装 LibreOffice（https://zh-cn.libreoffice.org/），或在 Word/WPS 中打开 .docx 另存为 PDF。"
)


def _windows_candidates() -> list[Path]:
    """The usual Windows install locations (Program Files, both bitnesses)."""
    roots = [
        os.environ.get(name)
        for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA")
    ]
    roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
    candidates: list[Path] = []
    for root in dict.fromkeys(r for r in roots if r):
        base = Path(root)
        candidates.append(base / "LibreOffice" / "program" / "soffice.exe")
        candidates += sorted(base.glob("LibreOffice*/program/soffice.exe"))
    return candidates


def find_soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (PATH first, then the usual Windows folders), or None."""
    for name in _EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        for candidate in _windows_candidates():
            if candidate.is_file():
                return str(candidate)
    return None


def docx_to_pdf(
    docx: Path,
    out_dir: Path,
    timeout: float = 120,
    *,
    force: bool = True,
    inputs: Sequence[Path | None] = (),
) -> Path:
    """Convert ``docx`` to ``out_dir/<stem>.pdf`` with LibreOffice headless; returns the PDF path.

    LibreOffice runs with a throw-away profile so it neither touches nor waits for the user's
    own (a running LibreOffice would otherwise swallow the request). It writes into a temporary
    folder first, so a stale PDF from an earlier run can never pass for a fresh one. The PDF is
    then written like every output (:func:`drafter.io.outputs.write_output`): with ``force`` over a
    regular file that is none of the ``inputs``; without, only under a name nobody has taken
    (claimed atomically: a PDF another process wrote meanwhile is never replaced).
    """
    soffice = find_soffice()
    if soffice is None:
        raise DrafterError("未找到 LibreOffice，无法生成 PDF。", hint=_INSTALL_HINT)
    docx = Path(docx)
    out_dir = Path(out_dir)
    if not docx.is_file():
        raise DrafterError("要转换的 .docx 文件不存在。", path=docx)
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = out_dir / f"{docx.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="drafter-lo-", ignore_cleanup_errors=True) as work:
        profile = Path(work) / "profile"
        staging = Path(work) / "out"
        command = [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(staging),
            str(docx),
        ]
        try:
            temp = Path(work) / "tmp"
            temp.mkdir()
            result = _run(command, timeout, temp)
        except subprocess.TimeoutExpired as exc:
            raise DrafterError(
                f"LibreOffice 转换 PDF 超时（{timeout:.0f} 秒）。",
                path=docx,
                hint="关闭所有 LibreOffice 窗口后重试。",
            ) from exc
        except OSError as exc:
            raise DrafterError(
                f"无法启动 LibreOffice：{os_reason(exc)}。", path=docx, hint=_INSTALL_HINT
            ) from exc
        produced = staging / pdf.name
        if result.returncode != 0 or not produced.is_file():
            raise DrafterError(
                f"LibreOffice 未能把文件转换为 PDF：{_failure(result)}",
                path=docx,
                hint="确认文件能在 Word/WPS 中打开，关闭所有 LibreOffice 窗口后重试。",
            )
        try:
            data = produced.read_bytes()
        except OSError as exc:
            raise DrafterError(f"无法读取 LibreOffice 转出的 PDF（{os_reason(exc)}）") from None
    return write_output(pdf, data, force=force, inputs=inputs, rename=False)


def _run(command: list[str], timeout: float, temp: Path) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in a process group of its own and, whatever stops the wait (a timeout,
    Ctrl-C, a stop signal), end the whole group before returning: ``soffice`` starts
    ``soffice.bin``, which would otherwise go on converting into a temp folder being removed."""
    posix = os.name == "posix"
    process = _Tracked(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=posix,
        # Its temp files go into our temp folder, removed with it even if LibreOffice is killed.
        env={**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)},
        creationflags=0 if posix else getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException:
        _end(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


class _Tracked(subprocess.Popen[str]):
    """A Popen whose child is ended if the start itself is interrupted: a signal arriving after
    the fork but before ``Popen()`` returns would otherwise leave LibreOffice running unseen."""

    def _execute_child(self, *args: Any, **kwargs: Any) -> None:
        try:
            super()._execute_child(*args, **kwargs)  # type: ignore[misc]  # private in typeshed
        except BaseException:
            pid = getattr(self, "pid", None)
            if pid:
                _kill(pid)
            raise


def _kill(pid: int) -> None:
    """Kill LibreOffice's process group (POSIX) or process at once."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
    else:
        with contextlib.suppress(OSError):
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(pid)], capture_output=True, check=False
            )


def _end(process: subprocess.Popen[str]) -> None:
    """Stop LibreOffice: asked first (it then removes its own files), then its whole group
    killed, so no helper lingers. Waits on the process, not its pipes (a helper could hold
    them open), and a second Ctrl-C only shortens the polite part."""
    try:
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=3)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        pass
    finally:
        _kill(process.pid)
        process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired, OSError):
            process.wait(timeout=10)
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def _failure(result: subprocess.CompletedProcess[str]) -> str:
    """Why LibreOffice failed, in Chinese: its own messages are English (and are not shown)."""
    said = f"{result.stderr}\n{result.stdout}".lower()
    if "could not be loaded" in said or "load failed" in said:
        return "LibreOffice 打不开这个 .docx 文件"
    if "no export filter" in said:
        return "LibreOffice 缺少导出 PDF 的组件（请安装完整的 LibreOffice）"
    if result.returncode < 0:
        return f"LibreOffice 被系统终止（信号 {-result.returncode}）"
    if result.returncode != 0:
        return f"LibreOffice 出错退出（退出码 {result.returncode}）"
    return "LibreOffice 没有写出 PDF 文件"
