"""The report's own usage: characters the model would change that the rest of the report accounts for.

A slip of the keyboard is a one-off; a report's own vocabulary recurs. Read on the report's whole
text (the typo rule passes it), three patterns of a writer's consistent usage:

- a string of three characters holding the character that the report writes again
  (依申请公开 throughout a report on 政府信息公开: 在依申请 is not 在意申请);
- a term of the report's own, a pair of characters it writes three times or more that no
  dictionary holds (林长), joined to the character on the side the correction would leave
  (总林长 is not 由衷林长);
- an abbreviation of a phrase the report spells out: the first character of a word and the first
  or last of the content word after it (可研 for 可行性研究, 巡讲 for 巡回宣讲).
"""

from __future__ import annotations

from drafter.spelling.detect import Typo
from drafter.spelling.lexicon import Lexicon

_CONTENT = frozenset("vwnazbe")
"""Parts of speech of content words (scripts/build_spelling_data.py's TAG_CLASSES): verbs, verbal
nouns, nouns, adjectives, adverbial adjectives, state words, distinguishing words."""
TERM_COUNT = 3
"""How often the report must write a pair no dictionary holds for it to be its own term."""


def own_usage(lex: Lexicon, whole: str, text: str, typo: Typo) -> bool:
    """Whether the report's usage accounts for ``typo`` (found in ``text``, a part of ``whole``)."""
    return (
        _repeated(whole, text, typo.start)
        or _own_term(lex, whole, text, typo)
        or _abbreviation(lex, whole, text, typo.start)
    )


def _han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _twice(whole: str, part: str) -> bool:
    first = whole.find(part)
    return first >= 0 and whole.find(part, first + 1) >= 0


def _repeated(whole: str, text: str, at: int) -> bool:
    for start in range(max(0, at - 2), at + 1):
        part = text[start : start + 3]
        if len(part) == 3 and _han(part) and _twice(whole, part):
            return True
    return False


def _own_term(lex: Lexicon, whole: str, text: str, typo: Typo) -> bool:
    end = typo.at + len(typo.excerpt)
    if typo.start == end - 1:  # the correction joins the character to the one before it
        side = text[typo.start + 1 : typo.start + 3]
    elif typo.start == typo.at:  # … to the one after it
        side = text[max(0, typo.start - 2) : typo.start]
    else:
        return False
    return (
        len(side) == 2
        and _han(side)
        and not lex.word_level(side)
        and whole.count(side) >= TERM_COUNT
    )


def _abbreviation(lex: Lexicon, whole: str, text: str, at: int) -> bool:
    pairs = [text[at - 1 : at + 1]] if at > 0 else []
    pairs.append(text[at : at + 2])
    return any(len(pair) == 2 and _spelled_out(lex, whole, pair) for pair in pairs)


def _content_word(lex: Lexicon, word: str, size: int) -> bool:
    """Whether ``word`` is a content word of the dictionary of ``size`` characters (a slice that
    the text's end cut short is not)."""
    return (
        len(word) == size
        and _han(word)
        and bool(lex.dictionary_level(word))
        and lex.tag(word) in _CONTENT
    )


def _spelled_out(lex: Lexicon, whole: str, pair: str) -> bool:
    """Whether ``whole`` writes a content word beginning with ``pair[0]`` and right after it a
    content word beginning or ending with ``pair[1]``: the phrase ``pair`` abbreviates."""
    first, second = pair[0], pair[1]
    at = whole.find(first)
    while at >= 0:
        for size in (2, 3, 4):
            if not _content_word(lex, whole[at : at + size], size):
                continue
            after = at + size
            for length in (2, 3, 4):
                word = whole[after : after + length]
                if second in (word[-1:], word[:1]) and _content_word(lex, word, length):
                    return True
        at = whole.find(first, at + 1)
    return False
