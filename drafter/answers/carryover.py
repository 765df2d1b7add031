"""Next year from last year: carry-over, last year's figures beside the prompt, follow-ups,
the comparison table and the schema migration the user confirms.

``start_from_last`` makes the new year's answer data from last year's answers file: what the
catalogue marks ``carry`` comes back as a value the user confirms (listed in ``to_confirm``),
figures start empty, and a ``last_year`` block keeps last year's figures, plans and problems so
the questionnaire can show ``去年：30场次`` and ask how each plan went. Everything here is pure
except the two commands at the end; the questionnaire only calls it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, TextIO

from ruamel.yaml import YAML

from drafter.answers import carried
from drafter.answers.file import AnswersFile, read_answers_file, read_answers_text
from drafter.answers.load import validate_file
from drafter.answers.migrations import v0_changes
from drafter.answers.model import Answers, parse_answers, validate_answers, where
from drafter.answers.parse import AnswerValue, Item
from drafter.answers.records import Followup, LastYear, OwnPart
from drafter.blocks import Block
from drafter.checks.terms import TERMS
from drafter.errors import EXIT_OK, DrafterError
from drafter.io.console import table_lines
from drafter.questions import RATES, SECTIONS, Question
from drafter.questions.yearly import meetings_for
from drafter.text.figures import Figure, format_number
from drafter.text.naming import short_name

TEXT_KINDS = frozenset({"text", "longtext", "items", "list"})
WILD_FACTOR = 3
"""A figure three times (or a third of) last year's is worth a second look."""

PLAN_STATUS = {"done": "已落实", "partly": "部分落实", "not": "尚未落实"}
FIX_STATUS = {"done": "已整改到位", "partly": "部分整改", "not": "尚未完成整改"}


# --------------------------------------------------------------------------- start from last


def refresh_wording(text: str, old_year: int, new_year: int) -> str:
    """Year-dependent phrases (the latest party meetings) brought up to the new year."""
    old, new = meetings_for(old_year), meetings_for(new_year)
    return text.replace(old, new) if old != new and old in text else text


def _refresh(value: AnswerValue, old_year: int, new_year: int) -> AnswerValue:
    if isinstance(value, str):
        return refresh_wording(value, old_year, new_year)
    if isinstance(value, list):
        entries: list[Any] = [_refresh_entry(v, old_year, new_year) for v in value]
        return entries
    return value


def _refresh_entry(entry: Item | str, old_year: int, new_year: int) -> Item | str:
    if isinstance(entry, Item):
        return _refresh_item(entry, old_year, new_year)
    return refresh_wording(entry, old_year, new_year)


def _refresh_item(entry: Item, old_year: int, new_year: int) -> Item:
    return dataclasses.replace(
        entry,
        heading=refresh_wording(entry.heading, old_year, new_year),
        text=refresh_wording(entry.text, old_year, new_year),
        subitems=tuple(_refresh_item(s, old_year, new_year) for s in entry.subitems),
    )


_HEADING_YEAR = re.compile(r"(?<![\d—–\-－~～至到])(\d{4})(?![\d—–\-－~～至到])")


def next_years_heading(heading: str, old_year: int, new_year: int) -> str:
    """A part heading (or the report's own title) of last year's report for the new year: its
    report year and the year after it both move on ("2024年度……存在的不足" → "2025年度……", "2025年工作打算" → "2026年……");
    a range ("2021—2025年") stays."""
    shift = new_year - old_year

    def moved(match: re.Match[str]) -> str:
        found = int(match.group(1))
        return str(found + shift) if found in (old_year, old_year + 1) else match.group(1)

    return _HEADING_YEAR.sub(moved, heading)


def _next_structure(old: Answers, year: int | None, new_year: int | None) -> list[OwnPart]:
    """The report's structure for the new year: the same parts, items and headings, the years
    in the headings moved on."""
    if year is None or new_year is None:
        return list(old.structure)
    return [
        dataclasses.replace(part, heading=next_years_heading(part.heading, year, new_year))
        for part in old.structure
    ]


