"""Answers → blocks through Jinja templates, sandboxed, with undefined variables as errors.

Templates see:
  ``a``        every answer by section (``a.publicity.title``), defaults filled in for texts;
  ``u``        the unit's words (``u.whole`` 全乡, ``u.party`` 乡党委 …), from the unit type;
  ``year``, ``next_year``, ``unit``, ``county``;
  ``fig(key)`` a figure with its unit word ("1500余份"), ``rate(key)`` a derived rate ("92.3%");
  ``figs(lead, (phrase, key[, zero phrase]), …)`` one sentence of the figures that were answered;
  ``followups`` last year's plans with what became of them (heading, status, text);
  ``inline(items)`` items as 一是……二是……; filters ``sentence``, ``clause``, ``runin``, ``paras``.
Templates contain no figures of their own: every number in a draft comes from the answers.
Helpers return text, never markup: lines and tags come from template files only (see
``outline.py``, "The channel"). Loading, the sandbox and its limits live in ``sandbox.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from drafter.answers import model_to_data
from drafter.errors import DrafterError
from drafter.figures import Figure
from drafter.outline import (
    Block,
    MarkupError,
    number_blocks,
    ordinal_lead,
    parse_markup,
    split_paragraphs,
)
from drafter.questions import QUESTIONS, RATES, SECTIONS, get_answer
from drafter.sandbox import builtin_template_dir, new_environment, render_template

OUTLINE_NAMES = ("regulation", "first-duty", "three-part")
_RATE_KEYS = {r.key for r in RATES}
_END_PUNCT = "。；;，,：:、 "


# --------------------------------------------------------------------------- text helpers


def clause(text: Any) -> str:
    """A text as a clause: no closing punctuation (to be followed by "，" or "。")."""
    return str(text or "").strip().rstrip(_END_PUNCT)


def sentence(text: Any) -> str:
    """A text ending with a full stop (unless it already ends with one, ！ or ？)."""
    value = str(text or "").strip()
    if not value:
        return ""
    if value[-1] in "。！？”』）)":
        return value
    return clause(value) + "。"


def runin(text: Any) -> str:
    """A run-in heading sentence: ends with "。"."""
    return clause(text) + "。" if clause(text) else ""


def paras(text: Any) -> list[str]:
    """A multi-line answer as its paragraphs (blank lines dropped)."""
    return split_paragraphs(text)


def _item_sentence(n: int, item: Any) -> str:
    heading = clause(getattr(item, "heading", ""))
    body = " ".join(paras(getattr(item, "text", "")))
    lead = ordinal_lead(n)
    if heading and body:
        return f"{lead}{heading}。{sentence(body)}"
    return lead + sentence(heading or body)


def inline(items: Sequence[Any]) -> str:
    """Items as one run of 一是……二是……; a single item without its ordinal."""
    items = [i for i in items if clause(getattr(i, "heading", "")) or paras(getattr(i, "text", ""))]
    if len(items) == 1:
        item = items[0]
        heading, body = clause(item.heading), " ".join(paras(item.text))
        return f"{heading}。{sentence(body)}" if heading and body else sentence(heading or body)
    return "".join(_item_sentence(n, item) for n, item in enumerate(items, 1))


# --------------------------------------------------------------------------- context


class _Context:
    """Builds the values a template sees from a validated answers model."""

    def __init__(self, answers: Any) -> None:
        self.answers = answers
        self.data = model_to_data(answers)

    def effective(self) -> dict[str, SimpleNamespace]:
        # Namespaces, not dicts: a dict's own methods would shadow keys like ``items``.
        out: dict[str, SimpleNamespace] = {}
        for section in SECTIONS:
            values: dict[str, Any] = {}
            for q in section.questions:
                value = self.answers.get(q.key)
                if value in (None, []) and q.kind != "figure" and q.build_default:
                    value = q.default_for(self.data)
                    if q.kind in ("text", "longtext") and value is not None:
                        value = str(value)
                    if value is None and q.kind in ("items", "list"):
                        value = []
                values[q.name] = value
            out[section.name] = SimpleNamespace(**values)
        return out

    def fig(self, key: str) -> str:
        if key in _RATE_KEYS:
            return self.answers.rate(key) or ""
        q = QUESTIONS.get(key)
        if q is None:
            raise KeyError(f"没有这个问题：{key}")
        value = self.answers.get(key)
        if not isinstance(value, Figure):
            return ""
        return f"{value}{q.unit}"

    def has(self, key: str) -> bool:
        return bool(self.fig(key))

    def zero(self, key: str) -> bool:
        value = self.answers.get(key) if key not in _RATE_KEYS else None
        return isinstance(value, Figure) and value.value == 0

    def figs(self, lead: str, *pairs: Sequence[str]) -> str:
        """ "全年共开展……30场次，发放……1500余份。" from the answered figures only."""
        parts: list[str] = []
        for pair in pairs:
            phrase, key = pair[0], pair[1]
            zero_phrase = pair[2] if len(pair) > 2 else None
            q = QUESTIONS.get(key)
            if q is not None and q.part_of and self.zero(q.part_of) and self.zero(key):
                continue  # "none mediated" already says "none resolved"
            if zero_phrase and self.zero(key):
                parts.append(zero_phrase)
            elif self.has(key):
                parts.append(f"{phrase}{self.fig(key)}")
        if not parts:
            return ""
        return f"{lead}{'，'.join(parts)}。"


@functools.lru_cache(maxsize=8)
def make_environment(extra_dir: Path | None = None) -> Any:
    """The sandboxed environment for the built-in templates (and a county's in front of them).

    Cached: compiling the templates is most of a render's cost, and a batch renders hundreds.
    """
    env = new_environment(extra_dir)
    env.filters.update(sentence=sentence, clause=clause, runin=runin, paras=paras)
    return env


def template_context(answers: Any) -> dict[str, Any]:
    ctx = _Context(answers)
    a = ctx.effective()
    identity = a["identity"]
    year = identity.year
    return {
        "a": a,
        "u": answers.words,
        "unit": identity.unit_name or "",
        "county": identity.county or "",
        "year": year,
        "next_year": year + 1 if isinstance(year, int) else "",
        "fig": ctx.fig,
        "has": ctx.has,
        "zero": ctx.zero,
        "rate": ctx.fig,
        "figs": ctx.figs,
        "inline": inline,
        "followups": list(answers.followups),
        # Switches an outline sets before including a shared part.
        "include_first_duty": False,
        "rectification_heading": True,
    }


def render_text(answers: Any, outline: str | None = None, *, templates: Path | None = None) -> str:
    """The rendered markup of the chosen outline (tags marked, see ``outline.py``)."""
    name = outline or answers.get("identity.outline") or "regulation"
    if templates is None and name not in OUTLINE_NAMES:
        raise DrafterError(
            f"没有名为“{name}”的报告结构",
            field="identity.outline",
            hint=f"可选：{'、'.join(OUTLINE_NAMES)}。",
        )
    env = make_environment(templates)
    return render_template(env, f"outlines/{name}.j2", template_context(answers))


def render_blocks(
    answers: Any,
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
    return number_blocks([*blocks, *extra])


def figure_keys_with_values(answers: Any) -> dict[str, Figure]:
    """Every answered figure (for provenance checks)."""
    return {
        q.key: answers.get(q.key)
        for q in QUESTIONS.values()
        if q.kind == "figure" and answers.get(q.key) is not None
    }


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def numbers_in(text: str) -> list[str]:
    return _DIGITS.findall(text)


__all__ = ["builtin_template_dir", "get_answer", "render_blocks", "render_text"]
