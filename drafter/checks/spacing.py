"""spacing: stray spaces inside Chinese text (2025 年, 30 场次, “。 一是”, “（一） 认真”).

Spaces between two Latin words or numbers stay. Inside “…” a space between two phrases is a
slogan's pause (“干部下基层 群众受教育”), which some county styles accept: only a hint there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context, inside, protected_spans
from drafter.checks.base import Finding, register
from drafter.text.hanzi import han_or

RULE = "spacing"

_CN = han_or(r"，。、；：！？“”‘’（）《》【】…—\d")
_SPACE = re.compile(rf"(?<={_CN})[ \t\u3000\u00a0\u2002\u2003]+(?={_CN})")
_ANY_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002\u2003]")


@register(RULE, "多余空格")
def check(context: Context) -> Iterator[Finding]:
    for index, text, norm in context.prose():
        if context.blocks[index].kind in ("title", "signature", "date"):
            # Titles and signatures are laid out with spaces on purpose (e.g. 中共XX委员会 XX政府).
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
        quotes = protected_spans(norm, "“”")
        for match in _SPACE.finditer(norm, start):
            a, b = match.start() - 1, match.end()
            left, right = norm[a], norm[b]
            if left.isdigit() and right.isdigit():
                continue  # 1 500 (千分空) is allowed by GB/T 15835
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
