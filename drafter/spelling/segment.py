"""The most probable segmentation of a few characters into dictionary words, and the reading of
the characters a text uses as words of their own.

A unigram word model, jieba's own: each word's probability is its frequency in jieba's dictionary
over the dictionary's total (data/words.tsv keeps ln frequency, rounded; a single character is
always a word, one the dictionary never saw counting as seen once). A segmentation's
log-probability is the sum of its words', and the best one is found by dynamic programming, as
jieba cuts a sentence (its DAG and route).

The bigram reading of detect.py leaves alone the characters that stand alone as words (因, 由,
然, 哪) and those the dictionary hardly knows: written in place of another they make no pair
the bigram model finds odd enough. They are read here instead: a candidate of the confusion set
is proposed when putting it in place turns the best segmentation of the characters around it
into a clearly more probable one (因该 → 应该, 污然 → 污染: the right character makes a word
where the wrong one left single characters), the character bigram model does not find it
worse, and the word it makes takes only characters that stood alone (规范和 is not 规范化: a
candidate that takes a character from the word next to it, or lengthens that word, is not a
slip of the character between). The pycorrector rule path scores candidates the same way, with
a language model in place of the dictionary's frequencies.
"""

from __future__ import annotations

from drafter.spelling.lexicon import Lexicon

LN_TOTAL = 18
"""ln of the total frequency of jieba's dictionary (60 million), rounded as the levels are."""
WINDOW = 3
"""Characters on each side of the one read: every word of up to four characters that holds it."""
LOCALIZERS = frozenset("上下中里内外前后间")
"""Localizers: after a noun they end its phrase (会议上, 工作中), and belong to no word after."""

Candidate = tuple[str, int, float, int, int, int]
"""(character, kind of slip, bigram gain, level of the word it makes, that word's start, end)."""
Reading = tuple[float, int, Candidate]
"""(score, offset in the run, the best candidate)."""


def best_score(lex: Lexicon, text: str, terms: bool = True) -> int:
    """The log-probability (in levels) of the most probable segmentation of ``text``; official
    terms count as TERM_LEVEL frequent unless ``terms`` is False (a correction's text: a term
    protects what is written, but is no likelier than the dictionary says as a correction)."""
    single = lex.word_level
    level = single if terms else lex.dictionary_level
    best = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        score = best[end - 1] + single(text[end - 1]) - LN_TOTAL
        for length in (2, 3, 4):
            if length > end:
                break
            found = level(text[end - length : end])
            if found:
                score = max(score, best[end - length] + found - LN_TOTAL)
        best[end] = score
    return best[-1]


def single_positions(lex: Lexicon, text: str) -> list[bool]:
    """For each character of ``text``, whether its most probable segmentation leaves it alone
    (a word of one character)."""
    level = lex.word_level
    size = len(text)
    best = [0] * (size + 1)
    back = [1] * (size + 1)
    for end in range(1, size + 1):
        score = best[end - 1] + level(text[end - 1]) - LN_TOTAL
        step = 1
        for length in (2, 3, 4):
            if length > end:
                break
            found = level(text[end - length : end])
            if found and best[end - length] + found - LN_TOTAL > score:
                score, step = best[end - length] + found - LN_TOTAL, length
        best[end], back[end] = score, step
    alone = [False] * size
    end = size
    while end > 0:
        if back[end] == 1:
            alone[end - 1] = True
        end -= back[end]
    return alone


def segment_readings(
    lex: Lexicon,
    run: str,
    positions: list[int],
    margin: float,
    channel: tuple[float, ...],
    bound: int,
) -> list[Reading]:
    """The readings of the characters of ``run`` at ``positions`` whose best candidate raises
    the segmentation's log-probability by at least ``margin`` more than the channel's cost of
    its kind of slip (``bound``: see :func:`new_word`)."""
    size = len(run)
    found: list[Reading] = []
    for i in positions:
        # Between two words (a word of two on each side), the character has no neighbour
        # standing alone to make a word with: the common case of a function word, and cheap.
        if (i == 0 or (i >= 2 and lex.holds(run[i - 2], run[i - 1], bound))) and (
            i + 1 == size or (i + 2 < size and lex.holds(run[i + 1], run[i + 2], bound))
        ):
            continue
        char = run[i]
        before = run[i - 1] if i > 0 else None
        after = run[i + 1] if i + 1 < size else None
        row = lex.candidates(char)
        words = []
        left = lex.followers(before) if before is not None else ""
        follow = lex.follow.get
        for k in range(1, len(row), 2):
            cand = row[k]
            # A candidate that makes no pair with a neighbour makes no word with it either.
            if cand in left or (
                after is not None and after in (follow(cand) or lex.followers(cand))
            ):
                level, w_start, w_end = new_word(lex, run, i, cand, bound)
                if level:
                    words.append((cand, ord(row[k + 1]) - 48, level, w_start, w_end))
        # Numerals stand alone before their measures (两月, 四风): never a slip to read.
        if not words or lex.tag(char) == "m":
            continue
        # The segmentation of the characters around: wide enough that the words holding the
        # window's characters are cut as in the whole run.
        start = max(0, i - 2 * WINDOW)
        alone = single_positions(lex, run[start : i + 2 * WINDOW + 1])
        if not alone[i - start]:
            continue
        w_start = max(0, i - WINDOW)
        window = run[w_start : i + WINDOW + 1]
        j = i - w_start
        now = best_score(lex, window)
        prior = lex.bigram(before, char) + (lex.bigram(char, after) if after else 0.0)
        best: Reading | None = None
        for cand, kind, level, a, b in words:
            rise = best_score(lex, window[:j] + cand + window[j + 1 :], terms=False) - now
            score = rise - channel[kind]
            if score < margin or (best is not None and score <= best[0]):
                continue
            # The character bigram model must not read the candidate as worse (较好 → 叫好).
            gain = lex.bigram(before, cand) + (lex.bigram(cand, after) if after else 0.0) - prior
            if gain > 0 and all(alone[a - start : b - start]):
                best = (score, i, (cand, kind, gain, level, a, b))
        if best is not None:
            found.append(best)
    return found


def new_word(lex: Lexicon, run: str, i: int, cand: str, level_bound: int) -> tuple[int, int, int]:
    """The most frequent word of 2-4 characters ``cand`` makes in place of ``run[i]``: its level,
    start and end; a word whose first (last) character makes a word of two, or part of an
    official term, with the character before (after) it is not counted: it would take that
    character from its own word; nor is one that begins with a localizer after a noun of two
    characters (会议上作交流 is not 会议上缴)."""
    best = (0, i, i + 1)
    size = len(run)
    for length in (2, 3, 4):
        for start in range(max(0, i - length + 1), min(i, size - length) + 1):
            end = start + length
            if start > 0 and lex.holds(run[start - 1], run[start], level_bound):
                continue
            if (
                start != i
                and start > 1
                and run[start] in LOCALIZERS
                and lex.tag(run[start - 2 : start]) == "n"
            ):
                continue
            if end < size and lex.holds(run[end - 1], run[end], level_bound):
                continue
            level = lex.word_level(run[start:i] + cand + run[i + 1 : end])
            if level > best[0]:
                best = (level, start, end)
    return best
