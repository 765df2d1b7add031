"""What the tests will render with: the fonts fontconfig gives LibreOffice, the system packages.

Run ``python3 tests/preflight.py`` (standard library only, so it works before any ``pip install``):
it prints, for each font the drafts name, the face this machine substitutes (``fc-match``) and the
Debian package it comes from, then the state of every system package the tests rely on
(``dpkg -s``). Exit status 1 when something the tests need is missing.

``python3 tests/preflight.py --missing`` prints only the Debian packages still to install, one a
line: ``.ci/run`` installs exactly those, so this module is the one list of system packages
(README's apt line is checked against it by ``tests/test_preflight.py``).

The layout tests call :func:`font_problems` as a precondition: a draft measured with the wrong
substitute (DejaVu Serif digits for Times New Roman are wider) would fail a geometry assertion
far from its cause, so they fail first with a message naming the package to install.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass

CJK_PACKAGE = "fonts-noto-cjk"
LATIN_PACKAGE = "fonts-liberation2"


@dataclass(frozen=True)
class SystemPackage:
    name: str
    why: str
    command: str | None = None
    """A command the package provides: present on PATH counts as installed (e.g. no dpkg)."""


PACKAGES = (
    SystemPackage(
        "libreoffice-writer-nogui",
        "版式测试用 LibreOffice 把 .docx 转成 PDF 来测量",
        command="soffice",
    ),
    # LibreOffice draws every Chinese font of a draft (仿宋, 小标宋, 黑体, 楷体, 宋体) with one
    # face of this collection: no CJK face here has those names, and the layout only needs
    # 1-em ideographs, which every CJK face has.
    SystemPackage(
        CJK_PACKAGE,
        "汉字字形（思源黑体），代替仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312、宋体",
    ),
    SystemPackage(LATIN_PACKAGE, "Liberation Serif：与 Times New Roman 等宽，数字和字母的宽度才对"),
    SystemPackage("tmux", "在真实终端里驱动问答界面的测试", command="tmux"),
)


@dataclass(frozen=True)
class FontRole:
    """A font a draft names, and what a substitute must be for the layout to measure right."""

    role: str
    requested: str
    latin: bool = False
    """Digits and Latin letters: the substitute must have Times New Roman's widths."""

    @property
    def package(self) -> str:
        return LATIN_PACKAGE if self.latin else CJK_PACKAGE


# The names drafter/gbt9704.py writes into every draft (tests/test_preflight.py keeps them equal).
ROLES = (
    FontRole("正文", "仿宋_GB2312"),
    FontRole("标题", "方正小标宋简体"),
    FontRole("一级标题", "黑体"),
    FontRole("二级标题", "楷体_GB2312"),
    FontRole("页码", "宋体"),
    FontRole("数字和字母", "Times New Roman", latin=True),
)

# Faces with Times New Roman's advance widths (metric-compatible).
TIMES_COMPATIBLE = ("Times New Roman", "Liberation Serif", "Tinos")


@dataclass(frozen=True)
class Match:
    role: FontRole
    family: str
    file: str
    chinese: bool
    """The face covers Simplified Chinese (fontconfig's ``lang`` includes zh-cn)."""

    @property
    def problem(self) -> str | None:
        """Why the layout tests cannot trust this substitute, in Chinese; None when it is fine."""
        r = self.role
        if r.latin and self.family not in TIMES_COMPATIBLE:
            return (
                f"{r.role}（{r.requested}）在本机会用 {self.family} 代替，字宽与 Times New Roman 不同，"
                f"版面测量不可信。请安装 {r.package}（apt-get install {r.package}）。"
            )
        if not r.latin and not self.chinese:
            return (
                f"{r.role}（{r.requested}）在本机会用 {self.family} 代替，它没有汉字字形，"
                f"版面测量不可信。请安装 {r.package}（apt-get install {r.package}）。"
            )
        return None


