"""outdated-term: superseded regulations and terms for the report's year, wrong plan date ranges.

The data lives in :mod:`drafter.checks.terms`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import AnyOf, Context
from drafter.checks.base import Finding, register
from drafter.checks.terms import PLAN_RANGES, RANGE, TERMS

RULE = "outdated-term"

_COMPILED = [(term, re.compile(term.pattern)) for term in TERMS]
_PLANS = [(name, re.compile(re.escape(name) + r"\s*[》]?\s*" + RANGE.pattern), ranges)
          for name, ranges in PLAN_RANGES]  # fmt: skip
_ANY = AnyOf([pattern for _, pattern in _COMPILED] + [pattern for _, pattern, _ in _PLANS])


@register(RULE, "过时的提法")
def check(context: Context) -> Iterator[Finding]:
    year = context.year
    for index, text, norm in context.prose():
        if not _ANY.may_match(norm):
            continue
        for term, pattern in _COMPILED:
            if year is None and (term.since is not None or term.before is not None):
                continue
            if term.since is not None and year is not None and year < term.since:
                continue
            if term.before is not None and year is not None and year >= term.before:
                continue
            for match in pattern.finditer(norm):
                yield Finding(
                    RULE,
                    term.severity,  # type: ignore[arg-type]
                    term.message,
                    text[match.start() : match.end()],
                    index,
                )
        for name, pattern, ranges in _PLANS:
            for match in pattern.finditer(norm):
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
