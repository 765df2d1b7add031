"""outdated-term: superseded regulations and terms for the report's year, wrong plan date ranges.

The data lives in :mod:`drafter.checks.terms`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.blocks import cn_value
from drafter.checks._text import Context, inside, literal_leads, protected_spans
from drafter.checks.base import Finding, register
from drafter.checks.terms import PLAN_RANGES, RANGE, SESSION_LIST, SESSIONS_HELD, TERMS
from drafter.text.hanzi import when_used

RULE = "outdated-term"

# Each pattern with the literal texts one of which every match of it holds: a text without
# them (most texts, for most terms) is passed after a few substring tests, and a pattern is
# compiled only when a text first holds one (a report names a few of these terms, most none).
_COMPILED = [(term, when_used(term.pattern), literal_leads(term.pattern)) for term in TERMS]
_PLANS = [
    (name, when_used(plan), literal_leads(plan), ranges)
    for name, ranges in PLAN_RANGES
    # A place before the name is a province's or a city's own plan (《广东省法治政府建设实施纲要
    # （2016—2020年）》), with its own years.
    for plan in [r"(?<![省市县区州盟旗])" + re.escape(name) + r"\s*[》]?\s*" + RANGE]
]


def _held(leads: tuple[str, ...] | None, norm: str) -> bool:
    return leads is None or any(lead in norm for lead in leads)


def _sessions(context: Context, index: int) -> Iterator[Finding]:
    """The guiding formula naming the 二十届 sessions one by one, without the last one held in
    the report's year."""
    year = context.year
    if year is None or "二十届" not in context.norm[index]:
        return
    # Years after the table: the last session it knows (a later one would be added here).
    held = SESSIONS_HELD.get(year, max(SESSIONS_HELD.values()) if year > max(SESSIONS_HELD) else 0)
    if not held:
        return
    for match in SESSION_LIST().finditer(context.norm[index]):
        named = [cn_value(ch) or 0 for ch in match.group("sessions") if ch in "一二三四五六七"]
        if max(named) < held:
            last = "一二三四五六七"[held - 1]
            yield Finding(
                RULE,
                "warning",
                f"{year}年内已召开二十届{last}中全会：应写到“{last}中全会”，或写“二十届历次全会精神”。",
                context.texts[index][match.start() : match.end()],
                index,
            )


@register(RULE, "过时的提法")
def check(context: Context) -> Iterator[Finding]:
    year = context.year
    for index, text, norm in context.prose():
        yield from _sessions(context, index)
        for term, pattern, leads in _COMPILED:
            if not _held(leads, norm):
                continue
            if year is None and (term.since is not None or term.before is not None):
                continue
            if term.since is not None and year is not None and year < term.since:
                continue
            if term.before is not None and year is not None and year >= term.before:
                continue
            titles = protected_spans(norm, "《》") if term.outside_titles else []
            for match in pattern().finditer(norm):
                if titles and inside(titles, match.start(), match.end()):
                    continue
                yield Finding(
                    RULE,
                    term.severity,  # type: ignore[arg-type]
                    term.message,
                    text[match.start() : match.end()],
                    index,
                )
        for name, pattern, leads, ranges in _PLANS:
            for match in pattern().finditer(norm) if _held(leads, norm) else ():
                found = (int(match.group(1)), int(match.group(2)))
                if found not in ranges:
                    right = "、".join(f"{a}—{b}年" for a, b in ranges)
                    yield Finding(
                        RULE,
                        "error",
                        f"《{name}》的期限写错了：应为{right}。",
                        text[match.start() : match.end()],
                        index,
                    )
