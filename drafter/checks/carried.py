"""Last year's figures in a new year's answers: carried figures not confirmed, figures dropped.

Both rules need the answers file's record (``last_year`` and ``carried_figures``, see
``drafter.answers.carried``): they run on the answers at build and on the review screen
(:func:`drafter.checks.answers.carried_findings`). A report on its own cannot tell last year's figure from this year's, so on blocks
(``drafter check``) they find nothing; they are registered for their ids and Chinese names.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.checks._text import Context
from drafter.checks.base import Finding, register

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
