"""heading-echo and heading-form: the headings of items, as a reader sees them.

heading-echo: the sentence right after a heading repeats the heading, or is a second heading.

Seams of a draft put together from pieces: "（二）强化领导干部学法用法，提升依法行政能力。强化领导干部
学法用法。" (the item's heading printed again as its first sentence), and "（七）推进信访工作法治化，依法
维护群众合法权益。依法规范信访行为。将信访纳入…" (a one-item list printed as a bare heading sentence,
so two headings stand one after the other). Real reports number such sub-headings (一是…) or write
a sentence with a subject and commas; only the first sentence after a heading is judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checks._text import ENUMERATOR, Context, common_run, core
from drafter.checks.base import Finding, register
from drafter.render.phrasing import only_placeholder
from drafter.text.hanzi import HAN, han_or, when_used
from drafter.text.topics import HEADING_VERBS

RULE = "heading-echo"

ECHO_SHARE = 0.6
"""Share of the sentence that must repeat the heading word for word."""
ECHO_MIN = 4
"""At least this many characters in common (so 加强/强化 alone is no echo)."""

# A heading-like sentence: a short verb-first phrase ("依法规范信访行为", "完善矛盾纠纷多元化解机制")
# or a topic followed by a four-character verdict ("重大行政决策科学民主").
_VERB_FIRST = when_used(rf"^(?:{HEADING_VERBS}){han_or('“”、')}{{2,16}}$")
_VERDICT = when_used(
    rf"^{HAN}{{2,10}}(?:科学民主|严格公正|科学有效|公开透明|规范有序|严格规范|公正文明|扎实有效|"
    rf"成效明显|成效显著|稳步推进|有序推进|全面落实|深入人心|持续深化|不断完善|规范高效)$"
)
_SUBJECT_START = when_used(r"^(?:[乡镇我全本该各]|党委|政府|街道|村|社区|领导|干部|群众)")


def _first_sentence(context: Context, index: int) -> tuple[int, str, str, int] | None:
    """(block, sentence as written, its core, sentences after it) of what follows heading ``index``."""
    block = context.blocks[index]
    if block.body.strip():
        where, start = index, len(block.headline)
    elif index + 1 < len(context.blocks) and context.blocks[index + 1].kind == "paragraph":
        where, start = index + 1, 0
    else:
        return None
    spans = context.sentence_spans(where, start)
    if not spans:
        return None
    s_start, s_end = spans[0]
    sentence = context.texts[where][s_start:s_end].strip()
    return (
        where,
        sentence,
        core(ENUMERATOR.sub("", context.norm[where][s_start:s_end])),
        len(spans) - 1,
    )


@register(RULE, "标题与正文重复")
def check(context: Context) -> Iterator[Finding]:
    for index, block in enumerate(context.blocks):
        if block.kind != "heading" or not block.text.strip():
            continue
        found = _first_sentence(context, index)
        if found is None:
            continue
        where, sentence, said, after = found
        if "【待补充" in sentence:
            continue  # a placeholder is not a sentence; the placeholder rule reports it
        heading = core(context.norm[index][block.text_start : len(block.headline)])
        if len(said) < ECHO_MIN or not heading:
            continue
        numbered = ENUMERATOR.match(sentence) is not None
        single_clause = "，" not in sentence and "," not in sentence
        if said == heading or (said in heading and len(said) >= ECHO_MIN):
            echo = True
        elif block.level >= 2 and single_clause and not numbered:
            shared = common_run(said, heading)
            echo = shared >= ECHO_MIN and shared >= ECHO_SHARE * len(said)
        else:
            echo = False
        if echo:
            yield Finding(
                RULE,
                "error",
                "标题后的第一句话重复了标题的内容，像是把小标题又当正文写了一遍：请删去这句，"
                "或改写成有具体内容的句子。",
                sentence,
                where,
            )
            continue
        if (
            block.level >= 2
            and block.body.strip()
            and where == index
            and after >= 1
            and single_clause
            and not numbered
            and not re.search(r"\d", said)
            and "《" not in sentence  # 严格落实《信访工作条例》: a concrete act, not a heading
            and "把" not in said  # 切实把党的领导落到实处: a 把 sentence says what is done
            and not _SUBJECT_START().match(said)
            and (_VERB_FIRST().match(said) or _VERDICT().match(said))
        ):
            yield Finding(
                RULE,
                "warning",
                "小标题后紧接着又是一句标题式的短句，像是两个标题叠在了一起：请在前面加“一是”等序号"
                "并补上其他几项，或把它并入正文。",
                sentence,
                where,
            )


FORM = "heading-form"


@register(FORM, "小标题写法不一致")
def check_forms(context: Context) -> Iterator[Finding]:
    """Within one part, item headings either run into their text ("（一）加强组织领导。一是…") or stand
    on their own line: a part mixing both ("（三）问题整改情况" alone after two run-in items) reads
    like pieces put together."""
    by_part: dict[int, list[tuple[int, bool]]] = {}
    blocks = context.blocks
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.level != 2:
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        run_in = bool(block.body.strip())
        if not run_in and not (
            following is not None
            and (
                following.kind == "paragraph"
                or (following.kind == "heading" and following.level > 2)
            )
        ):
            continue  # a heading with nothing under it: empty-part reports it
        if not run_in and following is not None and only_placeholder(following.text):
            continue  # its body still to be written: the placeholder is reported instead
        by_part.setdefault(context.part_of[index], []).append((index, run_in))
    for items in by_part.values():
        joined = [i for i, r in items if r]
        alone = [i for i, r in items if not r]
        if not joined or not alone:
            continue
        odd, usual = (alone, "接排正文") if len(alone) <= len(joined) else (joined, "单独成行")
        for index in odd:
            block = blocks[index]
            yield Finding(
                FORM,
                "warning",
                f"同一部分的其他小标题都{usual}，这一个写法不同：请统一小标题的格式。",
                block.headline,
                index,
            )
