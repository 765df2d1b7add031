"""Blocks: the common currency between templates, the writer, the reader, checks and import.

A draft is a flat list of :class:`Block` objects. Templates never type a heading number: they
emit a heading *level* and :func:`number_blocks` derives 一、（一）1.（1）, so a skipped section can
never leave a gap. The reader (``reader/``) produces the same blocks from an existing report,
with the numbers as they were written, so the checks see drafts and hand-written reports alike.

Templates emit a small line markup that :func:`parse_markup` turns into blocks (one tag per
line; a tag is only what a template file writes, see "The channel" below)::

    ::title 俄久乡2024年度法治政府建设情况报告   (several ::title lines = one title, several lines)
    ::addressee 中共尼玛县委、尼玛县人民政府：
    ::h1 主要举措和成效                         (::h1 … ::h4: heading levels)
    ::run 一是……                                (run-in: continues the heading above)
    ::p 正文……                                  (or any untagged line: a body paragraph)
    ::signature 俄久乡人民政府                  (one line per signing body)
    ::date 2025年1月15日
    ::caption 附表 主要数据对照                 (a table's caption; ::row lines follow)
    ::row 项目<TAB>2024年<TAB>2025年

The channel. Answers are data, never markup, and the markup parser never parses them:

* A tag exists only in a template file's own text: when a template is compiled, every ``::`` in
  its text becomes :data:`TAG_MARK` (:func:`mark_tags`); the parser knows a tag by that mark at
  the start of a line, and nothing else. No value can contain the mark (:func:`channel` removes
  it), so no answer, however it is typed, indented or transformed, can start a block.
* Lines are split on ``\n`` only, and no value contains one: :func:`channel` turns every line
  break (``\r``, ``\v``, ``\f``, ``\x1c``–``\x1e``, ``\x85``, U+2028, U+2029) into
  :data:`PARA_MARK` and a tab into :data:`TAB_MARK`. A value therefore stays inside the block its
  template put it in; the ``paras`` filter splits a text into paragraphs at the mark.
* After parsing, block texts are decoded: in a body paragraph a paragraph mark starts another body
  paragraph (the same kind); in a heading, title, signature, date or table cell it is joined.

The marks are Unicode noncharacters (U+FDD0–U+FDEF), reserved for exactly this kind of internal
use, so removing them from user text loses nothing a person wrote. The sandbox
(``sandbox/environment.py``) applies :func:`channel` to every value a template obtains: context
variables, attributes, items and the results of calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

BlockKind = Literal["title", "addressee", "heading", "paragraph", "signature", "date", "table"]


TAG = "::"
TAG_MARK = "\ufdd0"
"""A tag written in a template file (its ``::``), the only way to start a block."""
PARA_MARK = "\ufdd1"
"""A line break inside a value."""
TAB_MARK = "\ufdd2"
"""A tab inside a value (tabs written in a template separate table cells)."""
TAGS = (
    "title",
    "addressee",
    "h1",
    "h2",
    "h3",
    "h4",
    "run",
    "p",
    "signature",
    "date",
    "caption",
    "row",
)
BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character Python's ``str.splitlines`` (or Word, or a browser) takes as a line break."""
_BREAK = re.compile(f"\r\n|[{BREAKS}{PARA_MARK}]")
_FORGED = re.compile("[\ufdd0\ufdd3-\ufdef]")

CN_DIGITS = "零一二三四五六七八九"


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of a report.

    ``level``: heading level 1–4 (一、 （一） 1. （1）), 0 for everything else; ``number``: the
    heading's number as it appears ("一、", "（一）", "1.", "（1）"); ``body``: for a run-in
    heading, the text that follows the heading sentence in the same paragraph; ``rows``: a
    table's rows of cells, the first row is the header; ``gap``: spaces a report has between a
    heading's number and its text, as written (the reader keeps them for the spacing check;
    drafts have none).
    """

    kind: BlockKind
    text: str = ""
    level: int = 0
    number: str = ""
    body: str = ""
    rows: list[list[str]] = field(default_factory=list)
    gap: str = ""

    @property
    def text_start(self) -> int:
        """Where ``text`` starts in :attr:`full_text` (after the number and any gap)."""
        return len(self.number) + len(self.gap)

    @property
    def headline(self) -> str:
        """The number and the heading sentence as written (the start of :attr:`full_text`)."""
        return f"{self.number}{self.gap}{self.text}"

    @property
    def full_text(self) -> str:
        """The paragraph as a reader sees it: number, heading and run-in body."""
        if self.kind == "table":
            lines = [self.text] if self.text else []
            lines += ["\t".join(row) for row in self.rows]
            return "\n".join(lines)
        return f"{self.number}{self.gap}{self.text}{self.body}"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99), as used in 一、 and （一）."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    prefix = "" if tens == 1 else CN_DIGITS[tens]
    return prefix + "十" + (CN_DIGITS[ones] if ones else "")


def cn_value(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 3 → 3; None when not a number."""
    numeral = numeral.strip()
    if numeral.isdigit():
        return int(numeral)
    numeral = numeral.replace("〇", "零").replace("两", "二")
    if not numeral or any(ch not in CN_DIGITS + "十" for ch in numeral):
        return None
    if "十" not in numeral:
        return CN_DIGITS.index(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)


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


