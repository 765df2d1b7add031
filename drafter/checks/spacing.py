"""spacing: stray spaces inside Chinese text (2025 年, 30 场次, “。 一是”, “（一） 认真”).

Spaces between two Latin words or numbers stay. Inside “…” a space between two phrases is a
slogan's pause (“干部下基层 群众受教育”), which some county styles accept: only a hint there. Not
reported at all: a space between two words of a title in 《》 (an article's title and subtitle, as
published; a space next to a mark inside it is still stray), the
space between two issuers of a joint document ("中共某某镇委员会 某某镇人民政府", on one line when
a page is copied), and a short heading spaced out letter by letter ("引 言").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context, inside, protected_spans, table_row
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN, han_or, when_used

RULE = "spacing"

_CN = han_or(r"，。、；：！？“”‘’（）《》【】…—\d")
# Past the test for any space (most blocks have none), the patterns are compiled when first used.
_SPACE = when_used(rf"(?<={_CN})[ \t\u3000\u00a0\u2002\u2003]+(?={_CN})")
_ANY_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002\u2003]")
_ISSUER = r"(?:委员会|人民政府|政府|党委|党工委|办事处|[县区市镇乡]委)"
# Left of the space an issuer ends; right of it the next issuer's name (up to 20 characters)
# ends before a space, a mark, 关于 or the end of the line.
_ISSUER_LEFT = when_used(rf"{_ISSUER}$")
_ISSUER_RIGHT = when_used(rf"{HAN}{{1,20}}?{_ISSUER}(?=关于|[\s，、：:]|$)")
_YEAR_SPACE = when_used(
    rf"{HAN}[ \u3000\u00a0]+(?:19|20)\d{{2}}\s*年|(?:19|20)\d{{2}}[ \u3000\u00a0]+年"
)
# A short heading spaced out: 引 言, 前　言, 目 录.
_SPACED_OUT = when_used(rf"^\s*{HAN}(?:[ \u3000]+{HAN}){{1,3}}\s*$")


def _is_han(ch: str) -> bool:
    return _HAN_CHAR().match(ch) is not None


_HAN_CHAR = when_used(HAN)


@register(RULE, "多余空格")
def check(context: Context) -> Iterator[Finding]:
    for index, text, norm in context.prose():
        kind = context.blocks[index].kind
        if kind in ("signature", "date"):
            continue  # laid out with spaces on purpose
        if kind == "title":
            # A title is laid out with spaces on purpose (中共XX委员会 XX政府), but never inside
            # its year: "关于 2024 年法治政府建设情况的报告".
            spaced = _ANY_SPACE.search(norm) is not None
            for match in _YEAR_SPACE().finditer(norm) if spaced else ():
                yield Finding(
                    RULE, "warning", "标题中年份前后多了空格，请删除。", match.group(0), index
                )
            continue
        start = context.body_start(index)
        block = context.blocks[index]
        # "一、 加强" and "（一） 认真": the number's own 、 or ） already separates it from the text.
        # "1. 加强" is left alone: a space after a half-width full stop is common, and harmless.
        if block.gap and block.number.endswith(("、", "）")):
            yield Finding(
                RULE, "warning", "标题的编号和文字之间多了空格，请删除。", text[: start + 1], index
            )
        if _ANY_SPACE.search(norm, start) is None:
            continue  # no space at all (most blocks): one fast search instead of the pattern
        if _SPACED_OUT().match(norm) or table_row(norm):
            continue  # a heading spaced out; a table's row (stray-line reports it)
        quotes = protected_spans(norm, "“”")
        titles = protected_spans(norm, "《》")
        for match in _SPACE().finditer(norm, start):
            a, b = match.start() - 1, match.end()
            left, right = norm[a], norm[b]
            if left.isdigit() and right.isdigit():
                continue  # 1 500 (千分空) is allowed by GB/T 15835
            if inside(titles, a, b + 1) and _is_han(left) and _is_han(right):
                continue  # the pause between two phrases of a published title
            if _ISSUER_LEFT().search(norm, 0, match.start()) and _ISSUER_RIGHT().match(norm, b):
                continue  # two issuers of a joint document
            excerpt = text[a : b + 1]
            in_quote = inside(quotes, a, b + 1) and left not in "“”" and right not in "“”"
            yield Finding(
                RULE,
                "info" if in_quote else "warning",
                "中文之间多了空格，请删除。"
                if not in_quote
                else "引号内的标语用空格分隔，正式文件中一般改用逗号或删去空格。",
                excerpt,
                index,
            )
