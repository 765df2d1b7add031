"""What a template sees: the answers, the unit's words, and helpers that turn answers into sentences.

Templates see:
  ``a``          every answer by section (``a.publicity.title``), defaults filled in for headings and
                 the opening formula (never for sentences of substance: 工作主线, 总体成效, 结尾段);
  ``u``          the unit's words (``u.whole`` 全乡, ``u.party`` 乡党委 …), from the unit type;
  ``year``, ``next_year``, ``unit``, ``county``; ``blank_date`` ("2025年　　月　　日");
  ``fig(key)``   a figure with its unit word ("1500余份"), ``rate(key)`` a derived rate ("92.3%");
  ``figs(lead, (phrase, key[, zero phrase]), …)`` one sentence of the figures that were answered
                 and that no text of the answers states already;
  ``stated(key)`` whether a text of the answers already states that figure;
  ``answered(key)`` whether the user answered a question (a default filled in is not an answer);
  ``inline(items[, title])`` items as 一是……二是…… (one item: no ordinal); ``headed(items)`` whether
                 items read best as （一）（二） headings; ``item_paras(item)`` an item's paragraphs;
  ``placeholder([what])`` the visible 【待补充】 of a required part the answers say nothing about;
  ``township``   the report's own structure (parts, headings, items in order) an import kept, or
                 None (see :mod:`drafter.render.township`); ``topic_items(key, in_structure)`` the
                 items a topic prints (inside the structure: those it does not print in place),
                 ``figures_left(topic, sentence, in_structure)`` a topic's figure sentence (inside
                 the structure: only when no item of it says it);
  ``attach(items, sentence)`` the items with a figure sentence said in the measure it belongs to,
                 and what is left (see :mod:`drafter.render.homes`); ``with_causes(heading)``;
  ``say.*``      the frame of each single answer (leading group, plan document, causes, follow-ups,
                 整改, honours, closing), see :mod:`drafter.render.said` (follow-ups and 整改:
                 :mod:`drafter.render.phrasing`);
  ``followups``  last year's plans with what became of them;
  filters ``sentence``, ``clause``, ``runin``, ``paras``, ``series``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any

from drafter.answers.model import Answers
from drafter.blocks import ordinal_lead
from drafter.questions import QUESTIONS, RATES, SECTIONS
from drafter.render import homes, phrasing, said
from drafter.render.township import township_view, with_causes
from drafter.text.figures import Figure
from drafter.text.mentions import all_facts, find_mentions, zero_facts

_RATE_KEYS = {r.key: r for r in RATES}
_RATE_VERBS = ("为", "达", "达到", "是")
_NONE_WORDS = ("未", "无", "没有")

FILTERS = {
    "sentence": phrasing.sentence,
    "clause": phrasing.clause,
    "runin": phrasing.runin,
    "paras": phrasing.paras,
    "series": phrasing.series,
}


def item_texts(answers: Answers) -> Iterator[str]:
    """The headings and texts of every list of items (measures, duties, problems, plans…)."""
    for q in QUESTIONS.values():
        if q.kind == "items":
            for entry in answers.items(q.key):
                for _, item in entry.walk():
                    yield f"{item.heading}。{item.text}"


NOT_THIS_YEAR = ("identity", "plans", "closing")
"""Sections whose texts speak of next year (a plan's 30场次 is not this year's figure)."""


def answer_texts(answers: Answers, skip: Sequence[str] = ("identity",)) -> Iterator[str]:
    """Every text the user wrote (items, long texts, lists, follow-ups), outside ``skip``."""
    for q, value in answers.values():
        if q.section in skip:
            continue
        if q.kind in ("text", "longtext") and value:
            yield str(value)
        elif q.kind == "items":
            for entry in answers.items(q.key):
                for _, item in entry.walk():
                    yield f"{item.heading}。{item.text}"
        elif q.kind == "list":
            yield from answers.lines(q.key)
    for f in answers.followups:
        yield f"{f.heading}。{phrasing.followup_said(f)}"


def stated_figures(answers: Answers) -> dict[str, set[float]]:
    """Catalogue keys with the values (or zero) the texts of the answers state for them."""
    stated: dict[str, set[float]] = {}
    for text in answer_texts(answers, skip=NOT_THIS_YEAR):
        for m in find_mentions(text):
            if m.key:
                stated.setdefault(m.key, set()).add(float(m.value))
        for key, _, _ in zero_facts(text):
            stated.setdefault(key, set()).add(0.0)
        for fact in all_facts(text):
            stated.setdefault(fact.key, set()).add(float(fact.value))
    return stated


class _Context:
    """Builds the values a template sees from a validated answers model."""

    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.stated = self._stated(stated_figures(answers))

    def effective(self) -> dict[str, SimpleNamespace]:
        # Namespaces, not dicts: a dict's own methods would shadow keys like ``items``.
        out: dict[str, SimpleNamespace] = {}
        for section in SECTIONS:
            values: dict[str, Any] = {}
            for q in section.questions:
                value: Any = self.answers.get(q.key)
                if value in (None, []) and q.kind != "figure" and q.build_default:
                    value = q.default_for(self.answers.get)
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
        value = self.answers.figure(key)
        if value is None:
            return ""
        return f"{value}{q.unit}"

    def has(self, key: str) -> bool:
        return bool(self.fig(key))

    def zero(self, key: str) -> bool:
        value = self.answers.figure(key) if key not in _RATE_KEYS else None
        return value is not None and value.value == 0

    def _stated(self, in_texts: dict[str, set[float]]) -> set[str]:
        """Keys whose answered figure a text already states: one fact, said once.

        The same key with another value is not this fact (a different count, or a conflict the
        checks report), so the answered figure is still stated. A part is stated when its whole and
        its rate are (受理189件……办结率91.5% says how many were resolved).
        """
        keys = set()
        for key, values in in_texts.items():
            if key in _RATE_KEYS:
                keys.add(key)
                continue
            value = self._figure(key)
            if value is not None and float(value.value) in values:
                keys.add(key)
        for key, spec in _RATE_KEYS.items():
            if key in keys and spec.whole in keys:
                keys.add(spec.part)
        return keys

    def is_stated(self, key: str) -> bool:
        return key in self.stated

    def _figure(self, key: str) -> Figure | None:
        return self.answers.figure(key)

    def _rate_part(self, phrase: str, key: str) -> str | None:
        """ "调解成功率为92.3%" — only when the rate adds something to its two counts."""
        spec = _RATE_KEYS[key]
        part, whole = self._figure(spec.part), self._figure(spec.whole)
        value = self.fig(key)
        if not value or (part and whole and part.value == whole.value):
            return None  # 100%: "全部调解成功" already says it
        verb = "" if phrase.endswith(_RATE_VERBS) else "为"
        return f"{phrase}{verb}{value}"

    def figs(self, lead: str, *pairs: Sequence[str]) -> str:
        """ "全年共开展……30场次，发放……1500余份。" from the answered figures only.

        A figure a text of the answers already states is not stated again; a part equal to its
        whole reads "全部调解成功" (and its 100% rate goes); a zero reads as its zero phrase.
        """
        parts: list[str] = []
        said: dict[str, Figure] = {}
        for pair in pairs:
            phrase, key = pair[0], pair[1]
            zero_phrase = pair[2] if len(pair) > 2 else None
            if key in self.stated:
                continue
            if key in _RATE_KEYS:
                spec = _RATE_KEYS[key]
                if spec.part in self.stated and spec.whole in self.stated:
                    continue  # the texts give both counts: a rate alone adds no fact
                rate_part = self._rate_part(phrase, key)
                if rate_part:
                    parts.append(rate_part)
                continue
            q = QUESTIONS.get(key)
            if q is not None and q.part_of and self.zero(q.part_of) and self.zero(key):
                continue  # "none mediated" already says "none resolved"
            value = self._figure(key)
            if self.zero(key):
                said_none = zero_phrase or phrasing.none_of(phrase)
                if said_none:
                    parts.append(said_none)
            elif value is not None and self.has(key):
                whole = said.get(q.part_of) if q is not None and q.part_of else None
                if whole and value.value == whole.value > 0 and not (value.approx or whole.approx):
                    parts.append("全部" + phrase)
                else:
                    parts.append(f"{phrase}{self.fig(key)}")
                said[key] = value
        if not parts:
            return ""
        if parts[0].startswith(_NONE_WORDS):
            # "全年共未发生……" → "全年未发生……"; "全乡累计未培育……" → "全乡尚未培育……"
            lead = lead.removesuffix("共")
            if lead.endswith("累计"):
                lead = lead.removesuffix("累计") + ("尚" if parts[0].startswith("未") else "")
        return f"{lead}{'，'.join(parts)}。"


def _topic_titles(a: dict[str, SimpleNamespace]) -> list[str]:
    """The second-level headings the measures part may use (a duty or plan must not repeat one)."""
    return [str(ns.title) for ns in a.values() if getattr(ns, "title", "")]


def template_context(answers: Answers, outline: str = "regulation") -> dict[str, Any]:
    ctx = _Context(answers)
    township = township_view(answers, outline)
    a = ctx.effective()
    identity = a["identity"]
    year = identity.year
    next_year = year + 1 if isinstance(year, int) else ""
    unit = identity.unit_name or ""
    titles = _topic_titles(a)
    items_text = phrasing.norm("".join(item_texts(answers)))

    def said_in_items(text: Any) -> bool:
        return len(phrasing.norm(text)) >= 4 and phrasing.norm(text) in items_text

    say = SimpleNamespace(
        # The leading group or the plan document a measure already names is not said again.
        group=lambda text: "" if said_in_items(text) else said.leading_group(text),
        plan=lambda text: (
            "" if any(said_in_items(t) for t in said.doc_titles(text)) else said.work_plan(text)
        ),
        causes=said.causes,
        leadership=said.leadership,
        addressee=said.addressee,
        guiding=said.guiding,
        followups=phrasing.followed,
        rectification=phrasing.rectified,
        rectification_lead=phrasing.rectification_lead,
        honours=lambda lines: said.honours(lines, unit),
        closing=lambda text: said.closing(text, next_year),
        opening=said.opening,
    )
    return {
        "a": a,
        "u": answers.words,
        "unit": unit,
        "county": identity.county or "",
        "year": year,
        "next_year": next_year,
        "blank_date": f"{next_year}年\u3000\u3000月\u3000\u3000日" if next_year else "",
        "fig": ctx.fig,
        "has": ctx.has,
        "zero": ctx.zero,
        "rate": ctx.fig,
        "figs": ctx.figs,
        "stated": ctx.is_stated,
        "answered": lambda key: answers.get(key) not in (None, "", []),
        "inline": phrasing.inline,
        "own_runs": phrasing.own_runs,
        "headed": lambda items: phrasing.headed(items, titles),
        "item_paras": phrasing.item_paras,
        "stands_alone": phrasing.stands_alone,
        "only_placeholder": phrasing.only_placeholder,
        "first_duty_item": phrasing.FIRST_DUTY_ITEM,
        "placeholder": phrasing.placeholder,
        # The report's own structure (an import's), None for a typed report; see township.py.
        "township": township,
        "outline": outline,
        "topic_items": lambda key, structured=False: (
            township.topic_items(key) if township and structured else answers.items(key)
        ),
        "figures_left": lambda topic, sentence, structured=False: (
            township.rest(topic, sentence) if township and structured else sentence
        ),
        "attach": homes.attach,
        "with_causes": with_causes,
        "ordinal_first": ordinal_lead(1),
        "say": say,
        # Every value a template obtains passes the channel (sandbox/environment.py): no escaping here.
        "followups": list(answers.followups),
        # Switches an outline sets before including a shared part.
        "include_first_duty": False,
        # Set by parts/township.j2: the parts it includes print only what the structure does not
        # (a county's own outline, which knows no structure, gets every item by topic).
        "in_structure": False,
        "rectification_heading": True,
    }
