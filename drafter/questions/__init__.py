"""The question catalogue: one source of truth per question.

Each :class:`Question` carries its key, section, Chinese label, help, type, unit word, bounds,
default and whether it carries over to next year. The questionnaire's prompts, the model's
validation, the answers file's comments and the template variables all follow from it.

Keys are ``section.field``; the answers file nests them the same way. The package imports
nothing heavy, so ``drafter --help`` and the first prompt stay fast. By responsibility:

  ``question``  the types (:class:`Question`, :class:`Section`, :class:`Rate`) and constructors;
  ``frame``     the report's frame (基本信息, 开头段, 不足, 整改, 安排, 结尾段) and its defaults;
  ``measures``  the year's work, one section per area a report accounts for.

This module puts the sections in report order and indexes them.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.questions.frame import (
    CLOSING,
    IDENTITY,
    OPENING,
    OPENING_CLAUSES,
    OTHER,
    PLANS,
    PROBLEMS,
    RECTIFICATION,
)
from drafter.questions.measures import MEASURES
from drafter.questions.question import (
    AnswerData,
    AnswerLookup,
    DefaultFn,
    Kind,
    Question,
    Rate,
    Section,
    get_answer,
)
from drafter.render.outlines import OUTLINES

SECTIONS: tuple[Section, ...] = (
    IDENTITY,
    OPENING,
    *MEASURES,
    PROBLEMS,
    RECTIFICATION,
    PLANS,
    OTHER,
    CLOSING,
)

RATES: tuple[Rate, ...] = (
    Rate("study.pass_rate", "考试合格率", "study.exam_passed", "study.exam_participants"),
    Rate("disputes.success_rate", "调解成功率", "disputes.resolved", "disputes.mediated"),
    Rate("petitions.resolve_rate", "办结率", "petitions.resolved", "petitions.received"),
)

QUESTIONS: dict[str, Question] = {q.key: q for s in SECTIONS for q in s.questions}
SECTION_BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}


def iter_questions() -> Iterator[Question]:
    for section in SECTIONS:
        yield from section.questions


def figure_questions() -> list[Question]:
    return [q for q in iter_questions() if q.kind == "figure"]


__all__ = [
    "OPENING_CLAUSES",
    "OUTLINES",
    "QUESTIONS",
    "RATES",
    "SECTIONS",
    "SECTION_BY_NAME",
    "AnswerData",
    "AnswerLookup",
    "DefaultFn",
    "Kind",
    "Question",
    "Rate",
    "Section",
    "figure_questions",
    "get_answer",
    "iter_questions",
]
