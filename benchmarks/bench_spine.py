"""Spine benchmark: start-up, demo build and memory. Prints figures; asserts nothing.

    python benchmarks/bench_spine.py [--runs N]

Targets (issue 3): ``drafter --help`` under 0.3 s, in-process build under 0.3 s, peak memory
under 100 MB. When pandoc is installed, the same report is also converted by pandoc with a
reference .docx, for scale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}


def time_process(args: list[str], runs: int, cwd: Path) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, cwd=cwd, env=_env(), check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(args: list[str], cwd: Path) -> float | None:
    """Peak resident memory of ``drafter ARGS`` run in a fresh process (Linux: VmHWM).

    ru_maxrss is not used: on Linux it also counts the parent's memory at fork time.
    """
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        "main(sys.argv[1:])\n"
        "status = open('/proc/self/status').read()\n"
        "print([l.split()[1] for l in status.splitlines() if l.startswith('VmHWM:')][0])\n"
    )
    if not Path("/proc/self/status").exists():
        return None
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def build_in_process(runs: int, folder: Path) -> tuple[float, float]:
    """(median seconds for load+render+write, seconds for the first build incl. imports)."""
    sys.path.insert(0, str(ROOT))
    start = time.perf_counter()
    from drafter.build import build_report, example_path

    build_report(example_path(), folder / "warm.docx", force=True)
    first = time.perf_counter() - start
    times = []
    for n in range(runs):
        start = time.perf_counter()
        build_report(example_path(), folder / f"b{n}.docx", force=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), first


def pandoc_time(folder: Path, runs: int) -> float | None:
    """The same report's text through pandoc with our .docx as reference document."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return None
    from drafter.build import build_report, example_path

    result = build_report(example_path(), folder / "ref.docx", force=True)
    markdown = folder / "report.md"
    lines = []
    for block in result.blocks:
        if block.kind == "heading":
            lines.append("#" * block.level + " " + block.number + block.text)
            if block.body:
                lines.append(block.body)
        else:
            lines.append(block.full_text)
        lines.append("")
    markdown.write_text("\n".join(lines), encoding="utf-8")
    args = [
        pandoc,
        str(markdown),
        "-o",
        str(folder / "pandoc.docx"),
        "--reference-doc",
        str(result.docx),
    ]
    return time_process(args, runs, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        drafter = [sys.executable, "-m", "drafter"]
        rows: list[tuple[str, str, str]] = []
        help_s = time_process([*drafter, "--help"], runs, folder)
        rows.append(("drafter --help (cold process)", f"{help_s:.3f} s", "< 0.3 s"))
        build_s, first_s = build_in_process(runs, folder)
        rows.append(
            ("demo build in-process (load, render, write, check)", f"{build_s:.3f} s", "< 0.3 s")
        )
        rows.append(("first build in-process incl. imports", f"{first_s:.3f} s", ""))
        demo_s = time_process([*drafter, "demo", "-o", "demo.docx"], runs, folder)
        rows.append(("drafter demo (whole process)", f"{demo_s:.3f} s", ""))
        rss = peak_rss_mb(["demo", "-o", "demo.docx"], folder)
        rows.append(("peak memory of drafter demo", f"{rss:.0f} MB" if rss else "n/a", "< 100 MB"))
        pandoc_s = pandoc_time(folder, runs)
        if pandoc_s is not None:
            rows.append(("same report through pandoc (process)", f"{pandoc_s:.3f} s", ""))
            rows.append(("drafter demo / pandoc", f"{demo_s / pandoc_s:.2f}×", ""))
        else:
            rows.append(("pandoc", "not installed", ""))
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>12}  {target}")


if __name__ == "__main__":
    main()
