"""The answers file's bookkeeping, as records: what is not an answer to a question but belongs to
the file (how last year's plans went, last year's figures, the carried figures' record, what an
import could not place, which questions are still to confirm).

Bookkeeping is never a reason to refuse a file: each reader takes what it can use and reads the
rest as empty (an entry that is not one is left out), except ``followups``, which the report
renders, so a value that is not a list is named. Each record writes itself back (``to_data``) as
the answers file holds it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from drafter.answers.parse import AnswerError, Item, clean_text
from drafter.questions import QUESTIONS
from drafter.text.figures import Figure, FigureError, parse_figure
from drafter.text.mentions import find_mentions

PATH = re.compile(
    r"^(?P<key>[a-z_]+\.[a-z_]+)(?:\[(?P<index>\d+)\]"
    r"(?P<subs>(?:\.subitems\[\d+\])*)(?:\.(?P<field>text))?)?$"
)
"""Where a text stands in the answers: ``publicity.measures[1].text`` (0-based item),
``publicity.measures[1].subitems[0].text`` (a sub-item of it), ``identity.signers[0]`` (a line
of a list) or a key (``opening.summary``)."""
_SUB_INDEX = re.compile(r"\[(\d+)\]")


def sub_indices(match: re.Match[str]) -> list[int]:
    """The sub-item indices of a :data:`PATH` match (``.subitems[0].subitems[2]`` → [0, 2])."""
    return [int(i) for i in _SUB_INDEX.findall(match.group("subs") or "")]


# --------------------------------------------------------------------------- follow-ups


@dataclass(frozen=True, slots=True)
class Followup:
    """How one of last year's plans went (top-level ``followups`` in the answers file)."""

    heading: str = ""
    text: str = ""
    """The plan's own words, as last year wrote them."""
    status: str = ""
    sentence: str = ""
    """What the user said about it."""

    def to_data(self) -> dict[str, str]:
        return {
            "heading": self.heading,
            "text": self.text,
            "status": self.status,
            "sentence": self.sentence,
        }


def parse_followups(raw: Any) -> list[Followup]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise AnswerError("应是一组条目（每条有 heading 小标题、status 落实情况、text 内容）")
    out = []
    for entry in raw:
        if isinstance(entry, Followup):
            out.append(entry)
        elif isinstance(entry, Mapping):
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


# --------------------------------------------------------------------------- last year


@dataclass(frozen=True, slots=True)
class LastYear:
    """Last year's figures, plans and problems, kept beside this year's answers (``drafter new
    --from``/``--import``) so the questionnaire can show them and the checks compare."""

    year: int | None = None
    file: str = ""
    """The file this year was started from."""
    figures: dict[str, Figure] = field(default_factory=dict)
    """Last year's structured figures by catalogue key."""
    plans: tuple[Item, ...] = ()
    problems: tuple[Item, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "file": self.file,
            "figures": {key: value.to_yaml() for key, value in self.figures.items()},
            "plans": [item.to_data() for item in self.plans],
            "problems": [item.to_data() for item in self.problems],
        }


def _items(raw: Any) -> tuple[Item, ...]:
    out = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, Item):
            out.append(entry)
        elif isinstance(entry, Mapping):
            heading, text = str(entry.get("heading") or ""), str(entry.get("text") or "")
            subitems = _items(entry.get("subitems"))
            if heading or text or subitems:
                marker = str(entry.get("marker") or "") if subitems else ""
                alone = bool(heading) and entry.get("alone") is True
                out.append(Item(heading, text, subitems, marker, alone))
    return tuple(out)


def _figures(raw: Any) -> dict[str, Figure]:
    out: dict[str, Figure] = {}
    for key, value in raw.items() if isinstance(raw, Mapping) else ():
        if key in QUESTIONS:
            try:
                figure = parse_figure(value)
            except FigureError:
                continue
            if figure is not None:
                out[str(key)] = figure
    return out


def parse_last_year(raw: Any) -> LastYear | None:
    if isinstance(raw, LastYear):
        return raw
    if not isinstance(raw, Mapping):
        return None
    year = raw.get("year")
    return LastYear(
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        file=str(raw.get("file") or ""),
        figures=_figures(raw.get("figures")),
        plans=_items(raw.get("plans")),
        problems=_items(raw.get("problems")),
    )


# --------------------------------------------------------------------------- carried figures


