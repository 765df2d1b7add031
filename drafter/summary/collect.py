"""Read every township's file into a :class:`Unit`: identity, figures (with where each came from)
and check findings; then find what the county must chase: units missing from the list, a year that
differs, two files for one unit, files that cannot be read.

Answers files are loaded and rendered in memory; reports are imported in memory through
:func:`drafter.importer.import_path`. Nothing is written beside the inputs.
"""

from __future__ import annotations

import os
import re
import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafter.answers.file import ANSWERS_SUFFIXES
from drafter.answers.load import load_answers
from drafter.answers.model import Answers
from drafter.build import check_draft
from drafter.checks import Finding, run_checks
from drafter.errors import DrafterError
from drafter.importer import import_path
from drafter.io.inputs import check_input, file_key, read_input
from drafter.io.textfile import decode_text
from drafter.questions import QUESTIONS, RATES, figure_questions
from drafter.reader import read_blocks
from drafter.render.engine import render_blocks
from drafter.text.figures import Figure
from drafter.text.mentions import find_mentions, zero_facts
from drafter.text.numbers import split_sentences
from drafter.text.places import split_place

REPORT_SUFFIXES = (".docx", ".txt")
# Found in a folder and listed with the reason they cannot be read (an old .doc, a PDF…), so the
# county sees that a township sent the wrong kind of file rather than nothing at all.
OTHER_SUFFIXES = (".doc", ".docm", ".wps", ".wpt", ".pdf", ".odt", ".rtf")
Kind = Literal["answers", "report"]

SOURCE_ANSWER = "答卷填写"
SOURCE_ANSWER_TEXT = "答卷文字"
SOURCE_REPORT = "报告正文（导入识别）"
SOURCE_REPORT_TEXT = "报告文字"


