"""Slips inside official terms: a real word typed in place of the one a term needs.

The reading of detect.py looks for characters no word holds (我门, 跳无); a slip that makes
another word, or a pair the bigram model finds fluent, escapes it ("理论学些中心组": 学些 reads
as 学 + 些). An input method shows the candidates of the typed initials side by side (xx: 学习,
学些, 学校 …), so such a slip keeps the initial of the character it replaces.

The terms are the official vocabulary the lexicon ships (data/gongwen.txt, data/catalogue.txt).
A run of the text that differs from a term of four or more characters in exactly one character
is read as that term mistyped when

- the two characters share an initial (data/initials.txt, from pypinyin);
- the term fixes that place: no other term differs from it there alone (依法治县, 依法治乡 and
  依法治镇 leave the place open, so 依法治校 is a term of its own kind, not a slip);
- the term makes a word there and the text makes none: neither pair of the text around the
  character is a word of the dictionary (学些 is none; 六次 in 六次全会 is a word, 历次 too);
- the run is not itself a term.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable

from drafter.spelling.lexicon import Lexicon, read_data

MIN_LENGTH = 4
"""Shorter terms differ from ordinary words in one character too often (党委/党务)."""
WORD_LEVEL = 2
"""A pair at least this frequent (level) is a word of the dictionary (jieba's frequency 5)."""


class _Index:
    """The shipped terms by the characters a slip leaves them, the places each term fixes, and
    the characters' initials (read when a candidate first needs them).

    A term with one character wrong keeps its first two characters (the slip is after them) or
    its last two (before them): ``heads`` and ``tails`` hold the terms by those pairs, ``pairs``
    the pairs a text is searched for, by their first character.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        long = sorted(t for t in terms if len(t) >= MIN_LENGTH and _all_han(t))
        self.heads: dict[str, list[str]] = collections.defaultdict(list)
        self.tails: dict[str, list[str]] = collections.defaultdict(list)
        fillers: dict[tuple[str, int], set[str]] = collections.defaultdict(set)
        for term in long:
            self.heads[term[:2]].append(term)
            self.tails[term[-2:]].append(term)
            for j, char in enumerate(term):
                fillers[(term[:j] + "\0" + term[j + 1 :], j)].add(char)
        self.open = {key for key, chars in fillers.items() if len(chars) > 1}
        self.pairs: dict[str, list[str]] = collections.defaultdict(list)
        for pair in sorted({t[:2] for t in long} | {t[-2:] for t in long}):
            self.pairs[pair[0]].append(pair)
        self.firsts = frozenset(self.pairs)
        self.terms = set(long)
        self._initials: dict[str, str] | None = None
        self.read: dict[str, list[tuple[int, int, str, str]]] = {}
        """Texts already read and what was found in them: a build checks the answers' texts and
        then the draft that holds them, and a batch drafts the same sentences again."""

    def initials(self, char: str) -> str:
        if self._initials is None:
            text = read_data("initials.txt", "声母表")
            found: dict[str, str] = collections.defaultdict(str)
            for line in text.splitlines():
                initial, _, chars = line.partition("\t")
                for ch in chars:
                    found[ch] += initial + " "
            self._initials = dict(found)
        return self._initials.get(char, "")


_INDEXES: dict[int, _Index] = {}


def _all_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _index(lex: Lexicon) -> _Index:
    found = _INDEXES.get(id(lex))
    if found is None:
        found = _INDEXES[id(lex)] = _Index(lex.terms)
    return found


def term_slips(lex: Lexicon, text: str) -> list[tuple[int, int, str, str]]:
    """``(at, start, written, term)`` for each character of ``text`` read as a slip inside an
    official term (see the module's docstring): ``at`` the character, ``start`` where the run
    ``written`` begins, ``term`` the shortest term it should read as."""
    index = _index(lex)
    known = index.read.get(text)
    if known is None:
        if len(index.read) >= READ_MAX:
            index.read.clear()
        known = index.read[text] = _slips(lex, index, text)
    return list(known)


READ_MAX = 20_000
"""Texts remembered (paragraphs of a few hundred characters, most with nothing found)."""


def _slips(lex: Lexicon, index: _Index, text: str) -> list[tuple[int, int, str, str]]:
    found: dict[int, tuple[int, int, str, str]] = {}
    heads, tails, size = index.heads, index.tails, len(text)
    # The terms' few hundred kept pairs are looked for with ``in`` (a paragraph holds a
    # handful of them), not at every place of the text.
    pairs = [p for ch in index.firsts.intersection(text) for p in index.pairs[ch] if p in text]
    for pair in pairs:
        i = text.find(pair)
        while i >= 0:
            # The rest differs in one place, so of the two characters next to the kept pair
            # one is right (a quick test first).
            for term in heads.get(pair, ()):
                if i + 3 < size and (text[i + 2] == term[2] or text[i + 3] == term[3]):
                    j = _differs_once(text[i + 2 : i + len(term)], term[2:])
                    if j is not None:
                        _keep(lex, index, text, i, term, j + 2, found)
            for term in tails.get(pair, ()):
                start = i + 2 - len(term)
                if start >= 0 and (text[i - 1] == term[-3] or text[i - 2] == term[-4]):
                    j = _differs_once(text[start:i], term[:-2])
                    if j is not None:
                        _keep(lex, index, text, start, term, j, found)
            i = text.find(pair, i + 1)
    return sorted(found.values())


def _differs_once(written: str, term: str) -> int | None:
    """The one place where ``written`` differs from ``term`` (same length), if exactly one."""
    if len(written) != len(term) or written == term:
        return None
    if written[0] != term[0]:
        return 0 if written[1:] == term[1:] else None
    j = 1
    while written[j] == term[j]:
        j += 1
    return j if written[j + 1 :] == term[j + 1 :] else None


def _keep(
    lex: Lexicon,
    index: _Index,
    text: str,
    start: int,
    term: str,
    j: int,
    found: dict[int, tuple[int, int, str, str]],
) -> None:
    at, written = start + j, text[start : start + len(term)]
    if (at not in found or len(term) < len(found[at][3])) and _one_slip(
        lex, index, written, term, j
    ):
        found[at] = (at, start, written, term)


def _one_slip(lex: Lexicon, index: _Index, written: str, term: str, j: int) -> bool:
    """Whether the one character where ``written`` differs from ``term`` (at ``j``) is a slip."""
    if written in index.terms or not _all_han(written):
        return False
    if (term[:j] + "\0" + term[j + 1 :], j) in index.open:
        return False
    around = [(max(0, j - 1), j + 1), (j, j + 2)]
    pairs = [(written[a:b], term[a:b]) for a, b in around if b - a == 2 and b <= len(term)]
    if any(lex.dictionary_level(w) >= WORD_LEVEL for w, _ in pairs):
        return False
    if not any(lex.dictionary_level(t) >= WORD_LEVEL or t in lex.terms for _, t in pairs):
        return False
    # "-" (a reading with no initial: 爱, 鹅) is no key typed in common.
    mine, theirs = index.initials(written[j]).split(), index.initials(term[j]).split()
    return bool((set(mine) & set(theirs)) - {"-"})
