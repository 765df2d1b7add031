"""Planted punctuation defects: do the run-on, punctuation and title rules generalize?

Run: ``python benchmarks/punct_planted.py [--show] [--shipped]``. Prints, not a test.

Built from the development texts only (scripts/build_clause_data.py's ``dev_files``: seeds, the
even files of tests/fixtures/real/, tests/fixtures/corpus/dev/, tests/fixtures/prose/dev/; the
corpus's half-width marks folded back). In clean lines (no defect a reviewer annotated there,
no page furniture) it plants, one at a time, the defects reviewers mark:

- ``comma``: the ， between two clauses deleted (each side at least six characters);
- ``organ-gone`` / ``organ-moved``: the 、 between two organs (党委、政府, 区委、区政府) deleted,
  or moved one character to the left (党、委政府);
- ``title-marks``: the 书名号 of a law, regulation or plan stripped;
- ``heading-stop``: the 。 after a run-in heading deleted (1.强化组织领导。象湖镇… → …领导象湖镇…);
- ``range-year``: 年 deleted from a title's range of years (（2021—2025年） → （2021—2025））;
- ``heading-year``: 年 deleted from a year in a heading (2024年法治… → 2024法治…);
- ``bracket``: an opening or a closing （ or 《 dropped.

A plant is detected when ``drafter check`` (all rules) gives a finding it did not give on the
clean text whose excerpt stands within a few characters of the plant. The files are split by
position (even: tuning, odd: test); the clause-boundary model is learned from the tuning half's
files alone (unless ``--shipped``: the table drafter ships, learned from all of them), so the
test half's numbers are on sentences neither the thresholds nor the table saw.

False alarms: the findings of the run-on, punctuation and document-name rules on the clean
texts, per 10,000 Chinese characters, not counting those on an annotated defect; for the
development texts (report texts and other official prose apart) and, as numbers only, for the
held-out texts. ``--show`` prints the development half's misses and false alarms.

``--tune``: the clause-boundary seams alone on the tuning half (comma plants found, seams on
the clean lines per 10,000 characters) for a grid of thresholds (drafter/checks/clauses.py's
Tuning was set from it and from the development texts' false alarms).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_clause_data import dev_files, fold_marks  # noqa: E402
from ruamel.yaml import YAML  # noqa: E402

from drafter.checks import clauses, run_checks  # noqa: E402
from drafter.checks.punctuation import ORGANS  # noqa: E402
from drafter.reader import blocks_from_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
MY_RULES = ("run-on", "punctuation", "document-name")
SERIOUS = ("error", "warning")
NEAR = 6
"""Characters either side of a plant within which a finding's excerpt must stand."""
PER_KIND = 3
"""Plants of one kind taken from one file at most (spread over the file)."""
HAN = re.compile(r"[\u4e00-\u9fff]")
MARKS = "，。、；：！？“”《》（）"


def heldout_files() -> list[Path]:
    real = sorted((FIXTURES / "real").glob("*.txt"))
    return (
        real[1::2]
        + sorted((FIXTURES / "corpus" / "heldout").glob("*.txt"))
        + sorted((FIXTURES / "prose" / "heldout").glob("*.txt"))
    )


def annotated(files: list[Path]) -> dict[str, tuple[list[str], list[str]]]:
    """File stem → (defect excerpts, furniture lines), for the given files only."""
    yaml = YAML(typ="safe")
    stems = {path.stem for path in files}
    found: dict[str, tuple[list[str], list[str]]] = {}
    real = yaml.load((FIXTURES / "real" / "expectations.yaml").read_text(encoding="utf-8"))
    corpus = yaml.load((FIXTURES / "corpus" / "annotations.yaml").read_text(encoding="utf-8"))
    for name, entry in list(real.items()) + list(corpus.items()):
        if name in stems and entry:
            defects = [fold_marks(str(d["excerpt"])) for d in entry.get("defects") or []]
            furniture = [line.strip() for line in entry.get("furniture") or [] if line.strip()]
            found[name] = (defects, furniture)
    return found


# ---------------------------------------------------------------------------------- plants

