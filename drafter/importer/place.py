"""Stage 4, place: the items of each part → answers, every sentence whole and in its own part.

* 主要举措和成效: each （一） item with everything under it goes to ONE topic (its heading becomes
  the topic's title, its paragraphs and sub-items the topic's measures). Sub-items are never
  spread over other topics: a 规范性文件 paragraph under 加强执法监督 stays there.
* 第一责任人: the part's items are the duties, as written; nothing is made up when it is short.
* 不足: items, then the causes (究其原因……) and the rectification (针对上述问题……) as written.
* 下一年度: the plans, as written.
* Anything that fits no part's questions goes to ``unplaced_items``, a list in the answers file
  that ``drafter import`` shows and the user moves by hand; it never lands in another section.

Every answer text is registered as a :class:`TextSlot` (with the blocks it came from) so the
figures stage can say where each figure went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafter.importer.classify import (
    CATCH_ALL,
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_PLANS,
    KIND_PROBLEMS,
    TOPIC_WORDS,
    TOPICS,
    Assignment,
    assign_topics,
    is_topic_title,
)
from drafter.importer.figures import TextSlot
from drafter.importer.segment import (
    Item,
    Part,
    build_items,
    clean_heading,
    end_sentence,
    expand_runs,
    join_paragraphs,
    problem_items,
)
from drafter.questions import QUESTIONS
from drafter.text.mentions import find_mentions
from drafter.text.numbers import for_matching, split_sentences

UNPLACED_KEY = "unplaced_items"


@dataclass
class AnswersBuilder:
    """Answers data being built, and the text slots it holds."""

    data: dict[str, Any] = field(default_factory=dict)
    slots: list[TextSlot] = field(default_factory=list)
    unplaced: list[dict[str, str]] = field(default_factory=list)

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

    def add_item(self, key: str, heading: str, text: str, sources: set[int]) -> None:
        """One {heading, text} item of a list question."""
        heading, text = heading.strip(), text.strip()
        if not (heading or text):
            return
        section, name = key.split(".", 1)
        items = self.data.setdefault(section, {}).setdefault(name, [])
        position = len(items)
        items.append({"heading": heading, "text": text})
        label = f"{QUESTIONS[key].label}（第{position + 1}条）"
        where = f"{key}[{position}]"
        if heading:
            self.slots.append(TextSlot(f"{where}.heading", section, heading, label, set(sources)))
        if text:
            self.slots.append(TextSlot(f"{where}.text", section, text, label, set(sources)))

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


def part_origin(part: Part) -> str:
    return f"原报告“{part.number}{part.title}”" if part.title else "原报告正文"


# --------------------------------------------------------------------------- parts


def place_part(part: Part, out: AnswersBuilder, *, outline: str) -> None:
    """Place one part's items (its kind is already set)."""
    items = build_items(part.blocks, part.indices)
    if part.kind == KIND_MEASURES:
        items = [expand_runs(i) for i in items]
        if is_topic_title(part.title) and items and not any(i.heading for i in items):
            # "一、强化组织领导，提升法治意识" over plain paragraphs: the part is one measure
            # topic, its title the topic's heading (not a catalogue title nobody wrote).
            whole = Item(heading=part.title)
            for item in items:
                whole.texts += item.texts
                whole.subs += item.subs
                whole.sources |= item.sources
            whole.written = "\n".join(i.written or "\n".join(i.texts) for i in items)
            items = [whole]
        part.items = items
        place_measures(part, out, first_duty_allowed=outline == "three-part")
    elif part.kind == KIND_FIRST_DUTY:
        part.items = [i if i.heading else expand_runs(i) for i in items]
        place_first_duty(part.items, out, sep="" if outline == "three-part" else "\n")
    elif part.kind == KIND_PROBLEMS:
        part.items = place_problems(items, out)
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


def item_text(item: Item, sep: str) -> str:
    """An item's words as one answer text: its paragraphs, then its sub-items as paragraphs
    ("小标题：正文"), nothing dropped."""
    paragraphs = [t for t in item.texts if t.strip()]
    paragraphs += [sub_paragraph(s, sep) for s in item.subs]
    return join_paragraphs(paragraphs, sep)


def written_text(item: Item) -> str:
    """An item's words as one text, its 一是…二是… runs with their ordinals as written."""
    if item.written:
        return join_paragraphs([p for p in item.written.split("\n") if p.strip()], "")
    return item_text(item, "")


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


