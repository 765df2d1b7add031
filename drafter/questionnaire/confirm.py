"""Last year's figures, confirmed one step each.

Two kinds of step:

* a structured figure with last year's value (``去年：20场次``): Enter keeps it (the screen says so),
  a number replaces it, ``-`` means "not reported this year". Carried texts that state the same
  fact (same catalogue key and last year's value) are shown with it and changed in the same step,
  so a text and a structured figure never disagree;
* before a carried text question, every figure inside its texts not yet confirmed for this year
  (others than those already handled with their structured figure): shown in its sentence, Enter
  keeps it, a number replaces it in the sentence, ``d`` drops its clause.

Every decision is recorded in the answers file (``carried_figures``, see ``drafter.answers.carried``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drafter.answers import carried
from drafter.answers.file import RECORD_KEY
from drafter.questionnaire.logic import (
    DECLINE_WORDS,
    DROP_WORDS,
    HELP_WORDS,
    check_input,
    set_answer,
    store_value,
)
from drafter.questionnaire.screens import help_text
from drafter.questionnaire.session import Signal
from drafter.questionnaire.state import Flow
from drafter.questions import QUESTIONS, Question, get_answer
from drafter.text.figures import BLANK, Figure

if TYPE_CHECKING:
    from drafter.text.mentions import Mention

NUMBER_HINT = "请输入今年的数字（如 25、1500余），或直接回车、输入 d"


# --------------------------------------------------------------------------- applying a decision


def _set_text(flow: Flow, path: str, text: str) -> None:
    """Change one text of the working copy (a carried figure kept, replaced or dropped)."""
    changed = carried.with_text(flow.answers, path, text)
    if changed is not None:
        key, value = changed
        set_answer(flow.data, key, store_value(QUESTIONS[key], value))


def _apply(flow: Flow, cf: carried.CarriedFigure, value: Figure | None, *, drop: bool) -> str:
    """Keep, replace or drop one carried text figure; record it; return the sentence now."""
    answers = flow.answers
    found = carried.locate(answers, cf)
    cf.confirmed = flow.year
    if found is None:
        return ""
    path, mention = found
    text = carried.get_text(answers, path) or ""
    if drop or (value is not None and value.value == 0):
        # A text does not say "开展活动0场次": no such activity means the clause goes.
        _set_text(flow, path, carried.drop_clause(text, mention))
        cf.now = carried.DROPPED
        return "（已删去这一分句）"
    sentence = mention.sentence
    if value is not None and value != mention.figure:
        new = carried.figure_text(value, "%" if mention.rate else mention.unit)
        text = carried.replace_figure(text, mention, new)
        cf.now = new
        sentence = _sentence_with(mention, new)
    # Its figure is this year's now: a sentence dated last year ("2024年，共开展……") is this
    # year's too (the date has the same length: the places of the other figures stay).
    dated = carried.redated(sentence, flow.year)
    if dated is not None:
        start = mention.sentence_start
        text = text[:start] + dated + text[start + len(sentence) :]
        sentence = dated
    if text != (carried.get_text(answers, path) or ""):
        _set_text(flow, path, text)
    return sentence


def _sentence_with(mention: Mention, new: str) -> str:
    pos = mention.start - mention.sentence_start
    return mention.sentence[:pos] + new + mention.sentence[pos + len(mention.raw) :]


def _store(flow: Flow, figures: list[carried.CarriedFigure]) -> None:
    flow.data[RECORD_KEY] = [cf.to_data() for cf in figures] or None


def _same(a: carried.CarriedFigure, b: carried.CarriedFigure) -> bool:
    """The same entry of the record: the same place in the same sentence (two equal figures of
    one sentence are two entries)."""
    return (a.path, a.sentence, a.figure, a.at) == (b.path, b.sentence, b.figure, b.at)


def _update(flow: Flow, changed: list[carried.CarriedFigure]) -> None:
    """Write changed entries back into the record (matched by where they came from)."""
    figures = list(flow.answers.carried_figures)
    for cf in changed:
        for index, old in enumerate(figures):
            if _same(old, cf):
                figures[index] = cf
                break
        else:
            figures.append(cf)
    _store(flow, figures)


# --------------------------------------------------------------------------- structured figures


def figure_default(flow: Flow, q: Question) -> tuple[Figure | None, str]:
    """What Enter means at a figure prompt, and how the prompt says it."""
    answers = flow.answers
    last = carried.last_figures(answers).get(q.key)
    decline = "；-＝今年不报告" if last is not None else "；-＝不填"
    raw = get_answer(flow.data, q.key)
    stored = check_input(q, str(raw))[0] if raw is not None else None
    if stored is not None and q.key not in flow.pending:
        return stored, f"［回车＝不改（{stored}{q.unit}）{decline}］"
    if stored is None and q.key not in flow.pending and carried.declined(answers, q.key):
        return None, "［回车＝仍不报告；输入数字＝填写］"
    for cf in answers.carried_figures:
        # Confirmed for this year in its text, kept or changed: the text already says this
        # year's figure, and Enter must not contradict (or, with no default, drop) it.
        if cf.key != q.key or cf.structured or not cf.confirmed_for(flow.year):
            continue
        if cf.now in (carried.DROPPED, carried.DECLINED):
            continue
        before = carried.parse_new_figure(cf.figure)
        now = carried.parse_new_figure(carried.current_raw(cf))
        if now is not None and (last is None or before == last):
            return now, f"［回车＝{now}{q.unit}，与文字里今年写的一致；-＝今年不报告］"
    if last is not None:
        return last, f"［回车＝与去年相同{decline}］"
    links = carried.linked(answers, q.key)
    if links:
        value = carried.parse_new_figure(links[0].figure)
        if value is not None:
            return value, f"［回车＝与去年文字里的 {links[0].figure} 相同；-＝今年不报告］"
    if stored is not None:
        # In the file and still to be confirmed (an import read it from the report's text):
        # Enter confirms it. Without a default, Enter would erase what the file holds.
        return stored, f"［回车＝确认答卷里的 {stored}{q.unit}；-＝不填］"
    return None, ""


def ask_figure(flow: Flow, q: Question, message: str) -> Any:
    """A figure prompt: last year's value kept by Enter, linked text figures in the same step."""
    default, offer = figure_default(flow, q)
    answers = flow.answers
    links = carried.linked(answers, q.key, confirmed=True)
    located = [(cf, carried.locate(answers, cf)) for cf in links]
    shown = [(cf, found) for cf, found in located if found is not None]
    if shown:
        flow.say("沿用的文字里也写着这个数字，回答后一起改成今年的：")
        for _cf, (path, mention) in shown:
            flow.say(f"  {carried.place_of(path)}：{carried.sentence_at(mention)}")
    if offer and message.endswith("："):
        message = message[:-1] + offer + "："

    def validate(text: str) -> str | None:
        if default is not None and (not text.strip() or text.strip() in DECLINE_WORDS):
            return None
        error = check_input(q, text)[1]
        if error and offer:
            # Blank is not "not reported" here: say what Enter and - do at this prompt.
            return error.replace(BLANK, "") + "；Ctrl-U 清空后" + offer.strip("［］")
        return error

    while True:
        text = flow.ask(message, validate=validate, while_typing=True)
        if isinstance(text, Signal):
            return text
        if text.strip() in HELP_WORDS:
            flow.say(help_text(q, flow.data))
            continue
        typed = text.strip()
        declined = default is not None and typed in DECLINE_WORDS
        if declined:
            value: Figure | None = None
            flow.say(f"→ 今年不报告“{q.label}”")
        elif not typed and default is not None:
            value = default
            flow.say(f"→ {value}{q.unit}")
        else:
            value, error = check_input(q, text)
            if error:  # only reachable when the validator was bypassed
                flow.say(error)
                continue
        break
    changed = []
    for cf, (_path, mention) in shown:
        before = carried.current_raw(cf)
        sentence = _apply(flow, cf, value, drop=declined or value is None)
        changed.append(cf)
        if cf.now == carried.DROPPED:
            flow.say(f"  文字里的“{before}”所在的分句已删去。")
        elif carried.current_raw(cf) != before or sentence != mention.sentence:
            flow.say(f"  文字已一并改好：{sentence}")
        else:
            flow.say(f"  文字里的“{before}”已一并确认。")
    last = carried.last_figures(flow.answers).get(q.key)
    if declined and last is not None:
        changed.append(
            carried.CarriedFigure(
                q.key, "", f"{last}{q.unit}", q.key, confirmed=flow.year, now=carried.DECLINED
            )
        )
    if changed:
        _update(flow, changed)
    flow.record(q, value)
    return None


