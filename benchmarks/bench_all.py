"""All speed goals in one run, each as a ratio to a peer timed in the same run (issue 15).

    python benchmarks/bench_all.py [--runs 7] [--batch 200] [--jobs N] [--venv PATH]

Measures the INSTALLED package: a fresh venv gets ``pip install .`` of this repository (or
``--venv`` names one that has it), and every command runs as a process of that venv; this
script never imports drafter. The machine may be busy (other jobs, two cores), so each row
alternates drafter and its peer run by run and takes medians: the ratio is what is compared
with the goal, not the lone times.

Rows and goals (floor in brackets where the goal has one):

* build of the bundled example, whole process, checks included, vs pandoc writing the same text
  with the report as reference document: ≤ 1.0 (≤ 1.2); also vs bare python-docx writing the
  same paragraphs with no styles and no checks (for scale);
* ``drafter --help`` vs ``python -c pass``: ≤ 3;
* first prompt of ``drafter new`` shown (pseudo-terminal, POSIX): ≤ 0.25 s;
* ``drafter check`` of a 30-page .docx vs pandoc reading the same file into Markdown: ≤ 0.5;
* ``drafter build`` of BATCH answers files into a folder on all cores: ≥ 100 reports/s on two
  cores, ≤ 100 MB peak memory per worker.
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------- the venv


def _bin(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


def make_venv(folder: Path) -> Path:
    """A venv with this repository installed as a user installs it (not editable)."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    pip = [str(_bin(folder, "python")), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    done = subprocess.run([*pip, str(ROOT)], capture_output=True, text=True)
    if done.returncode != 0:
        # No package index reachable: the dependencies from this interpreter, drafter itself
        # still installed (not editable) into the venv.
        print("pip install . failed; using this interpreter's packages for the dependencies")
        shutil.rmtree(folder)
        subprocess.run(
            [sys.executable, "-m", "venv", "--system-site-packages", str(folder)], check=True
        )
        subprocess.run([*pip, "--no-deps", str(ROOT)], check=True)
    return folder


def installed_from(python: Path) -> Path:
    code = "import drafter, pathlib; print(pathlib.Path(drafter.__file__).resolve().parent)"
    out = subprocess.run(
        [str(python), "-I", "-c", code], capture_output=True, text=True, check=True
    )
    where = Path(out.stdout.strip())
    if ROOT in where.parents or where == ROOT / "drafter":
        raise SystemExit(f"the benchmark venv imports drafter from the repository ({where})")
    return where


# --------------------------------------------------------------------------- timing


def _env(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONIOENCODING="utf-8", DRAFTER_CACHE_DIR=str(cache))
    return env


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, capture_output=True, check=False)
    return time.perf_counter() - start


