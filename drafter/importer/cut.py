"""A report copied short: where the copy breaks off, and the placeholder that shows it.

Pages often hold only a report's beginning, and a clerk's copy may stop mid-sentence. The draft
must show where the missing words belong (:data:`~drafter.render.phrasing.CUT_OFF`) without
closing a half sentence with 。 as if it were whole, and without losing the heading the copy
stopped in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafter.blocks import Block
from drafter.importer.segment import Segmented
from drafter.render.phrasing import CUT_OFF

_COMPLETE_END = "。！？!?；;：:…"
_CLOSERS = "”’）)」』】》"


def ends_complete(text: str) -> bool:
    """Whether a text ends where a sentence (or a clause of a series) ends."""
    return text.strip().rstrip(_CLOSERS)[-1:] in _COMPLETE_END


def _promises_more(text: str) -> bool:
    """Whether a text whose last sentence is whole still promises words the copy lacks: a run-in
    series begun and never continued ("一是……。" with no 二是, "其一" with no 其二), or a last
    sentence that announces what follows ("主要表现在：")."""
    if text.rstrip().rstrip(_CLOSERS)[-1:] in "：:":
        return True
    return any(first in text and second not in text for first, second in _SERIES_STARTS)


_SERIES_STARTS = (("一是", "二是"), ("其一", "其二"))


def is_cut_short(blocks: Sequence[Block], segmented: Segmented) -> bool:
    """A report that stops before its end: no closing words, no signature, no date."""
    if segmented.closing:
        return False
    return not any(b.kind in ("signature", "date") for b in blocks)


def mark_cut_end(segmented: Segmented) -> str:
    """Show where a report copied short breaks off (see :func:`is_cut_short`): the placeholder
    :data:`CUT_OFF` goes right where the missing words belong, and everything the copy holds
    stays in its place, in its order, with its number. Returns the words the copy breaks off
    after ("" when the end is whole), for the import to tell the user.

    - The half sentence the copy stops in ("……，组建") is kept as written, visibly open (never
      closed with 。), the placeholder right after it.
    - A heading at the very end whose body is missing ("（二）法治建设不足的原因", or a heading
      cut in its own words, "（三）推进执法规范化，组建") stays an item of its own, the
      placeholder its body, unless its part's items are all headings without bodies, two at
      least (a list of one-line items: the last is whole).
    - A last part the copy stops at the title of ("二、2025年") keeps its title, the placeholder
      its only content.
    """
    if len(segmented.parts) > 1 and not segmented.parts[-1].blocks:
        stopped = segmented.parts[-1]
        stopped.blocks.append(Block("paragraph", CUT_OFF))
        stopped.indices.append(stopped.title_index)
        return stopped.number + stopped.title
    if segmented.parts:
        part = segmented.parts[-1]
        blocks = part.blocks
    else:
        blocks = [b for _, b in segmented.opening]
    if not blocks or blocks[-1].kind not in ("paragraph", "heading"):
        return ""
    last = blocks[-1]
    text = last.body if last.kind == "heading" else last.text
    if text.strip():
        if ends_complete(text) and not _promises_more(text):
            return ""
        opened = text.rstrip() + CUT_OFF
        blocks[-1] = (
            replace(last, body=opened) if last.kind == "heading" else replace(last, text=opened)
        )
    else:
        has_bodies = any(
            (b.kind == "heading" and b.body.strip()) or b.kind in ("paragraph", "table")
            for b in blocks
        )
        # "（三）推进执法规范化，组建": a heading that stops mid-clause is cut whatever its part;
        # so is a part's only heading ("二、…… / （一）多维"): one line is no list of one-liners.
        unfinished = "，" in last.text and not ends_complete(last.text)
        one_liners = sum(b.kind == "heading" for b in blocks) >= 2
        if not (has_bodies or unfinished or not one_liners):
            return ""
        blocks[-1] = replace(last, body=CUT_OFF)
        text = last.number + last.text
    if not segmented.parts:
        segmented.opening[-1] = (segmented.opening[-1][0], blocks[-1])
    return text.strip()
