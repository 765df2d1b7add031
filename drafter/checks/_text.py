"""Shared text helpers for the checks: the context every rule receives, sentences, spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from drafter.blocks import Block, cn_value
from drafter.render.phrasing import CUT_OFF
from drafter.text.dates import is_date_only
from drafter.text.furniture import furniture_by_block
from drafter.text.hanzi import HAN, neither_han_nor, to_simplified, when_used
from drafter.text.identity import Identity, detect_identity
from drafter.text.topics import HEADING_VERB

# Marks that end a sentence for duplicate and figure checks.
_SENTENCE_END = re.compile(r"[。！？；;!?]+|\n")


def sentences(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) spans of sentences, end including the closing mark."""
    pos = start
    for match in _SENTENCE_END.finditer(text, start):
        mark, end = match.span()
        if text[mark] != "\n":
            yield pos, end  # never blank: it holds its end mark
        elif text[pos:mark].strip():
            yield pos, mark
        pos = end
    if text[pos:].strip():
        yield pos, len(text)


def _inside_pair(opening: str, closing: str) -> re.Pattern[str]:
    return re.compile(f"{opening}[^{opening}{closing}]*{closing}")


# Compiled here, once, for the pairs the rules use.
_PAIRS = {pair: _inside_pair(*pair) for pair in ("《》", "“”")}


def protected_spans(text: str, pairs: str = "《》“”") -> list[tuple[int, int]]:
    """Spans inside 《…》 and “…” (titles of others' documents, quoted names)."""
    spans: list[tuple[int, int]] = []
    for opening, closing in zip(pairs[::2], pairs[1::2], strict=True):
        if opening not in text:
            continue  # most texts quote nothing: a plain search says so
        pattern = _PAIRS.get(opening + closing) or _inside_pair(opening, closing)
        for match in pattern.finditer(text):
            spans.append((match.start(), match.end()))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# ---------------------------------------------------------------------- parts of a report

PART_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("duty", re.compile(r"第一责任人|主要负责人|主要负责同志|负责人履|履职|履行.{0,8}职责")),
    ("problems", re.compile(r"不足|问题|差距|短板|薄弱")),
    ("plans", re.compile(r"计划|安排|打算|下一步|下一年|明年|思路|展望|今后|工作重点|工作要点")),
    (
        "measures",
        re.compile(r"举措|成效|开展情况|工作情况|主要工作|做法|成绩|进展|落实情况|主要工作"),
    ),
    ("other", re.compile(r"其他|其它")),
)


def part_kinds(heading: str) -> set[str]:
    """What a top-level part is about, from its heading (a part may be about two things)."""
    heading = to_simplified(heading)
    kinds = {kind for kind, pattern in PART_KINDS if pattern.search(heading)}
    if "duty" in kinds:
        # "第一责任人职责，加强法治政府建设的有关情况" is the duty part, not measures or problems.
        return {"duty"}
    if "problems" in kinds and "plans" in kinds and "整改" in heading:
        kinds.discard("plans")
    return kinds


# A numeral, perhaps a space, then a short line without marks. Not 一是, 一年来, 十九大, 一体化….
_BARE_PART = re.compile(
    rf"^\s*([一二三四五六七八九十]{{1,2}})[ \u3000]*(?=({HAN}{{4,28}})\s*$)(?![是年届大中])"
)


def bare_part_number(text: str) -> int | None:
    """The number of a part heading written without its 、 ("一主要举措和成效", "二存在的不足和原因",
    "三 加强法治宣传教育"): a short line without marks, a numeral, then words that name a part of
    the report or a heading's verb phrase. (Context takes it for a part only when its number is
    the next part's and a lower heading follows.)"""
    match = _BARE_PART.match(text)
    if match is None:
        return None
    words = match.group(2)
    if not part_kinds(words) and HEADING_VERB().match(words) is None:
        return None
    return cn_value(match.group(1))


_SPECIAL = set("\\.^$*+?{}[]()|")
_OPTIONAL = set("?*{")


def _screen(pattern: str) -> str | None:
    """A pattern that matches wherever ``pattern`` does and begins with a literal character
    (see :func:`_screen_alternatives`)."""
    alternatives = _screen_alternatives(pattern)
    return None if alternatives is None else "|".join(alternatives)


