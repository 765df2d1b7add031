"""missing-part: the regulation's four required contents (info for the fifth).

A part is present when a level-1 heading names it. The 第一责任人 content may also sit lower, as an
item heading or a 一是 lead inside the measures part (three-part reports); only mentioned in
passing in the body it is a warning, absent altogether an error. A themed report (parts headed
by its own themes, not by the regulation's words) has its measures in those parts. The missing
required parts are one finding: the reviewer asks for them once.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks._text import Context, part_kinds
from drafter.checks.base import WHOLE_DOCUMENT, Finding, register
from drafter.text.hanzi import when_used

RULE = "missing-part"

_LABELS = {
    "measures": "上一年度推进法治政府建设的主要举措和成效",
    "problems": "存在的不足和原因",
    "duty": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "plans": "下一年度推进法治政府建设的主要安排",
}
_DUTY = when_used(r"第一责任人|主要负责人履|主要负责同志履|党政主要负责人.{0,6}职责")
_DUTY_LEAD = when_used(
    r"(?:^|[。；：])\s*[一二三四五六七八九十]{1,3}是[^。；]{0,20}(?:第一责任人|主要负责人)"
)


@register(RULE, "缺少必备内容")
def check(context: Context) -> Iterator[Finding]:
    blocks = context.blocks
    if not context.kinds:
        yield _no_parts(context)
        return
    present: set[str] = set()
    for kinds in context.kinds.values():
        present |= kinds
    if any(not kinds for kinds in context.kinds.values()):
        # A themed report: its parts are named by its own themes ("一、坚持党的全面领导，筑牢法治
        # 根基"), each an account of what was done. They are the measures, under other headings.
        present.add("measures")
    missing = [_LABELS[kind] for kind in ("measures", "problems", "plans") if kind not in present]
    if missing:
        # One finding for what is missing: the reviewer asks for the parts once.
        yield Finding(
            RULE,
            "error",
            f"报告缺少规定的必备内容：{'；'.join(missing)}（各应单列一部分）。",
            "",
            WHOLE_DOCUMENT,
        )
    if "duty" not in present:
        lower = any(b.kind == "heading" and "duty" in part_kinds(b.text) for b in blocks) or any(
            _DUTY_LEAD().search(context.norm[i]) for i in range(len(blocks))
        )
        if not lower:
            mentioned = any(_DUTY().search(text) for text in context.norm)
            yield Finding(
                RULE,
                "warning" if mentioned else "error",
                f"报告缺少规定的必备内容：{_LABELS['duty']}"
                + ("（正文只是顺带提及，建议单列一部分或一项）。" if mentioned else "。"),
                "",
                WHOLE_DOCUMENT,
            )
    if "other" not in present:
        yield Finding(
            RULE,
            "info",
            "没有“其他需要报告的情况”部分；没有需要报告的事项时可以不写。",
            "",
            WHOLE_DOCUMENT,
        )


def _no_parts(context: Context) -> Finding:
    """A document without any "一、" part: only a title, a few lines, or unstructured text."""
    body = [b for b in context.blocks if b.kind in ("heading", "paragraph", "table")]
    if not body:
        return Finding(
            RULE,
            "error",
            "只有标题（或落款），没有正文：报告应按规定分部分写明主要举措和成效、存在的不足和原因、"
            "第一责任人履职情况和下一年度安排。",
            "",
            WHOLE_DOCUMENT,
        )
    if len(context.blocks) >= 8:
        # A long text may have parts the reader could not recognise (e.g. "第一部分"): warn only.
        return Finding(
            RULE,
            "warning",
            "没有找到“一、”“二、”这样的一级标题，无法核对报告是否包含规定的四项内容：请按规定分部分。",
            "",
            WHOLE_DOCUMENT,
        )
    return Finding(
        RULE,
        "error",
        "正文没有分部分：报告应以“一、”“二、”等一级标题分别写明主要举措和成效、存在的不足和原因、"
        "第一责任人履职情况和下一年度安排。",
        "",
        WHOLE_DOCUMENT,
    )
