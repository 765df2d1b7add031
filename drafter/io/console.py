"""Text laid out for a terminal, where an ideograph or a full-width mark takes two columns."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    """Terminal columns of ``text``: ideographs and full-width marks take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` terminal columns."""
    return text + " " * max(columns - display_width(text), 0)


def table_lines(rows: Sequence[Sequence[str]], *, rule: bool = True) -> list[str]:
    """Rows as lines whose columns line up (two spaces between them); with ``rule`` a line of
    dashes under the first row, the header."""
    widths = [max(display_width(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        lines.append("  ".join(pad(cell, widths[c]) for c, cell in enumerate(row)).rstrip())
        if rule and number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines
