"""Anchor Word comments on exact text: find a finding's excerpt in the paragraphs a block came
from, split runs where it starts or ends inside one, and place the comment range around it.

Works on the XML of any .docx (Word, WPS, LibreOffice): text inside tracked insertions,
hyperlinks, fields and content controls counts, deleted text (``w:del``) does not, exactly as the
reader sees the paragraph. Splitting a run copies its properties (``w:rPr``) and attributes to
both halves, so formatting is unchanged; nothing but the comment markers is added.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from drafter.reader import Source, paragraph_pieces
from drafter.reader.items import SPACES
from drafter.reader.parts import w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# What the reader strips or reflows (line ends, spaces between a heading number and its text,
# table cell separators): ignored when an excerpt is not found character for character.
_LOOSE = set(SPACES + "\n\r")


@dataclass(frozen=True)
class Pos:
    """One character of the document: the element holding it and its offset there."""

    element: Any
    """A ``w:t`` (offset into its text) or a one-character ``w:tab``/``w:br``/… (offset 0)."""
    offset: int


@dataclass(frozen=True)
class Anchor:
    """Where a comment goes: the first and last character (inclusive) of its text."""

    start: Pos
    end: Pos
    exact: bool
    """False when the excerpt was not found and the comment covers the whole block instead."""


def block_chars(sources: Sequence[Source]) -> list[tuple[str, Pos | None]]:
    """The block's text as the reader built it, each character with its place (None for text
    that is not in any run: Word's automatic list numbers and the breaks between sources)."""
    chars: list[tuple[str, Pos | None]] = []
    for n, source in enumerate(sources):
        if source.paragraph is None:
            continue
        if n:
            chars.append(("\n", None))
        chars.extend((ch, None) for ch in source.prefix)
        line: list[tuple[str, Pos | None]] = []
        index = 0
        for text, element in paragraph_pieces(source.paragraph):
            for offset, ch in enumerate(text):
                if ch == "\n":
                    if source.line < 0:
                        line.append((" ", Pos(element, offset)))
                        continue
                    index += 1
                    continue
                if source.line < 0 or index == source.line:
                    line.append((ch, Pos(element, offset)))
        chars.extend(line)
    return chars


def locate(sources: Sequence[Source], excerpt: str) -> Anchor | None:
    """The first place the excerpt stands in the block; the whole block when it is not found
    (or is empty); None when the block has no text in the document at all."""
    return locate_all(sources, [excerpt])


def locate_all(sources: Sequence[Source], excerpts: Iterable[str]) -> Anchor | None:
    """From the first to the last character of several excerpts of one block (one comment for
    all the findings of a paragraph); the whole block when none is found (or all are empty);
    None when the block has no text in the document at all. Exact when every excerpt is found
    character for character."""
    chars = block_chars(sources)
    real = [pos for _, pos in chars if pos is not None]
    if not real:
        return None
    whole = Anchor(real[0], real[-1], exact=False)
    spans = []
    exact = True
    for excerpt in excerpts:
        if not excerpt:
            continue
        span = _find(chars, excerpt) or _find(chars, excerpt, loose=True)
        if span is None or not any(pos is not None for _, pos in chars[span[0] : span[1]]):
            # Not found, or only the automatic number (numPr) is quoted: not text to cover.
            exact = False
            continue
        exact = exact and all(pos is not None for _, pos in chars[span[0] : span[1]])
        spans.append(span)
    if not spans:
        return whole
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    inside = [pos for _, pos in chars[start:end] if pos is not None]
    return Anchor(inside[0], inside[-1], exact=exact)


def _find(
    chars: list[tuple[str, Pos | None]], excerpt: str, *, loose: bool = False
) -> tuple[int, int] | None:
    """Span (start, end) in ``chars`` of the excerpt; with ``loose`` spaces and breaks on
    either side do not count."""
    if not loose:
        text = "".join(ch for ch, _ in chars)
        at = text.find(excerpt)
        return (at, at + len(excerpt)) if at >= 0 else None
    kept = [i for i, (ch, _) in enumerate(chars) if ch not in _LOOSE]
    text = "".join(chars[i][0] for i in kept)
    needle = "".join(ch for ch in excerpt if ch not in _LOOSE)
    if not needle:
        return None
    at = text.find(needle)
    if at < 0:
        return None
    return kept[at], kept[at + len(needle) - 1] + 1


# --------------------------------------------------------------------------- splitting runs


def _run_of(element: Any) -> Any:
    run = element.getparent()
    if run is None or run.tag != w("r"):
        raise ValueError("text element outside a run")
    return run


def _content(run: Any) -> list[Any]:
    return [child for child in run if child.tag != w("rPr")]


def _new_run(run: Any) -> Any:
    """An empty run with the same attributes and properties (formatting) as ``run``."""
    twin = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(w("rPr"))
    if rpr is not None:
        twin.append(copy.deepcopy(rpr))
    return twin


