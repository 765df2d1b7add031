"""What a draft must keep of its source's structure, read without the importer.

The headings a source has, in order: for the fresh corpus those a county reviewer wrote down
(``tests/fixtures/corpus/annotations.yaml``), for the clean texts (seeds, ``tests/fixtures/real``)
the numbered lines read here with patterns of their own (一、 （一） 1. （1）). A draft keeps a
heading when its words (punctuation, spacing and character set aside) stand in the draft, and keeps
the order when each heading stands after the one before it. Used by ``tests/test_structure.py``
and ``benchmarks/import_reading.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.blocks import Block
from drafter.text.traditional import simplify

_LEVELS = re.compile(
    r"^\s*(?:(?P<l1>[一二三四五六七八九十]{1,3}\s*[、，,.．])"
    r"|(?P<l2>[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])"
    r"|(?P<l3>\d{1,2}\s*[.．、](?!\d))"
    r"|(?P<l4>[（(]\s*\d{1,2}\s*[）)]))\s*"
)
_HEADING_END = re.compile(r"[。：:；;！？!?]")
_NOT_WORDS = re.compile(r"[\W_]")


def plain(text: str) -> str:
    """Only the words: Simplified, no punctuation, no spaces."""
    return _NOT_WORDS.sub("", simplify(text))


@dataclass(frozen=True)
class Heading:
    level: str
    """"1" (一、), "2" (（一）), "3" (1.), "4" (（1）), "run" (一是 leading an item)."""
    text: str
    numbered: bool = True
    """Written with a number of its own (not a short lead sentence standing as a heading)."""
    run_in: bool | None = None
    """Run into its text on the same line (False: on a line of its own; None: not known)."""


def numbered_headings(text: str) -> list[Heading]:
    """The numbered headings of a clean report text, from its first part on (not the title,
    not the opening), each up to the mark that ends a run-in heading."""
    out: list[Heading] = []
    started = False
    for line in text.splitlines():
        match = _LEVELS.match(line)
        if match is None:
            continue
        level = next(name[1:] for name, value in match.groupdict().items() if value)
        started = started or level == "1"
        if not started:
            continue
        words, *rest = _HEADING_END.split(line[match.end() :], maxsplit=1)
        if len(plain(words)) >= 2:
            out.append(Heading(level, words.strip(), run_in=bool(rest and plain(rest[0]))))
    return out


def annotated_headings(entry: dict[str, Any]) -> list[Heading]:
    """The headings a reviewer listed for a corpus text, without those the excerpt cuts off."""
    return [
        Heading(str(h["level"]), str(h["text"]), bool(h.get("number")), h.get("run_in"))
        for h in entry.get("headings") or []
        if not h.get("truncated") and len(plain(str(h["text"]))) >= 2
    ]


@dataclass
class Kept:
    """How a draft keeps its source's headings."""

    total: int = 0
    found: int = 0
    in_order: int = 0
    missing: list[str] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)

    @property
    def reordered(self) -> bool:
        return bool(self.out_of_order)


def kept_headings(headings: Sequence[Heading], draft: Sequence[str]) -> Kept:
    """Each heading's words in the draft (its paragraphs, in order), each after the one before."""
    words = plain("".join(draft))
    kept = Kept(total=len(headings))
    cursor = 0
    for heading in headings:
        wanted = plain(heading.text)
        at = words.find(wanted, cursor)
        if at >= 0:
            kept.found += 1
            kept.in_order += 1
            cursor = at + len(wanted)
        elif wanted in words:
            kept.found += 1
            kept.out_of_order.append(heading.text)
        else:
            kept.missing.append(heading.text)
    return kept


def still_headings(headings: Sequence[Heading], draft: Sequence[Block]) -> list[str]:
    """The numbered item headings (（一）, 1., （1）) that are no heading in the draft: neither a
    heading block nor the opening words of a paragraph (a lone item loses its number and runs
    into its text, as the numbering rules ask)."""
    starts = [plain(b.text if b.kind == "heading" else b.full_text) for b in draft]
    lost = []
    for heading in headings:
        if heading.level not in ("2", "3", "4") or not heading.numbered:
            continue
        wanted = plain(heading.text)
        if not any(start.startswith(wanted) for start in starts):
            lost.append(heading.text)
    return lost


def form_changed(headings: Sequence[Heading], draft: Sequence[Block]) -> tuple[int, list[str]]:
    """How many numbered item headings (（一）, 1., （1）) of known form the draft holds, and those
    whose form it changed: one that stood on a line of its own now run into its text, or one run
    into its text now alone on a line (a heading whose form the source does not say, or which
    the draft lost, is not counted)."""
    # (the heading's words, whether text follows them in the same paragraph)
    shapes = []
    for b in draft:
        if b.kind == "heading":
            shapes.append((plain(b.text), bool(plain(b.body))))
        else:
            shapes.append((plain(b.full_text), True))
    held, changed = 0, []
    for heading in headings:
        if heading.level not in ("2", "3", "4") or not heading.numbered or heading.run_in is None:
            continue
        wanted = plain(heading.text)
        shape = next(((words, more) for words, more in shapes if words.startswith(wanted)), None)
        if shape is None:
            continue
        held += 1
        if (shape[1] or shape[0] != wanted) != heading.run_in:
            changed.append(f"{heading.text}（{'原为连排' if heading.run_in else '原为单独一行'}）")
    return held, changed


def open_brackets(text: str) -> int:
    """Brackets a text leaves open or closes without opening (either width)."""
    depth = unmatched = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth:
                depth -= 1
            else:
                unmatched += 1
    return depth + unmatched
