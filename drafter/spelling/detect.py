"""Wrong characters found in context: a noisy-channel reading of each suspicious character.

A character is *suspicious* when it is bound to neither neighbour: no word of the dictionary (nor
an official term) holds it with the character before or after it, and the bigram model finds
neither pair fluent (data/bound.tsv). Correct official prose has few such characters (names, one-character words
like 将 and 对); a mistyped character almost always is one (朋唷, 我门, 跳无).

For a suspicious character each candidate of its confusion set (same or near pinyin, similar
shape) is tried in its place. A candidate is proposed when it makes a dictionary word with its
neighbours, that word does not take a character away from a word next to it, and the text reads
better with it: the bigram model's log-probability of the two pairs around it rises by more than
the channel's cost of that kind of slip plus a margin.

A suspicious character that often stands alone as a word (因, 然, 哪) or that the dictionary
hardly knows (埤) is not read so: its candidates are weighed by jieba's unigram segmentation
(segment.py). 的/地/得 and 哪/那 are read from the words around them (grammar.py). The
thresholds are in :data:`TUNING`; benchmarks/bench_spelling.py says on which texts they were set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from drafter.spelling.coined import coined
from drafter.spelling.grammar import (
    demonstrative_slips,
    particle_slips,
    word_ending,
    word_starting,
)
from drafter.spelling.lexicon import TERM_LEVEL, Lexicon, lexicon
from drafter.spelling.segment import Candidate, Reading, new_word, segment_readings
from drafter.spelling.slips import term_slips


class Typo(NamedTuple):
    """A wrong character: ``start`` its offset in the text, ``wrong`` and ``right`` the
    characters, ``excerpt`` the word it stands in as written (from offset ``at``) and ``fix``
    that word corrected."""

    start: int
    wrong: str
    right: str
    at: int
    excerpt: str
    fix: str

    def __repr__(self) -> str:
        return f"Typo({self.start}, {self.excerpt!r} → {self.fix!r})"


class Tuning:
    """The model's thresholds (set on the development halves only: see the benchmark)."""

    __slots__ = (
        "alone",
        "bound",
        "channel",
        "gain_weight",
        "held",
        "margin",
        "new_word",
        "rise",
        "word_weight",
    )

    def __init__(self) -> None:
        self.bound = 2
        """A word of two characters at least this frequent (level) binds its characters when a
        candidate would take one of them (pairs the model never reads apart are data/bound.tsv:
        scripts/build_spelling_data.py --bound-level, --fluent)."""
        self.held = 1
        """A word of 3-4 characters at least this frequent (level) binds its characters: any
        word of jieba's dictionary, the rarest too (入园率, 食药监: official prose derives them
        from common words; a slip seldom makes one)."""
        self.alone = 1
        """Characters that stand alone this often (alone level at most this) are not tried by
        the bigram reading; the segmentation's reading tries them (segment.py)."""
        self.new_word = 7
        """The word a candidate makes must be at least this frequent (level): a correction is
        a word a writer commonly means, not a rare word for official prose's coinages (转段后
        as 断后)."""
        self.channel = (0.0, 1.0, 2.0, 3.0)
        """Cost of each kind of slip: same pinyin, other tone, near pinyin, similar shape."""
        self.gain_weight = 1.0
        """Weight of the bigram model's gain."""
        self.word_weight = 0.5
        """Weight of the new word's level."""
        self.margin = 14.0
        """The score a candidate needs. Set on prose the model had never been mended on
        (tests/fixtures/prose/dev4/, measured before any change for it): the most sensitive
        score whose false alarms there stay under 3 per 10,000 characters. At 10, the score
        the SIGHAN even lines favour, that prose raised 8.4 (official prose is full of words
        and names no dictionary holds: 稳中提质, 量质齐升, 共克时艰), while the annotated
        typos of the real reports were found alike at either score."""
        self.rise = 6
        """The score a candidate needs in the segmentation's reading: how much more probable
        (ln, in levels) the best segmentation of the characters around it becomes, less the
        channel's cost."""


TUNING = Tuning()

