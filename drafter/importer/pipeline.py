"""The import pipeline: segment → classify → place → figures, with identity read first.

:func:`import_blocks` is the whole pipeline on a report's blocks; :class:`ImportResult` holds the
answers data and the JSON report of docs/contracts.md ("drafter import --report json").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.answers.model import Answers, validate_answers
from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.importer.classify import (
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    classify_part,
)
from drafter.importer.cut import is_cut_short, mark_cut_end
from drafter.importer.figures import FigureAccount, FigureRecord, StatedFact, account
from drafter.importer.frame import place_closing, place_opening
from drafter.importer.identity import ImportIdentity, read_identity, tidy_tail
from drafter.importer.place import STRUCTURE_KEY, UNPLACED_KEY, AnswersBuilder, place_part
from drafter.importer.scaffold import without_scaffold
from drafter.importer.segment import (
    Part,
    normalised_block,
    segment,
)
from drafter.importer.source import read_source, text_source
from drafter.questions import QUESTIONS
from drafter.render.said import NO_ADDRESSEE
from drafter.text.identity import Identity


def choose_outline(kinds: Sequence[str]) -> str:
    """The outline that fits the parts' order: first-duty first, regulation order, or three parts."""
    if KIND_FIRST_DUTY not in kinds:
        return "three-part"
    duty = kinds.index(KIND_FIRST_DUTY)
    # First of all the parts (a copy cut short may hold no other): the township puts it first.
    if duty == 0 or (KIND_MEASURES in kinds and duty < kinds.index(KIND_MEASURES)):
        return "first-duty"
    return "regulation"


@dataclass
class ImportResult:
    """What an import produced: the answers and an account of every figure."""

    answers: Answers
    """The imported answers, validated like any answers file."""
    data: dict[str, Any]
    """The answers as the stages placed them (before validation): what the figures' account and
    the JSON report refer to."""
    identity: Identity
    parts: list[Part]
    figures: list[FigureRecord]
    unplaced_items: list[dict[str, str]]
    date_source: str = ""
    cut_after: str = ""
    """The words a report copied short breaks off after ("" for a whole report): the draft
    shows the placeholder :data:`drafter.render.phrasing.CUT_OFF` right after them."""
    facts: list[StatedFact] = field(default_factory=list)
    """Keys filled from figures said without a number ("无……案件" is 0, "全部调解成功" is the
    whole), listed in the JSON report too."""

    @property
    def placed(self) -> list[FigureRecord]:
        """Figures that also filled a catalogue key."""
        return [f for f in self.figures if f.placed]

    @property
    def in_text(self) -> list[FigureRecord]:
        """Figures kept only in the sentence they were written in."""
        return [f for f in self.figures if not f.placed]

    def report(self) -> dict[str, Any]:
        """The JSON report of docs/contracts.md (fixed contract): every figure, where it went."""
        ident = self.data.get("identity", {})
        return {
            "identity": {
                "unit_name": ident.get("unit_name"),
                "unit_type": ident.get("unit_type"),
                "county": ident.get("county"),
                "year": ident.get("year"),
            },
            "parts": [{"title": p.title, "kind": p.kind} for p in self.parts],
            "figures": [
                *(_figure_entry(f) for f in self.figures),
                *(_fact_entry(fact) for fact in self.facts),
            ],
        }


def _figure_entry(record: FigureRecord) -> dict[str, Any]:
    mention = record.mention
    if record.key is not None:
        label = QUESTIONS[record.key].label
    elif record.location is not None:
        label = record.location.label
    else:
        label = ""
    return {
        "key": record.where,
        "label": label,
        "value": mention.value,
        "approx": mention.approx,
        "source": mention.sentence,
        "placed": record.placed,
    }


def _fact_entry(fact: StatedFact) -> dict[str, Any]:
    return {
        "key": fact.key,
        "label": QUESTIONS[fact.key].label,
        "value": fact.value,
        "approx": fact.approx,
        "source": fact.sentence,
        "placed": True,
    }


