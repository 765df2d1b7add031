"""The answers model: typed answers built from the question catalogue.

Each catalogue kind has one parsing function that raises a Chinese message, so a field's error
reads the same in the questionnaire, the answers file and the build. Cross-field rules
(resolved ≤ received, the unit name ends with its unit type, …) live in :func:`cross_check`.

The catalogue is the schema: validating is calling each question's parser on its answer and
collecting every field's message. This was a set of pydantic models whose every field was a
``PlainValidator`` around the same parser; building those models took a quarter of a report's
build at import (about 94 ms) and the validation itself half a millisecond, so the models are
plain classes now and pydantic is no longer needed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from drafter.errors import DrafterError
from drafter.questions import (
    QUESTIONS,
    RATES,
    SECTIONS,
    AnswerData,
    Question,
    Section,
)
from drafter.text.figures import Figure, FigureError, parse_figure, rate
from drafter.text.units import UNIT_TYPES, UnitWords, guess_unit_type, words_for

MAX_TEXT = 20_000
"""Characters in one answer: longer is almost certainly a paste accident."""
MAX_ITEMS = 50

YES = {"是", "要", "对", "y", "yes", "true", "1", "有"}
NO = {"否", "不", "不要", "n", "no", "false", "0", "无"}

_DATE = re.compile(r"^(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?$")

# Characters that cannot appear in a Word document (XML 1.0) or that break a line layout.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class Item:
    """One measure, problem, duty or plan: a short heading and its text."""

    heading: str = ""
    text: str = ""


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
    raise AnswerError(f"“{text}”不是可选项，请从 {'、'.join(q.choices)} 中选一个")


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
    match = _DATE.match(text)
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
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise AnswerError("这里应是一组条目（每条有“heading”小标题和“text”内容）")
    if len(raw) > MAX_ITEMS:
        raise AnswerError(f"条目太多（{len(raw)} 条，最多 {MAX_ITEMS} 条）")
    items: list[Item] = []
    for index, entry in enumerate(raw, 1):
        if entry is None:
            continue
        if isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, Mapping):
            raise AnswerError(f"第 {index} 条应有“heading”（小标题）和“text”（内容）")
        heading = parse_text(q, entry.get("heading", entry.get("标题")), multiline=False) or ""
        text = parse_text(q, entry.get("text", entry.get("内容")), multiline=True) or ""
        if heading or text:
            items.append(Item(heading=heading.rstrip("。；;，,"), text=text))
    return items


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


def parse_value(q: Question, raw: Any) -> Any:
    """Parse one answer of a question, raising an :class:`AnswerError` in Chinese."""
    if q.kind in ("text", "longtext"):
        return parse_text(q, raw, multiline=q.kind == "longtext")
    if q.kind == "choice":
        return parse_choice(q, raw)
    if q.kind == "year":
        return parse_year(q, raw)
    if q.kind == "date":
        return parse_date(q, raw)
    if q.kind == "bool":
        return parse_bool(q, raw)
    if q.kind == "figure":
        return parse_fig(q, raw)
    if q.kind == "items":
        return parse_items(q, raw)
    return parse_list(q, raw)


def check_answer(q: Question, raw: Any) -> tuple[Any, str | None]:
    """Parse one answer for the questionnaire: (value, Chinese error or None)."""
    try:
        return parse_value(q, raw), None
    except AnswerError as exc:
        return None, str(exc)


def _field_default(q: Question) -> Any:
    return [] if q.kind in ("items", "list") else None


class SectionAnswers:
    """One section's answers: an attribute per question of the section."""

    _section: Section

    def __init__(self, section: Section, values: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_section", section)
        self.__dict__.update(values)

    def __setattr__(self, name: str, raw: Any) -> None:
        # Assigning parses like loading does: a section never holds an unparsed answer.
        q = QUESTIONS.get(f"{self._section.name}.{name}")
        if q is None:
            raise AttributeError(f"{self._section.name} has no question {name!r}")
        self.__dict__[name] = parse_value(q, raw)

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return ((q.name, self.__dict__[q.name]) for q in self._section.questions)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SectionAnswers):
            return NotImplemented
        return self._section is other._section and dict(self) == dict(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the pydantic model was

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._section.name}, {dict(self)!r})"


@dataclass(frozen=True)
class Followup(Item):
    """How one of last year's plans went (top-level ``followups`` in the answers file)."""

    status: str = ""
    sentence: str = ""
    """What the user said about it (the plan's own words stay in ``text``)."""


def _parse_followups(raw: Any) -> list[Followup]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise AnswerError("followups 应是一组条目（每条有 heading、status、text）")
    out = []
    for entry in raw:
        if isinstance(entry, Mapping):
            heading = clean_text(str(entry.get("heading") or ""))
            text = clean_text(str(entry.get("text") or ""))
            if heading or text:
                out.append(
                    Followup(
                        heading=heading,
                        text=text,
                        status=str(entry.get("status") or ""),
                        sentence=clean_text(str(entry.get("sentence") or "")),
                    )
                )
    return out


def _mapping_or_empty(raw: Any) -> dict[str, Any]:
    """Bookkeeping of the file, never a reason to refuse it: anything else reads as empty."""
    return dict(raw) if isinstance(raw, Mapping) else {}


def _list_or_empty(raw: Any) -> list[Any]:
    return list(raw) if isinstance(raw, list) else []


TOP_LEVEL: dict[str, Callable[[Any], Any]] = {
    "followups": _parse_followups,
    "last_year": _mapping_or_empty,
    "carried_figures": _list_or_empty,
}
"""Top-level keys of the answers that are not sections, each with its parser (which also makes
the value of a missing key from None)."""


