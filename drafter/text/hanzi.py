"""Han-character helpers shared by the reader, identity detection, checks and import.

Reports arrive in Traditional characters too (Big5 files, 繁體 templates). The rules are written
in Simplified, so text is mapped one character to one character before matching: an offset in
the mapped text is an offset in the original, and what the user wrote is never changed. The map
is OpenCC's character table (:mod:`drafter.text.t2s_table`); ``drafter import``, which writes the
text anew, converts it with OpenCC itself (:mod:`drafter.text.traditional`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from drafter.text.t2s_table import PAIRS

# Python's re compiles a class range code point by code point: [一-鿿] (20,992 code points) costs
# milliseconds wherever it appears, in every process that compiles the pattern, and the checks
# use it over a hundred times. "A word character that is no digit, underscore or ASCII letter"
# compiles at once; the small ranges taken out (Roman numerals, circled numbers, full-width
# digits and letters) are the other word characters Chinese reports use. Kana, Hangul or Greek
# letters would read as Han here; township reports do not use them.
_NOT_HAN_WORD = (
    r"\d_A-Za-z\u2150-\u218f\u2460-\u24ff\u2776-\u2793\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
)
HAN = rf"[^\W{_NOT_HAN_WORD}]"
"""A regular expression for one Chinese character."""
NOT_HAN = rf"[\W{_NOT_HAN_WORD}]"
"""A regular expression for one character that is not Chinese."""


def when_used(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled the first time it is asked for (``when_used(p)()``), then kept.

    For a pattern a rule reaches only past a cheap test that most texts fail (a mark, a word, a
    kind of block): compiling is most of what importing the checks costs, and a process that
    never passes the test never pays for it.
    """
    return functools.cache(functools.partial(re.compile, pattern, flags))


def han_or(marks: str) -> str:
    """A regular expression for one Chinese character or one of ``marks`` (class syntax)."""
    return rf"(?:{HAN}|[{marks}])"


def neither_han_nor(marks: str) -> str:
    """A regular expression for one character that is neither Chinese nor one of ``marks``."""
    return rf"(?![{marks}]){NOT_HAN}"


# Traditional → Simplified, one character to one: OpenCC's character table (derived from its data,
# see t2s_table), for matching only. Converting a text for good is text.traditional's (phrases too).
T2S: dict[int, str] = {ord(pair[0]): pair[1] for pair in PAIRS.split()}
_TRADITIONAL = frozenset(map(chr, T2S))


def has_traditional(text: str) -> bool:
    """Whether a text holds a character that Simplified text never uses (樂, 發, 鄉 …)."""
    return not _TRADITIONAL.isdisjoint(text)


def to_simplified(text: str) -> str:
    """Map known Traditional characters to Simplified; keeps every offset."""
    # Most texts have none: a set lookup per character is ~15× cheaper than translate().
    return text if _TRADITIONAL.isdisjoint(text) else text.translate(T2S)


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (incl. extension A)."""
    return len(ch) == 1 and "\u3400" <= ch <= "\u9fff"
