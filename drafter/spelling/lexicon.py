"""The shipped tables (data/*.tsv, built by scripts/build_spelling_data.py) and their look-ups.

Each table is read once, on first use, as one string, its keys in sorted order and where the
row of each key starts and ends in it; a row is cut out when a text first asks for its key,
whose place among the keys is found by binary search. A row is a string of fixed-width records
(characters, then one ASCII level letter), so a look-up is a search of the keys and a
``str.find``, and loading builds no object per word, row or key (a dict of the 280,000 words
would cost a check more than the whole rest of it; one of the tables' 53,000 keys, of which a
report asks for a few thousand, most of the loading).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

from drafter.errors import DrafterError

DATA = Path(__file__).resolve().parent / "data"
_LENGTH_KEY = ("", "1", "2", "3", "4")
TERM_LEVEL = 12
"""The level of an official term, and the highest level of any word in words.tsv."""


class Table:
    """One table: its text, its sorted keys, and where the row of each key starts and ends.

    The place of a key, and its row, are looked up the first time a text asks for it (a report
    asks for a few thousand of the tables' keys, not all of them). A ``lazy`` table is kept as
    bytes and each row decoded when asked for: the confusion sets, of which a report asks for a
    few hundred.
    """

    __slots__ = ("body", "bounds", "firsts", "keys", "rows", "size", "text", "width")

    def __init__(self, name: str, lazy: bool = False) -> None:
        try:
            # UTF-16 (scripts/build_spelling_data.py): decoded several times faster than UTF-8,
            # and every character of the tables is two bytes, so bounds count bytes too.
            data = (DATA / name).read_bytes()
            first = _line_end(data, 2)
            second = _line_end(data, first + 2)
            self.keys = data[2:first].decode("utf-16-le")
            self.bounds = data[first + 2 : second].decode("utf-16-le")
            self.size = len(self.bounds) // 14
            self.width = len(self.keys) // self.size
            self.firsts = self.keys[:: self.width]
            self.body = data[second + 2 :] if lazy else b""
            self.text = "" if lazy else self.body_text(data[second + 2 :])
        except (OSError, UnicodeError, ValueError, ZeroDivisionError) as exc:
            raise DrafterError(
                f"错别字检查的词表 {DATA / name} 无法读取（{exc}）。请重新安装 drafter。"
            ) from exc
        self.rows: dict[str, str] = {}

    @staticmethod
    def body_text(body: bytes) -> str:
        return body.decode("utf-16-le")

    def place(self, key: str) -> int | None:
        """The offset of ``key``'s bounds (None when the table has no such key)."""
        keys, width, firsts = self.keys, self.width, self.firsts
        # The keys that begin with key's first character stand together (a few at most).
        at = bisect_left(firsts, key[:1])
        while at < self.size and firsts[at] == key[:1]:
            if keys[at * width : at * width + width] == key:
                return at * 14
            at += 1
        return None

    def row(self, key: str) -> str:
        """The row of ``key`` ("" when there is none)."""
        found = self.rows.get(key)
        if found is None:
            k = self.place(key)
            if k is None:
                found = ""
            else:
                start, end = int(self.bounds[k : k + 7]), int(self.bounds[k + 7 : k + 14])
                if self.text:
                    found = self.text[start:end]
                else:
                    found = self.body[2 * start : 2 * end].decode("utf-16-le")
            self.rows[key] = found
        return found


def _line_end(data: bytes, start: int) -> int:
    """The offset of the next newline of UTF-16-LE ``data`` from ``start`` (an even offset)."""
    at = data.index(b"\n\x00", start)
    while at % 2:
        at = data.index(b"\n\x00", at + 1)
    return at


def read_data(name: str, what: str) -> str:
    """A text file of data/ (``what`` names it in the message when it cannot be read)."""
    path = DATA / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise DrafterError(
            f"错别字检查的{what} {path} 无法读取（{exc}）。请重新安装 drafter。"
        ) from exc


def _terms(name: str) -> list[str]:
    """A word list: one term a line, ``#`` starts a comment."""
    text = read_data(name, "词表")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line[:1] not in "#"]


class Lexicon:
    """Word levels, bound pairs, the character bigram model and the confusion sets."""

    __slots__ = ("bigrams", "bound", "confusion", "extra", "follow", "tags", "terms", "words")

    def __init__(self) -> None:
        self.words = Table("words.tsv")
        self.bigrams = Table("bigrams.tsv")
        self.bound = Table("bound.tsv")
        self.confusion = Table("confusion.tsv", lazy=True)
        self.tags = Table("tags.tsv", lazy=True)
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

    def holds(self, a: str, b: str, level: int) -> bool:
        """Whether ``a + b`` is a word at least ``level`` frequent, or part of an official term."""
        return b in self.extra.get(a, "") or self.word_level(a + b) >= level

    def followers(self, char: str) -> str:
        """The characters bound to follow ``char``: a frequent word or a fluent pair (bound.tsv),
        or an official term."""
        found = self.follow.get(char)
        if found is None:
            found = self.follow[char] = self.bound.row(char) + self.extra.get(char, "")
        return found

    def word_level(self, word: str) -> int:
        """ln(frequency) of a word of 1-4 characters, rounded (0: not a word; an official term
        counts as TERM_LEVEL, as frequent as the most frequent words)."""
        if len(word) == 1:
            row = self.words.rows.get(word + "1")
            if row is None:
                row = self.words.row(word + "1")
            return ord(row) - 65 if row else 0
        if word in self.terms:
            return TERM_LEVEL
        return self.dictionary_level(word)

    def dictionary_level(self, word: str) -> int:
        """The level of a word of 2-4 characters in the dictionary alone (official terms not
        raised to TERM_LEVEL): a term protects what is written, but is no likelier than the
        dictionary says as a correction."""
        row = self.words.rows.get(word[0] + _LENGTH_KEY[len(word)])
        if row is None:
            row = self.words.row(word[0] + _LENGTH_KEY[len(word)])
        at = row.find(word[1:])
        return ord(row[at + len(word) - 1]) - 65 if at >= 0 else 0

    def tag(self, word: str) -> str:
        """The part of speech of a word of 1-4 characters (a letter of scripts/build_spelling_data.py's
        TAG_CLASSES: v verb, n noun, a adjective, d adverb, …), "" when it is not a word."""
        if not 1 <= len(word) <= 4:
            return ""
        row = self.tags.row(word[0] + str(len(word)))
        if len(word) == 1:
            return row[:1]
        at = row.find(word[1:])
        while at >= 0 and at % len(word):
            at = row.find(word[1:], at + 1)
        return row[at + len(word) - 1] if at >= 0 else ""

    def bigram(self, a: str | None, b: str) -> float:
        """ln P(b | a) of the character bigram model; ``a`` None: at the start of a run."""
        row = self.bigrams.row("^" if a is None else a) or self.bigrams.row("^")
        at = row.find(b, 1)
        return (65 - ord(row[at + 1 if at >= 0 else 0])) / 2

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
