"""empty-part and placeholder: parts with nothing in them, and text still waiting to be written.

A draft shows a required part the user has not answered as 【待补充：……】 (never boilerplate), so the
checks report every such placeholder as an error. A part heading with nothing under it, or only a
placeholder, is reported on its heading, once (not again for its placeholder); so is an item heading such as "（三）问题整改情况" with
nothing under it before the next heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from drafter.blocks import Block
from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN

EMPTY = "empty-part"
PLACEHOLDER = "placeholder"
CAUSE = "missing-cause"

_PLACEHOLDER = re.compile(
    r"【\s*待(?:补充|填写|完善)[^】\n]*】?|[（(［\[]\s*待(?:补充|填写|完善)[^）)］\]\n]*[）)］\]]"
)
# Template leftovers of a real report: "全年投入经费XX万元", "2025年X月X日", "××村".
_LEFTOVER = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ×＊*]{2,}|[XxＸｘ×](?=[年月日号万元件次名人个项份场条户村乡镇]))(?![A-Za-z])"
)
_HAN_CHAR = re.compile(HAN)
_LEFTOVER_MARK = re.compile(r"[XxＸｘ×＊*]")
"""What every leftover has: a block without it (most) is passed after one fast search."""


def _substance(text: str) -> bool:
    """Whether a text has real content: a Han character outside placeholders."""
    if "待" in text:  # every placeholder has it: only then is there one to take out
        text = _PLACEHOLDER.sub("", text)
    return _HAN_CHAR.search(text) is not None


def _parts(blocks: Sequence[Block]) -> Iterator[tuple[int, range, str]]:
    """Each part: its heading's index, the blocks under it (up to the signature) and its text."""
    heads = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1]
    for n, index in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(blocks)
        stop = next(
            (j for j in range(index + 1, end) if blocks[j].kind in ("signature", "date")), end
        )
        content = "".join(blocks[j].full_text for j in range(index + 1, stop))
        yield index, range(index + 1, stop), content + blocks[index].body


@register(PLACEHOLDER, "待补充的内容")
def check_placeholders(context: Context) -> Iterator[Finding]:
    # A part that holds only its placeholder is reported once, on its heading (empty-part).
    in_empty_parts = {
        j for _, under, content in _parts(context.blocks) if not _substance(content) for j in under
    }
    for index, text in enumerate(context.texts):
        norm = context.norm[index]
        if index in in_empty_parts:
            continue
        for match in _PLACEHOLDER.finditer(norm) if "待" in norm else ():
            yield Finding(
                PLACEHOLDER,
                "error",
                "这里还是待补充的占位内容，报告不能这样报送：请在答卷里补上这一项后重新生成，"
                "或直接写明实际情况。",
                text[match.start() : match.end()],
                index,
            )
        leftovers = _LEFTOVER.finditer(norm) if _LEFTOVER_MARK.search(norm) else ()
        for match in leftovers:
            yield Finding(
                PLACEHOLDER,
                "warning",
                f"“{match.group(0)}”像是没有填写的占位符：请换成实际的数字或名称。",
                text[max(match.start() - 2, 0) : match.end() + 2],
                index,
            )


@register(EMPTY, "部分没有内容")
def check_empty(context: Context) -> Iterator[Finding]:
    blocks = context.blocks
    for index, _, content in _parts(blocks):
        if not _substance(content):
            block = blocks[index]
            what = "只有待补充的占位内容" if _PLACEHOLDER.search(content) else "下面没有任何内容"
            yield Finding(
                EMPTY,
                "error",
                f"“{block.number}{block.text}”{what}：请写明这一部分的实际情况。",
                block.headline,
                index,
            )
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.level < 2 or block.body.strip():
            continue
        if block.text.rstrip().endswith(("。", "！", "？", "；")):
            continue  # a heading written as a whole sentence says something itself
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is not None and (
            following.kind in ("paragraph", "table")
            or (following.kind == "heading" and following.level > block.level)
        ):
            continue
        yield Finding(
            EMPTY,
            "warning",
            f"小标题“{block.number}{block.text}”下面没有内容：请补上正文，或删去这个小标题。",
            block.headline,
            index,
        )


# Words that give a reason: 究其原因, 主要原因是, 由于…, 受…影响, 一方面…客观上….
_CAUSE_WORDS = re.compile(
    r"原因|由于|因为|导致|造成|致使|源于|缘于|归因|根源|症结|客观上|主观上|受[^，。；]{1,12}(?:影响|制约|限制)"
)


_LOST_WORD = re.compile(r"(?:和|及|与|以及)[。：:\s]*$")


@register(CAUSE, "没有分析原因")
def check_causes(context: Context) -> Iterator[Finding]:
    """A problems part without the causes the regulation asks for (不足和原因): its heading
    breaks off at 和 (the 原因 after it lost), or it promises 原因 and the text gives none."""
    blocks = context.blocks
    parts = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1]
    for n, index in enumerate(parts):
        block = blocks[index]
        if "problems" not in context.kinds.get(index, set()):
            continue
        heading = context.norm[index][: len(block.headline)]
        if _LOST_WORD.search(heading):
            # "二、存在的不足和": the heading lost the word after its 和 (a template's 原因).
            yield Finding(
                CAUSE,
                "warning",
                "标题在“和”“及”上断了，像是丢了后面的“原因”：应为“存在的不足和原因”，"
                "正文也要写明原因。",
                block.headline,
                index,
            )
            continue
        if "原因" not in heading:
            continue  # "存在的问题" with no cause is common in real reports: not reported
        end = parts[n + 1] if n + 1 < len(parts) else len(blocks)
        text = block.body + "".join(
            context.norm[j]
            for j in range(index + 1, end)
            if blocks[j].kind in ("heading", "paragraph")
        )
        if _substance(text) and not _CAUSE_WORDS.search(text):
            yield Finding(
                CAUSE,
                "warning",
                "这一部分的标题写了“原因”，正文却只列了不足、没有分析原因：请写明原因，"
                "如“究其原因，一是……”。",
                block.headline,
                index,
            )
