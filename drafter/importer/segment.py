"""Stage 1, segment: blocks → opening, parts (with their items), closing.

A report is a title, an opening paragraph, numbered parts (一、) and a closing paragraph. Inside a
part, items are （一） headings (run in or on their own line) with their paragraphs, and sub-items
are ``1. 小标题：正文`` headings or 一是…二是… runs. Nothing here decides what an item is about
(that is :mod:`.classify`) or where it goes (:mod:`.place`); segmenting only keeps every
paragraph, with the index of the block it came from so every figure can be traced to its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.blocks import Block
from drafter.text.hanzi import HAN, han_or
from drafter.text.numbers import for_matching, split_sentences

# --------------------------------------------------------------------------- text normalisation

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
END_MARKS = "。！？!?"


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation inside Chinese text → full-width, as GB/T 9704 drafts need.

    Only marks next to a Chinese character change, so "1,500" and "3.15" stay as they are.
    """
    text = re.sub(
        rf"(?<={han_or('”’》）')})(\s*)([,;:?!)])\s*", lambda m: _HALF_TO_FULL[m.group(2)], text
    )
    text = re.sub(rf"\s*(\()(?={HAN})", "（", text)
    text = re.sub(rf"(?<={HAN})\)", "）", text)
    # A full stop typed as "." after Chinese text (not a decimal point or a date like 3.15).
    text = re.sub(rf"(?<={han_or('”’》）')})\.(?!\d)", "。", text)
    return text


def normalised_block(block: Block) -> Block:
    if block.kind == "table":
        rows = [[normalise_punctuation(c) for c in row] for row in block.rows]
        return Block("table", normalise_punctuation(block.text), rows=rows)
    return Block(
        block.kind,
        normalise_punctuation(block.text),
        level=block.level,
        number=block.number,
        body=normalise_punctuation(block.body.strip(" \u3000\u00a0")),
    )


def clean_heading(text: str) -> str:
    """A heading without its closing punctuation ("加强组织领导。" → "加强组织领导")."""
    return text.strip().rstrip("。；;：:，,！!？? ").strip()


def end_sentence(text: str) -> str:
    """A text that ends like a sentence: a dangling "；" or "，" becomes "。"."""
    text = text.strip().rstrip("；;，,、")
    if text and text.rstrip("”’）)」』")[-1:] not in ("。", "！", "？", "：", ":"):
        text += "。"
    return text


def ends_with_colon(text: str) -> bool:
    return text.rstrip().endswith(("：", ":"))


# --------------------------------------------------------------------------- items


@dataclass
class Item:
    """A numbered item (（一）, 1., 一是) or an unnumbered paragraph, with its sub-items.

    ``texts`` are its paragraphs, each whole as written; ``sources`` the indices of the blocks
    they came from.
    """

    heading: str = ""
    texts: list[str] = field(default_factory=list)
    subs: list[Item] = field(default_factory=list)
    sources: set[int] = field(default_factory=set)
    runs_lead_colon: bool = False
    """The item's paragraph is "lead：一是……二是……" (kept whole, not split into sub-items)."""
    written: str = ""
    """For sub-items split from 一是…二是… runs: the paragraphs as written, ordinals included."""

    @property
    def text(self) -> str:
        return join_paragraphs(self.texts, "")

    def all_sources(self) -> set[int]:
        out = set(self.sources)
        for sub in self.subs:
            out |= sub.all_sources()
        return out

    def full_text(self) -> str:
        """Heading, text and sub-items: what classification reads."""
        return "".join([self.heading, self.text, *(s.full_text() for s in self.subs)])


def join_paragraphs(paragraphs: Sequence[str], sep: str) -> str:
    """Paragraphs joined; with no separator each one first ends like a sentence."""
    kept = [p.strip() for p in paragraphs if p.strip()]
    if sep:
        return sep.join(kept)
    return "".join(end_sentence(p) if i < len(kept) - 1 else p for i, p in enumerate(kept))


_ORDINAL_RUN = re.compile(r"(?:(?<=^)|(?<=[。；;！？：:，\n]))\s*([一二三四五六七八九十]{1,3})是")
_GLUED_NEXT = re.compile(rf"{HAN}二是")
HEADING_SENTENCE_MAX = 24
"""A run's first sentence up to this length (and the run goes on) is its heading."""


