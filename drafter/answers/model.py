"""The answers model: pydantic models derived from the question catalogue.

One model class per section, a field per :class:`~drafter.questions.Question`, its type from the
question's kind (text → ``str | None``, figure → ``Figure | None``, items → ``list[Item]`` …) and
its validator the kind's parse function (:mod:`drafter.answers.parse`), so a field's message reads
the same in the questionnaire, the answers file and the build. :class:`Answers` holds the sections
and the file's bookkeeping (:mod:`drafter.answers.records`). Cross-field rules (resolved ≤
received, the unit name ends with its unit type, …) live in :func:`cross_check`.

The section classes are made on first use (a command that never reads answers does not pay for
them), and pydantic-core validates with a schema written here from the catalogue
(:func:`answers_validator`), not derived from the classes (see the note above it). Validate plain
data with :func:`validate_answers` (or :func:`parse_answers`, which leaves a bad value empty and
names it); :func:`to_data` is the one way back to plain data.

Messages name a field in Chinese (its label; the section's title where labels repeat), the line
of the answers file when it is known, and the key in brackets for whoever edits the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    create_model,
)
from pydantic_core import SchemaValidator, core_schema

from drafter.answers.parse import (
    DATE,
    AnswerError,
    AnswerValue,
    Item,
    check_answer,
    dump_value,
    empty_value,
    parse_value,
)
from drafter.answers.records import (
    CarriedFigure,
    Followup,
    LastYear,
    OwnPart,
    UnplacedItem,
    parse_carried,
    parse_followups,
    parse_free,
    parse_keys,
    parse_last_year,
    parse_structure,
    parse_unplaced,
)
from drafter.errors import DrafterError
from drafter.questions import QUESTIONS, RATES, SECTION_BY_NAME, SECTIONS, Question
from drafter.text.figures import Figure, rate
from drafter.text.units import UNIT_TYPES, UnitWords, guess_unit_type, words_for

# --------------------------------------------------------------------------- the models


class SectionAnswers(BaseModel):
    """One section's answers: a field per question of the section (see :func:`report_model`).

    Assigning a field parses the value like loading does: a section never holds an unparsed
    answer."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True, defer_build=True)


BOOKKEEPING: dict[str, str] = {
    "to_confirm": "尚待确认的问题",
    "followups": "去年计划的落实情况",
    "last_year": "去年的数据和计划",
    "carried_figures": "沿用文字里的数字",
    "unplaced_items": "导入时无法确定位置的内容",
    "unplaced_figures": "未能归入问题的数字",
    "structure": "原报告的结构",
}
"""The file's bookkeeping keys (fields of :class:`Answers`) by their Chinese names."""


BOOKKEEPING_PARSERS: dict[str, Callable[[Any], Any]] = {
    "to_confirm": parse_keys,
    "followups": parse_followups,
    "last_year": parse_last_year,
    "carried_figures": parse_carried,
    "unplaced_items": parse_unplaced,
    "unplaced_figures": parse_free,
    "structure": parse_structure,
}
"""Each bookkeeping field's parser (which also makes the value of a missing key from None)."""


