"""year-mismatch: the report's year against the title, opening, part headings, plans and date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import when_used

RULE = "year-mismatch"

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")
_PLAN_YEAR = re.compile(
    r"(?<![\d.])(20\d{2})\s*年度?[，,]?(?:我们|我[乡镇]|全[乡镇]|我街道|全街道|我苏木)?(?:将|要|计划|拟)"
)
_FIGURE = when_used(
    r"\d+(?:\.\d+)?\s*(?:余|多)?(?:次|件|场|场次|份|名|人次|人|个|起|项|期|户|%|％)"
)
# A year's own working document cited by title: 《俄久乡2024年法治政府建设工作方案》. In a 2025
# report's account of 2025 it is last year's plan, carried over without its year changed. Ranges
# (《纲要（2021—2025年）》) are not a single year.
_YEARLY_DOCUMENT = re.compile(
    r"《[^》]{0,30}?(?<![\d—–\-－~～至到])((?:19|20)\d{2})\s*年度?[^》]{0,30}?"
    r"(?:方案|计划|要点|安排|清单|实施意见)》"
)
_COMPARISON = when_used(r"比|较|同比|相比|增长|下降|增加|减少|上年|去年|上一年|以来|截至|截止|至今")


_LEADING_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:度|全年)?[，,]")


def _first_year(text: str) -> re.Match[str] | None:
    return _YEAR.search(text)


@register(RULE, "年份不一致")
def check(context: Context) -> Iterator[Finding]:
    year = context.year
    if year is None:
        return
    blocks = context.blocks
    # Title and opening paragraph.
    for index, block in enumerate(blocks):
        if block.kind == "title":
            match = _first_year(context.texts[index])
            if match and int(match.group(1)) != year:
                yield Finding(
                    RULE,
                    "error",
                    f"标题写{match.group(1)}年，报告年度是{year}年。",
                    match.group(0),
                    index,
                )
        if block.kind == "paragraph":
            # The first paragraph is the opening: its first year is the year reported on.
            match = _first_year(context.texts[index])
            if match and int(match.group(1)) != year and match.start() < 20:
                yield Finding(
                    RULE,
                    "error",
                    f"开头段写{match.group(1)}年，而报告年度是{year}年（见标题）。",
                    match.group(0),
                    index,
                )
            break
        if block.kind == "heading":
            break
    for index, block in enumerate(blocks):
        text = context.texts[index]
        kinds = context.kinds_of(index)
        if block.kind == "heading" and block.level <= 2:
            heading = block.headline
            expected = year + 1 if "plans" in kinds else year
            for match in _YEAR.finditer(heading):
                found = int(match.group(1))
                if found != expected and not (
                    "plans" in kinds and found == year and block.level == 2
                ):
                    what = "下一年度安排" if "plans" in kinds else "本年度工作"
                    yield Finding(
                        RULE,
                        "error",
                        f"标题中的{found}年与报告年度不符：{what}应写{expected}年。",
                        match.group(0),
                        index,
                    )
        if block.kind == "date":
            match = _first_year(text)
            if match and int(match.group(1)) not in (year, year + 1):
                yield Finding(
                    RULE,
                    "warning",
                    f"落款日期是{match.group(1)}年，{year}年度的报告通常在{year + 1}年初报送。",
                    match.group(0),
                    index,
                )
        if block.kind not in ("paragraph", "heading"):
            continue
        start = context.body_start(index) + (len(block.text) if block.kind == "heading" else 0)
        if "plans" in kinds:
            for match in _PLAN_YEAR.finditer(text, start):
                found = int(match.group(1))
                if found <= year:
                    yield Finding(
                        RULE,
                        "error",
                        f"下一年度安排中写“{match.group(0)}”，安排应是{year + 1}年的。",
                        match.group(0),
                        index,
                    )
        elif kinds & {"measures", "duty"}:
            for match in _YEARLY_DOCUMENT.finditer(text, start):
                found = int(match.group(1))
                if found == year - 1 and not _COMPARISON().search(
                    text[max(start, match.start() - 12) : match.start()]
                ):
                    yield Finding(
                        RULE,
                        "warning",
                        f"{year}年度的工作写的是{found}年的{match.group(0)}：像是沿用了去年的文字，"
                        f"请改为{year}年的文件名称。",
                        match.group(0),
                        index,
                    )
            # A sentence opening with last year and stating figures: last year's data as this year's.
            # The spans of the normalised text: it has the same marks at the same places.
            for s_start, s_end in context.sentence_spans(index, start):
                sentence = text[s_start:s_end]
                match = _LEADING_YEAR.match(sentence)
                if (
                    match
                    and int(match.group(1)) == year - 1
                    and _FIGURE().search(sentence)
                    and not _COMPARISON().search(sentence)
                ):
                    yield Finding(
                        RULE,
                        "warning",
                        f"{year}年度的报告在成效部分列出了{year - 1}年的数据，"
                        "请确认是否误用了上一年的材料。",
                        sentence[match.start(1) : match.end()].rstrip("，,"),
                        index,
                    )
