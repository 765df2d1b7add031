"""`drafter check` against a reviewer, on the development half and on the held-out half (issue 23).

Run: ``python benchmarks/check_halves.py [--json OUT.json] [--show]``.

Two sets of real texts, each split into halves fixed before any rule was written (see the brief
and each folder's README):

- ``tests/fixtures/real/*.txt``: the files at even positions of the sorted list are development,
  odd positions held out. A finding is true when it covers a defect of ``expectations.yaml`` (same
  rule or an ``also`` rule, overlapping text), an artifact when it covers one of the listed
  artifacts of the cut, false otherwise (the scoring of ``benchmarks/real_reports.py``).
- ``tests/fixtures/corpus/{dev,heldout}/``: page copies as stored, furniture and all. A finding
  place is true when its excerpt overlaps, in the same block, a defect a reviewer marked in
  ``annotations.yaml`` (any rule: the reviewer did not name rules). Not scored: places on page
  furniture (the annotation's furniture lines), places in the last block (every excerpt is cut
  mid-report), whole-document findings about parts or a date the cut removed, and half-width
  punctuation, which the store itself folded (the corpus README; the reviewer's fixes are written
  in the folded punctuation).

For each half: recall (defects covered by an error or warning), precision (true places over true
and false places, errors and warnings) and the median number of error and warning findings a
reviewer reads per text (one finding listing its places counts once). ``--show`` prints the
misses and false alarms of the development halves only: the held-out halves are read for their
numbers, never for their sentences.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import real_reports  # noqa: E402

from drafter.checks import findings_to_json, run_checks  # noqa: E402
from drafter.reader import read_blocks  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SERIOUS = ("error", "warning")
CUT_RULES = real_reports.TRUNCATION_RULES


@dataclass
class Scored:
    name: str
    half: str
    findings: int = 0
    """Error and warning findings as a reviewer reads them (a grouped finding once)."""
    places: int = 0
    true: int = 0
    false: list[str] = field(default_factory=list)
    unscored: int = 0
    defects: int = 0
    missed: list[str] = field(default_factory=list)


def places(finding: dict[str, Any]) -> list[dict[str, Any]]:
    """Every place of a finding: its ``places`` when it lists them (docs/contracts.md), else itself."""
    listed = finding.get("places")
    if listed:
        return [{**finding, **place} for place in listed]
    return [finding]


def check(path: Path) -> tuple[list[Any], list[dict[str, Any]]]:
    """Blocks and the JSON findings of ``drafter check`` (in this process)."""
    blocks = read_blocks(path)
    document = findings_to_json(str(path), run_checks(blocks))
    return blocks, list(document["findings"])  # type: ignore[call-overload]


def _squash(text: str) -> str:
    return "".join(text.split())


def _spans(text: str, piece: str) -> Iterator[tuple[int, int]]:
    at = text.find(piece)
    while piece and at >= 0:
        yield at, at + len(piece)
        at = text.find(piece, at + 1)


def overlaps(block_text: str, excerpt: str, marked: str) -> bool:
    """Does ``excerpt`` stand, somewhere in ``block_text``, over the place ``marked`` stands?"""
    for text, a, b in (
        (block_text, excerpt, marked),
        (_squash(block_text), _squash(excerpt), _squash(marked)),
    ):
        want = list(_spans(text, b))
        if want:
            return any(s < e2 and s2 < e for s, e in _spans(text, a) for s2, e2 in want)
    return False


def score(
    result: Scored,
    findings: list[dict[str, Any]],
    defects: list[dict[str, Any]],
    covers: Callable[[dict[str, Any], dict[str, Any]], bool],
    unscored: Callable[[dict[str, Any]], bool],
) -> Scored:
    """Each place of each error and warning: true when it covers a defect, not scored when
    ``unscored`` says it is an artifact of the copy, false otherwise; defects no place covers
    are missed."""
    result.defects = len(defects)
    matched = [False] * len(defects)
    for finding in findings:
        if finding["severity"] not in SERIOUS:
            continue
        result.findings += 1
        for place in places(finding):
            result.places += 1
            hits = [i for i, d in enumerate(defects) if covers(place, d)]
            if hits:
                result.true += 1
                for i in hits:
                    matched[i] = True
            elif unscored(place):
                result.unscored += 1
            else:
                excerpt = place.get("excerpt", "")[:30]
                result.false.append(f"{place['rule']}：{excerpt}（{place['message'][:30]}）")
    result.missed = [
        f"{d.get('rule') or d.get('kind')}：{d.get('excerpt')}"
        for d, m in zip(defects, matched, strict=True)
        if not m
    ]
    return result


# --------------------------------------------------------------------------- tests/fixtures/real


def score_real(path: Path, expect: dict[str, Any], half: str) -> Scored:
    _, findings = check(path)
    artifacts = list(expect.get("artifacts") or [])

    def unscored(place: dict[str, Any]) -> bool:
        return any(real_reports._covers(place, a) for a in artifacts) or (
            place["paragraph"] == -1 and place["rule"] in CUT_RULES
        )

    defects = list(expect.get("defects") or [])
    return score(Scored(path.stem, half), findings, defects, real_reports._covers, unscored)


# --------------------------------------------------------------------------- corpus


def _folded(place: dict[str, Any]) -> bool:
    """A finding about the half-width marks the store folded the page's marks to."""
    message = place["message"]
    return (place["rule"] == "punctuation" and "半角" in message) or (
        place["rule"] == "numbering" and "全角括号" in message
    )