class Answers(BaseModel):
    """All answers of one report: a field per section (added by :func:`report_model`) and the
    file's bookkeeping."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    to_confirm: Annotated[list[str] | None, PlainValidator(parse_keys)] = None
    """Questions still to answer or confirm (None: the file keeps no such record)."""
    followups: Annotated[list[Followup], PlainValidator(parse_followups)] = Field(
        default_factory=list
    )
    """Last year's plans and what became of them (filled by ``drafter new --from``)."""
    last_year: Annotated[LastYear | None, PlainValidator(parse_last_year)] = None
    """Last year's figures, plans and problems (``drafter new --from``/``--import``)."""
    carried_figures: Annotated[list[CarriedFigure], PlainValidator(parse_carried)] = Field(
        default_factory=list
    )
    """The record of last year's figures inside carried texts (see ``drafter.answers.carried``)."""
    unplaced_items: Annotated[list[UnplacedItem], PlainValidator(parse_unplaced)] = Field(
        default_factory=list
    )
    """What an import could not place, for the user to move."""
    unplaced_figures: Annotated[list[Any], PlainValidator(parse_free)] = Field(default_factory=list)
    structure: Annotated[list[OwnPart], PlainValidator(parse_structure)] = Field(
        default_factory=list
    )
    """The parts of the report an import read, in its order (empty for a typed report: the
    draft then follows the outline's order and the catalogue's topics)."""

    def section(self, name: str) -> SectionAnswers:
        value: SectionAnswers = getattr(self, name)
        return value

    def get(self, key: str) -> AnswerValue:
        """The answer at a ``section.field`` key (None, or [] for lists, when not answered)."""
        section, name = key.split(".", 1)
        value: AnswerValue = getattr(getattr(self, section), name)
        return value

    def values(self) -> Iterator[tuple[Question, AnswerValue]]:
        """Every question with its answer, in catalogue (report) order."""
        for section in SECTIONS:
            values = getattr(self, section.name)
            for q in section.questions:
                yield q, getattr(values, q.name)

    # Typed reading of one kind of answer: the kind is the catalogue's, checked here once.

    def figure(self, key: str) -> Figure | None:
        value = self.get(key)
        return value if isinstance(value, Figure) else None

    def text(self, key: str) -> str | None:
        value = self.get(key)
        return value if isinstance(value, str) else None

    def items(self, key: str) -> list[Item]:
        value = self.get(key)
        return [v for v in value if isinstance(v, Item)] if isinstance(value, list) else []

    def lines(self, key: str) -> list[str]:
        value = self.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @property
    def year(self) -> int | None:
        value = self.get("identity.year")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def unit_name(self) -> str | None:
        return self.text("identity.unit_name")

    @property
    def unit_type(self) -> str | None:
        return self.text("identity.unit_type")

    @property
    def county(self) -> str | None:
        return self.text("identity.county")

    @property
    def words(self) -> UnitWords:
        return words_for(self.unit_type or "乡")

    def rate(self, key: str) -> str | None:
        """A derived rate such as 调解成功率, from its two counts."""
        spec = next(r for r in RATES if r.key == key)
        return rate(self.figure(spec.part), self.figure(spec.whole))


_TYPES: dict[str, Any] = {
    "text": str | None,
    "longtext": str | None,
    "choice": str | None,
    "date": str | None,
    "year": int | None,
    "bool": bool | None,
    "figure": Figure | None,
    "items": list[Item],
    "list": list[str],
}


def _validator(q: Question) -> Callable[[Any], AnswerValue]:
    def validate(raw: Any) -> AnswerValue:
        return parse_value(q, raw)

    return validate


@functools.cache
def section_model(name: str) -> type[SectionAnswers]:
    """The model of one section of the catalogue (``publicity`` → ``PublicityAnswers``)."""
    section = SECTION_BY_NAME[name]
    fields: dict[str, Any] = {}
    for q in section.questions:
        kind_type = _TYPES[q.kind]
        annotation: Any = Annotated[kind_type, PlainValidator(_validator(q))]
        default: Any = Field(default_factory=list) if q.kind in ("items", "list") else None
        fields[q.name] = (annotation, default)
    name = "".join(part.title() for part in section.name.split("_")) + "Answers"
    model: type[SectionAnswers] = create_model(name, __base__=SectionAnswers, **fields)
    return model


@functools.cache
def report_model() -> type[Answers]:
    """The model of a whole report: :class:`Answers` with a field per section of the catalogue.
    Made once, on first use (see the module docstring)."""
    sections: dict[str, Any] = {}
    for section in SECTIONS:
        model = section_model(section.name)
        sections[section.name] = (model, Field(default_factory=model.model_construct))
    made: type[Answers] = create_model("ReportAnswers", __base__=Answers, **sections)
    return made


# The schema pydantic-core validates with, written from the catalogue. pydantic would derive the
# same schema from the models' annotations (every field is its parser, see :func:`section_model`),
# but deriving it, and the plugin lookup that comes with each validator pydantic makes, cost a
# build more than the rest of reading the answers; this one is made in a few milliseconds.


def _plain(parse: Callable[[Any], Any], default: Callable[[], Any]) -> core_schema.ModelField:
    validate = core_schema.no_info_plain_validator_function(parse)
    return core_schema.model_field(
        core_schema.with_default_schema(validate, default_factory=default)
    )