@dataclass
class CarriedFigure:
    """One figure of last year: inside a carried text, or (declined) a structured answer.
    The questionnaire records its decision here, so it is not a frozen value."""

    path: str
    """Where it is: ``publicity.measures[1].text`` (0-based item), ``opening.summary``, or a
    structured key (``publicity.consultations``) for a declined figure."""
    sentence: str
    """The sentence it stood in when the year started ("" for a structured figure)."""
    figure: str
    """Last year's figure as written: ``20场次``, ``1500余份``."""
    key: str | None = None
    """The catalogue key the figure reads as, if any."""
    at: int | None = None
    """Where the figure starts in ``sentence`` (0 = its first character): what tells two equal
    figures of one sentence apart ("专题会议2次，听取法治汇报2次"). None for a structured figure."""
    confirmed: int | None = None
    """The report year it was confirmed for (kept, changed or dropped)."""
    now: str | None = None
    """What it became: this year's figure as written, ``删去`` or ``不报告``."""

    @property
    def question(self) -> str:
        match = PATH.match(self.path)
        return match.group("key") if match else self.path

    @property
    def structured(self) -> bool:
        q = QUESTIONS.get(self.path)
        return q is not None and q.kind == "figure"

    @property
    def place(self) -> str:
        """The Chinese name of where it is: 普法宣传方面的具体措施第2条."""
        return place_of(self.path)

    def confirmed_for(self, year: int | None) -> bool:
        return isinstance(year, int) and self.confirmed == year

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "place": self.place}
        if self.sentence:
            data["sentence"] = self.sentence
        data["last_year"] = self.figure
        if self.at is not None:
            data["at"] = self.at
        if self.key:
            data["key"] = self.key
        data["confirmed"] = self.confirmed
        if self.now is not None:
            data["now"] = self.now
        return data

    @classmethod
    def from_data(cls, entry: Any) -> CarriedFigure | None:
        """An entry of the answers file, or None when it is not one (never raises)."""
        if isinstance(entry, CarriedFigure):
            return entry
        if not isinstance(entry, Mapping):
            return None
        path, figure = entry.get("path"), entry.get("last_year")
        if not isinstance(path, str) or not PATH.match(path) or not figure:
            return None
        confirmed = entry.get("confirmed")
        if isinstance(confirmed, str) and confirmed.strip().isdigit():
            confirmed = int(confirmed.strip())
        key = entry.get("key")
        now = entry.get("now")
        sentence = str(entry.get("sentence") or "")
        at = entry.get("at")
        valid_at = (
            isinstance(at, int)
            and not isinstance(at, bool)
            and sentence[at : at + len(str(figure))] == str(figure)
        )
        return cls(
            path=path,
            sentence=sentence,
            figure=str(figure),
            key=key if isinstance(key, str) and key in QUESTIONS else None,
            at=at if valid_at else None,
            confirmed=confirmed if isinstance(confirmed, int) else None,
            now=str(now) if now not in (None, "") else None,
        )


def parse_carried(raw: Any) -> list[CarriedFigure]:
    entries = raw if isinstance(raw, list) else []
    figures = [cf for cf in (CarriedFigure.from_data(e) for e in entries) if cf is not None]
    _place_in_sentences(figures)
    return figures


def _place_in_sentences(figures: list[CarriedFigure]) -> None:
    """Entries written before figures had their place in the sentence (``at``): the entries of
    one sentence with the same figure take its occurrences in order, each with the key of its
    own occurrence (such files gave every equal figure of a sentence the first one's place)."""
    taken: dict[tuple[str, str], set[int]] = {}
    for cf in figures:
        if cf.sentence and cf.at is not None:
            taken.setdefault((cf.path, cf.sentence), set()).add(cf.at)
    for cf in figures:
        if not cf.sentence or cf.at is not None:
            continue
        used = taken.setdefault((cf.path, cf.sentence), set())
        for mention in find_mentions(cf.sentence):
            if mention.raw == cf.figure and mention.start not in used:
                cf.at = mention.start
                cf.key = mention.key
                used.add(mention.start)
                break


def place_of(path: str) -> str:
    """The Chinese name of a place in the answers: 普法宣传方面的具体措施第2条."""
    match = PATH.match(path)
    if not match or match.group("key") not in QUESTIONS:
        return path
    q = QUESTIONS[match.group("key")]
    index = match.group("index")
    if index is None:
        return q.label
    unit = "行" if q.kind == "list" else "条"
    subs = "".join(f"第{n + 1}小项" for n in sub_indices(match))
    return f"{q.label}第{int(index) + 1}{unit}{subs}"


# --------------------------------------------------------------------------- the report's own structure

