"""Stage 3, figures: account for every figure of the report.

Every figure (a number with its unit word, found by :func:`drafter.text.mentions.find_mentions`) stays
in its sentence, and its sentence stays whole in some answer text. A figure ALSO fills its
catalogue key (value and 余 mark) when

* :mod:`drafter.text.mentions` reads it as that key,
* the text it sits in is an answer of the key's own section (a 中心组学法 figure inside a
  第一责任人 text stays that text's: filling ``study.center_group`` as well would have the draft
  state it twice, once in each section),
* its unit word is the question's unit (20次 is not a count of 场次),
* its approximate mark is one the answers file can keep (``1500余``; not 多, 约, 近, 以上 …),
* and no other sentence already gave that key a different value.

The result lists every figure: its sentence, where it went, and whether it filled a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from drafter.blocks import Block
from drafter.importer.segment import normalise_punctuation
from drafter.questions import QUESTIONS
from drafter.text.figure_rules import PART_WORDS
from drafter.text.figures import Figure
from drafter.text.mentions import Mention, all_facts, find_mentions, zero_facts
from drafter.text.numbers import for_matching, split_sentences


@dataclass
class TextSlot:
    """An answer text and where it sits in the answers file."""

    key: str
    """``publicity.measures[1].text``, ``opening.goal``, ``unplaced_items[0].text`` …"""
    section: str
    text: str
    label: str
    sources: set[int] = field(default_factory=set)
    """Indices of the original blocks its words came from."""


@dataclass
class FigureRecord:
    """One figure of the original report and what became of it."""

    mention: Mention
    block: int
    location: TextSlot | None
    key: str | None = None
    """The catalogue key it filled (``placed``), else None."""

    @property
    def placed(self) -> bool:
        return self.key is not None

    @property
    def where(self) -> str:
        if self.key is not None:
            return self.key
        return self.location.key if self.location is not None else ""


@dataclass(frozen=True)
class StatedFact:
    """A figure said without a number, in a text of the key's own section: "无行政复议案件"
    fills the key with 0, "调解矛盾纠纷5件，全部调解成功" fills the part with its whole."""

    key: str
    value: int | float
    approx: bool
    sentence: str
    location: TextSlot


@dataclass
class FigureAccount:
    records: list[FigureRecord]
    filled: dict[str, Figure]
    """Catalogue keys filled, in the order their figures appear."""
    facts: list[StatedFact] = field(default_factory=list)


_REPRESENTABLE_APPROX = re.compile(r"^[\d,.]+\s*万?余(?!.*(?:以上|左右))")
_HALF_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def representable(mention: Mention) -> bool:
    """Whether the answers file keeps this figure as written: exact, or "N余" (not 多, 约, 近,
    超过, 以上, 左右: the answers file writes every approximate figure as N余)."""
    if not mention.approx:
        return True
    raw = for_matching(mention.raw).translate(_HALF_DIGITS)
    return _REPRESENTABLE_APPROX.match(raw) is not None


def original_mentions(blocks: Sequence[Block]) -> list[tuple[int, Mention]]:
    """Every figure of a report's body (title, addressee, signature and date excepted)."""
    out: list[tuple[int, Mention]] = []
    for index, block in enumerate(blocks):
        if block.kind in ("title", "addressee", "signature", "date"):
            continue
        out.extend((index, mention) for mention in find_mentions(block.full_text))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", normalise_punctuation(text))


def _clause(mention: Mention) -> str:
    """The stretch around a figure between clause marks, as a search key for its new place."""
    sentence = mention.sentence
    at = mention.start - mention.sentence_start
    start = max((sentence.rfind(mark, 0, at) for mark in "，,；;：:、。"), default=-1) + 1
    ends = [i for i in (sentence.find(mark, at) for mark in "，,；;：:、。") if i >= 0]
    end = min(ends) if ends else len(sentence)
    return sentence[start:end]