def _model(
    cls: type[BaseModel], fields: dict[str, core_schema.ModelField]
) -> core_schema.CoreSchema:
    return core_schema.model_schema(
        cls,
        core_schema.model_fields_schema(fields, model_name=cls.__name__, extra_behavior="ignore"),
        config=core_schema.CoreConfig(title=cls.__name__, extra_fields_behavior="ignore"),
    )


@functools.cache
def answers_validator() -> SchemaValidator:
    """pydantic-core's validator of a whole report's answers, made once, on first use."""
    model = report_model()
    fields: dict[str, core_schema.ModelField] = {}
    for name, parse in BOOKKEEPING_PARSERS.items():
        fields[name] = _plain(parse, functools.partial(parse, None))
    for section in SECTIONS:
        values = section_model(section.name)
        inner = _model(
            values,
            {
                q.name: _plain(_validator(q), functools.partial(empty_value, q))
                for q in section.questions
            },
        )
        fields[section.name] = core_schema.model_field(
            core_schema.with_default_schema(inner, default_factory=values.model_construct)
        )
    return SchemaValidator(_model(model, fields))


# --------------------------------------------------------------------------- names in Chinese


def field_name(key: str) -> str:
    """A place in the answers as a clerk reads it: 单位全称, 普法宣传·本部分小标题, 普法宣传部分."""
    q = QUESTIONS.get(key)
    if q is not None:
        title = SECTION_BY_NAME[q.section].title
        repeated = sum(1 for other in QUESTIONS.values() if other.label == q.label) > 1
        return f"{title}·{q.label}" if repeated else q.label
    if key in SECTION_BY_NAME:
        return f"{SECTION_BY_NAME[key].title}部分"
    return BOOKKEEPING.get(key, key)


def where(key: str, line: int | None = None) -> str:
    """A field named for a message: 单位全称（第 3 行，identity.unit_name）."""
    place = f"第 {line} 行，{key}" if line else key
    return f"{field_name(key)}（{place}）"


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True, slots=True)
class Problem:
    """One answer that cannot be used: where (``section.field``, a section or a bookkeeping key)
    and the Chinese message."""

    key: str
    message: str


def _problem(error: Any) -> Problem:
    loc = [str(part) for part in error["loc"][:2]]
    key = ".".join(loc)
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, AnswerError):
        return Problem(key, str(cause))
    if error["type"] in ("model_type", "model_attributes_type", "dict_type"):
        return Problem(key, "这一部分应是“键: 值”的形式（检查缩进）")
    return Problem(key, f"填写不正确（{error.get('msg', '')}）")


def parse_answers(data: Mapping[str, Any]) -> tuple[Answers, list[Problem]]:
    """Validate plain answer data; every value that cannot be used is left empty and named.

    Returns the answers and the problems in catalogue order (bookkeeping first). Keys the
    catalogue does not know are ignored here (``answers.file.unknown_keys`` reports them).
    """
    validator = answers_validator()
    try:
        return validator.validate_python(data), []
    except ValidationError as exc:
        problems = [_problem(error) for error in exc.errors()]
    usable: dict[str, Any] = {
        key: dict(value) if isinstance(value, Mapping) else value for key, value in data.items()
    }
    for problem in problems:
        top, _, name = problem.key.partition(".")
        if name and isinstance(usable.get(top), dict):
            usable[top].pop(name, None)
        else:
            usable.pop(top, None)
    return validator.validate_python(usable), problems


def validate_answers(
    data: Mapping[str, Any],
    *,
    source: str = "答卷",
    line_of: Callable[[str], int | None] | None = None,
) -> Answers:
    """Validate plain answer data into the model, or raise DrafterError naming every bad field
    in Chinese, with its line in the answers file when ``line_of`` knows it."""
    answers, problems = parse_answers(data)
    if problems:
        lines = [
            f"  - {where(p.key, line_of(p.key) if line_of else None)}：{p.message}"
            for p in problems
        ]
        first = problems[0].key
        raise DrafterError(
            f"{source}中有 {len(lines)} 处填写不正确：\n" + "\n".join(lines),
            field=first,
            field_label="",  # every field is named in the list
            line=line_of(first) if line_of else None,
            hint="按提示改正这些答案后再试；也可以用 drafter edit 重新回答这一部分。",
        )
    return answers


