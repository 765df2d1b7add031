"""fragment: sentences that are not whole.

What is left when a clause is cut out of a sentence, or a noun phrase is printed as a sentence:

- a 均 with nothing it distributes over: "2024年，均严格按照程序进行。" (the "作出决策1项" is gone);
- a sentence ending on a word that needs what follows: "…主要表现在。", "…包括。";
- an empty clause: "全年，。", "开展宣传活动，。";
- a sentence that is only a time or scene word: "2024年。", "同时。";
- a noun phrase and a figure with no verb: "行政诉讼案件1件。" (a real report writes "发生…1件");
- 其中 at the start of a text that has no whole before it;
- a year and 今后 together: "2025年，在今后的工作中，我们将…";
- a result clause standing alone: "营造了浓厚的法治氛围。" (what was done was cut away).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import FRAME, Context, body_start, core
from drafter.checks.base import Finding, Severity, register
from drafter.spelling.lexicon import lexicon
from drafter.text.hanzi import han_or

RULE = "fragment"

_LEAD_FRAMES = re.compile(rf"^(?:{FRAME}\s*[，,]\s*)+")
_DANGLING_ALL = re.compile(rf"^(?:{FRAME}\s*[，,]\s*)*均")
_OPEN_END = re.compile(
    # Not 通过: "全部通过。" ends on the verb "pass".
    r"(?:表现在|表现为|主要有|包括|包含|在于|涉及|具体是|具体为|分别是|分别为|主要是|以及|为了|"
    r"关于|根据|按照|围绕|针对|对于|(?:问题|原因|不足|措施|情况|表现|做法|内容|重点|目标|任务)"
    r"(?:主要)?(?:是|为|有))\s*[。；！]$"
)
_EMPTY_CLAUSE = re.compile(r"[，、；：,;:]\s*[。！？]")
_FRAME_ONLY = re.compile(rf"^{FRAME}$")
# The result clause of a sentence whose doing was cut away: "营造了浓厚的法治氛围。" alone.
_RESULT_ONLY = re.compile(r"^(?:营造|提高|增强|提升|丰富)了[^，,；;]{2,14}[。！]?$")
# A clause that is only a verb needing its object, left after a cut: "加强组织领导，组建。"
# (组建 what?). Verbs that may end a sentence alone (推进, 落实 after 同部署、同落实) are not listed.
_BARE_VERB_CLAUSE = re.compile(
    r"[，,、]\s*(?:组建|成立|建立|设立|开展|组织|制定|印发|出台|召开|举办|聘请|制发|配备|选聘|修订)"
    r"\s*[。；！]$"
)
_BARE_VERB = (
    "句子在一个缺少宾语的动词上结束了（如“……，组建。”），像是删掉内容后留下的残句："
    "请补全做了什么，或删去这个分句。"
)
_YEAR_AND_LATER = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?\s*[，,]\s*(?:在)?(?:今后|下一步|下步)")

_UNIT = r"(?:场次|人次|批次|件|起|宗|次|场|名|人|个|份|项|期|户|条|家|处|所|位)"
_FIGURE = rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*{_UNIT}"
_FIGURES = re.compile(_FIGURE)
_NOUN_FIGURES = re.compile(
    rf"^({han_or('“”')}{{2,24}}?)\s*{_FIGURE}(?:\s*[、，,]\s*{han_or('“”')}{{2,16}}?\s*{_FIGURE})*\s*[。；！]?$"
)
# Verbs (and verb morphemes) that make a figure sentence a statement: with none of them,
# "行政诉讼案件1件" is a noun phrase, not a sentence.
VERBS = re.compile(
    "开展|召开|组织|举办|举行|受理|办理|办结|调解|化解|排查|摸排|调处|发放|解答|接待|处理|作出|做出|"
    "审查|审核|聘请|聘用|选聘|配备|培训|参加|参训|参与|学法|学习|考试|宣传|宣讲|出动|检查|查处|发现|"
    "整改|完成|实现|达到|设立|建立|成立|健全|组建|开设|印发|制定|出台|制发|备案|公开|发布|走访|覆盖|"
    "惠及|受益|受教育|提供|解决|答复|签订|获得|荣获|涉及|挽回|投入|落实|推送|张贴|悬挂|播放|讲授|授课|"
    "主持|听取|研究|部署|审议|讨论|包案|接访|约谈|回访|立案|结案|移送|处罚|收缴|上报|报送|征集|培育|"
    "签约|通过|合格|成功|旁听|出庭|编印|印制|制作|发送|刊播|推广|评选|表彰|收到|接收|交办|转办|督办|"
    "登记|服务|帮助|协调|指导|督导|巡查|巡逻|演练|考核|评查|清理|更新|下发|转发|传达|贯彻|累计|共计|"
    "合计|新增|减少|增加|增长|下降|占|达|为|是|有|获|计|建|设|聘|办|开|发|讲|送|收|审|查|调"
)


# The last character of each unit word: a noun-and-figures sentence ends on one, then maybe
# spaces and one mark (the end of _NOUN_FIGURES). A sentence ending otherwise (most) is passed
# without trying the pattern, which backtracks.
_UNIT_ENDS = tuple(sorted({unit[-1] for unit in _UNIT[3:-1].split("|")}))


def _ends_on_unit(sentence: str) -> bool:
    body = sentence[:-1] if sentence.endswith(("。", "；", "！")) else sentence
    return body.rstrip().endswith(_UNIT_ENDS)


def _noun_only(sentence: str) -> bool:
    """A noun phrase with figures and no verb: "行政诉讼案件1件。"."""
    # The cheap test first. The lead frames taken off below are at the start (and the sentence
    # is stripped), so the rest ends as the sentence does.
    if not _ends_on_unit(sentence):
        return False
    rest = _LEAD_FRAMES.sub("", sentence)
    if rest.startswith(("其中", "分别", "包括")) or sentence.startswith("其中"):
        return False
    match = _NOUN_FIGURES.match(rest)
    if match is None:
        return False
    words = _FIGURES.sub("", rest)
    return VERBS.search(words) is None and not _predicate_before_figures(rest)


_HEAD = 2
"""A verb right before a two-character noun may be its modifier, not the predicate: 执法案件,
复议案件 (the cases of law enforcement, of review) are noun phrases."""

COMPARATIVE = re.compile(
    r"(?:不少于|不低于|不多于|不高于|不超过|不足|少于|多于|低于|高于|超过|超出|达到|达|逾|突破|至少|多达)"
    r"\s*$"
)
"""Comparisons of quantity, a closed class of the grammar: a figure after one is what the
sentence says of its subject ("每个村法律明白人不少于5名")."""


def _verbs(words: str) -> list[tuple[int, int]]:
    """Spans of the verbs of a run of words cut into the general dictionary's words (the one the
    spelling check reads), the longest at each place: verbs of 2-4 characters tagged v (a verb
    inside a longer noun, 复议 in 行政复议, is not one)."""
    lex = lexicon()
    spans = []
    at = 0
    while at < len(words) - 1:
        length = next((n for n in (4, 3, 2) if lex.tag(words[at : at + n])), 1)
        if length > 1 and lex.tag(words[at : at + length]) == "v":
            spans.append((at, at + length))
        at += length
    return spans


def _predicate_before_figures(rest: str) -> bool:
    """Words before one of the figures that make a statement: a comparison of quantity right
    before it ("……不少于5名"), or a verb of the general dictionary with more than a head noun
    after it ("每村培养法律明白人5名")."""
    start = 0
    for figure in _FIGURES.finditer(rest):
        words = rest[start : figure.start()].strip(" 、，,")
        if COMPARATIVE.search(words):
            return True
        if any(end <= len(words) - _HEAD - 1 for _, end in _verbs(words)):
            return True
        start = figure.end()
    return False


@register(RULE, "残缺的句子")
def check(context: Context) -> Iterator[Finding]:
    for index, block in enumerate(context.blocks):
        if block.kind not in ("heading", "paragraph"):
            continue
        text, norm = context.texts[index], context.norm[index]
        start = body_start(block)
        if start and (bare := _BARE_VERB_CLAUSE.search(norm, 0, start)) is not None:
            # The heading's own sentence: "（一）加强组织领导，组建。"
            yield Finding(
                RULE, "error", _BARE_VERB, text[bare.start() + 1 : bare.end()].strip(), index
            )
        empty_clauses = list(_EMPTY_CLAUSE.finditer(norm, start))
        for match in empty_clauses:
            # The excerpt is the sentence the empty clause ends ("全年，。").
            begin = max(norm.rfind(mark, start, match.start()) for mark in "。！？；") + 1
            yield Finding(
                RULE,
                "error",
                "标点之间没有内容，像是删掉数字或短语后留下的残句：请补全这句话，或删去多余的标点。",
                text[max(begin, start) : match.end()],
                index,
            )
        spans = context.sentence_spans(index, start)
        for number, sentence in enumerate(context.lead_free(index, start)):
            s_start, s_end = spans[number]
            # Reported above (a sentence holds one only if the block does: most hold none).
            if not sentence or (empty_clauses and _EMPTY_CLAUSE.search(norm, s_start, s_end)):
                continue
            judged = _judge(sentence)
            if judged is not None:
                excerpt = text[s_start:s_end].strip()
                severity, message = judged
                if message == _BARE_VERB or _open_end(sentence):
                    # Only the clause that breaks off: the whole sentence may be long.
                    cut = max(excerpt.rfind(mark) for mark in "，,：:") + 1
                    excerpt = excerpt[cut:]
                yield Finding(RULE, severity, message, excerpt, index)
            elif (
                number == 0
                and sentence.startswith("其中")
                and not _has_whole_before(context, index)
            ):
                yield Finding(
                    RULE,
                    "warning",
                    "“其中”前面没有交代总数，读者不知道是谁的“其中”：请先写出总数，或去掉“其中”。",
                    text[s_start:s_end].strip(),
                    index,
                )
        # Each match holds 今后, 下一步 or 下步: most blocks hold none (plain searches).
        later = "今后" in norm or "下一步" in norm or "下步" in norm
        for match in _YEAR_AND_LATER.finditer(norm, start) if later else ():
            yield Finding(
                RULE,
                "warning",
                "年份和“今后”“下一步”叠在一起表示时间，读起来重复：请保留一个。",
                text[match.start() : match.end()],
                index,
            )


_OPEN_END_WORD = 12
"""More than the longest word _OPEN_END ends on (问题主要是: 5)."""


def _open_end(sentence: str) -> bool:
    """_OPEN_END.search(sentence), for a stripped sentence, without scanning all of it: its
    match is a word, spaces and the final mark, so it starts within the last few characters."""
    if not sentence.endswith(("。", "；", "！")):
        return False
    body = len(sentence[:-1].rstrip())
    return _OPEN_END.search(sentence, max(body - _OPEN_END_WORD, 0)) is not None


def _judge(sentence: str) -> tuple[Severity, str] | None:
    """Why a sentence is a fragment (severity and message), or None."""
    if _DANGLING_ALL.match(sentence):
        return "error", (
            "“均”前面没有它所指的事项（像是删掉了“作出……N项”这样的分句）：请补出所指的事项，"
            "或去掉“均”。"
        )
    if _open_end(sentence):
        return "error", (
            "句子在需要接续内容的词上结束了（如“主要表现在。”“包括。”）：请补全后面的内容，"
            "或把句号改为冒号并接着列出。"
        )
    if _BARE_VERB_CLAUSE.search(sentence):
        return "error", _BARE_VERB
    if _FRAME_ONLY.match(core(sentence)):
        return "error", "这句话只有时间或关联词，没有内容：请补全或删去。"
    if _RESULT_ONLY.match(sentence):
        # Short summary sentences of this shape exist: likely, not certain.
        return "warning", (
            "这句话只有结果（如“营造了浓厚的法治氛围。”），没有说做了什么，像是前面的分句被删掉了："
            "请并入上一句，或补上具体做法。"
        )
    if _noun_only(sentence):
        return "error", (
            "这句话只有名词和数字，没有谓语（如“行政诉讼案件1件。”）：请写成完整的句子，"
            "如“发生行政诉讼案件1件”。"
        )
    return None


def _has_whole_before(context: Context, index: int) -> bool:
    """Does the sentence before this block's text state figures (the whole of a 其中)?"""
    block = context.blocks[index]
    if block.kind == "heading" and block.body.strip():
        return bool(re.search(r"\d", block.text))
    if index == 0:
        return False
    previous = context.blocks[index - 1]
    if previous.kind not in ("heading", "paragraph"):
        return False
    spans = context.sentence_spans(index - 1)
    if not spans:
        return False
    last_start, last_end = spans[-1]
    return bool(re.search(r"\d", context.norm[index - 1][last_start:last_end]))
