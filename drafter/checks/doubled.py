"""doubled-word: the same words twice in a row ("尼玛县尼玛县俄久乡", "进一步进一步加强").

A paste or a template seam that doubles a name or a phrase. Reduplication is part of Chinese
("研究研究", "一件一件"), but only of one or two characters; three or more characters written twice
back to back are a slip in a report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import Context, inside, protected_spans
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN

RULE = "doubled-word"

_DOUBLED = re.compile(rf"({HAN}{{3,20}}?)\1")


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
            yield Finding(
                RULE,
                "error",
                f"“{word}”连写了两遍，请删去一处。",
                context.texts[index][match.start() : match.end()],
                index,
            )
