"""Stage 4, place: the report's parts → answers and the report's own structure, every sentence
whole, every item in its order with its heading and its sub-items.

The draft is the township's report: its parts in their order with their headings, each item of
the measures with its heading, its paragraphs and its own ``1. 2. 3.`` (kept as sub-items), or its
一是……二是…… as written (``structure`` in the answers, :class:`drafter.answers.records.OwnPart`).
An item is kept where the questionnaire asks about its topic (组织领导, 普法 …: a topic's
measures), so its figures fill that topic's questions; the part only points at it.

* 主要举措和成效: each （一） item is one measure of the topic it is about, whole. A part titled by
  a theme ("二、创新普法宣传……") is one item of the measures, its own items its sub-items.
* 第一责任人: the part's items are the duties, as written; nothing is made up when it is short.
* 不足: items, then the causes (究其原因……) and the rectification (针对上述问题……) as written.
* 下一年度: the plans, as written.
* The unfinished end of a report copied short stays in its place, with a placeholder
  (:func:`drafter.importer.cut.mark_cut_end`).

Every answer text is registered as a :class:`TextSlot` (with the blocks it came from) so the
figures stage can say where each figure went.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.answers.records import KIND_OTHER, OwnPart
from drafter.importer.classify import (
    CATCH_ALL,
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_PLANS,
    KIND_PROBLEMS,
    STRONG,
    TOPICS,
    assign_topics,
    is_topic_title,
    topic_scores,
)
from drafter.importer.figures import TextSlot
from drafter.importer.segment import (
    Item,
    Part,
    build_items,
    end_sentence,
    expand_runs,
    join_paragraphs,
    problem_items,
)
from drafter.questions import QUESTIONS
from drafter.text.numbers import for_matching, split_sentences

UNPLACED_KEY = "unplaced_items"
STRUCTURE_KEY = "structure"


@dataclass
class AnswersBuilder:
    """Answers data being built, the report's structure and the text slots it holds."""

    data: dict[str, Any] = field(default_factory=dict)
    slots: list[TextSlot] = field(default_factory=list)
    unplaced: list[dict[str, str]] = field(default_factory=list)
    structure: list[OwnPart] = field(default_factory=list)

    def get(self, key: str) -> Any:
        section, name = key.split(".", 1)
        return self.data.get(section, {}).get(name)

    def set_text(self, key: str, text: str, sources: set[int]) -> None:
        """A text answer (a title, an opening clause, the closing)."""
        if not text:
            return
        section, name = key.split(".", 1)
        self.data.setdefault(section, {})[name] = text
        for slot in self.slots:
            if slot.key == key:  # set again (an opening summary that goes on): one slot
                slot.text = text
                slot.sources |= sources
                return
        self.slots.append(TextSlot(key, section, text, QUESTIONS[key].label, set(sources)))

    def set_value(self, key: str, value: Any) -> None:
        if value in (None, "", []):
            return
        section, name = key.split(".", 1)
        self.data.setdefault(section, {})[name] = value

    def add_item(
        self,
        key: str,
        heading: str,
        text: str,
        sources: set[int],
        subs: Sequence[Item] = (),
        alone: bool = False,
    ) -> str:
        """One item of a list question, with its sub-items (``subs``: the report's own
        ``1. 2. 3.`` under it, each kept whole). Returns the item's path
        (``publicity.measures[0]``), "" when there was nothing to add."""
        heading, text = heading.strip(), text.strip()
        if not (heading or text or subs):
            return ""
        section, name = key.split(".", 1)
        items = self.data.setdefault(section, {}).setdefault(name, [])
        position = len(items)
        where = f"{key}[{position}]"
        label = f"{QUESTIONS[key].label}（第{position + 1}条）"
        items.append(self._entry(where, section, label, heading, text, sources, subs, alone))
        return where

    def _entry(
        self,
        where: str,
        section: str,
        label: str,
        heading: str,
        text: str,
        sources: set[int],
        subs: Sequence[Item],
        alone: bool = False,
    ) -> dict[str, Any]:
        """An item's data, its texts registered as slots (the sub-items' too, by path)."""
        entry: dict[str, Any] = {"heading": heading, "text": text}
        if alone and heading and (text or subs):
            # A heading with no text of its own is a one-line item however it was written.
            entry["alone"] = True
        if heading:
            self.slots.append(TextSlot(f"{where}.heading", section, heading, label, set(sources)))
        if text:
            self.slots.append(TextSlot(f"{where}.text", section, text, label, set(sources)))
        if subs:
            entry["marker"] = marker_of(subs[0].number)
            entry["subitems"] = [
                self._entry(
                    f"{where}.subitems[{n}]",
                    sub_section(sub.heading, section),
                    f"{label[:-1]}第{n + 1}小项）",
                    sub.heading,
                    item_text(sub, "\n", with_subs=False),
                    sub.sources,
                    sub.subs,
                    sub.alone,
                )
                for n, sub in enumerate(subs)
            ]
        return entry

    def add_to_text(self, key: str, paragraph: str, sources: set[int]) -> None:
        """A paragraph added to a long text answer (problems.causes, other.text)."""
        if not paragraph.strip():
            return
        existing = self.get(key) or ""
        text = f"{existing}\n{paragraph.strip()}" if existing else paragraph.strip()
        section, name = key.split(".", 1)
        self.data.setdefault(section, {})[name] = text
        for slot in self.slots:
            if slot.key == key:
                slot.text = text
                slot.sources |= sources
                return
        self.slots.append(TextSlot(key, section, text, QUESTIONS[key].label, set(sources)))

    def add_unplaced(self, heading: str, text: str, origin: str, sources: set[int]) -> None:
        """Content no question fits: listed for the user, never put into another section."""
        if not (heading.strip() or text.strip()):
            return
        position = len(self.unplaced)
        self.unplaced.append({"heading": heading.strip(), "text": text.strip(), "from": origin})
        label = f"待确认位置的内容（第{position + 1}条）"
        where = f"{UNPLACED_KEY}[{position}]"
        if heading.strip():
            self.slots.append(TextSlot(f"{where}.heading", UNPLACED_KEY, heading, label, sources))
        if text.strip():
            self.slots.append(TextSlot(f"{where}.text", UNPLACED_KEY, text, label, sources))

    def add_part(
        self,
        part: Part,
        items: Sequence[str] = (),
        shortfalls: str = "",
        causes: str = "",
        paragraphs: bool = False,
    ) -> None:
        """The report's next part, with its heading as written (a figure in it is kept there),
        for a 不足 part its own headings over the problems and over their causes, and whether
        its items were paragraphs of their own without numbers (``OwnPart.paragraphs``)."""
        position = len(self.structure)
        self.structure.append(
            OwnPart(part.kind, part.title, tuple(items), shortfalls, causes, paragraphs)
        )
        if part.title:
            self.slots.append(
                TextSlot(
                    f"{STRUCTURE_KEY}[{position}].heading",
                    STRUCTURE_KEY,
                    part.title,
                    "原报告的部分标题",
                    {part.title_index},
                )
            )


