"""``drafter summary``: three answers files and one report → the county's workbook.

The tests open the workbook with openpyxl and read it as the county would: one row per unit under
Chinese headers with units, the 合计 row (sums; rates from the summed counts), the findings sheet,
the units to chase; and the console table.
"""

from __future__ import annotations

import copy
import hashlib
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from drafter.io.console import display_width
from drafter.summary.collect import read_expected, summarise, unit_key
from drafter.summary.command import format_table
from tests.conftest import SEEDS, run_drafter
from tests.test_reader import write_docx

ZASE = next(SEEDS.glob("001_*.txt"))  # 杂色镇 2024: 普法宣传活动30场次, 发放宣传资料1500余份


def township(example: dict[str, Any], name: str, **figures: Any) -> dict[str, Any]:
    """The bundled example as another township's answers, with some figures changed."""
    data = copy.deepcopy(example)
    unit_type = name[-1]
    data["identity"].update(unit_name=name, unit_type=unit_type, signers=[f"尼玛县{name}人民政府"])
    # The example is a 乡's: its texts say 全乡, which a 镇 would not.
    for section in data.values():
        if isinstance(section, dict):
            for key, value in section.items():
                if isinstance(value, str):
                    section[key] = value.replace("乡", unit_type)
    for key, value in figures.items():
        section, field = key.split(".")
        data[section][field] = value
    return data


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def collected(tmp_path: Path, example_data: dict[str, Any], write_answers: Any) -> Path:
    """A county's folder: three answers files, one report (.docx), a list with one more unit."""
    folder = tmp_path / "收集"
    (folder / "报告").mkdir(parents=True)
    write_answers(
        township(
            example_data,
            "甲乡",
            **{"publicity.activities": 12, "publicity.materials": "1500余"},
            **{"disputes.mediated": 2, "disputes.resolved": 1},
        ),
        "收集/甲乡答卷.yaml",
    )
    write_answers(
        township(
            example_data,
            "乙镇",
            **{"publicity.activities": 8, "publicity.materials": 300},
            **{"disputes.mediated": 10, "disputes.resolved": 9},
        ),
        "收集/乙镇答卷.yaml",
    )
    # 丙乡 leaves 普法宣传活动 empty and states it in a measure's text instead.
    third = township(example_data, "丙乡", **{"publicity.activities": None})
    third["publicity"]["measures"].append(
        {"heading": "开展送法下乡", "text": "全年开展普法宣传活动15场次，受教育群众2000余人次。"}
    )
    write_answers(third, "收集/丙乡答卷.yaml")
    write_docx(folder / "报告" / "杂色镇报告.docx", ZASE.read_text(encoding="utf-8"))
    # A list as Excel users save it: GBK, numbered, a blank line, a county prefix.
    (tmp_path / "名单.txt").write_bytes(
        "1. 甲乡\n2、尼玛县乙镇人民政府\n\n丙乡\n杂色镇\n丁乡\n".encode("gbk")
    )
    return folder


