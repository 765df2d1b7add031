"""Seams an import or a template leaves in a report's body, found on any report.

stray-line: a body line that is not prose: a row of a table flattened into tab- or bar-separated
cells ("序号\t项目\t数量"), a web address on its own ("http://…"), or a line of the web page the
report was copied from (its fields, widgets, breadcrumb, menu: drafter/text/furniture.py), as a
paste from a page or a spreadsheet leaves them. Other rules say nothing about such a line (the
half-width colon of "发布时间:" is not the report's punctuation). A line with running text and a web address in it ("登录……网站查询") is
prose, and a real table (a table block) is a table: neither is reported.

title-repeat: the report's title printed again in the body (after the opening or the first
heading), whole, on one line or two: a template or a paste that prints it a second time. A title
printed twice above the opening is how many pages show a report, and is not reported.

figure-only: a sentence that only restates a count in a frame — "我乡共组织法律知识考试2次。"
(subject, 共, a verb, a noun, a figure; nothing else) standing on its own after a measure. A
template that appends a figure to each measure writes them; a report's own figures stand in the
sentence that says what was done ("组织法律知识考试2次，参考率100%"). Sentences with anything more
(a clause, a comma, a second figure, a purpose) are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context, core, table_row
from drafter.checks.base import Finding, register
from drafter.checks.fragments import VERBS
from drafter.text.hanzi import HAN

STRAY = "stray-line"
TITLE = "title-repeat"
FIGURE_ONLY = "figure-only"

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


@register(STRAY, "混入正文的表格行、网址或网页内容")
def check_stray_lines(context: Context) -> Iterator[Finding]:
    furniture = context.furniture()
    for index, block in enumerate(context.blocks):
        text = context.texts[index]
        if index in furniture and not _URL_LINE.match(text):
            for line in furniture[index]:
                yield Finding(
                    STRAY,
                    "warning",
                    "这一行是网页上的内容（信息栏、导航、按钮或网页重复的标题），不是报告的文字：请删去。",
                    line,
                    index,
                )
            continue
        if block.kind != "paragraph":
            continue
        if _URL_LINE.match(text):
            yield Finding(
                STRAY,
                "warning",
                "正文里有一行网址，像是从网页复制时带进来的：请删去。",
                text.strip(),
                index,
            )
        elif table_row(text):
            yield Finding(
                STRAY,
                "warning",
                "正文里有一行表格内容（几个用制表符、竖线或空格隔开的格子），像是表格被拆成了文字："
                "请改写成句子，或恢复为表格。",
                text.strip(),
                index,
            )


@register(TITLE, "正文重复了标题")
def check_title_repeat(context: Context) -> Iterator[Finding]:
    titles = [i for i, b in enumerate(context.blocks) if b.kind == "title"]
    if not titles:
        return
    title = core(context.norm[titles[0]])
    if len(title) < 8:
        return
    blocks = context.blocks
    # The body begins with the opening (a paragraph with a sentence in it) or the first heading:
    # a title printed twice above it is how a page shows a report, not a seam in the body.
    body = next(
        (
            i
            for i in range(titles[0] + 1, len(blocks))
            if blocks[i].kind == "heading"
            or (blocks[i].kind == "paragraph" and "。" in context.norm[i])
        ),
        len(blocks),
    )
    for index in range(body + 1, len(blocks)):
        if blocks[index].kind not in ("paragraph", "heading"):
            continue
        if len(context.norm[index]) > 2 * len(title) + 8:
            continue  # longer than the title with room for marks and spaces (most paragraphs)
        said = core(context.norm[index])
        if not said or not title.startswith(said):
            continue  # most blocks: not even the title's beginning
        two = said
        if said != title and index + 1 < len(blocks) and blocks[index + 1].kind == "paragraph":
            two = said + core(context.norm[index + 1])
        if title in (said, two):
            yield Finding(
                TITLE,
                "warning",
                "正文里又出现了一遍报告标题：请删去重复的标题。",
                context.texts[index].strip(),
                index,
            )


_UNIT = r"(?:场次|人次|批次|件|起|次|场|名|人|个|份|项|期|户|条|家|处|所|篇|期)"
_FIGURE_ONLY = re.compile(
    rf"^(?:我|全|本)(?:乡|镇|街道|苏木)(?:全年|今年|年内)?(?:共|累计|共计)"
    rf"(?P<words>{HAN}{{2,16}}?)\d+(?:\.\d+)?(?:余|多)?{_UNIT}[。！]?$"
)


def _after_a_measure(context: Context, index: int) -> bool:
    """Does paragraph ``index`` follow an account of a measure (a paragraph, or a heading with
    its text run in)?"""
    block = context.blocks[index]
    if block.kind != "paragraph" or index == 0:
        return False
    previous = context.blocks[index - 1]
    return previous.kind == "paragraph" or (
        previous.kind == "heading" and bool(previous.body.strip())
    )


@register(FIGURE_ONLY, "机械的数字句")
def check_figure_only(context: Context) -> Iterator[Finding]:
    for index, block in enumerate(context.blocks):
        if block.kind not in ("paragraph", "heading"):
            continue
        start = len(block.headline) if block.kind == "heading" else 0
        norm = context.norm[index]
        if "共" not in norm:
            continue  # every such sentence holds 共 (most blocks do not)
        spans = context.sentence_spans(index, start)
        for number, (s_start, s_end) in enumerate(spans):
            sentence = norm[s_start:s_end].strip()
            match = _FIGURE_ONLY.match(sentence)
            if match is None or not VERBS.match(match.group("words")):
                continue
            if number != len(spans) - 1:
                continue  # inside an account, a figure sentence is part of it
            if number == 0 and not _after_a_measure(context, index):
                continue  # the only thing said under a heading: thin, but no seam
            yield Finding(
                FIGURE_ONLY,
                "warning",
                "这句话只是在套话里报了一个数字，像是模板拼接的：请把数字写进上文的具体做法里，"
                "如“组织法律知识考试2次，参考率100%”。",
                context.texts[index][s_start:s_end].strip(),
                index,
            )
