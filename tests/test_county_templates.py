"""County templates: ``drafter build --templates DIR`` with a county's own outline and parts.

The example folder ``examples/county-template`` must be used as written; a template that reaches
for Python internals, reads files or exhausts the machine is refused with a message naming the
template file and line (exit 2), and no .docx is written.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from drafter.cli import main
from tests.conftest import run_drafter

ROOT = Path(__file__).resolve().parent.parent
COUNTY = ROOT / "examples" / "county-template"


def headings(path: Path) -> list[str]:
    import docx

    return [
        p.text for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")
    ]


def paragraphs(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_example_county_template_sets_order_and_wording(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    out = tmp_path / "县模板.docx"
    code = main(["build", str(example_path), "--templates", str(COUNTY), "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    level1 = [h for h in headings(out) if h[:1] in "一二三四五六七八九十"]
    # The county's order: 第一责任人 first, its own part titles, numbering derived (一、二、三、四、).
    assert level1[0] == "一、党政主要负责人履行推进法治建设第一责任人职责情况"
    assert level1[1] == "二、2024年度法治政府建设主要举措和成效"
    assert level1[2] == "三、存在的问题及整改落实情况"
    assert level1[3] == "四、2025年度法治政府建设工作计划"
    texts = paragraphs(out)
    # The county's own wording of one part (parts/plans.j2) …
    lead = "2025年，俄久乡将紧紧围绕县委、县政府法治建设工作部署，重点抓好以下工作："
    assert lead in texts
    # … followed by the plans as numbered sub-headings, and the built-in parts still used.
    after = texts[texts.index(lead) + 1]
    assert after.startswith("（一）")
    assert any("成立由乡党委书记" in t for t in texts)


def test_built_in_build_differs_from_the_county_one(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "内置.docx"
    assert main(["build", str(example_path), "-o", str(out)]) == 0
    assert "第一责任人" not in headings(out)[1]
    assert not any("重点抓好以下工作" in t for t in paragraphs(out))


def test_county_template_folder_needs_no_digits() -> None:
    """Figures come from the answers only, in a county's templates too."""
    import re

    for template in COUNTY.rglob("*.j2"):
        body = template.read_text(encoding="utf-8")
        # Comments and statements (file names such as parts/head.j2) are not report text.
        body = re.sub(r"\{#.*?#\}|\{%.*?%\}", "", body, flags=re.S)
        body = re.sub(r"^::[a-z]+\d?", "", body, flags=re.M)  # markup tags such as ::h1
        assert not re.search(r"\d", body), template


# --------------------------------------------------------------------------- refused templates

ATTACKS = {
    "class": "{{ ''.__class__ }}",
    "globals": "{{ fig.__globals__ }}",
    "subclasses": "{{ ().__class__.__base__.__subclasses__() }}",
    "template-reference": "{{ self._TemplateReference__context }}",
    "cycler": "{{ cycler.__init__.__globals__.os }}",
    "attr-filter": "{{ fig | attr('__globals__') }}",
    "format": "{{ '{x.__class__.__init__.__globals__}'.format(x=fig) }}",
    "include-absolute": '{% include "/etc/passwd" %}',
    "include-parent": '{% include "../../../../../../etc/passwd" %}',
    "import-parent": '{% import "../../outlines/x.j2" as x %}',
    "open": "{{ open('/etc/passwd').read() }}",
    "huge-range": "{% for i in range(10 ** 9) %}{{ i }}{% endfor %}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "huge-string": "{{ 'x' * 10 ** 10 }}",
    # Output and time limits: each of these would take minutes or gigabytes unchecked.
    "range-year-three-deep": "{% for i in range(year) %}{% for j in range(year) %}"
    "{% for k in range(year) %}x{% endfor %}{% endfor %}{% endfor %}",
    "center-year": "{{ 'x'.center(year * year * 8, '法') }}",
    "loop-over-a-string": "{% set s = unit * 30000 %}{% for c in s %}{% for d in s %}"
    "{% endfor %}{% endfor %}",
    "join-many": "{{ ([unit * 90000] * 90000) | join }}",
    "replace-amplifies": "{{ (unit * 90000).replace(unit, unit * 9000) }}",
    "indent-amplifies": "{{ ((unit ~ '\\n') * 90000) | indent(90000) }}",
    "format-width": "{{ '{:>{}}'.format(unit, year * year * year) }}",
    "percent-width": "{{ '%*s' % (year * year * year, unit) }}",
    "list-doubling": "{% set l = [unit] %}{% for i in range(64) %}{{ l.extend(l) or '' }}"
    "{% endfor %}",
    "macro-doubling": "{% macro d(s) %}{{ d(s ~ s) }}{% endmacro %}{{ d(unit) }}",
    "huge-number": "{{ (999999 ** 64) * (999999 ** 64) }}",
    "none": "{{ none }}",
    # Mistakes that reached users as internal errors.
    "fig-mistyped-key": "{{ fig('publicity.no_such_key') }}",
    "str-format-braces": "{{ '{…}'.format(unit) }}",
    "unknown-variable": "{{ no_such_variable }}",
    "syntax": "{% if %}",
    # Figures belong in the answers, in a county's templates as in the built-ins.
    "figure-in-text": "::p 全年开展普法活动100场",
    "figure-printed": "{{ 100 }}",
    "figure-in-a-string": "{{ '共计30件' }}",
    "unknown-tag": "::bogus 文字",
}
ATTACK_LINE = 3


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``drafter ARGS`` in a child limited to 2 GB of address space where the OS allows it."""

    def limit() -> None:
        import resource

        two_gb = 2 * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (two_gb, two_gb))

    return run_drafter(*args, cwd=cwd, preexec_fn=limit if os.name == "posix" else None)


@pytest.mark.parametrize("where", ["outline", "part"])
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_hostile_template_is_refused_naming_file_and_line(
    name: str, where: str, example_path: Path, tmp_path: Path
) -> None:
    if name == "huge-string" and os.name != "posix":
        pytest.skip("needs an address-space limit to be safe to run")
    county = tmp_path / "县模板"
    (county / "outlines").mkdir(parents=True)
    (county / "parts").mkdir()
    hostile = f"{{#- 第一行注释 -#}}\n::p 第二行\n{ATTACKS[name]}\n::p 第四行\n"
    if where == "outline":
        target = county / "outlines" / "regulation.j2"
        target.write_text("::title 标题\n" + hostile[hostile.index("\n") + 1 :], encoding="utf-8")
    else:
        outline = (ROOT / "templates" / "outlines" / "regulation.j2").read_text(encoding="utf-8")
        (county / "outlines" / "regulation.j2").write_text(outline, encoding="utf-8")
        target = county / "parts" / "plans.j2"
        target.write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    result = _run(
        ["build", str(example_path), "--templates", str(county), "-o", str(out / "r.docx")],
        cwd=tmp_path,
    )
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    err = result.stderr
    assert "Traceback" not in err and "内部错误" not in err
    assert target.name in err, err
    assert f"第 {ATTACK_LINE} 行" in err, err
    assert "root:" not in result.stdout + err  # nothing of /etc/passwd leaked
    assert not out.exists() or not list(out.iterdir())


def test_missing_county_folder_is_a_clear_error(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    missing = tmp_path / "不存在"
    code = main(
        ["build", str(example_path), "--templates", str(missing), "-o", str(tmp_path / "b")]
    )
    err = capsys.readouterr().err
    assert code == 2, err
    assert "找不到" in err and "不存在" in err and "Traceback" not in err
