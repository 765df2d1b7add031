"""unended: a paragraph of running text that stops without the mark that ends a sentence.

"……组织干部深入学习宪法、民法典等法律法规，切实提高依法行政能力" and then the next paragraph: the last
sentence lost its 。 when it was typed, pasted or edited, or the paragraph was cut off there, or
one sentence was broken into two paragraphs. A reviewer marks each of them; which one it is, only
the writer knows, so the finding names all three.

Only running text is judged: a paragraph (or a run-in heading's body) long enough to be a sentence
with a clause mark inside it. A heading on its own line, a title, an addressee, a signature, a
date, a table and a line of page furniture end without 。 by nature; so does a paragraph that ends
on a placeholder (【待补充】) or a closing quote or bracket, which the other rules judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.reader import heading_match
from drafter.text.furniture import is_furniture

RULE = "unended"

SENTENCE_MIN = 20
"""Characters a paragraph must hold to be judged: shorter lines are headings and labels."""

_ENDS = frozenset("。！？；：…”’）)》」』】!?;:.")
"""Marks a paragraph may end on: a sentence's end, a lead-in's colon, or a closing quote or
bracket (what stands inside it is another rule's business)."""
_CLAUSE_MARKS = frozenset("，,；;、。")
"""A paragraph without any of these is a phrase (a heading, a label, a name), not running text."""

_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条章节款]")


def _running_text(context: Context, index: int) -> str | None:
    """The running text of a block that should end a sentence, else None."""
    block = context.blocks[index]
    if block.kind == "heading":
        text = block.body  # a run-in heading's body; a heading alone on its line is no sentence
    elif block.kind == "paragraph":
        text = context.texts[index]
        numbered = heading_match(text.strip())
        # A numbered line with no full stop inside is a heading on its own line, read as a
        # paragraph ("（一）坚持党的领导，推进法治建设").
        if numbered is not None and "。" not in numbered[2]:
            return None
    else:
        return None
    text = text.strip(" \t\u3000\u00a0")
    if len(text) < SENTENCE_MIN or not _CLAUSE_MARKS.intersection(text):
        return None
    if text.startswith(("——", "—", "-")) or _ARTICLE.match(text) or is_furniture(text):
        # A subtitle line, an article's heading (第三条 …), or the page's furniture (stray-line
        # and import judge it).
        return None
    return text


@register(RULE, "段末缺少标点")
def check(context: Context) -> Iterator[Finding]:
    # The last block is left out: a report that stops in mid-sentence there was cut off whole
    # (its date and signature are gone too, which missing-date says), and a copy of a report's
    # beginning (a page's excerpt) always stops so.
    last = max((i for i, t in enumerate(context.texts) if t.strip()), default=-1)
    for index in range(last):
        text = _running_text(context, index)
        if text is None or text[-1] in _ENDS:
            continue
        yield Finding(
            RULE,
            "warning",
            "这段话末尾没有句号：句子可能没写完、漏了句号，或一句话被断成了两段。"
            "请补全句子，或在末尾加上“。”，或与下一段合并。",
            text[-12:],
            index,
        )
