"""Convert a .docx to PDF with LibreOffice when it is installed (``drafter build --pdf``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.fsutil import os_reason

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


def docx_to_pdf(docx: Path, out_dir: Path, timeout: float = 120) -> Path:
    """Convert ``docx`` to ``out_dir/<stem>.pdf`` with LibreOffice headless; returns the PDF path.

    LibreOffice runs with a throw-away profile so it neither touches nor waits for the user's
    own (a running LibreOffice would otherwise swallow the request). It writes into a temporary
    folder first, so a stale PDF from an earlier run can never pass for a fresh one.
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
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as work:
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
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                check=False,
            )
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
            detail = (result.stderr or result.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"退出码 {result.returncode}"
            raise DrafterError(
                f"LibreOffice 未能把文件转换为 PDF：{reason}",
                path=docx,
                hint="确认文件能在 Word/WPS 中打开，关闭所有 LibreOffice 窗口后重试。",
            )
        try:
            shutil.move(str(produced), str(pdf))
        except OSError as exc:
            raise DrafterError(
                "无法写入 PDF 文件：没有写入权限，或者文件正在其他程序中打开。",
                path=pdf,
                hint="关闭正在打开该 PDF 的程序后重试。",
            ) from exc
    return pdf
