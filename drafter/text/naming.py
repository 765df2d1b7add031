"""The short name of a problem or plan written without a heading of its own.

A township often lists its 不足 as runs (一是运用法治思维……能力不足，与……还有差距；二是……), with
no heading to quote. Next year the problem comes back (去年的不足：…… / 针对“……”的问题，……) and is
named by its own first clause — the words the township wrote, cut at a clause mark, nothing added.
The answers keep the run whole, so the report that is printed reads as the township wrote it.
"""

from __future__ import annotations

import re

NAME_MAX = 24
"""A clause longer than this is no name; the whole text (up to its end mark) is used instead."""

_FIRST_CLAUSE = re.compile(rf"([^，,；;：:。！？!?\n]{{4,{NAME_MAX}}})[，,；;：:。！？!?]")

# A clause that only sets the scene of a problem (where or when it shows), not the problem:
# "在执法方面，……" / "……推进过程中，宣传力度还不够" is named by the setting and what follows it.
_SETTING = re.compile(r"^(?:在|对于|关于|从|随着)|(?:中|时|方面|上|以来|期间|当中)$")
_SETTING_NAME_MAX = 32
_ENDS = "。；;，,！？!?：:"


def short_name(heading: str, text: str) -> str:
    """The heading when there is one, else the text's first clause (with the clause after it when
    the first only sets the scene), else the text itself without its end mark."""
    if heading.strip():
        return heading.strip()
    first = text.strip().split("\n", 1)[0]
    clause = _FIRST_CLAUSE.match(first)
    if clause is None:
        return first.rstrip(_ENDS)
    end = clause.end()
    if _SETTING.search(clause.group(1)):
        more = _FIRST_CLAUSE.match(first, end)
        if more is not None and more.end() - 1 <= _SETTING_NAME_MAX:
            end = more.end()
    return first[:end].rstrip(_ENDS)
