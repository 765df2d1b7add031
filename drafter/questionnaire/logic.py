"""Pure helpers of the questionnaire: what to ask, how a typed answer parses, what is stored.

Everything here is a function of the catalogue and the answers so far, testable without a
terminal; parsing and validating an answer is ``drafter.answers.parse.check_answer``. The typed answers
(pydantic) and the rules across answers are in ``typed``, which this module does not import: the
first question needs none of them.

Where an answer comes from, highest first (copier's order, written down once, here):
**this session > answers file > carried over from last year > the catalogue's default**.
Carried-over values are stored in the answers file by ``drafter.answers.carryover.start_from_last`` and
listed in ``to_confirm``; so "answers file" and "carried over" are both the file's value, and a
carried one is still asked (prefilled) until the user confirms it. The default is only used when
the file holds nothing for the question. A figure never gets a default; last year's figure is
offered explicitly ("回车＝与去年相同").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from drafter.answers.parse import Item, check_answer, dump_value
from drafter.answers.records import KIND_FIRST_DUTY
from drafter.questions import (
    OPENING_CLAUSES,
    QUESTIONS,
    SECTION_BY_NAME,
    SECTIONS,
    Question,
    Section,
    get_answer,
)
from drafter.text.figures import Figure

BACK_WORDS = frozenset({"<", "《", "〈"})
MENU_WORDS = frozenset({">", "》", "〉"})
HELP_WORDS = frozenset({"?", "？"})
COMMAND_WORDS = BACK_WORDS | MENU_WORDS | HELP_WORDS
DECLINE_WORDS = frozenset({"-", "－", "—", "不报", "不报告"})
"""Typed at a figure that has last year's value: not reported this year."""
DROP_WORDS = frozenset({"d", "D", "删", "删去", "删除"})
"""Typed at a carried text figure: drop its clause."""

MULTILINE_KINDS = frozenset({"longtext", "list"})

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "done": ("1", "完成", "已完成", "落实", "已落实", "是"),
    "partly": ("2", "部分", "部分完成", "部分落实"),
    "not": ("3", "未", "未完成", "未落实", "否", "没有"),
}

# Headings of other regions: offered as examples, never as if they fitted every unit.
EXAMPLE_HEADINGS = frozenset({"highlights.specialities"})


def all_keys() -> list[str]:
    """Every question key, in catalogue (report) order."""
    return [q.key for s in SECTIONS for q in s.questions]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def set_answer(data: dict[str, Any], key: str, value: Any) -> None:
    section, name = key.split(".", 1)
    values = data.get(section)
    if not isinstance(values, dict):
        values = {}
        data[section] = values
    values[name] = value


def pending_keys(data: Mapping[str, Any], *, fill_empty: bool = False) -> list[str]:
    """Questions still to answer or confirm, in catalogue order.

    ``to_confirm`` is the record; a file without it is complete except for required answers that
    are still empty (a hand-written file). ``fill_empty`` adds every empty question (an import,
    whose ``to_confirm`` only lists what it read).
    """
    listed = data.get("to_confirm")
    wanted: set[str] = set()
    if isinstance(listed, list):
        wanted |= {str(k) for k in listed if str(k) in QUESTIONS}
    for q in QUESTIONS.values():
        empty = is_empty(get_answer(data, q.key))
        if (fill_empty and empty) or (listed is None and q.required and empty):
            wanted.add(q.key)
    return [k for k in all_keys() if k in wanted]


def choice_name(q: Question, value: Any) -> str:
    """A choice as users see it: 按规定顺序 for ``regulation`` (never the id)."""
    return q.choice_name(value)


def prefill_text(q: Question, value: Any) -> str:
    """What the prompt's buffer starts with for a stored (or default) value."""
    if value is None:
        return ""
    if q.kind == "bool":
        return "是" if value else "否"
    if q.kind == "choice":
        return choice_name(q, value)
    if q.kind in ("list",):
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if isinstance(value, Figure):
        return str(value)
    if isinstance(value, (list, dict)):
        return ""
    return str(value)


