"""A question of the catalogue and what it belongs to: :class:`Question`, :class:`Section`,
:class:`Rate`, and the short constructors the catalogue is written with."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal, Protocol

Kind = Literal["text", "longtext", "choice", "year", "date", "bool", "figure", "items", "list"]

# Answers seen so far, as nested plain data ({"identity": {"unit_name": …}}).
AnswerData = Mapping[str, Any]


class AnswerLookup(Protocol):
    """The answer at a ``section.field`` key (None when there is none): how a default reads the
    answers so far, whether they are the questionnaire's plain data or the typed model."""

    def __call__(self, key: str, /) -> Any: ...


DefaultFn = Callable[[AnswerLookup], Any]


@dataclass(frozen=True)
class Question:
    """One question of the catalogue."""

    key: str
    label: str
    kind: Kind
    help: str = ""
    unit: str = ""
    ge: int | None = None
    le: int | None = None
    default: Any = None
    default_fn: DefaultFn | None = None
    carry: bool = False
    """Carried over to next year's answers as a default the user confirms."""
    required: bool = False
    build_default: bool = True
    """Whether a build may fill the default in when the answer is empty (not for the year)."""
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    part_of: str | None = None
    """Key of the whole this figure is part of (resolved ≤ received)."""
    cumulative: bool = False
    """A standing count (法律明白人, 调解组织) that should not go down from one year to the next."""
    source: str = ""
    """Where the figure usually comes from (司法所台账 …)."""
    example: str = ""
    """An example sentence from a real report."""
    headings: tuple[str, ...] = ()
    """Common item headings for lists of items, taken from real reports."""
    validator: Callable[[str], str | None] | None = None
    """For text answers: the Chinese reason a parsed answer cannot be used (None when it can), so
    the questionnaire, the answers file and the build refuse it alike."""

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]

    def default_for(self, answers: AnswerData | AnswerLookup) -> Any:
        """The default shown to the user, given the answers so far (plain data, or a lookup such
        as the typed model's ``get``)."""
        if self.default_fn is not None:
            lookup = answers if callable(answers) else partial(get_answer, answers)
            try:
                return self.default_fn(lookup)
            except (KeyError, TypeError, ValueError):
                return self.default
        return self.default

    def choice_name(self, choice: Any) -> str:
        """A choice as users see it: its label's name before "：" (按规定顺序 for
        ``regulation``), never the id the answers file keeps."""
        if choice in self.choices and self.choice_labels:
            label = self.choice_labels[self.choices.index(choice)]
            return label.split("：", 1)[0]
        return str(choice)

    @property
    def comment(self) -> str:
        """The label comment written above the key in the answers file."""
        text = self.label
        if self.unit:
            text += f"（单位：{self.unit}）"
        if self.kind == "figure":
            text += "；约数写成 1500余，不报告就留空"
        return text


@dataclass(frozen=True)
class Rate:
    """A rate derived from two counts, never typed."""

    key: str
    label: str
    part: str
    whole: str


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    intro: str
    questions: tuple[Question, ...] = field(default_factory=tuple)


def get_answer(answers: AnswerData, key: str) -> Any:
    """The raw answer at a ``section.field`` key, or None."""
    section, name = key.split(".", 1)
    value = answers.get(section, {})
    return value.get(name) if isinstance(value, Mapping) else None


# The constructors the catalogue is written with: one per common kind of question.


def text(key: str, label: str, help: str = "", **kw: Any) -> Question:
    return Question(key, label, "text", help, **kw)


def longtext(key: str, label: str, help: str = "", **kw: Any) -> Question:
    return Question(key, label, "longtext", help, **kw)


def figure(key: str, label: str, unit: str, help: str = "", **kw: Any) -> Question:
    return Question(key, label, "figure", help, unit=unit, ge=0, le=1_000_000, **kw)


def items(key: str, label: str, help: str = "", **kw: Any) -> Question:
    kw.setdefault("carry", True)
    return Question(key, label, "items", help, **kw)


def topic_title(key: str, default: str) -> Question:
    return text(
        key,
        "本部分小标题",
        "写进报告的（一）（二）级小标题，一句话概括本方面工作，以“。”结尾或不加标点均可。",
        default=default,
        carry=True,
    )
