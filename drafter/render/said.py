"""One answer as the words a report says: the opening's leadership and guiding thought (and an
imported opening kept as written), the leading group, the year's plan, the causes, the
addressee, honours, the closing. Each takes what the user wrote and gives the sentence or
clause a template prints (:mod:`drafter.render.phrasing` holds the word-level helpers they share
with the lists)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from drafter.render.phrasing import clause, only_placeholder, paras, sentence

_CAUSE_LEAD = re.compile(
    r"^(究其原因|原因|主要原因|深究原因|分析原因|产生|造成|出现|存在上述|之所以)"
)


def causes(text: Any) -> list[str]:
    """The causes paragraph(s) with the lead-in real reports give them (究其原因，……)."""
    parts = paras(text)
    if not parts:
        return []
    if not _CAUSE_LEAD.match(parts[0]):
        parts[0] = "究其原因，" + parts[0]
    return [sentence(p) for p in parts]


_GROUP_VERB = re.compile(r"任|担任|为|兼任|牵头")


def leading_group(text: Any) -> str:
    """The leading group answer as a sentence.

    Answers come as the help suggests ("乡党委书记、乡长任双组长": a clause without the group), as a
    whole sentence ("成立由……任双组长的法治政府建设领导小组") or as a bare list of posts.
    """
    value = clause(text)
    if not value:
        return ""
    if "小组" in value:
        return sentence(value)
    if _GROUP_VERB.search(value):
        return f"成立法治政府建设领导小组，由{value.removeprefix('由')}。"
    return f"成立法治政府建设领导小组，由{value}牵头。"


def leadership(text: Any) -> str:
    """ "县委、县政府" → "在县委、县政府的坚强领导下" (a noun phrase cannot lead the opening)."""
    value = clause(text)
    if not value or value.startswith("在"):
        return value
    if value.endswith("领导"):
        return f"在{value}下"
    return f"在{value}的坚强领导下"


_GUIDING_VERB = re.compile(r"^(以|坚持|深入|全面|始终|认真|高举|在)")


def guiding(text: Any) -> str:
    """ "习近平新时代中国特色社会主义思想" → "以……为指导"; a clause stays as written."""
    value = clause(text)
    if not value or _GUIDING_VERB.match(value):
        return value
    return f"以{value}为指导"


_DOC_VERB = re.compile(r"^(制定|制订|印发|出台|下发|修订|完善)")


def work_plan(text: Any) -> str:
    """The year's plan document as a sentence: "制定《……工作方案》。"."""
    value = clause(text)
    if not value:
        return ""
    if _DOC_VERB.match(value):
        return sentence(value)
    if "《" not in value:
        value = f"《{value}》"
    return f"制定{value}。"


NO_ADDRESSEE = "无"
"""The answer that says a report has no addressee line (an empty answer gets the county's)."""
_NO_ADDRESSEE_WORDS = (NO_ADDRESSEE, "不写", "没有", "不需要", "不要")


def addressee(text: Any) -> str:
    """The addressee line ("中共尼玛县委、尼玛县人民政府："), or "" when the answer says none (无)."""
    value = clause(text)
    if not value or value.strip("（）()“”\"'") in _NO_ADDRESSEE_WORDS:
        return ""
    return value + "："


def doc_titles(text: Any) -> list[str]:
    """The 《titles》 a text names."""
    return re.findall(r"《([^》]+)》", str(text or "")) or ([clause(text)] if clause(text) else [])


_HONOUR_VERB = re.compile(r"获|评为|授予|入选|表彰|命名|被评|荣膺|列为")


def honours(lines: Sequence[Any], unit: str) -> str:
    """Honours as sentences; bare names of honours become "<单位>荣获“A”“B”。"."""
    said: list[str] = []
    names: list[str] = []
    for line in lines:
        value = clause(line)
        if not value:
            continue
        if _HONOUR_VERB.search(value):
            said.append(sentence(value))
        else:
            names.append(value if value.startswith("“") else f"“{value}”")
    if names:
        said.append(f"{unit}荣获{''.join(names)}。")
    return "".join(said)


def opening(text: Any, formula: str) -> list[str]:
    """An imported opening kept as written, one paragraph a line. The report formula
    ("现将……报告如下：") follows only an opening the import could not find (its 【待补充：……】 gap,
    which the clerk writes): a township's own opening without the formula is its own wording, and
    the draft adds no sentence it did not write."""
    parts = paras(text)
    if not parts:
        return []
    if only_placeholder(parts[-1]):
        parts[-1] = parts[-1].rstrip() + formula
    return parts


_RESOLVE = re.compile(r"^(我们|我[乡镇]|我街道|我苏木|将|全[乡镇])")


def closing(text: Any, next_year: Any) -> list[str]:
    """The closing paragraph(s) as written; "我们将……" gets the year it speaks of."""
    parts = paras(text)
    if parts and next_year and _RESOLVE.match(parts[0]):
        parts[0] = f"{next_year}年，{parts[0]}"
    return [sentence(p) for p in parts]
