"""The report's own structure as a draft shows it (``structure``, kept by an import).

A township that imports last year's report gets its own report back: its parts in their order
with their headings, and in the measures its items in their order, each with its heading, its
paragraphs and its sub-items (see :class:`drafter.answers.records.OwnPart`). What the regulation
requires and the report lacks is added where it belongs, never between the township's items: a
missing part is a part of its own at the outline's place, and in a three-part report the
第一责任人 item follows the township's items. What the answers hold beyond the structure (items
typed later, figures no text states) follows the township's items of the measures, by topic.

Pure: the answers in, a view for the templates out (:func:`township_view`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from drafter.answers.model import Answers
from drafter.answers.parse import Item
from drafter.answers.records import (
    ITEM_PATH,
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_OTHER,
    KIND_PLANS,
    KIND_PROBLEMS,
    OwnPart,
)
from drafter.render.homes import best_home, with_sentence
from drafter.text.topics import about_first_duty

OUTLINE_ORDER: dict[str, tuple[str, ...]] = {
    "regulation": (KIND_MEASURES, KIND_PROBLEMS, KIND_FIRST_DUTY, KIND_PLANS),
    "first-duty": (KIND_FIRST_DUTY, KIND_MEASURES, KIND_PROBLEMS, KIND_PLANS),
    "three-part": (KIND_MEASURES, KIND_PROBLEMS, KIND_PLANS),
}
"""The parts each outline requires, in its order (three parts: 第一责任人 is an item of the
measures)."""


@dataclass(frozen=True)
class PartView:
    """One part of the draft in the township's structure."""

    kind: str
    heading: str = ""
    """The report's own heading ("" → the outline's wording)."""
    paths: tuple[str, ...] = ()
    """The measures: the items the part prints, in order."""
    missing: bool = False
    """A part the outline requires and the report lacks: a visible 【待补充】 unless the answers
    have something for it."""
    rest: bool = False
    """The topics' other items and figures follow this part's items (the last part of measures)."""
    first_duty_item: bool = False
    """Three parts: the 第一责任人 item closes this part (the report has none of its own)."""
    shortfalls: str = ""
    """A 不足 part: the report's own heading over its problems ("" for none)."""
    causes: str = ""
    """A 不足 part: the report's own heading over their causes ("" for none)."""
    paragraphs: bool = False
    """Its items were the report's paragraphs, unnumbered (``OwnPart.paragraphs``)."""


class Township:
    """What the templates see of the structure (``township``; None for a typed report)."""

    def __init__(self, parts: Sequence[PartView], answers: Answers) -> None:
        self.parts = tuple(parts)
        self.answers = answers
        self.referenced = frozenset(path for part in self.parts for path in part.paths)
        """Every item path a part prints in its place."""
        self._homes: dict[tuple[str, str], str | None] = {}

    @property
    def has_other(self) -> bool:
        """The report has a part of its own for other matters (the draft prints it there)."""
        return any(p.kind == KIND_OTHER for p in self.parts)

    def resolve(self, path: str) -> Item | None:
        return resolve(self.answers, path)

    def items(self, part: PartView) -> list[Item]:
        """The items a part prints in its place (as the answers hold them)."""
        return [i for i in (self.resolve(p) for p in part.paths) if i is not None]

    def item(self, path: str, sentences: Mapping[str, str]) -> Item | None:
        """The item at a path, with the figure sentences (by topic) whose home it is."""
        item = self.resolve(path)
        if item is None:
            return None
        for topic, sentence in sentences.items():
            if sentence and self.home(topic, str(sentence)) == path:
                item = with_sentence(item, str(sentence))
        return item

    def rest(self, topic: str, sentence: str) -> str:
        """A topic's figure sentence when no item of the report is its home ("" when one is)."""
        return "" if not sentence or self.home(topic, str(sentence)) else str(sentence)

    def home(self, topic: str, sentence: str) -> str | None:
        """The path of the item a figure sentence of a topic is said in: an item of that topic
        that speaks of it (the only one, if just one), else any item that speaks of it."""
        key = (topic, sentence)
        if key not in self._homes:
            self._homes[key] = self._find_home(topic, sentence)
        return self._homes[key]

    def _find_home(self, topic: str, sentence: str) -> str | None:
        found = [(p, i) for p in self.referenced_in_order() if (i := self.resolve(p)) is not None]
        own = [(p, i) for p, i in found if p.startswith(f"{topic}.")]
        best = best_home([i for _, i in own], sentence)
        if best is not None:
            return own[best][0]
        if len(own) == 1:
            return own[0][0]
        best = best_home([i for _, i in found], sentence)
        return found[best][0] if best is not None else None

    def referenced_in_order(self) -> list[str]:
        return [p for part in self.parts for p in part.paths]

    def topic_items(self, key: str) -> list[Item]:
        """The items of a list the draft prints with its topic: those no part prints in place
        (typed after the import)."""
        return [
            item
            for index, item in enumerate(self.answers.items(key))
            if f"{key}[{index}]" not in self.referenced
        ]


