"""Stage 2, classify: what each part is (measures, problems, first duty, plans, other) and what
each item of the measures is about (the catalogue's topics: 组织领导, 学法, 普法 …).

The rules are vocabulary: keywords in a part's title (then its content), keywords in an item's
heading (its first clause weighs most) and, less, in its text. Items of the measures are then
matched to topics one to one — the strongest evidence first — so two items never share a topic
slot when another fits, and an item with no evidence for any topic is a 特色工作 (highlights)
rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafter.answers.records import (
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_OTHER,
    KIND_PLANS,
    KIND_PROBLEMS,
)
from drafter.importer.segment import Item
from drafter.spelling.grammar import word_starting
from drafter.spelling.lexicon import lexicon
from drafter.text.numbers import for_matching
from drafter.text.topics import HEADING_VERB, TOPIC_WORDS, TOPICS

KIND_NAMES = {
    KIND_MEASURES: "主要举措和成效",
    KIND_PROBLEMS: "存在的不足",
    KIND_FIRST_DUTY: "第一责任人履职",
    KIND_PLANS: "下一年度安排",
    KIND_OTHER: "其他",
}

_KIND_TITLE_RULES: tuple[tuple[str, str], ...] = (
    (KIND_OTHER, r"其他需要报告|其它需要报告|其他情况|其它情况"),
    (KIND_FIRST_DUTY, r"第一责任人|主要负责人|主要负责同志|主要领导|党政负责人|履职"),
    (KIND_PROBLEMS, r"不足|问题|短板|差距|困难|薄弱"),
    (KIND_PLANS, r"计划|打算|安排|下一步|下一年|来年|明年|思路|展望|努力方向|重点工作"),
    (
        KIND_MEASURES,
        r"举措|措施|成效|开展情况|工作情况|主要做法|做法|成绩|进展|完成情况|推进情况|工作开展|主要工作|"
        r"基本情况|总体情况|主要情况|情况$",
    ),
)
_MEASURES_WORDS = r"举措|措施|成效|做法|成绩"
"""What only the measures' title names (情况 ends the titles of other parts too)."""
_KIND_CONTENT_RULES: tuple[tuple[str, str], ...] = (
    (KIND_FIRST_DUTY, r"第一责任人|主要负责人"),
    (KIND_PROBLEMS, r"有待|不够|不足|欠缺|薄弱|滞后|不强|不高"),
    (KIND_PLANS, r"进一步|将|持续|继续|力争|计划"),
    (KIND_MEASURES, r"全年|共|开展|组织|成立|召开|制定"),
)


# A year in a part's title, written with 年 or without it ("一、2025法治政府建设工作主要情况"); the
# end of a range ("2021—2025") is no year of the title's own.
_TITLE_YEAR = re.compile(r"(?<![\d—–\-－~～至])(20\d{2})(?!\d|\s*[—–\-－~～至]\s*\d)")


def title_year(title: str) -> int | None:
    """The year a part's title names, 年 or no 年 (None when it names none)."""
    match = _TITLE_YEAR.search(re.sub(r"《[^》]*》", "", for_matching(title)))
    return int(match.group(1)) if match else None


