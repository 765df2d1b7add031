"""The county's roll-up as an Excel workbook (openpyxl).

Sheets: 汇总 (one row per unit, one column per catalogue figure, a 合计 row), 检查结果 (findings per
unit and rule), 数字来源 (every figure with where it came from) and 收集情况 (units missing, other
years, duplicates, unreadable files). Figures stay numbers so the county can compute with them; an
approximate one shows its 余 through the number format, and one read from a text carries a comment
quoting the sentence.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from drafter.checks import SEVERITY_ORDER, Finding, rule_name
from drafter.questions import RATES, figure_questions
from drafter.summary.collect import (
    SOURCE_ANSWER,
    Summary,
    Total,
    Unit,
    unit_rate,
)

SHEET_TABLE = "汇总"
SHEET_FINDINGS = "检查结果"
SHEET_SOURCES = "数字来源"
SHEET_COLLECTION = "收集情况"
TOTAL_LABEL = "合计"
KIND_NAMES = {"answers": "答卷", "report": "报告"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
FIRST_MESSAGES = 3
"""Messages quoted per unit and rule in the findings sheet."""

LEAD_COLUMNS = ("序号", "单位", "所属县（市、区）", "年度", "文件类型", "文件")
TAIL_COLUMNS = ("错误", "警告", "备注")
COMMENT_AUTHOR = "drafter"

FORMAT_EXACT = "0"
FORMAT_APPROX = '0"余"'
FORMAT_RATE = "0.0%"
FORMAT_RATE_APPROX = '"约"0.0%'

UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters a worksheet cannot hold (XML 1.0 has no room for them): a file name or a
line of a .txt report may carry one."""
FORMULA_START = ("=", "+", "-", "@")
"""First characters that make Excel and WPS read what a user types into a cell as a formula."""


def figure_header(key: str) -> str:
    """ "普法宣传活动（场次）": the catalogue label with its unit word."""
    q = next(q for q in figure_questions() if q.key == key)
    return f"{q.label}（{q.unit}）" if q.unit else q.label


def rate_header(key: str) -> str:
    rate = next(r for r in RATES if r.key == key)
    return f"{rate.label}（%）"


def build_workbook(summary: Summary) -> bytes:
    """The workbook as .xlsx bytes (the caller writes them atomically)."""

    book = Workbook()
    table = book.active
    assert table is not None
    table.title = SHEET_TABLE
    _table_sheet(table, summary)
    _findings_sheet(book.create_sheet(SHEET_FINDINGS), summary.units)
    _sources_sheet(book.create_sheet(SHEET_SOURCES), summary.units)
    _collection_sheet(book.create_sheet(SHEET_COLLECTION), summary)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- writing cells


def _put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """The one way a value goes into a cell: numbers as numbers, every string as text.

    openpyxl stores a string that starts with "=" as a formula and one such as "#N/A" as an error
    value; a unit name, a line of the --expect list or a file name is never either. The cell is
    typed as a string (written as an inline string, which Excel, WPS and LibreOffice all read as
    literal text, never evaluated), and one that begins like a formula gets the quotePrefix style,
    the file format's leading apostrophe: the value keeps no visible apostrophe, and editing the
    cell in Excel or WPS keeps it text instead of turning it into a live formula then. Control
    characters a worksheet cannot hold show as their Unicode pictures (U+2400…).
    """
    if not isinstance(value, str):
        return sheet.cell(row=row, column=column, value=value)
    text = UNSTORABLE.sub(lambda m: chr(0x2400 + ord(m.group())), value)
    cell = sheet.cell(row=row, column=column, value=text)
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def _append(sheet: Any, values: Sequence[Any], *, gap: int = 0) -> None:
    """``values`` as the row below the last one written (``gap`` blank rows between)."""
    row = sheet.max_row + 1 + gap
    for column, value in enumerate(values, 1):
        _put(sheet, row, column, value)


# --------------------------------------------------------------------------- styling helpers


def _header(sheet: Any, headers: Sequence[str], widths: Sequence[float]) -> None:

    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = _put(sheet, 1, column, header)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(column)].width = width


