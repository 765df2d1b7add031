"""run-on: two clauses run together with the punctuation between them missing.

Signals that do not depend on the words of any one report:

- an 一是/二是 lead glued to the previous word ("…协同抓的工作格局二是完善制度体系");
- a scene-setting word that opens a clause, glued to the previous one ("…法治意识同时，组织…",
  "…法治意识2024年，共开展…");
- a figure that closes one clause glued to the next clause, which states a figure of its own
  ("发放宣传材料400余份法律顾问进村宣讲2次");
- a very long stretch of text without any mark (real reports stay far below it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from drafter.checks._text import Context, preceded
from drafter.checks.base import Finding, register
from drafter.checks.clauses import seams
from drafter.checks.fragments import VERBS
from drafter.checks.frames import frame_ends
from drafter.checks.runin import MARKS as _MARKS
from drafter.checks.runin import heading_pair, heading_room, run_in_heading
from drafter.spelling import lexicon
from drafter.text.hanzi import HAN, is_han, when_used
from drafter.text.topics import HEADING_VERB

RULE = "run-on"

LONG_STRETCH = 55
"""Han characters without any punctuation mark; the five sample reports peak at 34."""

# (?<=[Han])(?<![的并也在与和而时此])(?:同时|…)(?=[，,]), written to scan fast (_text.preceded).
_CONNECTIVE = re.compile(
    preceded(
        ("同时", "此外", "另外", "因此", "但是", "然而", "下一步"),
        HAN,
        "[的并也在与和而时此]",
    )
    + "(?=[，,])"
)
# Words that end a clause ("…营造浓厚的法治氛围"), never a subject: a year or 全年 right after one
# starts a new clause whose mark is missing. After a subject it is fine ("我乡全年共开展…",
# "四棵树乡2024年…"), so only these endings count.
_CLAUSE_END = (
    r"(?:氛围|意识|水平|能力|格局|机制|体系|作用|成效|效果|素养|观念|环境|保障|根基|稳定|和谐|"
    r"实处|到位|常态化|规范化|制度化|全覆盖)"
)
_GLUED_YEAR = re.compile(
    rf"{_CLAUSE_END}(?P<word>(?:19|20)\d{{2}}\s*年(?:度)?)(?=[，,]|共|累计|全年|以来)"
)
_FRAME_WORDS = ("全年", "今年以来", "截至目前", "截止目前")
_GLUED_FRAME = re.compile(
    rf"{_CLAUSE_END}(?P<word>{'|'.join(_FRAME_WORDS)})"
    r"(?=共|累计|开展|组织|召开|举办|受理|调解|办理|发放|[，,])"
)
# 其中 straight after a figure: "开展活动30场次其中进校园5场次".
_GLUED_PART = re.compile(
    r"(?<=\d)(?:余|多)?(?:场次|人次|件|次|场|份|名|人|个|项|起|户|期)(?P<word>其中)"
)
_COUNT_TAIL = r"(?:\.\d+)?(?:余|多)?(?:场次|人次|批次|件|次|份|名|个|项|场|起|户|条|期|本|册|篇|处)"
_COUNT = r"\d+" + _COUNT_TAIL
_BREAK = _MARKS + r"\s"
_CLAUSE_MARKS = "，。；：！？,.;:!?"
# A count right after a noun (…材料400余份), followed without a mark by words and another count.
# (?<=[Han])(count), with the count's first digit written first so that re scans for digits.
_GLUED_FIGURE = re.compile(
    rf"(\d(?<={HAN}\d)\d*{_COUNT_TAIL})"
    # The second figure is a count, not a year ("组织121名干部参加2025年度考试").
    rf"(?={HAN}[^{_BREAK}]*?(?<!\d)(?!(?:19|20)\d{{2}}\s*年)\d+(?:\.\d+)?(?:余|多)?{HAN})"
)
_NOT_MARK = r"[^，。、；：！？,.;:!?\s“”‘’《》（）()【】—…·]"
# Only from the start of a stretch (the lookbehind): trying every position inside a stretch
# re-measured it from each of its characters.
_STRETCH = re.compile(rf"(?<!{_NOT_MARK}){_NOT_MARK}{{{LONG_STRETCH},}}")
_QUOTED = re.compile(r"《[^》]*》|“[^”]*”")


def _excerpt(text: str, start: int, end: int) -> str:
    return text[max(start - 4, 0) : end + 2]


# Two plenary sessions named one after the other need a 顿号 between them: "十九届六中、二十届一中
# 全会精神"; written together ("十九届六中二十届一中全会") the first one runs into the second.
_CN_NUM = "一二三四五六七八九十"
_GLUED_SESSION = re.compile(
    rf"(?P<first>[{_CN_NUM}]{{1,3}}届[{_CN_NUM}]{{1,2}}中)(?P<word>[{_CN_NUM}]{{1,3}}届)"
)


# A clause whose object is done (…贯彻落实习近平法治思想, …提供有力法治保障) glued to the next
# clause's verb (坚持…, 为…): "深入贯彻落实习近平法治思想坚持依法执政". Only verbs that open a clause
# count as the glue, not adverbs a noun's own predicate starts with (水平持续提升).
_GOVERNING = (
    "贯彻落实|贯彻|落实|学习|践行|提供|营造|创造|夯实|筑牢|提升|提高|增强|强化|完善|健全|构建|"
    "推进|推动|加快|维护|树立|弘扬"
)
_DONE_OBJECT = _CLAUSE_END[:-1] + "|思想|精神|理念|支撑|基础)"
# Verbs that open a clause of their own (how or by what the next step is done): never the
# predicate a noun takes after a governing verb ("推动法治水平进一步提升" is one clause).
_OPENERS = (
    "坚持",
    "着力",
    "切实",
    "扎实",
    "认真",
    "积极",
    "大力",
    "努力",
    "确保",
    "为",
    # 通过 with the means it names; 通过验收/审议 is what a noun went through.
    "通过(?=开展|组织|举办|召开|建立|设立|利用|采取|邀请|印发|制定|发放|张贴|走访|入户|线上|线下|集中|专题)",
    "围绕",
    "按照",
    "依托",
    "针对",
    "同时",
    "此外",
)
_GLUED_CLAUSE = re.compile(
    rf"(?:{_GOVERNING})(?P<object>[^{_BREAK}]{{1,20}}?){_DONE_OBJECT}"
    rf"(?P<word>{'|'.join(_OPENERS)})(?={HAN}{{2}})"
)
# A verdict that closes a clause on a shortcoming ("法治意识不强", "能力有待提高") is the end of
# that clause: the words of a next clause glued to it ("…不强依法办事能力…") lost their comma.
# The verdicts of a 不足 part, a closed class; what may follow one without a mark is listed
# after (不足之处, 不足和原因, 不规范的问题, 有待提高的方面).
_VERDICTS = (
    "不强",
    "不高",
    "较弱",
    "欠缺",
    "滞后",
    "不到位",
    "有待提高",
    "有待加强",
    "有待提升",
    "有待完善",
    "不完善",
    "不健全",
    "不明显",
    "不充分",
    "不规范",
    "不深入",
    "不全面",
    "不及时",
)
_GLUED_VERDICT = re.compile(
    rf"(?:{'|'.join(_VERDICTS)})(?P<word>(?![的等和及与之或问方现情地得]){HAN}{{2}})"
)
# A result stated with its degree ("法治意识明显增强", "能力不断提升") closes its clause the same
# way: a verb that opens a clause right after it ("…明显增强通过开展考试…") lost its comma.
_GLUED_RESULT = re.compile(
    r"(?:明显|显著|不断|持续|进一步|大幅|稳步|全面|有效|逐步|普遍)"
    r"(?:增强|提升|提高|改善|加强|完善|规范|增加|减少|下降)"
    # 为 not: "进一步规范为民服务", "全面提升为企业服务水平" take it as their object's first word.
    rf"(?P<word>{'|'.join(o for o in _OPENERS if o != '为')})(?={HAN}{{2}})"
)
_SUBJECT_WORDS = (
    "我{type}",
    "全{type}",
    "{type}党委",
    "{type}党工委",
    "{type}人民政府",
    "{type}政府",
    "{type}纪委",
    "{type}人大",
    "{type}司法所",
    # Who acts in an item on the first responsible person's duty.
    "党政主要负责人",
    "党委书记",
    "主要负责人",
    "班子成员",
)
# A unit the report names itself: a place name with its 乡/镇/街道 written where a name starts (after
# a mark, at a line's start, after the county: "象湖镇2024年度…", "，象湖镇政府…", "某某县象湖镇").
# Taken when an organ, a year or a comma follows it, or when the report writes it twice.
# The mark first, so that re scans for it (a pattern that began with the name's characters was
# tried at every character of the text); the text is searched with a mark put before it.
_NAMED_UNIT = when_used(
    r"[\s，。、；：！？,.;:!?“”（）()《》县区市旗](\w{2,4}?(?:街道|镇|乡))(?![镇村街乡级域里内外])"
)
_SURE_AFTER = when_used(
    r"党委|党工委|人民政府|政府|办事处|(?:19|20)\d{2}|[，,]|\w{0,2}?(?:年度|全年|以来)"
)
_NOT_UNIT = ("全", "我", "本", "该", "各", "城", "乡", "村", "集", "小")


# A clause closed on its object ("…营造浓厚的法治氛围") or on a count ("…发放材料400余份") and the
# next clause glued to it: a scene-setting connective without its comma ("…氛围同时组织…"), or
# the next clause's own subject (the unit, 我镇, 镇党委: "…长效机制我镇还…"). 保障 and 支撑 are
# verbs too ("切实保障我镇群众权益"): not a clause's end here.
_ENDED = _DONE_OBJECT.replace("保障|", "").replace("|支撑", "")
_GLUED_CONNECTIVES = ("同时", "此外", "另外")


# What closes a clause, right before a place: its object or a count. Compiled when a report first
# has one of its subjects after something.
# The last characters of those words and measure words: a subject after any other character is
# passed without searching.
_CLOSING_CHARS = frozenset(word[-1] for word in re.findall(r"\w+", _ENDED + _COUNT_TAIL))
_CLOSED_BEFORE = when_used(rf"(?:{_ENDED}|\d{_COUNT_TAIL})$")


def _glued_words(
    norm: str, start: int, words: tuple[str, ...], bad_after: str
) -> Iterator[tuple[int, int]]:
    """(start, end) of each of ``words`` glued to a closed clause before it (its object or a
    count, :data:`_CLOSED_BEFORE`) and followed by a word of its clause (not ``bad_after``)."""
    for word in words:
        at = norm.find(word, start + 2)
        while at >= 0:
            end = at + len(word)
            after = norm[end : end + 1]
            if (
                after
                and after not in bad_after
                and norm[at - 1 : at] in _CLOSING_CHARS
                and is_han(after)
                and _CLOSED_BEFORE().search(norm, max(at - 8, 0), at) is not None
            ):
                yield at, end
            at = norm.find(word, end)


def _glued_clauses(
    norm: str, start: int, subjects: tuple[str, ...] = ()
) -> Iterator[tuple[int, int]]:
    """(start, end) of each word that opens a clause glued to the one before it."""
    # A connective without its comma: "…氛围同时组织…" (同时， is _CONNECTIVE's).
    yield from _glued_words(norm, start, _GLUED_CONNECTIVES, "，,的")
    seen: set[int] = set()
    # The next clause's own subject: "…长效机制我镇还组建…".
    for span in _glued_words(norm, start, subjects, "的和与及、等"):
        if span[0] not in seen:  # 镇人民政府 and 镇政府 name one subject once
            seen.add(span[0])
            yield span
    yield from (match.span("word") for match in _glued_matches(norm, start))
    yield from frame_ends(norm, start, subjects)


def _glued_matches(norm: str, start: int) -> Iterator[re.Match[str]]:
    for match in _GLUED_CLAUSE.finditer(norm, start):
        if match.group("word") == "为":
            clause = max(norm.rfind(mark, 0, match.start()) for mark in _MARKS) + 1
            if "以" in norm[clause : match.start("word")]:
                continue  # 以……为指导, 以提升……能力为核心
        yield match
    yield from _GLUED_RESULT.finditer(norm, start)
    if "不" in norm or "有待" in norm or "欠缺" in norm or "较弱" in norm or "滞后" in norm:
        yield from _GLUED_VERDICT.finditer(norm, start)


def _named_units(norm: str) -> Iterator[tuple[str, bool]]:
    """Each unit named where a name starts: two to four characters after a mark, a line's
    start or the county, then 乡/镇/街道 (not 乡镇, 镇村, 镇级…); ``sure`` when an organ, a year or
    a comma follows it."""
    for match in _NAMED_UNIT().finditer("，" + norm):
        name = match.group(1)
        if all(map(is_han, name)):
            yield name, _SURE_AFTER().match(norm, match.end() - 1) is not None


# Characters a place's name hardly holds and a sentence's words around 乡/镇 do: "，对全镇…",
# "，现将本乡…", "，成立以乡党委…", "，大事不出镇".
_NOT_IN_NAME = frozenset("对为以由将在与及把被从向的了全本我该各其是不")


def _place_like(stem: str) -> bool:
    """Can ``stem`` be a place's name: no function word, and no verb of the dictionary in it
    ("，先后召开乡党委会议" names no 先后召开乡)?"""
    if HEADING_VERB().match(stem) or any(ch in _NOT_IN_NAME for ch in stem):
        return False
    words = lexicon()
    return not any(words.tag(stem[i : i + 2]).startswith("v") for i in range(len(stem) - 1))


def _subjects(context: Context) -> tuple[str, ...]:
    """Words that open the body of an item: the unit's own name, 我镇, 镇党委, … and every unit
    the report itself names where a name starts (its title, opening or signature may be cut off
    or read otherwise: the body still names it)."""
    unit_type = context.unit_type
    types = (unit_type,) if unit_type else ("镇", "乡", "街道")
    words = {w.format(type=t) for t in types for w in _SUBJECT_WORDS}
    if context.identity.unit_name:
        words.add(context.identity.unit_name)
    named: Counter[str] = Counter()
    for norm in context.norm:
        if "镇" in norm or "乡" in norm or "街道" in norm:
            for name, sure in _named_units(norm):
                if name[0] not in _NOT_UNIT:
                    named[name] += 2 if sure else 0
    whole = context.whole()
    words.update(
        name
        for name in named
        if (named[name] >= 2 or whole.count(name) >= 2)
        and _place_like(name[: -2 if name.endswith("街道") else -1])
    )
    # Only the words the report holds: each block is searched for every one of them.
    return tuple(sorted((w for w in words if len(w) >= 2 and w in whole), key=len, reverse=True))


@register(RULE, "缺少标点")
def check(context: Context) -> Iterator[Finding]:
    subjects = _subjects(context)
    room = heading_room(context)
    for index, block in enumerate(context.blocks):
        if block.kind not in ("heading", "paragraph"):
            continue
        text, norm = context.texts[index], context.norm[index]
        start = block.text_start
        reported: set[int | None] = set()
        """Where a finding above says a mark is missing: the learned seams leave them."""
        for match in context.bare_leads(index, start):
            reported.add(match.start())
            yield Finding(
                RULE,
                "error",
                f"“{match.group(0)}”前面缺少标点，两句话连在了一起：请在它前面加上句号或分号。",
                _excerpt(text, match.start(), match.end()),
                index,
            )
        for pattern in (_CONNECTIVE, _GLUED_YEAR, _GLUED_FRAME, _GLUED_PART):
            if pattern is _GLUED_PART and "其中" not in norm:
                continue  # the word it looks for is absent: the pattern cannot match
            if pattern is _GLUED_FRAME and not any(word in norm for word in _FRAME_WORDS):
                continue
            for match in pattern.finditer(norm, start):
                word = match.group("word") if "word" in pattern.groupindex else match.group(0)
                at = match.start("word") if "word" in pattern.groupindex else match.start()
                reported.add(at)
                yield Finding(
                    RULE,
                    "warning",
                    f"“{word}”通常开启新的分句，它前面像是缺少标点：请在前面加上句号或逗号。",
                    _excerpt(text, at, match.end()),
                    index,
                )
        heading_end = run_in_heading(context, index, subjects, room)
        reported.add(heading_end)
        pair, pair_start = heading_pair(context, index)
        if pair is not None:
            at = pair_start + pair.at
            reported.add(at)
            yield Finding(
                RULE,
                "warning",
                f"小标题里“{pair.right}”开始的是另一个并列短语，前面缺少逗号：请在“{pair.right}”前面加上逗号。",
                text[max(at - len(pair.left), 0) : at + len(pair.right) + 2],
                index,
            )
        for word_start, word_end in _glued_clauses(norm, start, subjects):
            reported.add(word_start)
            if word_start == heading_end:
                continue  # the heading's lost 。, reported below
            word = norm[word_start:word_end]
            yield Finding(
                RULE,
                "warning",
                f"“{word}”开启了新的分句，它前面像是缺少逗号：请在“{word}”前面加上逗号。",
                _excerpt(text, word_start, word_end),
                index,
            )
        if heading_end is not None:
            yield Finding(
                RULE,
                "warning",
                "小标题后面缺少句号，小标题和正文连在了一起：请在小标题末尾加上句号。",
                text[:heading_end].lstrip() + text[heading_end : heading_end + 3],
                index,
            )
        for match in _GLUED_SESSION.finditer(norm, start) if "届" in norm else ():
            yield Finding(
                RULE,
                "error",
                f"“{match.group('first')}”和“{match.group('word')}……”是两次全会，中间缺少顿号："
                f"应为“{match.group('first')}、{match.group('word')}……”。",
                text[match.start() : match.end()],
                index,
            )
        for match in _GLUED_FIGURE.finditer(norm, start):
            if norm.startswith("其中", match.end()):
                continue  # reported above as a glued 其中
            if _glued(norm, match.start(), match.end()):
                reported.add(match.end())
                yield Finding(
                    RULE,
                    "warning",
                    f"“{match.group(0)}”后面直接接了下一句话，像是漏了逗号：请在“{match.group(0)}”"
                    "后面加上逗号。",
                    text[max(match.start() - 4, 0) : match.end() + 4],
                    index,
                )
        for seam in seams(norm, start):
            if seam.at in reported or _in_long_stretch(norm, seam.at):
                continue  # reported above, or by the long stretch below
            yield Finding(
                RULE,
                "warning",
                f"“{seam.left}”常作分句的结尾，“{seam.right}”常作分句的开头，两句话像是连在了"
                f"一起：请在“{seam.right}”前面加上逗号。",
                _excerpt(text, seam.at - len(seam.left) + 4, seam.at + len(seam.right)),
                index,
            )
        if len(norm) - start < LONG_STRETCH or not _may_stretch(norm):
            continue  # no stretch long enough (the last check of the block)
        # Titles in 《》 and quoted names may be long; blank them (same length) before measuring.
        masked = norm
        if "《" in norm or "“" in norm:
            masked = _QUOTED.sub(lambda m: "，" * len(m.group(0)), norm)
        if start:
            # What comes before start is not searched: a stretch may begin right at start.
            masked = "，" * start + masked[start:]
        for match in _STRETCH.finditer(masked, start):
            yield Finding(
                RULE,
                "warning",
                f"这里连续{match.end() - match.start()}个字没有一个标点，像是漏了逗号或句号："
                "请按意思断开。",
                text[match.start() : match.end()],
                index,
            )


_STRETCH_MARKS = frozenset("，。、；：！？,.;:!?“”‘’《》（）()【】—…· \t")


def _in_long_stretch(norm: str, at: int) -> bool:
    """Is ``at`` inside a stretch without any mark at least LONG_STRETCH long?"""
    start = at
    while start > 0 and norm[start - 1] not in _STRETCH_MARKS:
        start -= 1
    end = at
    while end < len(norm) and norm[end] not in _STRETCH_MARKS:
        end += 1
    return end - start >= LONG_STRETCH


def _may_stretch(norm: str) -> bool:
    """Is there a piece between two ，or 。 at least LONG_STRETCH long? A stretch is made of
    neither (nor of the other marks), so it lies inside such a piece; masking quotes and the
    heading number only adds marks. Splitting at two characters says no for almost every
    block, so the stretch pattern and the masking run only where they can find something."""
    return any(
        len(piece) >= LONG_STRETCH
        for part in norm.split("，")
        if len(part) >= LONG_STRETCH
        for piece in part.split("。")
    )


def _glued(norm: str, at: int, end: int) -> bool:
    """Does the count from ``at`` to ``end`` close a clause ("发放宣传材料400余份") rather than
    open a noun phrase ("开展30场次宣传活动", "在6个行政村") or state a frequency ("每两月1次")?

    A count right after a verb ("宣传20场次", "学法7次") may be the verb's own (its times) or open
    its object ("组织30场次宣传"): it closes the clause when a verb of two characters or more
    follows it ("……宣传20场次发放……")."""
    # The clause's start: a 顿号 or a quote only parts the things one verb governs.
    clause_start = max(norm.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1
    before = norm[clause_start:at]
    if "每" in before or len(before) < 4 or VERBS.search(before[:-2]) is None:
        return False
    if VERBS.search(before[-2:]) is None:
        return True
    verb = VERBS.match(norm, end)
    return verb is not None and len(verb.group()) >= 2
