"""``drafter build A.yaml B.yaml … -o DIR``: many answers files, one report each, on all cores.

A county office builds every township's report in one go. Each answers file is built in a worker
process (``--jobs``, the CPU count by default) exactly as ``drafter build`` builds one, and a file
that cannot be built is reported without stopping the others. Workers write their reports under
temporary names; this process alone gives them their final names, in the order the files were
given, so two reports never get the same name however the work interleaves: a name already
taken gets ``(2)``, ``(3)``…; with ``--force`` a report replaces a file that was there before the
batch, never one this batch wrote.

Exit code (docs/contracts.md): 0 every report built with nothing to report; 1 every usable file built
and some report has errors or warnings, **or some file could not be built while others were**
(the table says which; the reports that could be built are written), or a PDF asked for with
``--pdf`` could not be made (its .docx is kept); 2 no file could be built
(or none was found); 3 a file hit an internal error (a bug: the table says where its details
were saved).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import os
import sys
import time
import traceback
import uuid
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from drafter.answers.file import ANSWERS_SUFFIXES
from drafter.answers.load import load_answers
from drafter.answers.model import answers_validator
from drafter.build import (
    build_from_answers,
    check_draft,
    convert_pdf,
    default_output,
    example_path,
    file_warnings,
)
from drafter.docx.writer import _base
from drafter.errors import (
    BUG_MESSAGE,
    EXIT_BUG,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNUSABLE,
    DrafterError,
)
from drafter.io import console
from drafter.io.errorlog import write_error_log
from drafter.io.inputs import os_reason
from drafter.io.outputs import check_replace, place_new
from drafter.io.streams import stop_signals_deferred, unblock_stop_signals
from drafter.render.engine import OUTLINE_NAMES, make_environment, render_blocks
from drafter.spelling import lexicon

TEMP_PREFIX = ".drafter-batch-"


@dataclass(frozen=True)
class Options:
    """What every build of the batch shares (the command's options)."""

    folder: Path
    outline: str | None = None
    templates: Path | None = None
    pdf: bool = False
    force: bool = False


@dataclass(frozen=True)
class Job:
    index: int
    source: Path
    run: str
    """This batch's id: its temporary files are ``TEMP_PREFIX<run>-<index>.docx``."""
    options: Options

    @property
    def temp(self) -> Path:
        """Where the worker writes the report before it is given its name."""
        return self.options.folder / f"{TEMP_PREFIX}{self.run}-{self.index}.docx"


@dataclass
class Outcome:
    """One answers file's build, as the worker reports it and this process completes it."""

    index: int
    source: Path
    target: Path | None = None
    """The name the report should get (``<单位><年>年度法治政府建设情况报告.docx``)."""
    temp: Path | None = None
    temp_pdf: Path | None = None
    report: Path | None = None
    """The report's final path, once named."""
    pdf: Path | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    notes: list[str] = field(default_factory=list)
    problem: str | None = None
    """Why no report was written (Chinese), None when it was."""
    pdf_problem: str | None = None
    """Why the PDF asked for was not made (Chinese); the report itself was."""
    bug: bool = False


# --------------------------------------------------------------------------- inputs


def answers_files(paths: Sequence[Path]) -> list[Path]:
    """The answers files named, a folder standing for the .yaml/.yml files directly in it.

    Order is kept (a folder's files by name); a file named twice is built once. A path that does
    not exist is kept: its build reports it, like any other file that cannot be read.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            try:
                inside = sorted(p for p in path.iterdir() if p.suffix.lower() in ANSWERS_SUFFIXES)
            except OSError as exc:
                raise DrafterError(f"无法读取文件夹（{os_reason(exc)}）", path=path) from None
            # Anything but a folder is kept: a FIFO or a device named .yaml is reported, not skipped.
            candidates = [p for p in inside if not p.is_dir() and not p.name.startswith(".")]
        else:
            candidates = [path]
        for candidate in candidates:
            key = _key(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def output_folder(out: Path | None) -> Path:
    """``-o`` of a batch: a folder (made when missing); the default is ``output`` here."""
    folder = Path(out) if out is not None else Path.cwd() / "output"
    if folder.suffix.lower() == ".docx" or (folder.exists() and not folder.is_dir()):
        raise DrafterError(
            "生成多份报告时，-o 应是一个文件夹，不是一个文件",
            path=folder,
            hint="例如：drafter build 答卷文件夹 -o 报告文件夹",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(
            f"无法创建输出文件夹（{os_reason(exc)}）",
            path=folder,
            hint="用 -o 指定一个可以写入的文件夹。",
        ) from None
    return folder


# --------------------------------------------------------------------------- one build


def build_one(job: Job) -> Outcome:
    """Build one answers file into a temporary file of the output folder (in a worker)."""

    outcome = Outcome(job.index, job.source)
    options = job.options
    temp = job.temp
    try:
        answers, loaded = load_answers(job.source)
        outcome.target = default_output(answers, options.folder)
        result = build_from_answers(
            answers,
            temp,
            outline=options.outline,
            templates=options.templates,
            force=True,  # the temporary name is ours; the final name is claimed later
            inputs=[job.source],
        )
        if options.pdf:
            convert_pdf(result, inputs=[job.source])
            outcome.pdf_problem = result.pdf_problem
    except DrafterError as exc:
        outcome.problem = str(exc)
        _remove_temps(temp)
        return outcome
    except Exception:
        details = traceback.format_exc()
        log = write_error_log(f"{job.source}\n{details}")
        where = f"详细信息已写入 {log}" if log else "详细信息：" + details
        outcome.problem = BUG_MESSAGE + where
        outcome.bug = True
        _remove_temps(temp)
        return outcome
    outcome.temp, outcome.temp_pdf = result.docx, result.pdf
    severities = [a.finding.severity for a in result.answer_findings]
    severities += [f.severity for f in result.findings]
    outcome.errors = severities.count("error")
    outcome.warnings = severities.count("warning")
    outcome.infos = severities.count("info")
    outcome.notes = file_warnings(loaded) + result.warnings
    return outcome


def _remove_temps(temp: Path) -> None:
    for path in (temp, temp.with_suffix(".pdf")):
        with contextlib.suppress(OSError):
            path.unlink()


def _warm_up(options: Options) -> None:
    """Load what every build needs once, before the workers start: forked workers share it."""

    for module in (
        "drafter.build",
        "drafter.checks",
        "drafter.checks.answers",
        "drafter.answers.fast",
    ):
        importlib.import_module(module)

    _base()
    lexicon()  # the typo model's tables, read once for all workers
    answers_validator()  # the answers model's classes and validator, made once for every worker

    try:
        env = make_environment(options.templates)
        for name in OUTLINE_NAMES:
            env.get_template(f"outlines/{name}.j2")
    except Exception:  # a county template folder with an error: each build reports it
        pass
    try:
        # The bundled example rendered and checked here, not written: what the checks make on
        # first use (patterns compiled when first needed, the spelling model's readings of the
        # templates' sentences, rows of its tables) is then made once for all workers.
        example, _ = load_answers(example_path())
        blocks = render_blocks(example, options.outline, templates=options.templates)
        check_draft(example, blocks)
    except Exception:  # the same error reaches each build, which reports it
        pass
    # What was loaded lives until the end: out of the cycle collector's walks from now on (in
    # every worker), and its memory pages stay shared with the forked workers.
    gc.freeze()


# --------------------------------------------------------------------------- naming


class Namer:
    """Gives finished reports their final names, one at a time (see the module docstring)."""

    def __init__(self, force: bool, inputs: Sequence[Path]) -> None:
        self.force = force
        self.inputs = list(inputs)
        self.written: set[str] = set()

    def name(self, outcome: Outcome) -> None:
        if outcome.temp is None or outcome.target is None:
            return

        target = outcome.target
        companions = (".pdf",) if outcome.temp_pdf is not None else ()
        try:
            if self.force and _key(target) not in self.written:
                check_replace(target, inputs=self.inputs, companions=companions)
                os.replace(outcome.temp, target)
                final = target
            else:
                final = place_new(outcome.temp, target, companions=companions)
            if outcome.temp_pdf is not None:
                self._name_pdf(outcome, final)
        except (DrafterError, OSError) as exc:
            if isinstance(exc, OSError):
                exc = DrafterError(f"无法写入报告（{os_reason(exc)}）", path=target)
            outcome.problem = str(exc)
            _remove_temps(outcome.temp)
            return
        except BaseException:
            _remove_temps(outcome.temp)
            raise
        with contextlib.suppress(OSError):
            outcome.temp.unlink()  # place_new may leave it as a second link
        outcome.report = final
        self.written.add(_key(final))

    def _name_pdf(self, outcome: Outcome, final: Path) -> None:
        """The PDF beside its report, claimed like the report: a PDF that appeared under that
        name meanwhile is never replaced (the report stays; the table says why no PDF)."""

        assert outcome.temp_pdf is not None
        pdf = final.with_suffix(".pdf")
        try:
            if self.force and _key(final) not in self.written:
                os.replace(outcome.temp_pdf, pdf)  # check_replace covered the companion
            else:
                place_new(outcome.temp_pdf, pdf, rename=False)
            outcome.pdf = pdf
        except (DrafterError, OSError) as exc:
            reason = exc.message if isinstance(exc, DrafterError) else os_reason(exc)
            outcome.pdf_problem = f"PDF 没有生成（Word 报告照常生成）：{reason}"
        finally:
            with contextlib.suppress(OSError):
                outcome.temp_pdf.unlink()


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


# --------------------------------------------------------------------------- progress


class Progress:
    """A plain-text progress bar: redrawn in place on a terminal, a line every tenth in a pipe.

    ASCII only for the bar itself, so a Windows console with any code page draws it.
    """

    WIDTH = 24

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        try:
            self.live = stream.isatty()
        except (AttributeError, ValueError, OSError):
            self.live = False
        self.last_draw = 0.0
        self.last_tenth = 0

    def advance(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.live:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or self.done == self.total:
                self.last_draw = now
                self._write("\r" + self._line(), end="")
            return
        tenth = self.done * 10 // self.total
        if tenth > self.last_tenth or self.done == self.total:
            self.last_tenth = tenth
            self._write(self._line())

    def finish(self) -> None:
        if self.live and self.total:
            self._write("")

    def _line(self) -> str:
        filled = self.done * self.WIDTH // self.total if self.total else self.WIDTH
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        failed = f"，未生成 {self.failed}" if self.failed else ""
        return f"生成报告 [{bar}] {self.done}/{self.total}{failed}"

    def _write(self, text: str, end: str = "\n") -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(text + end)
            self.stream.flush()


# --------------------------------------------------------------------------- running


def run_jobs(jobs: Sequence[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes as the builds finish: in this process for one worker, else in a process pool."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield build_one(job)
        return

    # On Linux, fork lets the workers share the warmed-up modules (Python 3.14 no longer
    # defaults to it); elsewhere the platform's default (spawn: each worker imports anew).
    linux = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if linux else None)

    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=unblock_stop_signals
    )
    with pool:
        try:
            # The workers are forked while submitting: a Ctrl-C then waits until they are.
            with stop_signals_deferred():
                futures = {pool.submit(build_one, job): job for job in jobs}
            for future in as_completed(futures):
                job = futures[future]
                try:
                    yield future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    outcome = Outcome(job.index, job.source, bug=True)
                    outcome.problem = f"生成这份报告的进程意外退出（{type(exc).__name__}）"
                    _remove_temps(job.temp)
                    yield outcome
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def build_batch(
    paths: Sequence[Path],
    options: Options,
    *,
    jobs: int | None = None,
    progress: TextIO | None = None,
) -> list[Outcome]:
    """Build every answers file of ``paths``; outcomes in the order the files were given."""
    files = answers_files(paths)
    if not files:
        raise DrafterError(
            "没有找到答卷文件（.yaml）",
            hint="给出答卷文件，或存放答卷的文件夹：drafter build 答卷文件夹 -o 报告文件夹",
        )
    run = uuid.uuid4().hex[:8]
    batch = [Job(i, path, run, options) for i, path in enumerate(files)]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(batch)))
    _warm_up(options)
    bar = Progress(len(batch), progress if progress is not None else sys.stderr)
    namer = Namer(options.force, files)
    finished: dict[int, Outcome] = {}
    next_to_name = 0
    try:
        for outcome in run_jobs(batch, workers):
            finished[outcome.index] = outcome
            # Named in the order given, whatever order they finish in: the same files always
            # get the same names.
            while next_to_name in finished:
                namer.name(finished[next_to_name])
                next_to_name += 1
            bar.advance(outcome.problem is not None)
    finally:
        bar.finish()
        for leftover in options.folder.glob(f"{TEMP_PREFIX}{run}-*"):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return [finished[i] for i in range(len(batch))]


# --------------------------------------------------------------------------- the table


def exit_code(outcomes: Iterable[Outcome]) -> int:
    """The batch's exit code (see the module docstring)."""
    outcomes = list(outcomes)
    if any(o.bug for o in outcomes):
        return EXIT_BUG
    built = [o for o in outcomes if o.report is not None]
    if not built:
        return EXIT_UNUSABLE
    if len(built) < len(outcomes) or any(o.errors or o.warnings or o.pdf_problem for o in built):
        return EXIT_FINDINGS
    return EXIT_OK


def table_lines(outcomes: Sequence[Outcome], folder: Path) -> list[str]:
    """The closing table (答卷, 报告, 错误, 警告, 提示) and what went wrong, in Chinese."""
    rows = [("答卷", "报告", "错误", "警告", "提示")]
    for o in outcomes:
        if o.report is None:
            rows.append((o.source.name, "未生成（原因见下）", "—", "—", "—"))
        else:
            report = o.report.name if o.report.parent == folder else str(o.report)
            rows.append((o.source.name, report, str(o.errors), str(o.warnings), str(o.infos)))
    lines = console.table_lines(rows)
    built = sum(o.report is not None for o in outcomes)
    failed = [o for o in outcomes if o.report is None]
    with_findings = sum(1 for o in outcomes if o.report is not None and (o.errors or o.warnings))
    summary = f"共 {len(outcomes)} 份答卷：生成 {built} 份报告（在 {folder}）"
    if with_findings:
        summary += f"，其中 {with_findings} 份有错误或警告"
    summary += f"；{len(failed)} 份未生成。" if failed else "。"
    lines += ["", summary]
    if failed:
        lines.append("未生成的答卷：")
        for o in failed:
            message = o.problem or ""
            lines.append(f"  {o.source}：{message}".replace("\n", "\n    "))
    no_pdf = [o for o in outcomes if o.report is not None and o.pdf_problem]
    if no_pdf:
        lines.append("没有生成 PDF 的报告：")
        for o in no_pdf:
            lines.append(f"  {o.source.name}：{o.pdf_problem}")
    notes = [o for o in outcomes if o.report is not None and o.notes]
    if notes:
        lines.append("提示：")
        for o in notes:
            for note in o.notes:
                lines.append(f"  {o.source.name}：{note}")
    if with_findings:
        lines.append(
            "查看一份报告的检查详情：drafter check 报告文件（或 drafter build 这份答卷）。"
        )
    return lines


def run_batch_command(
    paths: Sequence[Path],
    out_dir: Path | None,
    out: TextIO,
    *,
    outline: str | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    force: bool = False,
    jobs: int | None = None,
) -> int:
    """``drafter build`` with several answers files or a folder: build all, print the table."""
    folder = output_folder(out_dir)
    options = Options(folder, outline=outline, templates=templates, pdf=pdf, force=force)
    outcomes = build_batch(paths, options, jobs=jobs)
    print("\n".join(table_lines(outcomes, folder)), file=out)
    return exit_code(outcomes)


__all__ = [
    "Options",
    "Outcome",
    "answers_files",
    "build_batch",
    "exit_code",
    "run_batch_command",
    "table_lines",
]
