"""Where official prose coins words a dictionary cannot hold: the places the typo model leaves alone.

A character no dictionary word binds is the model's suspect; but official prose makes words by
patterns as well as from a dictionary, and names things a dictionary never saw. Each test below
is a pattern of the language or of the 公文 form, not a list of words:

- parallel patterns: a character or its neighbour recurs two or three characters away (走深走实,
  应知应会, 学法、信法、守法), items of a list share their frame (有件必备、有备必审、有错必纠),
  or items of four characters stand side by side (踔厉奋发、笃行不怠);
- the slogan frames 以X促Y, 抓X促Y, 强X固Y (以查促改), X而未Y (批而未供), and the
  four-character verb-complement pairs (抓深走实, 做细做实: verb, adjective, verb, adjective);
- names: a place or unit before 乡, 县…, a company or school before 公司, 学校… (the kind of an
  enterprise before 企业: 专精特新企业, 限上企业), a road or a
  work before 高速, 水库… (永杭高速), the issuing organ's code of a document number before
  〔2019〕 (蜀政发〔2019〕26号);
- grammar: the measure or abbreviated noun after a number (100余起, 55.2万羽, 三园新建), a verb
  after 所 (所列数据) or after a level of government (国控, 省控), a verb that introduces a
  quoted name (获“优秀”等次);
- parallel halves: four one-character words whose halves match part of speech for part of speech
  (提质谋突破: verb noun verb noun; 移址改建);
- a line of a few characters without punctuation: a name or a signature (栗俊昌);
- people's names: the items of an enumeration most of which begin with a common surname
  (苏明捷 among 刘海亮、汤红漫、马胜昔…; the surnames are the hundred most common, data/surnames.txt);
- the frame 至…止 that closes a span of time (自1月1日起至12月31日止), and a measure after an
  approximate round number (逾万项, 近千人, 数百家).
"""

from __future__ import annotations

from functools import cache

from drafter.spelling.lexicon import Lexicon, read_data

# The four-character slogans of headings, 以X促Y (以查促改, 以宣促学, 以制促治), 抓X促Y, 强X固Y:
# each X and Y is one character standing for a word, which no dictionary pairs.
_FRAME_FIRST = frozenset("以抓强")
_FRAME_THIRD = frozenset("促带保强助推固")
_DENIALS = frozenset("未不无非")
# Characters that end a place name (索加乡, 杂多县) or a unit's name.
_PLACE_ENDS = frozenset("乡镇县市区村州旗盟省")
# Words that end the name of a company, a school, a hospital…: what comes before them is a name.
_NAME_ENDS = (
    "公司",
    "企业",
    "集团",
    "合作社",
    "有限",
    "银行",
    "学校",
    "小学",
    "中学",
    "医院",
    "工厂",
    "社区",
    "小区",
    "街道",
    "广场",
    "公园",
    "大道",
    "同志",
    # Roads, bridges and works take their names from the places they join (永杭高速).
    "高速",
    "铁路",
    "公路",
    "国道",
    "省道",
    "大桥",
    "隧道",
    "机场",
    "水库",
    "电站",
)
# Titles a person's name follows (镇长王某某, 党委书记李某): the next characters are a name.
_TITLES = (
    "书记",
    "镇长",
    "乡长",
    "县长",
    "区长",
    "市长",
    "主任",
    "局长",
    "所长",
    "站长",
    "部长",
    "组长",
)
_OPENING = frozenset('“《〈「『"')
_NUMBER_OPENING = frozenset("〔[【（(")
_ITEM_MARKS = frozenset("、，；。：,;:")
# What may stand between a number and its measure (100余起, 55.2万羽) and the Chinese numerals a
# measure or an abbreviated noun follows (三园, 两委). Not 一: 一 starts words (一直, 一起), and a
# wrong character after it (一平红酒) is a slip like any other.
_NUMBER_TAIL = frozenset("万亿千百余多")
_NUMERALS = frozenset("二三四五六七八九十两几")
# The levels of government that abbreviate "under the state's (province's…) control" before a
# verb of one character.
_LEVELS = frozenset("国省市县")
_SENTENCE_MARKS = frozenset("。！？，；：、!?,;:")
_NAME_LINE = 4
"""A line of at most this many characters and no punctuation is a name or a signature."""
# Words that make a round number approximate before 万, 千, 百 (逾万项, 近千人, 数百家).
_APPROXIMATE = frozenset("逾近超数上约达几成")
_CLAUSE_MARKS = frozenset("，。；！？,;!?\n")
_SPAN = 20
"""How far back 至 (到) may open the span that 止 closes."""
_ECHO = 4
"""How far back a character's word may stand for the character to be named again."""
_NAME_ITEMS = 3
"""An enumeration of at least this many short items, most beginning with a surname, is of names."""