_ORGAN = "|".join(sorted(ORGANS, key=len, reverse=True))
_ORGAN_PAIR = re.compile(rf"(?:[镇乡县区市]?(?:{_ORGAN}))、(?:[镇乡县区市]?(?:{_ORGAN}))")
_TITLE = re.compile(r"《([^《》]{4,40}?(?:法|法典|条例|规定|办法|纲要|规划|方案|意见|决定|年）))》")
_RUN_IN = re.compile(
    r"^\s*(?:\d{1,2}[.．、]|（[一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]是)"
)
_RANGE_NIAN = re.compile(r"（(?:19|20)\d{2}\s*[—–-]\s*(?:19|20)\d{2}(年)）")
_HEADING_YEAR = re.compile(r"(?:19|20)\d{2}(年)(?:度)?(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Plant:
    kind: str
    line: str
    """The line with the defect planted."""
    site: int
    """Where in it the defect is."""


def _comma_plants(line: str) -> Iterator[Plant]:
    for match in re.finditer("，", line):
        at = match.start()
        left = re.split(f"[{MARKS}]", line[:at])[-1]
        right = re.split(f"[{MARKS}]", line[at + 1 :])[0]
        if len(HAN.findall(left)) >= 6 and len(HAN.findall(right)) >= 6:
            yield Plant("comma", line[:at] + line[at + 1 :], at)


def _organ_plants(line: str) -> Iterator[Plant]:
    for match in _ORGAN_PAIR.finditer(line):
        at = line.index("、", match.start())
        yield Plant("organ-gone", line[:at] + line[at + 1 :], at)
        yield Plant("organ-moved", line[: at - 1] + "、" + line[at - 1] + line[at + 1 :], at)


def _title_plants(line: str) -> Iterator[Plant]:
    for match in _TITLE.finditer(line):
        stripped = line[: match.start()] + match.group(1) + line[match.end() :]
        yield Plant("title-marks", stripped, match.start())
        inner = _RANGE_NIAN.search(match.group(0))
        if inner:
            at = match.start() + inner.start(1)
            yield Plant("range-year", line[:at] + line[at + 1 :], at)


def _heading_plants(line: str, heading: bool) -> Iterator[Plant]:
    lead = _RUN_IN.match(line)
    if lead:
        stop = line.find("。", lead.end())
        head = line[lead.end() : stop]
        if 2 <= len(head) <= 20 and not re.search(f"[{MARKS}]", head) and len(line) - stop > 10:
            yield Plant("heading-stop", line[:stop] + line[stop + 1 :], stop)
    if heading:
        for match in _HEADING_YEAR.finditer(line):
            at = match.start(1)
            yield Plant("heading-year", line[:at] + line[at + 1 :], at)


def _bracket_plants(line: str, turn: int) -> Iterator[Plant]:
    for opening, closing in (("（", "）"), ("《", "》")):
        at = line.find(opening)
        end = line.find(closing, at + 1)
        if at >= 0 and end > at:
            # The finding points at the partner left alone: the site is where it stands.
            cut, partner = (at, end - 1) if turn % 2 == 0 else (end, at)
            yield Plant("bracket", line[:cut] + line[cut + 1 :], partner)


def plants(lines: list[str], skip: set[int]) -> list[tuple[int, Plant]]:
    """Every plant of every kind in the file's clean lines, PER_KIND of a kind at most (spread
    evenly over the ones found)."""
    found: dict[str, list[tuple[int, Plant]]] = {}
    for number, line in enumerate(lines):
        if number in skip or len(HAN.findall(line)) < 8:
            continue
        heading = len(line) <= 40 and not line.rstrip().endswith("。")
        for plant in (
            *_comma_plants(line),
            *_organ_plants(line),
            *_title_plants(line),
            *_heading_plants(line, heading),
            *_bracket_plants(line, number),
        ):
            found.setdefault(plant.kind, []).append((number, plant))
    chosen: list[tuple[int, Plant]] = []
    for kind_plants in found.values():
        step = max(len(kind_plants) // PER_KIND, 1)
        chosen += kind_plants[::step][:PER_KIND]
    return chosen


# -------------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    planted: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    learned: Counter[str] = field(default_factory=Counter)
    """Plants found by the learned clause-boundary seam (drafter/checks/clauses.py)."""
    missed: list[str] = field(default_factory=list)


def findings(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (f.rule, f.severity, f.excerpt, f.message)
        for f in run_checks(blocks_from_text(text))
        if f.severity in SERIOUS
    ]


def near(line: str, excerpt: str, site: int) -> bool:
    at = line.find(excerpt) if excerpt else -1
    while at >= 0:
        if at - NEAR <= site <= at + len(excerpt) + NEAR:
            return True
        at = line.find(excerpt, at + 1)
    return False


def clean_lines(text: str, defects: list[str], furniture: list[str]) -> set[int]:
    """Numbers of the lines a plant may not go into: an annotated defect or page furniture."""
    return {
        number
        for number, line in enumerate(text.splitlines())
        if any(d and d in line for d in defects) or line.strip() in furniture
    }


def plant_file(path: Path, notes: tuple[list[str], list[str]], tally: Tally) -> None:
    text = fold_marks(path.read_text(encoding="utf-8"))
    lines = text.splitlines()
    before = Counter(findings(text))
    for number, plant in plants(lines, clean_lines(text, *notes)):
        changed = "\n".join([*lines[:number], plant.line, *lines[number + 1 :]])
        new = Counter(findings(changed)) - before
        hits = [f for f in new if near(plant.line, f[2], plant.site)]
        tally.planted[plant.kind] += 1
        if hits:
            tally.found[plant.kind] += 1
            tally.by_rule.update({f[0] for f in hits})
            if any("常作分句" in f[3] for f in hits):
                tally.learned[plant.kind] += 1
        else:
            start = max(plant.site - 12, 0)
            tally.missed.append(f"{plant.kind}：{plant.line[start : plant.site + 12]}")


def false_alarms(files: list[Path], notes: dict[str, tuple[list[str], list[str]]]) -> tuple:
    """(Chinese characters, false alarms, of which learned seams, the alarms) over ``files``."""
    chars = alarms = learned = 0
    shown: list[str] = []
    for path in files:
        text = fold_marks(path.read_text(encoding="utf-8"))
        defects, furniture = notes.get(path.stem, ([], []))
        chars += len(HAN.findall(text))
        for rule, _, excerpt, message in findings(text):
            if rule not in MY_RULES or not excerpt:
                continue
            if any(excerpt in d or d in excerpt for d in defects if d):
                continue
            if any(excerpt in line for line in furniture):
                continue
            alarms += 1
            learned += "常作分句" in message
            shown.append(f"{path.stem} {rule}：{excerpt}（{message[:40]}）")
    return chars, alarms, learned, shown


def tuning_table(files: list[Path]) -> clauses.ClauseModel:
    """The clause-boundary table learned from ``files`` alone (jieba needed)."""
    from build_clause_data import build

    return clauses.ClauseModel(build(files))


def tune(files: list[Path], notes: dict[str, tuple[list[str], list[str]]]) -> None:
    """The clause-boundary seams alone, on the tuning half: comma plants found and seams on the
    clean lines, for a grid of thresholds."""
    cases: list[tuple[str, int]] = []
    clean: list[str] = []
    for path in files:
        text = fold_marks(path.read_text(encoding="utf-8"))
        lines = text.splitlines()
        skip = clean_lines(text, *notes.get(path.stem, ([], [])))
        clean += [line for number, line in enumerate(lines) if number not in skip]
        for number, line in enumerate(lines):
            if number not in skip:
                cases += [(p.line, p.site) for p in _comma_plants(line)]
    chars = sum(len(HAN.findall(line)) for line in clean)
    print(f"{len(cases)} comma plants, {chars} clean characters")
    for odds, opens, left in itertools.product((8.0, 10.0, 12.0), (0.3, 0.4, 0.5), (6, 8)):
        tuning = clauses.Tuning(odds=odds, opens=opens, left=left)
        found = sum(
            any(abs(s.at - site) <= 1 for s in clauses.seams(line, 0, tuning))
            for line, site in cases
        )
        alarms = sum(len(list(clauses.seams(line, 0, tuning))) for line in clean)
        print(
            f"odds {odds:>4} opens {opens} left {left}: "
            f"{found / len(cases):.2f} found, {alarms / chars * 10000:.2f}/10k alarms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="development misses and alarms")
    parser.add_argument("--shipped", action="store_true", help="the shipped table on both halves")
    parser.add_argument("--tune", action="store_true", help="the grid of seam thresholds")
    args = parser.parse_args()
    files = dev_files()
    halves = {"tuning": files[0::2], "test": files[1::2]}
    if not args.shipped:
        table = tuning_table(halves["tuning"])
        clauses.model = lambda: table  # type: ignore[assignment]
    notes = annotated(files)
    if args.tune:
        tune(halves["tuning"], notes)
        return 0
    print(f"planted defects ({'shipped table' if args.shipped else 'table from tuning half'})")
    print(f"{'kind':<14}" + "".join(f"{h:>16}" for h in halves) + "   learned seam (tuning/test)")
    tallies = {}
    for half, group in halves.items():
        tally = tallies[half] = Tally()
        for path in group:
            plant_file(path, notes.get(path.stem, ([], [])), tally)
    kinds = sorted(set(tallies["tuning"].planted) | set(tallies["test"].planted))
    for kind in [*kinds, "all"]:
        row = f"{kind:<14}"
        for tally in tallies.values():
            found = sum(tally.found.values()) if kind == "all" else tally.found[kind]
            planted = sum(tally.planted.values()) if kind == "all" else tally.planted[kind]
            row += f"{found:>7}/{planted:<4}{found / max(planted, 1):>5.2f}"
        learned = [
            sum(t.learned.values()) if kind == "all" else t.learned[kind] for t in tallies.values()
        ]
        print(row + f"   {learned[0]}/{learned[1]}")
    for half, tally in tallies.items():
        print(f"  {half}: found by rule {dict(tally.by_rule)}")
    print("\nfalse alarms of run-on, punctuation, document-name on clean text (per 10,000 chars)")
    report = [f for f in files if "prose" not in f.parts]
    prose = [f for f in files if "prose" in f.parts]
    held = heldout_files()
    held_notes = annotated(held)
    for name, group, group_notes, show in (
        ("dev reports", report, notes, args.show),
        ("dev prose", prose, notes, args.show),
        ("held-out reports", [f for f in held if "prose" not in f.parts], held_notes, False),
        ("held-out prose", [f for f in held if "prose" in f.parts], held_notes, False),
    ):
        chars, alarms, learned, shown = false_alarms(group, group_notes)
        rate = alarms / max(chars, 1) * 10000
        print(
            f"  {name:<18} {chars:>7} chars {alarms:>4} alarms {rate:5.2f}/10k (learned {learned})"
        )
        if show:
            for line in shown:
                print("     ", line)
    if args.show:
        print("\nmisses (tuning half)")
        for line in tallies["tuning"].missed:
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
