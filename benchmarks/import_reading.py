"""What ``drafter import`` reads of a report, measured on the development and held-out halves.

Run: ``python benchmarks/import_reading.py [--dev] [--show]`` (``--dev --show`` lists the
development misses without printing the held-out texts).

Texts: ``tests/fixtures/corpus/{dev,heldout}`` (verbatim web excerpts, furniture and all, with
``annotations.yaml``) and ``tests/fixtures/real`` (cleaned openings with ``expectations.yaml``;
even positions of the sorted list are the development half, odd ones held out). Per half:

- unit name and unit type right;
- county right where the text names it (also without the texts that name it only in the page
  furniture, which an importer may leave unknown), and counties given where none is named;
- 成文日期 right where the text or its page gives one;
- furniture lines that survive into the draft (rendered from the imported answers): target 0;
- level-1 headings whose year lacks 年 ("一、2025法治政府建设…") filed in the right kind of part;
- drafts still holding a Traditional character, and bracket pairs of mixed width ("(…）");
- the report's own structure (issue 22, items 1, 2 and 7): the source's headings (a reviewer's
  list for the corpus, the numbered lines of the clean texts, see ``tests/structure_oracle.py``)
  found in the draft, and in the source's order (a draft with one heading out of order is a
  draft with reordered items; so is one whose parts open with another than the source's first);
  a heading the excerpt cut off stays in its place, over a
  placeholder (counted as in the draft), else in the labelled unplaced list;
- seams: findings of the seam rules on the draft whose text is not copied from the original
  (as ``benchmarks/real_reports.py`` counts them), per draft;
- figures kept: every number with a unit of the source (the reviewer's list for the corpus, the
  oracle of ``benchmarks/real_reports.py`` for the clean texts) in the draft or the unplaced list;
- unbalanced brackets: bracket pairs the draft leaves open that the source closed;
- a report copied short: the corpus excerpts (all cut) with exactly one placeholder where the
  copy stops, and the seeds (whole reports) with none.

The seeds (``seeds/*.txt``) are measured with the development half.

Develop on the first half only; the second is read here only to be measured.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.real_reports import SEAM_RULES, oracle_figures  # noqa: E402
from drafter.answers.model import validate_answers  # noqa: E402
from drafter.blocks import Block  # noqa: E402
from drafter.checks import run_checks  # noqa: E402
from drafter.errors import DrafterError  # noqa: E402
from drafter.importer import KIND_PLANS, ImportResult, import_path  # noqa: E402
from drafter.render.engine import render_blocks  # noqa: E402
from drafter.render.phrasing import CUT_OFF  # noqa: E402
from drafter.text.hanzi import to_simplified  # noqa: E402
from tests.structure_oracle import (  # noqa: E402
    Heading,
    annotated_headings,
    form_changed,
    kept_headings,
    numbered_headings,
    open_brackets,
    still_headings,
)
from tests.structure_oracle import plain as words_of  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
REAL = ROOT / "tests" / "fixtures" / "real"
_MIXED_PAIR = re.compile(r"\([^()（）]*）|（[^()（）]*\)")
_YEAR_NO_NIAN = re.compile(r"(?<!\d)(20\d{2})(?!\d|\s*年)")


def iso_date(written: str) -> str | None:
    """ "2025年1月15日" (the answers file's form) → "2025-01-15"."""
    match = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", written)
    return "{}-{:02d}-{:02d}".format(*map(int, match.groups())) if match else None


def plain(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, note: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(note)

    def __str__(self) -> str:
        share = f"{100 * self.right / self.total:.0f} %" if self.total else "—"
        return f"{self.right}/{self.total} ({share})"


@dataclass
class Half:
    name: str
    texts: int = 0
    failed: list[str] = field(default_factory=list)
    unit: Tally = field(default_factory=Tally)
    unit_type: Tally = field(default_factory=Tally)
    county: Tally = field(default_factory=Tally)
    county_not_furniture: Tally = field(default_factory=Tally)
    county_invented: list[str] = field(default_factory=list)
    date: Tally = field(default_factory=Tally)
    furniture_lines: int = 0
    furniture_left: list[str] = field(default_factory=list)
    year_headings: Tally = field(default_factory=Tally)
    traditional_left: list[str] = field(default_factory=list)
    mixed_brackets: list[str] = field(default_factory=list)
    drafts: int = 0
    headings: Tally = field(default_factory=Tally)
    headings_or_listed: Tally = field(default_factory=Tally)
    reordered: list[str] = field(default_factory=list)
    first_moved: list[str] = field(default_factory=list)
    as_headings: Tally = field(default_factory=Tally)
    form: Tally = field(default_factory=Tally)
    seams: list[str] = field(default_factory=list)
    figures: Tally = field(default_factory=Tally)
    unbalanced: list[str] = field(default_factory=list)
    cut_marked: Tally = field(default_factory=Tally)
    whole_marked: list[str] = field(default_factory=list)


def _draft_blocks(data: dict[str, Any]) -> list[Block]:
    """The draft, as rendered from the imported answers (the answers file's data)."""
    return render_blocks(validate_answers(data))


def _draft_text(data: dict[str, Any]) -> list[str]:
    """The draft's paragraphs, as rendered from the imported answers."""
    return [b.full_text for b in _draft_blocks(data)]


def _listed(result: ImportResult) -> str:
    """What the import listed for the user to place (a report copied short ends there)."""
    return "".join(u["heading"] + u["text"] for u in result.unplaced_items)


def measure_structure(
    half: Half,
    name: str,
    source: str,
    result: ImportResult,
    headings: list[Heading],
    figures: list[str],
) -> None:
    """Order and headings, seams, figures and brackets of one imported draft."""
    blocks = _draft_blocks(result.data)
    draft = [b.full_text for b in blocks]
    half.drafts += 1
    kept = kept_headings(headings, draft)
    half.headings.total += kept.total
    half.headings.right += kept.found
    half.headings.misses += [f"{name}: {h}" for h in kept.missing]
    listed = words_of(_listed(result))
    half.headings_or_listed.total += kept.total
    half.headings_or_listed.right += kept.found + sum(words_of(h) in listed for h in kept.missing)
    if kept.reordered:
        half.reordered.append(f"{name}: {' / '.join(kept.out_of_order)}")
    # The source's first part opens the draft's parts: no part (a placeholder's, or another of
    # the township's) put before it by a fixed topic order. A part arranged by theme is the first
    # item under the draft's first part, which wraps it; an unnumbered 引言 before the parts may
    # stay a line of the opening.
    parts = [h for h in headings if h.level == "1"]
    if parts:
        wanted = words_of(parts[0].text)
        at = next(
            (
                i
                for i, b in enumerate(blocks)
                if b.kind in ("heading", "paragraph") and words_of(b.text).startswith(wanted)
            ),
            None,
        )
        before = blocks[:at] if at is not None else blocks
        if at is None or sum(b.kind == "heading" and b.level == 1 for b in before) > 1:
            first = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
            half.first_moved.append(f"{name}: {parts[0].text} (draft opens with {first})")
    numbered = [
        h
        for h in headings
        if h.level in ("2", "3", "4") and h.numbered and h.text not in kept.missing
    ]
    lost = still_headings(numbered, blocks)
    half.as_headings.total += len(numbered)
    half.as_headings.right += len(numbered) - len(lost)
    half.as_headings.misses += [f"{name}: {h}" for h in lost]
    held, changed = form_changed(numbered, blocks)
    half.form.total += held
    half.form.right += held - len(changed)
    half.form.misses += [f"{name}: {h}" for h in changed]
    ident = result.data.get("identity", {})
    original = re.sub(r"\s+", "", to_simplified(source))
    for finding in run_checks(blocks, unit_type=ident.get("unit_type"), year=ident.get("year")):
        if finding.rule not in SEAM_RULES:
            continue
        if finding.rule == "missing-date" and finding.severity != "error":
            continue  # the visible date placeholder
        if finding.rule == "missing-cause" and finding.paragraph == -1:
            continue  # the problems part is a placeholder: the excerpts are beginnings
        text = re.sub(r"\s+", "", finding.excerpt)
        if text and text in original:
            continue  # copied from the original
        half.seams.append(f"{name}: {finding.rule}：{finding.excerpt[:40]}")
    words = words_of("".join(draft)) + listed
    for figure in figures:
        half.figures.add(words_of(figure) in words, f"{name}: {figure}")
    source_open = sum(open_brackets(line) for line in source.splitlines())
    draft_open = sum(open_brackets(p) for p in draft) + open_brackets(_listed(result))
    if draft_open > source_open:
        half.unbalanced.append(f"{name}: {draft_open - source_open}")


def survives(line: str, paragraphs: list[str]) -> bool:
    """A furniture line is in the draft: a paragraph of its own, or inside one (a short line
    only as a paragraph of its own: "法制" is also a word of report text)."""
    words = plain(line)
    texts = [plain(p) for p in paragraphs]
    return words in texts or (len(words) >= 6 and any(words in t for t in texts))


def _measure_identity(half: Half, name: str, got: dict[str, Any], want: dict[str, Any]) -> None:
    half.unit.add(got.get("unit_name") == want["unit_name"], f"{name}: {got.get('unit_name')}")
    half.unit_type.add(got.get("unit_type") == want["unit_type"], f"{name}: {got.get('unit_type')}")
    county = want.get("county")
    if county:
        ok = got.get("county") == county
        half.county.add(ok, f"{name}: {got.get('county')} ≠ {county}")
        if want.get("county_source") != "furniture":
            half.county_not_furniture.add(ok, f"{name}: {got.get('county')} ≠ {county}")
    elif got.get("county") and not want.get("county_in_body"):
        half.county_invented.append(f"{name}: {got.get('county')}")


def _year_headings(half: Half, name: str, result: Any, year: int) -> None:
    for part in result.parts:
        match = _YEAR_NO_NIAN.search(part.title)
        if match is None:
            continue
        plans = int(match.group(1)) > year
        ok = (part.kind == KIND_PLANS) == plans
        half.year_headings.add(ok, f"{name}: {part.title} → {part.kind}")


def corpus_half(split: str, annotations: dict[str, Any]) -> Half:
    half = Half(f"corpus/{split}")
    for name, entry in annotations.items():
        if entry["split"] != split:
            continue
        half.texts += 1
        try:
            result = import_path(CORPUS / entry["file"])
            draft = _draft_text(result.data)
        except DrafterError as exc:
            half.failed.append(f"{name}: {exc}")
            continue
        want = entry["identity"]
        got = result.data.get("identity", {})
        _measure_identity(half, name, got, want)
        if want.get("date"):
            written = iso_date(got.get("date") or "")
            half.date.add(written == want["date"], f"{name}: {written} ≠ {want['date']}")
        title = plain(entry.get("title") or "")
        for line in entry.get("furniture") or []:
            words = plain(line)
            if not words or (title and words in title):
                continue  # a copy of the title: the draft prints the title once, as its own
            half.furniture_lines += 1
            if survives(line, draft):
                half.furniture_left.append(f"{name}: {line}")
        _year_headings(half, name, result, want["year"])
        source = (CORPUS / entry["file"]).read_text(encoding="utf-8")
        figures = [str(f.get("context") or f["text"]) for f in entry.get("figures") or []]
        measure_structure(half, name, source, result, annotated_headings(entry), figures)
        if entry.get("cut"):
            marks = sum(p.count(CUT_OFF) for p in draft)
            half.cut_marked.add(marks == 1, f"{name}: {marks} placeholders where the copy stops")
        if any(to_simplified(p) != p for p in draft):
            half.traditional_left.append(name)
        half.mixed_brackets += [
            f"{name}: {m.group(0)}" for p in draft for m in _MIXED_PAIR.finditer(p)
        ]
    return half


def real_half(parity: int, expectations: dict[str, Any]) -> Half:
    half = Half(f"real/{'even' if parity == 0 else 'odd'}")
    files = sorted(REAL.glob("*.txt"))
    for position, path in enumerate(files):
        if position % 2 != parity:
            continue
        half.texts += 1
        entry = expectations.get(path.stem, {})
        try:
            result = import_path(path)
            _draft_text(result.data)
        except DrafterError as exc:
            half.failed.append(f"{path.stem}: {exc}")
            continue
        want = dict(entry.get("identity", {}))
        want["county_in_body"] = entry.get("county_in_body", False)
        _measure_identity(half, path.stem, result.data.get("identity", {}), want)
        _year_headings(half, path.stem, result, want.get("year") or 0)
        _clean_structure(half, path, result)
    return half


def _clean_structure(half: Half, path: Path, result: ImportResult) -> None:
    """Structure, seams, figures and brackets of a clean text (its headings read from its lines)."""
    source = path.read_text(encoding="utf-8")
    figures = [surface for _, _, _, surface in oracle_figures(source)]
    measure_structure(half, path.stem, source, result, numbered_headings(source), figures)


def seeds_half() -> Half:
    """The five seeds (development texts, whole reports)."""
    half = Half("seeds")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        half.texts += 1
        try:
            result = import_path(path)
        except DrafterError as exc:
            half.failed.append(f"{path.stem}: {exc}")
            continue
        _clean_structure(half, path, result)
        if any(CUT_OFF in p for p in _draft_text(result.data)):
            half.whole_marked.append(path.stem)
    return half


def print_half(half: Half, show: bool) -> None:
    print(f"== {half.name}: {half.texts} texts, {len(half.failed)} failed to import or render")
    rows = [
        ("unit name", half.unit),
        ("unit type", half.unit_type),
        ("county (named in the text)", half.county),
        ("county (named outside the furniture)", half.county_not_furniture),
        ("成文日期", half.date),
        ("year-without-年 headings", half.year_headings),
    ]
    for label, tally in rows:
        print(f"   {label:40} {tally}")
        if show:
            for miss in tally.misses:
                print(f"      ✗ {miss}")
    print(f"   {'counties given where none is named':40} {len(half.county_invented)}")
    left = len(half.furniture_left)
    print(f"   {'furniture lines surviving':40} {left}/{half.furniture_lines}")
    print(f"   {'drafts with Traditional characters':40} {len(half.traditional_left)}")
    print(f"   {'bracket pairs of mixed width':40} {len(half.mixed_brackets)}")
    print(f"   {'source headings in the draft':40} {half.headings}")
    print(f"   {'… or in the unplaced list (cut off)':40} {half.headings_or_listed}")
    print(f"   {'drafts with reordered items':40} {len(half.reordered)}/{half.drafts}")
    print(f"   {'… opening with another part':40} {len(half.first_moved)}/{half.drafts}")
    print(f"   {'numbered item headings still headings':40} {half.as_headings}")
    print(f"   {'… in the form the source wrote them':40} {half.form}")
    per_draft = len(half.seams) / half.drafts if half.drafts else 0.0
    print(f"   {'seams per draft':40} {per_draft:.2f} ({len(half.seams)})")
    print(f"   {'figures kept (draft or unplaced list)':40} {half.figures}")
    print(f"   {'unbalanced brackets the draft adds':40} {len(half.unbalanced)}")
    if half.cut_marked.total:
        print(f"   {'cut excerpts: one placeholder at the cut':40} {half.cut_marked}")
    if half.name == "seeds":
        print(f"   {'whole reports given a cut placeholder':40} {len(half.whole_marked)}")
    if show:
        misses = [
            *half.headings.misses,
            *half.reordered,
            *half.first_moved,
            *half.as_headings.misses,
            *half.form.misses,
        ]
        for line in [*misses, *half.seams, *half.figures.misses]:
            print(f"      ✗ {line}")
        for line in half.unbalanced:
            print(f"      ✗ unbalanced: {line}")
        for line in [
            *half.failed,
            *half.county_invented,
            *half.furniture_left,
            *half.mixed_brackets,
        ]:
            print(f"      ✗ {line}")
        for name in half.traditional_left:
            print(f"      ✗ Traditional: {name}")
        for line in [*half.cut_marked.misses, *half.whole_marked]:
            print(f"      ✗ cut: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list every miss")
    parser.add_argument(
        "--dev",
        action="store_true",
        help="measure the development texts only (the seeds, corpus/dev, real/even): with "
        "--show, every miss is listed without reading the held-out texts",
    )
    args = parser.parse_args()
    yaml = YAML(typ="safe")
    annotations = yaml.load((CORPUS / "annotations.yaml").read_text(encoding="utf-8"))
    expectations = yaml.load((REAL / "expectations.yaml").read_text(encoding="utf-8"))
    halves = [
        seeds_half,
        lambda: corpus_half("dev", annotations),
        lambda: real_half(0, expectations),
    ]
    if not args.dev:
        halves += [
            lambda: corpus_half("heldout", annotations),
            lambda: real_half(1, expectations),
        ]
    for half in halves:
        print_half(half(), args.show)


if __name__ == "__main__":
    main()
