"""What the screens and editors may use of a questionnaire in progress.

The walk (:class:`drafter.questionnaire.flow.Questionnaire`) calls the screens, the item editors
and the confirmation of carried figures, handing them itself. They see it through :class:`Flow`,
the part of it they need, so they do not import the walk that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from drafter.answers.model import Answers
from drafter.questions import Question


@dataclass
class Step:
    """One question of the walk and where it stands."""

    key: str
    section: int  # 1-based among the walked sections
    index: int  # 1-based within its section
    count: int  # questions in its section


class Flow(Protocol):
    """A questionnaire in progress, as the screens and editors see it."""

    path: Path | None
    data: dict[str, Any]
    """The working copy: the answers file's plain data, as edited so far."""
    keys: list[str]
    pending: list[str]
    editing: bool
    headings_shown: set[str]
    current: Question | None
    steps: list[Step]

    @property
    def year(self) -> int | None: ...

    @property
    def answers(self) -> Answers: ...

    def say(self, text: str = "") -> None: ...

    def ask(self, message: str, **kwargs: Any) -> Any: ...

    def columns(self) -> int:
        """The console's width."""
        ...

    def unfinished(self) -> str:
        """What was typed at the last prompt when Ctrl-C or Ctrl-D ended it."""
        ...

    def save(self) -> None: ...

    def record(self, q: Question, value: Any) -> None: ...

    def index_of(self, key: str) -> int: ...
