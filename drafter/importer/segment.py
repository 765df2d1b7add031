"""Stage 1, segment: blocks → opening, parts (with their items), closing.

A report is a title, an opening paragraph, numbered parts (一、) and a closing paragraph. Inside a
part, items are （一） headings (run in or on their own line) with their paragraphs, and sub-items
are ``1. 小标题：正文`` headings or 一是…二是… runs. Nothing here decides what an item is about
(that is :mod:`.classify`) or where it goes (:mod:`.place`); segmenting only keeps every
paragraph, with the index of the block it came from so every figure can be traced to its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from drafter.answers.records import KIND_MEASURES, KIND_OTHER
from drafter.blocks import Block, cn_value
from drafter.reader import heading_match
from drafter.render.phrasing import ends_with_placeholder
from drafter.text.hanzi import HAN, han_or
from drafter.text.numbers import for_matching, split_sentences

# --------------------------------------------------------------------------- text normalisation

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
END_MARKS = "。！？!?"
_OPENED, _CLOSED = "\ue000", "\ue001"
"""Brackets turned full-width, marked until the spaces around them are tidied."""
_CHINESE = re.compile(rf"{HAN}|[，。、；：？！“”‘’《》（）【】]")


def _pair_brackets(text: str) -> str:
    """Half-width brackets → full-width, a pair always as a pair: "纲要(2021—2025年)" →
    "纲要（2021—2025年）", never "纲要(2021—2025年）".

    A pair (either width, matched by nesting) is made full-width when it holds Chinese, stands
    next to Chinese or is already half full-width; a bracket without its partner only when it
    touches a Chinese character, as before. "(1)" in a line of digits stays as written.
    """
    if "(" not in text and ")" not in text:
        return text
    chars = list(text)
    opened: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for index, ch in enumerate(text):
        if ch in "(（":
            opened.append(index)
        elif ch in ")）":
            if opened:
                pairs.append((opened.pop(), index))
            else:
                lone.append(index)
    lone += opened

    def chinese(at: int) -> bool:
        return 0 <= at < len(text) and _CHINESE.match(text[at]) is not None

    for start, end in pairs:
        if (
            "（" in (text[start], text[end])
            or "）" in (text[start], text[end])
            or (_CHINESE.search(text, start + 1, end) or chinese(start - 1) or chinese(end + 1))
        ):
            chars[start] = _OPENED if text[start] == "(" else "（"
            chars[end] = _CLOSED if text[end] == ")" else "）"
    for index in lone:
        # "各村(": a text a copy broke off in, right after its bracket opened, as Chinese does.
        at_end = index == len(text) - 1 and chinese(index - 1)
        if text[index] == "(" and (re.match(HAN, text[index + 1 : index + 2]) or at_end):
            chars[index] = _OPENED
        elif text[index] == ")" and index and re.match(HAN, text[index - 1]):
            chars[index] = _CLOSED
    out = "".join(chars)
    out = re.sub(rf"\s*{_OPENED}", "（", out)
    return re.sub(rf"\s*{_CLOSED}\s*", "）", out)


_TITLE = re.compile(r"《[^《》]*》")
_INNER_TITLE = re.compile(r"[<‹]([^<>‹›《》]+)[>›]")


def normalise_punctuation(text: str) -> str:
    """Half-width punctuation inside Chinese text → full-width, as GB/T 9704 drafts need.

    Only marks after a Chinese character, or between a figure and Chinese text, change, so
    "1,500" and "3.15" stay as they are;
    brackets change as pairs (:func:`_pair_brackets`).
    """
    text = _pair_brackets(text)
    if "《" in text:
        # A title inside a title takes the single marks 〈〉: "《贯彻落实<……要点>的实施方案》".
        text = _TITLE.sub(lambda m: _INNER_TITLE.sub(r"〈\1〉", m.group()), text)
    text = re.sub(
        rf"(?<={han_or('”’》）')})(\s*)([,;:?!])\s*", lambda m: _HALF_TO_FULL[m.group(2)], text
    )
    # After a figure, where Chinese text follows ("应诉率为100%;重视", "超60%,极大"): not
    # inside a number ("1,500").
    text = re.sub(
        rf"(?<=[\d%％])([,;:?!])\s*(?={han_or('“‘《（')})",
        lambda m: _HALF_TO_FULL[m.group(1)],
        text,
    )
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
    """A text that ends like a sentence: a dangling "；" or "，" becomes "。". A text that ends
    with a placeholder (a report copied short, :func:`mark_cut_end`) stays open as it is."""
    if ends_with_placeholder(text):
        return text.strip()
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
    number: str = ""
    """The heading's number as the report wrote it ("（一）", "1.", "(1)"; "" for none)."""
    alone: bool = False
    """The heading stood on a line of its own (its text in the paragraphs below it)."""

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
    current_level = sub_level = 0
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
            current = Item(
                heading=clean_heading(block.text),
                sources={index},
                number=block.number,
                alone=not block.body,
            )
            current_level = block.level
            if block.body:
                current.texts.append(block.body.strip())
            items.append(current)
            continue
        if (
            block.kind == "heading"
            and current is not None
            and _sibling_written_as_text(current, block)
        ):
            # "1.推动学习……" ran on as a paragraph (its heading without 。): the "2." after it is
            # its sibling and stays a numbered paragraph too, or the draft's list would number
            # it alone (not at all) and drop its 2.
            current.texts.append(block.full_text.strip())
            current.sources.add(index)
            continue
        if block.kind == "heading" and current is not None:
            sub = Item(
                heading=clean_heading(block.text),
                sources={index},
                number=block.number,
                alone=not block.body,
            )
            if block.body:
                sub.texts.append(block.body.strip())
            if current.subs and block.level > sub_level:
                current.subs[-1].subs.append(sub)  # （1） under 1.: a sub-item of the sub-item
            else:
                current.subs.append(sub)
                sub_level = block.level
            continue
        text = block.full_text.strip()
        if not text:
            continue
        if current is not None and current.subs:
            last = current.subs[-1].subs[-1] if current.subs[-1].subs else current.subs[-1]
            last.texts.append(text)
            last.sources.add(index)
        elif current is not None:
            current.texts.append(text)
            current.sources.add(index)
        else:
            items.append(Item(texts=[text], sources={index}))
    return items


