"""Which catalogue figure a number in a sentence is: keywords near it, its unit, its clause.

The rules are general vocabulary (宣传活动, 资料, 咨询, 调解…) and grammar (a part after its
whole: "受理189件，其中办结173件"), not sentences of the sample reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.text.numbers import Token

# --------------------------------------------------------------------------- figure rules


@dataclass(frozen=True, slots=True)
class FigureRule:
    """How a catalogue figure is recognised in a clause: keywords near the number, unit words.

    ``context``: a regex the whole sentence must match (e.g. 执法 for training figures);
    ``exclude``: a regex that disqualifies the clause (成功 for the mediated count).
    """

    key: str
    keywords: tuple[str, ...]
    units: tuple[str, ...]
    context: str = ""
    exclude: str = ""

    def __repr__(self) -> str:
        return f"FigureRule({self.key!r})"


FIGURE_RULES: tuple[FigureRule, ...] = (
    FigureRule("study.center_group", ("中心组",), ("次", "场", "期")),
    FigureRule(
        "study.cadre_sessions", ("集中学习", "集中学法", "干部学法", "学法活动"), ("次", "场", "期")
    ),
    FigureRule("study.lectures", ("讲座", "讲堂", "法治课"), ("场", "场次", "次", "期")),
    FigureRule("study.exams", ("考试", "任前考法", "测试"), ("次", "场")),
    FigureRule("study.exam_participants", ("考试", "任前考法", "测试"), ("人次", "人", "名")),
    FigureRule(
        "publicity.activities",
        ("宣传活动", "普法活动", "普法宣传", "法治宣传", "法制宣传", "宣讲", "普法"),
        ("场次", "场", "次", "期"),
        exclude="推进会|会议|培训|讲座",
    ),
    FigureRule(
        "publicity.materials",
        ("资料", "宣传品", "宣传册", "手册", "物品", "传单", "折页", "读本"),
        ("份", "册", "本", "张", "套"),
    ),
    FigureRule("publicity.consultations", ("咨询",), ("人次", "次", "人")),
    FigureRule(
        "publicity.audience",
        ("受益", "受教育", "受众", "覆盖群众", "参与群众"),
        ("人次", "人", "万人次"),
    ),
    FigureRule("publicity.legal_understanders", ("法律明白人",), ("名", "人", "位")),
    FigureRule("decision.major_decisions", ("重大行政决策", "重大决策"), ("项", "件", "个")),
    FigureRule(
        "decision.legality_reviews",
        ("合法性审查", "合法性审核", "审查合同", "审核合同", "审查文件", "审核文件"),
        ("件", "份", "项", "次"),
    ),
    FigureRule("decision.legal_advisers", ("法律顾问",), ("名", "人", "位")),
    FigureRule("decision.normative_documents", ("规范性文件",), ("件", "个", "份")),
    FigureRule("enforcement.officers", ("执法证", "执法人员", "持证"), ("名", "人", "位")),
    FigureRule("enforcement.trainings", ("培训",), ("次", "期", "场"), context="执法"),
    FigureRule("enforcement.trainees", ("培训", "参训"), ("人次",), context="执法"),
    FigureRule("enforcement.penalty_cases", ("行政处罚", "处罚案件"), ("件", "起")),
    FigureRule("review.reconsiderations", ("行政复议",), ("件", "起")),
    FigureRule("review.lawsuits", ("行政诉讼", "应诉案件"), ("件", "起")),
    FigureRule("review.appearances", ("出庭应诉",), ("次",)),
    FigureRule("disputes.organisations", ("调解组织", "调解委员会", "调委会"), ("个", "家")),
    FigureRule("disputes.mediators", ("调解员",), ("名", "人", "位")),
    FigureRule("disputes.screenings", ("排查",), ("次", "轮", "场"), context="纠纷|矛盾"),
    FigureRule(
        "disputes.mediated",
        ("调解", "化解", "调处", "受理"),
        ("件", "起", "宗"),
        context="纠纷|矛盾",
        exclude="成功|信访|积案|排查|正在|未",
    ),
    FigureRule(
        "petitions.received",
        ("信访",),
        ("件", "起", "批", "批次"),
        exclude="积案|办结|解决|正在|未",
    ),
    FigureRule("petitions.backlog_resolved", ("积案",), ("件", "起")),
    FigureRule("petitions.hotline", ("12345", "热线"), ("件", "条", "个")),
    FigureRule("openness.disclosures", ("公开",), ("条", "件", "项"), context="信息|政务|事项"),
    FigureRule(
        "first_duty.meetings",
        ("专题会", "专题研究", "研究部署"),
        ("次", "场"),
        # In the 第一责任人 part a 专题会议 is about 法治 even when the sentence does not say so.
        context="法治|法制|依法|第一责任人",
        exclude="研讨|推进会",
    ),
    FigureRule("first_duty.reports_heard", ("听取",), ("次",), context="汇报"),
)
RULES = {rule.key: rule for rule in FIGURE_RULES}

# Counts that are the "part" of a whole in the same sentence: "受理189件，其中办结173件".
PART_WORDS: dict[str, tuple[str, str, str]] = {
    # part key: (whole key, words that mark the part, words that rule it out)
    "disputes.resolved": ("disputes.mediated", "成功", "正在|未"),
    "petitions.resolved": ("petitions.received", "办结|解决|处理完|化解|答复", "正在|未|尚"),
    "study.exam_passed": ("study.exam_participants", "合格|通过", "不合格|未"),
}
# Rates and the counts they are computed from (never stored: they may set the part count).
RATE_PAIRS: dict[str, str] = {whole: part for part, (whole, _, _) in PART_WORDS.items()}

# "无行政复议…案件" / "未制发规范性文件": zero is a real figure for these.
ZERO_RULES: tuple[tuple[str, str], ...] = (
    ("review.reconsiderations", r"(?:无|没有|未发生|未有|零)[^，。；]{0,12}?行政复议"),
    ("review.lawsuits", r"(?:无|没有|未发生|未有|零)[^，。；]{0,20}?(?:行政诉讼|应诉)"),
    ("decision.normative_documents", r"(?:未|没有|无)(?:制发|出台|制定)[^，。；]{0,6}?规范性文件"),
    ("enforcement.penalty_cases", r"(?:未|没有|无)(?:办理|发生|作出)?[^，。；]{0,6}?行政处罚案件"),
)

_CLAUSE_SPLIT = re.compile(r"[，,；;：:、]")


def clause_span(sentence: str, pos: int) -> tuple[int, int]:
    """The clause around a position: between the nearest clause marks."""
    start = 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        if match.end() <= pos:
            start = match.end()
        elif match.start() >= pos:
            return start, match.start()
    return start, len(sentence)


_WIDE_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")


def wide_clause_span(sentence: str, pos: int) -> tuple[int, int]:
    """The clause around a position, split at ，；： only (a list joined by 、 stays whole)."""
    start = 0
    for match in _WIDE_CLAUSE_SPLIT.finditer(sentence):
        if match.end() <= pos:
            start = match.end()
        elif match.start() >= pos:
            return start, match.start()
    return start, len(sentence)


def match_rule(
    rule: FigureRule,
    sentence: str,
    token: Token,
    spans: tuple[tuple[int, int], tuple[int, int]] | None = None,
    places: list[tuple[int, str]] | None = None,
) -> int | None:
    """Distance from the number to the rule's nearest keyword, or None if the rule fails.

    ``spans``: :func:`token_spans` of the token, and ``places``: :func:`keyword_places` of the
    sentence (or those of them inside the spans), when the caller tries several rules."""
    if token.unit not in rule.units:
        return None
    narrow, before = spans or token_spans(sentence, token)
    if places is None:
        places = keyword_places(sentence)
    # The keywords first: most rules tried on a number have none near it, and fail without
    # their context and exclusion patterns being searched (all three must hold).
    best: int | None = None
    keywords = rule.keywords
    for span_start, span_end in (narrow, before):
        for at, keyword in places:
            if span_start <= at and at + len(keyword) <= span_end and keyword in keywords:
                distance = abs(token.start - at)
                if at > token.start:
                    distance += 20  # keywords before the number read more naturally
                best = distance if best is None else min(best, distance)
        if best is not None:
            break
    if best is None:
        return None
    if rule.context and not PATTERNS[rule.context].search(sentence):
        return None
    if rule.exclude and PATTERNS[rule.exclude].search(sentence[narrow[0] : narrow[1]]):
        return None  # the 、-part around the number rules the rule out
    return best


def keyword_places(sentence: str) -> list[tuple[int, str]]:
    """(position, keyword) of every occurrence of every rule's keyword in a sentence.

    One search of all the keywords (longest first), resumed one character after each hit:
    every position where a keyword begins is visited, the longest keyword there is the one
    found, and the others beginning there are its prefixes (_KEYWORD_PREFIXES). No keyword
    overlaps itself (a test says so), so these are the occurrences a str.find loop per
    keyword, the way rules were first matched, visits; for 10-20 rules per number.
    """
    places: list[tuple[int, str]] = []
    hit = _ANY_KEYWORD.search(sentence)
    while hit is not None:
        at = hit.start()
        places.extend((at, keyword) for keyword in _KEYWORD_PREFIXES[hit.group()])
        hit = _ANY_KEYWORD.search(sentence, at + 1)
    return places


def token_spans(sentence: str, token: Token) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where a number's keywords are looked for: the 、-part around it first; then the whole
    clause, but only what precedes the number there ("开展法治宣传30余场次、讲座8场次"), so a
    later list entry is never read as this number's label."""
    return clause_span(sentence, token.start), (
        wide_clause_span(sentence, token.start)[0],
        token.start,
    )


