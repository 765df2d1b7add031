"""Figures written inside texts: "全年开展普法宣传活动30场次，发放资料1500余份。"

One number finder for the whole product. The importer places what it finds, the templates do not
state again a figure a text already states, the checks compare a text's figure with the answers and
with the rest of the report, and next year every figure inside a carried text is confirmed.

:func:`find_mentions` returns every number that has a unit word (30场次, 1500余份, 92%, 两次), with
the text as written, its span, the sentence it sits in, and the catalogue key it reads as
(``publicity.activities``) when keywords near it say so. The rules are general vocabulary (宣传活动,
资料, 咨询, 调解…) and grammar (a part after its whole: "受理189件，其中办结173件"), not sentences of the
sample reports.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.text.figures import FULLWIDTH, Figure
from drafter.text.hanzi import T2S

_MATCH: dict[int, str] = {**FULLWIDTH, **T2S}
"""Full-width digits and Traditional characters → what the rules are written in (1:1)."""


_TRADITIONAL = re.compile("[" + re.escape("".join(map(chr, T2S))) + "]")
_FULLWIDTH_PAIRS = tuple((chr(code), ascii_form) for code, ascii_form in FULLWIDTH.items())


def for_matching(text: str) -> str:
    """Text as the rules see it: Simplified, half-width digits; same length as the original."""
    # translate() looks up every character in a dict (~40 ns each). Most texts have no
    # Traditional character (one fast search says so) and only a few of the full-width marks
    # (，): replacing those present gives the same text 5-10x faster. The mapping is one
    # character to one character, and no result is itself mapped, so the order is free.
    if _TRADITIONAL.search(text) is not None:
        return text.translate(_MATCH)
    for wide, narrow in _FULLWIDTH_PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


# --------------------------------------------------------------------------- sentences

SENTENCE_END = "。！？!?"


# An end mark with the closing quotes and brackets right after it.
_SENTENCE_CLOSE = re.compile(f"[{SENTENCE_END}][”’」』）)]*")


def split_sentences(text: str) -> list[str]:
    """Sentences with their end mark; a closing quote after the mark stays with the sentence."""
    out: list[str] = []
    start = 0
    for close in _SENTENCE_CLOSE.finditer(text):
        out.append(text[start : close.end()])
        start = close.end()
    if text[start:].strip():
        out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


# --------------------------------------------------------------------------- numbers

# Unit words, longest first so 人次 wins over 人 and 场次 over 场; words of one length are
# alternatives only one of which can match at a place, so their order changes no match.
_UNITS = sorted(
    {
        "万人次", "人次", "场次", "批次", "户次", "万元", "元", "课时", "学时", "小时", "个月",
        "平方米", "公里", "次", "场", "件", "起", "宗", "名", "人", "位", "个", "份", "册",
        "本", "张", "条", "项", "期", "批", "户", "家", "处", "所", "块", "幅", "篇", "部",
        "天", "节", "堂", "轮", "支", "座", "套", "台", "辆", "亩", "米", "余人", "多人",
    },
    key=lambda unit: (-len(unit), unit),  # the same text every run (the regex cache's key)
)  # fmt: skip
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_CN_VALUES = {
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
# Arabic numbers with their unit word; a few Chinese numerals (两次, 三场) only before count units
# that are not also part of set phrases (三项制度, 四个意识, 一站式 are not figures).
_NUMBER = re.compile(
    r"(?P<pre>约|近|超过|逾|达到|达)?\s*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[两二三四五六七八九十])\s*"
    r"(?P<wan>万(?!元))?(?P<approx>余|多)?\s*"
    rf"(?P<unit>%|％|{_UNIT_RE})"
    r"(?P<post>以上|左右)?"
)
_CN_NUMERAL_UNITS = {"次", "场", "场次", "期", "批次", "人次"}


class Token:
    """A number with its unit word, as found in a sentence."""

    # A plain class, not a dataclass: building one at import costs ~0.3 ms (issue 15).
    __slots__ = ("approx", "end", "rate", "start", "unit", "value")

    def __init__(
        self, value: int | float, approx: bool, unit: str, start: int, end: int, rate: bool = False
    ) -> None:
        self.value = value
        self.approx = approx
        self.unit = unit
        self.start = start
        self.end = end
        self.rate = rate

    def __repr__(self) -> str:
        return f"Token({self.value!r}, {self.approx!r}, {self.unit!r}, {self.start}, {self.end})"


_TITLE = re.compile(r"《[^》]*》")
_DOCUMENT_NUMBER = re.compile(r"[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号")
# A figure needs a digit or one of the Chinese numerals _NUMBER reads: most sentences of a
# report have none, and are passed after this one fast search.
_ANY_NUMBER = re.compile(r"[\d两二三四五六七八九十]")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are not figures: 《titles》, 〔2025〕1号 document numbers, quotes of names."""
    # Each pattern only where its one obligatory character is (a plain search is much faster).
    spans = [m.span() for m in _TITLE.finditer(text)] if "《" in text else []
    if "号" in text:
        spans += [m.span() for m in _DOCUMENT_NUMBER.finditer(text)]
    return spans


