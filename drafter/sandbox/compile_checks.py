"""What a template's text may say, checked when it is compiled: no figures (every figure in a
draft comes from the answers) and only the markup tags drafter knows, naming file and line."""

from __future__ import annotations

import re
from typing import Any

from drafter.errors import DrafterError
from drafter.outline import TAG_MARK, TAGS

_FIGURE = re.compile(r"\d")
_TAG_LINE = re.compile(rf"[ \t]*{TAG_MARK}([A-Za-z]+\d?)")


def check_template(tree: Any, name: str | None, filename: str | None) -> None:
    """No figures in a template's text and only known markup tags, naming file and line."""
    from jinja2 import nodes

    where = filename or name

    def figure_error(line: int, shown: str) -> DrafterError:
        return DrafterError(
            f"模板里写了数字“{shown}”：报告中的每个数字都应来自答卷，模板里不能写数字",
            path=where,
            line=line,
            hint="把数字填进答卷，在模板里用 {{ fig('问题键') }} 引用；模板里只写文字。",
        )

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
                found = _FIGURE.search(words)
                if found is not None:
                    raise figure_error(node.lineno + offset, _around(words, found.start()))
        elif isinstance(node, nodes.Const):
            value = node.value
            names = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
            found = _FIGURE.search(value) if isinstance(value, str) else None
            if found is not None and not isinstance(parent, names):
                shown = value if len(value) <= 20 else _around(value, found.start())
                raise figure_error(node.lineno, shown)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            shown_as_is = (nodes.Output, nodes.Concat, nodes.Assign, nodes.List, nodes.Tuple)
            if numeric and isinstance(parent, shown_as_is):
                raise figure_error(node.lineno, str(value))
        for child in node.iter_child_nodes():
            visit(child, node)

    visit(tree, None)


def _around(text: str, index: int) -> str:
    start, end = index, index
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    return text[start:end]
