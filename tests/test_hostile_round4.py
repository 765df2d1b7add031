"""Hostile cases, fourth round (issue 24):

- text written into the county's workbook is always text: a unit name, a line of the --expect
  list, a file name or a sentence that starts like a formula (=, +, -, @) or spells an error value
  (#N/A) is stored as a string, never as a live formula;
- one file with a control character in its name does not stop the roll-up: the table is written,
  the file is counted and listed with a Chinese reason;
- county templates may not make figures without writing a digit (loop.length, |length, |count,
  |sum, arithmetic on year, range(...)), and Undefined never prints into a report.
"""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from drafter.cli import main
from drafter.summary.collect import visible
from tests.conftest import county_templates

FORMULA = re.compile(rb"<(?:\w+:)?f[ >]")


def _township(
    tmp_path: Path, example_data: dict[str, Any], write_answers: Any, name: str, file: str
) -> Path:
    """The example answers as township ``name``'s, written as 收集/``file``; the folder."""
    (tmp_path / "收集").mkdir(exist_ok=True)
    data = copy.deepcopy(example_data)
    data["identity"]["unit_name"] = name
    return Path(write_answers(data, f"收集/{file}")).parent


def _cells(book: Any) -> list[Any]:
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


# --------------------------------------------------------------------------- formula injection


@pytest.mark.parametrize(
    "name",
    [
        '=HYPERLINK("http://example.com/x")&俄久乡',
        "+1+2俄久乡",
        "-2+3俄久乡",
        "@SUM(1)俄久乡",
        "=cmd|' /C calc'!A0&俄久乡",
    ],
)
def test_summary_writes_every_text_as_text(
    name: str,
    tmp_path: Path,
    example_data: dict[str, Any],
    write_answers: Any,
    capsys: Any,
) -> None:
    folder = _township(tmp_path, example_data, write_answers, name, "一.yaml")
    _township(tmp_path, example_data, write_answers, "甲乡", "=1+2.yaml")
    expect = tmp_path / "名单.txt"
    expect.write_text('=HYPERLINK("http://x","点我")\n-甲乡\n', encoding="utf-8")
    out = tmp_path / "汇总.xlsx"

    code = main(["summary", str(folder), "-o", str(out), "--expect", str(expect)])

    assert code == 1  # the list's lines are units that did not report, the name is not listed
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for part in sheets:
            assert not FORMULA.search(archive.read(part)), part
    book = openpyxl.load_workbook(out)
    cells = _cells(book)
    assert not [c.coordinate for c in cells if c.data_type in ("f", "e")]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert {name, '=HYPERLINK("http://x","点我")', "-甲乡"} <= texts
    assert any(str(Path("收集") / "=1+2.yaml") in t for t in texts)
    # Editing such a cell in Excel or WPS keeps it text: the quote prefix, no visible apostrophe.
    starts = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "@"))]
    assert starts and all(c.quotePrefix for c in starts)
    assert not any(isinstance(c.value, str) and c.value.startswith("'") for c in cells)