def sub_section(heading: str, section: str) -> str:
    """The section a sub-item's figures are of: its own topic when its heading clearly names
    one ("2. 落实第一责任人职责" under 组织领导 counts the 第一责任人's meetings), else its item's.
    The words stay where the report wrote them; only the figures' questions follow the topic."""
    scores = topic_scores(heading)
    topic, score = max(scores.items(), key=lambda kv: kv[1])
    return topic if heading and score >= STRONG and topic in TOPICS else section


_MARKERS = (
    (re.compile(r"^\d+\s*[.．、]"), "1."),
    (re.compile(r"^[（(]\s*\d+\s*[）)]"), "（1）"),
    (re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]"), "（一）"),
    (re.compile(r"^[①-⑳]"), "①"),
)


def marker_of(number: str) -> str:
    """How a report numbered its sub-items, from the first one's number ("1、" → "1.")."""
    for pattern, marker in _MARKERS:
        if pattern.match(number.strip()):
            return marker
    return "1."


def part_origin(part: Part) -> str:
    return f"原报告“{part.number}{part.title}”" if part.title else "原报告正文"


# --------------------------------------------------------------------------- parts


def place_part(part: Part, out: AnswersBuilder, *, outline: str) -> None:
    """Place one part's items (its kind is already set) and record the part in the structure."""
    items = build_items(part.blocks, part.indices)
    if part.kind == KIND_MEASURES:
        part.items = items
        place_measures(part, out, first_duty_allowed=outline == "three-part")
        return
    if part.kind == KIND_FIRST_DUTY:
        part.items = items
        place_list("first_duty.duties", items, out)
    elif part.kind == KIND_PROBLEMS:
        part.items, headings, split = place_problems(items, out)
        if not any(p.kind == part.kind for p in out.structure):
            out.add_part(part, (), *headings, paragraphs=not split and _paragraphs(part.items))
        return
    elif part.kind == KIND_PLANS:
        part.items = [i if i.heading else expand_runs(i) for i in items]
        place_list("plans.items", part.items, out)
    else:
        part.items = items
        for item in items:
            text = item_text(item, "\n")
            heading = end_sentence(item.heading) if item.heading else ""
            paragraph = heading + ("\n" if heading and text else "") + text
            out.add_to_text("other.text", paragraph, item.all_sources())
    if not any(p.kind == part.kind for p in out.structure):
        # One part of a kind: a second one's content joins the first's.
        out.add_part(part, paragraphs=part.kind != KIND_OTHER and _paragraphs(part.items))


