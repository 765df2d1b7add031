"""What the screens and editors may use of a questionnaire in progress, and what the walk may
use of the steps after its first screen.

The walk (:class:`drafter.questionnaire.flow.Questionnaire`) calls the screens, the item editors
and the confirmation of carried figures, handing them itself. They see it through :class:`Flow`,
the part of it they need, so they do not import the walk that imports them.

The first question needs only prompt_toolkit, the catalogue and the answers file. Everything
else (the typed answers, last year's figures, the checks, the review and the build) is reached
through :class:`Later`, the interface ``questionnaire/later.py`` implements, and :data:`LATER`
loads that module: in a background thread once the first screen is drawn, or at once when a step
needs it first. This is the questionnaire's one deferred import (docs/architecture.md).
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from drafter.questions import Question

if TYPE_CHECKING:
    from drafter.answers.file import AnswersFile
    from drafter.answers.model import Answers


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


class Later(Protocol):
    """The steps after the first screen, as the walk and ``drafter new``/``edit`` use them."""

    # the typed working copy and the checks across answers
    def model_of(self, data: Mapping[str, Any]) -> Answers: ...

    def cross_problems(
        self, data: Mapping[str, Any], key: str | None = None
    ) -> list[tuple[str, str]]: ...

    # last year: notes on carried texts, figures against last year's, carried figures
    def carried_notes(self, answers: Answers) -> dict[str, list[str]]: ...

    def last_year_text(self, q: Question, answers: Answers) -> str | None: ...

    def figure_warning(self, q: Question, answers: Answers) -> str | None: ...

    def county_problem(self, name: str) -> str | None: ...

    def outstanding_in(self, flow: Flow, key: str) -> list[Any]: ...

    def ask_carried_in(self, flow: Flow, q: Question) -> Any: ...

    def ask_figure(self, flow: Flow, q: Question, message: str) -> Any: ...

    # the items editors, the review screen and the build
    def ask_items(self, flow: Flow, q: Question) -> Any: ...

    def review(self, flow: Flow) -> int | None: ...

    # a new year from last year's answers or report, an old file's upgrade
    def start_from_last(self, last: Path) -> Answers: ...

    def start_from_report(self, path: Path) -> Answers: ...

    def to_data(self, answers: Answers) -> dict[str, Any]: ...

    def part_name(self, kind: str) -> str: ...

    def migration_report(self, loaded: AnswersFile) -> list[str]: ...


class Loader:
    """Loads ``questionnaire/later.py`` once: :meth:`start` in a background thread (while the
    user reads the first question), :meth:`get` waits for it, or imports it at once."""

    MODULE = "drafter.questionnaire.later"

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        if self._thread is not None:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._load, name="drafter-later", daemon=True
                )
                self._thread.start()

    def _load(self) -> None:
        # A failure here is not lost: get() imports the module again, and raises it there.
        with contextlib.suppress(Exception):
            importlib.import_module(self.MODULE)

    def get(self) -> Later:
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        return cast("Later", importlib.import_module(self.MODULE))


LATER = Loader()
"""The questionnaire's steps after the first screen (one for the process, like its modules)."""
