"""The working copy as the typed answers, and the rules across answers.

The questionnaire edits the answers file's plain data (partial, not yet valid answers); what is
handed on (the carried figures, the checks, a build) and the checks across answers see it as the
typed model. Only the steps after the first screen need it (``later``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafter.answers.model import Answers, cross_check, parse_answers
from drafter.questionnaire.logic import related_keys


def model_of(data: Mapping[str, Any]) -> Answers:
    """The typed answers of the working copy: a value that does not validate (yet) is left
    empty (``invalid_answers`` names it to the user)."""
    return parse_answers(data)[0]


def cross_problems(data: Mapping[str, Any], key: str | None = None) -> list[tuple[str, str]]:
    """Cross-field problems (all, or those that involve ``key``): (key, Chinese message)."""

    problems = cross_check(model_of(data))
    if key is None:
        return problems
    return [(k, m) for k, m in problems if key in related_keys(k)]
