"""``drafter check FILE [--format text|json] [--all]``: read any report, run the checks, print findings.

Text output is plain Chinese that works in a Windows console (no colours): one entry per finding,
errors first; a finding found at several places is one entry listing them, each with its
paragraph number (全文 for the whole document) and the excerpt marked with 【】 in its sentence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from drafter.blocks import Block
from drafter.checks.base import (
    Finding,
    Grouped,
    Place,
    findings_to_json,
    group_findings,
    rule_name,
    run_checks,
)
from drafter.checks.present import SERIOUS, SEVERITY_NAMES, exit_code, marked, place, summary
from drafter.errors import DrafterError
from drafter.reader import read_blocks

CONTEXT_CHARS = 12
"""Characters of the paragraph shown on each side of the excerpt."""
SHOWN_PLACES = 5
"""Places of one finding shown with their text; the rest by paragraph number only."""


def run_check_command(path: Path, fmt: str, out: TextIO, show_all: bool = False) -> int:
    """Check one file and print the findings; DrafterError when the file is unusable.

    Returns 1 when there are error or warning findings, else 0: hints (info, e.g. no part 5,
    which the regulation allows) alone do not fail a report. Text output lists hints only with
    ``show_all``; JSON always has every finding.
    """
    if fmt not in ("text", "json"):
        raise DrafterError(
            f"不支持的输出格式“{fmt}”。",
            field="--format",
            hint="请用 --format text 或 --format json。",
        )

    path = Path(path)
    blocks = read_blocks(path)
    findings = run_checks(blocks)
    write_findings(path, blocks, findings, fmt, out, show_all=show_all)
    return exit_code(f.severity for f in findings)


def write_findings(
    path: Path,
    blocks: Sequence[Block],
    findings: Sequence[Finding],
    fmt: str,
    out: TextIO,
    *,
    show_all: bool = False,
) -> None:
    """The findings of one file as ``drafter check`` prints them: JSON, or Chinese text."""
    if fmt == "json":
        json.dump(findings_to_json(str(path), findings), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(format_text(str(path), blocks, findings, show_all=show_all))


def format_text(
    file: str, blocks: Sequence[Block], findings: Sequence[Finding], show_all: bool = False
) -> str:
    """The findings as Chinese text, one entry per finding however many places it has (errors
    first), each place with its excerpt in context; a one-line summary at the end."""
    lines = [f"检查文件：{file}", ""]
    groups = group_findings(findings)
    for group in groups:
        if not (show_all or group.severity in SERIOUS):
            continue
        severity = SEVERITY_NAMES[group.severity]
        count = f"（{group.count} 处）" if group.count > 1 else ""
        lines.append(f"■ [{severity}] {rule_name(group.rule)}{count}：{group.message}")
        lines += _place_lines(blocks, group)
        lines.append("")
    if findings:
        places = [f.severity for f in findings]
        lines.append(summary([g.severity for g in groups], show_all, places))
    else:
        lines.append("未发现问题。")
    return "\n".join(lines) + "\n"


def _place_lines(blocks: Sequence[Block], group: Grouped) -> list[str]:
    """Each place of a finding in its context; past SHOWN_PLACES, only the paragraphs."""
    lines = []
    for where in group.places[:SHOWN_PLACES]:
        shown = _highlight(blocks, where)
        lines.append(f"    {place(where.paragraph)}" + (f"　{shown}" if shown else ""))
    rest = group.places[SHOWN_PLACES:]
    if rest:
        paragraphs = sorted({p.paragraph + 1 for p in rest if p.paragraph >= 0})
        lines.append(f"    另有 {len(rest)} 处：第 {'、'.join(map(str, paragraphs))} 段")
    return lines


def _highlight(blocks: Sequence[Block], finding: Place) -> str:
    """The excerpt in its context: …前文【原文】后文…"""
    if not finding.excerpt or not 0 <= finding.paragraph < len(blocks):
        return ""
    text = blocks[finding.paragraph].full_text.replace("\n", " ")
    excerpt = finding.excerpt.replace("\n", " ")
    at = text.find(excerpt)
    if at < 0:
        return marked(excerpt)
    before = text[max(at - CONTEXT_CHARS, 0) : at]
    after = text[at + len(excerpt) : at + len(excerpt) + CONTEXT_CHARS]
    lead = "…" if at > CONTEXT_CHARS else ""
    tail = "…" if at + len(excerpt) + CONTEXT_CHARS < len(text) else ""
    return f"{lead}{before}{marked(excerpt)}{after}{tail}"
