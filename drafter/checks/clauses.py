"""Two clauses glued together without their mark, found with a learned clause-boundary model.

data/clauses.tsv (built by scripts/build_clause_data.py from clean official prose, sources
there) says for each word how often it ends a clause (a ，；。！？ follows it) and how often it
opens one (it follows such a mark), and the same for each part of speech. A stretch of text
without any mark is cut into words (jieba's unigram model, drafter.spelling's dictionary); a
seam between two words is reported when the word before it strongly ends clauses ("…营造浓厚
法治氛围"), the word after it strongly opens them ("确保…", "切实…") and both sides are long
enough to be clauses of their own. A word the table does not hold (or hardly saw) leans on its
part of speech, which alone is never strong enough: only words the prose showed at clause
boundaries can make a finding.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.spelling import lexicon
from drafter.spelling.grammar import opens_with_preposition
from drafter.spelling.segment import LN_TOTAL
from drafter.text.hanzi import is_han, when_used

DATA = Path(__file__).resolve().parent / "data" / "clauses.tsv"


@dataclass(frozen=True, slots=True)
class Tuning:
    """The thresholds, set on the tuning half of benchmarks/punct_planted.py's planted defects
    with the false alarms on the development prose (its test half and the held-out texts were
    not looked at while setting them)."""

    ends: float = 0.3
    """How often the word before the seam ended a clause, at least."""
    opens: float = 0.45
    """How often the word after the seam opened one, at least."""
    odds: float = 10.0
    """How much likelier than at an average seam between two words a mark is here, at least:
    the odds of the word before ending a clause times those of the word after opening one,
    over the odds of any word ending one (the two read as independent evidence)."""
    left: int = 8
    """Characters of the stretch before the seam, at least (a clause of its own)."""
    right: int = 8
    """Characters after it, up to the next mark, at least."""
    prior: float = 3.0
    """Weight of the part of speech's rate in a word's (uses of the word it counts as)."""
    heading_odds: float = 0.5
    """In an item whose heading must end somewhere (the report runs its headings into their
    bodies, and this item's first clause is far longer than its headings): the best seam
    there, when it is at least this much likelier than an average one."""
    heading_opens: float = 0.1
    """How often the first word of such an item opens a clause, at least: a heading phrase
    starts as a clause does (强化…, 推动…), an item without a heading need not (计划全年…)."""


TUNING = Tuning()


@dataclass(frozen=True, slots=True)
class Seam:
    """Where a mark seems missing: ``at`` in the text, the words either side."""

    at: int
    left: str
    right: str


class ClauseModel:
    """Word and part-of-speech rates of ending and opening a clause."""

    __slots__ = ("base", "tags", "words")

    def __init__(self, text: str) -> None:
        self.words: dict[str, tuple[int, int, int]] = {}
        self.tags: dict[str, tuple[int, int, int]] = {}
        for line in text.splitlines():
            kind, _, rest = line.partition("\t")
            if kind not in ("W", "T"):
                continue
            key, uses, ends, opens = rest.split("\t")
            table = self.words if kind == "W" else self.tags
            table[key] = (int(uses), int(ends), int(opens))
        uses_all = sum(row[0] for row in self.tags.values()) or 1
        rate = sum(row[1] for row in self.tags.values()) / uses_all
        self.base = _odds(rate)
        """The odds that a mark follows any word."""

    def _rate(self, word: str, field: int, tuning: Tuning) -> float:
        tag = "m" if word[:1].isdigit() else (lexicon().tag(word) or "x")
        uses, *counts = self.tags.get(tag, (1, 0, 0))
        prior = counts[field] / uses
        seen = self.words.get(word)
        if seen is None:
            return prior
        return (seen[field + 1] + tuning.prior * prior) / (seen[0] + tuning.prior)

    @functools.lru_cache(maxsize=4)  # noqa: B019 - one table, a tuning or two
    def edges(self, tuning: Tuning = TUNING) -> tuple[frozenset[str], frozenset[str]]:
        """The last characters of the words of the table that may end a clause at a seam and
        the first characters of those that may open one. The word after a seam must be one
        of the table's; the word before it is one of them, or a measure word after a figure
        (…400余份: the one part of speech that ends clauses often enough on its own)."""
        ending = frozenset(w[-1] for w in self.words if self.ends(w, tuning) >= tuning.ends)
        opening = frozenset(w[0] for w in self.words if self.opens(w, tuning) >= tuning.opens)
        return ending, opening

    def ends(self, word: str, tuning: Tuning = TUNING) -> float:
        return self._rate(word, 0, tuning)

    def opens(self, word: str, tuning: Tuning = TUNING) -> float:
        return self._rate(word, 1, tuning)

    def glued(self, left: str, right: str, tuning: Tuning = TUNING) -> bool:
        """Is the seam between ``left`` and ``right`` one where a clause ends and the next one
        starts?"""
        ends = self.ends(left, tuning)
        if ends < tuning.ends or right not in self.words:
            # The word after the seam speaks for itself: its part of speech alone is too weak
            # a sign that a clause opens there (频次, an adverb to the dictionary, is a noun).
            return False
        opens = self.opens(right, tuning)
        return opens >= tuning.opens and _odds(ends) * _odds(opens) >= tuning.odds * self.base


def _odds(rate: float) -> float:
    return rate / (1 - rate) if rate < 1 else 1e6


@functools.cache
def model() -> ClauseModel:
    """The shipped table, read on first use."""
    return ClauseModel(DATA.read_text(encoding="utf-8"))


# A stretch the model reads: characters that are neither a mark nor a space. Compiled on first use.
_STRETCH = when_used(r"[^，。、；：！？,.;:!?\s“”‘’《》〈〉（）()【】—…·\"']+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def words(text: str) -> list[str]:
    """``text`` cut into its most probable words (jieba's unigram model over its dictionary, as
    drafter.spelling keeps it); a run of digits is one word."""
    size = len(text)
    best = [0.0] + [float("-inf")] * size
    back = [0] * (size + 1)
    numbers = {m.start(): m.end() for m in _NUMBER.finditer(text)}
    for start in range(size):
        if best[start] == float("-inf"):
            continue
        number_end = numbers.get(start)
        if number_end is not None:
            _relax(best, back, start, number_end, best[start])
            continue
        for length in (1, 2, 3, 4):
            end = start + length
            if end > size:
                break
            level = _level(text[start:end])
            if not level:
                continue
            _relax(best, back, start, end, best[start] + level - LN_TOTAL)
    cut: list[str] = []
    end = size
    while end > 0:
        cut.append(text[back[end] : end])
        end = back[end]
    return cut[::-1]


@functools.lru_cache(maxsize=65536)
def _level(piece: str) -> int:
    """The dictionary level of a piece of text as a word (a single character always is one)."""
    level = lexicon().word_level(piece)
    if len(piece) == 1:
        return max(level, 1) if is_han(piece) else 1
    return level


def _relax(best: list[float], back: list[int], start: int, end: int, score: float) -> None:
    if score > best[end]:
        best[end] = score
        back[end] = start


def seams(
    text: str, start: int = 0, tuning: Tuning = TUNING, table: ClauseModel | None = None
) -> Iterator[Seam]:
    """Each place from ``start`` where two clauses seem glued together without their mark."""
    shortest = tuning.left + tuning.right
    for found in _STRETCH().finditer(text, start):
        if found.end() - found.start() >= shortest and is_han(found.group(0)[-1]):
            yield from _stretch_seams(found.group(0), found.start(), tuning, table or model())


WINDOW = 10
"""Characters either side of a possible seam cut into words: the words at the seam (four
characters at most each) are cut as in the whole stretch, and the stretch is not cut whole."""


def _stretch_seams(stretch: str, offset: int, tuning: Tuning, table: ClauseModel) -> Iterator[Seam]:
    ending, opening = table.edges(tuning)
    # A clause that opens with a preposition ("以强有力的组织领导确保……", "通过……提升……") runs
    # its phrase into its verb without a mark: the first seam after it is that verb.
    led = opens_with_preposition(lexicon(), stretch)
    for at in range(tuning.left, len(stretch) - tuning.right + 1):
        # Only between two characters a seam could fall between (most places are passed here).
        if stretch[at] not in opening:
            continue
        if stretch[at - 1] not in ending and not stretch[at - 2 : at - 1].isdigit():
            continue
        start = max(at - WINDOW, 0)
        cut = words(stretch[start : at + WINDOW])
        edges = list(itertools.accumulate((len(word) for word in cut), initial=start))
        if at not in edges[1:-1]:
            continue  # a word runs across the place: no seam there
        index = edges.index(at)
        left, right = cut[index - 1], cut[index]
        if not is_han(right[0]) or (len(right) < 2 and not _strong_single(right, table, 1)):
            continue
        if not _may_end(left, stretch, at) and not _strong_single(left, table, 0):
            continue
        if table.glued(left, right, tuning) and not _takes_object(left, right, table):
            if led:
                led = False
                continue
            yield Seam(offset + at, left, right)


def _may_end(left: str, stretch: str, at: int) -> bool:
    """Can ``left`` end a clause as segmented: a word of two characters or more, or a measure
    word after a figure (…400余份); a single character left by the segmentation is as likely
    the tail of a word the dictionary lacks (信访人)."""
    if len(left) >= 2:
        return is_han(left[-1])
    return at >= 2 and stretch[at - 2].isdigit() and lexicon().tag(left) == "q"


def _strong_single(word: str, table: ClauseModel, field: int) -> bool:
    """A single character the prose showed often at a clause's edge (在…领导下，): its own
    evidence, not the segmentation's guess."""
    seen = table.words.get(word)
    return seen is not None and seen[0] >= 20 and seen[field + 1] >= seen[0] / 2


def _takes_object(left: str, right: str, table: ClauseModel) -> bool:
    """Is ``right`` more likely a word of the phrase ``left`` ends than a clause's first word?
    A noun, a numeral or a time word after the seam is (部署全年法治工作: 部署 a verb, or a
    noun that 全年 modifies, as the dictionary cannot tell); a clause the model can find opens
    with a verb, an adverb, a preposition, a conjunction or a pronoun. A verbal noun (w) that
    the prose itself mostly puts first in a clause (营造) opens one."""
    tag = lexicon().tag(right)
    if tag == "w":
        return table.opens(right) < VERBAL_NOUN_OPENS
    return tag in ("n", "m", "q")


VERBAL_NOUN_OPENS = 0.5
"""How often a verbal noun (营造, 建设) opens a clause in the prose, at least, to open one at a
seam."""


def heading_seam(
    clause: str, least: int, most: int, tuning: Tuning = TUNING, table: ClauseModel | None = None
) -> Seam | None:
    """The likeliest seam between ``least`` and ``most`` characters into ``clause`` (the first
    clause of an item that should open with a run-in heading), if it is likely enough."""
    table = table or model()
    cut = words(clause)
    if not cut or table.opens(cut[0], tuning) < tuning.heading_opens:
        return None
    best: tuple[float, Seam] | None = None
    at = 0
    for left, right in itertools.pairwise(cut):
        at += len(left)
        if not least <= at <= most or len(left) < 2 or right not in table.words:
            continue
        if lexicon().tag(left) == "v" and lexicon().tag(right) in ("n", "w"):
            continue  # a verb and its object: the heading phrase goes on
        score = _odds(table.ends(left, tuning)) * _odds(table.opens(right, tuning))
        if best is None or score > best[0]:
            best = (score, Seam(at, left, right))
    if best is None or best[0] < tuning.heading_odds * table.base:
        return None
    return best[1]


SIBLING_OPENS = 0.2
"""How often the word right after a heading as long as a sibling's opens a clause, at least."""


def sibling_seam(
    clause: str,
    lengths: Iterable[int],
    subjects: Iterable[str] = (),
    table: ClauseModel | None = None,
) -> int | None:
    """Where the heading of an item ends that lost its 。, at the length of one of its siblings'
    headings: a list's headings run parallel ("政治引领铸忠诚。" "实干担当强执行。"), so "践行初心
    惠民生牢固树立……" ends where theirs do, if a word starts there that opens clauses, or one of
    the report's subjects (the unit, 党政主要负责人)."""
    table = table or model()
    starts: dict[int, str] = {}
    at = 0
    for word in words(clause):
        starts[at] = word
        at += len(word)
    best: tuple[float, int] | None = None
    for length in set(lengths):
        there = starts.get(length)
        if there is None or length < 4 or len(clause) - length < 4:
            continue
        subject = any(clause.startswith(name, length) for name in subjects)
        score = 1.0 if subject else table.opens(there)
        if score >= SIBLING_OPENS and (best is None or score > best[0]):
            best = (score, length)
    return best[1] if best is not None else None


def verb_pair(heading: str, verbs: frozenset[str], table: ClauseModel | None = None) -> Seam | None:
    """Two verb phrases of a heading written without the comma between them ("强化组织领导筑牢
    法治建设根基" for "强化组织领导，筑牢……"): each opens with a heading's verb, and the first ends
    on a word that ends clauses (领导, 意识, 水平; not 履行 or 职能, which go on)."""
    if len(heading) < 8 or _MARK_IN_HEADING.search(heading):
        return None
    table = table or model()
    cut = words(heading)
    if cut[0] not in verbs:
        return None
    at = len(cut[0])
    for left, right in itertools.pairwise(cut):
        # The second phrase's verb may be one the dictionary does not hold (筑牢 cut as 筑 + 牢).
        verb = right if right in verbs else _verb_at(heading, at, verbs)
        phrases = at >= 4 and len(heading) - at >= 4 and verb and left not in verbs
        if phrases and heading[at - 1] not in "和与及并" and table.ends(left) >= PAIR_ENDS:
            return Seam(at, left, verb)
        at += len(right)
    return None


def _verb_at(text: str, at: int, verbs: frozenset[str]) -> str:
    """The verb of ``verbs`` (two characters) that starts at ``at``, or ""."""
    return text[at : at + 2] if text[at : at + 2] in verbs else ""


PAIR_ENDS = 0.35
"""How often the last word of a heading's first phrase ends a clause, at least."""
_MARK_IN_HEADING = re.compile(r"[，,、；;：:！？!?\s“”《》（）()]")
