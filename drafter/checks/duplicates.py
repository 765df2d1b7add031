"""duplicate-sentence: a sentence repeated anywhere, and near-duplicates within one part.

Sentences are compared without punctuation, spaces and a leading 一是/二是, so "一是切实加强监督。"
and "二是切实加强监督。" count as the same. Headings are left out: a plan part echoing the
headings of the measures part is normal.
"""

from __future__ import annotations

import re
from codecs import utf_16_le_encode
from collections.abc import Iterator

from drafter.checks import Finding, register
from drafter.checks._text import HAN, Context

RULE = "duplicate-sentence"

MIN_CHARS = 10
"""Shorter sentences (维护社会和谐稳定。) recur legitimately."""
ERROR_CHARS = 16
NEAR_MIN_CHARS = 20
NEAR_SIMILARITY = 0.8
NEAR_WINDOW = 300
"""Compare a sentence with at most this many earlier ones of its part: keeps huge parts linear."""

_NOT_TEXT = re.compile(rf"[^{HAN}0-9A-Za-z]+")
_LEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|同时|此外|另外|其中)")


def _normal(sentence: str) -> str:
    key = _NOT_TEXT.sub("", sentence)
    # _LEAD is anchored: one match at the start, not a substitution that walks the key.
    lead = _LEAD.match(key)
    return key[lead.end() :] if lead is not None else key


def _bigrams(text: str) -> set[int]:
    """The pairs of adjacent characters of a key, each as one number (its two UTF-16 units).

    A key holds only Chinese characters, digits and Latin letters (_normal), all one UTF-16
    unit each, so the 4 bytes at every even offset of the encoded key are one pair: the same
    set as the 2-character strings, of the same size and with the same overlaps, built in C
    (~3x faster than making the strings, which was a third of this check).
    """
    # The codec function itself: text.encode("utf-16-le") would import its module first.
    data = utf_16_le_encode(text)[0]
    size = len(data)
    pairs = set(memoryview(data)[: size - size % 4].cast("I"))  # characters 0-1, 2-3, …
    if size > 4:
        pairs.update(memoryview(data)[2 : size - (size - 2) % 4].cast("I"))  # 1-2, 3-4, …
    return pairs


@register(RULE, "重复的句子")
def check(context: Context) -> Iterator[Finding]:
    first_seen: dict[str, int] = {}
    per_part: dict[int, list[tuple[str, int, int, int]]] = {}
    for index, block in enumerate(context.blocks):
        if block.kind == "heading":
            start = len(block.number) + len(block.text)
        elif block.kind == "paragraph":
            start = 0
        else:
            continue
        text = context.texts[index]
        for s_start, s_end in context.sentence_spans(index, start):
            key = _normal(context.norm[index][s_start:s_end])
            if len(key) < MIN_CHARS:
                continue
            if key in first_seen:
                where = first_seen[key]
                place = "本段前文" if where == index else f"第{where + 1}段"
                yield Finding(
                    RULE,
                    "error" if len(key) >= ERROR_CHARS else "warning",
                    f"这句话与{place}的句子重复，请删去一处或改写。",
                    text[s_start:s_end].strip(),
                    index,
                )
                continue
            first_seen[key] = index
            if len(key) >= NEAR_MIN_CHARS:
                per_part.setdefault(context.part_of[index], []).append((key, index, s_start, s_end))
    for items in per_part.values():
        yield from _near_duplicates(context, items)


NEAR_BUDGET = 200_000
"""Bigram comparisons per document: a real report needs a few thousand; a pathological input
(megabytes of similar sentences) stops being compared instead of hanging the check."""


def _near_duplicates(context: Context, items: list[tuple[str, int, int, int]]) -> Iterator[Finding]:
    lengths = [len(key) for key, *_ in items]
    # Bigram sets are built only for sentences that pass the length test against some other
    # one: most pairs of a part differ in length too much to be near-duplicates.
    grams: list[set[int] | None] = [None] * len(items)
    budget = NEAR_BUDGET
    for j in range(1, len(items)):
        budget -= min(j, NEAR_WINDOW)
        if budget < 0:
            return
        key_j, index_j, start_j, end_j = items[j]
        length_j = lengths[j]
        grams_j: set[int] | None = None
        for i in range(max(0, j - NEAR_WINDOW), j):
            length_i = lengths[i]
            # shorter < longer * similarity, without sorting the pair (this loop is the hot one).
            if length_i <= length_j:
                if length_i < length_j * NEAR_SIMILARITY:
                    continue
            elif length_j < length_i * NEAR_SIMILARITY:
                continue
            grams_i = grams[i]
            if grams_i is None:
                grams_i = grams[i] = _bigrams(items[i][0])
            if grams_j is None:
                grams_j = grams[j] = _bigrams(key_j)
            size_i, size_j = len(grams_i), len(grams_j)
            # Overlap / union can be no more than the smaller set over the larger: skip pairs
            # that cannot reach the threshold before intersecting.
            small, large = (size_i, size_j) if size_i <= size_j else (size_j, size_i)
            if small < large * NEAR_SIMILARITY:
                continue
            common = len(grams_i & grams_j)
            union = size_i + size_j - common
            if union and common / union >= NEAR_SIMILARITY:
                where = items[i][1]
                place = "本段前文" if where == index_j else f"第{where + 1}段"
                yield Finding(
                    RULE,
                    "warning",
                    f"这句话与{place}的句子几乎相同，请合并或改写。",
                    context.texts[index_j][start_j:end_j].strip(),
                    index_j,
                )
                break
