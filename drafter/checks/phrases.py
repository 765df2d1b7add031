"""phrase-incomplete: a set phrase of these reports written with one character missing.

"尊法学守法用法", "谁执法普法", "小事不出村、大事不镇", "第一责任职责", "依治县", "党的二大": the
phrases are the fixed formulas of 法治政府建设 reports (a curated list, easy to extend); a variant is
the phrase with one inner character left out (the first and last characters are not tried: a
phrase without its first or last character is often another correct word). Variants that are
correct words themselves are listed as exceptions with their phrase.

Also the frame 为……提供……保障 with its 为 left out: "加快法治政府建设，经济建设和社会治理提供有力
法治保障" (a 保障 or 支撑 qualified as 有力, 坚实, 坚强 is always provided *for* something, named
after 为 earlier in the same sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.checks._text import Context
from drafter.checks.base import Finding, register
from drafter.checks.clauses import words
from drafter.spelling.lexicon import lexicon

RULE = "phrase-incomplete"

_PROVIDED = re.compile(
    r"提供(?:了)?(?:更加|更为|更)?(?:有力|坚强|坚实|强有力|有效|良好|优质)(?:的)?"
    r"(?:法治|法律|司法|制度|组织|纪律)?(?:保障|支撑|保证)"
)
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_CLAUSE_CUT = re.compile(r"[，,]")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A set phrase; ``allowed``: correct wordings a variant of it is part of (矛盾上交)."""

    text: str
    allowed: tuple[str, ...] = ()


PHRASES: tuple[Phrase, ...] = (
    Phrase("尊法学法守法用法"),
    Phrase("谁执法谁普法"),
    Phrase("谁主管谁负责"),
    Phrase("谁审批谁监管"),
    Phrase("小事不出村、大事不出镇"),
    Phrase("小事不出村、大事不出乡"),
    Phrase("矛盾不上交", allowed=("矛盾上交",)),
    Phrase("第一责任人职责", allowed=("第一责任人责任",)),
    Phrase("推进法治建设第一责任人"),
    Phrase("党政主要负责人"),
    Phrase("习近平新时代中国特色社会主义思想"),
    Phrase("习近平法治思想"),
    Phrase("全面依法治国"),
    Phrase("依法治县", allowed=("依法县级",)),
    Phrase("依法治乡", allowed=("依法乡村", "依法乡镇")),
    Phrase("依法治镇", allowed=("依法镇压",)),
    Phrase("依法治区", allowed=("依法区分", "依法区别")),
    Phrase("法治思维和法治方式", allowed=("法治思维和方式",)),
    Phrase("法治政府建设"),
    Phrase("建设情况报告"),
    Phrase("法治政府建设实施纲要"),
    Phrase("重大行政决策"),
    Phrase("行政执法公示制度"),
    # 执法全程记录 is a common, accepted short form.
    Phrase("执法全过程记录制度", allowed=("执法全程记录", "执法过程记录")),
    Phrase("重大执法决定法制审核制度"),
    Phrase("法律明白人"),
    Phrase("民主集中制"),
    Phrase("理论学习中心组"),
    Phrase("领导干部学法用法"),
    Phrase("普法责任制"),
    Phrase("民主法治示范村"),
    Phrase("公共法律服务"),
    Phrase("人民调解委员会", allowed=("人民调解员会议",)),
    Phrase("人民调解员"),
    Phrase("矛盾纠纷多元化解"),
    Phrase("枫桥经验"),
    Phrase("信访工作条例"),
    Phrase("中华人民共和国"),
    Phrase("党的二十大"),
    Phrase("二十届二中全会"),
    Phrase("二十届三中全会"),
    Phrase("二十届四中全会"),
    Phrase("的坚强领导下"),
    Phrase("今年以来"),
    Phrase("社会主义核心价值观"),
    Phrase("铸牢中华民族共同体意识"),
    Phrase("高质量发展"),
    Phrase("国家宪法日"),
    Phrase("宪法宣传周"),
    Phrase("国际禁毒日"),
    Phrase("全民国家安全教育日"),
    Phrase("消费者权益保护日"),
)

