"""status-only: a sentence that only says a state ("已落实。", "已整改到位。", "部分整改。", "尚未完成。").

Follow-ups of last year's plans and 整改 items printed like a form: "一是进一步提高法治意识。已落实。"
A reviewer wants to read what was done and with what result, not a tick in a box; for a part
done, what is left; for nothing done, why not and what comes next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import when_used

RULE = "status-only"

_STATUS_WORDS = (
    r"^(?:目前|现|均|全部|已经|已|正在|基本|全面|持续|按期|如期|按时|部分|尚未|仍未|还未|未|没有)*"
    r"(?:已|已经|正在|全部|基本|全面|持续)?"
    r"(?:落实|完成|整改|办结|解决|推进|实施|落地|销号|达标|完结|整改完成|完成整改|整改落实|落实整改)"
    r"(?:到位|完毕|完成|中|了|落实|销号)?$"
)
# Past the test for another character (most sentences fail it), compiled when first used.
_STATUS = when_used(_STATUS_WORDS)


_MARKS = when_used(r"[。！？；;!?，,\s]")
# _STATUS is made of literal words only: a sentence with any other character than theirs and
# the marks cannot match it. Most sentences show one at once, and skip taking the marks out.
_STATUS_CHARS = "".join(sorted({ch for ch in _STATUS_WORDS if "\u4e00" <= ch <= "\u9fff"}))
_OTHER_CHAR = re.compile(rf"[^{_STATUS_CHARS}。！？；;!?，,\s]")
_DONE = when_used(r"已|正在|完成|到位|完毕|中$|办结|销号|部分|未|没有")
_NOT_DONE = when_used(r"未|没有")
_PART_DONE = when_used(r"部分")


def status_message(words: str) -> str:
    """What a bare state leaves out: what was done, or what is left, or why not."""
    if _NOT_DONE().search(words):
        return (
            f"“{words}”只说了没有完成：请写明为什么还没有完成、下一步怎么办，"
            "如“因……，计划于……前完成”。"
        )
    if _PART_DONE().search(words):
        return f"“{words}”只说了完成一部分：请写明做了哪些、还差哪些、下一步怎么办。"
    return (
        f"“{words}”只说了状态，没有说做了什么：请写明采取的措施和取得的效果，"
        "如“去年提出的……，已通过……落实”。"
    )


@register(RULE, "只有状态的句子")
def check(context: Context) -> Iterator[Finding]:
    for index, block in enumerate(context.blocks):
        if block.kind not in ("heading", "paragraph"):
            continue
        start = len(block.headline) if block.kind == "heading" else 0
        spans = context.sentence_spans(index, start)
        for (s_start, s_end), sentence in zip(spans, context.lead_free(index, start), strict=True):
            if _OTHER_CHAR.search(sentence) is not None:
                continue
            # The marks and spaces go: stripped or not, the same words.
            words = _MARKS().sub("", sentence)
            if not words or not _STATUS().match(words):
                continue
            # Status words that carry their own content are fine ("已整改" needs what was done).
            if not _DONE().search(words):
                continue
            yield Finding(
                RULE,
                "warning",
                status_message(words),
                context.texts[index][s_start:s_end].strip(),
                index,
            )
