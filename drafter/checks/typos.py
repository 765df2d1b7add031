"""typo: wrong characters, found by the lexical model of drafter.spelling, and a short list.

The model (a dictionary with word frequencies, confusion sets of same/near pinyin and similar
shape, a character bigram model, official terms and the catalogue's vocabulary) finds a wrong
character anywhere and names the right one. ``TYPOS`` supplements it with misspellings of whole
words and usages it cannot see from characters: a wrong word that is itself a word (反映迅速,
权力义务, 截止 before a date), 的 for 地, and 布署/部暑, whose wrong characters the model's
confusion sets do not pair with the right ones. A word the model would correct but the report
writes more than once is left: the writer's own name or coinage, used consistently; so is one the
rest of the report accounts for (drafter/spelling/usage.py: a string it writes again, a term of its
own, an abbreviation of a phrase it spells out).
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks._text import Context, literal_leads, protected_spans
from drafter.checks.base import Finding, register
from drafter.spelling import find_typos, lexicon
from drafter.spelling.usage import own_usage
from drafter.text.hanzi import has_traditional, when_used
from drafter.text.traditional import simplify

RULE = "typo"

TYPOS: tuple[tuple[str, str, str], ...] = (
    # (pattern, fix, severity); the fix is a replacement template (\1 for a group).
    (r"及时发展(?=并|和|、|问题|矛盾)", "及时发现", "error"),
    (r"存在问题的不足", "存在的问题和不足", "error"),
    (r"反映迅速", "反应迅速", "error"),
    (r"衍接", "衔接", "error"),
    (r"布署", "部署", "error"),
    (r"部暑", "部署", "error"),
    (r"防犯", "防范", "error"),
    (r"侯选", "候选", "error"),
    (r"签定(?=[^，。；]{0,6}(?:合同|协议|责任书|承诺书))", "签订", "warning"),
    (r"按步就班", "按部就班", "error"),
    (r"一股作气", "一鼓作气", "error"),
    (r"按排", "安排", "error"),
    (r"再接再励", "再接再厉", "error"),
    (r"迫不急待", "迫不及待", "error"),
    (r"一愁莫展", "一筹莫展", "error"),
    (r"贯切落实", "贯彻落实", "error"),
    (r"宣传拦", "宣传栏", "error"),
    (r"法律咨洵", "法律咨询", "error"),
    (r"(人民|矛盾纠纷|纠纷)调节", r"\1调解", "error"),
    (r"调节(?=矛盾|纠纷)", "调解", "error"),
    (r"权力义务", "权利义务", "error"),
    (r"(公民|群众|合法)权力", r"\1权利", "error"),
    (r"行政权利(?!人|义务)", "行政权力", "warning"),
    (r"权利运行", "权力运行", "error"),
    (r"做为", "作为", "warning"),
    (r"(?<![准精])既时", "及时", "error"),
    (r"重要讲话精神精神", "重要讲话精神", "error"),
    (r"的的(?!确)", "的", "warning"),
    # 全会 are counted 次 within a 届 ("十九届历次全会"); "历届全会" mixes the two counts.
    (r"历届全会", "历次全会", "error"),
    # 的 for 地 between a manner word and its verb ("高质量的推动" → "高质量地推动").
    (
        r"(高质量|扎实|认真|积极|全面|深入|有效|稳步|有序|广泛|主动|大力|严格|规范|依法依规)的"
        r"(推动|推进|开展|落实|完成|解决|加强|提升|做好|抓好|实施|贯彻|履行|化解|处理|执行)"
        # "有效的解决办法": the verb there modifies a noun, and 的 is right.
        r"(?!办法|方案|措施|机制|途径|方式|能力|水平|效果|力度|作用|体系|制度|情况)",
        r"\1地\2",
        "warning",
    ),
    (r"确实(?=加强|推进|抓好|履行|做好|提高|提升|保障|落实|维护|解决|发挥|增强)", "切实", "error"),
)
# Each pattern with the literal texts one of which every match of it holds: searched, and
# compiled the first time, only in a text that holds one (most texts hold none).
_COMPILED = [(when_used(p), literal_leads(p), fix, severity) for p, fix, severity in TYPOS]


@register(RULE, "疑似错别字")
def check(context: Context) -> Iterator[Finding]:
    names = _names(context)
    whole = context.whole()
    for index, text, norm in context.prose():
        listed: list[tuple[int, int]] = []
        for pattern, leads, fix, severity in _COMPILED:
            if leads is None or any(lead in norm for lead in leads):
                for match in pattern().finditer(norm):
                    if _particle_after_word(norm, match.start()):
                        continue
                    word = text[match.start() : match.end()]
                    target = match.expand(fix)
                    listed.append(match.span())
                    yield Finding(
                        RULE,
                        severity,  # type: ignore[arg-type]
                        f"“{word}”应为“{target}”。",
                        word,
                        index,
                        target,
                    )
        yield from _model_findings(index, text, norm, names, listed, whole)


_NAME_ENDS = ("街道办事处", "办事处", "街道", "社区", "苏木", "乡", "镇", "县", "区", "市", "旗")


def _names(context: Context) -> list[str]:
    """The report's own names (unit, county), right wherever they stand, also without their
    unit word (法治西仓 for 西仓镇)."""
    identity = context.identity
    names = [n for n in (identity.unit_name, identity.county) if n and len(n) >= 2]
    for name in list(names):
        for end in _NAME_ENDS:
            if name.endswith(end) and len(name) - len(end) >= 2:
                names.append(name[: -len(end)])
                break
    return names


def _model_findings(
    index: int,
    text: str,
    norm: str,
    names: list[str],
    listed: list[tuple[int, int]],
    whole: str,
) -> Iterator[Finding]:
    # Names of others' documents and quoted slogans are cited as they are.
    spans = protected_spans(norm) + listed
    for name in names:
        at = norm.find(name)
        while at >= 0:
            spans.append((at, at + len(name)))
            at = norm.find(name, at + 1)
    if has_traditional(text):
        # The lexicon is Simplified: a Traditional text is read as OpenCC converts it, phrase by
        # phrase (乾 stays in 乾隆, 後 in 以後 becomes 后), not character by character as norm is.
        simplified = simplify(text)
        if len(simplified) == len(text):
            norm = simplified
    for typo in find_typos(norm, spans):
        # The report's own usage (a word, a term or an abbreviation it writes consistently) is
        # the writer's, not a slip of the keyboard.
        if _written_again(whole, typo.excerpt) or own_usage(lexicon(), whole, norm, typo):
            continue
        excerpt = text[typo.at : typo.at + len(typo.excerpt)]
        yield Finding(
            RULE,
            "error",
            f"“{excerpt}”应为“{typo.fix}”（“{typo.wrong}”应为“{typo.right}”）。",
            excerpt,
            index,
            typo.fix,
        )


def _particle_after_word(norm: str, at: int) -> bool:
    """Whether a doubled 的 at ``at`` begins with the last character of a word (目的的活动: 目的,
    then the particle), which is no doubling."""
    return (
        norm.startswith("的的", at) and at > 0 and lexicon().word_level(norm[at - 1 : at + 1]) > 0
    )


def _written_again(whole: str, word: str) -> bool:
    """Whether the report writes ``word`` more than once: a word the writer uses consistently
    (a name, a slogan of their own: 扛起, 三支一扶) is theirs, not a slip of the keyboard."""
    first = whole.find(word)
    return first >= 0 and whole.find(word, first + 1) >= 0
