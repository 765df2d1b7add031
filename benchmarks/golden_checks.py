"""Golden comparison for speed work on the checks: the findings must not change.

    python benchmarks/golden_checks.py record DIR   # make the inputs, store the findings
    python benchmarks/golden_checks.py compare DIR  # check the same inputs again, diff
    python benchmarks/golden_checks.py places DIR   # which places changed, rule by rule

Inputs: every report text in seeds/ and tests/fixtures/ (recursively), each also written as a
.docx (so the .docx reader is exercised on the same text), the 30-page report of bench_all.py,
and drafts built by ``drafter build`` from the bundled example and from ``drafter import`` of
each seed. ``record`` makes the inputs once into DIR/inputs (so ``compare`` reads the very same
files) and stores ``drafter check`` (JSON and text, and the exit code) of each in DIR/golden.
``compare`` runs the checks in this process on the same inputs and prints every difference;
exit 1 when there is one.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def _texts() -> list[Path]:
    found = sorted(ROOT.glob("seeds/*.txt"))
    # tests/fixtures/prose holds other genres (the typo model's false-alarm texts): `check`
    # refuses them as not a report.
    prose = ROOT / "tests" / "fixtures" / "prose"
    found += sorted(
        p for p in (ROOT / "tests" / "fixtures").rglob("*.txt") if not p.is_relative_to(prose)
    )
    return found


def make_inputs(folder: Path) -> None:
    """Copy the texts, write them as .docx, and build drafts (a fresh, repeatable set)."""
    sys.path.insert(0, str(HERE))
    from bench_inputs import report_text

    from drafter.docx.writer import write_docx
    from drafter.reader import blocks_from_text

    folder.mkdir(parents=True, exist_ok=True)
    for n, text_file in enumerate(_texts()):
        name = f"{n:03d}_{text_file.stem}"
        text = text_file.read_text(encoding="utf-8")
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        write_docx(blocks_from_text(text), folder / f"{name}.docx")
    write_docx(blocks_from_text(report_text(ROOT / "seeds")), folder / "r30.docx")
    drafter = [sys.executable, "-m", "drafter"]
    answers = folder / "answers"
    answers.mkdir(exist_ok=True)
    for seed in sorted(ROOT.glob("seeds/*.txt")):
        target = answers / f"{seed.stem}.yaml"
        subprocess.run([*drafter, "import", str(seed), "-o", str(target)], check=False)
    from drafter.build import example_path

    (answers / "example.yaml").write_bytes(example_path().read_bytes())
    drafts = folder / "drafts"
    subprocess.run(
        [*drafter, "build", *map(str, sorted(answers.glob("*.yaml"))), "-o", str(drafts)],
        check=False,
        capture_output=True,
    )


def inputs_of(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.suffix in (".txt", ".docx") and not p.name.startswith("~")
    )


def check_all(folder: Path) -> dict[str, dict[str, object]]:
    from drafter.checks.command import run_check_command

    results: dict[str, dict[str, object]] = {}
    for path in inputs_of(folder / "inputs"):
        entry: dict[str, object] = {}
        for fmt in ("json", "text"):
            out = io.StringIO()
            code = run_check_command(path, fmt, out, show_all=True)
            text = out.getvalue().replace(str(path), path.name)
            entry[fmt] = json.loads(text)["findings"] if fmt == "json" else text
            entry["exit"] = code
        results[str(path.relative_to(folder / "inputs"))] = entry
    return results


def held_out() -> set[str]:
    """Stems of the held-out texts (the brief): odd positions of tests/fixtures/real, and
    tests/fixtures/corpus/heldout. Their changed places are counted, never printed."""
    real = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.txt"))
    stems = {p.stem for n, p in enumerate(real) if n % 2 == 1}
    stems |= {p.stem for p in (ROOT / "tests" / "fixtures" / "corpus" / "heldout").glob("*.txt")}
    return stems


def _places(findings: list[dict[str, object]]) -> set[tuple[object, ...]]:
    """Every place of every finding, whatever the JSON shape (grouped with ``places`` or not)."""
    out = set()
    for f in findings:
        listed = f.get("places") or [{"paragraph": f["paragraph"], "excerpt": f["excerpt"]}]
        for place in listed:  # type: ignore[attr-defined]
            out.add((f["rule"], f["severity"], place["paragraph"], place["excerpt"]))
    return out


def compare_places(expected: dict[str, object], results: dict[str, object]) -> None:
    """Places added and removed, per file and rule (excerpts for development files only)."""
    hidden = held_out()
    totals: dict[str, list[int]] = {}
    for name in sorted(set(expected) | set(results)):
        old = _places((expected.get(name) or {}).get("json", []))  # type: ignore[union-attr]
        new = _places((results.get(name) or {}).get("json", []))  # type: ignore[union-attr]
        if old == new:
            continue
        secret = any(stem in name for stem in hidden)
        print(f"{name}{'  (held out: counts only)' if secret else ''}")
        for sign, changed in (("-", old - new), ("+", new - old)):
            for rule, severity, paragraph, excerpt in sorted(changed, key=str):
                totals.setdefault(str(rule), [0, 0])[sign == "+"] += 1
                if not secret:
                    print(f"  {sign} {rule} {severity} {paragraph} {excerpt!r}")
            if secret and changed:
                print(f"  {sign} {len(changed)} places")
    for rule, (removed, added) in sorted(totals.items()):
        print(f"{rule:22} -{removed} +{added}")


def main() -> int:
    mode, folder = sys.argv[1], Path(sys.argv[2])
    golden = folder / "golden.json"
    if mode == "record":
        if not (folder / "inputs").exists():
            make_inputs(folder / "inputs")
        results = check_all(folder)
        golden.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        total = sum(len(e["json"]) for e in results.values())  # type: ignore[arg-type]
        print(f"recorded {len(results)} files, {total} findings")
        return 0
    expected = json.loads(golden.read_text(encoding="utf-8"))
    results = check_all(folder)
    if mode == "places":
        compare_places(expected, results)
        return 0
    differ = 0
    for name in sorted(set(expected) | set(results)):
        if expected.get(name) != results.get(name):
            differ += 1
            print(f"DIFFERS: {name}")
            old, new = expected.get(name) or {}, results.get(name) or {}
            for f in old.get("json", []):
                if f not in new.get("json", []):
                    print(f"  - {f}")
            for f in new.get("json", []):
                if f not in old.get("json", []):
                    print(f"  + {f}")
    total = sum(len(e["json"]) for e in results.values())
    print(f"{len(results)} files, {total} findings, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