def _without_lead(items: list[Item]) -> list[Item]:
    """Last year's problems or plans without the lead-in before them (no heading, and introducing
    what follows with a colon, or before items that all have headings: "……但仍存在一些不足：",
    "针对存在的问题，……将按照……统一安排，……"): it is no problem to report the 整改 of, and no
    plan to say how it went."""
    if len(items) < 2 or items[0].heading:
        return items
    if items[0].text.rstrip().endswith(("：", ":")) or all(i.heading for i in items[1:]):
        return items[1:]
    return items


def start_from_last(last: Path) -> Answers:
    """The new year's answers, started from last year's answers file. A value of last year's
    that no longer validates is not carried (the questionnaire asks it anew)."""
    loaded = read_answers_file(Path(last))
    old, _ = parse_answers(loaded.data)
    if old.year is None:
        raise DrafterError(
            "去年的答卷里没有报告年度，无法推出今年的年度",
            path=last,
            line=loaded.line_of("identity.year"),
            field="identity.year",
            field_label=where("identity.year"),
            hint="在去年的答卷里填上报告年度（identity.year，如 2024）后再试。",
        )
    return start_from_data(old, Path(last).name)


def start_from_data(old: Answers, source: str) -> Answers:
    """The new year's answers from last year's (an answers file's, or an imported report's).

    What the catalogue marks ``carry`` comes back to be confirmed, figures start empty with last
    year's kept in ``last_year``, and every figure inside a carried text is listed in
    ``carried_figures`` until the user confirms it (see ``drafter.answers.carried``). Without last
    year's year (an import that could not read it) the new year is left for the user to answer.
    """

    year = old.year
    new_year = year + 1 if year is not None else None
    values: dict[str, Any] = {section.name: {} for section in SECTIONS}
    for q, value in old.values():
        if q.carry and value not in (None, "", []):
            values[q.section][q.name] = (
                _refresh(value, year, new_year) if year is not None and new_year else value
            )
    guiding = old.text("opening.guiding")
    if guiding and year is not None and new_year and meetings_for(year) in guiding:
        # Not carried as such: last year's own formula comes back only with its meetings updated.
        values["opening"]["guiding"] = refresh_wording(guiding, year, new_year)
    if new_year is not None:
        values["identity"]["year"] = new_year
    title = old.text("identity.title")
    if title and year is not None and new_year is not None:
        values["identity"]["title"] = next_years_heading(title, year, new_year)
    values["last_year"] = LastYear(
        year=year,
        file=source,
        figures={q.key: value for q, value in old.values() if isinstance(value, Figure)},
        plans=tuple(_without_lead(old.items("plans.items"))),
        problems=tuple(_without_lead(old.items("problems.items"))),
    )
    if old.structure:
        values["structure"] = _next_structure(old, year, new_year)
    values["to_confirm"] = [q.key for s in SECTIONS for q in s.questions]
    started = validate_answers(values, source="由去年的答案推出的今年答卷")
    return started.model_copy(update={"carried_figures": carried.collect(started)})


# --------------------------------------------------------------------------- stale wording

_STALE_YEAR = re.compile(r"(?<![\d—–\-－~～至到])(\d{4})(?=年)")


def _texts(value: AnswerValue) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        out: list[str] = []
        for entry in value:
            if isinstance(entry, Item):
                out += [t for _, i in entry.walk() for t in (i.heading, i.text)]
            else:
                out.append(str(entry))
        return out
    return []


def stale_wording(text: str, year: int) -> list[str]:
    """Stale years (2024年 in a 2025 report's text) and superseded terms in one text."""
    messages = []
    for match in _STALE_YEAR.finditer(text):
        found = int(match.group(1))
        if year - 3 <= found < year:
            start = max(0, match.start() - 8)
            excerpt = text[start : match.end() + 9].replace("\n", " ")
            messages.append(f"“……{excerpt}……”里的“{found}年”可能应改为“{year}年”")

    for term in TERMS:
        if (term.since is not None and year < term.since) or (
            term.before is not None and year >= term.before
        ):
            continue
        hit = re.search(term.pattern, text)
        if hit:
            messages.append(f"“{hit.group(0)}”：{term.message}")
    return messages


def carried_notes(answers: Answers) -> dict[str, list[str]]:
    """Per question key, what to fix in the carried texts; shown at the start and at the question."""
    year = answers.year
    if year is None:
        return {}
    notes: dict[str, list[str]] = {}
    for q, value in answers.values():
        if q.kind not in TEXT_KINDS:
            continue
        found: list[str] = []
        for text in _texts(value):
            for message in stale_wording(text, year):
                if message not in found:
                    found.append(message)
        if found:
            notes[q.key] = found
    return notes


