"""Block building: cleaned paragraphs and tables → typed blocks (title, addressee, headings with
their numbers as written, paragraphs, tables, signature, date), each knowing the items it was
made from."""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.blocks import Block
from drafter.reader.items import SPACES, Item, Table
from drafter.text.hanzi import is_han, when_used

_CN_NUM = "一二三四五六七八九十百零〇两"

# Heading number patterns, tried in order. Brackets may be full- or half-width and even unbalanced
# (kept as written so the numbering check can report them).
_CN_SMALL = "一二三四五六七八九十"
_H_L2 = re.compile(
    rf"^[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]"
    rf"|^[{_CN_SMALL}]{{1,3}}\s*[）)]"
    # "（一加强…": the closing bracket forgotten; kept so the numbering check can report it.
    rf"|^[（(][{_CN_SMALL}]{{1,2}}(?=[^\s{_CN_NUM}是年月日届大中、）)])"
    # ㈠ … ㈩, one character each: Word's list numbering copied out as text.
    r"|^[\u3220-\u3229]"
)
_H_L4 = re.compile(r"^[（(]\s*\d{1,2}\s*[）)]|^\d{1,2}\s*[）)]")
_H_L1 = re.compile(rf"^[{_CN_NUM}]{{1,3}}\s*(?:[、，,]|[．.](?!\d))")
_H_L3 = re.compile(r"^\d{1,2}\s*[.．、](?!\d)")
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (2, _H_L2),
    (4, _H_L4),
    (1, _H_L1),
    (3, _H_L3),
)
_HEADING_MAX = 60
"""A run-in heading sentence longer than this is body text that happens to start with a number."""

# A 成文日期 line. Month and day may be left blank for the clerk to write in ("2025年　　月　　日",
# the placeholder drafts carry) and the day may be missing ("2025年1月"): still the date line, so
# the date check can report it and the spacing check leaves its blanks alone.
_DATE = when_used(
    r"^(?:(\d{4}|[一二三四五六七八九〇零○Ｏ０-９]{4})\s*年\s*(?:[\d一二三四五六七八九十０-９]{1,3}|[ \u3000]{1,8})"
    r"\s*月(?:\s*(?:[\d一二三四五六七八九十０-９]{1,3}|[ \u3000]{1,8})\s*日)?"
    # 2025.1.15, 2025-01-15, 2025/1/15 (typed in haste, or left by a form)
    r"|[2２][0０][\d０-９]{2}\s*[.．\-－/／]\s*[\d０-９]{1,2}\s*[.．\-－/／]\s*[\d０-９]{1,2}\s*日?)$"
)
_SIGNER = when_used(r"(人民政府|政府|党委|党工委|委员会|办事处|街道|[乡镇]|苏木|办公室|领导小组)$")
_ADDRESSEE_BODY = when_used(r"(委|政府|办公室|小组|机关|局|部|办)")


def heading_match(line: str) -> tuple[int, str, str] | None:
    """(level, number as written, rest) when a line starts with a heading number."""
    for level, pattern in _HEADING_PATTERNS:
        match = pattern.match(line)
        if match:
            number = match.group(0).rstrip(SPACES)
            rest = line[match.end() :].lstrip(SPACES)
            if not rest:
                return None
            return level, number, rest
    return None


def _split_run_in(rest: str) -> tuple[str, str]:
    """Split "heading sentence。body…" into (heading sentence with its mark, body)."""
    for index, ch in enumerate(rest):
        # A half-width "." between two 汉字 ends a sentence too (typed with the wrong keyboard
        # mode); between digits it is a decimal point or a date like 3.15.
        half_stop = ch == "." and 0 < index < len(rest) - 1 and is_han(rest[index - 1])
        if ch in "。！？" or (half_stop and is_han(rest[index + 1])):
            if index + 1 < len(rest) and index < _HEADING_MAX:
                # The body keeps a stray space after the heading: the spacing check reports it.
                return rest[: index + 1], rest[index + 1 :]
            return rest, ""
        if ch in "：:" and index + 1 < len(rest):
            head = rest[: index + 1]
            # "1. 小标题：正文" — a short label without commas; "…主要表现在：一是" is body text.
            if index <= 25 and "，" not in head and "," not in head:
                return head, rest[index + 1 :]
            return rest, ""
        if index >= _HEADING_MAX:
            break
    return rest, ""