def store_value(q: Question, value: Any) -> Any:
    """A parsed answer (or the items editor's entries) as the working copy keeps it: the answers
    file's plain data."""
    if q.kind == "items":
        return [i.to_data() if isinstance(i, Item) else dict(i) for i in value or []]
    if q.kind in ("text", "longtext", "date") and value == "":
        return None
    return dump_value(q, value)


def current_value(q: Question, data: Mapping[str, Any]) -> Any:
    """The value a question starts from: the file's (incl. carried over), else the default."""
    value = get_answer(data, q.key)
    if not is_empty(value):
        return value
    if q.kind == "figure":
        return None  # a figure never gets a default: blank means "not reported"
    return q.default_for(data)


def choice_from_input(q: Question, text: str) -> str:
    """Map "2" to the second choice and a shown name to its value; else left to ``check_answer``."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit() and 1 <= int(text) <= len(q.choices):
        return q.choices[int(text) - 1]
    for choice in q.choices:
        if text and text == choice_name(q, choice):
            return choice
    return text


def check_input(q: Question, text: str) -> tuple[Any, str | None]:
    """Parse what the user typed for one question: (value, Chinese error or None)."""
    raw: Any = text
    if q.kind == "choice":
        raw = choice_from_input(q, text)
    elif q.kind == "bool":
        raw = {"1": "是", "2": "否"}.get(text.strip(), text)
    value, error = check_answer(q, raw)
    if error is not None and q.kind == "choice":
        error += f"，或输入序号 1—{len(q.choices)}"
    if error is None and q.required and is_empty(value):
        return None, f"“{q.label}”必须填写"
    return value, error


def invalid_answers(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Stored answers that no longer validate: (key, Chinese reason). Never dropped silently."""
    problems = []
    for q in QUESTIONS.values():
        value = get_answer(data, q.key)
        if value is None:
            continue
        _, error = check_answer(q, value)
        if error:
            problems.append((q.key, error))
    return problems


# Extra answers a cross-field rule involves besides the part/whole pair of the catalogue.
_RELATED: dict[str, tuple[str, ...]] = {
    "review.lost": ("review.lost", "review.reconsiderations", "review.lawsuits"),
    "identity.unit_name": ("identity.unit_name", "identity.unit_type"),
    "identity.date": ("identity.date", "identity.year"),
}


def related_keys(key: str) -> tuple[str, ...]:
    """The answers a cross-field problem reported at ``key`` involves (any of them may be wrong)."""
    if key in _RELATED:
        return _RELATED[key]
    q = QUESTIONS.get(key)
    if q is not None and q.part_of:
        return (key, q.part_of)
    return (key,)


# Figures that only make sense when another count is not zero (part_of pairs are added below).
_NEEDS: dict[str, tuple[str, ...]] = {
    "review.lost": ("review.reconsiderations", "review.lawsuits"),
    "review.appearances": ("review.lawsuits",),
    "study.exam_participants": ("study.exams",),
    "study.exam_passed": ("study.exams",),
    "enforcement.trainees": ("enforcement.trainings",),
}


def _zero(data: Mapping[str, Any], key: str) -> bool:
    value = get_answer(data, key)
    return value == 0 or value == "0"


def first_duty_is_a_part(data: Mapping[str, Any]) -> bool:
    """The 第一责任人 duties stand as a part of their own, under the regulation's heading (or the
    report's own), not as a （一） item with a 小标题 of their own: the outline puts them so, or the
    imported report did."""
    structure = data.get("structure") if isinstance(data, Mapping) else None
    if isinstance(structure, list) and structure:
        return any(isinstance(p, Mapping) and p.get("kind") == KIND_FIRST_DUTY for p in structure)
    return (get_answer(data, "identity.outline") or "regulation") != "three-part"


