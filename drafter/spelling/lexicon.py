"""The shipped tables (data/*.tsv, built by scripts/build_spelling_data.py) and their look-ups.

Each table is read once, on first use, as one string and an index of where the row of each key
(a character) starts and ends in it, read key by key as texts ask. A row is a string of fixed-width records (characters, then
one ASCII level letter), so a look-up is a ``dict.get`` and a ``str.find`` within the row's
bounds, and loading builds no object per word or row (a dict of the 120,000 words would cost a
check more than the whole rest of it).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

from drafter.errors import DrafterError

DATA = Path(__file__).resolve().parent / "data"
_LENGTH_KEY = ("", "", "2", "3", "4")
TERM_LEVEL = 12
"""The level of an official term, and the highest level of any word in words.tsv."""


class Table:
    """One table: its text, and where the row of each key starts and ends in it.

    The bounds are read for a key the first time it is asked for (a report asks for a few
    thousand of the tables' keys, not all of them).
    """

    __slots__ = ("bounds", "keys", "spans", "text", "width")

    def __init__(self, name: str) -> None:
        try:
            text = (DATA / name).read_text(encoding="utf-8")
            self.keys, self.bounds, self.text = text.split("\n", 2)
            self.width = len(self.keys) * 14 // len(self.bounds)
        except (OSError, UnicodeDecodeError, ValueError, ZeroDivisionError) as exc:
            raise DrafterError(
                f"错别字检查的词表 {DATA / name} 无法读取（{exc}）。请重新安装 drafter。"
            ) from exc
        self.spans: dict[str, tuple[int, int]] = {}

    def span(self, key: str) -> tuple[int, int]:
        """(start, end) of the row of ``key`` in ``text``; (0, 0) when there is none."""
        found = self.spans.get(key)
        if found is None:
            at = self.keys.find(key) if len(key) == self.width else -1
            # Keys are Chinese characters (and a digit): a match is always at a key's start.
            if at < 0:
                found = (0, 0)
            else:
                k = at // self.width * 14
                found = (int(self.bounds[k : k + 7]), int(self.bounds[k + 7 : k + 14]))
            self.spans[key] = found
        return found

    def find(self, key: str, sub: str, skip: int = 0) -> int:
        """Where ``sub`` is in the row of ``key`` (-1: not there), past its first ``skip``
        characters."""
        start, end = self.span(key)
        return self.text.find(sub, start + skip, end) if end else -1

    def row(self, key: str) -> str:
        start, end = self.span(key)
        return self.text[start:end]


def _terms(name: str) -> list[str]:
    """A word list: one term a line, ``#`` starts a comment."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line[:1] not in "#"]


class Lexicon:
    """Word levels, bound pairs, the character bigram model and the confusion sets."""

    __slots__ = ("bigrams", "bound", "confusion", "extra", "follow", "terms", "words")

    def __init__(self) -> None:
        self.words = Table("words.tsv")
        self.bigrams = Table("bigrams.tsv")
        self.bound = Table("bound.tsv")
        self.confusion = Table("confusion.tsv")
        self.terms: set[str] = set()
        self.extra: dict[str, str] = {}
        """Character → characters an official term binds to follow it."""
        self.follow: dict[str, str] = {}
        """Character → the characters bound to follow it (filled as texts ask)."""
        for name in ("gongwen.txt", "catalogue.txt"):
            self.add_terms(_terms(name))

    def add_terms(self, terms: Iterable[str]) -> None:
        """Words that are right wherever they stand (official terms, the catalogue's labels):
        their characters are bound to each other like a frequent word's."""
        for term in terms:
            if len(term) >= 2:
                self.terms.add(term)
                for a, b in pairwise(term):
                    self.extra[a] = self.extra.get(a, "") + b
                    self.follow.pop(a, None)

    def followers(self, char: str) -> str:
        """The characters bound to follow ``char``: a frequent word or a fluent pair (bound.tsv),
        or an official term."""
        found = self.follow.get(char)
        if found is None:
            found = self.follow[char] = self.bound.row(char) + self.extra.get(char, "")
        return found

    def word_level(self, word: str) -> int:
        """ln(frequency) of a 2-4 character word, rounded (0: not a word; an official term counts
        as TERM_LEVEL, as frequent as the most frequent words)."""
        if word in self.terms:
            return TERM_LEVEL
        key = word[0] + _LENGTH_KEY[len(word)]
        at = self.words.find(key, word[1:])
        return ord(self.words.text[at + len(word) - 1]) - 65 if at >= 0 else 0

    def bigram(self, a: str | None, b: str) -> float:
        """ln P(b | a) of the character bigram model; ``a`` None: at the start of a run."""
        table = self.bigrams
        start, end = table.span("^" if a is None else a)
        if not end:
            start, end = table.span("^")
        at = table.text.find(b, start + 1, end)
        return (65 - ord(table.text[at + 1 if at >= 0 else start])) / 2

    def candidates(self, char: str) -> str:
        """The row of ``char``'s confusion set: its alone level, then candidate and kind pairs."""
        return self.confusion.row(char)


_LEXICON: Lexicon | None = None


def lexicon() -> Lexicon:
    """The tables, read on first use (a check that never reaches the typo rule never reads them)."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    return _LEXICON
