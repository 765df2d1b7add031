"""Stage 0, source: what ``drafter import`` reads — the report's own lines, in Simplified
characters, without the web page around them.

A report copied from a government website brings the page along (breadcrumbs, the index table,
发布日期/浏览次数, 字号 大中小, the title printed twice): those lines are dropped before the
lines become blocks (:mod:`drafter.text.furniture` tells them), so none reaches the draft, the
title is the report's own and the opening its first paragraph. What the page's fields say is
kept apart (:attr:`ImportSource.fields`) for identity to use where the report says nothing
(成文日期, 发布机构). A Traditional-character report is converted to Simplified with OpenCC
first, so the draft is Simplified and every rule reads it as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.blocks import Block
from drafter.importer.unwrap import unwrap
from drafter.reader import classify, read_items
from drafter.reader.items import Item, Table
from drafter.reader.txt import text_lines
from drafter.text.furniture import furniture_fields, furniture_mask
from drafter.text.hanzi import HAN, has_traditional
from drafter.text.traditional import simplify


@dataclass
class ImportSource:
    """A report's blocks as the importer reads them, and what was left out of them."""

    blocks: list[Block]
    furniture: list[str] = field(default_factory=list)
    """The lines dropped as page furniture, in order (tables as "cell | cell")."""
    fields: dict[str, str] = field(default_factory=dict)
    """What the page's fields say: {"发布机构": …, "成文日期": …} (:func:`furniture_fields`)."""
    converted: bool = False
    """The report was written in Traditional characters and was converted."""


def _line(item: Item) -> str:
    """An item as one line, for telling furniture: a table's cells joined with "|"."""
    if isinstance(item, Table):
        return " | ".join(cell for row in item.rows for cell in row if cell.strip())
    return item


def _simplified(item: Item) -> Item:
    if isinstance(item, Table):
        return Table([[simplify(cell) for cell in row] for row in item.rows])
    return simplify(item)


def prepare(items: Sequence[Item]) -> ImportSource:
    """Items of a report → its blocks, in Simplified, with the page furniture left out (a report
    run together into one line, as copied out of a PDF, apart into its lines first)."""
    items = [
        piece for item in items for piece in (unwrap(item) if isinstance(item, str) else [item])
    ]
    converted = any(has_traditional(_line(item)) for item in items)
    if converted:
        items = [_simplified(item) for item in items]
    lines = [_line(item) for item in items]
    mask = furniture_mask(lines)
    kept = [item for item, dropped in zip(items, mask, strict=True) if not dropped]
    furniture = [line for line, dropped in zip(lines, mask, strict=True) if dropped and line]
    blocks = own_title(classify(kept))
    return ImportSource(blocks, furniture, furniture_fields(furniture), converted)


_NAMES_DOCUMENT = re.compile(r"(?:报告|汇报)$")
_SECTION_HEADING = re.compile(rf"(?:{HAN}[ \u3000]*){{2,8}}")
"""A heading of the text without a number ("引 言", "前言"): a few Han characters alone."""
_ORGAN = re.compile(r"(?:人民政府|政府|党委|党工委|委员会|办事处|街道|乡|镇|苏木)$")
"""The unit the report is of, printed under its title: still the title."""


def own_title(blocks: list[Block]) -> list[Block]:
    """The title block with the title only. Short lines at the top are read as the title; but a
    short heading right after the line that names the document ("……情况的报告" / "引 言") heads
    the report's text, and stays there, as the first paragraph of its opening."""
    if not blocks or blocks[0].kind != "title":
        return blocks
    lines = blocks[0].text.split("\n")
    if len(lines) < 2:
        return blocks
    last = lines[-1].strip()
    heads_text = _SECTION_HEADING.fullmatch(last) is not None and _ORGAN.search(last) is None
    if heads_text and _NAMES_DOCUMENT.search(lines[-2].strip()):
        title = replace(blocks[0], text="\n".join(lines[:-1]))
        return [title, Block("paragraph", last), *blocks[1:]]
    return blocks


def read_source(path: Path) -> ImportSource:
    """A report file (.docx/.txt) as the importer reads it (DrafterError for unusable files)."""
    return prepare(read_items(Path(path)))


def text_source(text: str) -> ImportSource:
    """A report's plain text (one paragraph a line) as the importer reads it."""
    return prepare(list(text_lines(text)))