def literal_leads(pattern: str) -> tuple[str, ...] | None:
    r"""Literal texts of which every match of ``pattern`` contains one: the run of literal
    characters each alternative of its screen begins with (法制 of 法制(?<!依法制)…, 五 of
    五[”"]?\s*普法). A text that holds none of them cannot match.

    A rule that tries a list of patterns on every text (typos, outdated terms) tests the leads
    first: a few substring tests pass most texts, and a pattern is compiled only when a text
    first holds one of its leads. None when the pattern has no screen: search it everywhere."""
    alternatives = _screen_alternatives(pattern)
    if alternatives is None:
        return None
    leads = []
    for alternative in alternatives:
        end = 0
        while end < len(alternative) and alternative[end] not in _SPECIAL:
            if alternative[end + 1 : end + 2] in _OPTIONAL and end + 1 < len(alternative):
                break  # the character is optional: the run ends before it
            end += 1
        leads.append(alternative[:end])
    return tuple(leads)


def _screen_alternatives(pattern: str) -> list[str] | None:
    """The alternatives of a pattern that matches wherever ``pattern`` does and begins with a
    literal character.

    Each top-level alternative is cut before its first literal character that every match of
    it contains (outside groups, classes and lookarounds, and not made optional by ?, * or
    {m,n}): what follows that character matches at that character in any match, so the cut
    alternatives together match at least where the pattern does. None when an alternative has
    no such character, or the pattern is beyond this simple reading (flags, escapes at top
    level, back references in what is kept).
    """
    if "(?" in pattern and re.search(r"\(\?[aiLmsux]", pattern):
        return None
    alternatives: list[str] = []
    depth = 0
    in_class = False
    cut: int | None = None
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            if cut is None:
                return None
            alternatives.append(pattern[cut:i])
            cut = None
        elif depth == 0 and cut is None and ch not in _SPECIAL:
            following = pattern[i + 1 : i + 2]
            if following not in _OPTIONAL or following == "":
                cut = i
        i += 1
    if cut is None or depth != 0 or in_class:
        return None
    alternatives.append(pattern[cut:])
    if any(_BACKREF.search(a) for a in alternatives):
        return None
    return alternatives


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


