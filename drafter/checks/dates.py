"""missing-date: the 成文日期 line is missing, or its month or day is not filled in.

A report that is signed must be dated (GB/T 9704: 成文日期 under the signature). Drafts carry
"2025年　　月　　日" until the user answers the date, so the clerk can write the day in by hand:
that is a warning, not an error. A report with neither signature nor date (many texts pasted from
Word) gets a hint only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register

RULE = "missing-date"

_DIGITS = "\\d一二三四五六七八九十〇零○０-９"
_FULL = re.compile(rf"年\s*[{_DIGITS}]{{1,3}}\s*月\s*[{_DIGITS}]{{1,3}}\s*日")
_DATE_LIKE = re.compile(r"^\s*(?:\d{4}|[一二三四五六七八九〇零○]{4})\s*年[^，。；]{0,12}$")


@register(RULE, "缺少成文日期")
def check(context: Context) -> Iterator[Finding]:
    blocks = context.blocks
    example = f"{context.year + 1}年1月15日" if context.year else "2025年1月15日"
    dates = [i for i, b in enumerate(blocks) if b.kind == "date"]
    if not dates:
        # A date-like last line the reader did not take for the date ("2025年元月").
        tail = [
            i for i in range(max(len(blocks) - 2, 0), len(blocks)) if blocks[i].kind == "paragraph"
        ]
        dates = [i for i in tail if _DATE_LIKE.match(context.texts[i]) and "月" in context.texts[i]]
    for index in dates:
        text = context.texts[index]
        if not _FULL.search(context.norm[index]):
            yield Finding(
                RULE,
                "warning",
                f"成文日期没有写全（月、日还空着）：报送前请填上具体日期，如“{example}”。",
                text.strip(),
                index,
            )
    if dates:
        return
    signatures = [i for i, b in enumerate(blocks) if b.kind == "signature"]
    if signatures:
        yield Finding(
            RULE,
            "error",
            f"落款单位下面没有成文日期：请在落款下一行写上日期，如“{example}”。",
            context.texts[signatures[-1]],
            signatures[-1],
        )
    elif any(b.kind in ("heading", "paragraph") for b in blocks):
        yield Finding(
            RULE,
            "info",
            "没有找到落款单位和成文日期：正式报送的报告应在文末写明落款单位和日期。",
            "",
            -1,
        )
