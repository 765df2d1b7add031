"""What the reader reads before it makes blocks: cleaned paragraphs and tables, each with the
place in the file it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
"""Stripped from both ends of a paragraph (and between a heading number and its text)."""

# Leftovers of converting Word files to text (see seeds/INDEX.md).
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


@dataclass(slots=True)
class Table:
    """A table's rows of cells, as read."""

    rows: list[list[str]] = field(default_factory=list)


Item = str | Table
"""A cleaned paragraph, or a table."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a piece of a block's text stands in the file it was read from.

    ``drafter check --annotate`` uses it to anchor a comment on the text a finding quotes.

    ``paragraph``: the ``w:p`` element of a .docx (None for a .txt); ``line``: which line of the
    paragraph (split at ``w:br``) the block holds, -1 for the whole paragraph (a table cell's
    paragraph, whose line breaks become spaces), for a .txt the index of the line in the file;
    ``prefix``: the automatic list number Word shows before the text (numPr), in the block, not
    in a run.
    """

    paragraph: Any
    line: int
    prefix: str = ""


def clean(line: str) -> str:
    return _BOOKMARK.sub("", line).strip(SPACES)