def split_runs(text: str) -> tuple[str, list[str]]:
    """Split "lead：一是……二是……" into the lead and the runs (without 一是), in order.

    Only a sequence starting at 一是 and counting up is a run; a lone "二是" inside a sentence is
    text.
    """
    text_m = for_matching(text)
    expected = 1
    cuts: list[tuple[int, int]] = []
    for match in _ORDINAL_RUN.finditer(text_m):
        if cn_value(match.group(1)) == expected:
            cuts.append((match.start(1), match.end()))
            expected += 1
    if len(cuts) < 2 and not (len(cuts) == 1 and cuts[0][0] == 0):
        return text, []
    if len(cuts) == 1 and _GLUED_NEXT.search(text_m, cuts[0][1]):
        # "一是……工作格局二是完善……": the 二是 lost its mark. Kept as written (ordinals and all),
        # so the draft says what the report said and the checks still see the run-on.
        return text, []
    lead = text[: cuts[0][0]].strip()
    runs = []
    for index, (_, end) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        runs.append(text[end:stop].strip())
    return lead, runs


def cn_value(numeral: str) -> int:
    digits = "一二三四五六七八九"
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + digits.index(numeral[1]) + 1 if numeral[1:] in digits else 0
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        if tens not in digits or (ones and ones not in digits):
            return 0
        return (digits.index(tens) + 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    return digits.index(numeral) + 1 if numeral in digits else 0


def plain_run(run: str, sources: set[int]) -> Item:
    """An 一是 run kept as text, without a heading."""
    paragraphs = [p.strip() for p in run.split("\n") if p.strip()]
    if paragraphs:
        paragraphs[-1] = end_sentence(paragraphs[-1])
    return Item(texts=paragraphs, sources=set(sources))


def run_item(run: str, sources: set[int]) -> Item:
    """An 一是 run: a short first sentence is its heading, the rest its text (words unchanged).

    A run may go on over several paragraphs ("\n"); each stays a paragraph of the item.
    """
    paragraphs = [p.strip() for p in run.split("\n") if p.strip()]
    if not paragraphs:
        return Item(sources=set(sources))
    paragraphs[-1] = end_sentence(paragraphs[-1])
    sentences = split_sentences(paragraphs[0])
    if len(sentences) >= 2 or (len(sentences) == 1 and len(paragraphs) > 1):
        first = sentences[0]
        if len(first.rstrip("。！？!?")) <= HEADING_SENTENCE_MAX and first[-1:] in END_MARKS:
            rest = ["".join(sentences[1:]), *paragraphs[1:]]
            return Item(clean_heading(first), [p for p in rest if p], sources=set(sources))
    return Item(texts=paragraphs, sources=set(sources))


def build_items(blocks: Sequence[Block], indices: Sequence[int]) -> list[Item]:
    """Blocks of one part → items (level-2 headings or paragraphs) with sub-items."""
    items: list[Item] = []
    current: Item | None = None
    current_level = 0
    for block, index in zip(blocks, indices, strict=True):
        if block.kind == "table":
            text = "；".join("，".join(cell for cell in row if cell) for row in block.rows)
            text = end_sentence(text) if text else ""
            if not text:
                continue
            target = (current.subs[-1] if current.subs else current) if current else None
            if target is None:
                items.append(Item(texts=[text], sources={index}))
            else:
                target.texts.append(text)
                target.sources.add(index)
            continue
        if block.kind == "heading" and (current is None or block.level <= current_level):
            current = Item(heading=clean_heading(block.text), sources={index})
            current_level = block.level
            if block.body:
                current.texts.append(block.body.strip())
            items.append(current)
            continue
        if block.kind == "heading" and current is not None:
            sub = Item(heading=clean_heading(block.text), sources={index})
            if block.body:
                sub.texts.append(block.body.strip())
            current.subs.append(sub)
            continue
        text = block.full_text.strip()
        if not text:
            continue
        if current is not None and current.subs:
            current.subs[-1].texts.append(text)
            current.subs[-1].sources.add(index)
        elif current is not None:
            current.texts.append(text)
            current.sources.add(index)
        else:
            items.append(Item(texts=[text], sources={index}))
    return items


def expand_runs(item: Item) -> Item:
    """Turn 一是…二是… runs inside an item's paragraphs into sub-items.

    Only an item without sub-items of its own, and only when the runs do not hang on a lead
    ending with "：" ("主要表现在：一是……"): such a paragraph is one statement and stays whole.
    Runs may each start a paragraph of their own; paragraphs before the first run stay the
    item's text.
    """
    if item.subs or not item.texts:
        return item
    joined = "\n".join(t.strip() for t in item.texts if t.strip())
    lead, runs = split_runs(joined)
    if not runs:
        return item
    if ends_with_colon(lead):
        return Item(item.heading, item.texts, sources=item.sources, runs_lead_colon=True)
    texts = [p.strip() for p in lead.split("\n") if p.strip()]
    subs = [run_item(run, item.sources) for run in runs]
    if not all(sub.heading for sub in subs):
        # Runs read alike: when some have no heading sentence, none is given one.
        subs = [plain_run(run, item.sources) for run in runs]
    return Item(item.heading, texts, subs, sources=set(item.sources), written=joined)


# --------------------------------------------------------------------------- parts


@dataclass
class Part:
    """A top-level part (一、…) with its blocks, their indices and its items."""

    title: str
    number: str = ""
    blocks: list[Block] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)
    kind: str = ""
    items: list[Item] = field(default_factory=list)
    title_index: int = -1

    @property
    def text(self) -> str:
        return "".join(b.full_text for b in self.blocks)


