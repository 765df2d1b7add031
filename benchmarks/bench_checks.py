"""Benchmark: checks on a ~30-page report (issue 15: first run <= 12 ms). Prints figures; not a test.

Run: ``python benchmarks/bench_checks.py``. The report is built from the seeds' parts, varied so
that sentences do not all collapse into duplicates (which would make the check cheaper).

``python benchmarks/bench_checks.py --per-rule [--runs N] [FILE]``: each rule's time on its first
run, the only run a ``drafter check`` has, measured in N fresh processes (medians): the report
FILE (.docx or text; the built report when not given) is read, then ``Context.build`` and each
rule are timed once.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.checks import run_checks  # noqa: E402
from drafter.reader import blocks_from_text  # noqa: E402

CHARS_PER_PAGE = 22 * 28  # GB/T 9704: 22 lines of 28 characters
PAGES = 30


def build_report(pages: int = PAGES) -> str:
    """A long report: the title and opening of seed 000, then body paragraphs of all seeds."""
    seeds = sorted((ROOT / "seeds").glob("0*.txt"))
    bodies: list[str] = []
    for seed in seeds:
        lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
        bodies += [line for line in lines[3:] if len(line) > 40]
    head = seeds[0].read_text(encoding="utf-8").splitlines()[:4]
    out = list(head)
    total = 0
    n = 0
    part = 0
    while total < pages * CHARS_PER_PAGE:
        if n % 12 == 0:
            part += 1
            out.append(f"{'一二三四五六七八九十'[(part - 1) % 10]}、第{part}部分工作情况")
        body = bodies[n % len(bodies)]
        # Vary each copy so the duplicate check sees mostly distinct sentences.
        varied = body.replace("。", f"（第{n}项）。", 2)
        out.append(varied)
        total += len(varied)
        n += 1
    return "\n".join(out) + "\n"


def main() -> None:
    text = build_report()
    start = time.perf_counter()
    blocks = blocks_from_text(text)
    read_time = time.perf_counter() - start
    timings = []
    findings = []
    for _ in range(5):
        start = time.perf_counter()
        findings = run_checks(blocks)
        timings.append(time.perf_counter() - start)
    print(
        f"report: {len(text)} characters ≈ {len(text) / CHARS_PER_PAGE:.0f} pages, {len(blocks)} blocks"
    )
    print(f"reading text into blocks: {read_time * 1000:.1f} ms")
    print(
        f"run_checks: first {timings[0] * 1000:.1f} ms, best {min(timings) * 1000:.1f} ms, "
        f"median {statistics.median(timings) * 1000:.1f} ms, {len(findings)} findings"
    )
    # A peer measured in this run, so the figure does not depend on the machine: one regex
    # pass over the whole report, finding every run of Chinese characters. The checks run
    # ~30 families of rules; issue 15 asks for the first run of a 30-page report in <= 12 ms.
    scan = re.compile(r"[\u4e00-\u9fff]+")
    peer = min(_timed(lambda: len(scan.findall(text))) for _ in range(7))
    print(
        f"peer (one regex pass over the text): {peer * 1000:.2f} ms; run_checks = "
        f"{timings[0] / peer:.0f}x the peer on its first run, {min(timings) / peer:.0f}x at best"
    )


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _first_run(path: str) -> None:
    """In a fresh process: the first run of each rule on one report, as JSON on stdout."""
    import gc
    import json

    from drafter.checks import RULES, Context
    from drafter.reader import read_blocks

    blocks = read_blocks(Path(path)) if path else blocks_from_text(build_report())
    gc.disable()  # as `drafter check` runs
    times: dict[str, float] = {}
    start = time.perf_counter()
    context = Context.build(list(blocks), unit_type=None, year=None)
    times["Context.build"] = time.perf_counter() - start
    for rule_id, rule in RULES.items():
        start = time.perf_counter()
        for _ in rule(context):
            pass
        times[rule_id] = time.perf_counter() - start
    print(json.dumps(times))


def per_rule(path: str, runs: int) -> None:
    """Median first-run time of each rule over ``runs`` fresh processes."""
    import json
    import os
    import subprocess

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiling every import from source is not a run
    command = [sys.executable, str(Path(__file__).resolve()), "--first-run", path]
    samples = [
        json.loads(
            subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
        )
        for _ in range(runs)
    ]
    medians = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    total = sum(medians.values())
    print(f"first run of each rule, median of {runs} fresh processes ({path or 'built report'}):")
    for key, value in sorted(medians.items(), key=lambda item: -item[1]):
        if value >= 0.00005:
            print(f"  {key:22s} {value * 1000:6.2f} ms")
    print(f"  {'total':22s} {total * 1000:6.2f} ms")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--first-run"]:
        _first_run(arguments[1] if len(arguments) > 1 else "")
    elif arguments[:1] == ["--per-rule"]:
        rest = arguments[1:]
        runs = 9
        if rest[:1] == ["--runs"]:
            runs, rest = int(rest[1]), rest[2:]
        per_rule(rest[0] if rest else "", runs)
    else:
        main()