def locate(
    mention: Mention,
    block: int,
    slots: Sequence[TextSlot],
    squashed: dict[int, str] | None = None,
) -> TextSlot | None:
    """The answer text a figure went to: one made from its block that holds its words.

    ``squashed``: the slots' texts already squashed, by position (computed once per import).
    """
    if squashed is None:
        squashed = {i: _squash(slot.text) for i, slot in enumerate(slots)}
    keys = [
        _squash(mention.sentence.rstrip("。！？!?")),
        _squash(_clause(mention)),
        _squash(mention.raw),
    ]
    indexed = list(enumerate(slots))
    for pool in ([(i, s) for i, s in indexed if block in s.sources], indexed):
        for key in keys:
            for i, slot in pool:
                if key and key in squashed[i]:
                    return slot
    return None


def account(
    blocks: Sequence[Block], slots: Sequence[TextSlot], *, allowed: Iterable[str] = ()
) -> FigureAccount:
    """Every figure of ``blocks``, located in ``slots``, filling the keys the rules allow.

    ``allowed``: sections whose keys may be filled (all sections when empty).
    """
    allowed_sections = set(allowed)
    records: list[FigureRecord] = []
    filled: dict[str, Figure] = {}
    squashed = {i: _squash(slot.text) for i, slot in enumerate(slots)}
    for block, mention in original_mentions(blocks):
        slot = locate(mention, block, slots, squashed)
        record = FigureRecord(mention, block, slot)
        records.append(record)
        key = mention.key
        if (
            key is None
            or mention.rate
            or slot is None
            or key not in QUESTIONS
            or QUESTIONS[key].kind != "figure"
        ):
            continue
        section = key.split(".", 1)[0]
        if not _fills(slot):
            continue
        if slot.section != section or (allowed_sections and section not in allowed_sections):
            continue
        if QUESTIONS[key].unit != mention.unit or not representable(mention):
            continue
        if not isinstance(mention.value, int):
            continue
        figure = Figure(mention.value, mention.approx)
        if key in filled and filled[key] != figure:
            continue  # the first sentence's value stands; both sentences stay in their texts
        filled.setdefault(key, figure)
        record.key = key
    _drop_impossible_parts(records, filled)
    facts = _stated_facts(slots, filled, allowed_sections)
    return FigureAccount(records, filled, facts)


def _stated_facts(
    slots: Sequence[TextSlot], filled: dict[str, Figure], allowed: set[str]
) -> list[StatedFact]:
    """Figures said without a number fill their keys under the same rules as a figure (the
    key's own section, a text, no other value given); the draft does not state them again.

    "未发生行政复议案件" is 0; "调解矛盾纠纷5件，全部调解成功" makes the part its whole (when the
    whole was filled from that sentence's number).
    """
    facts: list[StatedFact] = []
    for slot in slots:
        if not _fills(slot):
            continue
        found: list[tuple[str, Figure, int]] = [
            (k, Figure(0), s) for k, s, _ in zero_facts(slot.text)
        ]
        for fact in all_facts(slot.text):
            if filled.get(fact.whole) == Figure(fact.value, fact.approx):
                found.append((fact.key, Figure(fact.value, fact.approx), fact.start))
        for key, figure, start in found:
            section = key.split(".", 1)[0]
            if key in filled or section != slot.section or (allowed and section not in allowed):
                continue
            filled[key] = figure
            sentence = _sentence_at(slot.text, start) or slot.text
            facts.append(StatedFact(key, figure.value, figure.approx, sentence, slot))
    return facts


def _sentence_at(text: str, position: int) -> str:
    """The sentence of ``text`` that holds ``position``."""
    offset = 0
    for paragraph in text.split("\n"):
        at = 0
        for sentence in split_sentences(paragraph):
            found = paragraph.find(sentence, at)
            if found >= 0 and offset + found <= position < offset + found + len(sentence):
                return sentence
            at = max(found, 0) + len(sentence)
        offset += len(paragraph) + 1
    return ""


def _fills(slot: TextSlot) -> bool:
    """Only a measure's (or duty's) text fills keys: a figure in a title or heading is a way of
    saying it that the draft keeps, not a sentence the draft could state it in again."""
    return slot.key.endswith(".text")


def _drop_impossible_parts(records: list[FigureRecord], filled: dict[str, Figure]) -> None:
    """A part larger than its whole cannot both be right: the part stays in its text only."""
    for part, (whole, _, _) in PART_WORDS.items():
        p, w = filled.get(part), filled.get(whole)
        if p is not None and w is not None and p.value > w.value:
            del filled[part]
            for record in records:
                if record.key == part:
                    record.key = None
