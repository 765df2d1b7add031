"""approx-misuse: 余/多 on a single-digit count (6余次) or a number not ending in 0 (15余场次), 约
with 余 (约1500余份), 均 for one item."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import when_used

RULE = "approx-misuse"

_UNITS = (
    r"(?:次|件|场次|场|份|名|人次|人|个|起|项|期|批次|批|户|天|条|篇|家|处|所|台|套|块|本|册|幅|条)"
)
# The digit first, its lookbehind after it: re then scans for digits (_text.preceded).
_SMALL_APPROX = re.compile(rf"([1-9])(?<![\d.][1-9])\s*(余|多)\s*{_UNITS}")
# 余/多 after a number that does not end in 0 (15余场次, 125余人): 余 means "a round number and
# some more", so it follows 10, 20, 100, 1500 — never 15.
_ODD_APPROX = when_used(rf"([1-9](?<![\d.][1-9])\d*[1-9])\s*(余|多)\s*(?:万|千|百)?\s*{_UNITS}")
_DOUBLE_APPROX = when_used(
    rf"(?:约|大约|近)\s*\d+(?:\.\d+)?\s*(?:余|多)\s*(?:万|千|百)?\s*{_UNITS}?"
)
_ONE_ALL = when_used(
    rf"(?:1(?<![\d.]1)|一(?<![\d.]一))\s*{_UNITS}[^，。；\d]{{0,4}}[，,]\s*(?:且|并|已|都)?均"
)


@register(RULE, "概数用法")
def check(context: Context) -> Iterator[Finding]:
    for index, text, norm in context.prose():
        # The first three patterns need a 余 or 多, the last a 均: most blocks have neither.
        approx = "余" in norm or "多" in norm
        for match in _SMALL_APPROX.finditer(norm) if approx else ():
            yield Finding(
                RULE,
                "error",
                f"“{match.group(2)}”不能用在个位数后面：请写确切数字（如“{match.group(1)}次”）。",
                text[match.start() : match.end()],
                index,
            )
        for match in _ODD_APPROX().finditer(norm) if approx else ():
            yield Finding(
                RULE,
                "warning",
                f"“{match.group(2)}”只用在整十、整百的数后（如“10余次”“150余人次”），"
                f"“{match.group(1)}{match.group(2)}”读起来不对：请写确切数字（如“{match.group(1)}次”）"
                "或改为整数约数。",
                text[match.start() : match.end()],
                index,
            )
        for match in _DOUBLE_APPROX().finditer(norm) if approx else ():
            yield Finding(
                RULE,
                "warning",
                "“约”和“余/多”重复表示概数，保留一个即可。",
                text[match.start() : match.end()],
                index,
            )
        for match in _ONE_ALL().finditer(norm) if "均" in norm else ():
            yield Finding(
                RULE,
                "error",
                "只有一项时不能用“均”，请改为“该项……”或删去“均”。",
                text[match.start() : match.end()],
                index,
            )