@dataclass(slots=True, eq=False)
class Context:
    """What every rule sees: the blocks, their texts, the report's identity and its parts."""

    blocks: list[Block]
    texts: list[str]
    """full_text of each block, as written."""
    norm: list[str]
    """Same texts with Traditional characters mapped (same lengths)."""
    identity: Identity
    unit_type: str | None
    year: int | None
    part_of: list[int] = field(default_factory=list)
    """Index of the level-1 heading each block falls under, -1 before the first one."""
    kinds: dict[int, set[str]] = field(default_factory=dict)
    """Level-1 heading index → kinds of that part (measures, problems, duty, plans, other)."""
    bare_parts: list[int] = field(default_factory=list)
    """Paragraphs that are part headings with the 、 after their number lost ("一主要举措和成效")."""
    memo: dict[str, object] = field(default_factory=dict)
    """Results two rules share (the report's figures), computed once per run."""
    _spans: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    _lead_free: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    _bare_leads: dict[tuple[int, int], list[re.Match[str]]] = field(default_factory=dict)

    def furniture(self) -> dict[int, list[str]]:
        """The blocks holding lines of page furniture (a web page copied along: its fields, its
        widgets, its breadcrumb), with those lines, found once per run."""
        memo = self.memo.get("furniture")
        if isinstance(memo, dict):
            return memo
        lines_of = [
            self.texts[index].split("\n") if block.kind in ("paragraph", "title", "heading") else []
            for index, block in enumerate(self.blocks)
        ]
        found: dict[int, list[str]] = {}
        for owner, (lines, mask) in enumerate(
            zip(lines_of, furniture_by_block(lines_of), strict=True)
        ):
            for line, dropped in zip(lines, mask, strict=True):
                # A date on its own line is the 成文日期 of some reports too (under the title).
                if dropped and line.strip() and not is_date_only(line.strip()):
                    found.setdefault(owner, []).append(line.strip())
        self.memo["furniture"] = found
        return found

    def only_furniture(self, index: int) -> bool:
        """Whether block ``index`` is page furniture through and through."""
        lines = self.furniture().get(index) or []
        return bool(lines) and len(lines) == len(
            [line for line in self.texts[index].split("\n") if line.strip()]
        )

    def cut_short(self, index: int) -> bool:
        """Whether block ``index`` is where a copied report stops (drafter import marks it with
        :data:`CUT_OFF`): what the copy lost after it (a closing ” or 》, the 二是 after 一是) is
        the placeholder's to report, not a defect of what was written."""
        return CUT_OFF in self.texts[index]

    def whole(self) -> str:
        """The report's texts joined by line breaks, joined once per run: rules that count how
        often the report writes a word (typo, run-on) read it."""
        found = self.memo.get("whole")
        if not isinstance(found, str):
            found = self.memo["whole"] = "\n".join(self.norm)
        return found

    def sentence_spans(self, index: int, start: int = 0) -> list[tuple[int, int]]:
        """:func:`sentences` of ``norm[index]`` from ``start``, split once per run: six rules
        walk the sentences of every block."""
        key = (index, start)
        spans = self._spans.get(key)
        if spans is None:
            spans = self._spans[key] = list(sentences(self.norm[index], start))
        return spans

    def lead_free(self, index: int, start: int = 0) -> list[str]:
        """Each of :meth:`sentence_spans`, stripped and without its 一是/（1） lead
        (ENUMERATOR): what the fragment and status-only rules judge."""
        key = (index, start)
        found = self._lead_free.get(key)
        if found is None:
            norm = self.norm[index]
            found = self._lead_free[key] = [
                ENUMERATOR.sub("", norm[a:b].strip(), count=1).strip()
                for a, b in self.sentence_spans(index, start)
            ]
        return found

    def bare_leads(self, index: int, start: int = 0) -> list[re.Match[str]]:
        """:func:`bare_leads` of ``norm[index]`` from ``start``, found once per run: run-on and
        numbering both ask for those of every paragraph."""
        key = (index, start)
        found = self._bare_leads.get(key)
        if found is None:
            found = self._bare_leads[key] = bare_leads(self.norm[index], start)
        return found

    @classmethod
    def build(cls, blocks: list[Block], *, unit_type: str | None, year: int | None) -> Context:
        identity = detect_identity(blocks)
        texts = [b.full_text for b in blocks]
        context = cls(
            blocks=blocks,
            texts=texts,
            norm=[to_simplified(t) for t in texts],
            identity=identity,
            unit_type=unit_type or identity.unit_type,
            year=year or identity.year,
        )
        current = -1
        parts = 0
        for index, block in enumerate(blocks):
            if block.kind == "heading" and block.level == 1:
                current = index
                context.kinds[index] = part_kinds(block.text)
                parts = cn_value(block.number.rstrip("、，,.． ")) or parts + 1
            elif (
                block.kind == "paragraph"
                and bare_part_number(block.text) == parts + 1
                and index + 1 < len(blocks)
                and blocks[index + 1].kind == "heading"
                and blocks[index + 1].level in (2, 3)
            ):
                # "一主要举措和成效": a part heading whose 、 was lost reads as a paragraph.
                current = index
                context.kinds[index] = part_kinds(block.text)
                context.bare_parts.append(index)
                parts += 1
            context.part_of.append(current)
        return context

    def kinds_of(self, index: int) -> set[str]:
        """Kinds of the part block ``index`` belongs to (empty before the first part)."""
        return self.kinds.get(self.part_of[index], set())

    def body_start(self, index: int) -> int:
        """Offset in texts[index] after the heading number, so rules do not re-check numbers."""
        block = self.blocks[index]
        return block.text_start if block.kind == "heading" else 0

    def prose(self) -> Iterator[tuple[int, str, str]]:
        """(index, text, normalised text) of blocks with running text (not tables' cells only)."""
        for index, block in enumerate(self.blocks):
            if block.kind in ("paragraph", "heading", "title", "addressee", "signature", "date"):
                yield index, self.texts[index], self.norm[index]


# ---------------------------------------------------------------------- table rows in text

# Cells: split at a tab, a bar, or a run of two or more spaces (ideographic ones too).
_CELL_BREAK = when_used(r"\t|\s*[|｜]\s*|[ \u3000]{2,}")
_CELL_MARK = re.compile(r"\t|[|｜]|[ \u3000]{2}")
_SENTENCE_MARK = when_used(r"[。；！？]")


def table_row(text: str) -> bool:
    """Is a line a row of a table flattened into text: three or more short cells parted by tabs,
    bars or runs of spaces, and no sentence mark?"""
    if _CELL_MARK.search(text) is None or _SENTENCE_MARK().search(text):
        return False
    cells = [c for c in (c.strip() for c in _CELL_BREAK().split(text.strip())) if c]
    return len(cells) >= 3 and all(len(c) <= 16 for c in cells)


# ---------------------------------------------------------------------- fast patterns
# re scans a text quickly only for a pattern that begins with a literal or a character class
# (it skips to the places that character occurs); a pattern that begins with a lookbehind is
# tried as a whole match at every position. The rules therefore write the
# character first and the lookbehind after it, widened to look back over what was matched:
# "同时(?<=[X]同时)" tests the very characters "(?<=[X])同时" tests.