def _is_title_line(line: str) -> bool:
    if len(line) > 50 or heading_match(line) is not None:
        return False
    return not (line[-1] in "。；;！？：:，," or "，" in line or "。" in line)


def _is_addressee(line: str) -> bool:
    if line[-1] not in "：:" or len(line) > 60 or any(mark in line for mark in "。；"):
        return False
    # "中共将乐县委员会，将乐县人民政府：" — bodies are sometimes parted by a comma instead of 、;
    # each piece must then name a body itself, so a sentence ending in a colon is not taken.
    pieces = [p for p in re.split(r"[，,、]", line[:-1]) if p.strip()]
    return bool(pieces) and all(_ADDRESSEE_BODY().search(p) for p in pieces)


def _is_signature(line: str) -> bool:
    return (
        len(line) <= 30
        and not any(mark in line for mark in "，。,；：:、")
        and heading_match(line) is None
        and _SIGNER().search(line) is not None
    )


def classify(items: Iterable[Item]) -> list[Block]:
    """Turn cleaned paragraphs (and tables) into typed blocks."""
    return classify_sourced(list(items))[0]


def classify_sourced(items: list[Item]) -> tuple[list[Block], list[list[int]]]:
    """Blocks, and for each block the indices of the items it was made from."""
    blocks: list[Block] = []
    groups: list[list[int]] = []
    i = 0
    # Title: up to three short leading lines without sentence punctuation, before the opening.
    title_lines: list[str] = []
    while i < len(items) and len(title_lines) < 3:
        item = items[i]
        if not isinstance(item, str) or not _is_title_line(item):
            break
        # A lone date/signature-like line cannot start a title of a real report; but the title
        # itself may name 人民政府 ("XX乡人民政府" / "关于…的报告"), so only dates stop it.
        if _DATE().match(item):
            break
        title_lines.append(item)
        i += 1
    if title_lines:
        blocks.append(Block("title", "\n".join(title_lines)))
        groups.append(list(range(i)))
    # The addressee follows the title, or opens the text when the title was left out (a page
    # that shows the title apart from the text): then a paragraph must follow it.
    if (
        i < len(items)
        and isinstance(items[i], str)
        and (blocks or (i + 1 < len(items) and isinstance(items[i + 1], str)))
        and _is_addressee(items[i])  # type: ignore[arg-type]
    ):
        blocks.append(Block("addressee", items[i]))  # type: ignore[arg-type]
        groups.append([i])
        i += 1

    body = items[i:]
    # Closing lines: a date at the very end, signatures just before it.
    tail: list[Block] = []
    end = len(body)
    if end and isinstance(body[end - 1], str) and _DATE().match(body[end - 1]):  # type: ignore[arg-type]
        tail.insert(0, Block("date", body[end - 1]))  # type: ignore[arg-type]
        end -= 1
    signers = 0
    while end and signers < 3 and isinstance(body[end - 1], str) and _is_signature(body[end - 1]):  # type: ignore[arg-type]
        # Without a date, only accept signature lines that clearly name a body.
        line = body[end - 1]
        assert isinstance(line, str)
        if not tail and not re.search(r"(人民政府|党委|党工委|委员会|办事处)$", line):
            break
        tail.insert(0, Block("signature", line))
        end -= 1
        signers += 1

    for offset, item in enumerate(body[:end]):
        blocks.append(_classify_body(item))
        groups.append([i + offset])
    blocks.extend(tail)
    groups.extend([i + index] for index in range(end, len(body)))
    return blocks, groups


def _classify_body(item: Item) -> Block:
    if isinstance(item, Table):
        return Block("table", "", rows=item.rows)
    match = heading_match(item)
    if match is None:
        return Block("paragraph", item)
    level, number, rest = match
    text, body = _split_run_in(rest)
    if not body and len(text) > _HEADING_MAX * 2:
        # A long numbered paragraph without a short lead sentence is body text, e.g. "1. …" lists.
        return Block("paragraph", item)
    gap = item[len(number) : len(item) - len(rest)]  # "（一） 认真": kept for the spacing check
    return Block("heading", text, level=level, number=number, body=body, gap=gap)
