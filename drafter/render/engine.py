"""Answers → blocks through Jinja templates, sandboxed, with undefined variables as errors.

What templates see is built in :mod:`drafter.render.context`; the sentence frames around each
kind of answer are in :mod:`drafter.render.phrasing`. Templates contain no figures of their own: every
number in a draft comes from the answers. Helpers return text, never markup: lines and tags come
from template files only (see ``outline.py``, "The channel"). Loading, the sandbox and its limits
live in the ``sandbox`` package.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from drafter.answers.model import Answers, where
from drafter.blocks import Block, MarkupError, number_blocks, parse_markup
from drafter.errors import DrafterError
from drafter.questions import get_answer
from drafter.render.context import FILTERS, template_context
from drafter.render.lone import merge_lone_headings
from drafter.render.template_cache import bytecode_cache
from drafter.sandbox import builtin_template_dir, new_environment, render_template

OUTLINE_NAMES = ("regulation", "first-duty", "three-part")


@functools.lru_cache(maxsize=8)
def make_environment(extra_dir: Path | None = None) -> Any:
    """The sandboxed environment for the built-in templates (and a county's in front of them).

    Cached: compiling the templates is most of a render's cost, and a batch renders hundreds.
    """
    env = new_environment(extra_dir)
    env.filters.update(FILTERS)
    # Compiled templates are kept between runs (template_cache.py), as Python keeps bytecode.

    env.bytecode_cache = bytecode_cache()
    return env


def render_text(
    answers: Answers, outline: str | None = None, *, templates: Path | None = None
) -> str:
    """The rendered markup of the chosen outline (tags marked, see ``outline.py``)."""
    name = outline or answers.text("identity.outline") or "regulation"
    if templates is None and name not in OUTLINE_NAMES:
        raise DrafterError(
            f"没有名为“{name}”的报告结构",
            field="identity.outline",
            field_label=where("identity.outline"),
            hint=f"可选：{'、'.join(OUTLINE_NAMES)}。",
        )
    env = make_environment(templates)
    return render_template(env, f"outlines/{name}.j2", template_context(answers, name))


def render_blocks(
    answers: Answers,
    outline: str | None = None,
    *,
    templates: Path | None = None,
    extra: Iterable[Block] = (),
) -> list[Block]:
    """Answers → numbered blocks of the chosen outline."""
    text = render_text(answers, outline, templates=templates)
    try:
        blocks = parse_markup(text)
    except MarkupError as exc:
        raise DrafterError(
            f"模板格式错误：{exc}",
            path=templates,
            hint="标记要直接写在模板里（如 ::h1 标题），不能由变量生成。",
        ) from None
    return number_blocks([*merge_lone_headings(blocks), *extra])


__all__ = ["builtin_template_dir", "get_answer", "render_blocks", "render_text"]