def _identity_answers(ident: ImportIdentity, out: AnswersBuilder) -> None:
    identity = ident.identity
    out.set_value("identity.unit_name", identity.unit_name)
    out.set_value("identity.unit_type", identity.unit_type)
    out.set_value("identity.county", identity.county)
    out.set_value("identity.year", identity.year)
    if ident.title:
        out.set_value("identity.title", ident.title)
    if ident.county_in_title is not None:
        out.set_value("identity.county_in_title", ident.county_in_title)
    # A report without an addressee line keeps none: an empty answer would get the county's.
    out.set_value("identity.addressee", ident.addressee or NO_ADDRESSEE)
    out.set_value("identity.signers", ident.signers)
    out.set_value("identity.date", ident.date)


def import_blocks(
    blocks: Sequence[Block],
    *,
    name_hint: str = "",
    page: Mapping[str, str] | None = None,
    page_lines: Sequence[str] = (),
) -> ImportResult:
    """Blocks of a report → answers data and the account of its figures.

    ``page`` and ``page_lines``: what the web page the report was copied from says in its fields
    and its furniture lines (:class:`ImportSource`), used for identity where the report says
    nothing.
    """
    original = list(blocks)
    normalised = tidy_tail(without_scaffold([normalised_block(b) for b in original]))
    ident = read_identity(normalised, name_hint=name_hint, page=page, page_lines=page_lines)
    segmented = segment(normalised, part_kind=classify_part)
    cut_after = mark_cut_end(segmented) if is_cut_short(normalised, segmented) else ""
    for part in segmented.parts:
        part.kind = classify_part(part.title, part.text, year=ident.identity.year)
    outline = choose_outline([p.kind for p in segmented.parts])
    out = AnswersBuilder()
    _identity_answers(ident, out)
    out.set_value("identity.outline", outline)
    place_opening(segmented.opening, out, ident.identity)
    for part in segmented.parts:
        place_part(part, out, outline=outline)
    place_closing(segmented.closing, out)
    figures: FigureAccount = account(original, out.slots)
    for key, figure in figures.filled.items():
        out.set_value(key, figure.to_yaml())
    data: dict[str, Any] = dict(out.data)
    data["to_confirm"] = [
        f"{section}.{name}"
        for section, values in out.data.items()
        for name, value in values.items()
        if value not in (None, "", [])
    ]
    if out.unplaced:
        data[UNPLACED_KEY] = out.unplaced
    if out.structure:
        data[STRUCTURE_KEY] = [own.to_data() for own in out.structure]
    result = ImportResult(
        _validate(data),
        data,
        ident.identity,
        segmented.parts,
        figures.records,
        out.unplaced,
        ident.date_source,
        cut_after,
        figures.facts,
    )
    return result


def import_path(path: Path) -> ImportResult:
    """Read a .docx/.txt report and import it (DrafterError for unusable files)."""

    path = Path(path)
    source = read_source(path)
    try:
        result = import_blocks(
            source.blocks, name_hint=path.stem, page=source.fields, page_lines=source.furniture
        )
    except DrafterError as exc:
        exc.path = exc.path or path
        raise
    identity = result.identity
    if not result.parts and not (identity.unit_name or identity.year):
        raise DrafterError(
            "这个文件看起来不是法治政府建设情况报告：没有找到“一、”“二、”等部分，也没有开头段。",
            path=path,
            hint="请确认选对了文件；导入需要去年的报告正文（.docx 或 .txt）。",
        )
    return result


def import_text(text: str, *, name_hint: str = "") -> ImportResult:
    """A report's plain text (one paragraph a line) imported as a file's would be: converted to
    Simplified, its page furniture left out and read for identity."""
    source = text_source(text)
    return import_blocks(
        source.blocks, name_hint=name_hint, page=source.fields, page_lines=source.furniture
    )


def import_file(path: Path) -> Answers:
    """The answers (with ``to_confirm`` and ``unplaced_items``) of a report file."""
    return import_path(path).answers


def _validate(data: dict[str, Any]) -> Answers:
    """Imported data must load like any answers file; an invalid value is an importer bug."""

    return validate_answers(data, source="导入结果")