@cache
def surnames() -> frozenset[str]:
    """The hundred most common Chinese surnames (data/surnames.txt)."""
    text = read_data("surnames.txt", "姓氏表")
    return frozenset(ch for line in text.splitlines() if not line.startswith("#") for ch in line)


def coined(lex: Lexicon, text: str, at: int) -> bool:
    """Whether the character at ``at`` stands in a coinage or a name (the module's patterns)."""
    return (
        _parallel(text, at)
        or _frame(text, at)
        or _named(text, at)
        or _grammatical(lex, text, at)
        or _paired_items(lex, text, at)
        or _four_character_items(text, at)
        or _verb_complements(lex, text, at)
        or _parallel_halves(lex, text, at)
        or _name_line(text, at)
        or _name_list(text, at)
        or _echo(lex, text, at)
    )


def _parallel(text: str, at: int) -> bool:
    size = len(text)
    char = text[at]
    if (at >= 2 and text[at - 2] == char) or (at + 2 < size and text[at + 2] == char):
        return True
    # Items of two characters that begin alike (更准、更快、更广).
    if (at >= 3 and text[at - 3] == char and text[at - 1] in _ITEM_MARKS) or (
        at + 3 < size and text[at + 3] == char and text[at + 2] in _ITEM_MARKS
    ):
        return True
    for side in (at - 1, at + 1):
        if 0 <= side < size:
            mark = text[side]
            for gap in (-3, -2, 2, 3):
                other = side + gap
                if other != at and 0 <= other < size and text[other] == mark:
                    return True
    return False


def _frame(text: str, at: int) -> bool:
    size = len(text)
    for start in range(max(0, at - 3), min(at, size - 4) + 1):
        if text[start] in _FRAME_FIRST and text[start + 2] in _FRAME_THIRD:
            return True
        # X而未Y, X而不Y: two verbs of one character each, the second denied (批而未供, 供而未用).
        if text[start + 1] == "而" and text[start + 2] in _DENIALS:
            return True
    # 至…止 closes a span of time (自2023年1月1日起至12月31日止): 止 after 至 or 到 in its clause.
    if text[at] == "止":
        clause = text[max(0, at - _SPAN) : at]
        cut = max(clause.rfind(mark) for mark in _CLAUSE_MARKS)
        return "至" in clause[cut + 1 :] or "到" in clause[cut + 1 :]
    return False


def _named(text: str, at: int) -> bool:
    size = len(text)
    if any(text[j] in _PLACE_ENDS for j in range(at + 1, min(at + 4, size))):
        return True
    if any(text.startswith(_NAME_ENDS, j) for j in range(at + 1, min(at + 4, size))):
        return True
    if any(text.endswith(_TITLES, 0, j) for j in range(max(0, at - 2), at + 1)):
        return True
    # The organ's code of a document number: the characters right before 〔2019〕.
    end = at + 1
    while end < size and "\u4e00" <= text[end] <= "\u9fff":
        end += 1
    return end + 1 < size and text[end] in _NUMBER_OPENING and text[end + 1].isdigit()