def _paragraphs(items: Sequence[Item]) -> bool:
    """Whether a part's items are paragraphs the report wrote one after another, unnumbered
    (two at least, none with a heading or sub-items): the draft keeps them so."""
    return len(items) >= 2 and not any(i.heading or i.subs or i.number for i in items)


def item_text(item: Item, sep: str, *, with_subs: bool = True) -> str:
    """An item's words as one answer text: its paragraphs, then (``with_subs``) its sub-items as
    paragraphs ("小标题：正文"), nothing dropped."""
    paragraphs = [t for t in item.texts if t.strip()]
    if with_subs:
        paragraphs += [sub_paragraph(s, sep) for s in item.subs]
    return join_paragraphs(paragraphs, sep)


def sub_paragraph(item: Item, sep: str = "") -> str:
    text = item_text(item, sep)
    if item.heading:
        return f"{item.heading}：{text}" if text else end_sentence(item.heading)
    return text


def _measures_key(topic: str) -> str:
    return {
        "highlights": "highlights.specialities",
        "first_duty": "first_duty.duties",
    }.get(topic, f"{topic}.measures")


def _themed(part: Part, items: list[Item]) -> Item:
    """A part titled by a theme ("二、创新普法宣传，提升法治素养") as one item of the measures:
    the title its heading, the paragraphs before its first item its text, its items (with
    their own sub-items) its sub-items."""
    lead = [i for i in items if not i.heading and not i.subs]
    rest = [i for i in items if i not in lead]
    whole = Item(heading=part.title, number=part.number, alone=not part.run_in)
    for item in lead:
        whole.texts += item.texts
        whole.sources |= item.sources
    whole.subs = rest
    return whole


def place_measures(part: Part, out: AnswersBuilder, *, first_duty_allowed: bool) -> None:
    """Each item of the measures, in the part's order, as one measure of its topic.

    A part titled by a theme joins the part of measures before it as one item (a report
    arranged by theme, 一、强化组织保障… 二、创新普法宣传…, keeps its themes as items under the
    regulation's part); any other part of measures is a part of its own, heading and all.
    """
    items = part.items
    themed = is_topic_title(part.title)
    if themed:
        items = [_themed(part, items)]
    held = {
        path.split(".", 1)[0]
        for own in out.structure
        for path in own.items
        if path.split(".", 1)[0] in TOPICS
    }
    assignments = assign_topics(items, first_duty_allowed=first_duty_allowed, taken=held)
    paths: list[str] = []
    for item, assignment in zip(items, assignments, strict=True):
        topic = assignment.topic or CATCH_ALL
        text = join_paragraphs([t for t in item.texts if t.strip()], "\n")
        path = out.add_item(
            _measures_key(topic), item.heading, text, item.sources, item.subs, item.alone
        )
        if path:
            paths.append(path)
    last = out.structure[-1] if out.structure else None
    if themed and last is not None and last.kind == KIND_MEASURES:
        out.structure[-1] = OwnPart(last.kind, last.heading, (*last.items, *paths))
    elif themed:
        out.add_part(Part("", part.number, kind=KIND_MEASURES), paths)
    else:
        out.add_part(part, paths)


def place_list(key: str, items: list[Item], out: AnswersBuilder) -> None:
    """Items of duties, problems, plans or rectification, as written: a headed item keeps its
    sub-items under it; an unheaded one's sub-items are items of the list."""
    for item in items:
        if not item.subs or item.heading:
            text = item_text(item, "\n", with_subs=False)
            out.add_item(key, item.heading, text, item.sources, item.subs, item.alone)
        else:
            if item.texts:
                out.add_item(key, "", join_paragraphs(item.texts, "\n"), item.sources)
            for sub in item.subs:
                text = item_text(sub, "\n", with_subs=False)
                out.add_item(key, sub.heading, text, sub.sources, sub.subs, sub.alone)


