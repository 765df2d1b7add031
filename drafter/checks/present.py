"""How findings read in text output (``drafter build`` and ``drafter check``): one shared wording.

Users see a rule's Chinese name, never its id (ids are for JSON); a finding about the whole
document (paragraph -1) is placed at 全文; hints (info) are counted always but listed only on
request (``--all``); and one exit-code rule holds for every command: errors or warnings → 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafter.checks.base import Finding, rule_name
from drafter.errors import EXIT_FINDINGS, EXIT_OK

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SERIOUS = ("error", "warning")
SHOW_ALL_OPTION = "--all"


def place(paragraph: int) -> str:
    """第 N 段 (1-based), or 全文 for a finding about the whole document."""
    return "全文" if paragraph < 0 else f"第 {paragraph + 1} 段"


def listed(findings: Iterable[Finding], show_all: bool) -> list[Finding]:
    """The findings to print: all with ``show_all``, else errors and warnings."""
    return [f for f in findings if show_all or f.severity in SERIOUS]


def marked(excerpt: str) -> str:
    """``【excerpt】``; an excerpt that is itself a 【…】 (a draft's 【待补充：……】) as it
    stands, so the marks are never doubled (【【待补充：……】】)."""
    if excerpt.startswith("【") and excerpt.endswith("】"):
        return excerpt
    return f"【{excerpt}】"


def finding_line(finding: Finding, where: str) -> str:
    """``  [警告] 第 5 段　重复句子：message（【excerpt】）``"""
    label = SEVERITY_NAMES.get(finding.severity, "提示")
    excerpt = f"（{marked(finding.excerpt)}）" if finding.excerpt else ""
    return f"  [{label}] {where}　{rule_name(finding.rule)}：{finding.message}{excerpt}"


def summary(severities: Sequence[str], show_all: bool, places: Sequence[str] | None = None) -> str:
    """``检查结果：1 个错误，0 个警告，1 个提示（提示未列出，加 --all 查看）。``

    ``severities``: one per finding as listed; ``places``: the severity of every place, when a
    finding listed may stand for several ("2 个错误，1 个警告，共 31 处").
    """
    counts = {name: sum(1 for s in severities if s == name) for name in SEVERITY_NAMES}
    text = "，".join(f"{counts[s]} 个{SEVERITY_NAMES[s]}" for s in SEVERITY_NAMES)
    if places is not None and len(places) != len(severities):
        text += f"，共 {len(places)} 处"
    hidden = "" if show_all or not counts["info"] else f"（提示未列出，加 {SHOW_ALL_OPTION} 查看）"
    return f"检查结果：{text}{hidden}。"


def exit_code(severities: Iterable[str]) -> int:
    """1 when there is an error or a warning (the same for build and check), else 0."""
    return EXIT_FINDINGS if any(s in SERIOUS for s in severities) else EXIT_OK