def _grammatical(lex: Lexicon, text: str, at: int) -> bool:
    if _after_number(text, at) or _before_number(text, at):
        return True  # the measure after a number, the word that makes a number approximate
    char = text[at]
    if at > 0 and text[at - 1] == "所" and lex.tag(char) == "v":
        return True  # 所 + verb: 所列, 所需
    if at > 0 and text[at - 1] in _LEVELS and lex.tag(char) == "v":
        return True  # a level + verb: 国控, 省控 (controlled by the state, the province)
    return at + 1 < len(text) and text[at + 1] in _OPENING and lex.tag(char) == "v"


def _after_number(text: str, at: int) -> bool:
    before = at - 1
    if before >= 0 and text[before] in _NUMERALS:
        return True
    while before >= 0 and text[before] in _NUMBER_TAIL:
        before -= 1
    if before < 0:
        return False
    # A round number made approximate (逾万项, 近千人): the word before 万 (千, 百) says so.
    round_number = before + 1 < at and text[before + 1] in "万千百亿"
    return text[before].isdigit() or (round_number and text[before] in _APPROXIMATE)


def _before_number(text: str, at: int) -> bool:
    after = at + 1
    return (
        text[at] in _APPROXIMATE
        and after < len(text)
        and (text[after].isdigit() or text[after] in "万千百亿" or text[after] in _NUMERALS)
    )


def _echo(lex: Lexicon, text: str, at: int) -> bool:
    """Whether the character stood just before in a word of two characters (橡胶…胶园): prose
    names a thing again by a character of its name, where a slip of the keyboard does not
    repeat a character the writer has just typed rightly."""
    char = text[at]
    for start in range(max(0, at - _ECHO), at - 1):
        if text[start + 1] == char and lex.word_level(text[start : start + 2]):
            return True
        if text[start] == char and lex.word_level(text[start : start + 2]):
            return True
    return False


def _item(text: str, at: int) -> tuple[int, int]:
    start = at
    while start > 0 and text[start - 1] not in _ITEM_MARKS:
        start -= 1
    end = at
    while end < len(text) and text[end] not in _ITEM_MARKS:
        end += 1
    return start, end


def _paired_items(lex: Lexicon, text: str, at: int) -> bool:
    """A short phrase of a list framed as the phrase across the mark from it: two clauses of
    one length, or the end of the item before an enumeration mark (、) and the start of the one
    after it, as long as the shorter item (the lead of a sentence, 做到 or 全县上下, is no part
    of the frame). Framed alike: sharing two of
    their other characters place for place (有备必审 in 有件必备、有备必审、有错必纠), or one and
    every other character's part of speech (无事不扰、有事必帮), or the other phrase holding the
    character itself (同舟共济、共克时艰)."""
    start, end = _item(text, at)
    for mark in (start - 1, end):
        if mark < 1 or mark + 1 >= len(text) or text[mark] not in _ITEM_MARKS:
            continue
        left = _item(text, mark - 1)
        right = _item(text, mark + 1)
        size = min(left[1] - left[0], right[1] - right[0])
        # Clauses (，；) are framed alike only when of one length; the items of an enumeration
        # (、) may follow a lead.
        enumeration = text[mark] == "、"
        if size < 3 or (not enumeration and (size > 6 or left[1] - left[0] != right[1] - right[0])):
            continue
        # The items of an enumeration may be shorter than what stands between the marks (a lead
        # before the first, a predicate after the last: "发展开好局、起好步提供……"): every width
        # from three to six is tried.
        widths = range(3, min(size, 6) + 1) if enumeration else (size,)
        if any(_framed_alike(lex, text, at, mark, width) for width in widths):
            return True
    return False


def _framed_alike(lex: Lexicon, text: str, at: int, mark: int, size: int) -> bool:
    """Whether the ``size`` characters on the side of ``mark`` that holds ``at`` are framed as
    those across it (see :func:`_paired_items`)."""
    # Where each phrase starts: the one that holds ``at``, then the other.
    pieces = (mark - size, mark + 1)
    if mark < at:
        pieces = pieces[::-1]
    here, there = pieces
    if not here <= at < here + size:
        return False
    if text[at] in text[there : there + size]:
        return True
    others = [k for k in range(size) if here + k != at]
    same = sum(text[there + k] == text[here + k] for k in others)
    return same >= 2 or (
        same > 0 and all(_role(lex, text[there + k]) == _role(lex, text[here + k]) for k in others)
    )


