"""numbering: gaps, repeats and disorder of heading numbers, broken brackets, mixed styles at one
level, and 一是 without 二是 (or 一是 → 三是) inside the text under a heading."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drafter.blocks import cn_value, heading_number, ordinal_lead
from drafter.checks._text import PUNCTUATED_LEAD, Context
from drafter.checks.base import Finding, Severity, register
from drafter.reader import heading_match

RULE = "numbering"

_LEAD = PUNCTUATED_LEAD
_OPEN = "（("
_CLOSE = "）)"


_NUMBER_MARKS = re.compile(r"[（()）、，,.．\s]")
_NUMERALS = re.compile(r"[一二三四五六七八九十百零〇两\d]+")


# ㈠ … ㈩: Word's list numbering copied out as text, one character each.
_ENCLOSED = {0x3220 + i: numeral for i, numeral in enumerate("一二三四五六七八九十")}


def _value(number: str) -> int | None:
    return cn_value(_NUMBER_MARKS.sub("", number.translate(_ENCLOSED)))


def _style(level: int, number: str) -> str:
    """The style of a number apart from its value: which brackets or separator it uses."""
    return _NUMERALS.sub("N", number.replace(" ", ""))


def _bracket_problem(number: str) -> tuple[Severity, str] | None:
    # "" is "in" every string: an empty number (a heading block without one) has no brackets.
    opened = bool(number) and number[0] in _OPEN
    closed = bool(number) and number[-1] in _CLOSE
    if opened != closed:
        return "error", "括号不成对，如“（一）”"
    if opened and closed and (_OPEN.index(number[0]) != _CLOSE.index(number[-1])):
        return "error", "左右括号一个全角一个半角，应都用全角“（）”"
    if opened and number[0] == "(":
        return "warning", "括号应使用全角括号“（）”"
    return None


@register(RULE, "编号问题")
def check(context: Context) -> Iterator[Finding]:
    yield from _heading_sequence(context)
    yield from _bare_parts(context)
    yield from _heading_style(context)
    yield from _ordinal_leads(context)
    yield from _lone_headings(context)


def _heading_sequence(context: Context) -> Iterator[Finding]:
    last = [0] * 6
    seen_parent = [True, True, False, False, False, False]
    seen_any_block = False
    bare = set(context.bare_parts)
    for index, block in enumerate(context.blocks):
        if index in bare:
            # A part heading that lost its 、 (reported by _bare_parts) still starts a part:
            # the （一） under it starts again.
            last[1] = last[1] + 1
            for deeper in range(2, 6):
                last[deeper] = 0
                seen_parent[deeper] = False
            seen_parent[2] = True
            continue
        if block.kind != "heading" or not 1 <= block.level <= 4:
            if block.kind in ("paragraph", "title", "table"):
                seen_any_block = True
            continue
        level = block.level
        value = _value(block.number)
        if value is None:
            continue
        previous = last[level]
        shown = heading_number(level, value)
        has_parent = seen_parent[level] if level > 1 else seen_any_block
        if previous == 0:
            if (
                value != 1
                and has_parent
                and not _earlier_as_paragraph(context, index, level, value)
            ):
                yield Finding(
                    RULE,
                    "error",
                    f"编号从{block.number}开始，缺少{heading_number(level, 1)}。",
                    block.number,
                    index,
                )
        elif value == previous:
            yield Finding(
                RULE,
                "error",
                f"编号{block.number}重复：上一个同级标题也是{shown}。",
                block.number,
                index,
            )
        elif value > previous + 1:
            missing = "、".join(heading_number(level, n) for n in range(previous + 1, value))
            yield Finding(
                RULE,
                "error",
                f"编号跳号：{heading_number(level, previous)}之后是{block.number}，缺少{missing}。",
                block.number,
                index,
            )
        elif value < previous:
            yield Finding(
                RULE,
                "error",
                f"编号顺序错乱：{heading_number(level, previous)}之后是{block.number}。",
                block.number,
                index,
            )
        last[level] = value
        for deeper in range(level + 1, 6):
            last[deeper] = 0
            seen_parent[deeper] = False
        seen_parent[level + 1] = True


def _bare_parts(context: Context) -> Iterator[Finding]:
    for index in context.bare_parts:
        text = context.texts[index].strip()
        numeral = text[: len(text) - len(text.lstrip("一二三四五六七八九十"))]
        yield Finding(
            RULE,
            "error",
            f"一级标题的编号后面少了“、”：应为“{numeral}、”。",
            text[: len(numeral) + 2],
            index,
        )


def _heading_style(context: Context) -> Iterator[Finding]:
    styles: dict[int, Counter[str]] = {}
    headings = [(i, b) for i, b in enumerate(context.blocks) if b.kind == "heading"]
    for _, block in headings:
        styles.setdefault(block.level, Counter())[_style(block.level, block.number)] += 1
    for index, block in headings:
        number = block.number
        problem = _bracket_problem(number) if block.level in (2, 4) else None
        if problem is not None:
            severity, what = problem
            # One message for every number with the problem: it is fixed once, for all of them.
            yield Finding(RULE, severity, f"编号的{what}。", number, index)
            continue
        if block.level == 2 and number.translate(_ENCLOSED) != number:
            yield Finding(
                RULE,
                "warning",
                # One message for all of them: fixed once, for every number.
                "二级标题编号应写作“（一）”“（二）”这样的全角括号加数字，不用“㈠”这样的单个字符。",
                number,
                index,
            )
            continue
        if block.level == 3 and number.endswith("、"):
            yield Finding(
                RULE,
                "warning",
                "第三层编号应写作“1.”（阿拉伯数字加下脚点），不用顿号。",
                number,
                index,
            )
            continue
        if block.level == 1 and not number.endswith("、"):
            yield Finding(
                RULE,
                "warning",
                f"一级标题编号应写作“{heading_number(1, _value(number) or 1)}”。",
                number,
                index,
            )
            continue
        counter = styles[block.level]
        style = _style(block.level, number)
        if len(counter) > 1 and counter[style] < counter.most_common(1)[0][1]:
            usual = counter.most_common(1)[0][0].replace("N", "1" if block.level > 2 else "一")
            yield Finding(
                RULE,
                "warning",
                f"同一层级的编号样式不一致：这里是“{number}”，其他处多为“{usual}”样式。",
                number,
                index,
            )


def _ordinal_leads(context: Context) -> Iterator[Finding]:
    """一是…二是… within the text under one heading (its run-in body and following paragraphs)."""
    sequence: list[tuple[int, int, str]] = []  # (value, block index, excerpt)
    cut = False  # the copy stops after the 一是: its 二是 may be what was lost

    def close() -> Iterator[Finding]:
        nonlocal cut
        if len(sequence) == 1 and sequence[0][0] == 1 and not cut:
            _, where, word = sequence[0]
            yield Finding(
                RULE, "warning", "只有“一是”，没有“二是”：只有一项时不必编“一是”。", word, where
            )
        sequence.clear()
        cut = False

    for index, block in enumerate(context.blocks):
        if block.kind == "heading":
            yield from close()
            start = len(block.headline)
        elif block.kind == "paragraph":
            start = 0
        else:
            yield from close()
            continue
        text = context.norm[index]
        cut = cut or context.cut_short(index)
        if text.find("是", start) < 0:
            continue  # every lead ends in 是
        # A lead with its mark forgotten still counts (the run-on check reports the mark).
        leads = list(_LEAD.finditer(text, start)) + context.bare_leads(index, start)
        for match in sorted(leads, key=lambda m: m.start()):
            value = cn_value(match.group(1))
            if value is None:
                continue
            word = context.texts[index][match.start() : match.end()]
            if value == 1:
                yield from close()
                cut = context.cut_short(index)
                sequence.append((1, index, word))
                continue
            expected = sequence[-1][0] + 1 if sequence else 1
            if value != expected:
                if not sequence:
                    message = f"“{word}”前面没有“一是”。"
                elif value == sequence[-1][0]:
                    message = f"“{word}”重复。"
                else:
                    message = f"“{ordinal_lead(expected - 1)}”之后是“{word}”，缺少“{ordinal_lead(expected)}”。"
                yield Finding(RULE, "error", message, word, index)
            sequence.append((value, index, word))
    yield from close()


def _lone_headings(context: Context) -> Iterator[Finding]:
    """A single （一） (or 1.) under its parent: one item is not numbered."""
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    parents: dict[int, int] = {}  # level → index of the latest heading at that level
    for index, block in enumerate(context.blocks):
        if block.kind != "heading" or not 1 <= block.level <= 4:
            continue
        level = block.level
        for deeper in [lv for lv in parents if lv >= level]:
            del parents[deeper]
        parent = max((i for lv, i in parents.items() if lv < level), default=-1)
        parents[level] = index
        value = _value(block.number)
        if level >= 2 and value is not None:
            groups.setdefault((parent, level), []).append((index, value))
    for (_, level), members in groups.items():
        if len(members) == 1 and members[0][1] == 1:
            index = members[0][0]
            if _second_as_paragraph(context, index, level) or _cut_under(context, index, level):
                continue
            block = context.blocks[index]
            second = heading_number(level, 2)
            yield Finding(
                RULE,
                "warning",
                f"这一级只有“{block.number}”，没有“{second}”：只有一项时不必编号，请去掉编号并入上文，"
                "或补上其他各项。",
                # The heading's words, not its number: Word's automatic numbers are not text a
                # comment (drafter check --annotate) can be anchored on.
                block.text or block.number,
                index,
            )


def _cut_under(context: Context, index: int, level: int) -> bool:
    """Does the copy stop under this heading (before the next one of its level or above)? Its
    "2." may be what the copy lost."""
    for at in range(index, len(context.blocks)):
        block = context.blocks[at]
        if at > index and block.kind == "heading" and block.level <= level:
            return False
        if context.cut_short(at):
            return True
    return False


def _earlier_as_paragraph(context: Context, index: int, level: int, value: int) -> bool:
    """Are the numbers before this heading's there, read as body paragraphs? "1.强化组织领导象湖镇
    政府……" has no 。 after its heading, so it reads as a paragraph: the "2." after it does not
    start at 2 (run-on reports the missing 。)."""
    for block in reversed(context.blocks[:index]):
        if block.kind == "heading" and block.level < level:
            return False
        if block.kind == "paragraph":
            match = heading_match(block.text)
            if match is not None and match[0] == level and (_value(match[1]) or 0) < value:
                return True
    return False


def _second_as_paragraph(context: Context, index: int, level: int) -> bool:
    """Is the "2." of this "1." there, read as a body paragraph (a long item with no lead
    sentence is body text to the reader)?"""

    for block in context.blocks[index + 1 :]:
        if block.kind == "heading" and block.level < level:
            return False
        if block.kind == "paragraph":
            match = heading_match(block.text)
            if match is not None and match[0] == level and _value(match[1]) == 2:
                return True
    return False
