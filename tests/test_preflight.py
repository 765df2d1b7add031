"""The one list of system packages (tests/preflight.py) agrees with README and the drafts' fonts."""

from __future__ import annotations

from pathlib import Path

from drafter.docx import layout as gbt9704
from tests.preflight import PACKAGES, ROLES, FontRole, Match

ROOT = Path(__file__).resolve().parent.parent


def test_readme_apt_line_installs_every_package_the_tests_rely_on() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [ln for ln in readme.splitlines() if ln.startswith("apt-get install")]
    assert len(lines) == 1, lines
    named = {w for w in lines[0].split()[2:] if not w.startswith("-")}
    assert named == {p.name for p in PACKAGES}


def test_roles_are_the_fonts_the_writer_names() -> None:
    requested = {r.requested for r in ROLES}
    named = {
        gbt9704.FONT_BODY,
        gbt9704.FONT_TITLE,
        gbt9704.FONT_HEI,
        gbt9704.FONT_KAI,
        gbt9704.FONT_SONG,
        gbt9704.FONT_LATIN,
    }
    assert requested == named


def test_a_wrong_substitute_names_the_package_to_install() -> None:
    digits = FontRole("数字和字母", "Times New Roman", latin=True)
    problem = Match(digits, "DejaVu Serif", "/x/DejaVuSerif.ttf", chinese=False).problem
    assert problem is not None
    assert "DejaVu Serif" in problem and "apt-get install fonts-liberation2" in problem
    assert Match(digits, "Liberation Serif", "/x/LiberationSerif.ttf", False).problem is None
    body = FontRole("正文", "仿宋_GB2312")
    problem = Match(body, "DejaVu Sans", "/x/DejaVuSans.ttf", chinese=False).problem
    assert problem is not None and "fonts-noto-cjk" in problem
    assert Match(body, "Noto Serif CJK SC", "/x/NotoSerifCJK.ttc", chinese=True).problem is None
