"""What a template's text may say, checked when it is compiled: no figures (every figure in a
draft comes from the answers) and only the markup tags drafter knows, naming file and line.

A figure is any digit (Arabic, full-width or another script's), a number written in Chinese
numerals with a unit word ("一百场", "二十余次", "百余份", "数十场", "二〇二四年", "百分之九十五"),
or a number literal that the template prints (directly, through arithmetic or a filter). Set
phrases with a numeral ("一是", "四个意识", "三重一大", "八项规定", "第一责任人") are words, not figures.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import nodes

from drafter.blocks import TAG_MARK, TAGS
from drafter.errors import DrafterError
from drafter.text.hanzi import when_used

# Unit words a count, an amount, a rate or a date is written with.
_UNIT = (
    "万人次|人次|场次|批次|户次|万元|亿元|元|课时|学时|小时|个月|次|场|件|起|宗|名|人|位|个|份|册|"
    "本|张|条|项|期|批|户|家|处|所|块|幅|篇|部|天|节|堂|轮|支|座|套|台|辆|亩|米|年|月|日|倍|%|％"
)
# Units a single small Chinese numeral is counted in ("五次", "两场"); not 个/项/位/年…, which
# make set phrases ("四个意识", "三项制度", "五位一体", "三年行动").
_COUNT_UNIT = "人次|场次|批次|万元|次|场|件|起|宗|名|人|份|册|元|户|家|处|篇|期|批"
_CN = "〇零一二两三四五六七八九十百千万亿"
# Compiled when a template is first compiled: a build whose templates come from the bytecode
# cache (render/template_cache.py) never needs it.
_FIGURE = when_used(
    r"\d"  # any script's decimal digit: 1, １, ١
    # Other numeric characters (circled, Roman, superscript) before a unit word: ⑩场, Ⅲ期.
    rf"|[\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2150-\u218f\u2460-\u24ff"
    rf"\u2776-\u2793\u3220-\u3229\u3280-\u3289](?:余|多)?(?:{_UNIT})"
    rf"|[百千万]分之[{_CN}]+"  # 百分之九十五
    # Two or more Chinese numerals with a unit (一百场, 二十余次, 二〇二四年), not an ordinal.
    rf"|(?<![第{_CN}])[{_CN}]{{2,}}(?:余|多|来)?(?:{_UNIT})"
    # 十余次, 百余份, 数十场, 上百场, 近千人.
    rf"|(?<!第)(?:[数几上近逾]|(?<![{_CN}]))[十百千万](?:余|多)(?:{_UNIT})"
    rf"|[数几上近逾][十百千万]+(?:{_UNIT})"
    # One small numeral counted: 五次, 两场 (一 is too often a word: 一次性, 进一步).
    rf"|(?<![第{_CN}])[两二三四五六七八九十](?:余|多)?(?:{_COUNT_UNIT})"
)
_TAG_LINE = re.compile(rf"[ \t]*{TAG_MARK}([A-Za-z]+\d?)")
_COUNTING_FILTERS = frozenset(
    {"length", "count", "sum", "wordcount", "int", "float", "round", "abs", "filesizeformat"}
)
"""Filters whose result is a number the template computed, not one of the answers."""
_LOOP_COUNTERS = frozenset(
    {"index", "index0", "revindex", "revindex0", "length", "depth", "depth0"}
)


def check_template(tree: Any, name: str | None, filename: str | None) -> None:
    """No figures in a template's text and only known markup tags, naming file and line."""

    where = filename or name

    def figure_error(line: int, shown: str) -> DrafterError:
        return DrafterError(
            f"模板里写了数字“{shown}”：报告中的每个数字都应来自答卷，模板里不能写数字",
            path=where,
            line=line,
            hint="把数字填进答卷，在模板里用 {{ fig('问题键') }} 引用；模板里只写文字。",
        )

    parents: dict[int, Any] = {}

    def visit(node: Any, parent: Any) -> None:
        if isinstance(node, nodes.TemplateData):
            for offset, text in enumerate(node.data.split("\n")):
                tag = _TAG_LINE.match(text)
                if tag is not None and tag.group(1) not in TAGS:
                    raise DrafterError(
                        f"模板格式错误：不认识的标记 ::{tag.group(1)}",
                        path=where,
                        line=node.lineno + offset,
                        hint=f"可用的标记：{'、'.join('::' + t for t in TAGS)}。",
                    )
                words = text[tag.end() :] if tag is not None else text
                found = _FIGURE().search(words)
                if found is not None:
                    raise figure_error(node.lineno + offset, _around(words, found))
        elif isinstance(node, nodes.Const):
            value = node.value
            names = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
            found = _FIGURE().search(value) if isinstance(value, str) else None
            if found is not None and not isinstance(parent, names):
                shown = value if len(value) <= 20 else _around(value, found)
                raise figure_error(node.lineno, shown)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            if numeric and _printed(node, parent, parents, nodes):
                raise figure_error(node.lineno, str(value))
        elif _counting(node, nodes) and _printed(node, parent, parents, nodes, stored=False):
            raise DrafterError(
                "模板把算出来的数字（计数、求和、序号或对年份的加减）写进了报告："
                "报告中的每个数字都应来自答卷",
                path=where,
                line=node.lineno,
                hint="把数字填进答卷，在模板里用 {{ fig('问题键') }} 引用；"
                "计数和序号只能用来判断（如 {% if 条目 | length > 1 %}），编号由程序生成。",
            )
        for child in node.iter_child_nodes():
            parents[id(child)] = node  # for _printed, to walk up from a number literal
            visit(child, node)

    visit(tree, None)


