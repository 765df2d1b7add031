"""figure-conflict and figure-repeat: one measure given two figures, or one figure given twice.

Figures are found by :func:`drafter.text.mentions.find_mentions`, which also says which catalogue
measure each one reads as (集中学法 → ``study.cadre_sessions``). Two figures are the same measure
only when they read as the same key AND say it in the same words (one wording contained in the
other: "组织干部集中学法5次" / "集中学法6次"); a part of the whole is not the whole:

- figures of a narrower scope are left alone: a village, a centre, a quarter, 其中, 分别, 累计;
- figures of another year, and comparisons (同比, 较上年, 增长);
- figures in the plans part (targets, not facts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.checks._text import Context, common_run
from drafter.checks.base import Finding, register
from drafter.text.figure_rules import clause_span, wide_clause_span
from drafter.text.hanzi import NOT_HAN
from drafter.text.mentions import Mention, find_mentions
from drafter.text.numbers import for_matching

CONFLICT = "figure-conflict"
REPEAT = "figure-repeat"

_UNIT_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"次", "场次", "场", "期"}),
    frozenset({"件", "起", "宗"}),
    frozenset({"名", "人", "位"}),
    frozenset({"份", "册", "本", "张", "套"}),
)

# A figure about a part of the unit or of the year, or about another year: not the report's total.
_SCOPE = re.compile(
    r"村|社区|嘎查|学校|校园|中心(?!组)|[站所队](?![有属以])|上半年|下半年|季度|\d+月|月份|"
    r"累计|历年|近[一二三四五六七八九十\d]+年|以来|截至|截止|每|其中|分别|平均|人均|占|"
    r"去年|上年|上一年|同比|环比|较|比|增长|下降|增加|减少|新增|提高|超过|不足|仅"
)
_OTHER_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_LEAD_FILLER = re.compile(
    r"^(?:(?:19|20)\d{2}年度?|全年|今年|年内|共计|共|合计|总计|先后|组织|开展|各类|各级|各种|"
    r"全[乡镇]|我[乡镇]|本[乡镇]|全街道|我街道|已|均)+"
)
_FILLER = re.compile(r"了|的|达到|达|约|近|超过|以上|左右")
_NOT_HAN = re.compile(NOT_HAN)
_NOT_WORD = re.compile(r"\W")


@dataclass(frozen=True, slots=True)
class _Said:
    """A figure in the report with what it is said about.

    ``label``: the words of its clause without the figure and filler ("干部集中学法");
    ``excerpt``: its clause as written, the figure included (for the finding); ``words``: its
    sentence without punctuation (the same sentence twice is not a figure repeat).
    """

    mention: Mention
    index: int
    label: str
    excerpt: str
    words: str


def unit_group(unit: str) -> frozenset[str]:
    """Unit words that count the same thing (次/场次/场, 名/人)."""
    return next((g for g in _UNIT_GROUPS if unit in g), frozenset({unit}))


def scoped(sentence: str, at: int, year: int | None) -> bool:
    """Is the figure at ``at`` (matching-normalised sentence) about a part, a period or another
    year, rather than the report's total for its year?"""
    _, c_end = clause_span(sentence, at)
    w_start, _ = wide_clause_span(sentence, at)
    return _other_year(sentence, year) or _scope_words(sentence, w_start, c_end)


def _other_year(sentence: str, year: int | None) -> bool:
    years = {int(y) for y in _OTHER_YEAR.findall(sentence)}
    return year is not None and bool(years - {year})


def _scope_words(sentence: str, w_start: int, c_end: int) -> bool:
    # Scope words anywhere in the clause up to the figure, 、-list included: in
    # "健全村级调解组织7个、调解员71名" the 71 are the villages' mediators.
    return _SCOPE.search(sentence[w_start:c_end]) is not None


def approx_covers(rough: int | float, exact: int | float) -> bool:
    """30余 covers 31–39, 1500余 covers 1501–1599: the same count written two ways."""
    value = int(rough)
    step = 1
    while value and value % (step * 10) == 0:
        step *= 10
    return rough < exact < rough + step


