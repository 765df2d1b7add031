"""Last year's figures in a new year's answers: carried figures not confirmed, figures dropped.

Both rules need the answers file's record (``last_year`` and ``carried_figures``, see
``drafter.answers.carried``): they run on the answers at build (``check_answers``) and on the review
screen. A report on its own cannot tell last year's figure from this year's, so on blocks
(``drafter check``) they find nothing; they are registered for their ids and Chinese names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from drafter.answers import carried
from drafter.answers.file import model_to_data
from drafter.checks._text import Context
from drafter.checks.base import AnswerFinding, Finding, register
from drafter.questions import QUESTIONS

CARRIED = "carried-figure"
DROPPED = "figure-dropped"


@register(CARRIED, "沿用的数字未确认")
def carried_figure(context: Context) -> Iterable[Finding]:
    """Answers-level only (see the module doc)."""
    return ()


@register(DROPPED, "去年的数字今年没有填写")
def figure_dropped(context: Context) -> Iterable[Finding]:
    """Answers-level only (see the module doc)."""
    return ()


def answers_data(answers: Any) -> dict[str, Any]:
    """The answers model as plain data with the bookkeeping the rules need."""

    data: dict[str, Any] = dict(model_to_data(answers))
    data["last_year"] = getattr(answers, "last_year", None) or {}
    data["carried_figures"] = getattr(answers, "carried_figures", None) or []
    return data


def carried_findings(answers: Any) -> list[Any]:
    """One warning per carried figure not confirmed for the report's year, naming its sentence
    and last year's value; one per figure reported last year and left empty this year."""

    data = answers_data(answers)
    year = answers.get("identity.year")
    found = []
    for cf in carried.outstanding(data, year):
        located = carried.locate(data, cf)
        sentence = located[1].sentence if located else cf.sentence
        finding = Finding(CARRIED, "warning", carried.outstanding_message(cf, year), sentence, 0)
        found.append(AnswerFinding(cf.question, cf.place, finding))
    for key, last in carried.dropped(data):
        finding = Finding(DROPPED, "warning", carried.dropped_message(key, last), "", 0)
        found.append(AnswerFinding(key, QUESTIONS[key].label, finding))
    return found
