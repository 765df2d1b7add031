"""Carried figures: the numbers inside texts that came over from last year, and their confirmation.

When a year starts from last year's answers, every figure written inside a carried text
("全年开展普法宣传活动20场次") is last year's until the user says otherwise. ``collect`` lists them
(with :func:`drafter.text.mentions.find_mentions`) when the year starts; the questionnaire asks for each
one and records the decision here: kept (confirmed for the year), replaced by this year's number, or
its clause dropped. The record lives in the answers file under ``carried_figures`` so the build can
warn about every carried figure not confirmed for the report's year, and a person editing the file
can read which figure was confirmed when.

A structured figure reported last year and left empty this year ("figure dropped") is found from
the ``last_year`` block; an explicit "今年不报告" is recorded here too, so it is not reported again.

Everything here is pure: the typed answers in, records and texts out (the questionnaire records
what the user decided; :func:`with_text` gives it the answer with a text changed).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from drafter.answers.model import Answers
from drafter.answers.parse import AnswerValue, Item
from drafter.answers.records import PATH, CarriedFigure, place_of, sub_indices
from drafter.questions import QUESTIONS
from drafter.text.figure_rules import clause_span
from drafter.text.figures import Figure, FigureError, parse_figure
from drafter.text.mentions import Mention, find_mentions
from drafter.text.numbers import for_matching

DROPPED = "删去"
"""``now`` of a carried text figure whose clause was dropped."""
DECLINED = "不报告"
"""``now`` of a structured figure the user chose not to report this year."""

TEXT_KINDS = frozenset({"text", "longtext", "items", "list"})


# --------------------------------------------------------------------------- the record

# --------------------------------------------------------------------------- places and texts


def text_slots(answers: Answers, key: str | None = None) -> Iterator[tuple[str, str]]:
    """(path, text) of every text answer (of one question, when ``key`` is given)."""
    for q, value in answers.values():
        if q.kind not in TEXT_KINDS or (key is not None and q.key != key):
            continue
        if isinstance(value, str) and value:
            yield q.key, value
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, Item):
                    for below, item in entry.walk():
                        if item.text:
                            yield f"{q.key}[{index}]{below}.text", item.text
                elif isinstance(entry, str) and entry:
                    yield f"{q.key}[{index}]", entry


def _sub_item(entry: Item, indices: list[int]) -> Item | None:
    """The sub-item of ``entry`` the indices lead to (``entry`` itself for none)."""
    for index in indices:
        if index >= len(entry.subitems):
            return None
        entry = entry.subitems[index]
    return entry


def _with_sub_text(entry: Item, indices: list[int], text: str) -> Item:
    if not indices:
        return dataclasses.replace(entry, text=text)
    subs = list(entry.subitems)
    subs[indices[0]] = _with_sub_text(subs[indices[0]], indices[1:], text)
    return dataclasses.replace(entry, subitems=tuple(subs))


def get_text(answers: Answers, path: str) -> str | None:
    """The text at a path of :func:`text_slots`."""
    match = PATH.match(path)
    if not match:
        return None
    value = answers.get(match.group("key"))
    index = match.group("index")
    if index is None:
        return value if isinstance(value, str) else None
    if not isinstance(value, list) or int(index) >= len(value):
        return None
    entry = value[int(index)]
    if isinstance(entry, Item):
        found = _sub_item(entry, sub_indices(match))
        return found.text if found is not None else None
    return entry if isinstance(entry, str) and not match.group("subs") else None


def with_text(answers: Answers, path: str, text: str) -> tuple[str, AnswerValue] | None:
    """The answer holding a path of :func:`text_slots` with that text replaced: (key, new value),
    for the questionnaire to record; None when the path is not there."""
    match = PATH.match(path)
    if not match:
        return None
    key, index = match.group("key"), match.group("index")
    value = answers.get(key)
    if index is None:
        return (key, text) if isinstance(value, str) or value is None else None
    if not isinstance(value, list) or int(index) >= len(value):
        return None
    entries: list[Any] = list(value)
    entry = entries[int(index)]
    if isinstance(entry, Item):
        indices = sub_indices(match)
        if _sub_item(entry, indices) is None:
            return None
        entries[int(index)] = _with_sub_text(entry, indices, text)
    elif match.group("subs"):
        return None
    else:
        entries[int(index)] = text
    return key, entries


# --------------------------------------------------------------------------- collecting


def collect(answers: Answers) -> list[CarriedFigure]:
    """Every figure inside the carried texts of a new year's answers, none confirmed yet."""
    figures = []
    for path, text in text_slots(answers):
        if not QUESTIONS[CarriedFigure(path, "", "x").question].carry:
            continue
        for mention in find_mentions(text):
            at = mention.start - mention.sentence_start
            figures.append(CarriedFigure(path, mention.sentence, mention.raw, mention.key, at))
    return figures