def fc_match(role: FontRole) -> Match | None:
    """The face fontconfig substitutes for ``role`` in Chinese text; None without fontconfig."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    pattern = role.requested if role.latin else f"{role.requested}:lang=zh-cn"
    out = subprocess.run(
        [exe, "--format", "%{family[0]}\t%{file}\t%{lang}", pattern],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    ).stdout
    family, _, rest = out.partition("\t")
    file, _, langs = rest.partition("\t")
    return Match(role, family.strip(), file.strip(), "zh-cn" in langs.split("|"))


def chinese_faces() -> list[str]:
    """PostScript names of the installed faces that cover Simplified Chinese."""
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    out = subprocess.run(
        [exe, "--format", "%{postscriptname}\n", ":lang=zh-cn"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    ).stdout
    return sorted({name.strip() for name in out.splitlines() if name.strip()})


def font_problems() -> list[str]:
    """Chinese messages for every draft font this machine would substitute badly.

    Without fontconfig (Windows, macOS) LibreOffice uses the system's own fonts, which are the
    real ones or their vendor's equivalents: nothing to check there.
    """
    problems = []
    for role in ROLES:
        match = fc_match(role)
        if match is not None and match.problem:
            problems.append(match.problem)
    return problems


def dpkg_status(package: str) -> str | None:
    """``installed <version>``, ``not installed``, or None where there is no dpkg."""
    exe = shutil.which("dpkg-query")
    if exe is None:
        return None
    result = subprocess.run(
        [exe, "-W", "-f", "${db:Status-Status} ${Version}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    status, _, version = result.stdout.strip().partition(" ")
    if result.returncode == 0 and status == "installed":
        return f"installed {version}"
    return "not installed"


def missing_packages() -> list[str]:
    """The system packages still to install (dpkg's view; a command on PATH also counts)."""
    missing = []
    for pkg in PACKAGES:
        if pkg.command and shutil.which(pkg.command):
            continue
        status = dpkg_status(pkg.name)
        if status is not None and status.startswith("not"):
            missing.append(pkg.name)
    return missing


def package_of(path: str) -> str:
    exe = shutil.which("dpkg-query")
    if exe is None or not path:
        return "?"
    result = subprocess.run([exe, "-S", path], capture_output=True, text=True, check=False)
    return result.stdout.split(":", 1)[0].strip() if result.returncode == 0 else "不属于任何软件包"


def report() -> tuple[list[str], bool]:
    """The printed report and whether everything the tests need is there."""
    lines = ["== 字体：报告里写的字体 → 本机实际使用的字体（fc-match）"]
    ok = True
    for role in ROLES:
        match = fc_match(role)
        if match is None:
            lines.append(f"  {role.role}（{role.requested}）：没有 fc-match，无法检查")
            continue
        mark = "✓" if match.problem is None else "✗"
        lines.append(
            f"  {mark} {role.role}（{role.requested}）→ {match.family}"
            f"（{match.file}，{package_of(match.file)}）"
        )
        if match.problem:
            ok = False
            lines.append(f"      {match.problem}")
    lines.append("== 系统软件包（dpkg -s）")
    for pkg in PACKAGES:
        status = dpkg_status(pkg.name)
        found = shutil.which(pkg.command) if pkg.command else None
        if status is None:
            status = "（没有 dpkg）"
        if pkg.command:
            status += f"；{pkg.command}：{found or '不在 PATH 中'}"
        missing = (not found) if pkg.command else status.startswith("not")
        ok = ok and not missing
        lines.append(f"  {'✗' if missing else '✓'} {pkg.name}：{status}　— {pkg.why}")
    lines.append("== 结论：" + ("测试所需的系统软件都已就绪。" if ok else "缺少上面标 ✗ 的项目。"))
    return lines, ok


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    if argv[1:] == ["--missing"]:
        print("\n".join(missing_packages()))
        return 0
    lines, ok = report()
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