@dataclass
class Segmented:
    """A report cut into its frame and its parts."""

    opening: list[tuple[int, Block]]
    parts: list[Part]
    closing: list[tuple[int, Block]]


_CLOSING = re.compile(r"取得了?一定(?:的)?成效|今后的?工作中|我们将|再上新台阶|在新的一年|下一步，")
_CLOSING_START = re.compile(r"^(?:\d{4}\s*年|总之|综上|今后|在今后|下一步|我们将|新的一年)")
BODY_KINDS = ("paragraph", "heading", "table")


def segment(blocks: Sequence[Block], *, is_part_title: object = None) -> Segmented:
    """Cut normalised blocks into opening, parts and closing.

    ``is_part_title`` (a callable on a heading text) promotes level-2 headings to parts when a
    report has no 一、 parts at all (a report numbered from （一）, or a truncated text).
    """
    body = [(i, b) for i, b in enumerate(blocks) if b.kind in BODY_KINDS]
    has_level_one = any(b.kind == "heading" and b.level == 1 for _, b in body)
    levels = {i: b.level for i, b in body}
    if not has_level_one and callable(is_part_title):
        # Part titles written without their 一、: short lines without a sentence end that name
        # a part kind ("存在的问题"); failing two of those, （一） headings that do.
        promoted = [
            i
            for i, b in body[1:]
            if b.kind == "paragraph" and _title_like(b.text) and is_part_title(b.text)
        ]
        if len(promoted) < 2:
            promoted = [
                i for i, b in body if b.kind == "heading" and b.level == 2 and is_part_title(b.text)
            ]
        for i in promoted:
            levels[i] = 1
    opening: list[tuple[int, Block]] = []
    parts: list[Part] = []
    for index, block in body:
        if levels.get(index) == 1 and block.kind in ("heading", "paragraph"):
            title = block.text + block.body if not block.body else block.text
            part = Part(clean_heading(title), block.number, title_index=index)
            if block.body:
                part.blocks.append(Block("paragraph", block.body))
                part.indices.append(index)
            parts.append(part)
        elif parts:
            parts[-1].blocks.append(block)
            parts[-1].indices.append(index)
        else:
            opening.append((index, block))
    if not parts and len(opening) > 1:
        first, rest = opening[0], opening[1:]
        parts.append(Part("", blocks=[b for _, b in rest], indices=[i for i, _ in rest]))
        opening = [first]
    closing: list[tuple[int, Block]] = []
    if parts:
        last = parts[-1]
        while last.blocks and _is_closing(last.blocks[-1]):
            closing.insert(0, (last.indices.pop(), last.blocks.pop()))
    return Segmented(opening, parts, closing)


def _title_like(text: str) -> bool:
    text = text.strip()
    return (
        2 <= len(text) <= 60 and not re.search(r"[。；;！？!?]", text) and text[-1] not in "：:，,"
    )


def _is_closing(block: Block) -> bool:
    if block.kind != "paragraph":
        return False
    text = for_matching(block.text)
    if re.fullmatch(r"\s*特此(?:报告|汇报)[。！!]?\s*", text):
        return True
    if re.fullmatch(r"\s*[（(](?:此件|联系人|附注)[^（）()]{0,60}[)）]\s*", text):
        return True  # a 附注 after the date: kept with the closing words
    if not _CLOSING.search(text):
        return False
    # Inside a part whose items are own-line headings, a paragraph is an item's body unless
    # it reads as the report's conclusion (a year or 我们将 near its start).
    return bool(_CLOSING_START.match(text)) or ("取得" in text and "成效" in text)
