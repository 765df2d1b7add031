"""The questionnaire: one prompt_toolkit session that walks the catalogue, section by section.

By responsibility:
  ``session``  the prompt_toolkit session (the only module that talks to the terminal);
  ``flow``     the walk of steps: which question, recording answers, going back, cross checks;
  ``screens``  start text, help, toolbar, section menu, the lines of the review;
  ``logic``    pure helpers (parsing what was typed, what is pending, what cannot apply);
  ``state``    what the screens see of the walk (``Flow``), and the steps after the first
               screen (``Later``), loaded in the background (``LATER``);
  ``entry``    ``drafter new`` / ``drafter edit``.

The steps after the first screen, reached only through ``state.LATER``:
  ``later``    the one module that names them all (what ``state.Later`` says);
  ``typed``    the working copy as the typed answers, and the rules across answers;
  ``review``   the review screen, the checks before the build, and the build;
  ``editors``  the items editor and the follow-ups of last year's plans and problems;
  ``confirm``  last year's figures, structured and inside carried texts, one step each.

Importing this package loads the first screen's modules only (``drafter new`` shows its first
question sooner); import the later steps' modules by name.
"""

from __future__ import annotations

from drafter.answers.file import RESERVED_KEYS
from drafter.questionnaire.entry import run_edit, run_new
from drafter.questionnaire.flow import Questionnaire, Step
from drafter.questionnaire.logic import (
    all_keys,
    check_input,
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
    "toolbar_text",
]