_CAUSE_START = re.compile(
    r"^(?:究其原因|原因(?:主要)?(?:是|有|在于|如下)|主要原因|其原因|深层次原因|分析(?:其)?原因|"
    r"(?:产生|出现|存在)(?:上述|以上|这些)?(?:问题|不足)的(?:主要)?原因)"
)
_RECTIFICATION = re.compile(r"整改")


def _split_causes(item: Item) -> tuple[Item | None, str]:
    """An item without its sentences from "究其原因……" on, and those sentences.

    Done before 一是 runs are split, so the causes after the last run do not become part of it.
    An item headed by its causes ("（二）原因分析") is all causes (its heading: see
    :func:`place_problems`).
    """
    if _names_causes(item):
        return None, join_paragraphs(item.texts, "\n")
    target = item.subs[-1] if item.subs else item
    for position, paragraph in enumerate(target.texts):
        sentences = split_sentences(paragraph)
        for s_index, sentence in enumerate(sentences):
            if _CAUSE_START.match(for_matching(sentence)):
                kept = "".join(sentences[:s_index])
                causes = ["".join(sentences[s_index:]), *target.texts[position + 1 :]]
                target.texts = [*target.texts[:position], *([kept] if kept else [])]
                empty = not (item.heading or item.texts or item.subs)
                return (None if empty else item), join_paragraphs(causes, "\n")
    return item, ""


def _names_causes(item: Item) -> bool:
    return bool(item.heading) and "原因" in for_matching(item.heading) and not item.subs


# A heading that only names the problems ("（一）存在的不足" over 一是…二是…): the report's own
# heading over them, not a problem of its own.
_SHORTFALLS_LABEL = re.compile(
    r"^(?:存在的?)?(?:主要)?(?:不足|问题|短板|差距|困难)(?:[和与及](?:不足|问题|短板|差距|困难))?$"
)


def place_problems(
    items: list[Item], out: AnswersBuilder
) -> tuple[list[Item], tuple[str, str], bool]:
    """Problems, their causes and the rectification of earlier problems, in the part's order.

    Returns the items as placed (unheaded paragraphs split into their 一是 runs), the report's
    own headings over the problems and over their causes ("" where it has none), and whether a
    paragraph was split into runs (the problems were then numbered by the report).
    """
    target = "problems.items"
    placed: list[Item] = []
    split = False
    shortfalls = causes_heading = ""
    for item in _split_at_rectification(items):
        marker = for_matching(item.heading + item.text[:60])
        if target == "problems.items" and _RECTIFICATION.search(marker):
            # "针对上述问题，……制定整改措施，具体整改情况如下：" is the report's words: kept as
            # the lead of the 整改 items (the draft then writes no lead of its own).
            target = "rectification.items"
        if target == "problems.items":
            sources = item.all_sources()
            if _names_causes(item) and not causes_heading:
                causes_heading = item.heading
            label = for_matching(item.heading)
            if item.heading and not item.subs and _SHORTFALLS_LABEL.match(label) and not shortfalls:
                shortfalls = item.heading
                item = Item(texts=item.texts, sources=item.sources)
            rest, causes = _split_causes(item)
            if causes:
                out.add_to_text("problems.causes", causes, sources)
            if rest is None:
                continue
            item = rest
        if target == "problems.items":
            # 一是…二是… in a 不足 paragraph: one problem each, with its own short heading.
            problems = problem_items(item)
            split = split or problems != [item]
        else:
            problems = [item if item.heading else expand_runs(item)]
        for problem in problems:
            placed.append(problem)
            place_list(target, [problem], out)
    return placed, (shortfalls, causes_heading), split


def _split_at_rectification(items: list[Item]) -> list[Item]:
    """An own-line heading's paragraphs run on until the next heading; a paragraph that starts
    the rectification ("针对上述问题……整改情况如下：") begins items of its own."""
    out: list[Item] = []
    for item in items:
        cut = next(
            (
                i
                for i, text in enumerate(item.texts)
                if i > 0 and _RECTIFICATION.search(for_matching(text[:60]))
            ),
            None,
        )
        if cut is None or item.subs:
            out.append(item)
            continue
        out.append(Item(item.heading, item.texts[:cut], sources=item.sources, alone=item.alone))
        out.extend(Item(texts=[text], sources=item.sources) for text in item.texts[cut:])
    return out