def _sibling_written_as_text(current: Item, block: Block) -> bool:
    """Whether a sub-heading follows a paragraph of its item numbered at its own level."""
    if current.subs or not current.texts:
        return False
    numbered = heading_match(current.texts[-1])
    return numbered is not None and numbered[0] == block.level


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
        return Item(
            item.heading, item.texts, sources=item.sources, runs_lead_colon=True, alone=item.alone
        )
    texts = [p.strip() for p in lead.split("\n") if p.strip()]
    subs = [run_item(run, item.sources) for run in runs]
    if not all(sub.heading for sub in subs):
        # Runs read alike: when some have no heading sentence, none is given one.
        subs = [plain_run(run, item.sources) for run in runs]
    return Item(
        item.heading, texts, subs, sources=set(item.sources), written=joined, alone=item.alone
    )


def problem_run(run: str, sources: set[int]) -> Item:
    """One problem of a 不足 paragraph's 一是…二是… runs: headed by its first sentence when that is
    short (run_item), else kept whole as its text — cut at a comma it would print as two sentences.
    Next year names a problem without a heading by its first clause
    (:func:`drafter.text.naming.short_name`)."""
    paragraphs = [p.strip() for p in run.split("\n") if p.strip()]
    if not paragraphs:
        return Item(sources=set(sources))
    headed = run_item(run, sources)
    if headed.heading:
        return headed
    paragraphs[-1] = end_sentence(paragraphs[-1])
    return Item(texts=paragraphs, sources=set(sources))


def problem_items(item: Item) -> list[Item]:
    """A 不足 paragraph without a heading whose 一是…二是… runs list problems → the lead (if
    any, "主要表现在：" included) and one item per problem (:func:`problem_run`), in order.

    An item with a heading of its own, or sub-items, or no runs is returned as it is.
    """
    if item.heading or item.subs or not item.texts:
        return [item]
    joined = "\n".join(t.strip() for t in item.texts if t.strip())
    lead, runs = split_runs(joined)
    if not runs:
        return [item]
    out = [Item(texts=[p.strip() for p in lead.split("\n") if p.strip()], sources=item.sources)]
    out += [problem_run(run, item.sources) for run in runs]
    return [i for i in out if i.heading or i.texts]


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
    run_in: bool = False
    """The title ran into the part's first text on its line ("（一）强化组织领导。深入贯彻…")."""

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