def _set_text(t: Any, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")  # a piece may now start or end with a space


def _new_text(run: Any, text: str) -> Any:
    t = run.makeelement(w("t"), {})
    _set_text(t, text)
    return t


def split_before(pos: Pos) -> Any:
    """Make ``pos`` the first character of its run; return that run (the original element)."""
    run = _run_of(pos.element)
    content = _content(run)
    at = content.index(pos.element)
    if at == 0 and pos.offset == 0:
        return run
    head = _new_run(run)
    for child in content[:at]:
        head.append(child)
    if pos.offset:
        text = pos.element.text or ""
        head.append(_new_text(run, text[: pos.offset]))
        _set_text(pos.element, text[pos.offset :])
    run.addprevious(head)
    return run


def split_after(pos: Pos) -> Any:
    """Make ``pos`` the last character of its run; return that run (the original element)."""
    run = _run_of(pos.element)
    content = _content(run)
    at = content.index(pos.element)
    text = (pos.element.text or "") if pos.element.tag == w("t") else ""
    rest = text[pos.offset + 1 :]
    if at == len(content) - 1 and not rest:
        return run
    tail = _new_run(run)
    if rest:
        tail.append(_new_text(run, rest))
        _set_text(pos.element, text[: pos.offset + 1])
    for child in content[at + 1 :]:
        tail.append(child)
    run.addnext(tail)
    return run


# --------------------------------------------------------------------------- comment markers


def mark_comment(anchor: Anchor, comment_id: int) -> bool:
    """Put ``w:commentRangeStart``/``End`` around the anchored text and the reference after it.

    The end is split first: when start and end share a ``w:t``, the start's offset stays valid.
    Returns False when the text is not in ordinary runs (no Word, WPS or LibreOffice file does
    that) and the comment went on the whole paragraph instead.
    """
    try:
        last = split_after(anchor.end)
        first = split_before(anchor.start)
    except ValueError:
        paragraph = anchor.start.element
        while paragraph is not None and paragraph.tag != w("p"):
            paragraph = paragraph.getparent()
        if paragraph is None:
            raise
        mark_paragraph(paragraph, comment_id)
        return False
    ident = {w("id"): str(comment_id)}
    first.addprevious(first.makeelement(w("commentRangeStart"), ident))
    end = last.makeelement(w("commentRangeEnd"), ident)
    last.addnext(end)
    reference = last.makeelement(w("r"), {})
    rpr = reference.makeelement(w("rPr"), {})
    rpr.append(rpr.makeelement(w("rStyle"), {w("val"): "CommentReference"}))
    reference.append(rpr)
    reference.append(reference.makeelement(w("commentReference"), ident))
    _after_container(end).addnext(reference)
    return True


def _after_container(element: Any) -> Any:
    """Where the reference run goes: after ``element`` at paragraph level (not inside a tracked
    insertion, hyperlink or content control) and after any field whose result holds it, so
    neither rejecting a change nor updating a field removes the comment's reference."""
    node = element
    while node.getparent() is not None and node.getparent().tag != w("p"):
        node = node.getparent()
    paragraph = node.getparent()
    if paragraph is None:
        return element
    depth = 0
    passed = False
    for child in paragraph:
        for char in child.iter(w("fldChar")):
            kind = char.get(w("fldCharType"))
            if kind == "begin":
                depth += 1
            elif kind == "end" and depth:
                depth -= 1
        if child is node:
            passed = True
        if passed and depth == 0:
            return child
    return node


def mark_paragraph(paragraph: Any, comment_id: int) -> None:
    """Fallback: the comment covers a whole paragraph, markers as its first and last children."""
    ident = {w("id"): str(comment_id)}
    start = paragraph.makeelement(w("commentRangeStart"), ident)
    ppr = paragraph.find(w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(paragraph.makeelement(w("commentRangeEnd"), ident))
    reference = paragraph.makeelement(w("r"), {})
    reference.append(reference.makeelement(w("commentReference"), ident))
    paragraph.append(reference)


# --------------------------------------------------------------------------- the comments part

# Characters XML 1.0 cannot hold (control characters but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF): lxml refuses them ("All strings must be XML compatible").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text as an XML document can hold it: characters XML 1.0 forbids left out."""
    return _NOT_XML.sub("", text)


@dataclass
class CommentSheet:
    """Adds comments to a document's comments part, each with the next free id.

    python-docx's ``add_comment`` finds the next id by reading every comment's id again, so a
    report with thousands of comments took time growing with the square of their number; here
    the ids in use are read once.
    """

    document: Any
    author: str
    _part: Any = field(init=False)
    _next: int = field(init=False)
    _date: str = field(init=False)

    def __post_init__(self) -> None:
        _ = self.document.comments  # makes the comments part when the document has none
        self._part = next(
            rel.target_part.element
            for rel in self.document.part.rels.values()
            if rel.reltype == RT.COMMENTS
        )
        used = [int(c.get(w("id"))) for c in self._part.iterchildren(w("comment"))]
        self._next = max(used, default=-1) + 1
        self._date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, text: str) -> int:
        """A comment of ``text`` (one paragraph per line); its id."""
        ident = self._next
        self._next += 1
        part = self._part
        comment = part.makeelement(
            w("comment"),
            {
                w("id"): str(ident),
                w("author"): xml_text(self.author),
                w("initials"): "",
                w("date"): self._date,
            },
        )
        for n, line in enumerate(text.split("\n")):
            paragraph = comment.makeelement(w("p"), {})
            ppr = paragraph.makeelement(w("pPr"), {})
            ppr.append(ppr.makeelement(w("pStyle"), {w("val"): "CommentText"}))
            paragraph.append(ppr)
            if n == 0:
                mark = paragraph.makeelement(w("r"), {})
                rpr = mark.makeelement(w("rPr"), {})
                rpr.append(rpr.makeelement(w("rStyle"), {w("val"): "CommentReference"}))
                mark.append(rpr)
                mark.append(mark.makeelement(w("annotationRef"), {}))
                paragraph.append(mark)
            run = paragraph.makeelement(w("r"), {})
            run.append(_new_text(run, xml_text(line)))
            paragraph.append(run)
            comment.append(paragraph)
        part.append(comment)
        return ident