# --------------------------------------------------------------------------- last year's figures


def _last_figure(answers: Answers, key: str) -> Figure | None:
    return answers.last_year.figures.get(key) if answers.last_year is not None else None


def last_year_text(q: Question, answers: Answers) -> str | None:
    """``去年：30场次`` beside a figure's prompt, when last year reported it."""
    value = _last_figure(answers, q.key)
    if value is None:
        return None
    return f"去年：{value}{q.unit}"


def figure_warning(q: Question, answers: Answers) -> str | None:
    """This year's figure against last year's: a wild change (×3 or ÷3), or a standing count
    that went down."""
    new, old = answers.figure(q.key), _last_figure(answers, q.key)
    if new is None or old is None:
        return None
    if q.cumulative and new.value < old.value:
        return (
            f"“{q.label}”是累计数，今年（{new}{q.unit}）比去年（{old}{q.unit}）少了，请确认是否写错"
        )
    if old.value > 0 and (
        new.value >= old.value * WILD_FACTOR or new.value * WILD_FACTOR <= old.value
    ):
        return (
            f"“{q.label}”今年 {new}{q.unit}，去年 {old}{q.unit}，相差很大，请确认没有多打或少打数字"
        )
    return None


def followup_item(plan: Item, status: str, sentence: str) -> Followup:
    """How one of last year's plans went, kept in the answers file's ``followups`` list:
    the plan's heading and text as last year wrote them, the status and the user's sentence."""
    return Followup(
        heading=plan.heading,
        text=plan.text,
        status=status if status in PLAN_STATUS else "done",
        sentence=sentence.strip(),
    )


def rectification_item(problem: Item, status: str, sentence: str) -> Item:
    """整改 of one of last year's problems, as a ``rectification.items`` entry: the status word
    first, then what was done ("已整改到位。开展专题培训2期。"); the templates turn it into
    "针对“X”的问题，开展专题培训2期，已整改到位。"."""
    word = FIX_STATUS.get(status, FIX_STATUS["done"])
    text = f"{word}。{sentence.strip()}" if sentence.strip() else f"{word}。"
    return Item(heading=short_name(problem.heading, problem.text), text=text)


# --------------------------------------------------------------------------- comparison


def _load(path: Path) -> Answers:
    """An answers file to compare, validated: a value of the wrong type (a list for a figure,
    a list for ``identity``) is an error naming it, not a silent "—" in the table."""
    return validate_file(read_answers_file(Path(path)))


def _rate(answers: Answers, part: str, whole: str) -> float | None:
    p, w = answers.figure(part), answers.figure(whole)
    if p is None or w is None or p.approx or w.approx or w.value == 0:
        return None
    return round(p.value * 100 / w.value, 1)


def change_text(old: Figure | None, new: Figure | None) -> str:
    """ "+10（+50%）", "-3（-10%）", "持平"; computed, never typed."""
    if old is None or new is None:
        return "—"
    diff = new.value - old.value
    approx = "约" if old.approx or new.approx else ""
    if diff == 0:
        return f"{approx}持平"
    sign = "+" if diff > 0 else "-"
    amount = f"{approx}{sign}{format_number(abs(diff))}"
    if old.value == 0:
        return f"{amount}（去年为0）"
    percent = round(abs(diff) * 100 / old.value, 1)
    return f"{amount}（{sign}{format_number(percent)}%）"


def comparison_rows(last: Answers, this: Answers) -> list[list[str]]:
    """Header and one row per figure either year reported, then the derived rates."""
    ly, ty = last.year, this.year
    rows = [["项目", f"{ly}年" if ly else "去年", f"{ty}年" if ty else "今年", "增减"]]
    for section in SECTIONS:
        for q in section.questions:
            if q.kind != "figure":
                continue
            old, new = last.figure(q.key), this.figure(q.key)
            if old is None and new is None:
                continue
            rows.append(
                [
                    f"{q.label}（{q.unit}）",
                    str(old) if old is not None else "—",
                    str(new) if new is not None else "—",
                    change_text(old, new),
                ]
            )
    for spec in RATES:
        old_rate, new_rate = _rate(last, spec.part, spec.whole), _rate(this, spec.part, spec.whole)
        if old_rate is None and new_rate is None:
            continue
        if old_rate is not None and new_rate is not None:
            diff = round(new_rate - old_rate, 1)
            change = (
                "持平"
                if diff == 0
                else f"{'+' if diff > 0 else '-'}{format_number(abs(diff))}个百分点"
            )
        else:
            change = "—"
        rows.append(
            [
                spec.label,
                f"{format_number(old_rate)}%" if old_rate is not None else "—",
                f"{format_number(new_rate)}%" if new_rate is not None else "—",
                change,
            ]
        )
    return rows


