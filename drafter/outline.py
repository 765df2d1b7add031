"""Blocks: the common currency between templates, the writer, the reader, checks and import.

A draft is a flat list of :class:`Block` objects. Templates never type a heading number: they
emit a heading *level* and :func:`number_blocks` derives 一、（一）1.（1）, so a skipped section can
never leave a gap. The reader (``reader.py``) produces the same blocks from an existing report,
with the numbers as they were written, so the checks see drafts and hand-written reports alike.

Templates emit a small line markup that :func:`parse_markup` turns into blocks::

    ::title 俄久乡2024年度法治政府建设情况报告   (several ::title lines = one title, several lines)
    ::addressee 中共尼玛县委、尼玛县人民政府：
    ::h1 主要举措和成效                         (::h1 … ::h4: heading levels)
    ::run 一是……                                (run-in: continues the heading above)
    ::p 正文……                                  (or any untagged line: a body paragraph)
    ::signature 俄久乡人民政府                  (one line per signing body)
    ::date 2025年1月15日
    ::caption 附表 主要数据对照                 (a table's caption; ::row lines follow)
    ::row 项目<TAB>2024年<TAB>2025年
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

BlockKind = Literal["title", "addressee", "heading", "paragraph", "signature", "date", "table"]

TAG = "::"
# A user's text may itself start a line with "::"; the renderer escapes it so it stays text.
ESCAPED_TAG = "\\::"

CN_DIGITS = "零一二三四五六七八九"


@dataclass
class Block:
    """One paragraph-like unit of a report."""

    kind: BlockKind
    text: str = ""
    level: int = 0
    """Heading level 1–4 (一、 （一） 1. （1）); 0 for everything else."""
    number: str = ""
    """The heading's number as it appears ("一、", "（一）", "1.", "（1）")."""
    body: str = ""
    """Run-in heading: the text that follows the heading sentence in the same paragraph."""
    rows: list[list[str]] = field(default_factory=list)
    """Table: rows of cells, the first row is the header."""

    @property
    def full_text(self) -> str:
        """The paragraph as a reader sees it: number, heading and run-in body."""
        if self.kind == "table":
            lines = [self.text] if self.text else []
            lines += ["\t".join(row) for row in self.rows]
            return "\n".join(lines)
        return f"{self.number}{self.text}{self.body}"

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99), as used in 一、 and （一）."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    prefix = "" if tens == 1 else CN_DIGITS[tens]
    return prefix + "十" + (CN_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """The GB/T 9704 number of the n-th heading at a level: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{cn_number(n)}、"
    if level == 2:
        return f"（{cn_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def ordinal_lead(n: int) -> str:
    """一是 二是 … used for sub-items inside a paragraph."""
    return f"{cn_number(n)}是"


def number_blocks(blocks: Iterable[Block]) -> list[Block]:
    """Return copies of the blocks with every heading numbered by its level.

    A heading resets the counters of all deeper levels, so numbering is continuous at every
    level whatever the templates left out.
    """
    counters = [0, 0, 0, 0, 0]
    out: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            level = min(max(block.level, 1), 4)
            counters[level] += 1
            for deeper in range(level + 1, 5):
                counters[deeper] = 0
            block = replace(block, level=level, number=heading_number(level, counters[level]))
        out.append(block)
    return out


def escape_markup(value: str) -> str:
    """Keep a user's text from being read as markup (a line starting with ``::``)."""
    lines = value.split("\n")
    return "\n".join(ESCAPED_TAG + line[2:] if line.startswith(TAG) else line for line in lines)


def _tagged(line: str) -> tuple[str, str]:
    if line.startswith(ESCAPED_TAG):
        return "p", TAG + line[len(ESCAPED_TAG) :]
    if not line.startswith(TAG):
        return "p", line
    tag, _, rest = line[2:].partition(" ")
    return tag, rest.strip().replace(ESCAPED_TAG, TAG)


def _lines(text: str) -> Iterator[str]:
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            yield line


def parse_markup(text: str) -> list[Block]:
    """Turn rendered template text into blocks (not yet numbered)."""
    blocks: list[Block] = []
    for line in _lines(text):
        tag, rest = _tagged(line)
        last = blocks[-1] if blocks else None
        if tag in ("h1", "h2", "h3", "h4"):
            blocks.append(Block("heading", rest, level=int(tag[1])))
        elif tag == "run":
            if last is not None and last.kind == "heading" and not last.body:
                last.body = rest
            else:
                blocks.append(Block("paragraph", rest))
        elif tag == "title":
            if last is not None and last.kind == "title":
                last.text += "\n" + rest
            else:
                blocks.append(Block("title", rest))
        elif tag in ("addressee", "signature", "date"):
            blocks.append(Block(tag, rest))  # type: ignore[arg-type]
        elif tag == "caption":
            blocks.append(Block("table", rest))
        elif tag == "row":
            cells = [cell.strip() for cell in rest.split("\t")]
            if last is not None and last.kind == "table":
                last.rows.append(cells)
            else:
                blocks.append(Block("table", "", rows=[cells]))
        elif tag == "p":
            if rest:
                blocks.append(Block("paragraph", rest))
        else:
            raise ValueError(f"unknown markup tag {tag!r} in line {line!r}")
    return blocks