def _label(clause: str, raw: str) -> str:
    words = clause.replace(raw, "", 1)
    words = _NOT_HAN.sub("", words)
    return _FILLER.sub("", _LEAD_FILLER.sub("", words))


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _same_words(a: str, b: str) -> bool:
    """The same measure in the same words: one wording inside the other (gaps allowed)."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and _is_subsequence(short, long)


def _same_measure(a: _Said, b: _Said) -> bool:
    """Two figures of one measure: a catalogue measure said in the same words, or (for measures
    the catalogue does not know, 治安巡逻60余次) exactly the same words."""
    if a.mention.key is None or b.mention.key is None:
        return a.mention.key == b.mention.key and a.label == b.label and len(a.label) >= 4
    return _same_words(a.label, b.label)


COMPARE_WINDOW = 200
"""Earlier figures of the same measure a figure is compared with: keeps huge inputs linear."""


def _figures(context: Context) -> list[_Said]:
    cached = context.memo.get("conflicts.figures")
    if cached is None:
        cached = context.memo["conflicts.figures"] = _find_figures(context)
    return cached  # type: ignore[return-value]


def _groups(context: Context) -> list[tuple[_Said, list[_Said]]]:
    """Each figure with the earlier figures of its measure and kind of unit (latest last);
    made once per run for the two rules."""
    cached = context.memo.get("conflicts.groups")
    if cached is not None:
        return cached  # type: ignore[return-value]
    seen: dict[tuple[str | None, frozenset[str]], list[_Said]] = {}
    out = []
    for item in _figures(context):
        group = seen.setdefault((item.mention.key, unit_group(item.mention.unit)), [])
        out.append((item, group[-COMPARE_WINDOW:]))
        group.append(item)
    context.memo["conflicts.groups"] = out
    return out


def _find_figures(context: Context) -> list[_Said]:
    said: list[_Said] = []
    for index, block in enumerate(context.blocks):
        if block.kind not in ("heading", "paragraph"):
            continue
        if "plans" in context.kinds_of(index):
            continue
        text = context.texts[index]
        # Per sentence, not per figure: a sentence often states several.
        sentence_of: dict[int, tuple[str, bool, str]] = {}
        for mention in find_mentions(text):
            if mention.rate:
                continue
            known = sentence_of.get(mention.sentence_start)
            if known is None:
                matching = for_matching(mention.sentence)
                known = sentence_of[mention.sentence_start] = (
                    matching,
                    _other_year(matching, context.year),
                    _NOT_WORD.sub("", mention.sentence),
                )
            sentence, other_year, words = known
            at = mention.start - mention.sentence_start
            c_start, c_end = clause_span(sentence, at)
            w_start, _ = wide_clause_span(sentence, at)
            if other_year or _scope_words(sentence, w_start, c_end):  # scoped(), spans found once
                continue
            clause = sentence[c_start:c_end]
            # The figure as the rules see it: for_matching maps one character to one, so it is
            # the matching sentence's characters where the figure stands.
            label = _label(clause, sentence[at : at + len(mention.raw)])
            # Shown: the clause up to the figure's 、-list end ("乡党委书记、乡长…会议3次").
            written = mention.sentence[w_start:c_end].strip().rstrip("。！？；;!?")
            said.append(_Said(mention, index, label, written, words))
    return said


@register(CONFLICT, "同一数字前后不一")
def check_conflicts(context: Context) -> Iterator[Finding]:
    for item, group in _groups(context):
        m = item.mention
        for earlier in group:
            e = earlier.mention
            if (e.value, e.approx) == (m.value, m.approx):
                continue
            if not _same_measure(earlier, item):
                continue
            place = "本段前文" if earlier.index == item.index else f"第{earlier.index + 1}段"
            rough, exact = (e, m) if e.approx else (m, e)
            if e.value == m.value or (
                e.approx != m.approx and approx_covers(rough.value, exact.value)
            ):
                severity, what = "warning", "写法不一致（一处是约数）"
            else:
                severity, what = "error", "写了两个不同的数字"
            yield Finding(
                CONFLICT,
                severity,  # type: ignore[arg-type]
                f"同一项工作前后{what}：这里写“{m.raw}”，{place}写“{e.raw}”"
                f"（“{earlier.excerpt}”）。请核对后统一。",
                item.excerpt,
                item.index,
            )
            break


@register(REPEAT, "同一数字重复表述")
def check_repeats(context: Context) -> Iterator[Finding]:
    for item, group in _groups(context):
        m = item.mention
        for earlier in group:
            e = earlier.mention
            if (e.value, e.approx, e.unit) != (m.value, m.approx, m.unit):
                continue
            if e.sentence_start == m.sentence_start and earlier.index == item.index:
                continue
            if earlier.words == item.words:
                continue  # the whole sentence repeated: duplicate-sentence reports it
            if e.key is None and not _same_measure(earlier, item):
                continue
            if not (
                _same_words(earlier.label, item.label) or common_run(earlier.label, item.label) >= 4
            ):
                continue
            place = "本段前文" if earlier.index == item.index else f"第{earlier.index + 1}段"
            yield Finding(
                REPEAT,
                "warning",
                f"这个数字在{place}已经写过（“{earlier.excerpt}”）：同一件事只写一次，"
                "请删去一处或合并。",
                item.excerpt,
                item.index,
            )
            break
    yield from _redundant_rates(context)


_RATE_PARTS = {
    "disputes.success_rate": ("disputes.mediated", "disputes.resolved"),
    "petitions.resolve_rate": ("petitions.received", "petitions.resolved"),
    "study.pass_rate": ("study.exam_participants", "study.exam_passed"),
}


def _redundant_rates(context: Context) -> Iterator[Finding]:
    """ "调解5件，调解成功5件，调解成功率100%": the rate says again what the counts said."""
    for index, block in enumerate(context.blocks):
        if block.kind not in ("heading", "paragraph"):
            continue
        by_sentence: dict[int, list[Mention]] = {}
        for mention in find_mentions(context.texts[index]):
            by_sentence.setdefault(mention.sentence_start, []).append(mention)
        for mentions in by_sentence.values():
            values = {m.key: m for m in mentions if m.key}
            for rate_key, (whole, part) in _RATE_PARTS.items():
                rate = values.get(rate_key)
                if rate is None or rate.value != 100 or whole not in values or part not in values:
                    continue
                if values[whole].value == values[part].value and not values[whole].approx:
                    yield Finding(
                        REPEAT,
                        "info",
                        "两个数字相同时再写“100%”是把同一件事说了第三遍：可以只写“均调解成功”"
                        "或只写比率。",
                        rate.raw,
                        index,
                    )
