"""Numbering follows the count: a lone （一） (or 1.) under its part is no list, and loses its
number, its heading running into its paragraph (the draft's blocks, after the templates); unless
the report copied short breaks off under it, where the rest of its list was lost."""

from __future__ import annotations

from collections.abc import Sequence

from drafter.blocks import Block
from drafter.render.phrasing import CUT_OFF, clause, only_placeholder, run_in


def _cut_within(blocks: Sequence[Block], i: int) -> bool:
    """Whether the report copied short breaks off under heading ``i`` (its placeholder in the
    heading's text or below it, before the next heading of its level or above): its list went
    on in the words the copy lost, so the heading is no list of one."""
    level = blocks[i].level
    for j in range(i, len(blocks)):
        block = blocks[j]
        if j > i and block.kind == "heading" and block.level <= level:
            return False
        if CUT_OFF in block.full_text:
            return True
    return False


def _lone(blocks: Sequence[Block], i: int) -> bool:
    """Whether heading ``i`` is the only one of its level under its parent heading."""
    level = blocks[i].level
    count = 0
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks):
            other = blocks[j]
            if other.kind == "heading" and other.level < level:
                break
            if other.kind == "heading" and other.level == level:
                count += 1
            j += step
    return count == 0


def merge_lone_headings(blocks: Sequence[Block]) -> list[Block]:
    """Numbering follows the count: a lone （一） (or 1.) under its part loses its number.

    A run-in heading becomes the opening sentence of its paragraph ("加强组织领导。一是……"); a
    stand-alone one runs into the paragraph after it.
    """
    out: list[Block] = []
    skip = False
    for i, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        if (
            block.kind != "heading"
            or block.level < 2
            or not _lone(blocks, i)
            or _cut_within(blocks, i)
        ):
            out.append(block)
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.body:
            out.append(Block("paragraph", _lone_run_in(block.text, block.body)))
        elif following is not None and following.kind == "paragraph":
            out.append(Block("paragraph", _lone_run_in(block.text, following.text)))
            skip = True
        else:
            out.append(block)
    return out


def _lone_run_in(heading: str, body: str) -> str:
    """A lone heading as the opening sentence of its body (see :func:`run_in`)."""
    if heading[-1:] in "。！？" and not only_placeholder(body):
        return heading + body
    return run_in(clause(heading), body)