def test_summary_keeps_a_sentence_with_control_characters(tmp_path: Path, capsys: Any) -> None:
    """A .txt report's sentence holding a control character (which a worksheet cannot hold)
    goes into the 数字来源 sheet with the character shown, not as a crash."""
    from tests.conftest import seed_text

    folder = tmp_path / "收集"
    folder.mkdir()
    text = seed_text("001").replace("普法宣传活动30场次", "普法宣传活动\x0730场次", 1)
    assert "\x07" in text
    (folder / "杂色镇.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "汇总.xlsx"

    assert main(["summary", str(folder), "-o", str(out)]) in (0, 1)

    book = openpyxl.load_workbook(out)
    assert all("\x07" not in str(c.value) for c in _cells(book))


# --------------------------------------------------------------------------- a control character


@pytest.mark.parametrize("bad", ["\x01", "\x1b[31m", "\t", "\u202e"])
def test_a_control_character_in_a_file_name_never_stops_the_table(
    bad: str,
    tmp_path: Path,
    example_data: dict[str, Any],
    write_answers: Any,
    capsys: Any,
) -> None:
    folder = _township(tmp_path, example_data, write_answers, "甲乡", "甲乡.yaml")
    _township(tmp_path, example_data, write_answers, "俄久乡", f"俄久{bad}乡.yaml")
    out = tmp_path / "汇总.xlsx"

    code = main(["summary", str(folder), "-o", str(out)])

    printed = capsys.readouterr()
    assert code == 1, printed.err
    book = openpyxl.load_workbook(out)
    units = [row[1] for row in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert "甲乡" in units and "俄久乡" in units  # both counted
    listed = [r for r in book["收集情况"].iter_rows(min_row=2, values_only=True) if r[0]]
    odd = [r for r in listed if r[0] == "文件名异常"]
    assert len(odd) == 1 and odd[0][1] == "俄久乡"
    assert "控制字符" in odd[0][3] and "改名" in odd[0][3]
    assert odd[0][2] == visible(str(folder / f"俄久{bad}乡.yaml"))
    # The console never receives the character itself (an escape sequence would colour or move
    # the terminal's text), and says the same in Chinese.
    assert bad not in printed.out
    assert "[文件名异常] 俄久乡" in printed.out


# --------------------------------------------------------------------------- template figures


@pytest.mark.parametrize(
    "body",
    [
        "{% for x in a.plans.items %}::p 第{{ loop.index }}项计划{% endfor %}",
        "{% for x in a.plans.items %}::p 共{{ loop.length }}项{% endfor %}",
        "{% for x in a.plans.items %}::p 还有{{ loop.revindex }}项{% endfor %}",
        "::p 重点工作{{ a.plans.items | length }}项",
        "::p 重点工作{{ a.plans.items | count }}项",
        "::p 重点工作{{ a.plans.items | list | length }}项",
        "::p 共{{ a.plans.items | map(attribute='heading') | list | length }}项",
        "::p 已连续开展普法宣传{{ year - 2023 }}年",
        "::p 已连续开展普法宣传{{ next_year - year }}年",
        "::p 第{{ year // year }}项计划",
        "::p 第{{ (year / year) | int }}项计划",
        "::p 第{{ year % 7 }}项计划",
        "::p 第{{ -year }}项计划",
        "::p 投入{{ [year, year] | sum }}万元",
        "::p 投入{{ a.plans.items | map(attribute='heading') | map('length') | sum }}万元",
        "{% for i in range(year - 2019) %}::p 第{{ i }}项{% endfor %}",
        "::p 共{{ unit | length }}项",
        "::p 共{{ 'ab' | length }}项",
        "{% set n = a.plans.items | length %}::p 共{{ n }}项",
        "::p 共{{ (a.plans.items | length) ~ '项' }}",
        "::p 共{{ '%s项' | format(a.plans.items | length) }}",
        "::p 共{{ a.plans.items | batch(1) | list | length }}项",
        "::p 共{{ (a.plans.items | max(attribute='heading') or '') | wordcount }}项",
    ],
)
def test_county_template_derived_figure_is_refused(
    body: str, tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    err = _refused_plans(body, tmp_path, example_path, capsys)
    assert "数字" in err


def _refused_plans(body: str, tmp_path: Path, example_path: Path, capsys: Any) -> str:
    """Build the example with ``body`` as the county's parts/plans.j2: refused (exit 2, nothing
    written, the template named); what was said."""
    templates = county_templates(tmp_path, body + "\n")
    out = tmp_path / "报告.docx"

    code = main(["build", str(example_path), "-o", str(out), "--templates", str(templates)])

    err: str = capsys.readouterr().err
    assert code == 2, err
    assert not out.exists()
    assert "plans.j2" in err
    return err


@pytest.mark.parametrize(
    "body",
    [
        "::p {{ a.plans.items | map(attribute='__class__') | list }}",
        "::p {{ a.plans.items | map(attribute='nothing') | list }}",
        "::p {{ a.plans.items | map(attribute='nothing') | join('、') }}",
        "::p {{ [a.nothing] }}",
        "::p {{ a.plans.items | map(attribute='__class__') | first }}",
        "::p {{ a.plans.items | selectattr('__class__') | list }}",
    ],
)
def test_county_template_never_prints_undefined(
    body: str, tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    assert "Undefined" not in _refused_plans(body, tmp_path, example_path, capsys)


def test_county_template_words_and_answers_still_render(
    tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    """What a county legitimately writes still works: loops over items, the year as it is,
    conditions on how many items there are (never printed)."""
    body = (
        "{% if a.plans.items | length > 1 %}"
        "{% for x in a.plans.items %}::p {{ x.heading }}（{{ year }}年）{{ '\\n' }}{% endfor %}"
        "{% endif %}"
    )
    templates = county_templates(tmp_path, body + "\n")
    out = tmp_path / "报告.docx"

    code = main(["build", str(example_path), "-o", str(out), "--templates", str(templates)])

    assert code in (0, 1), capsys.readouterr().err
    assert out.exists()


def test_county_template_count_is_refused_at_load_in_a_branch_not_taken(
    tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    """The example answers 普法宣传活动 30场次, so this branch never runs for it: the count is
    refused when the template is loaded, not only for the township whose answers reach it."""
    body = (
        "{% if zero('publicity.activities') %}::p 重点工作{{ a.plans.items | length }}项{% endif %}"
    )
    templates = county_templates(tmp_path, body + "\n")
    out = tmp_path / "报告.docx"

    code = main(["build", str(example_path), "-o", str(out), "--templates", str(templates)])

    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "plans.j2，第 1 行" in err and "算出来的数字" in err


# --------------------------------------------------------------------------- Strict Open XML


def test_summary_reads_a_report_saved_as_strict_open_xml(
    tmp_path: Path, demo_build: Any, capsys: Any
) -> None:
    from tests.test_reader_light import strict_copy

    folder = tmp_path / "收集"
    folder.mkdir()
    strict = strict_copy(demo_build.docx, folder / "俄久乡（严格）.docx")
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    out = tmp_path / "汇总.xlsx"

    code = main(["summary", str(folder), "-o", str(out)])

    assert code == 0, capsys.readouterr().err
    table = openpyxl.load_workbook(out)["汇总"]
    assert [row[1] for row in table.iter_rows(min_row=2, max_row=2, values_only=True)] == ["俄久乡"]