def alternate(
    commands: dict[str, Callable[[int], list[str]]], runs: int, cwd: Path, env: dict[str, str]
) -> dict[str, float]:
    """Median seconds of each command, run in turn (A B C A B C …) after one untimed warm-up."""
    for make in commands.values():
        timed(make(-1), cwd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for n in range(runs):
        for name, make in commands.items():
            times[name].append(timed(make(n), cwd, env))
    return {name: statistics.median(values) for name, values in times.items()}


def first_prompt(drafter: Path, cwd: Path, env: dict[str, str], label: str) -> float | None:
    """Seconds until ``drafter new`` shows its first question in a pseudo-terminal (median)."""
    if os.name != "posix":
        return None
    import pty
    import select

    times = []
    for run in range(5):
        target = cwd / f"prompt{run}.yaml"
        target.unlink(missing_ok=True)
        pid, fd = pty.fork()
        if pid == 0:  # the child: the command in the pseudo-terminal
            os.chdir(cwd)
            os.execve(str(drafter), [str(drafter), "new", "-o", target.name], env)
        start = time.perf_counter()
        seen = b""
        shown = None
        while time.perf_counter() - start < 15:
            ready, _, _ = select.select([fd], [], [], 0.01)
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
        if shown is not None:
            times.append(shown)
    return statistics.median(times) if times else None


def _children(pid: int) -> list[int]:
    """The process's children: from /proc/PID/task/PID/children where the kernel offers it
    (cheap), else by scanning every process's parent."""
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in listing.read_text().split()]
    except (OSError, ValueError):
        pass
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_of_children() -> float:
    """CPU seconds of this process's finished children (and theirs: the batch's workers)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch(
    drafter: Path, answers: Path, out: Path, jobs: int, cwd: Path, env: dict[str, str]
) -> tuple[float, int, float | None, float]:
    """(seconds, reports written, peak MB of the largest worker, CPU seconds) of one batch."""
    cpu_before = _cpu_of_children()
    shutil.rmtree(out, ignore_errors=True)
    args = [str(drafter), "build", str(answers), "-o", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peaks: dict[int, int] = {}
    linux = Path("/proc/self/status").exists()
    while process.poll() is None:
        if linux:
            for child in _children(process.pid):
                peaks[child] = max(peaks.get(child, 0), _peak_kb(child))
        time.sleep(0.05)  # sampling costs the batch a little CPU: not too often
    elapsed = time.perf_counter() - start
    cpu = _cpu_of_children() - cpu_before
    written = len(list(out.glob("*.docx")))
    return elapsed, written, (max(peaks.values()) / 1024 if peaks else None), cpu


# --------------------------------------------------------------------------- the table


Row = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Setup:
    """What every row runs with: the installed commands, the inputs, where to work."""

    drafter: Path
    python: Path
    pandoc: str | None
    inputs: Path
    out: Path
    work: Path
    env: dict[str, str]
    runs: int


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "NO")


def compared(
    what: str,
    times: dict[str, float],
    peer: str,
    shown_as: str,
    goal: str,
    met: Callable[[float], str],
) -> Row:
    """A row of drafter's time against a peer's: the ratio, and whether it meets the goal
    (``n/a`` when the peer is not installed on this machine)."""
    ours = times["drafter"]
    if peer not in times:
        return (what, _ms(ours), f"{peer} not installed", "n/a", goal, "n/a")
    ratio = ours / times[peer]
    return (what, _ms(ours), f"{shown_as} {_ms(times[peer])}", f"{ratio:.2f}", goal, met(ratio))


def build_rows(s: Setup) -> list[Row]:
    """The bundled example built by drafter, by pandoc (the report as reference document) and by
    bare python-docx."""
    commands: dict[str, Callable[[int], list[str]]] = {
        "drafter": lambda n: [
            str(s.drafter),
            "build",
            str(s.inputs / "example.yaml"),
            "-o",
            str(s.out / "d.docx"),
            "--force",
        ],
        "python-docx": lambda n: [
            str(s.python),
            str(s.inputs / "baseline.py"),
            str(s.out / "x.docx"),
        ],
    }
    if s.pandoc:
        reference = s.out / "reference.docx"
        build = [str(s.drafter), "build", str(s.inputs / "example.yaml"), "-o", str(reference)]
        subprocess.run(build, env=s.env, check=False, capture_output=True)
        commands["pandoc"] = lambda n: [
            s.pandoc,
            str(s.inputs / "report.md"),
            "-o",
            str(s.out / "p.docx"),
            "--reference-doc",
            str(reference),
        ]
    t = alternate(commands, s.runs, s.work, s.env)
    return [
        compared(
            "build the example (process, checks included)",
            t,
            "pandoc",
            "pandoc",
            "≤ 1.0 (floor 1.2)",
            lambda r: _met(r <= 1.2) + ("" if r <= 1.0 else " (floor only)"),
        ),
        compared(
            "build the example vs bare python-docx",
            t,
            "python-docx",
            "python-docx",
            "for scale",
            lambda r: "",
        ),
    ]


def help_row(s: Setup) -> Row:
    """``drafter --help`` against a bare interpreter."""
    t = alternate(
        {
            "drafter": lambda n: [str(s.drafter), "--help"],
            "pass": lambda n: [str(s.python), "-c", "pass"],
        },
        s.runs * 2,
        s.work,
        s.env,
    )
    return compared(
        "`drafter --help`", t, "pass", "`python -c pass`", "≤ 3", lambda r: _met(r <= 3)
    )


def prompt_row(s: Setup) -> Row:
    """The first prompt of the questionnaire, shown in a pseudo-terminal."""
    label = subprocess.run(
        [
            str(s.python),
            "-I",
            "-c",
            "from drafter.questions import iter_questions; print(next(iter(iter_questions())).label)",
        ],
        capture_output=True,
        text=True,
        env=s.env,
        check=True,
    ).stdout.strip()
    shown = first_prompt(s.drafter, s.work, s.env, label)
    return (
        "first prompt of `drafter new` shown",
        _ms(shown) if shown else "n/a",
        "(pseudo-terminal)",
        "",
        "≤ 250 ms",
        _met(None if shown is None else shown <= 0.25),
    )


def check_row(s: Setup) -> Row:
    """``drafter check`` of a 30-page report against pandoc reading it into Markdown."""
    r30 = s.inputs / "r30.docx"
    commands: dict[str, Callable[[int], list[str]]] = {
        "drafter": lambda n: [str(s.drafter), "check", str(r30)]
    }
    if s.pandoc:
        commands["pandoc"] = lambda n: [
            s.pandoc,
            str(r30),
            "-t",
            "markdown",
            "-o",
            str(s.out / "r30.md"),
        ]
    t = alternate(commands, s.runs, s.work, s.env)
    return compared(
        "`drafter check` of a 30-page .docx",
        t,
        "pandoc",
        "pandoc → Markdown",
        "≤ 0.5",
        lambda r: _met(r <= 0.5),
    )


def batch_rows(s: Setup, size: int, jobs: int) -> list[Row]:
    """A batch build on all cores: reports a second, and the largest worker's peak memory."""
    results = [
        batch(s.drafter, s.inputs / "answers", s.out / "batch", jobs, s.work, s.env)
        for _ in range(2)
    ]
    elapsed, written, peak, cpu = min(results)
    rate = written / elapsed
    goal = 100 * jobs / 2
    # On a shared machine the batch may get less than its cores: the CPU time per report
    # says what the cores would do if they were free.
    idle = jobs * written / cpu if cpu else None
    note = f"; CPU {cpu / written * 1000:.0f} ms/report" if cpu else ""
    met = _met(rate >= goal)
    if rate < goal and idle is not None:
        met += f" ({idle:.0f}/s on {jobs} idle cores: {_met(idle >= goal)})"
    return [
        (
            f"`drafter build` of {size} answers files, {jobs} processes",
            f"{elapsed:.2f} s",
            f"{written} reports{note}",
            f"{rate:.0f}/s",
            f"≥ {goal:.0f}/s",
            met,
        ),
        (
            "peak memory of one batch worker",
            f"{peak:.0f} MB" if peak else "n/a",
            "(VmHWM)",
            "",
            "≤ 100 MB",
            _met(None if peak is None else peak <= 100),
        ),
    ]


