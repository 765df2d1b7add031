"""doubled-word: the same words twice in a row ("尼玛县尼玛县俄久乡", "进一步进一步加强").

A paste or a template seam that doubles a name or a phrase. Reduplication is part of Chinese,
but only of one or two characters: three or more characters written twice back to back are a
slip in a report (an error). Two characters twice ("始终坚持坚持以……") are a slip too (a warning),
except the reduplications official prose does use: a numeral and its measure word ("一件一件",
"一步一步") and the few verbs said twice to soften them (研究研究, 讨论讨论; 公文 hardly writes
them, but they are words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context, inside, protected_spans
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN

RULE = "doubled-word"

_DOUBLED = re.compile(rf"({HAN}{{2,20}}?)\1")
_REDUPLICATED = {"研究", "讨论", "商量", "考虑", "琢磨", "比划", "打听", "看看", "说说"}
_NUMERALS = set("一二三四五六七八九十两几每")


@register(RULE, "词语重复")
def check(context: Context) -> Iterator[Finding]:
    for index, norm in enumerate(context.norm):
        quoted: list[tuple[int, int]] | None = None  # found for a block with a match only
        for match in _DOUBLED.finditer(norm):
            if quoted is None:
                quoted = protected_spans(norm)
            if inside(quoted, match.start(), match.end()):
                continue
            word = match.group(1)
            if len(word) == 2 and (word in _REDUPLICATED or word[0] in _NUMERALS):
                continue
            yield Finding(
                RULE,
                "error" if len(word) > 2 else "warning",
                f"“{word}”连写了两遍，请删去一处。",
                context.texts[index][match.start() : match.end()],
                index,
            )