def rows_of(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def column(sheet: Any, header: str) -> int:
    headers = [c.value for c in sheet[1]]
    return headers.index(header) + 1


def test_three_answers_files_and_a_report(collected: Path, tmp_path: Path) -> None:
    before = hashes(collected)
    out = tmp_path / "汇总.xlsx"
    done = run_drafter(
        "summary",
        str(collected),
        "-o",
        str(out),
        "--expect",
        str(tmp_path / "名单.txt"),
        cwd=tmp_path,
    )
    # 1: the workbook is written, and there is something to chase (丁乡 is missing).
    assert done.returncode == 1, done.stderr
    assert hashes(collected) == before  # nothing written beside the inputs
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "检查结果", "数字来源", "收集情况"]
    table = book["汇总"]
    rows = rows_of(table)
    names = [row[1] for row in rows[1:5]]
    assert names == ["甲乡", "乙镇", "丙乡", "杂色镇"]  # in the list's order
    assert rows[5][1] == "合计"
    activities = column(table, "普法宣传活动（场次）")
    materials = column(table, "发放宣传资料（份）")
    assert [table.cell(row=r, column=activities).value for r in range(2, 6)] == [12, 8, 15, 30]
    assert table.cell(row=6, column=activities).value == 12 + 8 + 15 + 30
    # Approximate figures stay numbers and show their 余; so does a total that includes one.
    assert table.cell(row=2, column=materials).value == 1500
    assert table.cell(row=2, column=materials).number_format == '0"余"'
    assert table.cell(row=5, column=materials).number_format == '0"余"'  # 1500余份 in the report
    total = table.cell(row=6, column=materials)
    assert total.value == 1500 + 300 + 2000 + 1500 and total.number_format == '0"余"'
    assert "含约数" in total.comment.text
    # A figure from a text says so, quoting the sentence.
    from_text = table.cell(row=4, column=activities)
    assert "答卷文字" in from_text.comment.text and "15场次" in from_text.comment.text
    # The rate of the 合计 is computed from the summed counts, never averaged: (1+9+5)/(2+10+5).
    rate = table.cell(row=6, column=column(table, "调解成功率（%）"))
    assert rate.value == pytest.approx(15 / 17)
    assert rate.number_format == "0.0%"
    assert rate.value != pytest.approx((1 / 2 + 9 / 10 + 5 / 5) / 3)
    assert table.cell(row=2, column=column(table, "调解成功率（%）")).value == pytest.approx(0.5)
    # Findings per unit: the report's real flaws (杂色镇: 编号跳号, a repeated sentence).
    findings = rows_of(book["检查结果"])
    zase = {row[2]: row for row in findings if row[0] == "杂色镇"}
    assert zase["编号问题"][3] >= 1 and "缺少（二）" in zase["编号问题"][6]
    assert zase["重复的句子"][3] >= 1
    assert {row[0] for row in findings[1:]} == {"甲乡", "乙镇", "丙乡", "杂色镇"}
    # Units to chase: 丁乡 is on the list and sent nothing.
    collection = rows_of(book["收集情况"])
    assert ["未报送", "丁乡", None, "名单上有这个单位，但没有找到它的答卷或报告"] in collection
    # The console: an aligned table, the missing unit, where the workbook is.
    assert "[未报送] 丁乡" in done.stdout
    assert f"已写出汇总表：{out}" in done.stdout
    table_lines = [
        line for line in done.stdout.splitlines() if line.startswith(("序号", "1 ", "2 "))
    ]
    assert len({display_width(line.split("答卷")[0]) for line in table_lines[1:]}) == 1


def test_sources_sheet_names_every_figure(collected: Path, tmp_path: Path) -> None:
    summary = summarise([collected])
    report = next(u for u in summary.units if u.kind == "report")
    assert report.name == "杂色镇" and report.year == 2024
    assert report.figures["publicity.activities"].sentence.startswith(
        "全年共开展各类普法宣传活动30场次"
    )
    third = next(u for u in summary.units if u.name == "丙乡")
    assert third.figures["publicity.activities"].source == "答卷文字"
    assert third.figures["publicity.materials"].source == "答卷填写"
    out = tmp_path / "汇总.xlsx"
    run_drafter("summary", str(collected), "-o", str(out), cwd=tmp_path)
    sources = rows_of(openpyxl.load_workbook(out)["数字来源"])
    assert ["丙乡", str(collected / "丙乡答卷.yaml"), "普法宣传活动（场次）", 15, "答卷文字",
            "全年开展普法宣传活动15场次，受教育群众2000余人次。"] in sources  # fmt: skip


