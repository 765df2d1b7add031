"""What a draft of drafter's own adds that the township never wrote, left out when the draft is
imported again (next year's import of this year's report).

The 第一责任人 item a draft adds where a report of three parts has none ("（五）党政主要负责人履行推进
法治建设第一责任人职责情况" and a bare 【待补充】) holds no words of the township's: imported as an
item it would stand as theirs, and the new draft would add it a second time or print it in
another form. Left out, the new draft adds it where the outline wants it, as before. An item the
township wrote under that heading (a text, not the bare placeholder) stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.blocks import Block
from drafter.render.phrasing import FIRST_DUTY_ITEM, placeholder

_BARE = placeholder()


def without_scaffold(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` without the 第一责任人 scaffold item (its heading and its bare placeholder,
    run in or on the next line)."""
    out: list[Block] = []
    skip_next = False
    for index, block in enumerate(blocks):
        if skip_next:
            skip_next = False
            continue
        if block.kind == "heading" and block.text.rstrip("。") == FIRST_DUTY_ITEM:
            if block.body.strip() == _BARE:
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                not block.body.strip()
                and following is not None
                and following.kind == "paragraph"
                and following.full_text.strip() == _BARE
            ):
                skip_next = True
                continue
        out.append(block)
    return out
