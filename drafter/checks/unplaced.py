"""unplaced: content an import could not place, still waiting in the answers file.

``drafter import`` lists what fits no question under ``unplaced_items`` (a lead-in paragraph with
no topic, a part title carrying a figure). None of it reaches the draft, so a build reports each
entry as a warning against the answers file, where the user moves it; a report read on its own has
no such list, so the rule finds nothing in blocks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from drafter.checks._text import Context
from drafter.checks.base import Finding, register

RULE = "unplaced"
KEY = "unplaced_items"
_EXCERPT = 40


@register(RULE, "导入后未安置的内容")
def check_unplaced(context: Context) -> Iterator[Finding]:
    """Answers-level only: a report's blocks carry no import list."""
    return iter(())


def unplaced_findings(data: Mapping[str, Any]) -> list[tuple[str, Finding]]:
    """(Chinese place, finding) for every entry of the answers file's ``unplaced_items``."""
    entries = data.get(KEY)
    if not isinstance(entries, list):
        return []
    out: list[tuple[str, Finding]] = []
    for n, entry in enumerate(entries, 1):
        if isinstance(entry, Mapping):
            heading = str(entry.get("heading") or "").strip()
            text = str(entry.get("text") or "").strip()
            origin = str(entry.get("from") or "").strip()
        else:
            heading, text, origin = "", str(entry or "").strip(), ""
        if not (heading or text):
            continue
        excerpt = heading or (text[:_EXCERPT] + ("……" if len(text) > _EXCERPT else ""))
        where = f"从{origin}导入" if origin else "从旧报告导入"
        message = (
            f"这段{where}的内容没有写进报告：请把它移到合适问题的“具体措施”里（或确认不要），"
            f"再从答卷末尾的 {KEY} 中删去这一条。"
        )
        out.append(
            (f"导入时无法确定位置的内容第{n}条", Finding(RULE, "warning", message, excerpt, -1))
        )
    return out
