"""The items editor (headings and texts of measures, problems, plans) and the follow-up editors
(how last year's plans went: 落实; what became of last year's problems: 整改).

Every item is saved as soon as it is typed, so Ctrl-C in the middle of a list loses nothing; the
question stays pending until the user finishes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from drafter.answers.carryover import followup_item, rectification_item
from drafter.answers.model import Item, check_answer
from drafter.answers.records import Followup
from drafter.questionnaire.logic import (
    EXAMPLE_HEADINGS,
    HELP_WORDS,
    ITEM_USAGE,
    current_value,
    item_command,
    item_command_error,
    set_answer,
    status_of,
    store_value,
)
from drafter.questionnaire.screens import MULTILINE_HINT, fit, help_text, short
from drafter.questionnaire.session import Signal
from drafter.questionnaire.state import Flow
from drafter.questions import Question
from drafter.text.naming import short_name

MAX_ITEMS = 50


def special_items(flow: Flow, q: Question) -> Callable[[Flow, Question], Any]:
    """Last year's plans and problems come back one by one (see carryover)."""
    if q.key == "rectification.items" and last_year(flow, "problems"):
        return ask_rectification
    if q.key == "plans.items" and last_year(flow, "plans"):
        return ask_plans
    return ask_items


def last_year(flow: Flow, name: str) -> list[Item]:
    """Last year's plans or problems (none when the year was not started from last year's)."""
    block = flow.answers.last_year
    if block is None:
        return []
    return list(block.plans if name == "plans" else block.problems)


def show_items(flow: Flow, q: Question, items: list[dict[str, Any]]) -> None:
    if not items:
        flow.say(f"“{q.label}”还没有条目。")
        return
    flow.say(f"“{q.label}”现有 {len(items)} 条：")
    width = max(flow.columns() - 2, 30)  # one row each, on the console as it is
    for number, item in enumerate(items, 1):
        body = short(str(item.get("text") or ""), 200)
        flow.say(fit(f"  {number}. {item.get('heading') or '（无小标题）'}：{body}", width))
        for sub_number, sub in enumerate(subitems_of(item), 1):
            sub_body = short(str(sub.get("text") or ""), 200)
            flow.say(
                fit(
                    f"      （{sub_number}）{sub.get('heading') or '（无小标题）'}：{sub_body}",
                    width,
                )
            )


# --------------------------------------------------------------------------- sub-items
# An imported item keeps the township's own sub-items (its 1. 2. 3.): the editor shows them
# under their item and asks them one by one when the item is edited, and never drops them.