def _cut_short(place: dict[str, Any], blocks: list[Any]) -> bool:
    """ "Only （一）, no （二）" or "only 一是" where the excerpt ends before a sibling could come."""
    if place["rule"] != "numbering" or "只有" not in place["message"]:
        return False
    where = place["paragraph"]
    level = blocks[where].level if blocks[where].kind == "heading" else 9
    return not any(b.kind == "heading" and b.level <= level for b in blocks[where + 1 :])


def score_corpus(name: str, entry: dict[str, Any]) -> Scored:
    blocks, findings = check(CORPUS / entry["file"])
    texts = [b.full_text for b in blocks]
    last = max((i for i, t in enumerate(texts) if t.strip()), default=-1)
    furniture = [line for line in entry.get("furniture") or [] if line.strip()]

    def text_of(place: dict[str, Any]) -> str:
        where = place["paragraph"]
        return texts[where] if 0 <= where < len(texts) else ""

    def covers(place: dict[str, Any], defect: dict[str, Any]) -> bool:
        text, excerpt = text_of(place), place.get("excerpt", "")
        return bool(text and excerpt and not _folded(place)) and overlaps(
            text, excerpt, defect["excerpt"]
        )

    def unscored(place: dict[str, Any]) -> bool:
        text, excerpt = text_of(place), place.get("excerpt", "")
        return (
            place["paragraph"] in (-1, last)
            or _folded(place)
            or _cut_short(place, blocks)
            or any(overlaps(text, excerpt, line) for line in furniture)
        )

    defects = list(entry.get("defects") or [])
    return score(Scored(name, entry["split"]), findings, defects, covers, unscored)


# --------------------------------------------------------------------------- report


def summarise(results: list[Scored]) -> dict[str, Any]:
    defects = sum(r.defects for r in results)
    missed = sum(len(r.missed) for r in results)
    true = sum(r.true for r in results)
    false = sum(len(r.false) for r in results)
    return {
        "texts": len(results),
        "defects": defects,
        "recall": (defects - missed) / defects if defects else 1.0,
        "precision": true / (true + false) if true + false else 1.0,
        "true_places": true,
        "false_places": false,
        "median_findings": statistics.median(r.findings for r in results) if results else 0,
        "max_findings": max((r.findings for r in results), default=0),
    }


def measure() -> dict[str, list[Scored]]:
    expectations = real_reports.load_expectations()
    halves: dict[str, list[Scored]] = {
        "real/dev": [],
        "real/heldout": [],
        "corpus/dev": [],
        "corpus/heldout": [],
    }
    for n, path in enumerate(sorted(real_reports.REAL.glob("*.txt"))):
        half = "dev" if n % 2 == 0 else "heldout"
        halves[f"real/{half}"].append(score_real(path, expectations.get(path.stem, {}), half))
    annotations = YAML(typ="safe").load((CORPUS / "annotations.yaml").read_text(encoding="utf-8"))
    for name, entry in sorted(annotations.items()):
        halves[f"corpus/{entry['split']}"].append(score_corpus(name, entry))
    return halves


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON")
    parser.add_argument(
        "--show", action="store_true", help="misses and false alarms (development halves only)"
    )
    args = parser.parse_args(argv)
    halves = measure()
    totals = {name: summarise(results) for name, results in halves.items()}
    flagged, planted, planted_missed = real_reports.measure_planted()
    print(f"{'half':16} texts defects recall precision (true/false places) median max")
    for name, t in totals.items():
        print(
            f"{name:16} {t['texts']:5} {t['defects']:7} {t['recall']:6.2f} {t['precision']:9.2f} "
            f"({t['true_places']}/{t['false_places']}) {t['median_findings']:>10} "
            f"{t['max_findings']:4}"
        )
    print(f"planted seams flagged: {flagged}/{planted}")
    for name, results in halves.items():
        if name.endswith("/heldout"):
            # Held out: which rules missed or over-fired, by count only, never the sentences.
            missed = Counter(m.split("：")[0] for r in results for m in r.missed)
            false = Counter(f.split("：")[0] for r in results for f in r.false)
            print(f"  {name}: missed by kind {dict(missed)}; false alarms by rule {dict(false)}")
    if args.show:
        for name, results in halves.items():
            if not name.endswith("/dev"):
                continue
            for r in results:
                for miss in r.missed:
                    print(f"  {name} {r.name} missed: {miss}")
                for false in r.false:
                    print(f"  {name} {r.name} false alarm: {false}")
            print(f"  {name} findings per text:", {r.name: r.findings for r in results})
        for miss in planted_missed:
            print("  planted, not flagged:", miss)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"totals": totals, "planted": f"{flagged}/{planted}"}, ensure_ascii=False, indent=1
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