_MARKS = "、，,"
"""A listing mark may be 、，or ,: variants are written, and texts searched, with 、 for each."""


def _canonical(text: str) -> str:
    return text.replace("，", "、").replace(",", "、")


def _variants() -> dict[str, tuple[Phrase, str]]:
    """Each one-character-short variant → (its phrase, the character left out)."""
    out: dict[str, tuple[Phrase, str]] = {}
    # Canonical forms computed once per phrase, not once per variant.
    canonical = [_canonical(phrase.text) for phrase in PHRASES]
    # One search in all of them at once: no phrase holds a line break, so a variant is found
    # in the joined text exactly when it is inside one phrase.
    every = "\n".join(canonical)
    for phrase, text in zip(PHRASES, canonical, strict=True):
        for i in range(1, len(text) - 1):
            variant = text[:i] + text[i + 1 :]
            if variant in out or variant in every:
                continue
            out[variant] = (phrase, text[i])
    return out


def _by_start(variants: list[str]) -> dict[str, list[str]]:
    """The variants by their first three characters (a phrase has at least four), longest first
    at each start."""
    starts: dict[str, list[str]] = {}
    for variant in sorted(variants, key=len, reverse=True):
        starts.setdefault(variant[:3], []).append(variant)
    return starts


_VARIANTS = _variants()
_BY_START = _by_start(list(_VARIANTS))
# re scans for the first two characters of a variant; the few places found are then looked up.
# One alternation of all ~250 variants found the same at many times the cost to compile, paid in
# every process that checks a text.
_STARTS = re.compile("|".join(map(re.escape, dict.fromkeys(start[:2] for start in _BY_START))))


