"""figure-impossible: rates over 100%, a part larger than its whole (办结 > 受理, 调解成功 > 调解),
a stated rate that does not match its stated counts, negative counts, and dates that cannot be:
a day or month out of range (2月30日, 13月), and a date whose 年 and 月 were lost, its digits run
together (自202311日起至1231日止: no month has a 1231st day; a span of days is never that long)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.text.hanzi import HAN, when_used

RULE = "figure-impossible"

_RATE = when_used(
    rf"({HAN}{{0,2}}率|满意度|覆盖面|知晓度)(?:达到|提升至|提高到|达|为|是|均为|均达|保持)?\s*"
    r"(\d+(?:\.\d+)?)\s*[%％]"
)
_COUNT = when_used(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(余|多)?\s*(件|起|宗|个|次|批次|人次|场次|场|份|名|人|户|项|条)"
)
_NEGATIVE = when_used(
    r"(?<![\dA-Za-z.])[-－−](\d+)\s*(件|起|宗|个|次|批次|人次|场次|场|份|名|人|户|项|条)"
)
_MINUS = re.compile("[-－−]")
_DATE = re.compile(r"(?<![\d.])(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日")
# Four or more digits before 日 (or a year and a month before 月) with nothing between them.
_RUN_TOGETHER = re.compile(r"(?<![\d.])(?:(\d{4,8})日|((?:19|20)\d{2})(\d{1,2})月)")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DIGIT = re.compile(r"\d")
# Words before a count that make it the part of a whole (checked first: 调解成功 contains 调解).
_PART = re.compile(
    r"办结|化解|调解成功|成功调解|已解决|解决|结案|答复|处理完毕|已处理|办理完毕|销号|成功"
)
_WHOLE = re.compile(r"受理|排查|接待|来访|收到|登记|交办|调解|接收|办理|摸排|共有")
_UNIT_GROUPS = ({"件", "起", "宗", "个", "条"}, {"次", "批次"}, {"人", "人次", "名"})


@dataclass(frozen=True, slots=True)
class _Count:
    value: float
    approx: bool
    unit: str
    role: str
    start: int
    end: int
    lead: str


def _same_unit(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _UNIT_GROUPS)


_CLAUSE_MARK = re.compile(r"[，,；]")
_FILLER = when_used(r"其中|已经|已|共|累计|全部|均|成功|予以|处理|办理|了|的|各类|\s")


def _counts(sentence: str) -> list[_Count]:
    counts: list[_Count] = []
    previous_end = 0
    for match in _COUNT().finditer(sentence):
        # The words between the previous figure (or the last comma) and this one say what it is.
        lead = sentence[previous_end : match.start()]
        lead = _CLAUSE_MARK.split(lead)[-1] if "其中" not in lead else lead
        role = "part" if _PART.search(lead) else "whole" if _WHOLE.search(lead) else ""
        counts.append(
            _Count(
                float(match.group(1)),
                bool(match.group(2)),
                match.group(3),
                role,
                match.start(),
                match.end(),
                lead,
            )
        )
        previous_end = match.end()
    return counts


def _label(count: _Count, text: str) -> str:
    lead = count.lead.split("其中")[-1].strip("，,；、 ")
    return lead[-8:] + text[count.start : count.end]


def _is_part_of(part: _Count, whole: _Count) -> bool:
    """办结12件 / 其中已办结 / 化解矛盾纠纷 after 排查矛盾纠纷: a part of that whole; 化解信访积案8件
    after 调解纠纷5件 is a different thing, not a part."""
    if "其中" in part.lead:
        return True
    residue = _FILLER().sub("", _PART.sub("", part.lead))
    return len(residue) <= 2 or residue in whole.lead


@register(RULE, "数字不合理")
def check(context: Context) -> Iterator[Finding]:
    for index, text, norm in context.prose():
        # A rate needs a % sign, a negative count a minus: most blocks have neither, and are
        # passed after a plain search instead of the two patterns (which re tries everywhere).
        rates = "%" in norm or "％" in norm
        for match in _RATE().finditer(norm) if rates else ():
            value = float(match.group(2))
            if value > 100:
                yield Finding(
                    RULE,
                    "error",
                    f"{match.group(1)}为{match.group(2)}%，超过了100%。",
                    text[match.start() : match.end()],
                    index,
                )
        for match in _NEGATIVE().finditer(norm) if _MINUS.search(norm) else ():
            yield Finding(
                RULE, "error", "数量不能是负数。", text[match.start() : match.end()], index
            )
        if _DIGIT.search(norm) is None:
            continue  # a part and its whole are counts (_COUNT): no digit, nothing to compare
        if "日" in norm or "月" in norm:
            yield from _dates(text, norm, index)
        if _PART.search(norm) is None or _WHOLE.search(norm) is None:
            continue  # no sentence has both kinds of words if the block has not (_sentence)
        for s_start, s_end in context.sentence_spans(index):
            yield from _sentence(text[s_start:s_end], norm[s_start:s_end], index)


def _sentence(text: str, norm: str, index: int) -> Iterator[Finding]:
    # A count is a part or a whole by the words before it, which are in the sentence: without
    # both kinds of words (most sentences) there is no pair to compare, and nothing to count.
    if _PART.search(norm) is None or _WHOLE.search(norm) is None:
        return
    counts = _counts(norm)
    wholes = [c for c in counts if c.role == "whole"]
    parts = [c for c in counts if c.role == "part"]
    if not wholes or not parts:
        return
    whole = wholes[0]
    part_checked = None
    for part in parts:
        if part.start < whole.start or not _same_unit(part.unit, whole.unit):
            continue
        if not _is_part_of(part, whole):
            continue
        part_checked = part
        if part.value > whole.value and not whole.approx:
            yield Finding(
                RULE,
                "error",
                f"部分大于总数：“{_label(part, text)}”多于“{_label(whole, text)}”。",
                text[whole.start : part.end],
                index,
            )
            return
        break
    if part_checked is None or whole.approx or part_checked.approx or whole.value <= 0:
        return
    for match in _RATE().finditer(norm):
        if match.start() < part_checked.end:
            continue
        stated = float(match.group(2))
        computed = part_checked.value / whole.value * 100
        if stated <= 100 and abs(stated - computed) > 1.0:
            yield Finding(
                RULE,
                "error",
                f"{match.group(1)}与数字不符：{part_checked.value:g}÷{whole.value:g}"
                f"≈{computed:.1f}%，文中写{match.group(2)}%。",
                text[match.start() : match.end()],
                index,
            )
        break


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]


def _readings(digits: str) -> list[str]:
    """The dates digits run together before 日 can be (2023 1 1, 12 31), as written out."""
    found = []
    year = ""
    if len(digits) >= 6 and digits[:2] in ("19", "20"):
        year, digits = digits[:4] + "年", digits[4:]
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        whole = 1 <= len(day) <= 2 and month[0] != "0" and day[0] != "0"
        if whole and _valid(int(month), int(day)):
            found.append(f"{year}{int(month)}月{int(day)}日")
    return found


def _dates(text: str, norm: str, index: int) -> Iterator[Finding]:
    for match in _DATE.finditer(norm):
        month, day = int(match.group(2)), int(match.group(3))
        year = int(match.group(1)) if match.group(1) else None
        if year is not None and (month, day) == (2, 29) and not calendar.isleap(year):
            message = f"日期不存在：{year}年不是闰年，2月没有29日，请核对。"
        elif not 1 <= month <= 12:
            message = f"日期不存在：没有{match.group(2)}月，请核对。"
        elif not _valid(month, day):
            message = f"日期不存在：{match.group(2)}月没有{match.group(3)}日，请核对。"
        else:
            continue
        yield Finding(RULE, "error", message, text[match.start() : match.end()], index)
    for match in _RUN_TOGETHER.finditer(norm):
        lost = "“年”“月”"
        if match.group(1) is not None:
            readings = _readings(match.group(1))
            if not (len(match.group(1)) >= 6 and match.group(1)[:2] in ("19", "20")):
                lost = "“月”"
        else:
            month = int(match.group(3))
            readings = [f"{match.group(2)}年{month}月"] if 1 <= month <= 12 else []
        fix = f"，应为“{readings[0]}”" if len(readings) == 1 else ""
        yield Finding(
            RULE,
            "error",
            f"日期的数字连在了一起，缺少{lost}{fix}：请补上。",
            text[match.start() : match.end()],
            index,
        )
