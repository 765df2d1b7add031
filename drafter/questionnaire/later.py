"""The questionnaire's steps after the first screen, as one module: what ``state.Later`` names.

The first question needs only prompt_toolkit, the catalogue and the answers file; this module
brings the rest (the typed answers, last year's figures and reports, the checks, the templates
and the build). ``state.LATER`` imports it in a background thread once the first screen is
drawn; nothing else in the questionnaire imports it, so ``drafter new`` shows its first question
without waiting for what comes after.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.answers.carryover import (
    carried_notes,
    figure_warning,
    last_year_text,
    migration_report,
    start_from_data,
    start_from_last,
)
from drafter.answers.model import Answers, to_data
from drafter.checks.county import county_problem
from drafter.importer import import_file
from drafter.importer.classify import KIND_NAMES
from drafter.questionnaire.confirm import ask_carried_in, ask_figure, outstanding_in
from drafter.questionnaire.editors import special_items
from drafter.questionnaire.review import review
from drafter.questionnaire.state import Flow, Later
from drafter.questionnaire.typed import cross_problems, model_of
from drafter.questions import Question


def ask_items(flow: Flow, q: Question) -> Any:
    """An items question: last year's plans and problems one by one, or the items editor."""
    return special_items(flow, q)(flow, q)


def start_from_report(path: Path) -> Answers:
    """The new year's answers from last year's report (.docx or .txt), imported."""
    return start_from_data(import_file(path), path.name)


def part_name(kind: str) -> str:
    """What a kind of part of a report is called (an imported report's structure)."""
    return KIND_NAMES.get(kind, kind)


__all__ = [
    "ask_carried_in",
    "ask_figure",
    "ask_items",
    "carried_notes",
    "county_problem",
    "cross_problems",
    "figure_warning",
    "last_year_text",
    "migration_report",
    "model_of",
    "outstanding_in",
    "part_name",
    "review",
    "start_from_last",
    "start_from_report",
    "to_data",
]

if TYPE_CHECKING:
    # mypy checks here that this module is what ``state.Later`` says it is.
    import drafter.questionnaire.later as this_module

    checked: Later = this_module
