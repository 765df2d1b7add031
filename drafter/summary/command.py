"""``drafter summary FILES|DIR... -o 汇总.xlsx [--expect 名单.txt] [--year N] [--force]``.

Exit codes (docs/contracts.md): 0 the workbook is written and there is nothing to chase; 1 it is written
and something needs the county's attention (check errors or warnings in a unit, a unit missing from
the list or not on it, another year's file, two files for one unit, a file that cannot be read);
2 nothing usable (no readable file, a bad option; nothing written); 3 a drafter bug while reading
one of the files (the workbook is still written, the file listed, the details logged).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from drafter.errors import EXIT_BUG, EXIT_FINDINGS, EXIT_OK, DrafterError
from drafter.io.console import display_width, table_lines
from drafter.io.errorlog import write_error_log
from drafter.io.inputs import same_file
from drafter.io.outputs import refuse_special_output, write_output
from drafter.summary.collect import Summary, read_expected, summarise
from drafter.summary.workbook import KIND_NAMES, build_workbook, collection_rows, figure_header

TERMINAL_FIGURES = ("publicity.activities", "publicity.materials", "disputes.mediated")
"""Headline figures whose 合计 the terminal shows (the workbook has them all)."""
REMARK_WIDTH = 36


def cut(text: str, columns: int) -> str:
    if display_width(text) <= columns:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > columns - 1:
            break
        out += ch
    return out + "…"


def format_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as aligned lines."""
    return table_lines(rows, rule=False)


def summary_target(out: Path, inputs: Sequence[Path], *, force: bool) -> Path:
    """A .xlsx that is none of the inputs (the write takes a new name unless --force)."""

    out = Path(out)
    refuse_special_output(out)
    if out.is_dir():
        out = out / "汇总.xlsx"
    elif out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    for path in inputs:
        if same_file(path, out):
            raise DrafterError(
                "汇总表不能写到要汇总的文件上。",
                path=out,
                field="-o",
                hint="请用 -o 指定一个新的 .xlsx 文件名，如 -o 汇总.xlsx。",
            )
    return out


def terminal_report(summary: Summary, written: Path) -> list[str]:
    """The short text the county sees in the console."""
    counted = summary.counted
    year = f"{summary.year}年度" if summary.year else "年度未识别"
    lines = [
        f"汇总：{len(summary.units)} 个文件可读，{len(counted)} 个单位计入合计（{year}）。",
        "",
    ]
    rows = [["序号", "单位", "年度", "类型", "数字", "错误", "警告", "备注"]]
    for number, unit in enumerate(summary.units, 1):
        rows.append(
            [
                str(number),
                unit.label,
                str(unit.year or "?"),
                KIND_NAMES[unit.kind],
                str(len(unit.figures)),
                str(unit.count("error")),
                str(unit.count("warning")),
                cut("；".join(unit.remarks), REMARK_WIDTH),
            ]
        )
    if summary.units:
        lines += format_table(rows)
    shown = []
    for key in TERMINAL_FIGURES:
        total = summary.totals.get(key)
        if total is not None and total.value is not None:
            value = f"{total.value:g}" + ("余" if total.approx else "")
            shown.append(f"{figure_header(key)} {value}")
    if shown:
        lines += ["", "合计：" + "，".join(shown) + "（全部指标见汇总表）"]
    chase = collection_rows(summary)
    if chase:
        lines += ["", "需要跟进："]
        for category, name, file, note in chase:
            who = "，".join(part for part in (name, file) if part)
            lines.append(f"  [{category}] {who}：{cut(note, 80)}")
    lines += ["", f"已写出汇总表：{written}"]
    return lines


def run_summary_command(
    paths: Sequence[Path],
    output: Path,
    out: TextIO,
    *,
    expect: Path | None = None,
    year: int | None = None,
    force: bool = False,
) -> int:

    if not paths:
        raise DrafterError(
            "没有指定要汇总的文件或文件夹。", hint="例如：drafter summary 收集/ -o 汇总.xlsx"
        )
    expected = read_expected(expect) if expect is not None else []
    inputs = [Path(p) for p in paths] + ([Path(expect)] if expect is not None else [])
    target = summary_target(output, inputs, force=force)
    summary = summarise(
        [Path(p) for p in paths],
        expected=expected,
        year=year,
        exclude=[p for p in (expect, target) if p is not None],
    )
    if not summary.units:
        reasons = "\n".join(f"  - {b.shown}：{b.reason.splitlines()[-1]}" for b in summary.bad)
        raise DrafterError(
            "没有可以汇总的文件："
            + ("\n" + reasons if reasons else "给出的文件夹里没有答卷或报告。"),
            hint="汇总需要答卷（.yaml）或报告（.docx、.txt）；旧版 .doc 请先另存为 .docx。",
        )
    target = write_output(target, build_workbook(summary), force=force, inputs=inputs)
    print("\n".join(terminal_report(summary, target)), file=out)
    bugs = [b for b in summary.bad if b.bug]
    if bugs:
        text = "\n\n".join(f"{b.shown}\n{b.reason}" for b in bugs)
        log = write_error_log(text)  # a private per-user folder, never through a link
        where = f"详细信息已写入 {log}" if log else "详细信息：\n" + text
        print(
            f"读取 {len(bugs)} 个文件时发生程序内部错误（drafter 的缺陷，不是文件的问题）。"
            f"汇总表已写出，其余文件不受影响。{where}",
            file=sys.stderr,
        )
        return EXIT_BUG
    return EXIT_FINDINGS if summary.has_issues else EXIT_OK