def is_frequency(sentence: str, token: Token) -> bool:
    """每季度1次, 每月2次: a frequency, not a count of the year."""
    start, _ = clause_span(sentence, token.start)
    before = sentence[start : token.start]
    return "每" in before and _FREQUENCY.search(before) is not None


_FREQUENCY = re.compile(r"每[^，。；、]{0,4}$")


def key_for(
    sentence: str,
    token: Token,
    placed: dict[str, Token],
    places: list[tuple[int, str]] | None = None,
) -> str | None:
    """The catalogue key a number reads as, given the keys already read earlier in its sentence.

    ``sentence`` is matching-normalised. A part count after its whole ("受理189件，其中办结173件")
    reads as the part; otherwise the rule whose keyword is nearest (before the number preferred).
    ``places``: :func:`keyword_places` of the sentence, when the caller has them.
    """
    if token.rate or ("每" in sentence and is_frequency(sentence, token)):
        return None
    for part, (whole, words, not_words) in PART_WORDS.items():
        if whole in placed and placed[whole].start < token.start:
            start, end = clause_span(sentence, token.start)
            clause = sentence[start:end]
            if (
                PATTERNS[words].search(clause)
                and not PATTERNS[not_words].search(clause)
                and token.unit in RULES[whole].units
            ):
                return part
    if places is None:
        places = keyword_places(sentence)
    if not places or token.unit not in _RULE_UNITS:
        return None  # no rule's keyword in the sentence, or no rule counts in this unit
    spans = token_spans(sentence, token)  # the same for every rule: found once
    # Both spans lie in the wide clause up to the 、-part's end: only the keywords there count.
    region_start, region_end = spans[1][0], spans[0][1]
    near = [
        (at, keyword)
        for at, keyword in places
        if region_start <= at and at + len(keyword) <= region_end
    ]
    if not near:
        return None  # no rule has a keyword near the number
    # The rules with one of those keywords, in catalogue order (the first of equals wins).
    tried = sorted({index for _, keyword in near for index in _RULE_INDEX[keyword]})
    best: tuple[int, str] | None = None
    for index in tried:
        rule = FIGURE_RULES[index]
        distance = match_rule(rule, sentence, token, spans, near)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, rule.key)
    return best[1] if best else None