def classify_part(title: str, text: str = "", *, year: int | None = None) -> str:
    """One of the regulation's kinds for a top-level part: by its title, else by its content.

    ``year``: the report's year. A title that names a year and no kind ("一、2025法治政府建设工作
    主要情况") is the year's work when it names the report's year, and the plans when it names a
    later one, whatever words of intent its text holds.
    """
    title_m = for_matching(title)
    # A title of several clauses says what the part is in its last one ("……紧密围绕市委工作安排，
    # 推动法治政府建设的举措和成效"); the words of the clauses before only lead up to it.
    # A last clause of general words ("……，加强法治政府建设的有关情况") does not.
    clauses = [c for c in re.split(r"[，,；;]", title_m) if c.strip()]
    if len(clauses) > 1:
        for kind, pattern in _KIND_TITLE_RULES:
            if kind != KIND_MEASURES and re.search(pattern, clauses[-1]):
                return kind
        if re.search(_MEASURES_WORDS, clauses[-1]):
            return KIND_MEASURES
    for kind, pattern in _KIND_TITLE_RULES:
        if re.search(pattern, title_m):
            return kind
    stated = title_year(title)
    if year is not None and stated is not None:
        return KIND_PLANS if stated > year else KIND_MEASURES
    # A part titled by what was done ("二、坚持依法决策，提高决策法治化水平", the 纲要's seven
    # headings as parts) is a part of the measures, whatever its text says in passing.
    if title_m and max(topic_scores(title).values()) >= STRONG:
        return KIND_MEASURES
    text_m = for_matching(text)
    counts = {kind: len(re.findall(pattern, text_m)) for kind, pattern in _KIND_CONTENT_RULES}
    best = max(counts.items(), key=lambda kv: kv[1])
    if best[1] >= 2:
        return best[0]
    # A theme the topics' words do not name ("二、强化依法执政，狠抓关键少数"), over too little text
    # to tell (a copy cut short): titled as a heading of the measures is, by a verb and its
    # object, it is a part of the measures, not "other" (which its title would name).
    return KIND_MEASURES if _verb_phrase(title_m) else KIND_OTHER


def _verb_phrase(title_m: str) -> bool:
    """Whether a title opens with a verb, as a heading of what was done does: one of the genre's
    heading verbs (加强, 推进 …), or any word of two characters the dictionary makes a verb
    ("二、整合专业力量，完善……工作机制")."""
    if HEADING_VERB().match(title_m):
        return True
    word = word_starting(lexicon(), title_m, 0) if title_m else ""
    return len(word) > 1 and lexicon().tag(word) == "v"


def is_topic_title(title: str) -> bool:
    """A part titled by what was done ("一、强化组织领导，提升法治意识"), not by the regulation's
    generic words ("一、2024年度推进法治政府建设的主要举措和成效")."""
    title_m = for_matching(title)
    if not title_m or any(re.search(pattern, title_m) for _, pattern in _KIND_TITLE_RULES):
        return False
    # A verb and its object is a theme too when the topics' words do not name it
    # ("二、强化依法执政，狠抓关键少数"): each theme of a report stays an item alike.
    return max(topic_scores(title).values()) >= STRONG or _verb_phrase(title_m)


# --------------------------------------------------------------------------- topics

CATCH_ALL = "highlights"
"""特色工作: where an item of the measures goes when nothing says what it is about."""


_FIRST_CLAUSE_WEIGHT = 3.0
_OTHER_CLAUSE_WEIGHT = 1.5
_BODY_WEIGHT = 0.5
_BODY_CAP = 3
STRONG = 2.5
"""Evidence that makes an item a topic's own: a keyword in its heading, or several in its text."""
WEAK = 1.0
"""Evidence enough to take a topic nobody else claims."""


def topic_scores(heading: str, body: str = "") -> dict[str, float]:
    """Keyword evidence per topic: the heading's first clause most, its other clauses less, the
    text least (each keyword counted at most three times there)."""
    clauses = [c for c in re.split(r"[，,；;：:]", for_matching(heading)) if c]
    body_m = for_matching(body)
    scores: dict[str, float] = {}
    for topic, words in TOPIC_WORDS.items():
        score = 0.0
        for word in words:
            for position, clause in enumerate(clauses):
                weight = _FIRST_CLAUSE_WEIGHT if position == 0 else _OTHER_CLAUSE_WEIGHT
                score += weight * clause.count(word)
            score += _BODY_WEIGHT * min(body_m.count(word), _BODY_CAP)
        scores[topic] = score
    # 第一责任人 only when the item is about it (its heading), not when a text mentions it; a
    # heading that names the 第一责任人 is about it before anything else it also names
    # ("强化组织领导，坚持党政主要负责人履行推进法治建设第一责任人职责").
    heading_m = for_matching(heading)
    if not any(word in heading_m for word in TOPIC_WORDS["first_duty"]):
        scores["first_duty"] = min(scores["first_duty"], WEAK / 2)
    elif "第一责任人" in heading_m:
        scores["first_duty"] = max(scores.values()) + 1.0
    return scores


