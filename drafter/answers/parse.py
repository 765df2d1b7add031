"""One answer of the catalogue, parsed: a function per kind of question, each raising a Chinese
message, so an answer reads the same in the questionnaire, the answers file and the build.

The answers model (:mod:`drafter.answers.model`) validates every field with these functions; the
questionnaire calls :func:`check_answer` on what the user typed. Each function also accepts the
value it returns (a :class:`Figure`, an :class:`Item`), so a value already parsed validates again
unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from drafter.questions import Question
from drafter.text.figures import Figure, FigureError, parse_figure

MAX_TEXT = 20_000
"""Characters in one answer: longer is almost certainly a paste accident."""
MAX_ITEMS = 50

YES = {"是", "要", "对", "y", "yes", "true", "1", "有"}
NO = {"否", "不", "不要", "n", "no", "false", "0", "无"}

DATE = re.compile(r"^(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?$")

# Characters that cannot appear in a Word document (XML 1.0) or that break a line layout.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


MARKERS = ("1.", "（1）", "（一）", "①", "一是")
"""How a report numbered an item's sub-items: ``1.`` ``（1）`` ``（一）`` ``①`` as a list under the
item, ``一是`` run into its paragraph. Only a record of the township's own numbering: drafts derive
their numbers (``blocks.number_blocks``)."""

MAX_DEPTH = 2
"""Sub-items of sub-items, and no deeper (（一） → 1. → （1））."""


@dataclass(frozen=True, slots=True)
class Item:
    """One measure, problem, duty or plan: a short heading and its text, and the sub-items the
    township wrote under it (its ``1. 2. 3.``), each an item of its own."""

    heading: str = ""
    text: str = ""
    subitems: tuple[Item, ...] = ()
    marker: str = ""
    """How the sub-items were numbered (one of :data:`MARKERS`; "" when there are none)."""
    alone: bool = False
    """The heading stood on a line of its own in the township's report (its text below it), not
    run into the text: the draft keeps that form."""

    def to_data(self) -> dict[str, Any]:
        """As the answers file writes it (``subitems`` and ``marker`` only when there are some,
        ``alone`` only when true)."""
        data: dict[str, Any] = {"heading": self.heading, "text": self.text}
        if self.alone and self.heading:
            data["alone"] = True
        if self.subitems:
            data["marker"] = self.marker or MARKERS[0]
            data["subitems"] = [sub.to_data() for sub in self.subitems]
        return data

    def walk(self, path: str = "") -> Iterator[tuple[str, Item]]:
        """This item and every sub-item below it, each with its path below the item (``""``,
        ``.subitems[0]``, ``.subitems[0].subitems[1]``), in reading order."""
        yield path, self
        for index, sub in enumerate(self.subitems):
            yield from sub.walk(f"{path}.subitems[{index}]")

    @property
    def words(self) -> str:
        """Heading, text and the sub-items' words, as one text to search (not to print)."""
        return "\n".join(t for _, item in self.walk() for t in (item.heading, item.text) if t)


class AnswerError(ValueError):
    """One answer that cannot be used; its text is the Chinese message the user sees."""


def clean_text(value: str) -> str:
    """Strip control characters and surrounding blanks; normalise line ends."""
    text = _ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def parse_text(q: Question, raw: Any, *, multiline: bool) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise AnswerError("这里要填文字")
    text = clean_text(str(raw))
    if len(text) > MAX_TEXT:
        raise AnswerError(f"内容太长（{len(text)} 字，最多 {MAX_TEXT} 字），请删减或分成几条")
    if not multiline:
        text = " ".join(part.strip() for part in text.split("\n") if part.strip())
    return text


def parse_choice(q: Question, raw: Any) -> str | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    if text in q.choices:
        return text
    for choice, label in zip(q.choices, q.choice_labels, strict=False):
        if text == label or label.startswith(text):
            return choice
    names = "、".join(q.choice_name(choice) for choice in q.choices)
    raise AnswerError(f"“{text}”不是可选项，请从 {names} 中选一个")


def parse_year(q: Question, raw: Any) -> int | None:
    try:
        fig = parse_figure(str(raw).removesuffix("年度").removesuffix("年") if raw else raw)
    except FigureError:
        raise AnswerError(f"“{raw}”不是年份，请写四位数字，如 2024") from None
    if fig is None:
        return None
    year = int(fig.value)
    if fig.approx or not (q.ge or 0) <= year <= (q.le or 9999):
        raise AnswerError(f"年份 {raw} 不在 {q.ge}—{q.le} 之间，请写四位数字，如 2024")
    return year


def parse_date(q: Question, raw: Any) -> str | None:
    if raw is None:
        return None
    if hasattr(raw, "year") and hasattr(raw, "month") and hasattr(raw, "day"):
        return f"{raw.year}年{raw.month}月{raw.day}日"
    text = str(raw).translate(str.maketrans("０１２３４５６７８９", "0123456789")).strip()
    if not text:
        return None
    match = DATE.match(text)
    if not match:
        raise AnswerError(f"“{raw}”不是日期，请写成“2025年1月15日”")
    year, month, day = (int(g) for g in match.groups())

    try:
        dt.date(year, month, day)
    except ValueError:
        raise AnswerError(f"“{raw}”不是有效日期（没有这一天）") from None
    return f"{year}年{month}月{day}日"


def parse_bool(q: Question, raw: Any) -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise AnswerError(f"“{raw}”请回答“是”或“否”")


def parse_fig(q: Question, raw: Any) -> Figure | None:
    try:
        fig = parse_figure(raw, unit=q.unit)
    except FigureError as exc:
        raise AnswerError(str(exc)) from None
    if fig is not None and q.le is not None and fig.value > q.le:
        raise AnswerError(f"{fig}{q.unit} 太大了（超过 {q.le}），请检查是否多打了 0")
    return fig


def parse_items(q: Question, raw: Any) -> list[Item]:
    return _items(q, raw, "", 0)


def _items(q: Question, raw: Any, where: str, depth: int) -> list[Item]:
    """Items (or, ``depth`` > 0, the sub-items of the item ``where`` names: "第 2 条的")."""
    if raw is None:
        return []
    if isinstance(raw, (Item, str, Mapping)) and depth:
        raw = [raw]  # one sub-item written without the list around it
    if not isinstance(raw, list):
        raise AnswerError(f"{where}这里应是一组条目（每条有“heading”小标题和“text”内容）")
    if len(raw) > MAX_ITEMS:
        raise AnswerError(f"{where}条目太多（{len(raw)} 条，最多 {MAX_ITEMS} 条）")
    items: list[Item] = []
    for index, entry in enumerate(raw, 1):
        if entry is None:
            continue
        if isinstance(entry, Item):
            entry = entry.to_data()
        elif isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, Mapping):
            raise AnswerError(f"{where}第 {index} 条应有“heading”（小标题）和“text”（内容）")
        heading = parse_text(q, entry.get("heading", entry.get("标题")), multiline=False) or ""
        text = parse_text(q, entry.get("text", entry.get("内容")), multiline=True) or ""
        subitems: list[Item] = []
        raw_subs = entry.get("subitems")
        if raw_subs not in (None, [], ""):
            if depth >= MAX_DEPTH:
                raise AnswerError(
                    f"{where}第 {index} 条的下级条目（subitems）层次太多：最多两层（如 1. 下面的（1））"
                )
            subitems = _items(q, raw_subs, f"{where}第 {index} 条的下级条目", depth + 1)
        if heading or text or subitems:
            marker = _marker(entry.get("marker")) if subitems else ""
            alone = bool(heading) and entry.get("alone") is True
            items.append(Item(heading.rstrip("。；;，,"), text, tuple(subitems), marker, alone))
    return items