class Answers:
    """All answers of one report, section by section (an attribute per section)."""

    followups: list[Followup]
    """Last year's plans and what became of them (filled by ``drafter new --from``)."""
    last_year: dict[str, Any]
    """Last year's figures, plans and problems (``drafter new --from``/``--import``)."""
    carried_figures: list[Any]
    """The record of last year's figures inside carried texts (see ``drafter.answers.carried``)."""

    def __init__(self, sections: Mapping[str, SectionAnswers], top: Mapping[str, Any]) -> None:
        self.__dict__.update(sections)
        self.__dict__.update(top)

    def get(self, key: str) -> Any:
        section, name = key.split(".", 1)
        return getattr(getattr(self, section), name)

    @property
    def words(self) -> UnitWords:
        return words_for(self.get("identity.unit_type") or "乡")

    def rate(self, key: str) -> str | None:
        """A derived rate such as 调解成功率, from its two counts."""
        spec = next(r for r in RATES if r.key == key)
        return rate(self.get(spec.part), self.get(spec.whole))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Answers):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Answers({self.__dict__!r})"


def _validate(data: Mapping[str, Any]) -> tuple[Answers, list[tuple[tuple[str, ...], str]]]:
    """Parse every answer; (answers, [(location, Chinese message)]) in catalogue order.

    Keys the catalogue does not know are ignored here (``answers.unknown_keys`` reports them).
    """
    problems: list[tuple[tuple[str, ...], str]] = []
    top: dict[str, Any] = {}
    for name, parse in TOP_LEVEL.items():
        try:
            top[name] = parse(data.get(name))
        except ValueError as exc:
            top[name] = parse(None)
            problems.append(((name,), _message(exc)))
    sections: dict[str, SectionAnswers] = {}
    for section in SECTIONS:
        raw = data.get(section.name, {})
        if not isinstance(raw, Mapping):
            problems.append(((section.name,), "这一部分应是“键: 值”的形式（检查缩进）"))
            raw = {}
        values: dict[str, Any] = {}
        for q in section.questions:
            if q.name not in raw:
                values[q.name] = _field_default(q)
                continue
            try:
                values[q.name] = parse_value(q, raw[q.name])
            except ValueError as exc:
                values[q.name] = _field_default(q)
                problems.append(((section.name, q.name), _message(exc)))
        sections[section.name] = SectionAnswers(section, values)
    return Answers(sections, top), problems


def _message(exc: ValueError) -> str:
    return str(exc) if isinstance(exc, AnswerError) else f"填写不正确（{exc}）"


def cross_check(answers: Answers) -> list[tuple[str, str]]:
    """Rules that involve more than one answer: (field key, Chinese message) per problem."""
    problems: list[tuple[str, str]] = []
    for q in QUESTIONS.values():
        if q.part_of is None:
            continue
        part, whole = answers.get(q.key), answers.get(q.part_of)
        if part is not None and whole is not None and part.value > whole.value:
            whole_q = QUESTIONS[q.part_of]
            problems.append(
                (
                    q.key,
                    f"{q.label}（{part}{q.unit}）不能多于{whole_q.label}（{whole}{whole_q.unit}），"
                    f"请改正其中一个",
                )
            )
    lost = answers.get("review.lost")
    cases = [answers.get("review.reconsiderations"), answers.get("review.lawsuits")]
    known = [c.value for c in cases if c is not None]
    if lost is not None and known and lost.value > sum(known):
        problems.append(
            (
                "review.lost",
                f"败诉或被纠错案件（{lost}件）不能多于复议和诉讼案件之和（{sum(known)}件）",
            )
        )
    name = answers.get("identity.unit_name")
    unit_type = answers.get("identity.unit_type")
    unit_type_of_name = guess_unit_type
    if name and unit_type in UNIT_TYPES and unit_type_of_name(name) != unit_type:
        problems.append(
            (
                "identity.unit_name",
                f"单位名称“{name}”与单位类型“{unit_type}”不一致：名称应以“{unit_type}”结尾，"
                f"请改名称或单位类型",
            )
        )
    for n, signer in enumerate(answers.get("identity.signers") or [], 1):
        if _DATE.match(signer) or re.search(r"\d", signer):
            problems.append(
                (
                    "identity.signers",
                    f"落款单位第{n}行“{signer}”不像单位名称；成文日期请填在“成文日期”一项",
                )
            )
    date, year = answers.get("identity.date"), answers.get("identity.year")
    if date and year:
        date_year = int(date[:4])
        if date_year < year:
            problems.append(
                ("identity.date", f"成文日期 {date} 早于报告年度 {year} 年，报告应在年度结束后成文")
            )
    return problems


def label_of(loc: tuple[Any, ...]) -> str:
    key = ".".join(str(p) for p in loc[:2])
    q = QUESTIONS.get(key)
    return f"{key}（{q.label}）" if q else key


def validate_answers(data: AnswerData, *, source: str = "答卷") -> Answers:
    """Validate plain answer data into the model, or raise DrafterError naming every bad field."""
    answers, problems = _validate(data)
    if problems:
        lines = [f"  - {label_of(loc)}：{message}" for loc, message in problems]
        raise DrafterError(
            f"{source}中有 {len(lines)} 处填写不正确：\n" + "\n".join(lines),
            field=".".join(problems[0][0][:2]),
            hint="按提示改正这些字段后再试；也可以用 drafter edit 重新回答这一部分。",
        )
    return answers