def classify_topic(heading: str, body: str = "", default: str = CATCH_ALL) -> str:
    """The single best topic of an item (for one item on its own)."""
    scores = topic_scores(heading, body)
    best = max(scores.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else default


@dataclass(frozen=True)
class Assignment:
    """Where an item of the measures goes: its own topic slot, or added to a taken one, or
    nowhere (the user places it)."""

    topic: str | None
    own: bool
    """True: the item's heading is the topic's title and its content the topic's measures."""


def assign_topics(
    items: Sequence[Item], *, first_duty_allowed: bool, taken: Iterable[str] = ()
) -> list[Assignment]:
    """Match the items of the measures to topics, one item per topic where possible.

    The strongest (item, topic) evidence is matched first. An item left over takes a free
    topic it has some evidence for, else the free 特色工作 slot; failing that it joins the
    topic it clearly belongs to (two 普法 items: the second's content follows the first's);
    an item with no clear topic at all gets none and is listed for the user to place.
    Beside headed items an unheaded paragraph (a lead-in, a remark) never gets a slot of its
    own: it joins the headed topic its words clearly point to, or is listed.
    ``first_duty_allowed``: 第一责任人 is a topic of the measures only in a report that has no
    part of its own for it (otherwise that part holds it). ``taken``: topics an earlier part of
    the measures already holds.
    """
    scores = [topic_scores(item.heading, item.text + "".join(s.full_text() for s in item.subs))
              for item in items]  # fmt: skip
    if not first_duty_allowed:
        for by_topic in scores:
            by_topic["first_duty"] = 0.0
    result: list[Assignment | None] = [None] * len(items)
    taken = set(taken)
    # Beside headed items, an unheaded paragraph (a lead-in, a remark) is not a topic of its
    # own: a topic slot without its heading would be printed under a heading nobody wrote.
    headed = any(item.heading for item in items)
    loose = [headed and not item.heading for item in items]
    # Strongest evidence first; ties go to the earlier item, then to the catalogue's order.
    pairs = sorted(
        (
            (-score, index, TOPICS.index(topic), topic)
            for index, by_topic in enumerate(scores)
            for topic, score in by_topic.items()
            if score >= STRONG and not loose[index]
        )
    )
    for _, index, _, topic in pairs:
        if result[index] is None and topic not in taken:
            result[index] = Assignment(topic, True)
            taken.add(topic)
    for index, by_topic in enumerate(scores):
        if result[index] is not None or loose[index]:
            continue
        ranked = sorted(by_topic.items(), key=lambda kv: (-kv[1], TOPICS.index(kv[0])))
        # A paragraph without a heading has only its text to go by: any evidence will do.
        bar = WEAK if items[index].heading else 1e-9
        free = [t for t, s in ranked if s >= bar and t not in taken]
        if free:
            result[index] = Assignment(free[0], True)
        elif ranked[0][1] >= STRONG:
            result[index] = Assignment(ranked[0][0], False)
        elif CATCH_ALL not in taken:
            result[index] = Assignment(CATCH_ALL, True)
        else:
            result[index] = Assignment(None, False)
        assignment = result[index]
        if assignment is not None and assignment.own and assignment.topic:
            taken.add(assignment.topic)
    for index, by_topic in enumerate(scores):
        if not loose[index]:
            continue
        best, evidence = max(by_topic.items(), key=lambda kv: kv[1])
        result[index] = Assignment(best if evidence >= STRONG and best in taken else None, False)
    return [a if a is not None else Assignment(None, False) for a in result]