RATE_WORDS: tuple[tuple[str, str], ...] = (
    ("disputes.success_rate", r"调解[^，。；]{0,6}成功率|成功率"),
    ("petitions.resolve_rate", r"办结率|化解率"),
    ("study.pass_rate", r"合格率|通过率"),
)


# The catalogue's word patterns, compiled once when this module is imported.
PATTERNS: dict[str, re.Pattern[str]] = {
    pattern: re.compile(pattern)
    for pattern in (
        *(p for rule in FIGURE_RULES for p in (rule.context, rule.exclude) if p),
        *(p for _, words, not_words in PART_WORDS.values() for p in (words, not_words)),
        *(p for _, p in RATE_WORDS),
    )
}


# Every rule's keywords in one search, longest first; each with the keywords it begins with.
_KEYWORDS = sorted(
    {keyword for rule in FIGURE_RULES for keyword in rule.keywords}, key=lambda k: (-len(k), k)
)
_ANY_KEYWORD = re.compile("|".join(map(re.escape, _KEYWORDS)))
_KEYWORD_SET = frozenset(_KEYWORDS)
_KEYWORD_PREFIXES: dict[str, tuple[str, ...]] = {
    keyword: tuple(keyword[:n] for n in range(len(keyword), 0, -1) if keyword[:n] in _KEYWORD_SET)
    for keyword in _KEYWORDS
}


def _rule_index() -> dict[str, list[int]]:
    """Keyword → the places in FIGURE_RULES of the rules that have it, in order."""
    index: dict[str, list[int]] = {}
    for place, rule in enumerate(FIGURE_RULES):
        for keyword in dict.fromkeys(rule.keywords):
            index.setdefault(keyword, []).append(place)
    return index


_RULE_INDEX = _rule_index()

# The unit words some rule counts in (match_rule refuses a rule for any other unit).
_RULE_UNITS = frozenset(unit for rule in FIGURE_RULES for unit in rule.units)
