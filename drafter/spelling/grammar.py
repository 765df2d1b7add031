"""的, 地 and 得 decided by the words around them (their parts of speech, data/tags.tsv).

The three particles sound alike (de) and are confused in writing; which one is right is grammar,
not spelling, so the confusion model does not try them (detect.NOT_TRIED). Each is read here
from the words on either side, as a dictionary segments them:

- 地 marks an adverbial: an adjective or adverb before a verb ("认真地学习"). 的 there, with the
  verb taking its own object or standing alone, and nothing before the modifier that could take
  "X的V" as its object ("有效的保障依法行政工作有序开展", "好好的跳舞"), is 地. After a verb
  ("提供有效的保障") "X的V" is a noun phrase and 的 is right.
- 得 links a verb to its complement of degree ("做得很好"): 的 between a verb and a degree adverb
  (很, 非常, 十分…) is 得, unless the degree word quantifies a noun (做的很多工作).
- 的 links a modifier to a noun: 得 standing alone between a pronoun and a noun ("我得朋友") is 的
  (得 inside a word, 获得 or 得到, is not read).
"""

from __future__ import annotations

from drafter.spelling.lexicon import Lexicon

MODIFIERS = frozenset("bdz")
"""Tags of words that modify a verb: adjectives used as adverbs, adverbs, state words."""
VERBAL = frozenset("vwp")
"""Tags of words that take "X的V" as their object: verbs, and prepositions (以过硬的举措维护…)."""
DEGREE = ("非常", "十分", "特别", "极其", "相当", "比较", "越来越", "很", "挺", "太", "真")
"""Adverbs of degree, the complement 得 introduces (a closed class of the grammar)."""
PREDICATE_TAKERS = frozenset(
    [
        "会",
        "能",
        "要",
        "可以",
        "应该",
        "应当",
        "能够",
        "愿意",
        "必须",
        "知道",
        "觉得",
        "认为",
        "希望",
        "相信",
        "感到",
        "发现",
        "听说",
        "以为",
    ]
)
"""Modal verbs and verbs of knowing and feeling: they take a predicate or a clause, not "X的V"
as a noun phrase (a closed class of the grammar)."""
QUANTIFIERS = ("很多", "很少", "太多", "太少")
_MARKS = frozenset("，。、；：！？,.;:!?“”‘’《》（）()「」『』 \n")


def word_ending(lex: Lexicon, text: str, end: int, start: int = 0) -> str:
    """The longest dictionary word of ``text`` ending at ``end`` (from ``start`` on)."""
    for length in (4, 3, 2):
        if end - length >= start:
            word = text[end - length : end]
            if lex.word_level(word) > 0:
                return word
    return text[end - 1 : end] if end > start else ""


def word_starting(lex: Lexicon, text: str, start: int) -> str:
    """The longest dictionary word of ``text`` starting at ``start``."""
    for length in (4, 3, 2):
        if start + length <= len(text):
            word = text[start : start + length]
            if lex.word_level(word) > 0:
                return word
    return text[start : start + 1]


def opens_with_preposition(lex: Lexicon, text: str) -> bool:
    """Whether ``text`` opens with a preposition (its first dictionary word tagged so: 把, 以,
    通过, 按照 …): a phrase that governs what follows it in the sentence."""
    stripped = text.lstrip()
    return bool(stripped) and lex.tag(word_starting(lex, stripped, 0)) == "p"


# The enumeration comma joins phrases inside one clause ("开展内容丰富、形式多样的学习教育活动":
# the verb before the first phrase governs them all), so it ends no clause.
_CLAUSE_MARKS = _MARKS - {"、"}


def _clause_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1] not in _CLAUSE_MARKS:
        at -= 1
    return at


def _object_of_verb(lex: Lexicon, text: str, end: int) -> bool:
    """Whether a verb or a preposition stands before ``end`` in its clause: the phrase from
    ``end`` on may be its object (提供有力的保障, 得到了有效的保障, 以过硬的举措); with none
    before it (the clause's start, or only a subject) the phrase opens a predicate of its own."""
    start = _clause_start(text, end)
    while end > start:
        word = word_ending(lex, text, end, start)
        if word in PREDICATE_TAKERS:
            return False  # 会很困难的继续生活, 知道我很用心的去找: what follows is a predicate
        if lex.tag(word) in VERBAL:
            return True
        end -= len(word)
    return False


def _reduplicated(word: str) -> bool:
    """好好, 慢慢, 高高兴兴: reduplicated adjectives modify a verb by their nature."""
    return (len(word) == 2 and word[0] == word[1]) or (
        len(word) == 4 and word[0] == word[1] and word[2] == word[3]
    )


