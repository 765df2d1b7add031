"""word-usage: a word whose meaning the place it stands in rules out, and a fixed term reworded.

截止 and 截至: 截止 means "to stop at" and takes no object (报名于5月1日截止, 截止日期, 截止到年底);
截至 means "up to" and takes the time (截至12月3日, 截至目前). 截止 straight before a date or a time
word is therefore 截至, whatever the date. Not reported: 截止 followed by 到 or 于 (截止到年底 is
截至年底 written out), 截止日期/截止时间, and 截止 at the end of a clause.

推进法治建设第一责任人: the duty's name is fixed by 《党政主要负责人履行推进法治建设第一责任人职责规定》;
"履行推动法治政府建设第一责任人职责" and "履行法治政府建设第一责任人职责" reword it: a duty about
法治 between 履行 and 第一责任人 must be worded so. Other duties (安全生产第一责任人, 党风廉政建设
第一责任人) and the common forms "法治建设第一责任人" and "推进法治政府建设第一责任人" are not
reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN, when_used

RULE = "word-usage"

_TIME = (
    r"\s*(?:(?:19|20)\d{2}\s*年|[一二]〇[一二三四五六七八九〇]{2}年|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|"
    r"目前|当前|现在|今年|本年|本月|今日|年底|年末|月底|月末|上半年|下半年|发稿|报告期末)"
)
_CUT_OFF = when_used(r"截止" + _TIME)


DUTY = "推进法治建设"
_DUTY_TERM = when_used(rf"(?:履行|落实|压实|担负|扛起)(?P<duty>{HAN}{{2,10}}?)第一责任人")
# Forms reviewers accept: the term, its short form, and 推进法治政府建设 (two development reports
# and a seed write it, and their reviewers did not mark it).
_DUTY_SHORT = {DUTY, "法治建设", "推进法治政府建设"}


@register(RULE, "用词不当")
def check(context: Context) -> Iterator[Finding]:
    for index, text, norm in context.prose():
        if "第一责任人" in norm:
            for match in _DUTY_TERM().finditer(norm):
                duty = match.group("duty")
                if duty in _DUTY_SHORT or "法治" not in duty:
                    continue  # the term, its short form, or another duty (安全生产第一责任人)
                yield Finding(
                    RULE,
                    "warning",
                    f"固定提法是“{DUTY}第一责任人”（见《党政主要负责人履行推进法治建设第一责任人职责规定》）。",
                    text[match.start("duty") : match.end()],
                    index,
                )
        if "截止" not in norm:
            continue
        for match in _CUT_OFF().finditer(norm):
            yield Finding(
                RULE,
                "warning",
                "表示“到某个时间为止”应写“截至”：“截止”后面不接时间（可写“截止到……”或“……截止”）。",
                text[match.start() : match.end()],
                index,
            )