def place_measures(part: Part, out: AnswersBuilder, *, first_duty_allowed: bool) -> None:
    # A report may have two parts of measures (基本情况, 主要做法): a topic one holds is taken.
    held = {topic for topic in TOPICS if out.get(f"{topic}.title") or out.get(_measures_key(topic))}
    assignments = assign_topics(part.items, first_duty_allowed=first_duty_allowed, taken=held)
    specialities = _specialities(part.items, assignments, held)
    if first_duty_allowed and "first_duty" not in held:
        _place_first_duty_subs(part.items, assignments, specialities, out)
    # Own slots first (in the original order), so a topic's title and first measures are its
    # own item's before another item's content joins it.
    order = sorted(range(len(part.items)), key=lambda i: (not assignments[i].own, i))
    for index in order:
        item, assignment = part.items[index], assignments[index]
        sources = item.all_sources()
        if index in specialities:
            continue
        if assignment.topic is None:
            out.add_unplaced(item.heading, item_text(item, "\n"), part_origin(part), sources)
            continue
        key = _measures_key(assignment.topic)
        if assignment.own:
            if item.heading:
                out.set_text(f"{assignment.topic}.title", item.heading, item.sources)
            _add_measures(key, item, out)
            continue
        # Joining a topic another item holds: one measure, its heading leading its own words as
        # written ("以两大工程为依托……：一是……二是……"), so its sub-items stay its own.
        text = written_text(item)
        out.add_item(key, item.heading, text, sources)
    # Local work that fits no catalogue topic (队伍建设, 两大工程, 边界协作): each item is a
    # 特色工作 of its own, its heading and words kept, and the draft gives each its own （N）.
    for index in sorted(specialities):
        item = part.items[index]
        out.add_item(_measures_key(CATCH_ALL), item.heading, written_text(item), item.all_sources())


def about_first_duty(heading: str) -> bool:
    """A heading about the leaders' own duty (落实第一责任人职责, 主要负责人履职……)."""
    return any(word in for_matching(heading) for word in TOPIC_WORDS["first_duty"])


def _place_first_duty_subs(
    items: list[Item], assignments: list[Assignment], specialities: set[int], out: AnswersBuilder
) -> None:
    """A report without a 第一责任人 part of its own may say it as a sub-item of another item
    ("（一）加强组织领导 … 2. 落实第一责任人职责：镇党政主要负责人……"). That sub-item is the
    first-duty content: it leaves its item and becomes the 第一责任人 item of the draft (its
    heading the title, its words the duty), so the draft states it once, in its place.
    """
    if any(a.topic == "first_duty" for a in assignments):
        return
    found: list[Item] = []
    for index, item in enumerate(items):
        if not assignments[index].own or index in specialities:
            continue  # an item joining another topic keeps its 一是…二是… as written
        duties = [s for s in item.subs if s.heading and about_first_duty(s.heading)]
        if duties and (len(duties) < len(item.subs) or item.texts):
            item.subs = [s for s in item.subs if s not in duties]
            found += duties
    for n, sub in enumerate(found):
        text = item_text(sub, "")
        if n == 0 and text:
            out.set_text("first_duty.title", sub.heading, sub.sources)
            out.add_item("first_duty.duties", "", text, sub.all_sources())
        else:
            out.add_item("first_duty.duties", sub.heading, text, sub.all_sources())


def _specialities(items: list[Item], assignments: list[Assignment], held: set[str]) -> set[int]:
    """Indices of the headed items that go to 特色工作 one by one, each its own entry.

    Those are the items assigned to 特色工作 and the headed items no topic fits, when there are
    two or more of them (or 特色工作 is already held): a single one keeps the topic's own slot
    (its heading the title, its sub-items the measures). An unheaded paragraph no topic fits
    has no heading to stand under and is listed for the user instead.
    """
    wanted = [
        i
        for i, (item, a) in enumerate(zip(items, assignments, strict=True))
        if item.heading and (a.topic == CATCH_ALL or a.topic is None)
    ]
    if len(wanted) >= 2 or (wanted and CATCH_ALL in held):
        return set(wanted)
    return set()


def _add_measures(key: str, item: Item, out: AnswersBuilder) -> None:
    """An item's content as the measures of its topic: its lead, then one measure per sub-item.

    A single measure written "小标题。正文……" under the item's heading keeps its short lead
    sentence as the measure's heading (the draft prints "小标题。正文……" again).
    """
    if item.texts and item.written and item.subs and not all(s.heading for s in item.subs):
        # "我乡始终……。一是……二是……": the lead is not a measure of its own; numbered with
        # the runs it would become 一是 and every ordinal after it would shift. Kept as written.
        out.add_item(key, "", written_text(item), item.all_sources())
        return
    if item.texts and not item.subs and not item.runs_lead_colon:
        heading, rest = lead_heading(item.texts)
        out.add_item(key, heading, join_paragraphs(rest, ""), item.sources)
    elif item.texts:
        out.add_item(key, "", join_paragraphs(item.texts, ""), item.sources)
    for sub in item.subs:
        out.add_item(key, sub.heading, item_text(sub, ""), sub.all_sources())