def segment(
    blocks: Sequence[Block],
    *,
    part_kind: Callable[[str], str] | None = None,
) -> Segmented:
    """Cut normalised blocks into opening, parts and closing.

    ``part_kind`` (the kind of part a heading's text names, KIND_OTHER for none) promotes
    level-2 headings to parts when a report has no 一、 parts at all (a report numbered from
    （一）, or a truncated text), unless every one it would promote is of the measures (a copy
    that holds only the first part's （一）（二）: they are that part's items).
    """
    is_part_title = (lambda text: part_kind(text) != KIND_OTHER) if part_kind else None
    body = [(i, b) for i, b in enumerate(blocks) if b.kind in BODY_KINDS]
    if is_part_title is not None:
        bare = _bare_parts(body, is_part_title)
        body = [(i, bare.get(i, b)) for i, b in body]
    has_level_one = any(b.kind == "heading" and b.level == 1 for _, b in body)
    levels = {i: b.level for i, b in body}
    if not has_level_one and is_part_title is not None:
        # Part titles written without their 一、: short lines without a sentence end that name
        # a part kind ("存在的问题"); failing two of those, （一） headings that do (two at least).
        promoted = [
            i
            for i, b in body[1:]
            if b.kind == "paragraph" and _title_like(b.text) and is_part_title(b.text)
        ]
        if len(promoted) < 2:
            promoted = [
                i for i, b in body if b.kind == "heading" and b.level == 2 and is_part_title(b.text)
            ]
            measures_only = part_kind is not None and all(
                part_kind(blocks[i].text) == KIND_MEASURES for i in promoted
            )
            if len(promoted) < 2 or measures_only:
                # One （一） heading among its siblings that happens to name a part kind ("……
                # 有关推动落实的具体举措") is an item like them: promoting it alone would make
                # it a part and its sibling before it an item of another. So are （一）（二）
                # that all tell what was done: items of the one part of measures.
                promoted = []
        for i in promoted:
            levels[i] = 1
    opening: list[tuple[int, Block]] = []
    parts: list[Part] = []
    for index, block in body:
        if levels.get(index) == 1 and block.kind in ("heading", "paragraph"):
            title = block.text + block.body if not block.body else block.text
            part = Part(
                clean_heading(title), block.number, title_index=index, run_in=bool(block.body)
            )
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


# A numeral, perhaps a space, then words: not 一是, 一年来, 十九届, 二十大, 一中全会.
_BARE_NUMERAL = re.compile(r"^\s*([一二三四五六七八九十]{1,2})[ \u3000]*(?![是年届大中])(?=\S)")


def _bare_parts(
    body: list[tuple[int, Block]], is_part_title: Callable[[str], bool]
) -> dict[int, Block]:
    """Part headings whose 、 was lost ("一主要举措和成效", read as a paragraph), as the headings
    they are: a short line that names a part, numbered as the next part, a lower heading after
    it (the checks' numbering rule reports the lost mark on the source)."""
    found: dict[int, Block] = {}
    expected = 1
    for pos, (index, block) in enumerate(body):
        if block.kind == "heading" and block.level == 1:
            expected = (cn_value(block.number.rstrip("、，,.． ")) or expected) + 1
            continue
        if block.kind != "paragraph" or not _title_like(block.text):
            continue
        match = _BARE_NUMERAL.match(block.text)
        if match is None or cn_value(match.group(1)) != expected:
            continue
        after = body[pos + 1][1] if pos + 1 < len(body) else None
        title = block.text[match.end() :].strip()
        lower = after is not None and after.kind == "heading" and after.level in (2, 3)
        if lower and is_part_title(title):
            found[index] = Block("heading", title, level=1, number=match.group(1) + "、")
            expected += 1
    return found


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