def _lead(sentence: str, start: int) -> str:
    """The words of a figure's clause before it ("开展普法宣传活动"): what the figure counts."""
    begin, _ = clause_span(for_matching(sentence), start)
    return sentence[begin:start].strip()


def _rank(cf: CarriedFigure) -> int:
    """How many figures before this one in last year's sentence read the same (same figure,
    same words before it): which of them it is when its sentence has been edited since."""
    if cf.at is None:
        return 0
    lead = _lead(cf.sentence, cf.at)
    return sum(
        1
        for m in find_mentions(cf.sentence)
        if m.start < cf.at and m.raw == cf.figure and _lead(cf.sentence, m.start) == lead
    )


def current_raw(cf: CarriedFigure) -> str:
    """The figure as today's text should write it: this year's when it was changed."""
    return cf.now if cf.now and cf.now not in (DROPPED, DECLINED) else cf.figure


def is_same(mention: Mention, cf: CarriedFigure) -> bool:
    """Whether a figure of today's text may be the carried figure: in last year's sentence as
    it was, the figure at the same place; in a sentence edited since (another of its figures
    changed, words added), a figure with the same words before it in its clause. Never by value
    alone: "专题会议2次，听取法治汇报2次" holds two figures."""
    if cf.at is None or mention.raw != current_raw(cf):
        return False
    offset = mention.start - mention.sentence_start
    if mention.sentence == cf.sentence:
        return offset == cf.at
    return _lead(mention.sentence, offset) == _lead(cf.sentence, cf.at)


def locate(answers: Answers, cf: CarriedFigure) -> tuple[str, Mention] | None:
    """Where a carried figure stands in today's texts (its own question's), if it is still there."""
    if cf.structured or cf.now == DROPPED:
        return None
    ordered = sorted(text_slots(answers, cf.question), key=lambda slot: slot[0] != cf.path)
    for path, text in ordered:
        candidates = [m for m in find_mentions(text) if is_same(m, cf)]
        exact = [m for m in candidates if m.sentence == cf.sentence]
        if exact:
            return path, exact[0]
        if candidates:
            return path, candidates[min(_rank(cf), len(candidates) - 1)]
    return None


def outstanding(answers: Answers, year: int | None = None) -> list[CarriedFigure]:
    """Carried text figures not confirmed for the year that still stand in a text."""
    year = answers.year if year is None else year
    return [
        cf
        for cf in answers.carried_figures
        if not cf.structured and not cf.confirmed_for(year) and locate(answers, cf) is not None
    ]


# --------------------------------------------------------------------------- editing a sentence


def figure_text(figure: Figure, unit: str) -> str:
    """A figure as a text writes it: 25场次, 1800余份."""
    return f"{figure}{unit}"


def parse_new_figure(text: str) -> Figure | None:
    """This year's number typed for a carried figure (a unit word after it is allowed)."""
    text = text.strip()
    for mention in find_mentions(text):
        if mention.start == 0 or text[: mention.start].strip() in ("约", "近"):
            return mention.figure
    try:
        return parse_figure(text)
    except FigureError:
        return None


def replace_figure(text: str, mention: Mention, new: str) -> str:
    return text[: mention.start] + new + text[mention.end :]


_CLAUSE_MARKS = "，,；;、"
_SENTENCE_TAIL = "。！？!?”’」』）)"


def drop_clause(text: str, mention: Mention) -> str:
    """The text without the clause the figure stands in (the whole sentence if it is one clause)."""
    s_start = mention.sentence_start
    sentence = mention.sentence
    body_end = len(sentence.rstrip(_SENTENCE_TAIL))
    pos = mention.start - s_start
    begin = max((i + 1 for i, ch in enumerate(sentence[:pos]) if ch in _CLAUSE_MARKS), default=0)
    after = [i for i, ch in enumerate(sentence[pos:body_end], pos) if ch in _CLAUSE_MARKS]
    end = after[0] if after else body_end
    if begin == 0 and not after:
        cut_from, cut_to = s_start, s_start + len(sentence)
        while cut_to < len(text) and text[cut_to] in " \u3000":
            cut_to += 1
    elif begin > 0:
        cut_from, cut_to = s_start + begin - 1, s_start + end  # with the mark before it
    else:
        cut_from, cut_to = s_start, s_start + end + 1  # first clause: with the mark after it
    return (text[:cut_from] + text[cut_to:]).strip()


