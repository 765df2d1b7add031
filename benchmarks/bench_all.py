"""All benchmarks in one table (issue 8). Prints figures; asserts nothing.

    python benchmarks/bench_all.py [--batch 1000] [--workers 2]

Rows: ``drafter --help`` cold start; first prompt of ``drafter new`` shown (in a pseudo-terminal;
"n/a" until the questionnaire has landed); the demo build in-process and as a process; the import
of each seed; the checks on a 30-page report (the generator of ``bench_checks.py``); and a batch
build of many answers files — a province's worth of townships made by varying the example — on
all requested cores, with reports per second and peak memory.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

# The sibling script: one way to time a process (run as `python benchmarks/bench_all.py`).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_spine import time_process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# The sibling script's helpers: one way to run and time a drafter process.
from bench_spine import _env  # noqa: E402

Row = tuple[str, str, str]


def _median_process(args: list[str], cwd: Path, runs: int = 5) -> float:
    return time_process(args, runs, cwd)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def bench_help(folder: Path) -> Row:
    t = _median_process([sys.executable, "-m", "drafter", "--help"], folder)
    return ("`drafter --help`, cold start (process)", _ms(t), "median of 5")


def bench_first_prompt(folder: Path) -> Row:
    """Time until ``drafter new`` shows its first question in a pseudo-terminal."""
    name = "first prompt of `drafter new` shown"
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", "drafter/questionnaire/__init__.py"],
        cwd=ROOT,
        capture_output=True,
    )
    if tracked.returncode != 0 or os.name != "posix":
        return (name, "n/a", "questionnaire not landed" if tracked.returncode else "POSIX only")
    import pty
    import select

    from drafter.questions import iter_questions

    label = next(iter(iter_questions())).label
    times = []
    for run in range(3):
        pid, fd = pty.fork()
        if pid == 0:  # child: the command in the pseudo-terminal
            os.chdir(folder)
            os.execvpe(
                sys.executable,
                [sys.executable, "-m", "drafter", "new", "-o", f"p{run}.yaml"],
                _env(),
            )
        start = time.perf_counter()
        seen = b""
        shown = None
        while time.perf_counter() - start < 15:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if label in seen.decode("utf-8", "ignore"):
                    shown = time.perf_counter() - start
                    break
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
        if shown is None:
            return (name, "n/a", f"“{label}” not shown within 15 s")
        times.append(shown)
    return (name, _ms(statistics.median(times)), f"pseudo-terminal, until “{label}”; median of 3")


def bench_demo(folder: Path) -> list[Row]:
    from drafter.build import build_report, example_path

    start = time.perf_counter()
    build_report(example_path(), folder / "first.docx", force=True)
    first = time.perf_counter() - start
    times = []
    for _ in range(5):
        start = time.perf_counter()
        build_report(example_path(), folder / "warm.docx", force=True)
        times.append(time.perf_counter() - start)
    process = _median_process(
        [sys.executable, "-m", "drafter", "demo", "-o", str(folder / "p.docx")], folder, runs=3
    )
    return [
        (
            "demo build, in-process (warm)",
            _ms(statistics.median(times)),
            "load+render+write+checks",
        ),
        ("demo build, in-process (first, incl. imports)", _ms(first), ""),
        ("demo build, as a process (`drafter demo`)", _ms(process), "median of 3"),
    ]


def bench_import() -> list[Row]:
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", "drafter/importer"], cwd=ROOT, capture_output=True
    )
    if tracked.returncode != 0:
        return [("import of each seed", "n/a", "importer not landed")]
    from drafter.importer import import_path

    rows = []
    for seed in sorted((ROOT / "seeds").glob("0*.txt")):
        import_path(seed)  # warm: imports, regex compilation
        times = []
        for _ in range(3):
            start = time.perf_counter()
            result = import_path(seed)
            times.append(time.perf_counter() - start)
        rows.append(
            (
                f"import {seed.name[:3]} ({seed.stat().st_size // 1024} KB)",
                _ms(statistics.median(times)),
                f"{len(result.figures)} figures ({len(result.placed)} also in keys), {len(result.parts)} parts",
            )
        )
    return rows


def bench_check_30_pages() -> Row:
    from bench_checks import CHARS_PER_PAGE, build_report

    from drafter.checks import run_checks
    from drafter.reader import blocks_from_text

    text = build_report()
    blocks = blocks_from_text(text)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        run_checks(blocks)
        times.append(time.perf_counter() - start)
    pages = len(text) / CHARS_PER_PAGE
    return (
        f"check of a {pages:.0f}-page report",
        _ms(min(times)),
        f"{len(blocks)} blocks, best of 5",
    )


# --------------------------------------------------------------------------- batch build

SURNAMES = "东西南北上下新老大小青红白黑金银石木水火山河湖溪沟坪坝岗岭桥"
UNIT_TYPES = ("乡", "镇", "街道", "苏木")
COUNTIES = ("尼玛县", "鲁山县", "安化县", "林周县", "西乡县", "城关区", "扎鲁特旗")


def township_answers(n: int, example: dict[str, Any]) -> dict[str, Any]:
    """The example answers varied like a different township: name, unit type, county, figures."""
    from drafter.questions import iter_questions
    from drafter.units import words_for

    rng = random.Random(n)
    data = copy.deepcopy(example)
    unit_type = rng.choice(UNIT_TYPES)
    name = "".join(rng.choice(SURNAMES) for _ in range(2)) + unit_type
    identity = data["identity"]
    identity.update(
        unit_name=name,
        unit_type=unit_type,
        county=rng.choice(COUNTIES),
        year=rng.choice((2023, 2024, 2025)),
        signers=[name + words_for(unit_type).government_suffix],
    )
    identity.pop("addressee", None)
    identity.pop("date", None)
    # Replace the figures: wholes at least their parts, some left unanswered.
    for q in iter_questions():
        if q.kind != "figure":
            continue
        section, field = q.key.split(".")
        if rng.random() < 0.3:
            data.setdefault(section, {})[field] = None
        else:
            data.setdefault(section, {})[field] = rng.randint(1, 400)
    for q in iter_questions():
        if q.kind == "figure" and q.part_of:
            section, field = q.key.split(".")
            whole_section, whole_field = q.part_of.split(".")
            whole = data.get(whole_section, {}).get(whole_field)
            part = data[section].get(field)
            if whole is not None and part is not None:
                data[section][field] = min(part, whole)
            elif part is not None:
                data[whole_section][whole_field] = part + rng.randint(0, 20)
    # Figures the cross-field rules refuse (lost > cases …) are left unanswered, as a clerk would.
    from drafter.model import cross_check, validate_answers

    for _ in range(5):
        problems = cross_check(validate_answers(data, source="答卷"))
        if not problems:
            break
        for key, _message in problems:
            section, field = key.split(".")
            data[section][field] = None
    # Text varies too: the measures in a different order.
    for values in data.values():
        if isinstance(values, dict) and isinstance(values.get("measures"), list):
            rng.shuffle(values["measures"])
    return data


def _build_chunk(paths: list[str], out: str) -> tuple[int, list[str], int]:
    """Worker: build each answers file; (reports built, errors, peak RSS in KB)."""
    from drafter.build import build_report
    from drafter.errors import DrafterError

    built = 0
    errors = []
    for path in paths:
        try:
            build_report(Path(path), Path(out) / (Path(path).stem + ".docx"), force=True)
            built += 1
        except DrafterError as exc:
            errors.append(f"{Path(path).name}: {exc}")
    return built, errors, _peak_kb()


def _peak_kb() -> int:
    # VmHWM is this process's own high-water mark; ru_maxrss on Linux also counts the parent's
    # memory at fork time.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    try:
        import resource
    except ImportError:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bench_batch(folder: Path, count: int, workers: int) -> list[Row]:
    from drafter.answers import dump_answers, read_answers_file
    from drafter.build import example_path

    example = read_answers_file(example_path()).data
    answers_dir = folder / "answers"
    out_dir = folder / "reports"
    answers_dir.mkdir()
    out_dir.mkdir()
    paths = []
    for n in range(count):
        path = answers_dir / f"{n:04d}.yaml"
        path.write_text(dump_answers(township_answers(n, example)), encoding="utf-8")
        paths.append(str(path))
    chunks = [paths[i :: workers * 8] for i in range(workers * 8)]
    start = time.perf_counter()
    built = 0
    errors: list[str] = []
    peaks = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, errs, peak in pool.map(_build_chunk, chunks, [str(out_dir)] * len(chunks)):
            built += done
            errors += errs
            peaks.append(peak)
    elapsed = time.perf_counter() - start
    for line in errors[:5]:
        print(f"  batch build error: {line}", file=sys.stderr)
    peak_mb = max(peaks) / (1024 * 1024 if sys.platform == "darwin" else 1024) if peaks else 0
    return [
        (
            f"batch build of {count} answers files ({workers} processes)",
            f"{elapsed:.1f} s",
            f"{built / elapsed:.1f} reports/s; {built} built, {len(errors)} refused",
        ),
        ("batch build, peak memory per worker process", f"{peak_mb:.0f} MB", "max RSS"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000, help="answers files in the batch")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows.append(bench_help(folder))
        rows.append(bench_first_prompt(folder))
        rows += bench_demo(folder)
        rows += bench_import()
        rows.append(bench_check_30_pages())
        rows += bench_batch(folder, args.batch, args.workers)
    width = max(len(r[0]) for r in rows)
    print(f"| {'what':<{width}} | time | notes |")
    print(f"|{'-' * (width + 2)}|------|-------|")
    for what, value, notes in rows:
        print(f"| {what:<{width}} | {value} | {notes} |")


if __name__ == "__main__":
    main()