def print_table(rows: list[Row]) -> None:
    headers = ("what", "drafter", "peer", "ratio", "goal", "met")
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(6)]
    print("| " + " | ".join(h.ljust(widths[i]) for i, h in enumerate(headers)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (medians)")
    parser.add_argument("--batch", type=int, default=200, help="answers files in the batch row")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--venv", type=Path, help="a venv that has drafter installed (reused)")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        work = Path(tmp)
        venv = args.venv or make_venv(work / "venv")
        python, drafter = _bin(venv, "python"), _bin(venv, "drafter")
        print(f"drafter installed at {installed_from(python)}; {os.cpu_count()} cores")
        env = _env(work / "cache")
        inputs = work / "inputs"
        subprocess.run(
            [
                str(python),
                "-I",
                str(HERE / "bench_inputs.py"),
                str(ROOT / "seeds"),
                str(inputs),
                str(args.batch),
            ],
            check=True,
            env=env,
        )
        out = work / "out"
        out.mkdir()
        setup = Setup(drafter, python, pandoc, inputs, out, work, env, args.runs)
        rows = build_rows(setup)
        rows.append(help_row(setup))
        rows.append(prompt_row(setup))
        rows.append(check_row(setup))
        rows += batch_rows(setup, args.batch, args.jobs)
    print_table(rows)


if __name__ == "__main__":
    main()
