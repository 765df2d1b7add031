"""Whether words cut out of a sentence are a township's name, and the first such name in a
sentence ("尼玛县俄久乡在县委……" → 尼玛县, 俄久乡).

A report names itself in prose, so a match of "……乡/镇/街道" drags in the words before it ("结合荷城
街道实际", "及时召开街道党工委"). The lexicon's word classes and frequencies tell prose from a
name: a frequent verb or preposition opens the sentence, not the name; a frequent adverb, a very
frequent verb among other words, or a preposition alone is never a place's name. Used by
:mod:`drafter.text.identity` for the report's identity.
"""

from __future__ import annotations

import re

from drafter.spelling.grammar import word_starting
from drafter.spelling.lexicon import lexicon
from drafter.text.hanzi import HAN, NOT_HAN, to_simplified, when_used
from drafter.text.places import GENERIC_NAMES, split_place, unit_type_of

# Generic words that end like a unit but are not one: a pronoun and a unit word ("全乡", "我镇",
# "本街道"), or, before a one-character stem only, a place word ("乡镇", "城镇", "小镇"): 城关镇,
# 小营街道 and 市桥街道 are names.
_NOT_UNIT_PREFIX = set("全我本该各每此其")
_NOT_SHORT_UNIT_PREFIX = set("乡城村集小市县区")


# Words and characters no unit name contains: what is left when a sentence is cut at 乡/镇
# ("现将我乡", "将法治政府建设纳入镇党委", "调整成立了由乡长任组长", "二是街道办事处主任").
_NOT_IN_NAME = re.compile(
    r"现将|现就|纳入|成立|调整|建设|政府|工作|法治|开展|推进|推动|落实|加强|组织|领导|[我的了由把与及各请在是]"
)


def plausible_unit(unit: str | None) -> bool:
    """Whether a name cut out of a sentence can be a township's name."""
    if not unit or unit in GENERIC_NAMES or unit[0] in _NOT_UNIT_PREFIX:
        return False
    core = unit.removesuffix("办事处")
    unit_type = unit_type_of(core)
    stem = core[: -len(unit_type)] if unit_type and core.endswith(unit_type) else core[:-1]
    if len(stem) == 1 and stem in _NOT_SHORT_UNIT_PREFIX:
        return False
    # "为维护本乡", "部署安排全镇": a self-reference (本乡, 全镇) is not a name.
    return (
        1 <= len(stem) <= 8
        and _NOT_IN_NAME.search(stem) is None
        and stem[-1] not in "我本全该各每此其"
        and not _has_common_adverb(stem)
        and not _has_verb_among_words(stem)
        # "通过镇党委会议研究": a preposition or conjunction alone is never a place's name.
        and lexicon().tag(stem) not in ("p", "c")
    )


ADVERB_LEVEL = 7
"""A word the dictionary tags as an adverb (or a verb, opening the name) and finds at least this
frequent (ln frequency) is prose, not part of a place name ("不断规范街道办事处行政行为": 不断; a
rare one, 立新乡's 立新, can be)."""


def _words(stem: str) -> list[str]:
    """``stem`` cut into its longest dictionary words, left to right."""
    lex = lexicon()
    words = []
    at = 0
    while at < len(stem):
        words.append(word_starting(lex, stem, at))
        at += len(words[-1])
    return words


def without_leading_verbs(candidate: str) -> str:
    """A name cut out of a sentence without the frequent verbs and prepositions that open it
    ("结合荷城街道实际" → 荷城街道), as long as a name of two characters at least is left (解放街道,
    前进乡 are names)."""
    lex = lexicon()
    words = _words(candidate)
    while len(words) > 1 and len(words[0]) > 1:
        rest = "".join(words[1:])
        stem = rest[: -len(unit_type_of(rest) or "x")]
        if len(stem) < 2 or lex.tag(words[0]) not in ("v", "p", "c"):
            break
        if lex.word_level(words[0]) < ADVERB_LEVEL:
            break
        words = words[1:]
    return "".join(words)


VERB_LEVEL = 9
"""A very frequent verb (召开, 开展) among other words of a name is the sentence's ("及时召开
街道党工委会议"); a name that is a verb alone is a name (解放街道, 前进乡)."""


