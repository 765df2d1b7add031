"""Libraries' English messages said in Chinese: one shape of table for each library that talks.

ruamel.yaml (answers files) and Jinja (county templates) build their messages from a fixed set of
English templates. Each family is a :class:`Problem`: a regular expression on the English, and
the Chinese message and hint, which may use the expression's named groups (``{name}``; literal
braces are doubled). The first matching entry of a table wins, so specific entries go first.
argparse's messages are gettext ids and are translated by ``argparse_zh`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One family of English messages: a pattern on the message (and optionally its context)."""

    pattern: str
    message: str
    """Chinese; may use the pattern's named groups."""
    hint: str = ""
    context: str = ""

    def match(self, problem: str, context: str = "") -> dict[str, str] | None:
        """The named groups the pattern found in ``problem`` (empty ones left out), or None."""
        if self.context and not re.search(self.context, context):
            return None
        found = re.search(self.pattern, problem)
        if found is None:
            return None
        return {k: v for k, v in found.groupdict().items() if v is not None}


def first_match(
    problems: Iterable[Problem], problem: str, context: str = ""
) -> tuple[Problem, dict[str, str]] | None:
    """The first entry of a table that matches, with the values its pattern found."""
    for candidate in problems:
        values = candidate.match(problem, context)
        if values is not None:
            return candidate, values
    return None