def subitems_of(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    subs = item.get("subitems")
    return [dict(s) for s in subs if isinstance(s, Mapping)] if isinstance(subs, list) else []


def editable(item: Mapping[str, Any]) -> dict[str, Any]:
    """An item as the editor holds it: heading and text, and its sub-items when it has some."""
    entry: dict[str, Any] = {
        "heading": str(item.get("heading") or ""),
        "text": str(item.get("text") or ""),
    }
    if item.get("alone") is True:
        entry["alone"] = True
    subs = subitems_of(item)
    if subs:
        entry["marker"] = item.get("marker") or "1."
        entry["subitems"] = subs
    return entry


def ask_subitems(flow: Flow, subs: list[dict[str, Any]], number: int) -> Any:
    """The sub-items of item ``number``, one by one (回车＝不改; both emptied＝deleted)."""
    flow.say(f"第 {number} 条下面有 {len(subs)} 个小项（原报告里的 1. 2. 3.），逐个确认：")
    kept: list[dict[str, Any]] = []
    for sub_number, sub in enumerate(subs, 1):
        heading = flow.ask(
            f"第 {number} 条第 {sub_number} 小项的小标题（回车＝不改）：",
            default=str(sub.get("heading") or ""),
        )
        if isinstance(heading, Signal):
            return heading
        body = flow.ask(
            f"第 {number} 条第 {sub_number} 小项的内容（小标题和内容都清空＝删去这一小项）"
            f"{MULTILINE_HINT}：\n",
            default=str(sub.get("text") or ""),
            multiline=True,
        )
        if isinstance(body, Signal):
            return body
        if heading.strip() or body.strip() or subitems_of(sub):
            kept.append({**sub, "heading": heading.strip(), "text": body})
    return kept


def ask_items(flow: Flow, q: Question) -> Any:
    """Add, edit, delete and reorder items (heading + multi-line body)."""
    stored = current_value(q, flow.data)
    items: list[dict[str, Any]] = [editable(i) for i in (stored or []) if isinstance(i, Mapping)]
    flow.say(f"{q.label}：" + ("每条先写小标题，再写内容。" if not items else ""))
    if not items:
        outcome = add_items(flow, q, items)
        if isinstance(outcome, Signal):
            return outcome
        if not items:
            return items  # nothing to write: the report leaves this out
    while True:
        show_items(flow, q, items)
        command = ask_command(flow, len(items))
        if isinstance(command, Signal):
            return command
        if command is None:
            return items
        verb, numbers = command
        if verb in HELP_WORDS:
            flow.say(help_text(q, flow.data))
        elif verb == "a":
            outcome = add_items(flow, q, items)
            if isinstance(outcome, Signal):
                return outcome
        elif verb == "e":
            at = numbers[0] - 1

            def replace(item: dict[str, Any], at: int = at) -> None:
                items[at] = item
                keep(flow, q, items)

            edited = ask_item(flow, q, items[at], numbers[0], replace)
            if isinstance(edited, Signal):
                return edited
            if edited is not None:
                replace(edited)
        elif verb == "d":
            gone = delete_item(flow, items, numbers[0])
            if isinstance(gone, Signal):
                return gone
            if gone:
                keep(flow, q, items)
        elif verb == "m":
            item = items.pop(numbers[0] - 1)
            items.insert(min(numbers[1], len(items) + 1) - 1, item)
            keep(flow, q, items)


def ask_command(flow: Flow, count: int) -> Any:
    """A command at the items list: (letter, numbers), None for Enter (done), or a Signal.

    A command that cannot be done is not left in the box for the next one to be typed after it
    ("e2e 2"): the reason is printed (a printed line wraps on a narrow screen) and the box is
    empty again."""
    while True:
        text = flow.ask(f"{ITEM_USAGE}：")
        if isinstance(text, Signal):
            return text
        if not text.strip():
            return None
        if text.strip() in HELP_WORDS:
            return text.strip(), []
        error = item_command_error(text, count)
        command = item_command(text)
        if error is None and command is not None:
            return command
        flow.say(error or f"没有“{text.strip()}”这个命令。{ITEM_USAGE}")


def delete_item(flow: Flow, items: list[dict[str, Any]], number: int) -> Any:
    """Delete item ``number`` once the user confirms (a slip of d for e costs a whole text)."""
    item = items[number - 1]
    name = item["heading"] or short(str(item["text"]), 20)
    answer = flow.ask(f"删除第 {number} 条“{name}”？（y＝删除；直接回车＝不删）：")
    if isinstance(answer, Signal):
        return answer
    if answer.strip().lower() not in DELETE_WORDS:
        flow.say("→ 没有删除。")
        return False
    items.pop(number - 1)
    flow.say(f"→ 已删除第 {number} 条：{name}")
    return True


DELETE_WORDS = frozenset({"y", "yes", "是", "删", "删除", "d"})


def add_items(flow: Flow, q: Question, items: list[dict[str, Any]]) -> Any:
    def append(item: dict[str, Any]) -> None:
        items.append(item)
        keep(flow, q, items)

    while len(items) < MAX_ITEMS:
        item = ask_item(flow, q, None, len(items) + 1, append)
        if isinstance(item, Signal):
            return item
        if item is None:
            return None
        append(item)
    return None


def keep(flow: Flow, q: Question, items: Sequence[Mapping[str, Any] | Item]) -> None:
    """Save the items so far: a crash or Ctrl-C in the middle of a list loses none of them.
    The question stays pending until the user finishes it."""
    set_answer(flow.data, q.key, store_value(q, items))
    flow.save()


def show_headings(flow: Flow, q: Question) -> None:
    """The common headings, once per visit of the question (again after going back)."""
    if not q.headings or q.key in flow.headings_shown:
        return
    flow.headings_shown.add(q.key)
    if q.key in EXAMPLE_HEADINGS:
        flow.say("其他地区的例子（只供参考，请写本单位自己的；输入序号也可选用）：")
    else:
        flow.say("常用小标题（输入序号选用，或直接写自己的；Tab 可补全）：")
    for n, heading in enumerate(q.headings, 1):
        flow.say(f"  {n}. {heading}")


def ask_item(
    flow: Flow,
    q: Question,
    item: Mapping[str, Any] | None,
    number: int,
    keep_unfinished: Callable[[dict[str, Any]], None],
) -> Any:
    """One item: a heading (a common one by number, or typed) and a multi-line body. Ctrl-C or
    Ctrl-D in the middle hands what was typed so far to ``keep_unfinished`` before leaving."""
    show_headings(flow, q)
    finish = "直接回车＝不再添加" if item is None else "回车＝不改"
    old = item or {}
    before = {"heading": str(old.get("heading") or ""), "text": str(old.get("text") or "")}
    # What was typed replaces the heading and text only: an item's sub-items stay.
    keep_typed: Callable[[dict[str, Any]], None] = (
        keep_unfinished
        if item is None
        else (lambda typed: keep_unfinished({**editable(old), **typed}))
    )
    try:
        heading = flow.ask(
            f"第 {number} 条的小标题（{finish}）：",
            default=before["heading"],
            completions=q.headings,
        )
    except (KeyboardInterrupt, EOFError):
        typed = {"heading": _heading(flow, q, flow.unfinished(), say=False), "text": before["text"]}
        _leave(flow, number, typed, before, keep_typed)
        raise
    if isinstance(heading, Signal):
        return heading
    heading = _heading(flow, q, heading)
    if not heading and item is None:
        return None
    try:
        body = flow.ask(
            f"第 {number} 条的内容{MULTILINE_HINT}：\n",
            default=before["text"],
            multiline=True,
        )
    except (KeyboardInterrupt, EOFError):
        _leave(flow, number, {"heading": heading, "text": flow.unfinished()}, before, keep_typed)
        raise
    if isinstance(body, Signal):
        return body
    entry: dict[str, Any] = {"heading": heading, "text": body}
    if item and item.get("alone") is True:
        entry["alone"] = True  # the township's form of heading, kept through an edit
    subs = subitems_of(item) if item else []
    if subs:
        kept = ask_subitems(flow, subs, number)
        if isinstance(kept, Signal):
            return kept
        entry.update(marker=item.get("marker") if item else None, subitems=kept)
    parsed, error = check_answer(q, [entry])
    if error:
        flow.say(error)
    if not isinstance(parsed, list) or not parsed or not isinstance(parsed[0], Item):
        return None
    return parsed[0].to_data()


def _heading(flow: Flow, q: Question, typed: str, *, say: bool = True) -> str:
    """A typed heading: a common heading's number stands for it."""
    heading = typed.strip()
    if heading.isdigit() and q.headings and 1 <= int(heading) <= len(q.headings):
        heading = q.headings[int(heading) - 1]
        if say:
            flow.say(f"→ {heading}")
    return heading


def _leave(
    flow: Flow,
    number: int,
    typed: dict[str, Any],
    before: dict[str, str],
    keep_unfinished: Callable[[dict[str, Any]], None],
) -> None:
    """Ctrl-C or Ctrl-D while an item was being written: what was typed is kept (the screen
    then says "已保存", and it must be true)."""
    # A box emptied (Ctrl-U) and then left is no answer: the old heading or text stays.
    typed = {
        "heading": str(typed["heading"]).strip() or before["heading"],
        "text": str(typed["text"]).rstrip() or before["text"],
    }
    if not (typed["heading"] or typed["text"].strip()) or typed == before:
        return
    keep_unfinished(typed)
    flow.say(f"\n正在写的第 {number} 条已保存；下次在条目列表里输入 e {number} 接着写。")


# --------------------------------------------------------------------------- follow-ups


def ask_plans(flow: Flow, q: Question) -> Any:
    """First how last year's plans went, then next year's plans."""
    done = flow.data.get("followups")
    if not isinstance(done, list) or len(done) < len(last_year(flow, "plans")):
        outcome = ask_followups(flow)
        if isinstance(outcome, Signal):
            return outcome
    return ask_items(flow, q)


def ask_followups(flow: Flow) -> Any:
    """Last year's plans, one by one: 去年计划：…… 今年落实情况？"""

    plans = last_year(flow, "plans")
    answers = list(flow.answers.followups)
    if answers and len(answers) >= len(plans):
        return None
    flow.say(f"去年报告里有 {len(plans)} 项“下一年度安排”，请逐项说明今年的落实情况：")

    def keep_all(done: list[Followup]) -> None:
        flow.data["followups"] = [f.to_data() for f in done]
        flow.save()

    outcome = follow_up(flow, plans, answers, "去年计划", "今年落实情况？", followup_item, keep_all)
    return outcome if isinstance(outcome, Signal) else None


def ask_rectification(flow: Flow, q: Question) -> Any:
    """Last year's problems come back as 整改情况 (heading = the problem)."""

    problems = last_year(flow, "problems")
    existing = current_value(q, flow.data) or []
    # Items kept from an interrupted run: go on with the problems not yet answered.
    if existing and not (q.key in flow.pending and len(existing) < len(problems)):
        return ask_items(flow, q)
    items = [
        Item(heading=str(i.get("heading") or ""), text=str(i.get("text") or ""))
        for i in existing
        if isinstance(i, Mapping)
    ]
    flow.say(f"去年报告里有 {len(problems)} 条“存在的不足”，请逐条说明今年的整改情况：")
    return follow_up(
        flow,
        problems,
        items,
        "去年的不足",
        "今年整改情况？",
        rectification_item,
        lambda done: keep(flow, q, done),
    )


Made = TypeVar("Made", Followup, Item)


def follow_up(
    flow: Flow,
    entries: Sequence[Item],
    done: list[Made],
    label: str,
    question: str,
    make: Callable[[Item, str, str], Made],
    keep_all: Callable[[list[Made]], None],
) -> Any:
    """Last year's entries not yet in ``done``, one by one: status and a sentence each.
    Every answer is kept at once, so an interrupted run resumes at the next entry."""
    for number, entry in enumerate(entries[len(done) :], len(done) + 1):
        flow.say(f"\n（{number}/{len(entries)}）{label}：{short_name(entry.heading, entry.text)}")
        text = entry.text.strip()
        if text:
            flow.say(f"  去年的原话：{text}")

        answer = ask_status(flow, question, _keeper(flow, entry, number, done, make, keep_all))
        if isinstance(answer, Signal):
            return answer
        status, sentence = answer
        done.append(make(entry, status, sentence))
        keep_all(done)
    return done


def _keeper(
    flow: Flow,
    entry: Item,
    number: int,
    done: list[Made],
    make: Callable[[Item, str, str], Made],
    keep_all: Callable[[list[Made]], None],
) -> Callable[[str, str], None]:
    """What keeps entry ``number`` when its sentence was left half typed."""

    def keep_typed(status: str, typed: str) -> None:
        done.append(make(entry, status, typed))
        keep_all(done)
        flow.say(f"\n第 {number} 项已保存（句子写到一半，可在答卷里补全）。")

    return keep_typed


STATUS_NAMES = {"done": "已完成", "partly": "部分完成", "not": "未完成"}
NOTE_PROMPTS = {
    # Done, the report reads "“X”的问题已整改到位。" without a note; a part done or nothing done
    # needs what is left or why not (the checks say so when it is blank).
    "done": "用一句话说明做了什么、效果如何（可留空）：",
    "partly": "用一句话说明做了哪些、还差哪些、下一步怎么办：",
    "not": "用一句话说明为什么还没有完成、下一步怎么办：",
}


def ask_status(
    flow: Flow, question: str, keep_typed: Callable[[str, str], None] | None = None
) -> Any:
    """A status (1/2/3) and a sentence. Ctrl-C or Ctrl-D in the middle of the sentence hands
    the status and what was typed to ``keep_typed`` before leaving: half a sentence is the
    clerk's words, not nothing."""
    status_text = flow.ask(
        f"{question}（1＝已完成，2＝部分完成，3＝未完成）：",
        validate=lambda t: None if status_of(t) else "请输入 1、2 或 3",
    )
    if isinstance(status_text, Signal):
        return status_text
    status = status_of(status_text) or "done"
    flow.say(f"→ {STATUS_NAMES[status]}")
    try:
        sentence = flow.ask(NOTE_PROMPTS[status])
    except (KeyboardInterrupt, EOFError):
        typed = flow.unfinished().strip()
        if typed and keep_typed is not None:
            keep_typed(status, typed)
        raise
    if isinstance(sentence, Signal):
        return sentence
    return status, sentence.strip()
