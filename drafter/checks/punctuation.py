"""punctuation: half-width marks in Chinese text, date marks (3·15 not 3.15), unbalanced quotes
and brackets, doubled marks, full-width digits, a single dash between Chinese characters, and the
顿号 of a pair of organs (党委、政府; 区委、区政府) misplaced or missing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN, han_or

RULE = "punctuation"

HALF_WIDTH = "中文里用了半角标点，应改为全角（“,”→“，”，“:”→“：”，“(”→“（”，以此类推）。"
# A half-width mark touching a Chinese character (or a Chinese mark). Digits on both sides
# (9:30, 1,500) and Latin text stay allowed. The patterns here begin with the character they
# look for, the lookbehind widened over it (as _text.preceded writes them): re scans for the
# character, where a leading lookbehind was tried at every position.
_HALF = re.compile(
    rf"[,;:?!()\"](?:(?<={han_or('，。、；：“”《》）')}[,;:?!()\"])|(?={han_or('“《（')}))"
)
_HALF_PERIOD = re.compile(rf"\.(?<={han_or('”）》')}\.)(?={han_or('“（')}|$)")
# Commemoration days written with a full stop or a dot instead of the 间隔号 (3.15 → 3·15).
_DAY_WORDS = (
    "消费|国际|国家|全民|宪法|禁毒|世界|中国|全国|防灾|消防|交通|民法典|法律|网络|安全|"
    "宣传|活动|主题|期间|当天|前后|普法|纪念|法治|妇女|青年|儿童|植树|雷锋|"
    "等节点|等重要|等时间|节点|前夕|之际"
)
# (?<![\d.·])(1[0-2]|[1-9])…, the month's first digit written first.
_DAY = re.compile(
    r"([1-9](?<![\d.·][1-9])(?:(?<=1)[0-2])?)"
    rf"\s*([.．•・·])\s*([1-3]?\d)(?![\d.%])(?=\s*[”\"]?\s*(?:{_DAY_WORDS}|日|节))"
)
_PAIRS = {"（": "）", "《": "》", "【": "】", "〈": "〉", "〔": "〕"}
# A title inside a title takes the single book marks 〈〉 (GB/T 15834—2011 4.15.3), not < > typed
# on a Western keyboard: 《关于贯彻落实〈……方案〉的通知》.
_NESTED_TITLE = re.compile(r"《[^《》]*?<[^《》<>]+>[^《》]*》")
# A mark written twice or more (。。。 included). One alternative beginning with the class, so
# that re scans for the marks: with a second alternative it tried every position.
_DOUBLED = re.compile(r"([，、；：。！？])\1+")
_FULL_DIGITS = re.compile(r"[０-９]+")
# GB/T 15834—2011 4.5.3.5: 标有书名号（或引号）的并列成分之间通常不用顿号.
_TITLES_COMMA = re.compile(r"》、(?=《)")
# Between two bodies of an addressee line ("中共某县委员会，某县人民政府："), GB/T 9704 uses 、.
_ADDRESSEE_COMMA = re.compile(r"(?:委员会|人民政府|[县区市旗]委|办公室|政府)(?P<mark>[，,])")
_SINGLE_DASH = re.compile(rf"[—–](?<={HAN}[—–])(?={HAN})")
# A range of years or numbers written in Chinese numerals (二○二四—二○二五年) takes the one-em
# 连接号 (GB/T 15834—2011 4.13.3): a single dash there is right.
_NUMERALS = set("〇○零一二三四五六七八九十百千万两")
# The 顿号 of a pair of organs: "党、委政府" is 党委、政府 with the mark one character early;
# "区委政府" runs 区委 and 区政府 together (区委、区政府, as the addressee writes them). "党委政府"
# and "区委区政府" are common collective forms and not reported.
_LEVELS = "镇乡县区市州盟旗省"
# The names of the organs a report pairs (党委、政府; 人大、政协; 纪委、监委; 党工委、办事处): a 、
# inside one of them ("镇党、委政府", "党委政、府", "街道党、工委办事处") is misplaced. Only an
# organ name whose neighbour is another organ counts, so a list that happens to put 人 before
# 、大 ("法律明白人、大学生") is not one.
ORGANS = (
    "党委",
    "党工委",
    "政府",
    "人民政府",
    "办事处",
    "人大",
    "人大主席团",
    "政协",
    "纪委",
    "纪工委",
    "监委",
    "武装部",
    "人武部",
    *(f"{level}委" for level in _LEVELS),
)


# Each organ cut in two, by the characters either side of the cut: a 、 between two characters
# that no organ holds side by side (almost every 、) is passed after one look-up.
def _organ_cuts() -> dict[tuple[str, str], list[tuple[str, str]]]:
    cuts: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for organ in ORGANS:
        for cut in range(1, len(organ)):
            cuts.setdefault((organ[cut - 1], organ[cut]), []).append((organ[:cut], organ[cut:]))
    return cuts


_ORGAN_CUTS = _organ_cuts()
_LONGEST_FIRST = tuple(sorted(ORGANS, key=len, reverse=True))


def _organ_at(norm: str, at: int) -> str | None:
    """The organ (with its level: 县政府) that starts at ``at``, if one does."""
    level = norm[at : at + 1] if norm[at : at + 1] in _LEVELS else ""
    for organ in _LONGEST_FIRST:
        if norm.startswith(organ, at):
            return organ
        if level and norm.startswith(organ, at + 1):
            return level + organ
    return None


def _organ_before(norm: str, end: int) -> str | None:
    """The organ that ends at ``end``, if one does."""
    return next((organ for organ in _LONGEST_FIRST if norm.endswith(organ, 0, end)), None)


# Any level's committee and government run together (县委政府, 镇委政府, 党工委办事处).
_ORGAN_JOINED = re.compile(rf"([{_LEVELS}]|党工)委(政府|办事处)")
# The marks the patterns above look for, all rare in Chinese text: a block without any of them
# (most blocks) is passed after one fast search instead of four slow ones (the patterns begin
# with lookbehinds, which re tries at every position).
_RARE = re.compile(r"[,;:?!()\".．•・·—–]")


@register(RULE, "标点符号")
def check(context: Context) -> Iterator[Finding]:
    day_marks: list[tuple[int, re.Match[str]]] = []
    for index, text, norm in context.prose():
        start = context.body_start(index)
        rare = _RARE.search(norm, start) is not None
        for match in _HALF.finditer(norm, start) if rare else ():
            yield Finding(
                RULE, "warning", HALF_WIDTH, _context(text, match.start(), match.end()), index
            )
        for match in _HALF_PERIOD.finditer(norm, start) if rare else ():
            yield Finding(
                RULE,
                "warning",
                "中文句末用了半角句点“.”，应为“。”。",
                _context(text, match.start(), match.end()),
                index,
            )
        for match in _DAY.finditer(norm, start) if rare else ():
            day_marks.append((index, match))
        if _BRACKETS.search(text, start) or "“" in text or "”" in text:
            # Nothing to balance otherwise (most blocks); where a copy stops, what it opened
            # was closed in the part it lost.
            yield from _balance(text, index, start, context.cut_short(index))
        for match in _DOUBLED.finditer(norm, start):
            word = text[match.start() : match.end()]
            fix = "“……”" if word.startswith("。。") and len(word) >= 3 else "一个"
            yield Finding(RULE, "warning", f"标点“{word}”重复，应为{fix}。", word, index)
        for match in _FULL_DIGITS.finditer(norm, start):
            word = text[match.start() : match.end()]
            yield Finding(
                RULE, "warning", f"数字“{word}”是全角的，应使用半角阿拉伯数字。", word, index
            )
        if context.blocks[index].kind == "addressee":
            for match in _ADDRESSEE_COMMA.finditer(norm):
                yield Finding(
                    RULE,
                    "warning",
                    "主送机关之间用顿号分隔：“，”应为“、”。",
                    _context(text, match.start("mark"), match.end("mark")),
                    index,
                )
        for match in _NESTED_TITLE.finditer(norm, start) if "<" in norm else ():
            inner = match.group(0).index("<")
            yield Finding(
                RULE,
                "warning",
                "书名号里的书名应使用单书名号“〈〉”，不用“<>”。",
                text[match.start() + inner : match.start() + match.group(0).index(">") + 1],
                index,
            )
        for match in _TITLES_COMMA.finditer(norm, start):
            yield Finding(
                RULE,
                "warning",
                "书名号之间的并列不用顿号：“》、《”应为“》《”。",
                _context(text, match.start(), match.end()),
                index,
            )
        for match in _SINGLE_DASH.finditer(norm, start) if rare else ():
            if norm[match.start() - 1] in _NUMERALS and norm[match.end()] in _NUMERALS:
                continue  # a range: 二○二四—二○二五年
            yield Finding(
                RULE,
                "warning",
                "破折号应为两个字符宽“——”。",
                _context(text, match.start(), match.end()),
                index,
            )
        yield from _organ_pairs(context, index, start)
    marks = {m.group(2) for _, m in day_marks}
    for index, match in day_marks:
        if match.group(2) == "·":
            continue
        text = context.texts[index]
        word = text[match.start() : match.end()]
        mixed = "，且与文中其他处“·”的写法不一致" if "·" in marks else ""
        yield Finding(
            RULE,
            "warning",
            f"纪念日“{word}”应使用间隔号，写作“{match.group(1)}·{match.group(3)}”{mixed}。",
            word,
            index,
        )


def _organ_pairs(context: Context, index: int, start: int) -> Iterator[Finding]:
    norm, text = context.norm[index], context.texts[index]
    if "、" in norm:
        yield from _split(context, index, start)
    if "委" not in norm:
        return  # the pattern holds 委 (most blocks have none)
    for match in _ORGAN_JOINED.finditer(norm, start):
        level, organ = match.group(1), match.group(2)
        right = f"{level}委、{organ}" if organ == "办事处" else f"{level}委、{level}{organ}"
        yield Finding(
            RULE,
            "warning",
            f"“{match.group(0)}”把两个机关连在了一起：应为“{right}”。",
            text[match.start() : match.end()],
            index,
        )


def _split(context: Context, index: int, start: int) -> Iterator[Finding]:
    norm, text = context.norm[index], context.texts[index]
    for wrong, right, begin in split_organs(norm, start):
        where = "顿号在两个机关之间" if "、" in right else "一个机关的名称中间不用顿号"
        yield Finding(
            RULE,
            "warning",
            f"顿号的位置不对：“{wrong}”应为“{right}”，{where}。",
            text[begin : begin + len(wrong)],
            index,
        )


def split_organs(norm: str, start: int = 0) -> Iterator[tuple[str, str, int]]:
    """Each 、 that splits an organ's name next to another organ ("镇党、委政府"): (the words as
    written, as they should be, where they begin)."""
    at = norm.find("、", start)
    while at > 0:
        found = _organ_around(norm, at)
        if found is not None:
            yield found
        at = norm.find("、", at + 1)


def _organ_around(norm: str, at: int) -> tuple[str, str, int] | None:
    cuts = _ORGAN_CUTS.get((norm[at - 1], norm[at + 1 : at + 2]))
    for head, tail in cuts or ():
        begin, end = at - len(head), at + 1 + len(tail)
        if begin < 0 or norm[begin:at] != head or norm[at + 1 : end] != tail:
            continue
        organ = head + tail
        after = _organ_at(norm, end)
        if after is not None:
            return norm[begin : end + len(after)], f"{organ}、{after}", begin
        before = _organ_before(norm, begin)
        if before is not None:
            start = begin - len(before)
            return norm[start:end], f"{before}、{organ}", start
        if norm[begin - 1 : begin] in _LEVELS or norm.endswith("街道", 0, begin):
            return norm[begin:end], organ, begin  # 镇人、大主席团: one organ, no 、
    return None


def _context(text: str, start: int, end: int) -> str:
    """The mark with one character either side, so the excerpt can be found in the text."""
    return text[max(start - 1, 0) : end + 1]


_CLOSERS = {v: k for k, v in _PAIRS.items()}
# Only the brackets matter: the walk visits them alone, not every character.
_BRACKETS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


def _well_nested(text: str, start: int) -> bool:
    """Are the brackets from ``start`` on properly nested? Taking out adjacent pairs （）《》
    【】〈〉 until none is left empties exactly such a sequence: the walk in _balance finds
    nothing to report in it. Most blocks' brackets are one flat pair or two, so the walk that
    explains a problem runs only where there is one."""
    brackets = "".join(_BRACKETS.findall(text, start))
    while brackets:
        reduced = brackets
        for pair in _PAIR_STRINGS:
            reduced = reduced.replace(pair, "")
        if reduced == brackets:
            return False
        brackets = reduced
    return True


def _balance(text: str, index: int, start: int, cut: bool = False) -> Iterator[Finding]:
    if not _well_nested(text, start):
        yield from _unbalanced(text, index, start, cut)
    opened = text.count("“", start) - text.count("”", start)
    if opened < 0 or (opened and not cut):
        yield Finding(
            RULE,
            "warning",
            "双引号不成对：“ 和 ” 的数量不一致。",
            _quote_excerpt(text, start),
            index,
        )


_PAIR_STRINGS = tuple(opening + closing for opening, closing in _PAIRS.items())


def _unbalanced(text: str, index: int, start: int, cut: bool = False) -> Iterator[Finding]:
    """Each bracket without its partner, by a walk with a stack (``cut``: the text stops where a
    copy was cut off, and an opening bracket left open there is no finding)."""
    stack: list[tuple[str, int]] = []
    closers = _CLOSERS
    for found in _BRACKETS.finditer(text, start):
        pos = found.start()
        ch = text[pos]
        if ch in _PAIRS:
            stack.append((ch, pos))
        elif ch in closers:
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            else:
                yield Finding(
                    RULE,
                    "error",
                    f"“{ch}”没有对应的“{closers[ch]}”。",
                    _context(text, pos, pos + 1),
                    index,
                )
    for ch, pos in [] if cut else stack:
        yield Finding(
            RULE, "error", f"“{ch}”没有对应的“{_PAIRS[ch]}”。", _context(text, pos, pos + 1), index
        )


def _quote_excerpt(text: str, start: int) -> str:
    """Around the first quote that breaks alternation of “ and ”."""
    expect_open = True
    for pos in range(start, len(text)):
        ch = text[pos]
        if ch in "“”":
            if (ch == "“") != expect_open:
                return text[max(pos - 6, 0) : pos + 6]
            expect_open = not expect_open
    last = max(text.rfind("“"), text.rfind("”"))
    return text[max(last - 6, 0) : last + 6]
