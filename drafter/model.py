"""The answers model: pydantic models built from the question catalogue.

Each catalogue kind has one parsing function that raises a Chinese message, so a field's error
reads the same in the questionnaire, the answers file and the build. Cross-field rules
(resolved ≤ received, the unit name ends with its unit type, …) live in :func:`_cross_checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, ValidationError, create_model
from pydantic_core import PydanticCustomError

from drafter.errors import DrafterError
from drafter.figures import Figure, FigureError, parse_figure, rate
from drafter.questions import (
    QUESTIONS,
    RATES,
    SECTIONS,
    AnswerData,
    Question,
)
from drafter.units import UNIT_TYPES, UnitWords, words_for

MAX_TEXT = 20_000
"""Characters in one answer: longer is almost certainly a paste accident."""
MAX_ITEMS = 50

YES = {"是", "要", "对", "y", "yes", "true", "1", "有"}
NO = {"否", "不", "不要", "n", "no", "false", "0", "无"}

_DATE = re.compile(r"^(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?$")

# Characters that cannot appear in a Word document (XML 1.0) or that break a line layout.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class Item(BaseModel):
    """One measure, problem, duty or plan: a short heading and its text."""

    model_config = ConfigDict(frozen=True)

    heading: str = ""
    text: str = ""


def _err(message: str) -> PydanticCustomError:
    return PydanticCustomError("drafter", message)


def clean_text(value: str) -> str:
    """Strip control characters and surrounding blanks; normalise line ends."""
    text = _ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def parse_text(q: Question, raw: Any, *, multiline: bool) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise _err("这里要填文字")
    text = clean_text(str(raw))
    if len(text) > MAX_TEXT:
        raise _err(f"内容太长（{len(text)} 字，最多 {MAX_TEXT} 字），请删减或分成几条")
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
    raise _err(f"“{text}”不是可选项，请从 {'、'.join(q.choices)} 中选一个")


def parse_year(q: Question, raw: Any) -> int | None:
    try:
        fig = parse_figure(str(raw).removesuffix("年度").removesuffix("年") if raw else raw)
    except FigureError:
        raise _err(f"“{raw}”不是年份，请写四位数字，如 2024") from None
    if fig is None:
        return None
    year = int(fig.value)
    if fig.approx or not (q.ge or 0) <= year <= (q.le or 9999):
        raise _err(f"年份 {raw} 不在 {q.ge}—{q.le} 之间，请写四位数字，如 2024")
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
        raise _err(f"“{raw}”不是日期，请写成“2025年1月15日”")
    year, month, day = (int(g) for g in match.groups())
    import datetime as dt

    try:
        dt.date(year, month, day)
    except ValueError:
        raise _err(f"“{raw}”不是有效日期（没有这一天）") from None
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
    raise _err(f"“{raw}”请回答“是”或“否”")


def parse_fig(q: Question, raw: Any) -> Figure | None:
    try:
        fig = parse_figure(raw, unit=q.unit)
    except FigureError as exc:
        raise _err(str(exc)) from None
    if fig is not None and q.le is not None and fig.value > q.le:
        raise _err(f"{fig}{q.unit} 太大了（超过 {q.le}），请检查是否多打了 0")
    return fig


def parse_items(q: Question, raw: Any) -> list[Item]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _err("这里应是一组条目（每条有“heading”小标题和“text”内容）")
    if len(raw) > MAX_ITEMS:
        raise _err(f"条目太多（{len(raw)} 条，最多 {MAX_ITEMS} 条）")
    items: list[Item] = []
    for index, entry in enumerate(raw, 1):
        if entry is None:
            continue
        if isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, Mapping):
            raise _err(f"第 {index} 条应有“heading”（小标题）和“text”（内容）")
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
        raise _err("这里应是一行一项的列表")
    out = []
    for entry in raw:
        text = parse_text(q, entry, multiline=False) if entry is not None else None
        if text:
            out.append(text)
    return out


def parse_value(q: Question, raw: Any) -> Any:
    """Parse one answer of a question, raising a Chinese ``PydanticCustomError``."""
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
    except PydanticCustomError as exc:
        return None, exc.message()


def _validator(q: Question) -> Callable[[Any], Any]:
    return lambda raw: parse_value(q, raw)


def _field_type(q: Question) -> Any:
    base: Any
    if q.kind == "figure":
        base = Figure | None
    elif q.kind == "items":
        base = list[Item]
    elif q.kind == "list":
        base = list[str]
    elif q.kind == "year":
        base = int | None
    elif q.kind == "bool":
        base = bool | None
    else:
        base = str | None
    return Annotated[base, PlainValidator(_validator(q))]


def _field_default(q: Question) -> Any:
    return [] if q.kind in ("items", "list") else None


class SectionBase(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True, frozen=False)


def _build_section_models() -> dict[str, type[SectionBase]]:
    models: dict[str, type[SectionBase]] = {}
    for section in SECTIONS:
        fields: dict[str, Any] = {
            q.name: (_field_type(q), _field_default(q)) for q in section.questions
        }
        model = create_model(
            f"{section.name.title().replace('_', '')}Answers", __base__=SectionBase, **fields
        )
        models[section.name] = model
    return models


SECTION_MODELS = _build_section_models()


class Followup(Item):
    """How one of last year's plans went (top-level ``followups`` in the answers file)."""

    status: str = ""
    sentence: str = ""
    """What the user said about it (the plan's own words stay in ``text``)."""


def _parse_followups(raw: Any) -> list[Followup]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _err("followups 应是一组条目（每条有 heading、status、text）")
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


class AnswersBase(BaseModel):
    """All answers of one report, section by section."""

    model_config = ConfigDict(extra="ignore")

    followups: Annotated[list[Followup], PlainValidator(_parse_followups)] = []
    """Last year's plans and what became of them (filled by ``drafter new --from``)."""
    last_year: Annotated[dict[str, Any], PlainValidator(_mapping_or_empty)] = {}
    """Last year's figures, plans and problems (``drafter new --from``/``--import``)."""
    carried_figures: Annotated[list[Any], PlainValidator(_list_or_empty)] = []
    """The record of last year's figures inside carried texts (see ``drafter.carried``)."""

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


def _section_annotation(name: str) -> Any:
    return SECTION_MODELS[name]


Answers: type[AnswersBase] = create_model(  # type: ignore[call-overload]
    "Answers",
    __base__=AnswersBase,
    **{s.name: (_section_annotation(s.name), SECTION_MODELS[s.name]()) for s in SECTIONS},
)


def cross_check(answers: AnswersBase) -> list[tuple[str, str]]:
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
    if name and unit_type in UNIT_TYPES and not name.endswith(unit_type):
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


def validate_answers(data: AnswerData, *, source: str = "答卷") -> AnswersBase:
    """Validate plain answer data into the model, or raise DrafterError naming every bad field."""
    try:
        answers = Answers.model_validate(dict(data))
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            message = error["msg"] if error["type"] == "drafter" else _translate(error)
            lines.append(f"  - {label_of(loc)}：{message}")
        first = ".".join(str(p) for p in exc.errors()[0]["loc"][:2])
        raise DrafterError(
            f"{source}中有 {len(lines)} 处填写不正确：\n" + "\n".join(lines),
            field=first,
            hint="按提示改正这些字段后再试；也可以用 drafter edit 重新回答这一部分。",
        ) from None
    return answers


def _translate(error: Any) -> str:
    kind = error.get("type", "")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "这一部分应是“键: 值”的形式（检查缩进）"
    return f"填写不正确（{error.get('msg', '')}）"
