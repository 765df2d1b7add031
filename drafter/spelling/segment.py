"""The most probable segmentation of a few characters into dictionary words, and its log-probability.

A unigram word model, jieba's own: each word's probability is its frequency in jieba's dictionary
over the dictionary's total (data/words.tsv keeps ln frequency, rounded; a single character is
always a word, one the dictionary never saw counting as seen once). A segmentation's
log-probability is the sum of its words', and the best one is found by dynamic programming, as
jieba cuts a sentence (its DAG and route). The typo model asks whether putting a character in
place of another turns a window's best segmentation into a clearly more probable one: the
right character makes a word where the wrong one left single characters (因该 → 应该), and a
candidate that takes a character from the word next to it loses that word again.
"""

from __future__ import annotations

from drafter.spelling.lexicon import Lexicon

LN_TOTAL = 18
"""ln of the total frequency of jieba's dictionary (60 million), rounded as the levels are."""


def best_score(lex: Lexicon, text: str) -> int:
    """The log-probability (in levels) of the most probable segmentation of ``text``."""
    level = lex.word_level
    best = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        score = best[end - 1] + level(text[end - 1]) - LN_TOTAL
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