def particle_slips(lex: Lexicon, text: str) -> list[tuple[int, str]]:
    """(offset, right particle) of each 的/地/得 of ``text`` the words around it rule out."""
    found: list[tuple[int, str]] = []
    at = -1
    while True:
        at = _next_particle(text, at + 1)
        if at < 0:
            return found
        char = text[at]
        if at == 0 or at + 1 >= len(text) or text[at + 1] in _MARKS or text[at - 1] in _MARKS:
            continue
        before = word_ending(lex, text, at)
        if char == "的":
            right = _after_de(lex, text, at, before)
            if right:
                found.append((at, right))
        elif char == "得" and word_starting(lex, text, at) == "得" and len(before) >= 1:
            if word_ending(lex, text, at + 1) != "得":
                continue  # 得 ends a word (获得, 取得)
            right = _after_de_de(lex, text, at, before)
            if right:
                found.append((at, right))


def _after_de_de(lex: Lexicon, text: str, at: int, before: str) -> str | None:
    """的 or 地 where the 得 at ``at`` (a word of its own) stands for one of them, else None."""
    after = word_starting(lex, text, at + 1)
    tag = lex.tag(before)
    if tag == "r" and len(after) >= 2 and lex.tag(after) == "n":
        return "的"  # 我得朋友: a pronoun's possession
    if tag == "a" and lex.tag(after) == "n":
        return "的"  # 重要得事: an adjective before its noun
    if tag == "d" and lex.word_level(before + "的") > 0 and text.startswith(DEGREE, at + 1):
        return "的"  # 真得很苦: the adverb 真的 before a degree word
    if lex.tag(after) == "v" and _graded(lex, text, at - len(before)):
        return "地"  # 很专心得听: a graded modifier before its verb
    return None


def _graded(lex: Lexicon, text: str, start: int) -> bool:
    """Whether a degree adverb (很, 非常…) stands right before ``start``: the word from there on
    is then a modifier, whatever its part of speech in the dictionary (很用心)."""
    return text.endswith(DEGREE, 0, start) and word_ending(lex, text, start) in DEGREE


def _next_particle(text: str, start: int) -> int:
    found = [i for i in (text.find(c, start) for c in "的得") if i >= 0]
    return min(found) if found else -1


def _after_de(lex: Lexicon, text: str, at: int, before: str) -> str | None:
    """得 or 地 where the 的 at ``at`` stands for one of them, else None."""
    rest = text[at + 1 :]
    if rest.startswith(DEGREE) and not rest.startswith(QUANTIFIERS):
        if lex.tag(before) == "v" and len(before) >= 1:
            return "得"
        return None
    after = word_starting(lex, text, at + 1)
    if lex.tag(after) != "v" or after in ("是", "有") or text.startswith("的", at + 1 + len(after)):
        return None
    if len(before) == 1 and lex.word_level(before + "的") > 0:
        return None  # 的 ends a word of its own: 真的, 有的, 别的 (not 认真的)
    tag = lex.tag(before)
    end = at + 1 + len(after)
    takes_object = end < len(text) and text[end] not in _MARKS
    graded = takes_object and _graded(lex, text, at - len(before))
    if not (
        tag in MODIFIERS
        or _reduplicated(before)
        or (tag in ("a", "i") and takes_object)  # 认真的学习宪法, 莫名其妙的带上
        or graded
    ):
        return None
    if _object_of_verb(lex, text, at - len(before)):
        return None  # 提供有力的保障: the phrase is an object
    return "地"


# 哪 asks (哪里？) or stands for "any" (哪里都, 无论哪天); in a statement that neither asks nor
# generalises, the place or time it names is a definite one, and the word is 那 (那里, 那天).
_WHICH_WORDS = frozenset("里儿天一个边时")
_ASKING = frozenset("？?吗呢")
_ANY = (
    "无论",
    "不管",
    "不论",
    "随便",
    "知道",
    "不知",
    "问",
    "怎么",
    "什么",
    "如何",
    "为什么",
    "谁",
)
_SENTENCE_ENDS = frozenset("。！？!?；;\n")


def demonstrative_slips(text: str) -> list[int]:
    """Offsets of each 哪 of ``text`` that stands for 那: in a sentence that asks nothing (no
    question mark, 吗 or 呢, no other question word) and does not generalise (无论哪里, 哪里都,
    哪里…哪里就)."""
    found = []
    at = text.find("哪")
    while at >= 0:
        if text[at + 1 : at + 2] in _WHICH_WORDS:
            start = at
            while start > 0 and text[start - 1] not in _SENTENCE_ENDS:
                start -= 1
            end = at
            while end < len(text) and text[end] not in _SENTENCE_ENDS:
                end += 1
            sentence = text[start : end + 1]
            after = text[at + 2 : at + 3]
            if not (
                any(ch in _ASKING for ch in sentence)
                or any(word in sentence for word in _ANY)
                or sentence.count("哪") > 1
                or after in ("都", "也", "就")
            ):
                found.append(at)
        at = text.find("哪", at + 1)
    return found