# --------------------------------------------------------------------------- plain data


def to_data(answers: Answers) -> dict[str, Any]:
    """The answers as the answers file holds them: the one place the model becomes plain data
    (``answers.file`` writes it, with comments, into the file). Empty bookkeeping is left out."""
    data: dict[str, Any] = {}
    for section in SECTIONS:
        values = answers.section(section.name)
        data[section.name] = {
            q.name: dump_value(q, getattr(values, q.name)) for q in section.questions
        }
    if answers.to_confirm is not None:
        data["to_confirm"] = list(answers.to_confirm)
    if answers.followups:
        data["followups"] = [f.to_data() for f in answers.followups]
    if answers.last_year is not None:
        data["last_year"] = answers.last_year.to_data()
    if answers.carried_figures:
        data["carried_figures"] = [cf.to_data() for cf in answers.carried_figures]
    if answers.unplaced_items:
        data["unplaced_items"] = [u.to_data() for u in answers.unplaced_items]
    if answers.unplaced_figures:
        data["unplaced_figures"] = list(answers.unplaced_figures)
    if answers.structure:
        data["structure"] = [part.to_data() for part in answers.structure]
    return data


# --------------------------------------------------------------------------- cross-field rules


def cross_check(answers: Answers) -> list[tuple[str, str]]:
    """Rules that involve more than one answer: (field key, Chinese message) per problem."""
    problems: list[tuple[str, str]] = []
    for q in QUESTIONS.values():
        if q.part_of is None:
            continue
        part, whole = answers.figure(q.key), answers.figure(q.part_of)
        if part is not None and whole is not None and part.value > whole.value:
            whole_q = QUESTIONS[q.part_of]
            problems.append(
                (
                    q.key,
                    f"{q.label}（{part}{q.unit}）不能多于{whole_q.label}（{whole}{whole_q.unit}），"
                    f"请改正其中一个",
                )
            )
    lost = answers.figure("review.lost")
    cases = [answers.figure("review.reconsiderations"), answers.figure("review.lawsuits")]
    known = [c.value for c in cases if c is not None]
    if lost is not None and known and lost.value > sum(known):
        problems.append(
            (
                "review.lost",
                f"败诉或被纠错案件（{lost}件）不能多于复议和诉讼案件之和（{sum(known)}件）",
            )
        )
    name, unit_type = answers.unit_name, answers.unit_type
    if name and unit_type in UNIT_TYPES and guess_unit_type(name) != unit_type:
        problems.append(
            (
                "identity.unit_name",
                f"单位名称“{name}”与单位类型“{unit_type}”不一致：名称应以“{unit_type}”结尾，"
                f"请改名称或单位类型",
            )
        )
    title = answers.text("identity.title")
    if title and name and name not in title and "关于" not in title[:2]:
        # A title naming a unit at all must name this one ("关于2024年度……的报告" names none).
        problems.append(
            (
                "identity.title",
                f"报告标题“{title}”里没有单位名称“{name}”：请改标题，或清空用标准标题",
            )
        )
    for n, signer in enumerate(answers.lines("identity.signers"), 1):
        if DATE.match(signer) or re.search(r"\d", signer):
            problems.append(
                (
                    "identity.signers",
                    f"落款单位第{n}行“{signer}”不像单位名称；成文日期请填在“成文日期”一项",
                )
            )
    date, year = answers.text("identity.date"), answers.year
    if date and year:
        date_year = int(date[:4])
        if date_year < year:
            problems.append(
                ("identity.date", f"成文日期 {date} 早于报告年度 {year} 年，报告应在年度结束后成文")
            )
    return problems


__all__ = [
    "BOOKKEEPING",
    "AnswerError",
    "AnswerValue",
    "Answers",
    "CarriedFigure",
    "Followup",
    "Item",
    "LastYear",
    "OwnPart",
    "Problem",
    "SectionAnswers",
    "UnplacedItem",
    "answers_validator",
    "check_answer",
    "cross_check",
    "dump_value",
    "empty_value",
    "field_name",
    "parse_answers",
    "report_model",
    "section_model",
    "to_data",
    "validate_answers",
    "where",
]