# Where a match of _NUMBER can begin: its 约/近/超过/逾/达 word, a space, a digit or a numeral.
_NUMBER_START = re.compile(r"[约近超逾达\s\d两二三四五六七八九十]")
_DIGITS = re.compile(r"\d+")


def _numbers(sentence: str) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(sentence)``, several times faster.

    re tries _NUMBER (which begins with optional parts) as a whole match at every character;
    here it is tried only where a match can begin, found by a fast search for those
    characters. The same matches, left to right: _NUMBER has no lookbehind, so a match at a
    place does not depend on where the search started; and after a failed try at a digit the
    rest of its run of digits is skipped, as a match starting inside a run would also match
    (the same way, with more digits) at the run's first digit.
    """
    pos = 0
    while True:
        start = _NUMBER_START.search(sentence, pos)
        if start is None:
            return
        at = start.start()
        match = _NUMBER.match(sentence, at)
        if match is not None:
            yield match
            pos = match.end()
        elif sentence[at].isdecimal():  # \d is a decimal digit
            digits = _DIGITS.match(sentence, at)
            pos = digits.end() if digits is not None else at + 1
        else:
            pos = at + 1


# What a text needs for any figure: a digit or numeral (_ANY_NUMBER) as written, or a character
# for_matching turns into one (兩 → 两; full-width digits are digits already).
_MAY_HOLD_NUMBER = re.compile(
    "[\\d两二三四五六七八九十"
    + "".join(chr(code) for code, simple in _MATCH.items() if _ANY_NUMBER.match(simple))
    + "]"
)


# A necessary condition for a figure, searched before anything else. A number find_tokens keeps
# begins where its digits begin, after neither 第 nor a digit nor a mark of dates and times
# (the checks in find_tokens); an Arabic number is followed by only spaces, 万 and 余/多 up to
# its unit word; a Chinese numeral by spaces and 余/多 up to a count unit (_CN_NUMERAL_UNITS).
# Most sentences with a digit or a numeral (第3项, dates, 一是, 三项制度) hold no figure, and are
# passed after this one search, which begins with a character class (fast to scan for) where
# _NUMBER begins with optional words.
_NOT_BEFORE = r"[第\d·.．\-—/:：]"
# One character class first (re scans for it; an alternation of two is tried at every place),
# then a lookbehind says which of the two it was.
_FIGURE_CORE = re.compile(
    rf"[\d两二三四五六七八九十](?<!{_NOT_BEFORE}.)"
    rf"(?:(?<=\d)\d*(?:,\d{{3}})*(?:\.\d+)?[\s万余多]*(?:%|％|{_UNIT_RE})"
    r"|(?<=[两二三四五六七八九十])[\s余多]*(?:场次|批次|人次|次|场|期))"
)


def find_tokens(sentence: str) -> list[Token]:
    """Every number with a unit word in a (matching-normalised) sentence."""
    tokens: list[Token] = []
    if _FIGURE_CORE.search(sentence) is None:
        return tokens
    excluded = excluded_spans(sentence)
    for match in _numbers(sentence):
        num_start, num_end = match.span("num")
        if any(a <= num_start < b for a, b in excluded):
            continue
        before = sentence[max(0, num_start - 1) : num_start]
        after_num = sentence[num_end : num_end + 2]
        raw = match.group("num")
        unit = match.group("unit")
        if before == "第" or (before and (before.isdigit() or before in "·.．-—/:：")):
            continue  # ordinals (第2次), dates (3·15, 12.4), times, ranges written oddly
        if after_num[:1] in "年月日号届":
            continue
        if raw in _CN_VALUES:
            if unit not in _CN_NUMERAL_UNITS or match.group("wan"):
                continue
            value: int | float = _CN_VALUES[raw]
        else:
            number = float(raw.replace(",", ""))
            if match.group("wan"):
                number *= 10_000
            value = int(number) if number.is_integer() else number
        rate = unit in ("%", "％")
        approx = bool(match.group("approx") or match.group("post")) or (
            match.group("pre") in ("约", "近", "超过", "逾")
        )
        if unit in ("余人", "多人"):
            unit, approx = "人", True
        start = match.start("num") if match.group("pre") in (None, "达", "达到") else match.start()
        tokens.append(Token(value, approx, "%" if rate else unit, start, match.end(), rate))
    return tokens


# --------------------------------------------------------------------------- figure rules


class FigureRule:
    """How a catalogue figure is recognised in a clause: keywords near the number, unit words.

    ``context``: a regex the whole sentence must match (e.g. 执法 for training figures);
    ``exclude``: a regex that disqualifies the clause (成功 for the mediated count).
    """

    # A plain class, not a dataclass: building one at import costs ~0.3 ms (issue 15).
    __slots__ = ("context", "exclude", "key", "keywords", "units")

    def __init__(
        self,
        key: str,
        keywords: tuple[str, ...],
        units: tuple[str, ...],
        context: str = "",
        exclude: str = "",
    ) -> None:
        self.key = key
        self.keywords = keywords
        self.units = units
        self.context = context
        self.exclude = exclude

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
    if rule.context and not _PATTERNS[rule.context].search(sentence):
        return None
    if rule.exclude and _PATTERNS[rule.exclude].search(sentence[narrow[0] : narrow[1]]):
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
                _PATTERNS[words].search(clause)
                and not _PATTERNS[not_words].search(clause)
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


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure as a text states it.

    ``unit``: the unit word as written ("场次", "份", "%"), 余人/多人 read as 人 with ``approx``;
    ``raw``: the figure exactly as written in the text ("1500余份", "约200人次", "两次");
    ``start``/``end``: the span of ``raw`` in the text given to :func:`find_mentions`;
    ``sentence``: the whole sentence it sits in, as written; ``key``: the catalogue key it
    reads as (``publicity.activities``), or None.
    """

    value: int | float
    approx: bool
    unit: str
    raw: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    key: str | None = None
    rate: bool = False

    @property
    def figure(self) -> Figure:
        return Figure(self.value, self.approx)