def _counting(node: Any, nodes: Any) -> bool:
    """An expression that makes a number out of no answer: a count or sum (``|length``,
    ``|count``, ``|sum``), a loop counter (``loop.length``), ``range(…)``, or arithmetic that
    cannot be on text (``year - 2023``, ``-year``, ``n + 1``)."""
    if isinstance(node, nodes.Filter):
        return node.name in _COUNTING_FILTERS
    if isinstance(node, nodes.Getattr):
        return (
            isinstance(node.node, nodes.Name)
            and node.node.name == "loop"
            and node.attr in _LOOP_COUNTERS
        )
    if isinstance(node, nodes.Call):
        return isinstance(node.node, nodes.Name) and node.node.name == "range"
    if isinstance(node, (nodes.Neg, nodes.Pos, nodes.Sub, nodes.Div, nodes.FloorDiv, nodes.Pow)):
        return True
    if isinstance(node, (nodes.Mul, nodes.Mod)):
        # "—" * 3 repeats text and "%s" % x formats it: those are words.
        return not any(
            isinstance(c, nodes.Const) and isinstance(c.value, str) for c in (node.left, node.right)
        )
    if isinstance(node, nodes.Add):
        return any(_number_like(c, nodes) for c in (node.left, node.right))
    return False


def _number_like(node: Any, nodes: Any) -> bool:
    if isinstance(node, nodes.Const):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    return _counting(node, nodes)


def _printed(
    node: Any, parent: Any, parents: dict[int, Any], nodes: Any, *, stored: bool = True
) -> bool:
    """Whether a number literal can reach the report: printed or stored as it is, or a value
    computed from number literals only (``{{ 50 * 2 }}``, ``{{ -100 }}``), also through a
    filter or a choice (``{{ 100 | string }}``, ``{{ x or 100 }}``, ``{{ 5 if x else 6 }}``),
    or counted out of a ``range`` (``{{ range(100) | length }}``). A number that only steers the
    template (a comparison, an index, a loop over ``range(3)``, a filter's argument,
    ``unit * 3``) is not a figure of the report. With ``stored`` false, a value stored by
    ``{% set %}`` is not counted as printed (a count kept to steer by; the render-time check
    refuses it if it is printed after all)."""
    expression, above = node, parent
    # Up through arithmetic on number literals only, and through the range made of them: the
    # whole computation is the figure.
    while (
        _numeric_arithmetic(above, nodes)
        or _range_of(above, expression, nodes)
        or (not stored and _counting(above, nodes))
    ):
        expression, above = above, parents.get(id(above))
    # Then through what passes a value on: ``x or 100``, ``100 | string``, ``5 if x else 6``.
    # Also the values of a format (``"%d场"|format(100)``, ``"{}场".format(100)``).
    while (
        isinstance(above, (nodes.And, nodes.Or, nodes.Keyword))
        or (
            isinstance(above, nodes.Filter) and (above.node is expression or above.name == "format")
        )
        or (isinstance(above, nodes.CondExpr) and above.test is not expression)
        or (
            isinstance(above, nodes.Call)
            and isinstance(above.node, nodes.Getattr)
            and above.node.attr in ("format", "format_map")
            and above.node is not expression
        )
    ):
        expression, above = above, parents.get(id(above))
    if not stored:
        return isinstance(above, (nodes.Output, nodes.Concat))
    shown = (nodes.Output, nodes.Concat, nodes.Assign, nodes.List, nodes.Tuple, nodes.Pair)
    return isinstance(above, shown)


def _range_of(node: Any, argument: Any, nodes: Any) -> bool:
    """``range(100)``: the global range called with the literal as an argument."""
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Name)
        and node.node.name == "range"
        and argument is not node.node
    )


def _numeric_arithmetic(node: Any, nodes: Any) -> bool:
    """``50 * 2``, ``-100``: arithmetic whose operands are all number literals."""
    if isinstance(node, (nodes.And, nodes.Or)) or not isinstance(
        node, (nodes.BinExpr, nodes.UnaryExpr)
    ):
        return False
    if isinstance(node, nodes.Not):
        return False
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Const):
            if isinstance(child.value, bool) or not isinstance(child.value, (int, float)):
                return False
        elif not _numeric_arithmetic(child, nodes):
            return False
    return True


def _around(text: str, found: re.Match[str]) -> str:
    """The figure found, as written: a digit with the number it is part of and its unit."""
    if not found.group().isdigit():
        return found.group()  # a Chinese numeral figure: the match is the figure and its unit
    start, end = found.start(), found.end()
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    while end < len(text) and (text[end].isdigit() or text[end] in ".．"):
        end += 1
    unit = re.match(_UNIT, text[end:])
    return text[start : end + (unit.end() if unit else 0)]