def resolve(answers: Answers, path: str) -> Item | None:
    """The item at ``publicity.measures[0]`` (None when it is not there any more)."""
    match = ITEM_PATH.match(path)
    if match is None:
        return None
    items = answers.items(match.group("key"))
    index = int(match.group("index"))
    return items[index] if index < len(items) else None


def _first_duty_said(answers: Answers, parts: Sequence[OwnPart]) -> bool:
    """A report without a 第一责任人 part of its own may say it in an item or a sub-item of the
    measures ("2. 落实第一责任人职责：……", or a lone item's paragraph that opens with it, as a
    draft prints one): then the draft has it where the report says it."""
    for part in parts:
        for path in part.items:
            item = resolve(answers, path)
            if item is not None and any(
                about_first_duty(i.heading or i.text.split("。", 1)[0]) for _, i in item.walk()
            ):
                return True
            if path.startswith("first_duty.duties["):
                return True
    return False


def township_view(answers: Answers, outline: str) -> Township | None:
    """The structure as the draft prints it, or None when the answers keep none."""
    own = [p for p in answers.structure if p.kind in (*OUTLINE_ORDER["regulation"], KIND_OTHER)]
    if not own:
        return None
    order = OUTLINE_ORDER.get(outline, OUTLINE_ORDER["regulation"])
    views = [
        PartView(
            p.kind,
            p.heading,
            p.items,
            shortfalls=p.shortfalls,
            causes=p.causes,
            paragraphs=p.paragraphs,
        )
        for p in own
    ]
    kinds = {p.kind for p in own}
    for kind in order:
        if kind in kinds:
            continue
        # After the last part the outline puts before it (at the start when there is none).
        before = set(order[: order.index(kind)])
        at = max((i + 1 for i, v in enumerate(views) if v.kind in before), default=0)
        views.insert(at, PartView(kind, missing=True))
    measures = [i for i, v in enumerate(views) if v.kind == KIND_MEASURES]
    if measures:
        last = measures[-1]
        wanted = (
            outline == "three-part"
            and KIND_FIRST_DUTY not in kinds
            and not _first_duty_said(answers, own)
        )
        views[last] = PartView(
            KIND_MEASURES,
            views[last].heading,
            views[last].paths,
            views[last].missing,
            rest=True,
            first_duty_item=wanted,
        )
    return Township(tuple(views), answers)


_SHORTFALL_END = re.compile(r"(不足|问题|短板|差距|困难)$")


def with_causes(heading: str) -> str:
    """A 不足 part's own heading naming its causes, as the regulation asks (存在的不足和原因),
    when the part states them: "存在的不足" → "存在的不足和原因"; a heading that names them, or
    that does not end with the shortfalls, stays as written."""
    value = heading.strip()
    if not value or "原因" in value or not _SHORTFALL_END.search(value):
        return value
    return value + ("及原因" if re.search("[和与及]", value) else "和原因")


__all__ = ["PartView", "Township", "township_view", "with_causes"]
