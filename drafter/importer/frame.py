"""The report's frame: the opening paragraph and the closing paragraph → their answers.

The draft writes the opening's fixed words itself ("{年}年，{单位}…", "现将…报告如下："), so
those are not imported; everything else is kept in its order: the leadership phrase, the guiding
thought, the work line and the summary, honours included. Extra opening paragraphs no question
fits are listed for the user. The closing paragraphs are kept whole, as written.
"""

from __future__ import annotations

import re

from drafter.blocks import Block
from drafter.importer.place import AnswersBuilder
from drafter.render.phrasing import placeholder
from drafter.text.hanzi import HAN
from drafter.text.identity import Identity

REPORT_FORMULA = re.compile(r"现将[^。]*?(?:报告|汇报)如下[：:。]?|特此(?:报告|汇报)[。！]?")
_LEADERSHIP = re.compile(r"在[^，。；]{1,30}?(?:坚强|正确|有力|关心)?(?:领导|指导)下")
_GUIDING = re.compile(r"习近平|为指导|全会|二十大|十九大|新时代中国特色")
_SUMMARY = re.compile(
    r"(?:提供|奠定|营造)[^，。]*(?:保障|环境|基础)|取得[^，。]*(?:成效|进展)|保驾护航"
)
# The draft opens with "{年}年，" itself: a year or another "this year" lead is the frame's.
_YEAR_LEAD = re.compile(
    r"^(?:(?:\d{4}|[一二三四五六七八九〇零○]{4})\s*年度?(?:以来)?|今年以来|今年$|一年来|本年度|年初以来)"
)
_BODIES = r"(?:人民政府|党工委|党委|政府|办事处)"


NO_OPENING = placeholder("开头段（原报告里没有找到）")
"""The opening of a report copied without one (a page's excerpt that starts at 一、): a visible
gap. The frame's formulas (在县委、县政府的坚强领导下, the year's guiding thought) would read as
the township's own words."""


def place_opening(blocks: list[tuple[int, Block]], out: AnswersBuilder, identity: Identity) -> None:
    paragraphs = [(i, b) for i, b in blocks if b.kind == "paragraph"]
    if not paragraphs:
        out.set_text("opening.text", NO_OPENING, set())
        for index, block in blocks:
            text = REPORT_FORMULA.sub("", block.full_text).strip()
            if re.sub(r"[\W_]", "", text):
                out.add_unplaced("", text, "原报告开头部分", {index})
        return
    # The opening is kept as written (opening.text): real openings put their year, unit,
    # leadership and guiding thought in every order ("2025年，是……之年。大河乡始终坚持……",
    # "根据……，2023年，清波街道……"), and rebuilding one from its clauses makes sentences
    # nobody wrote. Its clauses also fill the four opening questions, for next year's report,
    # but only from an opening in the plain frame the draft itself writes.
    whole = "\n".join(b.full_text.strip() for _, b in paragraphs if b.full_text.strip())
    out.set_text("opening.text", whole, {i for i, _ in paragraphs})
    index, first = paragraphs[0]
    if not _plain_frame(first.full_text, identity):
        for index, block in [(i, b) for i, b in blocks if b.kind != "paragraph"]:
            text = REPORT_FORMULA.sub("", block.full_text).strip()
            if re.sub(r"[\W_]", "", text):
                out.add_unplaced("", text, "原报告开头部分", {index})
        return
    _decompose_opening(first.full_text, index, out, identity)
    # A second opening paragraph ("一年来，全镇……取得明显成效。") goes on the opening's summary,
    # which the draft prints last in the opening; a table or heading there fits no question.
    for index, block in paragraphs[1:]:
        text = REPORT_FORMULA.sub("", block.full_text).strip()
        if re.sub(r"[\W_]", "", text):
            summary = out.get("opening.summary") or ""
            joined = f"{summary.rstrip('。；; ')}。{text}" if summary else text
            out.set_text("opening.summary", joined, {index})
    for index, block in [(i, b) for i, b in blocks if b.kind != "paragraph"]:
        text = REPORT_FORMULA.sub("", block.full_text).strip()
        if re.sub(r"[\W_]", "", text):
            out.add_unplaced("", text, "原报告开头部分", {index})


def _plain_frame(text: str, identity: Identity) -> bool:
    """An opening in the draft's own frame: one sentence (before the report formula) that starts
    "{年}年，{单位}" (or "{年}年，在……领导下，{单位}"), so that its clauses can be asked one by one."""
    body = REPORT_FORMULA.sub("", text).strip().rstrip("。；; ")
    if "。" in body or not body:
        return False
    lead = _YEAR_LEAD.match(body)
    if lead is None:
        return False
    rest = body[lead.end() :].lstrip("，, ")
    unit = identity.unit_name or ""
    names = [
        n for n in ((identity.county or "") + unit, unit, "我" + (identity.unit_type or "乡")) if n
    ]
    leadership = _LEADERSHIP.match(rest)
    if leadership:
        rest = rest[leadership.end() :].lstrip("，, ")
    if any(rest.startswith(name) for name in names):
        return True
    # A unit the identity stage could not name ("某镇") still opens the frame.
    unnamed = re.match(rf"{HAN}{{1,10}}?(?:街道|苏木|乡|镇)", rest)
    return identity.unit_name is None and unnamed is not None


def _decompose_opening(text: str, index: int, out: AnswersBuilder, identity: Identity) -> None:
    text = REPORT_FORMULA.sub("", text).strip()
    unit = identity.unit_name or ""
    county = identity.county or ""
    self_refs = [county + unit, unit, "本" + (identity.unit_type or "乡")]
    self_refs.append("我" + (identity.unit_type or "乡"))
    clauses = [c.strip() for c in re.split(r"[，,]", text.rstrip("。；; ")) if c.strip()]
    leadership: str | None = None
    guiding: list[str] = []
    goal: list[str] = []
    summary: list[str] = []
    for clause in clauses:
        plain = _YEAR_LEAD.sub("", clause).strip().lstrip("，, ")
        for name in self_refs:
            if name and plain.startswith(name):
                plain = plain[len(name) :]
                break
        plain = re.sub(rf"^{_BODIES}(?:、{_BODIES})*", "", plain).strip()
        if not plain:
            continue
        lead = _LEADERSHIP.search(plain)
        if lead and leadership is None:
            leadership = lead.group(0)
            plain = (plain[: lead.start()] + plain[lead.end() :]).strip()
            if not plain:
                continue
        if summary:
            summary.append(plain)  # what follows the summary stays after it
        elif _GUIDING.search(plain):
            # The draft writes the guiding thought before the work line; without this it would
            # add its own default one and state it twice.
            guiding.append(plain)
        elif _SUMMARY.search(plain):
            summary.append(plain)
        else:
            goal.append(plain)
    sources = {index}
    out.set_text("opening.leadership", leadership or "", sources)
    guiding_text = re.sub(r"^(?:始终|一直)?坚持(?=以)", "", "，".join(guiding))
    out.set_text("opening.guiding", guiding_text, sources)
    out.set_text("opening.goal", "，".join(goal), sources)
    out.set_text("opening.summary", "，".join(summary), sources)


def place_closing(blocks: list[tuple[int, Block]], out: AnswersBuilder) -> None:
    """The closing paragraph(s), whole and as written (the draft prints them as they are)."""
    if not blocks:
        return
    text = "\n".join(b.full_text.strip() for _, b in blocks if b.full_text.strip())
    out.set_text("closing.text", text, {i for i, _ in blocks})