def _variants_in(norm: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, variant) of each variant in a text, left to right, the longest at a place,
    none overlapping (as a regular expression's ``finditer`` finds them)."""
    text = _canonical(norm)
    at = 0
    while (found := _STARTS.search(text, at)) is not None:
        start = found.start()
        at = start + 1
        for variant in _BY_START.get(text[start : start + 3], ()):
            if text.startswith(variant, start):
                yield start, start + len(variant), variant
                at = start + len(variant)
                break


def _allowed_at(norm: str, start: int, end: int, allowed: tuple[str, ...]) -> bool:
    """Is norm[start:end] part of, or does it contain, one of the allowed wordings there?"""
    for word in allowed:
        lo = max(0, start - len(word))
        for match in re.finditer(re.escape(word), norm[lo : end + len(word)]):
            a, b = lo + match.start(), lo + match.end()
            if (a <= start and end <= b) or (start <= a and b <= end):
                return True
    return False


# The subject every report of this kind is named after. Written short by a whole word
# ("2025年政府建设工作", "法治政府工作总结") it names something else, which the report's own full
# uses show: the short form stands where the full term stands elsewhere in the same report,
# after the same character (年政府建设 beside 年法治政府建设) or before the same word (法治政府工作
# beside 法治政府建设工作). 数字政府建设, 建设法治政府 or 法治政府示范创建 with no full use in that
# place are left alone.
SUBJECT_TERMS: tuple[str, ...] = ("法治政府建设",)


def _short_subjects(context: Context) -> Iterator[tuple[int, int, int, str, str]]:
    """(block, start, end, missing word, full term) of each subject term short of its first or
    last two-character word, in a place the report fills with the full term elsewhere."""
    for term in SUBJECT_TERMS:
        head, tail = term[2:], term[:-2]
        if not any(term in norm for norm in context.norm):
            continue
        before: set[str] = set()
        after: set[str] = set()
        for norm in context.norm:
            at = norm.find(term)
            while at >= 0:
                if at > 0:
                    before.add(_place(norm[at - 1]))
                after.add(norm[at + len(term) : at + len(term) + 2])
                at = norm.find(term, at + 1)
        after.discard("")
        for index, _, norm in context.prose():
            at = norm.find(head)
            while at >= 0:
                if at > 0 and norm[at - 2 : at] != term[:2] and _place(norm[at - 1]) in before:
                    yield index, at - 1, at + len(head), term[:2], term
                at = norm.find(head, at + 1)
            at = norm.find(tail)
            while at >= 0:
                end = at + len(tail)
                if (
                    norm[end : end + 2] != term[-2:]
                    and norm[end : end + 2] in after
                    and not _governed(norm, at)
                ):
                    yield index, at, end + 2, term[-2:], term
                at = norm.find(tail, at + 1)


def _governed(norm: str, at: int) -> bool:
    """Is the text at ``at`` the object of the verb before it ("建设法治政府工作", "坚持法治政府…"):
    then 法治政府 is a noun of its own, not the term cut short. The dictionary's part of speech
    of the two characters before (a verb, or a verbal noun such as 建设), read only here."""
    return at >= 2 and lexicon().tag(norm[at - 2 : at]) in ("v", "w")


def _place(char: str) -> str:
    """What a character before the term says: a year's end (2025, 2025年, 2025年度) counts as one
    place, any other character as itself."""
    return "年" if char.isdigit() or char in "年度" else char


@register(RULE, "固定用语缺字")
def check(context: Context) -> Iterator[Finding]:
    for index, start, end, missing, term in _short_subjects(context):
        yield Finding(
            RULE,
            "error",
            f"固定用语少了“{missing}”：应为“{term}”（本报告别处写作“{term}”）。",
            context.texts[index][start:end],
            index,
        )
    for index, text, norm in context.prose():
        for start, end, variant in _variants_in(norm):
            phrase, missing = _VARIANTS[variant]
            if _allowed_at(norm, start, end, phrase.allowed):
                continue
            what = f"标点“{missing}”" if missing == "、" else f"“{missing}”字"
            yield Finding(
                RULE,
                "error",
                f"固定用语少了{what}：应为“{phrase.text}”。",
                text[start:end],
                index,
            )
        if "提供" in norm:
            yield from _without_for(text, norm, index)


# Parts of speech (drafter.spelling's tags) of what 为……提供保障 serves: a process or a state
# (w: 发展, 建设, 改革; v: 治理, 振兴; a: 稳定, 安全). A provider before 提供 is a noun or an organ
# (司法所提供……), an adverb says how (全面提供……), a verb after an adverb is the provider's own
# doing (各部门密切配合提供……: a comma, not a 为, is missing there).
_PROCESS = frozenset("wva")
_OF_A_NOUN = frozenset("nw")


def _served(before: str) -> bool:
    """Whether the words right before 提供 in its clause name what the provision serves (社会
    治理, 经济社会发展), so that their 为 is missing, rather than who provides or how."""
    cut = words(before.strip())
    if not cut:
        return False
    lex = lexicon()
    last = lex.tag(cut[-1])
    if last == "w":
        return True
    return last in _PROCESS and len(cut) >= 2 and lex.tag(cut[-2]) in _OF_A_NOUN


def _without_for(text: str, norm: str, index: int) -> Iterator[Finding]:
    """提供有力保障 with no 为 before it in its sentence."""
    for match in _PROVIDED.finditer(norm):
        ends = list(_SENTENCE_END.finditer(norm, 0, match.start()))
        begin = ends[-1].end() if ends else 0
        # Its 为 stands in the clause or one of the two before ("为加快建设……，全面建成……提供有力
        # 保障"); a 为 further back belongs to another frame (以……为指导).
        clauses = _CLAUSE_CUT.split(norm[begin : match.start()])
        if any("为" in clause for clause in clauses[-3:]) or not _served(clauses[-1]):
            continue
        start = match.start() - len(clauses[-1])
        yield Finding(
            RULE,
            "warning",
            f"“{match.group(0)}”前面少了“为”：应写成“为……{match.group(0)}”。",
            text[start : match.end()].strip(),
            index,
        )