def format_table(rows: list[list[str]]) -> str:
    """A plain-text table that lines up in a console (Chinese characters count double)."""

    return "\n".join(table_lines(rows))


def in_year_order(last: Answers, this: Answers) -> tuple[Answers, Answers, list[str]]:
    """The two answers earlier year first, and what the user should know about the pair: given
    the wrong way round (the changes would read backwards), the same year twice (the changes
    are between two versions, not two years), two different units."""
    ly, ty = last.year, this.year
    notes: list[str] = []
    if isinstance(ly, int) and isinstance(ty, int):
        if ly > ty:
            last, this = this, last
            notes.append(
                f"注意：两份答卷的顺序反了（先给的是{ly}年度，后给的是{ty}年度），"
                f"已按年份先后对照：{ty}年在前，{ly}年在后。"
                "下次请先给去年的答卷，再给今年的。"
            )
        elif ly == ty:
            notes.append(
                f"注意：两份答卷都是{ly}年度的，下表的增减是同一年度两份答卷之间的差别，"
                "不是年度变化。对照两年请先给去年的答卷，再给今年的。"
            )
    lu, tu = last.unit_name, this.unit_name
    if lu and tu and lu != tu:
        notes.append(f"注意：两份答卷不是同一单位（“{lu}”和“{tu}”）。")
    return last, this, notes


def run_compare_command(last: Path, this: Path, out: TextIO) -> int:
    """``drafter compare LAST THIS``: every figure, last year, this year, change."""
    earlier, later, notes = in_year_order(_load(last), _load(this))
    for note in notes:
        print(note, file=out)
    rows = comparison_rows(earlier, later)
    if len(rows) == 1:
        print("两份答卷里都没有数字，无从对照。", file=out)
        return EXIT_OK
    print(format_table(rows), file=out)
    print("增减由两年的数字算出；带“约”的是约数之间的比较。", file=out)
    return EXIT_OK


def comparison_blocks(last_path: Path, this_path: Path) -> list[Block]:
    """The same comparison as a 附表 block at the end of the report."""

    # The table's 增减 reads from the earlier year to the later whichever file came first.
    last, this, _ = in_year_order(_load(last_path), _load(this_path))
    rows = comparison_rows(last, this)
    if len(rows) == 1:
        return []
    ly, ty = last.year, this.year
    caption = f"附表：{ly}年与{ty}年主要数据对照" if ly and ty else "附表：主要数据对照"
    return [Block("table", text=caption, rows=rows)]


# --------------------------------------------------------------------------- schema migration


def migration_report(loaded: AnswersFile) -> list[str]:
    """What the user is shown before a migrated file is saved in the new version."""
    lines = [
        f"这份答卷是旧格式（版本 {loaded.migrated_from}），本程序使用版本 {loaded.version}。"
        "需要升级后才能继续，升级会做这些改动："
    ]
    details: list[str] = []
    if loaded.migrated_from == 0 and loaded.path is not None:
        details = v0_changes(_raw_data(loaded.path))
    lines += [f"  - {line}" for line in details or loaded.changes]
    lines.append("答案内容本身不变。")
    return lines


def _raw_data(path: Path) -> dict[str, Any]:
    """The file's data before migration (plain YAML, for the change list)."""

    data = YAML(typ="safe").load(read_answers_text(Path(path)))
    return data if isinstance(data, dict) else {}


__all__ = [
    "carried_notes",
    "change_text",
    "comparison_blocks",
    "comparison_rows",
    "figure_warning",
    "followup_item",
    "in_year_order",
    "last_year_text",
    "migration_report",
    "rectification_item",
    "run_compare_command",
    "stale_wording",
    "start_from_data",
    "start_from_last",
]