def sentence_without(mention: Mention) -> str:
    """The figure's sentence as it reads once its clause is dropped ("" if nothing is left)."""
    alone = dataclasses.replace(
        mention, start=mention.start - mention.sentence_start, sentence_start=0
    )
    alone = dataclasses.replace(alone, end=alone.start + len(mention.raw))
    return drop_clause(mention.sentence, alone)


_DATED = re.compile(r"^(?P<year>\d{4})(?P<rest>年度?(?:[，,]|以来[，,]))")


def redated(sentence: str, year: int | None) -> str | None:
    """Last year's sentence dated by last year's year ("2024年，共开展……20场次。"): the same
    sentence dated this year, once its figures are this year's; None when it is not so dated.
    Only a year that opens the sentence and governs all of it: "较2024年增长" compares years."""
    match = _DATED.match(sentence)
    if year is None or match is None or int(match.group("year")) != year - 1:
        return None
    return f"{year}{sentence[match.end('year') :]}"


def sentence_at(mention: Mention) -> str:
    """The sentence a figure stands in, with the figure marked: ……开展活动【20场次】，……"""
    s = mention.sentence
    pos = mention.start - mention.sentence_start
    return s[:pos] + "【" + mention.raw + "】" + s[pos + len(mention.raw) :]


# --------------------------------------------------------------------------- structured figures


def last_figures(answers: Answers) -> dict[str, Figure]:
    """Last year's structured figures by key (empty when the year was not started from last's)."""
    return dict(answers.last_year.figures) if answers.last_year is not None else {}


def linked(
    answers: Answers, key: str, year: int | None = None, *, confirmed: bool = False
) -> list[CarriedFigure]:
    """Carried text figures that state the same fact as the structured figure ``key``: same key
    and last year's value (or any value when last year left the structured figure empty).
    Those already confirmed for the year too when ``confirmed`` (a change must reach them)."""
    year = answers.year if year is None else year
    last = last_figures(answers).get(key)
    out = []
    for cf in answers.carried_figures:
        if cf.structured or cf.key != key or cf.now == DROPPED:
            continue
        if cf.confirmed_for(year) and not confirmed:
            continue
        value = parse_new_figure(cf.figure)
        if last is None or (value is not None and value == last):
            out.append(cf)
    return out


def declined(answers: Answers, key: str, year: int | None = None) -> bool:
    year = answers.year if year is None else year
    return any(
        cf.path == key and cf.now == DECLINED and cf.confirmed_for(year)
        for cf in answers.carried_figures
    )


def stated_in_texts(answers: Answers) -> set[str]:
    """Catalogue keys today's texts state a figure for: this year's statements only (a carried
    figure not yet confirmed is last year's, whatever text it stands in)."""
    stale = outstanding(answers)
    keys = set()
    for _, text in text_slots(answers):
        for mention in find_mentions(text):
            if mention.key and not any(is_same(mention, cf) for cf in stale):
                keys.add(mention.key)
    return keys


def dropped(answers: Answers) -> list[tuple[str, Figure]]:
    """Figures reported last year, empty this year, and not declined on purpose: (key, last)."""
    texts = stated_in_texts(answers)
    out = []
    for key, last in last_figures(answers).items():
        if answers.get(key) not in (None, "") or key in texts or declined(answers, key):
            continue
        out.append((key, last))
    return out


def dropped_message(key: str, last: Figure) -> str:
    q = QUESTIONS[key]
    return f"去年报告了“{q.label}{last}{q.unit}”，今年没有填写"


def outstanding_message(cf: CarriedFigure, year: int | None) -> str:
    when = f"{year}年" if isinstance(year, int) else "今年"
    return f"沿用去年文字里的“{cf.figure}”是去年的数字，还没有确认{when}的数字"


__all__ = [
    "DECLINED",
    "DROPPED",
    "PATH",
    "CarriedFigure",
    "collect",
    "current_raw",
    "declined",
    "drop_clause",
    "dropped",
    "dropped_message",
    "figure_text",
    "get_text",
    "last_figures",
    "linked",
    "locate",
    "outstanding",
    "outstanding_message",
    "parse_new_figure",
    "place_of",
    "redated",
    "replace_figure",
    "sentence_at",
    "text_slots",
    "with_text",
]