# Grammar, not spelling (的/地/得); the characters of administrative units, which stand alone
# in official prose (乡党委, 县政府) and end place names no dictionary holds; those of the kinds
# of organs and their offices, which stand alone for the organ (厅直单位, 局党组, 各股室); and the
# official one-character names of provinces that serve as little else (闽政通, 湘商, 粤交法).
NOT_TRIED = frozenset("的地得乡镇县市区村省州厅局委处科股室冀晋辽皖闽赣鲁豫鄂湘粤桂琼渝沪黔滇陕")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def find_typos(text: str, protected: Iterable[tuple[int, int]] = ()) -> list[Typo]:
    """The wrong characters of ``text``, each with the character that should stand there.

    ``protected``: spans (start, end) never changed (names the caller knows, quoted titles).
    """
    lex = lexicon()
    spans = list(protected)
    found: list[Typo] = []
    knobs = _knobs(TUNING)
    for run in _HAN_RUN.finditer(text):
        base = run.start()
        scored: list[tuple[float, int, Candidate]] = []
        for score, i, best in _readings(lex, run.group(), knobs):
            at = base + i
            if not (any(a <= at < b for a, b in spans) or coined(lex, text, at)):
                scored.append((score, i, best))
        # Two suspicious neighbours each mended into a word with the other (依发: 印发 or 依法)
        # are one slip: the better reading is kept.
        taken: list[tuple[int, int]] = []
        for _, i, best in sorted(scored, reverse=True):
            if all(best[5] <= a or b <= best[4] for a, b in taken):
                taken.append((best[4], best[5]))
                found.append(
                    _typo(run.group(), i, best)._replace(start=base + i, at=base + best[4])
                )
    for at, start, written, term in term_slips(lex, text):
        if not any(a <= at < b for a, b in spans) and all(typo.start != at for typo in found):
            found.append(Typo(at, text[at], term[at - start], start, written, term))
    if "哪" in text:
        read = {typo.start for typo in found}
        for at in demonstrative_slips(text):
            if at not in read and not any(a <= at < b for a, b in spans):
                found.append(Typo(at, "哪", "那", at, text[at : at + 2], "那" + text[at + 1]))
    if "的" in text or "得" in text:
        for at, right in particle_slips(lex, text):
            if not any(a <= at < b for a, b in spans):
                found.append(_particle(lex, text, at, right))
    return sorted(found)


def _particle(lex: Lexicon, text: str, at: int, right: str) -> Typo:
    before = word_ending(lex, text, at)
    after = word_starting(lex, text, at + 1)
    excerpt = before + text[at] + after
    return Typo(at, text[at], right, at - len(before), excerpt, before + right + after)


def _score(cand: Candidate, tuning: Tuning) -> float:
    _, kind, gain, level, _, _ = cand
    return tuning.gain_weight * gain + tuning.word_weight * level - tuning.channel[kind]


_READINGS: dict[tuple[str, tuple[object, ...]], list[Reading]] = {}
_READINGS_MAX = 50_000
"""Runs remembered (a run is a few dozen characters, its readings mostly none)."""


def _knobs(tuning: Tuning) -> tuple[object, ...]:
    return tuple(getattr(tuning, name) for name in Tuning.__slots__)


def _readings(lex: Lexicon, run: str, knobs: tuple[object, ...]) -> list[Reading]:
    """(score, offset, best candidate) of each suspicious character of a run of Chinese
    characters whose best candidate reaches the margin, whatever the text around the run.

    Remembered by run and thresholds: a build checks the answers and then the report made of
    them, and a batch builds many reports from the same templates, so most runs come again;
    what depends on the text around a run (protected spans, coined words) is decided after.
    """
    key = (run, knobs)
    found = _READINGS.get(key)
    if found is None:
        found = []
        suspected, lone = suspects(lex, run, TUNING)
        for i, cands in suspected:
            best = max(cands, key=lambda c: _score(c, TUNING))
            score = _score(best, TUNING)
            if score >= TUNING.margin:
                found.append((score, i, best))
        if lone:
            found += segment_readings(lex, run, lone, TUNING.rise, TUNING.channel, TUNING.bound)
        found = [reading for reading in found if not _name_character(lex, run[reading[1]])]
        if len(_READINGS) >= _READINGS_MAX:
            _READINGS.clear()
        _READINGS[key] = found
    return found