def _marker(raw: Any) -> str:
    """The sub-items' numbering as recorded; anything else reads as a list (``1.``)."""
    text = str(raw or "").strip()
    return text if text in MARKERS else MARKERS[0]


def parse_list(q: Question, raw: Any) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = raw.split("\n")
    if not isinstance(raw, list):
        raise AnswerError("这里应是一行一项的列表")
    out = []
    for entry in raw:
        text = parse_text(q, entry, multiline=False) if entry is not None else None
        if text:
            out.append(text)
    return out


AnswerValue = str | int | bool | Figure | list[Item] | list[str] | None
"""What a parsed answer is, by kind: text, longtext, choice and date → str; year → int; bool;
figure → :class:`Figure`; items → list of :class:`Item`; list → list of str; None when empty."""


def _line(q: Question, raw: Any) -> str | None:
    return parse_text(q, raw, multiline=False)


def _paragraphs(q: Question, raw: Any) -> str | None:
    return parse_text(q, raw, multiline=True)


PARSERS: dict[str, Callable[[Question, Any], AnswerValue]] = {
    "text": _line,
    "longtext": _paragraphs,
    "choice": parse_choice,
    "year": parse_year,
    "date": parse_date,
    "bool": parse_bool,
    "figure": parse_fig,
    "items": parse_items,
    "list": parse_list,
}
"""The parser of each kind of question."""


def parse_value(q: Question, raw: Any) -> AnswerValue:
    """Parse one answer of a question, raising an :class:`AnswerError` in Chinese."""
    value = PARSERS[q.kind](q, raw)
    if q.validator is not None and isinstance(value, str) and value:
        problem = q.validator(value)
        if problem:
            raise AnswerError(problem)
    return value


def check_answer(q: Question, raw: Any) -> tuple[AnswerValue, str | None]:
    """Parse one answer for the questionnaire: (value, Chinese error or None)."""
    try:
        return parse_value(q, raw), None
    except AnswerError as exc:
        return None, str(exc)


def empty_value(q: Question) -> AnswerValue:
    """The value of a question nobody answered: an empty list for lists, else None."""
    return [] if q.kind in ("items", "list") else None


def dump_value(q: Question, value: AnswerValue) -> Any:
    """One answer as the answers file stores it."""
    if isinstance(value, Figure):
        return value.to_yaml()
    if q.kind == "items" and isinstance(value, list):
        return [item.to_data() for item in value if isinstance(item, Item)]
    return value
