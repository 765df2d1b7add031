"""duplicate-sentence: a sentence repeated anywhere, and near-duplicates within one part.

Sentences are compared without punctuation, spaces and a leading 一是/二是, so "一是切实加强监督。"
and "二是切实加强监督。" count as the same. Headings are left out: a plan part echoing the
headings of the measures part is normal.
"""

from __future__ import annotations

import re
from codecs import utf_16_le_encode
from collections.abc import Iterator
from itertools import islice

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import neither_han_nor

RULE = "duplicate-sentence"

MIN_CHARS = 10
"""Shorter sentences (维护社会和谐稳定。) recur legitimately."""
ERROR_CHARS = 16
NEAR_MIN_CHARS = 20
NEAR_SIMILARITY = 0.8
NEAR_WINDOW = 300
"""Compare a sentence with at most this many earlier ones of its part: keeps huge parts linear."""

_NOT_TEXT = re.compile(rf"(?:{neither_han_nor('0-9A-Za-z')})+")
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
    set as the 2-character strings, of the same size and with the same overlaps, built without
    making a string for every pair (this check compares every sentence with every other).
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
            start = len(block.headline)
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
    grams = [_bigrams(key) for key, *_ in items]
    budget = NEAR_BUDGET
    for j in range(1, len(items)):
        budget -= min(j, NEAR_WINDOW)
        if budget < 0:
            return
        low, high = _length_range(lengths[j])
        grams_j = grams[j]
        size_j = len(grams_j)
        sample_j = set(islice(grams_j, SAMPLE))
        # The earlier sentences that may be near-duplicates, in order, in one comprehension
        # (a test per pair in a loop was half of this check): the length test (shorter >=
        # longer * similarity), then a bound on the overlap from a few of j's pairs: each
        # one missing from i's set is one fewer in common, and overlap / union grows with
        # the overlap, so a bound below the threshold means the overlap is below it. Most
        # pairs fail here (~8 lookups) and are never intersected (~50).
        for i in [
            i
            for i in range(max(0, j - NEAR_WINDOW), j)
            if low <= lengths[i] <= high
            and (most := size_j - len(sample_j - grams[i])) / (len(grams[i]) + size_j - most)
            >= NEAR_SIMILARITY
        ]:
            grams_i = grams[i]
            size_i = len(grams_i)
            # Overlap / union can be no more than the smaller set over the larger (the test
            # as it was: a pair it rules out stays ruled out, whatever the rounding).
            small, large = (size_i, size_j) if size_i <= size_j else (size_j, size_i)
            if small < large * NEAR_SIMILARITY:
                continue
            common = len(grams_i & grams_j)
            union = size_i + size_j - common
            if union and common / union >= NEAR_SIMILARITY:
                where = items[i][1]
                _, index_j, start_j, end_j = items[j]
                place = "本段前文" if where == index_j else f"第{where + 1}段"
                yield Finding(
                    RULE,
                    "warning",
                    f"这句话与{place}的句子几乎相同，请合并或改写。",
                    context.texts[index_j][start_j:end_j].strip(),
                    index_j,
                )
                break


SAMPLE = 8
"""Pairs of a sentence's set looked up in another's set before the two are intersected."""


def _length_range(length: int) -> tuple[int, int]:
    """The lengths another key may have to pass the length test with a key of ``length``
    (``shorter >= longer * NEAR_SIMILARITY``), found with that very test (floats)."""
    low = int(length * NEAR_SIMILARITY)
    while low < length * NEAR_SIMILARITY:
        low += 1
    high = int(length / NEAR_SIMILARITY) + 1
    while length < high * NEAR_SIMILARITY:
        high -= 1
    return low, high