# --------------------------------------------------------------------------- carried texts


def outstanding_in(flow: Flow, key: str) -> list[carried.CarriedFigure]:
    if not flow.data.get(RECORD_KEY):
        return []  # nothing carried: the first prompt need not wait for the typed answers
    return [cf for cf in carried.outstanding(flow.answers, flow.year) if cf.question == key]


def ask_carried_in(flow: Flow, q: Question) -> Any:
    """Every carried figure in the question's texts not confirmed for this year, one step each."""
    todo = outstanding_in(flow, q.key)
    if not todo:
        return None
    flow.say(
        f"沿用的文字里有 {len(todo)} 个去年的数字，请逐个给出今年的数字"
        "（回车＝仍是这个数；输入数字＝改成今年的；d＝删去这一分句）："
    )
    for number, cf in enumerate(todo, 1):
        found = carried.locate(flow.answers, cf)
        if found is None:
            continue
        path, mention = found
        agreed = _structured_now(flow, cf)
        flow.say(f"\n（{number}/{len(todo)}）{carried.place_of(path)}：")
        flow.say("  " + carried.sentence_at(mention))
        keep_text = (
            f"{agreed}，与“{QUESTIONS[cf.key or ''].label}”一致" if agreed else f"仍是 {cf.figure}"
        )

        def validate(text: str) -> str | None:
            t = text.strip()
            if not t or t in DROP_WORDS or carried.parse_new_figure(t) is not None:
                return None
            return NUMBER_HINT

        answer = flow.ask(
            f"今年是多少？［回车＝{keep_text}；数字＝改；d＝删去］：", validate=validate
        )
        if isinstance(answer, Signal):
            return answer
        typed = answer.strip()
        value = carried.parse_new_figure(typed) if typed and typed not in DROP_WORDS else None
        if not typed and agreed is not None:
            value = carried.parse_new_figure(agreed)
        sentence = _apply(flow, cf, value, drop=typed in DROP_WORDS)
        _update(flow, [cf])
        flow.save()
        if typed in DROP_WORDS or cf.now == carried.DROPPED:
            rest = carried.sentence_without(mention)
            flow.say(f"→ 已删去。这一句现在是：{rest}" if rest else "→ 已删去这一句。")
        elif cf.now or sentence != mention.sentence:
            flow.say(f"→ 改为：{sentence}")
        else:
            flow.say(f"→ 仍是 {cf.figure}（已确认）")
    return None


def _structured_now(flow: Flow, cf: carried.CarriedFigure) -> str | None:
    """This year's structured answer for the same fact, when it was already given (no conflict)."""
    if not cf.key or QUESTIONS[cf.key].kind != "figure" or cf.key in flow.pending:
        return None
    last = carried.last_figures(flow.answers).get(cf.key)
    before = carried.parse_new_figure(cf.figure)
    if last is not None and before != last:
        return None  # a different fact that happens to share the key (one of several activities)
    value = get_answer(flow.data, cf.key)
    if value in (None, ""):
        return None
    return f"{value}{QUESTIONS[cf.key].unit}"