def find_mentions(text: str) -> list[Mention]:
    """Every figure (a number with a unit word) in a text, in order, with its catalogue key.

    Works on any text: one sentence, a paragraph, several paragraphs. Numbers in 《titles》, dates,
    ordinals (第2次) and document numbers are not figures.
    """
    # The same texts are read by the templates, the answers checks and several report checks:
    # remembered per text (a build asked ~200 times for ~30 texts). A new list each time, so a
    # caller may change its list; Mentions are frozen.
    return list(_mentions_of(text))


@functools.lru_cache(maxsize=2048)
def _mentions_of(text: str) -> tuple[Mention, ...]:
    if _MAY_HOLD_NUMBER.search(text) is None:
        return ()  # no digit or numeral, nor anything for_matching turns into one
    # for_matching maps one character to one: the whole text is mapped once, and each sentence's
    # form is its slice. Only sentences that hold a figure's core (_FIGURE_CORE, which cannot
    # span a sentence's end mark) are read further.
    matching = for_matching(text)
    cores = [hit.start() for hit in _FIGURE_CORE.finditer(matching)]
    if not cores:
        return ()
    mentions: list[Mention] = []
    offset = 0
    for paragraph in text.split("\n"):
        end = offset + len(paragraph)
        if any(offset <= at < end for at in cores):
            search_from = 0
            for sentence in split_sentences(paragraph):
                at = paragraph.find(sentence, search_from)
                at = at if at >= 0 else search_from
                search_from = at + len(sentence)
                start = offset + at
                stop = start + len(sentence)
                if any(start <= core < stop for core in cores):
                    mentions.extend(_sentence_mentions(sentence, start, matching[start:stop]))
        offset = end + 1
    return tuple(mentions)