def test_other_year_duplicate_and_bad_files(
    collected: Path, tmp_path: Path, example_data: Any
) -> None:
    # Last year's file of 乙镇 instead of this year's, a second file of 甲乡, an old .doc, junk.
    second = collected / "甲乡答卷（修改后）.yaml"
    shutil.copy(collected / "甲乡答卷.yaml", second)
    old = township(example_data, "丁乡", **{"identity.year": 2023, "publicity.activities": 99})
    from drafter.answers.file import dump_answers

    (collected / "丁乡答卷.yaml").write_text(dump_answers(old), encoding="utf-8")
    (collected / "戊乡报告.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (collected / "~$甲乡报告.docx").write_bytes(b"lock")  # Word's lock file: not a report
    out = tmp_path / "汇总.xlsx"
    done = run_drafter("summary", str(collected), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 1
    book = openpyxl.load_workbook(out)
    collection = rows_of(book["收集情况"])
    categories = [row[0] for row in collection]
    assert categories.count("重复报送") == 2
    assert collection[categories.index("年度不符")][:2] == ["年度不符", "丁乡"]
    bad = collection[categories.index("无法读取")]
    assert bad[2].endswith("戊乡报告.doc") and "另存为 .docx" in bad[3]
    assert not any("~$" in str(row[2]) for row in collection)
    # Neither the other year's 99 nor the duplicate's 12 is in the 合计.
    table = book["汇总"]
    total_row = next(
        r for r in range(2, table.max_row + 1) if table.cell(row=r, column=2).value == "合计"
    )
    activities = column(table, "普法宣传活动（场次）")
    assert table.cell(row=total_row, column=activities).value == 12 + 8 + 15 + 30
    assert "[年度不符] 丁乡" in done.stdout and "[无法读取]" in done.stdout


def test_year_option(collected: Path, tmp_path: Path) -> None:
    summary = summarise([collected], year=2025)
    assert summary.year == 2025
    assert len(summary.other_year) == 4 and not summary.counted


def test_output_never_onto_an_input(collected: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "旧汇总.xlsx"
    sheet.write_bytes(b"not yours to overwrite")
    done = run_drafter(
        "summary", str(collected), str(sheet), "-o", str(sheet), "--force", cwd=tmp_path
    )
    assert done.returncode == 2
    assert "不能写到要汇总的文件上" in done.stderr
    assert sheet.read_bytes() == b"not yours to overwrite"
    # An existing workbook is kept: the new one gets a new name unless --force.
    out = tmp_path / "汇总.xlsx"
    out.write_bytes(b"last week's")
    done = run_drafter("summary", str(collected), "-o", str(out), cwd=tmp_path)
    assert out.read_bytes() == b"last week's"
    assert (tmp_path / "汇总(2).xlsx").is_file()
    done = run_drafter("summary", str(collected), "-o", str(out), "--force", cwd=tmp_path)
    assert done.returncode in (0, 1)
    assert openpyxl.load_workbook(out).sheetnames[0] == "汇总"


def test_nothing_usable_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "说明.txt").write_text("请各乡镇于1月20日前报送。", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    done = run_drafter("summary", str(tmp_path), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2
    assert "没有可以汇总的文件" in done.stderr and "说明.txt" in done.stderr
    assert not out.exists()


def test_expected_list_spellings(tmp_path: Path) -> None:
    path = tmp_path / "名单.txt"
    path.write_bytes(
        "\ufeff# 2024年应报送单位\n俄久乡\n尼玛县文部乡人民政府\n3．荣玛乡\n".encode("utf-16")
    )
    assert read_expected(path) == ["俄久乡", "尼玛县文部乡人民政府", "荣玛乡"]
    assert unit_key("尼玛县文部乡人民政府") == unit_key("文部乡") == "文部乡"
    assert unit_key("杂色镇") != unit_key("杂色乡")


def test_console_table_is_aligned_for_chinese() -> None:
    lines = format_table(
        [["单位", "年度", "备注"], ["俄久乡", "2024", "无"], ["ABC镇", "2023", "x"]]
    )
    # The third column starts at the same display column on every line.
    starts = [
        display_width(line[: line.index(cell)])
        for line, cell in zip(lines, ["备注", "无", "x"], strict=True)
    ]
    assert len(set(starts)) == 1
