"""Figures written inside texts: "全年开展普法宣传活动30场次，发放资料1500余份。"

One number finder for the whole product. The importer places what it finds, the templates do not
state again a figure a text already states, the checks compare a text's figure with the answers and
with the rest of the report, and next year every figure inside a carried text is confirmed.

:func:`find_mentions` returns every number that has a unit word (30场次, 1500余份, 92%, 两次), with
the text as written, its span, the sentence it sits in, and the catalogue key it reads as
(``publicity.activities``) when keywords near it say so. The rules are general vocabulary (宣传活动,
资料, 咨询, 调解…) and grammar (a part after its whole: "受理189件，其中办结173件"), not sentences of the
sample reports.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from drafter.text.figure_rules import (
    PATTERNS,
    RATE_PAIRS,
    RATE_WORDS,
    ZERO_RULES,
    clause_span,
    key_for,
    keyword_places,
)
from drafter.text.figures import Figure
from drafter.text.numbers import (
    FIGURE_CORE,
    MAY_HOLD_NUMBER,
    Token,
    find_tokens,
    for_matching,
    split_sentences,
)

# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure as a text states it.

    ``unit``: the unit word as written ("场次", "份", "%"), 余人/多人 read as 人 with ``approx``;
    ``raw``: the figure exactly as written in the text ("1500余份", "约200人次", "两次");
    ``start``/``end``: the span of ``raw`` in the text given to :func:`find_mentions`;
    ``sentence``: the whole sentence it sits in, as written; ``key``: the catalogue key it
    reads as (``publicity.activities``), or None.
    """

    value: int | float
    approx: bool
    unit: str
    raw: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    key: str | None = None
    rate: bool = False

    @property
    def figure(self) -> Figure:
        return Figure(self.value, self.approx)


def find_mentions(text: str) -> list[Mention]:
    """Every figure (a number with a unit word) in a text, in order, with its catalogue key.

    Works on any text: one sentence, a paragraph, several paragraphs. Numbers in 《titles》, dates,
    ordinals (第2次) and document numbers are not figures.
    """
    # The same texts are read by the templates, the answers checks and several report checks:
    # remembered per text (a build asked ~200 times for ~30 texts). A new list each time, so a
    # caller may change its list; Mentions are frozen.
    return list(_mentions_of(text))


@functools.lru_cache(maxsize=2048)
def _mentions_of(text: str) -> tuple[Mention, ...]:
    if MAY_HOLD_NUMBER.search(text) is None:
        return ()  # no digit or numeral, nor anything for_matching turns into one
    # for_matching maps one character to one: the whole text is mapped once, and each sentence's
    # form is its slice. Only sentences that hold a figure's core (FIGURE_CORE, which cannot
    # span a sentence's end mark) are read further.
    matching = for_matching(text)
    cores = [hit.start() for hit in FIGURE_CORE.finditer(matching)]
    if not cores:
        return ()
    mentions: list[Mention] = []
    offset = 0
    for paragraph in text.split("\n"):
        end = offset + len(paragraph)
        if any(offset <= at < end for at in cores):
            search_from = 0
            for sentence in split_sentences(paragraph):
                at = paragraph.find(sentence, search_from)
                at = at if at >= 0 else search_from
                search_from = at + len(sentence)
                start = offset + at
                stop = start + len(sentence)
                if any(start <= core < stop for core in cores):
                    mentions.extend(_sentence_mentions(sentence, start, matching[start:stop]))
        offset = end + 1
    return tuple(mentions)


def _sentence_mentions(sentence: str, offset: int, matching: str) -> list[Mention]:
    """The figures of one sentence; ``matching``: for_matching(sentence)."""
    placed: dict[str, Token] = {}
    out = []
    places: list[tuple[int, str]] | None = None
    for token in find_tokens(matching):
        if places is None:
            places = keyword_places(matching)  # once for the sentence's numbers
        key = key_for(matching, token, placed, places)
        if key is not None:
            placed.setdefault(key, token)
        elif token.rate:
            key = rate_key(matching, token)
        out.append(
            Mention(
                value=token.value,
                approx=token.approx,
                unit=token.unit,
                raw=sentence[token.start : token.end],
                start=offset + token.start,
                end=offset + token.end,
                sentence=sentence,
                sentence_start=offset,
                key=key,
                rate=token.rate,
            )
        )
    return out


def rate_key(sentence: str, token: Token) -> str | None:
    """The derived rate a stated percentage reads as (调解成功率 92%), from the words before it."""
    start, _ = clause_span(sentence, token.start)
    before = sentence[start : token.start]
    for key, pattern in RATE_WORDS:
        if PATTERNS[pattern].search(before):
            return key
    return None


def zero_facts(text: str) -> list[tuple[str, int, int]]:
    """ "无行政复议案件", "未制发规范性文件": (key, start, end) of each stated zero."""
    matching = for_matching(text)
    return [
        (key, hit.start(), hit.end())
        for key, pattern in ZERO_RULES
        for hit in re.finditer(pattern, matching)
    ]


@dataclass(frozen=True, slots=True)
class AllFact:
    """ "调解矛盾纠纷5件，全部调解成功": a part equal to its whole, said without a number.

    ``key``: the part (``disputes.resolved``); ``whole``: the whole it equals
    (``disputes.mediated``), stated earlier in the same sentence; ``start``/``end``: the span
    of the words that say it ("全部调解成功") in the text given to :func:`all_facts`.
    """

    key: str
    whole: str
    value: int | float
    approx: bool
    start: int
    end: int

    def __repr__(self) -> str:
        return f"AllFact({self.key!r}, {self.whole!r}, {self.value!r}, {self.start}, {self.end})"


# "全部/均" + the part's own verb; the part is the one whose whole precedes it in the sentence.
_ALL_WORDS = re.compile(
    r"(?:全部|均已|均|全都|全数|悉数)(?:予以|得到|已)?(?P<verb>[^，。；、]{1,6})"
)
_ALL_VERBS: dict[str, str] = {
    "disputes.resolved": r"^(?:调解成功|成功调解|调处成功|化解|调结|调解)",
    "petitions.resolved": r"^(?:办结|化解|解决|处理完毕|妥善处理|答复)",
    "study.exam_passed": r"^(?:合格|通过|考试合格)",
}


def all_facts(text: str) -> list[AllFact]:
    """Every "……5件，全部调解成功" in a text: the part equals the whole stated just before it."""
    facts: list[AllFact] = []
    mentions = find_mentions(text)
    matching = for_matching(text)
    for hit in _ALL_WORDS.finditer(matching):
        before = [
            m
            for m in mentions
            if m.key in RATE_PAIRS
            and m.end <= hit.start()
            and m.sentence_start <= hit.start() < m.sentence_start + len(m.sentence)
        ]
        if not before:
            continue
        whole = before[-1]
        part = RATE_PAIRS[str(whole.key)]
        if re.match(_ALL_VERBS[part], hit.group("verb")):
            facts.append(
                AllFact(part, str(whole.key), whole.value, whole.approx, hit.start(), hit.end())
            )
    return facts