def _has_verb_among_words(stem: str) -> bool:
    """Whether ``stem`` holds a very frequent verb beside other words."""
    lex = lexicon()
    words = _words(stem)
    return len(words) > 1 and any(
        len(w) > 1 and lex.tag(w) == "v" and lex.word_level(w) >= VERB_LEVEL for w in words
    )


def _has_common_adverb(stem: str) -> bool:
    """Whether ``stem``, cut into its longest dictionary words, holds a frequent adverb."""
    lex = lexicon()
    return any(
        len(word) > 1 and lex.tag(word) in ("b", "d") and lex.word_level(word) >= ADVERB_LEVEL
        for word in _words(stem)
    )


_AFTER_UNIT = (
    r"(?=人民政府|党委|党工委|工委|办事处|在|坚持|始终|以|紧紧|围绕|深入|认真|全面|高度|"
    r"聚焦|立足|按照|把|将|关于|法治|年度|推进|扎实|积极|不断|着力|全力|，|、|" + NOT_HAN + "|$)"
)


# The same names before any Chinese character (the word after is read with the lexicon).
_UNIT_BEFORE_WORD = {
    street: when_used(rf"{HAN}{{1,12}}?(?:{tails})(?={HAN})")
    for street, tails in (
        (False, "街道办事处|街道|苏木|乡|镇"),
        (True, "街道办事处|街道|苏木|乡|镇|街(?!道)"),
    )
}
# A report's or a street's: each compiled when first used (most reports are not a street's).
_UNIT_IN_TEXT = {
    street: when_used(rf"{HAN}{{1,12}}?(?:{tails}){_AFTER_UNIT}")
    for street, tails in (
        (False, "街道办事处|街道|苏木|乡|镇"),
        (True, "街道办事处|街道|苏木|乡|镇|街(?!道)"),
    )
}


_QUOTED = re.compile(r"“[^“”]*”")


def find_unit_in(text: str, *, street: bool = False) -> tuple[str | None, str | None]:
    """The first unit name in a sentence, e.g. "尼玛县俄久乡在县委…" → (尼玛县, 俄久乡).

    With ``street`` (the report is a 街道's), a name ending in 街 counts too ("鹤龙街坚持…").
    """
    # A quoted name is a slogan or a campaign ("“工业强市、幸福宁乡”", "“法治古镛”"), never the
    # unit stating itself: its characters are blanked, offsets kept.
    text = _QUOTED.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”", to_simplified(text))
    for match in _UNIT_IN_TEXT[street]().finditer(text):
        found = _unit_of(match.group(0), street)
        if found[1]:
            return found
    # The words that usually follow a unit stating what it did are listed in _AFTER_UNIT; any
    # other predicate counts too ("平东镇持续以……"): a frequent verb, adverb or preposition.
    for match in _UNIT_BEFORE_WORD[street]().finditer(text):
        if _predicate_at(text, match.end()):
            found = _unit_of(match.group(0), street)
            if found[1]:
                return found
    return None, None


def _unit_of(candidate: str, street: bool) -> tuple[str | None, str | None]:
    """(county, unit) of a name cut out of a sentence, (None, None) when it is none."""
    # "2024年四棵树乡始终…": the match starts at 年; "中共棠阴镇党委、棠阴镇人民政府以…": the
    # Party's prefix names its committee, not the township.
    candidate = re.sub(r"^(?:年度|年|在|和|与|及|由|经|对|是|的)", "", candidate) or candidate
    candidate = candidate.removeprefix("中共") or candidate
    candidate = without_leading_verbs(candidate)
    county, unit = split_place(candidate)
    if unit is None and street and candidate.endswith("街"):
        county, unit = None, candidate
    return (county, unit) if plausible_unit(unit) else (None, None)


def _predicate_at(text: str, at: int) -> bool:
    """Whether the longest dictionary word at ``at`` is a predicate word: what a sentence says
    its subject does."""
    lex = lexicon()
    return at < len(text) and predicate_word(word_starting(lex, text, at))


def predicate_word(word: str) -> bool:
    """Whether ``word`` is a frequent verb, adverb, preposition or conjunction of two characters
    or more: prose, never a place's whole name ("及时传达市委……": 传达 names no 市)."""
    lex = lexicon()
    return (
        len(word) > 1
        and lex.tag(word) in ("v", "d", "b", "p", "c")
        and lex.word_level(word) >= ADVERB_LEVEL
    )