_LEAD_MAX = 20
_NOT_A_HEADING = re.compile(
    r"^(?:\d{4}|[一二三四五六七八九〇零○]{4})\s*年|^全年|^截至|^今年|^[一二三四五六七八九十]{1,3}是"
)


def lead_heading(paragraphs: list[str]) -> tuple[str, list[str]]:
    """A short first sentence without a comma or a figure (and more text after it) is a heading:
    "建立健全学法制度。将……" → ("建立健全学法制度", ["将……"])."""
    sentences = split_sentences(paragraphs[0])
    if len(sentences) < 2:
        return "", paragraphs
    first = sentences[0]
    words = first.rstrip("。！？!?")
    if (
        len(words) > _LEAD_MAX
        or re.search(r"[，,；;：:、]", words)
        or _NOT_A_HEADING.search(for_matching(words))
        or find_mentions(first)
        or first[-1:] not in "。！？!?"
    ):
        return "", paragraphs
    return clean_heading(first), ["".join(sentences[1:]), *paragraphs[1:]]


def place_first_duty(items: list[Item], out: AnswersBuilder, *, sep: str) -> None:
    """The 第一责任人 part's items are its duties, every sentence as written."""
    for item in items:
        if not item.subs:
            out.add_item("first_duty.duties", item.heading, item_text(item, sep), item.sources)
        elif item.heading and not item.texts:
            text = join_paragraphs([sub_paragraph(s, sep) for s in item.subs], sep)
            out.add_item("first_duty.duties", item.heading, text, item.all_sources())
        else:
            lead = join_paragraphs(item.texts, sep)
            out.add_item("first_duty.duties", item.heading, lead, item.sources)
            for sub in item.subs:
                out.add_item("first_duty.duties", sub.heading, item_text(sub, sep), sub.sources)


def place_list(key: str, items: list[Item], out: AnswersBuilder) -> None:
    """Items of problems, plans or rectification, as written."""
    for item in items:
        if not item.subs:
            out.add_item(key, item.heading, item_text(item, "\n"), item.sources)
        elif item.heading:
            out.add_item(key, item.heading, item_text(item, "\n"), item.all_sources())
        else:
            if item.texts:
                out.add_item(key, "", join_paragraphs(item.texts, "\n"), item.sources)
            for sub in item.subs:
                out.add_item(key, sub.heading, item_text(sub, "\n"), sub.all_sources())


_CAUSE_START = re.compile(
    r"^(?:究其原因|原因(?:主要)?(?:是|有|在于|如下)|主要原因|其原因|深层次原因|分析(?:其)?原因|"
    r"(?:产生|出现|存在)(?:上述|以上|这些)?(?:问题|不足)的(?:主要)?原因)"
)
_RECTIFICATION = re.compile(r"整改")


def _split_causes(item: Item) -> tuple[Item | None, str]:
    """An item without its sentences from "究其原因……" on, and those sentences.

    Done before 一是 runs are split, so the causes after the last run do not become part of it.
    """
    if item.heading and re.search(r"原因", for_matching(item.heading)) and not item.subs:
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


def place_problems(items: list[Item], out: AnswersBuilder) -> list[Item]:
    """Problems, their causes and the rectification of earlier problems, in the part's order.

    Returns the items as placed (unheaded paragraphs split into their 一是 runs).
    """
    target = "problems.items"
    placed: list[Item] = []
    for item in _split_at_rectification(items):
        marker = for_matching(item.heading + item.text[:60])
        if target == "problems.items" and _RECTIFICATION.search(marker):
            # "针对上述问题，……制定整改措施，具体整改情况如下：" is the report's words: kept as
            # the lead of the 整改 items (the draft then writes no lead of its own).
            target = "rectification.items"
        if target == "problems.items":
            sources = item.all_sources()
            rest, causes = _split_causes(item)
            if causes:
                out.add_to_text("problems.causes", causes, sources)
            if rest is None:
                continue
            item = rest
        if target == "problems.items":
            # 一是…二是… in a 不足 paragraph: one problem each, with its own short heading.
            problems = problem_items(item)
        else:
            problems = [item if item.heading else expand_runs(item)]
        for problem in problems:
            placed.append(problem)
            place_list(target, [problem], out)
    return placed


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
        out.append(Item(item.heading, item.texts[:cut], sources=item.sources))
        out.extend(Item(texts=[text], sources=item.sources) for text in item.texts[cut:])
    return out