def visible(text: str) -> str:
    """A file name as the county's table and console show it: a control character (a name made
    on Linux or unpacked from an archive may hold one) as its Unicode picture (U+2400…), any
    other invisible character (a bidi override that reverses the name on screen) as \\uXXXX, so
    that neither a worksheet nor a terminal is given it."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ord(ch) < 0x20:
            out.append(chr(0x2400 + ord(ch)))
        elif ch == "\x7f":
            out.append("\u2421")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


@dataclass(frozen=True)
class FigureValue:
    """One figure of one unit and where it came from."""

    figure: Figure
    source: str
    """SOURCE_ANSWER … SOURCE_REPORT_TEXT."""
    sentence: str = ""
    """The sentence that states it, when it was read from a text."""


@dataclass
class Unit:
    """One file of one township: who, which year, its figures and its check findings."""

    file: Path
    kind: Kind
    name: str | None
    county: str | None
    year: int | None
    figures: dict[str, FigureValue] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    counted: bool = True
    """Whether its figures go into the 合计 (not for a duplicate or another year's file)."""
    remarks: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        """The file's path as shown in the workbook and the console."""
        return visible(str(self.file))

    @property
    def label(self) -> str:
        return self.name or f"（未识别单位：{visible(self.file.name)}）"

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass(frozen=True)
class BadFile:
    file: Path
    reason: str
    bug: bool = False
    """An internal error (a drafter bug), not a problem with the file."""

    @property
    def shown(self) -> str:
        return visible(str(self.file))


@dataclass(frozen=True)
class Total:
    """A 合计 cell: a sum of counts, or a rate recomputed from summed counts."""

    value: float | None
    approx: bool
    units: int
    """How many units it is computed from."""
    note: str


@dataclass
class Summary:
    units: list[Unit]
    bad: list[BadFile]
    year: int | None
    """The report year the roll-up is for (--year, or the one most units give)."""
    expected: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unexpected: list[Unit] = field(default_factory=list)
    other_year: list[Unit] = field(default_factory=list)
    duplicates: list[list[Unit]] = field(default_factory=list)
    odd_names: list[Unit] = field(default_factory=list)
    """Units read from a file whose path holds control or invisible characters."""
    totals: dict[str, Total] = field(default_factory=dict)

    @property
    def counted(self) -> list[Unit]:
        return [u for u in self.units if u.counted]

    @property
    def has_issues(self) -> bool:
        """Anything the county must look at: findings, missing units, wrong files."""
        findings = any(u.count("error") or u.count("warning") for u in self.units)
        return bool(
            findings
            or self.bad
            or self.missing
            or self.unexpected
            or self.other_year
            or self.duplicates
            or self.odd_names
        )


# --------------------------------------------------------------------------- inputs


MAX_FILES = 1000
"""Files one summary reads: a county has a few dozen townships; each file takes a fraction of a
second, so this keeps a summary to a minute or two."""
MAX_WALKED = 50_000
"""Entries looked at in the folders given: a folder like a whole drive or home folder given by
mistake is refused after this many instead of searched for hours."""


def gather(
    paths: Sequence[Path], *, exclude: Iterable[Path] = ()
) -> tuple[list[Path], list[BadFile]]:
    """The files to sum: given files as they are, folders searched (with sub-folders) for
    answers files and reports; paths that do not exist are listed as bad, not fatal. A file
    reached twice (named twice, through a link, inside two folders given) is read once."""

    seen = {file_key(Path(p)) for p in exclude}
    unique: list[Path] = []
    bad: list[BadFile] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = _search(path)
        elif path.is_file():
            found = [path]
        else:
            found = []
            if os.path.lexists(path):
                try:  # a FIFO or a device: named as such, never opened
                    check_input(path)
                except DrafterError as exc:
                    bad.append(BadFile(path, exc.message))
            else:
                bad.append(BadFile(path, "找不到这个文件或文件夹，请检查路径。"))
        for file in found:
            key = file_key(file)
            if key not in seen:
                seen.add(key)
                unique.append(file)
        if len(unique) > MAX_FILES:
            raise DrafterError(
                f"要汇总的文件太多（超过 {MAX_FILES} 个），可能给错了文件夹",
                path=path,
                hint="只给出存放各乡镇答卷和报告的文件夹。",
            )
    return unique, bad


def _search(folder: Path) -> list[Path]:
    """Answers files and reports in ``folder`` and its sub-folders (links to folders are not
    followed: no loops), by name; Word's lock files (~$x.docx) and hidden files left out."""
    suffixes = (*ANSWERS_SUFFIXES, *REPORT_SUFFIXES, *OTHER_SUFFIXES)
    found: list[Path] = []
    walked = 0
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        walked += len(dirs) + len(names)
        if walked > MAX_WALKED:
            raise DrafterError(
                f"文件夹里的文件太多（超过 {MAX_WALKED} 个），可能给错了文件夹",
                path=folder,
                hint="只给出存放各乡镇答卷和报告的文件夹，不要给整个磁盘或个人文件夹。",
            )
        for name in names:
            path = Path(root) / name
            if (
                path.suffix.lower() in suffixes
                and not name.startswith(("~$", "."))
                and path.is_file()
            ):
                found.append(path)
    return sorted(found)


def read_unit(path: Path) -> Unit:
    """One file → a Unit (DrafterError when it cannot be used)."""
    if path.suffix.lower() in ANSWERS_SUFFIXES:
        return _answers_unit(path)
    return _report_unit(path)


def _answers_unit(path: Path) -> Unit:

    answers, _ = load_answers(path)
    unit = Unit(path, "answers", answers.unit_name, answers.county, answers.year)
    unit.figures = figures_from(answers, SOURCE_ANSWER, SOURCE_ANSWER_TEXT)
    try:
        blocks = render_blocks(answers)
    except DrafterError as exc:
        unit.remarks.append(f"无法生成草稿来检查：{exc.message}")
        return unit
    answer_findings, findings = check_draft(answers, blocks)
    unit.findings = [
        Finding(
            a.finding.rule,
            a.finding.severity,
            f"答卷 {a.where}（{a.key}）：{a.finding.message}",
            a.finding.excerpt,
            -1,
        )
        for a in answer_findings
    ] + findings
    return unit


def _report_unit(path: Path) -> Unit:

    blocks = read_blocks(path)
    result = import_path(path)
    identity = result.identity
    unit = Unit(path, "report", identity.unit_name, identity.county, identity.year)
    unit.figures = figures_from(result.answers, SOURCE_REPORT, SOURCE_REPORT_TEXT)
    # Name the sentence each imported figure was read from, for the reviewer to check.
    mentions = [m for b in blocks for m in find_mentions(b.full_text) if m.key]
    for key, value in unit.figures.items():
        if value.source == SOURCE_REPORT and not value.sentence:
            said = next((m for m in mentions if m.key == key and m.figure == value.figure), None)
            if said is not None:
                unit.figures[key] = FigureValue(value.figure, value.source, said.sentence)
    unit.findings = run_checks(blocks, unit_type=identity.unit_type, year=identity.year)
    for note in identity.disagreements:
        unit.remarks.append(note)
    return unit


# --------------------------------------------------------------------------- figures


def _texts(answers: Answers) -> list[str]:
    """Every text of the answers (texts, list lines, item headings and contents)."""
    out: list[str] = []
    for q, value in answers.values():
        if q.kind in ("text", "longtext") and isinstance(value, str):
            out.append(value)
        elif q.kind == "list":
            out += answers.lines(q.key)
        elif q.kind == "items":
            for item in answers.items(q.key):
                out.append(item.words)
    return [t for t in out if t]


def figures_from(
    answers: Answers, structured_source: str, text_source: str
) -> dict[str, FigureValue]:
    """Each catalogue figure from its key, or else from a text that states it (the same key as
    :func:`drafter.text.mentions.find_mentions` reads it, or a stated zero: 无行政复议案件)."""

    found: dict[str, FigureValue] = {}
    for q in figure_questions():
        figure = answers.figure(q.key)
        if figure is not None:
            found[q.key] = FigureValue(figure, structured_source)
    for text in _texts(answers):
        for mention in find_mentions(text):
            if mention.key and not mention.rate and mention.key not in found:
                found[mention.key] = FigureValue(mention.figure, text_source, mention.sentence)
        for key, start, _ in zero_facts(text):
            if key not in found:
                found[key] = FigureValue(Figure(0), text_source, _sentence_at(text, start))
    return found


def _sentence_at(text: str, pos: int) -> str:

    at = 0
    for sentence in split_sentences(text):
        begin = text.find(sentence, at)
        if begin <= pos < begin + len(sentence):
            return sentence
        at = max(begin + len(sentence), at)
    return text


# --------------------------------------------------------------------------- units to chase


def unit_key(name: str | None) -> str:
    """A unit name as the list and the files may spell it: 尼玛县俄久乡人民政府 → 俄久乡."""

    if not name:
        return ""
    text = re.sub(r"\s+", "", name)
    text = re.sub(r"^(中共)?", "", text)
    for suffix in ("人民政府", "党委", "党工委", "委员会"):
        text = text.removesuffix(suffix)
    _, unit = split_place(text)
    unit = unit or text
    return unit.removesuffix("办事处")


MAX_EXPECT_BYTES = 1024 * 1024
"""A list of unit names: a county has a few dozen."""


def read_expected(path: Path) -> list[str]:
    """The list of units the county expects: one name per line, UTF-8 or GBK, # for comments."""

    path = Path(path)
    raw = read_input(
        path,
        limit=MAX_EXPECT_BYTES,
        what="单位名单",
        hint="请检查名单文件的路径；名单是文本文件，每行一个单位名称。",
    )
    text = decode_text(raw)
    if text is None or "\x00" in text:
        raise DrafterError(
            "单位名单不是文本文件（无法按 UTF-8 或 GBK 读取）。",
            path=path,
            field="--expect",
            hint="请用记事本另存为 UTF-8 文本，每行一个单位名称。",
        )
    names: list[str] = []
    for line in text.splitlines():
        line = line.strip().strip("\u3000\ufeff")
        # "1. 俄久乡" / "1、俄久乡" copied from a numbered list.
        line = re.sub(r"^\d+\s*[.、．)）]?\s*", "", line)
        if line and not line.startswith("#") and line not in names:
            names.append(line)
    if not names:
        raise DrafterError(
            "单位名单是空的。",
            path=path,
            field="--expect",
            hint="名单是文本文件，每行写一个单位名称（如“俄久乡”）。",
        )
    return names


def reference_year(units: Sequence[Unit], year: int | None) -> int | None:
    """--year, or the year most files give (the later one on a tie)."""
    if year is not None:
        return year
    counts = Counter(u.year for u in units if u.year is not None)
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def assess(summary: Summary) -> None:
    """Mark other years, duplicates, units missing from or not on the list; compute 合计."""
    for unit in summary.units:
        if unit.year is None:
            unit.remarks.append("未识别报告年度")
        elif summary.year is not None and unit.year != summary.year:
            unit.counted = False
            unit.remarks.append(f"年度为{unit.year}年，不是{summary.year}年，未计入合计")
            summary.other_year.append(unit)
        if not unit.name:
            unit.remarks.append("未识别单位名称")
        if unit.shown != str(unit.file):
            unit.remarks.append("文件名里有看不见的控制字符，建议改名")
            summary.odd_names.append(unit)
    groups: dict[tuple[str, str], list[Unit]] = {}
    for unit in summary.units:
        if unit.name:
            groups.setdefault((unit_key(unit.name), unit.county or ""), []).append(unit)
    for (name, county), group in list(groups.items()):
        if not county:
            continue
        # The same unit with and without a county read from it is still one unit.
        bare = groups.pop((name, ""), None)
        if bare:
            group.extend(bare)
    for group in groups.values():
        if len(group) < 2:
            continue
        summary.duplicates.append(group)
        # One file per unit goes into the 合计: the right year first, an answers file (the
        # source of truth) before a report, then the order given.
        kept = min(
            group,
            key=lambda u: (u.year != summary.year, u.kind != "answers", summary.units.index(u)),
        )
        for unit in group:
            others = "、".join(visible(u.file.name) for u in group if u is not unit)
            if unit is kept:
                unit.remarks.append(f"同一单位另有文件：{others}（只计入本文件）")
            else:
                unit.counted = False
                unit.remarks.append(
                    f"重复报送：与 {visible(kept.file.name)} 是同一单位，未计入合计"
                )
    if summary.expected:
        present = {unit_key(u.name) for u in summary.units if u.name}
        summary.missing = [n for n in summary.expected if unit_key(n) not in present]
        listed = {unit_key(n) for n in summary.expected}
        for unit in summary.units:
            if unit.name and unit_key(unit.name) not in listed:
                unit.remarks.append("不在单位名单中")
                summary.unexpected.append(unit)
    summary.totals = totals(summary.counted)


def totals(units: Sequence[Unit]) -> dict[str, Total]:
    """合计: each figure summed over the units that report it (约数 marked), each rate
    recomputed from the summed counts of the units that report both — never averaged."""
    out: dict[str, Total] = {}
    for q in figure_questions():
        values = [(u, u.figures[q.key].figure) for u in units if q.key in u.figures]
        if not values:
            continue
        approx = [u for u, f in values if f.approx]
        note = f"{len(values)} 个单位填报之和"
        if approx:
            note += "；含约数：" + "、".join(
                f"{u.label}（{u.figures[q.key].figure}）" for u in approx
            )
        out[q.key] = Total(sum(f.value for _, f in values), bool(approx), len(values), note)
    for rate in RATES:
        pairs = [
            (u.figures[rate.part].figure, u.figures[rate.whole].figure)
            for u in units
            if rate.part in u.figures and rate.whole in u.figures
        ]
        whole = sum(w.value for _, w in pairs)
        if not pairs or not whole:
            continue
        part = sum(p.value for p, _ in pairs)
        rough = any(p.approx or w.approx for p, w in pairs)
        note = (
            f"由合计数计算：{QUESTIONS[rate.part].label} {part:g} ÷ "
            f"{QUESTIONS[rate.whole].label} {whole:g}"
            f"（{len(pairs)} 个单位两项都填报）"
        )
        if rough:
            note += "；含约数，结果为约数"
        out[rate.key] = Total(part / whole, rough, len(pairs), note)
    return out


def unit_rate(unit: Unit, key: str) -> tuple[float, bool] | None:
    """A unit's rate from its own counts: (fraction, approximate), or None."""
    rate = next(r for r in RATES if r.key == key)
    part, whole = unit.figures.get(rate.part), unit.figures.get(rate.whole)
    if part is None or whole is None or not whole.figure.value:
        return None
    return part.figure.value / whole.figure.value, part.figure.approx or whole.figure.approx


def summarise(
    paths: Sequence[Path],
    *,
    expected: Sequence[str] = (),
    year: int | None = None,
    exclude: Iterable[Path] = (),
) -> Summary:
    """Read every file (bad ones listed with their reason) and assess the whole."""

    files, bad = gather(paths, exclude=exclude)
    units: list[Unit] = []
    for path in files:
        try:
            units.append(read_unit(path))
        except DrafterError as exc:
            reason = exc.message + (f"（{exc.hint}）" if exc.hint else "")
            bad.append(BadFile(path, reason))
        except Exception:
            # A bug of ours must not lose the other townships' work: listed, logged, and the
            # command ends with the internal-error exit code.
            bad.append(BadFile(path, traceback.format_exc(), bug=True))
    if expected:
        # Rows in the order of the county's list (how it reads it), units not on it last.
        order = {unit_key(name): n for n, name in enumerate(expected)}
        units.sort(key=lambda u: order.get(unit_key(u.name), len(order)))
    summary = Summary(units, bad, reference_year(units, year), expected=list(expected))
    assess(summary)
    return summary
