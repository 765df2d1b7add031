"""The questionnaire: one prompt_toolkit session that walks the catalogue, section by section.

By responsibility:
  ``session``  the prompt_toolkit session (the only module that talks to the terminal);
  ``flow``     the walk of steps: which question, recording answers, going back, cross checks;
  ``screens``  start text, help, toolbar, section menu, review and build;
  ``editors``  the items editor and the follow-ups of last year's plans and problems;
  ``confirm``  last year's figures, structured and inside carried texts, one step each;
  ``logic``    pure helpers (parsing what was typed, what is pending, what cannot apply);
  ``entry``    ``drafter new`` / ``drafter edit``.
"""

from __future__ import annotations

import drafter.answers.carryover  # noqa: F401  (registers the schema-0 migration before any file is read)
from drafter.answers.file import RESERVED_KEYS
from drafter.questionnaire.entry import run_edit, run_new
from drafter.questionnaire.flow import Questionnaire, Step
from drafter.questionnaire.logic import (
    all_keys,
    check_input,
    cross_problems,
    current_value,
    pending_keys,
    prefill_text,
    skip_reason,
    store_value,
)
from drafter.questionnaire.screens import (
    format_value,
    help_text,
    resume_text,
    review_lines,
    review_pages,
    start_text,
    summary_lines,
    toolbar_text,
)
from drafter.questionnaire.session import BACK, MENU
from drafter.questions import OUTLINES

__all__ = [
    "BACK",
    "MENU",
    "OUTLINES",
    "RESERVED_KEYS",
    "Questionnaire",
    "Step",
    "all_keys",
    "check_input",
    "cross_problems",
    "current_value",
    "format_value",
    "help_text",
    "pending_keys",
    "prefill_text",
    "resume_text",
    "review_lines",
    "review_pages",
    "run_edit",
    "run_new",
    "skip_reason",
    "start_text",
    "store_value",
    "summary_lines",
    "toolbar_text",
]
