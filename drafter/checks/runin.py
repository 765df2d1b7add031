"""Run-in headings for run-on (drafter/checks/runon.py): where an item's heading ends when its
。 was lost ("1.强化组织领导象湖镇政府成立……"), measured against the report's own habit, and two
verb phrases of one heading written without their comma ("一是提高政治站位全面压实法治责任。").

An item's heading is the words after its number: a level-2 or lower heading on its own line, a
paragraph that opens like one (（一）…。, 1.…。) or an item headed by its 一是.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from drafter.checks._text import Context
from drafter.checks.clauses import Seam, heading_seam, sibling_seam, verb_pair
from drafter.reader import heading_match
from drafter.text.hanzi import when_used
from drafter.text.topics import HEADING_VERB, HEADING_VERBS

MARKS = "，。、；：！？,.;:!?“”‘’《》（）()【】"
"""The marks that end a clause or a phrase, quotes and brackets included (run-on shares them)."""

RUN_IN_MIN = 30
"""A heading that runs into its body without its 。 makes a first sentence at least this long."""


@dataclass(frozen=True, slots=True)
class Room:
    """How a report's run-in headings run: ``longest`` a heading may be before its body starts,
    ``sentence`` the first sentence a heading and its body make at least; ``habit`` when the
    report writes its items as run-in headings (at least two keep their 。 with the body after
    it on the same line)."""

    longest: int = 24
    sentence: int = RUN_IN_MIN
    habit: bool = False
    lengths: tuple[int, ...] = ()
    """The lengths of those headings."""


def heading_room(context: Context) -> Room:
    """From the run-in headings of this report that keep their 。 (the report's own habit): a
    heading's first sentence well over their usual length ran into its body. Without three
    such headings, 24 characters and a first sentence of 30."""
    lengths = []
    for index in range(len(context.blocks)):
        rest = _item_rest(context, index)
        if rest is None:
            continue
        head, stop, body = rest.partition("。")
        if stop and body.strip() and len(head) <= 30 and not _CLAUSE_MARK.search(head):
            lengths.append(len(head))
    if len(lengths) < 3:
        return Room(habit=len(lengths) == 2, lengths=tuple(lengths))
    # The median, not the longest: the heading that lost its 。 may be among them, its body's
    # first sentence taken for its heading.
    middle = int(statistics.median(lengths))
    return Room(min(middle + 6, 24), min(max(middle + 8, 16), RUN_IN_MIN), True, tuple(lengths))


_CLAUSE_MARK = re.compile(r"[，,；;：:！？]")


_RUN_IN_HEADING = re.compile(r"[^，,；;：:！？!?。\s“”《》（）()]{8,30}(?=。)")


def heading_pair(context: Context, index: int) -> tuple[Seam | None, int]:
    """Two verb phrases without their comma in the heading of block ``index`` (clauses.verb_pair),
    a heading on its own line or one run into its paragraph ("（一）…。", "1.…。", "一是…。"),
    with the offset in the block's text the seam counts from."""
    block = context.blocks[index]
    if block.kind == "heading":
        return verb_pair(block.text.rstrip("。.：:"), _VERBS), block.text_start
    rest = _item_rest(context, index)
    heading = _RUN_IN_HEADING.match(rest) if rest else None
    if rest is None or heading is None:
        return None, 0
    return verb_pair(heading.group(), _VERBS), len(context.norm[index]) - len(rest)


def _item_rest(context: Context, index: int) -> str | None:
    """The text after the number of a numbered item (a level-2 or lower heading, a paragraph
    that starts like one, an item headed by its 一是), else None."""
    block = context.blocks[index]
    text = context.norm[index]
    if block.kind == "heading" and block.level >= 2:
        return text[len(block.number) :].lstrip()
    if block.kind == "paragraph" and (match := heading_match(text)) and match[0] >= 2:
        return match[2]
    if block.kind == "paragraph" and (lead := _ORDINAL_HEAD.match(text)):
        return text[lead.end() :]  # 一是强化组织领导镇党委…: an item headed by its 一是
    return None


_VERBS = frozenset(HEADING_VERBS.split("|"))
_ORDINAL_HEAD = re.compile(r"^\s*[一二三四五六七八九十]是")
# An office of the unit as a body's subject: 镇司法所, 镇综治中心, 街道综合行政执法大队.
# (\w, not HAN: the clause it searches is the words up to the first mark, and \w compiles at
# once where HAN's class takes a millisecond.)
_OFFICE = when_used(
    r"(?:镇|乡|街道)\w{0,6}?(?:所|站|中心|办公室|大队|中队|党委|党工委|工委|政府|办事处)(?=\w|、)"
)
_TAKES_OBJECT = frozenset(("发挥", "支持", "配合", "接受", "依靠", "服从", "覆盖", "督促", "指导"))


def _awaits_object(heading: str) -> bool:
    """Does a heading phrase end on a verb that still needs its object?"""
    last = heading[-2:]
    return last in _TAKES_OBJECT or HEADING_VERB().fullmatch(last) is not None


# A statement's time frame followed by what the statement does (共, 累计, a verb of the account):
# the first words of a body, never of a heading phrase.
_BODY_FRAME = re.compile(
    r"(?:(?<!\d)(?:19|20)\d{2}\s*年(?:度|以来)?|全年|今年以来|一年来|近年来|本年度|年内)"
    r"(?=共|累计|先后|组织|开展|召开|举办|受理|调解|办理|发放|审查|审核|出具|培训|完成|[，,])"
)


def run_in_heading(
    context: Context, index: int, subjects: tuple[str, ...], room: Room | None = None
) -> int | None:
    """Where the heading of a numbered item ends whose 。 was lost: "1.强化组织领导象湖镇政府成立…"
    (a heading phrase, then the unit as the subject of the body), else None. ``room``: how long
    the report's headings run (:func:`heading_room`)."""
    text = context.norm[index]
    rest = _item_rest(context, index)
    if rest is None:
        return None
    room = room or Room()
    first = re.split(r"[。！？；;]", rest, maxsplit=1)[0]
    clause = re.split(rf"[{MARKS}]", first, maxsplit=1)[0]
    if len(first) < room.sentence:
        return None
    at = _body_start(clause, first, subjects, room) if HEADING_VERB().match(clause) else None
    # A heading may close on a colon instead of a full stop ("1.加大法治建设经费投入：…").
    colon = first[len(clause) : len(clause) + 1] in ("：", ":")
    if at is None and room.habit and not colon:
        # The report heads its items so and this one runs on: where the heading phrase ends and
        # the body opens, by the clause-boundary model.
        seam = heading_seam(clause, 4, room.longest)
        at = seam.at if seam is not None else sibling_seam(clause, room.lengths, subjects)
    return None if at is None else len(text) - len(rest) + at


def _body_start(clause: str, first: str, subjects: tuple[str, ...], room: Room) -> int | None:
    """Where the body starts in the first clause of an item that opens with a heading verb: its
    subject, an office of the unit, or the time it speaks of."""
    starts = [
        at
        for subject in subjects
        if 4 <= (at := clause.find(subject, 4)) <= room.longest
        # the subject's own words follow, or a second organ (镇党委、政府高度重视…)
        and (
            len(clause) > at + len(subject) + 1
            or first[at + len(subject) : at + len(subject) + 1] == "、"
        )
    ]
    for office in _OFFICE().finditer(first, 4, min(room.longest + 4, len(clause) + 1)):
        # its own words follow, or a second organ (街道工委、办事处坚持……)
        after = first[office.end() : office.end() + 1]
        if office.start() <= room.longest and (len(clause) > office.end() + 1 or after == "、"):
            starts.append(office.start())
    # A heading is a whole verb-object phrase: one that ends on a verb ("充分发挥" + 镇党委领导核心
    # 作用) is still waiting for its object, and what follows is that object.
    starts = [at for at in starts if not _awaits_object(clause[:at])]
    # The body may open with the time it speaks of instead of a subject ("2.强化学法用法全年共组织
    # 集中学法12次", "强化组织领导2024年，镇党委…"): a frame word that starts a statement, never a
    # heading's own word.
    frame = _BODY_FRAME.search(first, 4, room.longest + 1)
    if frame is not None and frame.end() <= len(clause):
        starts.append(frame.start())
    return min(starts) if starts else None