def _sentence_mentions(sentence: str, offset: int, matching: str) -> list[Mention]:
    """The figures of one sentence; ``matching``: for_matching(sentence)."""
    placed: dict[str, Token] = {}
    out = []
    places: list[tuple[int, str]] | None = None
    for token in find_tokens(matching):
        if places is None:
            places = keyword_places(matching)  # once for the sentence's numbers
        key = key_for(matching, token, placed, places)
        if key is not None:
            placed.setdefault(key, token)
        elif token.rate:
            key = rate_key(matching, token)
        out.append(
            Mention(
                value=token.value,
                approx=token.approx,
                unit=token.unit,
                raw=sentence[token.start : token.end],
                start=offset + token.start,
                end=offset + token.end,
                sentence=sentence,
                sentence_start=offset,
                key=key,
                rate=token.rate,
            )
        )
    return out


_RATE_WORDS: tuple[tuple[str, str], ...] = (
    ("disputes.success_rate", r"调解[^，。；]{0,6}成功率|成功率"),
    ("petitions.resolve_rate", r"办结率|化解率"),
    ("study.pass_rate", r"合格率|通过率"),
)


def rate_key(sentence: str, token: Token) -> str | None:
    """The derived rate a stated percentage reads as (调解成功率 92%), from the words before it."""
    start, _ = clause_span(sentence, token.start)
    before = sentence[start : token.start]
    for key, pattern in _RATE_WORDS:
        if _PATTERNS[pattern].search(before):
            return key
    return None


# The catalogue's word patterns, compiled once when this module is imported.
_PATTERNS: dict[str, re.Pattern[str]] = {
    pattern: re.compile(pattern)
    for pattern in (
        *(p for rule in FIGURE_RULES for p in (rule.context, rule.exclude) if p),
        *(p for _, words, not_words in PART_WORDS.values() for p in (words, not_words)),
        *(p for _, p in _RATE_WORDS),
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


def zero_facts(text: str) -> list[tuple[str, int, int]]:
    """ "无行政复议案件", "未制发规范性文件": (key, start, end) of each stated zero."""
    matching = for_matching(text)
    return [
        (key, hit.start(), hit.end())
        for key, pattern in ZERO_RULES
        for hit in re.finditer(pattern, matching)
    ]


class AllFact:
    """ "调解矛盾纠纷5件，全部调解成功": a part equal to its whole, said without a number.

    ``key``: the part (``disputes.resolved``); ``whole``: the whole it equals
    (``disputes.mediated``), stated earlier in the same sentence; ``start``/``end``: the span
    of the words that say it ("全部调解成功") in the text given to :func:`all_facts`.
    """

    # A plain class, not a dataclass: building one at import costs ~0.3 ms (issue 15).
    __slots__ = ("approx", "end", "key", "start", "value", "whole")

    def __init__(
        self, key: str, whole: str, value: int | float, approx: bool, start: int, end: int
    ) -> None:
        self.key = key
        self.whole = whole
        self.value = value
        self.approx = approx
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"AllFact({self.key!r}, {self.whole!r}, {self.value!r}, {self.start}, {self.end})"


# "全部/均" + the part's own verb; the part is the one whose whole precedes it in the sentence.
_ALL_WORDS = re.compile(
    r"(?:全部|均已|均|全都|全数|悉数)(?:予以|得到|已)?(?P<verb>[^，。；、]{1,6})"
)
_ALL_VERBS: dict[str, str] = {
    "disputes.resolved": r"^(?:调解成功|成功调解|调处成功|化解|调结|调解)",
    "petitions.resolved": r"^(?:办结|化解|解决|处理完毕|妥善处理|答复)",
    "study.exam_passed": r"^(?:合格|通过|考试合格)",
}


def all_facts(text: str) -> list[AllFact]:
    """Every "……5件，全部调解成功" in a text: the part equals the whole stated just before it."""
    facts: list[AllFact] = []
    mentions = find_mentions(text)
    matching = for_matching(text)
    for hit in _ALL_WORDS.finditer(matching):
        before = [
            m
            for m in mentions
            if m.key in RATE_PAIRS
            and m.end <= hit.start()
            and m.sentence_start <= hit.start() < m.sentence_start + len(m.sentence)
        ]
        if not before:
            continue
        whole = before[-1]
        part = RATE_PAIRS[str(whole.key)]
        if re.match(_ALL_VERBS[part], hit.group("verb")):
            facts.append(
                AllFact(part, str(whole.key), whole.value, whole.approx, hit.start(), hit.end())
            )
    return facts