NAME_CHARACTER = -19.0
"""ln P(character) at the start of a word, at most: the floor of the bigram model, for the
characters its corpus hardly held (泓, 昇, 珺). A report types them on purpose, in the names of
people, firms and places: an input method offers the common character of a reading first, so a
slip gives a common character, not a rare one."""


def _name_character(lex: Lexicon, char: str) -> bool:
    return lex.bigram(None, char) <= NAME_CHARACTER


def _typo(run: str, i: int, cand: Candidate) -> Typo:
    char, _, _, _, start, end = cand
    excerpt = run[start:end]
    fix = excerpt[: i - start] + char + excerpt[i - start + 1 :]
    return Typo(i, run[i], char, start, excerpt, fix)


def suspects(
    lex: Lexicon, run: str, tuning: Tuning
) -> tuple[list[tuple[int, list[Candidate]]], list[int]]:
    """Each suspicious character of a run of Chinese characters, with its candidates; and
    apart, the suspicious characters that often stand alone as words (function words, 扛, and
    characters the dictionary hardly knows), left to the segmentation's reading."""
    size = len(run)
    follow = lex.follow
    bound = []
    for a, b in pairwise(run):
        after = follow.get(a)
        if after is None:
            after = lex.followers(a)
        bound.append(b in after)
    found = []
    lone = []
    for i, char in enumerate(run):
        if (i > 0 and bound[i - 1]) or (i < size - 1 and bound[i]) or char in NOT_TRIED:
            continue
        row = lex.candidates(char)
        if not row:
            continue
        if ord(row[0]) - 65 <= tuning.alone:
            lone.append(i)
            continue
        if _in_word(lex, run, i, tuning.held):
            continue
        cands = _candidates(lex, run, i, row, tuning)
        if cands:
            found.append((i, cands))
    return found, lone


def _in_word(lex: Lexicon, run: str, i: int, level: int) -> bool:
    """Whether a word of 3-4 characters at least ``level`` frequent holds ``run[i]``."""
    size = len(run)
    for length in (3, 4):
        for start in range(max(0, i - length + 1), min(i, size - length) + 1):
            if lex.word_level(run[start : start + length]) >= level:
                return True
    return False


def _candidates(lex: Lexicon, run: str, i: int, row: str, tuning: Tuning) -> list[Candidate]:
    char = run[i]
    before = run[i - 1] if i > 0 else None
    after = run[i + 1] if i + 1 < len(run) else None
    now = lex.bigram(before, char) + (lex.bigram(char, after) if after else 0.0)
    # The most a word can add to the score: candidates the bigram model reads as no better than
    # that short of the margin are not looked up in the dictionary (most of them).
    reach = tuning.margin - tuning.word_weight * TERM_LEVEL
    # lex.bigram inlined: this loop runs for every candidate of every suspicious character.
    table = lex.bigrams
    start_row = table.row("^")
    left = (table.row(before) or start_row) if before is not None else start_row
    left_default = (65 - ord(left[0])) / 2
    known = table.rows.get
    weight, channel = tuning.gain_weight, tuning.channel
    found = []
    for k in range(1, len(row), 2):
        cand = row[k]
        kind = ord(row[k + 1]) - 48
        at = left.find(cand, 1)
        gain = (65 - ord(left[at + 1])) / 2 if at >= 0 else left_default
        if after is not None:
            right = known(cand)
            if right is None:
                right = table.row(cand)
            right = right or start_row
            at = right.find(after, 1)
            gain += (65 - ord(right[at + 1 if at >= 0 else 0])) / 2
        gain -= now
        if weight * gain - channel[kind] < reach:
            continue
        level, start, end = new_word(lex, run, i, cand, tuning.bound)
        if level >= tuning.new_word:
            found.append((cand, kind, gain, level, start, end))
    return found
