"""Where a figure sentence belongs: in the measure whose words it shares, after the sentence it
speaks of, never as a tail of its own.

A figure the answers give and no text states ("全年，乡党委理论学习中心组学法3次，组织法律知识
考试2次。") is said in the measure it belongs to: the measure (or sub-item) that speaks of the
same work, told by the words they share: the topics' vocabulary (:mod:`drafter.text.topics`) and
pairs of characters. Inside that measure it follows the sentence that shares the most with it.

Pure functions of items and text: the draft's templates and the report's structure
(:mod:`drafter.render.township`) both use them.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence

from drafter.answers.parse import Item
from drafter.text.hanzi import HAN
from drafter.text.numbers import split_sentences
from drafter.text.topics import TOPIC_WORDS
from drafter.text.units import WORDS

HOME_MIN = 2.0
"""Evidence a measure needs to be a figure's home: one word of a topic, or four pairs of
characters, in common."""
_TOPIC_WEIGHT = 2.0
_PAIR_WEIGHT = 0.5

_VOCABULARY = tuple(sorted({w for words in TOPIC_WORDS.values() for w in words}, key=len))
_HAN_RUN = re.compile(f"{HAN}+")


@functools.cache
def _frame_words() -> re.Pattern[str]:
    """The words every figure sentence has whatever it counts (its frame, not its subject):
    the unit's words (我乡, 全镇, 街道党工委 …) and the year's."""
    words = {"全年", "累计", "共", "现有", "其中", "全部", "合计"}
    for unit in WORDS.values():
        words |= {unit.self_ref, unit.whole, unit.party, unit.party_secretary, unit.head}
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))


def _pairs(text: str) -> set[str]:
    """Every two characters in a row of a text's Chinese words."""
    return {run[i : i + 2] for run in _HAN_RUN.findall(text) for i in range(len(run) - 1)}


@functools.lru_cache(maxsize=512)
def _subject(sentence: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """What a figure sentence speaks of: its topic words and its pairs, its frame left out."""
    words = _frame_words().sub("，", sentence)
    return tuple(w for w in _VOCABULARY if w in words), frozenset(_pairs(words))


def affinity(sentence: str, text: str) -> float:
    """How much a text speaks of what a figure sentence counts (0: nothing in common)."""
    if not sentence or not text:
        return 0.0
    topic_words, pairs = _subject(sentence)
    shared = sum(_TOPIC_WEIGHT for w in topic_words if w in text)
    return shared + _PAIR_WEIGHT * len(pairs & _pairs(text))


def best_home(items: Sequence[Item], sentence: str) -> int | None:
    """The index of the item a figure sentence belongs to, or None when none speaks of it."""
    scores = [affinity(sentence, item.words) for item in items]
    if not scores:
        return None
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return best if scores[best] >= HOME_MIN else None


def with_sentence(item: Item, sentence: str) -> Item:
    """The item with a figure sentence said in it: in the sub-item that speaks of it (if one
    does), else after the sentence of its text that does (or at the end of its text)."""
    if not sentence:
        return item
    sub = best_home(item.subitems, sentence) if item.subitems else None
    if sub is not None:
        subs = list(item.subitems)
        subs[sub] = with_sentence(subs[sub], sentence)
        return dataclasses.replace(item, subitems=tuple(subs))
    return dataclasses.replace(item, text=insert_sentence(item.text, sentence))


def insert_sentence(text: str, sentence: str) -> str:
    """A text with a sentence after the sentence of it that shares the most with it (at the
    end when none shares anything; the whole text when it was empty)."""
    paragraphs = text.split("\n") if text.strip() else []
    best: tuple[float, int, int] | None = None
    for p_index, paragraph in enumerate(paragraphs):
        for s_index, said in enumerate(split_sentences(paragraph)):
            score = affinity(sentence, said)
            if score > 0 and (best is None or score > best[0]):
                best = (score, p_index, s_index)
    if best is None:
        if not paragraphs:
            return sentence
        paragraphs[-1] = _ended(paragraphs[-1]) + sentence
        return "\n".join(paragraphs)
    _, p_index, s_index = best
    sentences = split_sentences(paragraphs[p_index])
    sentences[s_index] = _ended(sentences[s_index])
    sentences.insert(s_index + 1, sentence)
    paragraphs[p_index] = "".join(sentences)
    return "\n".join(paragraphs)


def _ended(text: str) -> str:
    """A text that ends a sentence, so another can follow it (a dangling "，" becomes "。")."""
    text = text.rstrip()
    if not text or text.rstrip("”’」』）)")[-1:] in "。！？!?":
        return text
    return text.rstrip("，,；;、：: ") + "。"


def attach(items: Sequence[Item], sentence: str) -> tuple[list[Item], str]:
    """A topic's items with its figure sentence said in the measure it belongs to, and what is
    left to say elsewhere ("" when it found its home).

    One measure: the figures are its own. Several: the one that speaks of them, or none (the
    sentence is left for the topic to say before its measures, as a lead)."""
    kept = list(items)
    if not sentence or not kept:
        return kept, sentence
    home = best_home(kept, sentence)
    if home is None and len(kept) == 1:
        home = 0
    if home is None:
        return kept, sentence
    kept[home] = with_sentence(kept[home], sentence)
    return kept, ""