# --------------------------------------------------------------------------- the channel


def mark_tags(template_text: str) -> str:
    """A template file's own text with its tags marked (applied when the template compiles)."""
    return template_text.replace(TAG, TAG_MARK)


def channel_text(value: str) -> str:
    """A value as it may enter template output: no tag mark, no line break, no tab.

    Idempotent (values pass several hooks). Lines are trimmed and blank ones dropped, so a
    YAML text's final newline leaves no empty paragraph.
    """
    value = _FORGED.sub("", value)
    if _BREAK.search(value):
        lines = (line.strip() for line in _BREAK.split(value))
        value = PARA_MARK.join(line for line in lines if line)
    return value.replace("\t", TAB_MARK) if "\t" in value else value


def channel(value: Any) -> Any:
    """:func:`channel_text` on a string, or on the strings of a list, tuple or dict."""
    kind = type(value)
    if kind is str:
        return channel_text(value)
    if kind in (list, tuple):
        return kind(channel_text(v) if type(v) is str else v for v in value)
    if kind is dict:
        return {k: channel_text(v) if type(v) is str else v for k, v in value.items()}
    return value


def split_paragraphs(value: Any) -> list[str]:
    """A value's paragraphs: split at paragraph marks and line breaks, trimmed, blanks dropped."""
    pieces = (piece.strip() for piece in _BREAK.split(str(value or "")))
    return [piece for piece in pieces if piece]


def _joined(value: str) -> str:
    """A value inside one line (heading, title, signature, cell): its line breaks joined."""
    pieces = split_paragraphs(value)
    out = pieces[0] if pieces else ""
    for piece in pieces[1:]:
        out += ("" if _wide(out[-1]) or _wide(piece[0]) else " ") + piece
    return _decoded(out)


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _decoded(text: str) -> str:
    return text.replace(TAG_MARK, TAG).replace(TAB_MARK, "\t")


class MarkupError(ValueError):
    """Template output with a tag drafter does not know (the message is Chinese)."""


def parse_markup(text: str) -> list[Block]:
    """Turn rendered template text into blocks (not yet numbered).

    Lines are split on ``\n`` only; a line is tagged only when it starts with the tag mark a
    template file's ``::`` became. Everything else is body text.
    """
    blocks: list[Block] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        tag, rest = "p", line
        if line.startswith(TAG_MARK):
            found = re.match(r"([A-Za-z]+\d?)(.*)", line[1:], re.S)
            tag, rest = (found.group(1), found.group(2).strip()) if found else ("", line)
        last = blocks[-1] if blocks else None
        if tag in ("h1", "h2", "h3", "h4"):
            blocks.append(Block("heading", _joined(rest), level=int(tag[1])))
        elif tag == "run":
            pieces = [_decoded(p) for p in split_paragraphs(rest)]
            if last is not None and last.kind == "heading" and not last.body and pieces:
                last.body = pieces.pop(0)
            blocks += [Block("paragraph", p) for p in pieces]
        elif tag == "title":
            if last is not None and last.kind == "title":
                last.text += "\n" + _joined(rest)
            else:
                blocks.append(Block("title", _joined(rest)))
        elif tag in ("addressee", "signature", "date"):
            blocks.append(Block(tag, _joined(rest)))  # type: ignore[arg-type]
        elif tag == "caption":
            blocks.append(Block("table", _joined(rest)))
        elif tag == "row":
            cells = [_joined(cell) for cell in rest.split("\t")]
            if last is not None and last.kind == "table":
                last.rows.append(cells)
            else:
                blocks.append(Block("table", "", rows=[cells]))
        elif tag == "p":
            blocks += [Block("paragraph", _decoded(p)) for p in split_paragraphs(rest)]
        else:
            shown = _decoded(line)[:40]
            raise MarkupError(f"模板输出了不认识的标记（{shown}）")
    return blocks