def _comment(cell: Any, text: str) -> None:

    text = UNSTORABLE.sub(lambda m: chr(0x2400 + ord(m.group())), text)
    comment = Comment(text, COMMENT_AUTHOR)
    comment.width = 320
    comment.height = 40 + 20 * (len(text) // 24)
    cell.comment = comment


def _wrap(sheet: Any, row: int, columns: Sequence[int]) -> None:

    for column in columns:
        sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------- 汇总


def _table_sheet(sheet: Any, summary: Summary) -> None:

    figures = [q.key for q in figure_questions()]
    rates = [r.key for r in RATES]
    headers = [
        *LEAD_COLUMNS,
        *(figure_header(k) for k in figures),
        *(rate_header(k) for k in rates),
        *TAIL_COLUMNS,
    ]
    widths = [6, 16, 14, 8, 8, 28] + [11] * (len(figures) + len(rates)) + [7, 7, 40]
    _header(sheet, headers, widths)
    sheet.row_dimensions[1].height = 64
    first_figure = len(LEAD_COLUMNS) + 1
    first_rate = first_figure + len(figures)
    first_tail = first_rate + len(rates)
    from_text = Font(color="1F4E9E", italic=True)
    grey = PatternFill("solid", fgColor="EDEDED")
    for number, unit in enumerate(summary.units, 1):
        row = number + 1
        values = [
            number,
            unit.label,
            unit.county or "",
            unit.year or "",
            KIND_NAMES[unit.kind],
            unit.shown,
        ]
        for column, value in enumerate(values, 1):
            _put(sheet, row, column, value)
        for offset, key in enumerate(figures):
            found = unit.figures.get(key)
            if found is None:
                continue
            cell = _put(sheet, row, first_figure + offset, found.figure.value)
            cell.number_format = FORMAT_APPROX if found.figure.approx else FORMAT_EXACT
            if found.source != SOURCE_ANSWER:
                cell.font = from_text
                said = f"：“{found.sentence}”" if found.sentence else ""
                _comment(cell, f"来源：{found.source}{said}")
        for offset, key in enumerate(rates):
            rate = unit_rate(unit, key)
            if rate is None:
                continue
            cell = _put(sheet, row, first_rate + offset, rate[0])
            cell.number_format = FORMAT_RATE_APPROX if rate[1] else FORMAT_RATE
        _put(sheet, row, first_tail, unit.count("error"))
        _put(sheet, row, first_tail + 1, unit.count("warning"))
        _put(sheet, row, first_tail + 2, "；".join(unit.remarks))
        _wrap(sheet, row, [first_tail + 2])
        if not unit.counted:
            for column in range(1, len(headers) + 1):
                sheet.cell(row=row, column=column).fill = grey
    total_row = len(summary.units) + 2
    _put(sheet, total_row, 2, TOTAL_LABEL)
    counted = len(summary.counted)
    _put(sheet, total_row, 6, f"计入合计的单位：{counted} 个")
    for offset, key in enumerate([*figures, *rates]):
        total = summary.totals.get(key)
        if total is None or total.value is None:
            continue
        cell = _put(sheet, total_row, first_figure + offset, total.value)
        cell.number_format = _total_format(key, total)
        _comment(cell, total.note)
    for column in range(1, len(headers) + 1):
        sheet.cell(row=total_row, column=column).font = Font(bold=True)
    legend = total_row + 2
    _put(
        sheet,
        legend,
        2,
        "说明：蓝色斜体数字取自报告或答卷的文字（批注里是原句）；带“余”的是约数；"
        "灰色行未计入合计（见备注）；比率按合计数重新计算，不是各单位比率的平均。",
    )
    sheet.freeze_panes = sheet.cell(row=2, column=first_figure)


def _total_format(key: str, total: Total) -> str:
    if any(r.key == key for r in RATES):
        return FORMAT_RATE_APPROX if total.approx else FORMAT_RATE
    return FORMAT_APPROX if total.approx else FORMAT_EXACT


# --------------------------------------------------------------------------- 检查结果


def _example(finding: Finding) -> str:
    where = f"第 {finding.paragraph + 1} 段：" if finding.paragraph >= 0 else ""
    excerpt = f"（原文：{finding.excerpt}）" if finding.excerpt else ""
    return f"{where}{finding.message}{excerpt}"


def _findings_sheet(sheet: Any, units: Sequence[Unit]) -> None:
    headers = ("单位", "文件", "规则", "错误", "警告", "提示", f"说明（前 {FIRST_MESSAGES} 条）")
    _header(sheet, headers, (16, 28, 16, 7, 7, 7, 90))
    for unit in units:
        if not unit.findings:
            _append(sheet, [unit.label, unit.shown, "（未发现问题）", 0, 0, 0, ""])
            continue
        by_rule: dict[str, list[Finding]] = {}
        for finding in unit.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        ordered = sorted(
            by_rule.items(),
            key=lambda item: (min(SEVERITY_ORDER[f.severity] for f in item[1]), item[0]),
        )
        for rule, group in ordered:
            counts = [sum(1 for f in group if f.severity == s) for s in SEVERITY_NAMES]
            examples = "\n".join(_example(f) for f in group[:FIRST_MESSAGES])
            if len(group) > FIRST_MESSAGES:
                examples += f"\n……另有 {len(group) - FIRST_MESSAGES} 处"
            _append(sheet, [unit.label, unit.shown, rule_name(rule), *counts, examples])
            _wrap(sheet, sheet.max_row, [7])
    sheet.freeze_panes = "A2"


# --------------------------------------------------------------------------- 数字来源


def _sources_sheet(sheet: Any, units: Sequence[Unit]) -> None:
    _header(sheet, ("单位", "文件", "指标", "数值", "来源", "原文句子"), (16, 28, 26, 10, 18, 80))
    for unit in units:
        for q in figure_questions():
            found = unit.figures.get(q.key)
            if found is None:
                continue
            _append(
                sheet,
                [
                    unit.label,
                    unit.shown,
                    figure_header(q.key),
                    found.figure.value,
                    found.source,
                    found.sentence,
                ],
            )
            sheet.cell(row=sheet.max_row, column=4).number_format = (
                FORMAT_APPROX if found.figure.approx else FORMAT_EXACT
            )
            _wrap(sheet, sheet.max_row, [6])
    sheet.freeze_panes = "A2"


# --------------------------------------------------------------------------- 收集情况


ODD_NAME_NOTE = (
    "文件名里有看不见的控制字符（表中显示为 ␀～␟ 这样的符号），已照常汇总；"
    "建议改名（去掉这些字符），以免别的程序打不开它"
)


def collection_rows(summary: Summary) -> list[tuple[str, str, str, str]]:
    """(category, unit, file, explanation) for everything the county must chase."""
    rows: list[tuple[str, str, str, str]] = []
    for name in summary.missing:
        rows.append(("未报送", name, "", "名单上有这个单位，但没有找到它的答卷或报告"))
    for unit in summary.unexpected:
        rows.append(("名单外", unit.label, unit.shown, "单位名称不在名单中：请核对名称或名单"))
    for unit in summary.other_year:
        rows.append(
            (
                "年度不符",
                unit.label,
                unit.shown,
                f"报告年度为{unit.year}年，本次汇总的是{summary.year}年，未计入合计",
            )
        )
    for group in summary.duplicates:
        counted = next((u for u in group if u.counted), None)
        for unit in group:
            note = "计入合计" if unit is counted else "未计入合计"
            rows.append(
                ("重复报送", unit.label, unit.shown, f"同一单位有 {len(group)} 个文件；{note}")
            )
    for unit in summary.units:
        if not unit.name:
            rows.append(("未识别单位", unit.label, unit.shown, "没有从文件中读出单位名称"))
    for unit in summary.odd_names:
        rows.append(("文件名异常", unit.label, unit.shown, ODD_NAME_NOTE))
    for bad in summary.bad:
        if bad.bug:
            reason = "程序内部错误（drafter 的缺陷，不是文件的问题），请把这个文件发给维护人员"
        else:
            reason = bad.reason
        rows.append(("无法读取", "", bad.shown, reason))
    return rows


def _collection_sheet(sheet: Any, summary: Summary) -> None:
    _header(sheet, ("类别", "单位", "文件", "说明"), (12, 18, 36, 80))
    rows = collection_rows(summary)
    if not rows:
        _append(sheet, ["（无）", "", "", "名单上的单位都已报送，文件都能读取，年度一致，没有重复"])
    for row in rows:
        _append(sheet, list(row))
        _wrap(sheet, sheet.max_row, [4])
    if summary.expected:
        _append(
            sheet,
            [
                "名单",
                f"共 {len(summary.expected)} 个单位",
                "",
                f"已报送 {len(summary.expected) - len(summary.missing)} 个，"
                f"未报送 {len(summary.missing)} 个",
            ],
            gap=1,
        )