def _four_character_items(text: str, at: int) -> bool:
    """笃行不怠 in 踔厉奋发、笃行不怠，勇毅前行: an item of four characters next to another of
    four, the set phrases official prose strings together (new ones every year, which no
    dictionary holds yet)."""
    start, end = _item(text, at)
    if end - start != 4:
        return False
    for mark, other in ((start - 1, start - 2), (end, end + 1)):
        if 0 <= other < len(text) and mark >= 0 and text[mark] in _ITEM_MARKS:
            a, b = _item(text, other)
            if b - a == 4 and all("\u4e00" <= ch <= "\u9fff" for ch in text[a:b]):
                return True
    return False


def _verb_complements(lex: Lexicon, text: str, at: int) -> bool:
    """抓深走实, 做细做实, 破障闯关: four characters, each a word, a verb and its complement or
    object twice."""
    for start in range(max(0, at - 3), min(at, len(text) - 4) + 1):
        tags = [lex.tag(ch) for ch in text[start : start + 4]]
        if tags[0] == tags[2] == "v" and tags[1] in ("a", "n") and tags[3] in ("a", "n", "v"):
            return True
    return False


def _parallel_halves(lex: Lexicon, text: str, at: int) -> bool:
    """提质谋突破, 移址改建, 直补快办: four one-character words, the second half matching the
    first part of speech for part of speech (a coined four-character phrase, not a slip)."""
    for start in range(max(0, at - 3), min(at, len(text) - 4) + 1):
        tags = [_role(lex, ch) for ch in text[start : start + 4]]
        if all(tags) and tags[0] == tags[2] and tags[1] == tags[3]:
            return True
    return False


# An adverb and an adjective modify a verb alike (直补 and 快办: 直 adverb, 快 adjective).
_MODIFIERS = frozenset("adb")


def _role(lex: Lexicon, char: str) -> str:
    """A character's part of speech, adverbs and adjectives as one: what a parallel frame
    compares."""
    tag = lex.tag(char)
    return "a" if tag in _MODIFIERS else tag


def _name_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = "".join(text[start : end if end >= 0 else len(text)].split())
    return len(line) <= _NAME_LINE and not any(ch in _SENTENCE_MARKS for ch in line)


def _name_list(text: str, at: int) -> bool:
    """Whether ``at`` stands in a name of an enumeration (、) of people's names: most items are
    of a name's shape, two or three characters, and most of those begin with a common surname
    (刘景华、崔仓、阿卫国、庞旭辉). The first item may end a longer phrase and the last begin
    one (县领导王浩、李庆、金龙峰在主席台就座): there the name is the characters next to the 、,
    when they begin with a surname."""
    start, end = _item(text, at)
    items = [(start, end)]
    left, right = start, end
    while left >= 2 and text[left - 1] == "、":
        items.append(_item(text, left - 2))
        left = items[-1][0]
    while right + 1 < len(text) and text[right] == "、":
        items.append(_item(text, right + 1))
        right = items[-1][1]
    names = [_name(text, a, b, a == left, b == right) for a, b in items]
    shaped = [n for n in names if n is not None]
    if len(items) < _NAME_ITEMS or 3 * len(shaped) < 2 * len(items):
        return False
    if 2 * sum(text[a] in surnames() for a, _ in shaped) < len(shaped):
        return False
    own = names[0]
    return own is not None and own[0] <= at < own[1]


def _name(text: str, start: int, end: int, first: bool, last: bool) -> tuple[int, int] | None:
    """The span of the name an item of an enumeration holds, if it is of a name's shape."""
    if 2 <= end - start <= 3:
        return start, end
    spans = []
    if first:  # the enumeration's first item: its last characters
        spans += [(end - 3, end), (end - 2, end)]
    if last:  # its last item: its first characters
        spans += [(start, start + 3)]
    for a, b in spans:
        if text[a] in surnames():
            return a, b
    return None
