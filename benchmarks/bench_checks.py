"""Benchmark: checks on a ~30-page report (issue 15: first run <= 12 ms). Prints figures; not a test.

Run: ``python benchmarks/bench_checks.py``. The report is built from the seeds' parts, varied so
that sentences do not all collapse into duplicates (which would make the check cheaper).
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


if __name__ == "__main__":
    main()