KIND_MEASURES = "measures"
KIND_PROBLEMS = "problems"
KIND_FIRST_DUTY = "first-duty"
KIND_PLANS = "plans"
KIND_OTHER = "other"
PART_KINDS = (KIND_MEASURES, KIND_PROBLEMS, KIND_FIRST_DUTY, KIND_PLANS, KIND_OTHER)
"""The kinds of part a report has: the regulation's four, and anything else it reports."""

ITEM_PATH = re.compile(r"^(?P<key>[a-z_]+\.[a-z_]+)\[(?P<index>\d+)\]$")
"""An item of a list of items: ``publicity.measures[0]``."""


@dataclass(frozen=True, slots=True)
class OwnPart:
    """One part of the report an import read (``structure``), in the report's order: the draft
    keeps its order, its heading and, for the measures, its items in their order.

    The items stay where the questionnaire asks about them (a topic's measures, the duties, the
    problems …); a part only points at them, so every answer is still in one place."""

    kind: str
    heading: str = ""
    """The report's own heading, without its number ("" → the regulation's wording)."""
    items: tuple[str, ...] = ()
    """A part of measures: the paths of its items, in the report's order
    (``publicity.measures[0]``). Other parts show their questions' answers."""
    shortfalls: str = ""
    """A 不足 part: the report's own heading over its problems ("存在的不足"; "" for none)."""
    causes: str = ""
    """A 不足 part: the report's own heading over their causes ("原因分析"; "" for none)."""
    paragraphs: bool = False
    """A 不足, 第一责任人 or 安排 part whose items the report wrote as paragraphs of their own,
    unnumbered: the draft prints them so, with no 一是……二是…… of drafter's."""

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "heading": self.heading}
        if self.items:
            data["items"] = list(self.items)
        if self.shortfalls:
            data["shortfalls"] = self.shortfalls
        if self.causes:
            data["causes"] = self.causes
        if self.paragraphs:
            data["paragraphs"] = True
        return data


def _item_path(raw: Any) -> str | None:
    match = ITEM_PATH.match(str(raw).strip()) if isinstance(raw, str) else None
    if match is None:
        return None
    q = QUESTIONS.get(match.group("key"))
    return match.group(0) if q is not None and q.kind == "items" else None


def parse_structure(raw: Any) -> list[OwnPart]:
    """``structure``: the parts as written (an entry that is not one, or a path that names no
    item, is left out: the draft then shows that content by topic, as for a typed report)."""
    out: list[OwnPart] = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, OwnPart):
            out.append(entry)
            continue
        if not isinstance(entry, Mapping) or entry.get("kind") not in PART_KINDS:
            continue
        items = entry.get("items")
        paths = [_item_path(p) for p in (items if isinstance(items, list) else [])]
        heading, shortfalls, causes = (
            " ".join(clean_text(str(entry.get(key) or "")).split("\n"))
            for key in ("heading", "shortfalls", "causes")
        )
        out.append(
            OwnPart(
                str(entry["kind"]),
                heading,
                tuple(dict.fromkeys(p for p in paths if p is not None)),
                shortfalls if entry["kind"] == KIND_PROBLEMS else "",
                causes if entry["kind"] == KIND_PROBLEMS else "",
                entry.get("paragraphs") is True and entry["kind"] != KIND_MEASURES,
            )
        )
    return out


# --------------------------------------------------------------------------- import leftovers


@dataclass(frozen=True, slots=True)
class UnplacedItem:
    """Content an import could not place (``unplaced_items``): the user moves it by hand."""

    heading: str = ""
    text: str = ""
    origin: str = ""
    """Which part of the old report it came from (``from`` in the answers file)."""

    def to_data(self) -> dict[str, str]:
        return {"heading": self.heading, "text": self.text, "from": self.origin}


def parse_unplaced(raw: Any) -> list[UnplacedItem]:
    out = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, UnplacedItem):
            out.append(entry)
        elif isinstance(entry, Mapping):
            heading = str(entry.get("heading") or "").strip()
            text = str(entry.get("text") or "").strip()
            if heading or text:
                out.append(UnplacedItem(heading, text, str(entry.get("from") or "").strip()))
        elif isinstance(entry, str) and entry.strip():
            out.append(UnplacedItem(text=entry.strip()))
    return out


def parse_keys(raw: Any) -> list[str] | None:
    """``to_confirm``: the question keys still to answer or confirm (None: no such record)."""
    if not isinstance(raw, list):
        return None
    return [str(k) for k in raw if str(k) in QUESTIONS]


def parse_free(raw: Any) -> list[Any]:
    """``unplaced_figures``: a list the user reads; kept as it is."""
    return list(raw) if isinstance(raw, list) else []