def skip_reason(key: str, data: Mapping[str, Any]) -> str | None:
    """Why a question cannot apply given the answers so far (败诉 when there were no cases)."""
    q = QUESTIONS[key]
    if key == "first_duty.title" and first_duty_is_a_part(data):
        return "第一责任人履职情况单独成一部分，标题按规定的写法，不用另拟小标题"
    opening_text = (data.get("opening") or {}).get("text") if isinstance(data, Mapping) else None
    if key == "opening.text" and not opening_text:
        return "开头段原文只在导入报告时保留"
    if key == "identity.title" and not get_answer(data, key):
        return "标题原文只在导入报告时保留"
    if key == "identity.county_in_title" and get_answer(data, "identity.title"):
        return "标题用原报告的写法"
    if key in OPENING_CLAUSES and opening_text:
        return "开头段用导入的原文"
    needs = _NEEDS.get(key) or ((q.part_of,) if q.part_of else ())
    if needs and all(_zero(data, k) for k in needs):
        names = "和".join(QUESTIONS[k].label for k in needs)
        return f"{names}为 0，不用填写“{q.label}”"
    return None


def status_of(text: str) -> str | None:
    """ "1"/"完成" → done, "2"/"部分" → partly, "3"/"未" → not."""
    text = text.strip()
    for status, words in STATUS_WORDS.items():
        if text in words:
            return status
    return None


def section_for(name: str) -> Section | None:
    """A section by key (publicity), Chinese title (普法宣传) or number in the menu (5)."""
    name = name.strip()
    if name.isdigit() and 1 <= int(name) <= len(SECTIONS):
        return SECTIONS[int(name) - 1]
    if name in SECTION_BY_NAME:
        return SECTION_BY_NAME[name]
    for section in SECTIONS:
        if name and (section.title == name or section.title.startswith(name)):
            return section
    return None


def number_error(count: int) -> Any:
    """Validator for "pick one of 1..count" (blank allowed: the default)."""

    def check(text: str) -> str | None:
        text = text.strip()
        if not text or (text.isdigit() and 1 <= int(text) <= count):
            return None
        return f"请输入 1—{count} 的序号"

    return check


ITEM_USAGE = "回车＝完成本题；a＝新增；e 序号＝修改；d 序号＝删除；m 序号 新位置＝移动"

_ITEM_COMMAND = re.compile(r"^(?P<verb>\S)\s*(?P<numbers>(?:\d+(?:\s*[\s,，、]\s*\d+)*)?)$")


def item_command(text: str) -> tuple[str, list[int]] | None:
    """A command typed at the items list: its letter and numbers, with or without a space
    ("e2", "e 2", "ｅ２", "m3 1", "m 3，1"); None when it is not of that shape."""
    typed = unicodedata.normalize("NFKC", text).strip()
    match = _ITEM_COMMAND.match(typed)
    if match is None:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", match.group("numbers"))]
    return match.group("verb").lower(), numbers


def item_command_error(text: str, count: int) -> str | None:
    """What is wrong with a command typed at the items list, in words (没有第 9 条)."""
    if not text.strip() or text.strip() in HELP_WORDS:
        return None
    command = item_command(text)
    if command is None or command[0] not in ("a", "e", "d", "m"):
        return f"没有“{text.strip().split()[0]}”这个命令。{ITEM_USAGE}"
    verb, numbers = command
    if verb == "a":
        return None if not numbers else "a 后面不用写序号：直接输入 a 再回车，新增一条"
    wanted = 2 if verb == "m" else 1
    if len(numbers) != wanted:
        example = "m 3 1（把第 3 条移到第 1 条）" if verb == "m" else f"{verb} 2 或 {verb}2"
        return f"请写成 {example}"
    for number in numbers:
        if not 1 <= number <= count:
            return f"没有第 {number} 条（现有 {count} 条）" if count else "现在还没有条目"
    return None
