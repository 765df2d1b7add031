"""Sentences around answers: the grammatical frame each kind of answer gets in a draft.

An answer is a heading (a verb phrase: 健全领导机制), a body (sentences), a noun phrase (党委书记、
乡长任双组长; 《…工作方案》), a status (已落实) or a figure. None of them may stand in a report as it
was typed when that would not read as a sentence: a heading alone in the middle of a paragraph, a
noun phrase with a full stop, a status word on its own. The functions here put each into a frame
real reports use, and never add a sentence of substance: a frame only carries the user's words.

Pure functions of text (no Jinja, no answers model), so the templates, the tests and the checks
can all call them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Any

from drafter.blocks import ordinal_lead, split_paragraphs
from drafter.spelling.grammar import opens_with_preposition
from drafter.spelling.lexicon import lexicon

END_PUNCT = "。；;，,：:、 "
"""Marks a clause may end with; stripped before a frame adds its own."""

SENTENCE_END = "。！？!?"
CLOSERS = "”’」』）)"

PLACEHOLDER = "【待补充"
"""How a required part with nothing from the user shows in the draft (the checks flag it):
"【待补充】" under a heading that names it, "【待补充：……】" where nothing else does."""

_NOT_TEXT = re.compile(r"[\s，,。．.；;：:、！!？?“”‘’\"'（）()《》〈〉【】\[\]—\-…·]")


def clause(text: Any) -> str:
    """A text as a clause: no closing punctuation (to be followed by "，" or "。")."""
    return str(text or "").strip().rstrip(END_PUNCT)


def sentence(text: Any) -> str:
    """A text ending with a full stop (unless it already ends with one, ！ or ？, or with a
    placeholder: the words it stands for are missing, so the sentence is not closed)."""
    value = str(text or "").strip()
    if not value:
        return ""
    if value.rstrip(CLOSERS)[-1:] in SENTENCE_END or ends_with_placeholder(value):
        return value  # "……。" and "……。”" end a sentence; "……嘉奖”" does not
    return clause(value) + "。"


def runin(text: Any) -> str:
    """A run-in heading sentence: ends with "。"."""
    return clause(text) + "。" if clause(text) else ""


def paras(text: Any) -> list[str]:
    """A multi-line answer as its paragraphs (blank lines dropped; any line break or the
    channel's paragraph mark separates them, see ``outline.py``)."""
    return split_paragraphs(text)


def norm(text: Any) -> str:
    """A text without punctuation and spaces, for telling whether two texts say the same."""
    return _NOT_TEXT.sub("", str(text or ""))


def series(words: Iterable[Any]) -> str:
    """ "A", "A和B", "A、B和C": a list of words as Chinese writes it (empty words dropped)."""
    kept = [clause(w) for w in words if clause(w)]
    if len(kept) <= 1:
        return "".join(kept)
    return "、".join(kept[:-1]) + "和" + kept[-1]


def placeholder(what: Any = "") -> str:
    """The visible gap a required part shows when the answers say nothing about it: 【待补充】
    under a heading that names the part, 【待补充：……】 where nothing else says what is missing."""
    return f"{PLACEHOLDER}：{clause(what)}】" if clause(what) else f"{PLACEHOLDER}】"


CUT_OFF = placeholder("原报告复制到此中断后缺少的内容")
FIRST_DUTY_ITEM = "党政主要负责人履行推进法治建设第一责任人职责情况"
"""The heading of the 第一责任人 item a draft adds where the report has none (its text a bare
placeholder until the user writes it)."""
"""What an import puts where a report copied short breaks off: after a heading whose body was
cut off (as the item's text), or right after the half sentence the copy stops in (left open)."""


def ends_with_placeholder(text: Any) -> bool:
    """Whether a text ends with a placeholder (…【待补充：……】): it is not closed with 。."""
    value = str(text or "").rstrip()
    return value.endswith("】") and value.rfind(PLACEHOLDER) > value.rfind("】", 0, -1)


def only_placeholder(text: Any) -> bool:
    """Whether a text is a placeholder and nothing else (an item whose body is still to be
    written: its heading stands on its own line, without a full stop)."""
    value = str(text or "").strip()
    return value.startswith(PLACEHOLDER) and value.endswith("】") and value.count("】") == 1


def quoted(text: Any, limit: int = 30) -> str:
    """A heading quoted inside a sentence: “进一步提高法治意识” (a long one cut at its first clause)."""
    value = clause(text)
    if len(value) > limit:
        value = clause(re.split(r"[，。；]", value, maxsplit=1)[0])
    return f"“{value.strip('“”')}”"


# --------------------------------------------------------------------------- items


def _heading(item: Any) -> str:
    return clause(getattr(item, "heading", ""))


def _text(item: Any) -> str:
    return str(getattr(item, "text", "") or "")


def same_words(a: Any, b: Any) -> bool:
    """Whether two short texts say the same, a word or a unit prefix apart.

    "强化领导干部学法用法" and "加强领导干部学法用法"; "党政主要负责人切实履行……职责" and
    "镇党政主要负责人切实履行……职责".
    """
    x, y = norm(a), norm(b)
    if min(len(x), len(y)) < 4:
        return False
    if x in y or y in x:
        return abs(len(x) - len(y)) <= 4
    wanted = 0.75 * max(len(x), len(y))
    if min(len(x), len(y)) < wanted:
        return False  # no common run can be longer than the shorter text
    match = SequenceMatcher(None, x, y, autojunk=False).find_longest_match()
    return match.size >= wanted


def _norm_prefix_end(text: str, wanted: str) -> int | None:
    """Where in ``text`` a prefix that reads as ``wanted`` (punctuation aside) ends."""
    got = 0
    for i, char in enumerate(text):
        if _NOT_TEXT.match(char):
            continue
        if got == len(wanted) or char != wanted[got]:
            return i if got == len(wanted) else None
        got += 1
    return len(text) if got == len(wanted) else None


def without_echo(heading: str, body: str) -> str:
    """The body without an opening that only restates the heading.

    "（二）强化学法用法。强化学法用法，把……纳入……" reads the heading twice; the echo goes and the
    rest of the sentence stays ("把……纳入……"). A first clause that says the heading with a word
    changed or a unit word in front (镇党政主要负责人… after 党政主要负责人…) is an echo too.
    """
    wanted = norm(heading)
    if len(wanted) < 2 or not body:
        return body
    end = _norm_prefix_end(body, wanted)
    if end is None:
        match = re.match(r"\s*([^，。；！？,;]*)[，。；！？,;]?", body)
        if match is None or not same_words(match.group(1), heading):
            return body
        if opens_with_preposition(lexicon(), match.group(1)):
            # "把学习……新战略，作为……首要政治任务": the clause is 把's object, and the sentence
            # goes on from it; without it "作为……" has lost its subject.
            return body
        end = match.end()
    return body[end:].lstrip(END_PUNCT)


def item_paras(item: Any) -> list[str]:
    """An item's paragraphs as sentences, without an opening echo of its heading (its
    sub-items are not among them: a template prints them under it)."""
    parts = paras(_text(item))
    if parts:
        parts[0] = without_echo(_heading(item), parts[0])
    # A lead-in that introduces what follows ("……主要表现在：") keeps its colon.
    return [
        p.strip() if p.rstrip().endswith(("：", ":")) else sentence(p) for p in parts if clause(p)
    ]


def _subitems(item: Any) -> list[Any]:
    return list(getattr(item, "subitems", ()) or ())


def flat_paras(item: Any) -> list[str]:
    """An item's paragraphs and then its sub-items', each sub-item one paragraph headed by its
    own heading ("健全领导体制。及时调整……"): the item's words where a draft cannot nest them."""
    out = item_paras(item)
    for sub in _subitems(item):
        heading, body = _heading(sub), "".join(flat_paras(sub))
        if heading and body and without_echo(heading, body) == body:
            out.append(run_in(heading, body))
        elif body or heading:
            out.append(body or sentence(heading))
    return out


def run_in(heading: str, body: str) -> str:
    """A heading run into its body: "健全领导机制。成立……"; a heading whose body the copy of the
    report broke off before is not closed with 。 (it may itself be cut short): "健全组织体【待补充：
    原报告复制到此中断……】". A heading over a part still to be written is whole: "……职责情况。【待补充】"."""
    return f"{heading}{body}" if body.strip() == CUT_OFF else f"{heading}。{body}"


def _body(item: Any) -> str:
    """An item's text as one run of sentences (paragraphs joined without spaces), its
    sub-items' after its own."""
    own = "".join(sentence(p) for p in paras(_text(item)))
    return own + "".join(flat_paras(item)[len(item_paras(item)) :])


def _in_title(heading: str, title: str) -> bool:
    """The heading says no more than the title above it (强化学法用法 under 强化学法用法，提升…)."""
    wanted = norm(heading)
    if len(wanted) < 4 or not title:
        return False
    return wanted in norm(title) or any(
        same_words(heading, c) for c in re.split(r"[，；、]", title)
    )


def _has_content(item: Any) -> bool:
    return bool(_heading(item) or clause(_text(item)) or _subitems(item))


def merged(item: Any, title: str = "") -> str:
    """One item with no ordinal: its heading and body as one sentence run.

    A lone heading in the middle of a paragraph ("…措施。健全领导机制。成立……") reads as a seam, so
    the heading becomes the first clause of the body ("健全领导机制，成立……"), or goes when the body
    or the title above already says it.
    """
    heading, body = _heading(item), _body(item)
    if title and body:
        body = without_echo(title, body)  # the body restating the heading above it
    if heading and _in_title(heading, title):
        body = without_echo(heading, body)  # the title above says it already
        heading = ""
    if not body or not heading:
        return body or sentence(heading)
    if without_echo(heading, body) != body:
        return body  # the body opens with the heading's own words
    if only_placeholder(body):
        return run_in(heading, body)
    joint = "：" if re.match(r"(一是|首先|（一）|1[.．、])", body) else "，"
    return f"{heading}{joint}{body}"


def _ordinal_item(n: int, item: Any, title: str) -> str:
    heading, body = _heading(item), "".join(flat_paras(item))
    lead = ordinal_lead(n)
    if heading and _in_title(heading, title) and body:
        return lead + body
    if heading and body:
        return lead + run_in(heading, body)
    return lead + sentence(heading or body)


_LEAD_IN_END = re.compile(
    r"(?:表现在|表现为|如下|具体为|具体是|主要有|主要是|以下几个方面|以下几点)[：:。]?$"
)


def _leads_in(item: Any) -> bool:
    """A text that introduces what follows ("……主要表现在：", "……具体如下。")."""
    text = _text(item).strip()
    return (
        bool(text)
        and "\n" not in text
        and (text.endswith(("：", ":")) or _LEAD_IN_END.search(text) is not None)
    )


def _lead_and_rest(items: Sequence[Any]) -> tuple[Any | None, list[Any]]:
    """A first item without a heading before items with one is a lead-in, not an item; so is
    one that introduces what follows, whatever the items after it.

    ("针对存在的问题，……重点抓好以下工作：" before （一）（二）…, or "……主要表现在：" before 一是……)
    """
    kept = [i for i in items if _has_content(i)]
    lead_in = len(kept) >= 2 and not _heading(kept[0])
    if lead_in and (all(_heading(i) for i in kept[1:]) or _leads_in(kept[0])):
        return kept[0], kept[1:]
    return None, kept


def inline(items: Sequence[Any], title: str = "") -> str:
    """Items as one run of 一是……二是……; a single item without its ordinal (see :func:`merged`).

    ``title`` is the heading the run sits under: an item heading it already contains is not said
    again. A lead-in item (no heading, before items with headings) opens the run unnumbered.
    Items the township numbered itself are said as written (:func:`own_runs`).
    """
    runs = own_runs(items, title)
    if runs:
        return "".join(runs)
    lead, kept = _lead_and_rest(items)
    opening = _lead_text(lead) if lead is not None else ""
    if len(kept) == 1:
        return opening + merged(kept[0], title)
    return opening + "".join(_ordinal_item(n, item, title) for n, item in enumerate(kept, 1))


def own_runs(items: Sequence[Any], title: str = "", paragraphs: bool = False) -> list[str]:
    """Items the township numbered itself ("一是靠前部署抓统筹。……", "二是……", each a paragraph of
    its own, perhaps after a lead): their paragraphs as written, one an item, never given a
    second ordinal ("二是一是……"); [] for items without ordinals of their own.

    ``paragraphs``: the items are a part the township wrote as paragraphs, unnumbered
    ("带头学法用法。……", "加强组织领导。……"; ``OwnPart.paragraphs``): they stay paragraphs, with
    no 一是 of ours, and so does an item added to them later (its heading run into its text).
    """
    lead, kept = _lead_and_rest(items)
    if len(kept) < 2:
        return []
    numbered = any(_OWN_ORDINAL.match(_heading(i) or _text(i).lstrip()) for i in kept)
    if not numbered and not paragraphs:
        return []
    return ([_lead_text(lead)] if lead is not None else []) + [merged(i, title) for i in kept]


def _lead_text(lead: Any) -> str:
    text = _text(lead).strip()
    # "……主要表现在：" introduces what follows and keeps its colon.
    return text if text.endswith(("：", ":")) and len(paras(text)) == 1 else _body(lead)


_OWN_ORDINAL = re.compile(r"[一二三四五六七八九十]{1,2}是")


def headed(items: Sequence[Any], avoid: Iterable[str] = ()) -> bool:
    """Whether items read best as （一）（二）… headings of their own.

    Only when there are two or more, every one has a heading (but a lead-in before them), and no
    heading repeats another or a heading used elsewhere in the report (``avoid``); otherwise they
    run as 一是……二是…….
    """
    _, kept = _lead_and_rest(items)
    heads = [norm(_heading(i)) for i in kept]
    taken = {norm(a) for a in avoid if norm(a)}
    return (
        len(kept) >= 2
        and all(heads)
        and len(set(heads)) == len(heads)
        and not any(h in taken for h in heads)
    )


def stands_alone(items: Sequence[Any]) -> bool:
    """Whether a list's headings stand on their own lines: when the township's report set one
    of them so (``alone``), or one of them heads only sub-items (nothing of its own to run
    into), all do, so a part has one form of heading."""
    return any(
        _heading(i) and (getattr(i, "alone", False) or (not clause(_text(i)) and _subitems(i)))
        for i in items
    )


_DOING = re.compile(
    r"^(?P<when>全年|累计)?(?P<verb>开展|组织|举办|发放|解答|聘请|主持召开|召开|听取|办理|配备|"
    r"主动公开|化解|受理|培育|作出|制发|排查)"
)


def none_of(phrase: str) -> str:
    """A figure phrase said of a zero: "开展合法性审查" → "未开展合法性审查", "现有X" → "无X".

    A phrase that is not something the unit did (参加考试, 合格, 中心组学法) says nothing at zero
    ("" — the clause is left out rather than printed as "0次").
    """
    if phrase.startswith("现有"):
        return "无" + phrase[len("现有") :]
    match = _DOING.match(phrase)
    if match is None:
        return ""
    when = {"全年": "全年", "累计": "尚"}.get(match.group("when") or "", "")
    return f"{when}未{phrase[match.start('verb') :]}"


# --------------------------------------------------------------------------- follow-ups

PLAN_WORDS = {"done": "已落实", "partly": "部分落实", "not": "尚未落实"}
FIX_WORDS = {"done": "已整改到位", "partly": "已部分整改", "not": "尚未完成整改"}
FIX_WRITTEN = {"已整改到位": "done", "部分整改": "partly", "尚未完成整改": "not"}
PLAN_WRITTEN = {"已落实": "done", "部分落实": "partly", "尚未落实": "not", "未落实": "not"}


def split_status(text: str, written: dict[str, str]) -> tuple[str | None, str]:
    """ "已落实。举办专题培训。" → ("done", "举办专题培训。"): a leading status word and the rest."""
    value = text.strip()
    for word in sorted(written, key=len, reverse=True):
        if value.startswith(word):
            rest = value[len(word) :]
            if not rest or rest[0] in END_PUNCT:
                return written[word], rest.lstrip(END_PUNCT)
    return None, value


def _status_sentence(subject: str, word: str, said: str) -> str:
    """ "“X”已落实，举办专题培训6次。" — the status is the predicate of a sentence about the item."""
    said = "".join(sentence(p) for p in paras(said))
    if not said:
        return f"{subject}{word}。"
    return f"{subject}{word}，{said}"


def followup_said(f: Any) -> str:
    """What the user said about one of last year's plans (not the plan's own text)."""
    said = str(getattr(f, "sentence", "") or "")
    written, rest = split_status(_text(f), PLAN_WRITTEN)
    if not said and written is not None:
        said = rest  # the older form: text = "已落实。<sentence>"
    return said


def followed(followups: Sequence[Any]) -> str:
    """Last year's plans and what became of them, as sentences: "去年提出的“X”已落实，……"."""
    lines: list[str] = []
    for f in followups:
        heading = clause(getattr(f, "heading", "")) or clause(_text(f))
        if not heading:
            continue
        status = str(getattr(f, "status", "") or "")
        said = followup_said(f)
        written, _ = split_status(_text(f), PLAN_WRITTEN)
        word = PLAN_WORDS.get(status) or PLAN_WORDS.get(written or "", "") or ""
        if not word and not said:
            continue
        lines.append(_status_sentence(quoted(heading), word, said))
    if len(lines) == 1:
        return "去年提出的" + lines[0]
    return "".join(ordinal_lead(n) + line for n, line in enumerate(lines, 1))


RECTIFICATION_LEAD = "上一年度报告提出问题的整改情况如下："


# The township's own lead to its 整改 run into the first paragraph after it ("针对上述问题，……
# 具体整改情况如下：四棵树乡继续……", as a draft prints it and an import of the draft reads it).
_OWN_RECTIFICATION_LEAD = re.compile(r"^[^。；;：:\n]{0,80}整改[^。；;：:\n]{0,40}[：:]")


def rectification_lead(items: Sequence[Any]) -> str:
    """The lead the draft writes before the 整改 items, unless they open with their own
    ("针对上述问题，……具体整改情况如下：", an item of its own or the start of the first)."""
    lead, kept = _lead_and_rest(items)
    if lead is not None or (kept and _OWN_RECTIFICATION_LEAD.match(_text(kept[0]).strip())):
        return ""
    return RECTIFICATION_LEAD


def rectified(items: Sequence[Any]) -> str:
    """整改 of earlier problems: "针对“X”的问题，……，已整改到位。" (a plain item stays as written).

    A lead-in the report wrote ("针对上述问题，……具体整改情况如下：") opens the run unnumbered."""
    lead, kept = _lead_and_rest(items)
    opening = _text(lead).strip() if lead is not None else ""
    if opening and not opening.endswith(("：", ":")):
        opening = _body(lead)
    return opening + _rectified(kept)


def _rectified(kept: Sequence[Any]) -> str:
    lines: list[str] = []
    for item in kept:
        status, rest = split_status(_text(item), FIX_WRITTEN)
        heading = _heading(item)
        if status is None or not heading:
            lines.append("")
            continue
        said = "".join(sentence(p) for p in paras(rest))
        word = FIX_WORDS[status]
        if said:
            lines.append(f"针对{quoted(heading)}的问题，{clause(said)}，{word}。")
        else:
            lines.append(f"{quoted(heading)}的问题{word}。")
    if len(kept) == 1:
        return lines[0] or merged(kept[0])
    return "".join(
        (ordinal_lead(n) + line) if line else _ordinal_item(n, item, "")
        for n, (line, item) in enumerate(zip(lines, kept, strict=True), 1)
    )