def preceded(words: Iterable[str], by: str | None = None, not_by: str | None = None) -> str:
    """Words (alternatives) each required to follow a character of class ``by`` and not to
    follow one of ``not_by``: ``(?<=by)(?<!not_by)(?:w1|w2)`` written to scan fast.

    The word comes first (re scans for its first characters); the checks behind it are written
    once for each run of words of one length (a lookbehind needs a fixed width), not once for
    each word: compiling a class of Chinese characters is what such a pattern costs, and the
    order of the alternatives is kept."""
    runs: list[list[str]] = []
    for word in words:
        if runs and len(runs[-1][0]) == len(word):
            runs[-1].append(word)
        else:
            runs.append([word])
    alternatives = []
    for run in runs:
        same = "|".join(map(re.escape, run))
        group = f"(?:{same})" if len(run) > 1 else same
        after = f"(?<={by}{group})" if by else ""
        after += f"(?<!{not_by}{group})" if not_by else ""
        alternatives.append(group + after)
    return "(?:" + "|".join(alternatives) + ")"


# ---------------------------------------------------------------------- sentence helpers

_NOT_WORD = re.compile(rf"(?:{neither_han_nor('0-9A-Za-z')})+")
ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]|首先|其次|再次|最后|"
    r"[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，,、]?)\s*"
)
"""A lead that numbers a sentence (一是, 其一, （1）, 1.): not part of what the sentence says."""
FRAME = (
    r"(?:(?:19|20)\d{2}\s*年(?:度)?(?:以来|全年|内)?|全年|今年(?:以来)?|年内|一年来|本年度|"
    r"截至目前|截止目前|目前|同时|此外|另外|其中)"
)
"""Words that set the scene of a sentence (2024年，全年，同时，) and say nothing by themselves."""


def core(text: str) -> str:
    """Text without punctuation and spaces: what two wordings are compared on."""
    return _NOT_WORD.sub("", text)


def common_run(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings.

    Searched by length (a common run of n characters holds one of n - 1): a set of the shorter
    string's pieces per length tried, instead of a character-by-character table.
    """
    if len(a) > len(b):
        a, b = b, a
    low, high = 0, len(a)
    while low < high:
        size = (low + high + 1) // 2
        pieces = {a[i : i + size] for i in range(len(a) - size + 1)}
        # Both sides as sets: two comprehensions and one C-level test beat a generator.
        if not pieces.isdisjoint({b[j : j + size] for j in range(len(b) - size + 1)}):
            low = size
        else:
            high = size - 1
    return low


def body_start(block: Block) -> int:
    """Offset in a block's full text where its running text starts (after a heading's sentence)."""
    if block.kind == "heading":
        return len(block.headline)
    return 0


def text_sentences(context: Context, index: int) -> Iterator[tuple[int, int]]:
    """Sentences of a heading's or a paragraph's running text (the heading sentence excluded)."""
    block = context.blocks[index]
    if block.kind not in ("heading", "paragraph"):
        return
    yield from context.sentence_spans(index, body_start(block))


# ---------------------------------------------------------------------- 一是 / 二是 leads

# (?:^|(?<=[。；;：:！？，,\s“]))([一二三四五六七八九十]{1,3})是, with the numeral first (above).
PUNCTUATED_LEAD = re.compile(
    r"([一二三四五六七八九十](?<![^。；;：:！？，,\s“][一二三四五六七八九十])[一二三四五六七八九十]{0,2})"
    r"是(?![否非])"
)
# (?<=[Han])([一二三四五六七八九十]{1,3})是, with the numeral first.
_ANY_LEAD = re.compile(
    rf"([一二三四五六七八九十](?<={HAN}[一二三四五六七八九十])[一二三四五六七八九十]{{0,2}})"
    r"是(?![否非])"
)


def bare_leads(text: str, start: int = 0) -> list[re.Match[str]]:
    """一是/二是 written straight after a Chinese character, with the mark before it forgotten.

    Only those that continue a sequence count ("…工作格局二是完善…" after an 一是; "…组织领导一是健全…"
    followed by a 二是): "统一是基础" and "唯一是" are words, not leads.
    """
    if text.find("是", start) < 0:
        return []  # every lead ends in 是
    punctuated = [(m.start(), cn_value(m.group(1))) for m in PUNCTUATED_LEAD.finditer(text, start)]
    bare = [m for m in _ANY_LEAD.finditer(text, start) if cn_value(m.group(1)) is not None]
    leads = sorted(punctuated + [(m.start(), cn_value(m.group(1))) for m in bare])
    found = []
    for match in bare:
        value = cn_value(match.group(1))
        assert value is not None
        before = [v for pos, v in leads if pos < match.start()]
        after = [v for pos, v in leads if pos > match.start()]
        if (before and before[-1] == value - 1) or (value == 1 and after and after[0] == 2):
            found.append(match)
    return found
