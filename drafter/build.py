"""Answers → .docx (and PDF): the one build path that ``demo``, ``build`` and the questionnaire use."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from drafter.answers.file import AnswersFile, default_filename
from drafter.answers.load import load_answers
from drafter.answers.model import Answers, where
from drafter.blocks import Block
from drafter.checks import run_checks
from drafter.checks.answers import AnswerFinding, answer_rules, answer_texts, in_answers
from drafter.checks.base import Finding
from drafter.checks.present import SERIOUS, exit_code, finding_line, listed, place, summary
from drafter.checks.unplaced import KEY, unplaced_findings
from drafter.docx import writer as docx_writer
from drafter.docx.pdf import docx_to_pdf
from drafter.errors import DrafterError
from drafter.io.outputs import refuse_special_output, safe_filename, write_output
from drafter.render.engine import render_blocks

EXAMPLE_NAME = "example.yaml"


@dataclass
class BuildResult:
    """What a build wrote and what the checks found in the draft."""

    docx: Path
    blocks: list[Block]
    pdf: Path | None = None
    findings: list[Finding] = field(default_factory=list)
    """Findings of the checks on the draft (paragraph = block index)."""
    answer_findings: list[AnswerFinding] = field(default_factory=list)
    """Findings of the text rules on the answers, each naming its answers-file key."""
    warnings: list[str] = field(default_factory=list)
    pdf_problem: str | None = None
    """Why the PDF asked for was not made (the .docx is written either way), in Chinese."""
    answers_file: Path | None = None
    """The demo's answers file, left beside its report to try ``build``, ``edit``, ``new --from``."""


def example_path() -> Path:
    """The bundled example answers (ships inside the package)."""
    return Path(__file__).resolve().parent / "examples" / EXAMPLE_NAME


def build_demo(
    out: Path | None = None, *, outline: str | None = None, pdf: bool = False
) -> BuildResult:
    """The bundled example's report, and its answers file beside it under the name a clerk's
    own would have (``俄久乡2024年度法治政府建设答卷.yaml``): what README's daily commands use."""

    source = example_path()
    result = build_report(source, out, outline=outline, pdf=pdf)
    answers, _ = load_answers(source)
    name = default_filename(answers.unit_name, answers.year)
    target = result.docx.parent / name
    data = source.read_bytes()
    if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
        result.answers_file = target  # left by an earlier demo, unchanged
    else:
        # One the user has edited since is kept; this copy takes a new name.
        result.answers_file = write_output(target, data)
    return result


def check_draft(answers: Answers, blocks: list[Block]) -> tuple[list[AnswerFinding], list[Finding]]:
    """The checks of a build (``drafter summary`` runs them without writing anything): findings
    in the answers, and in the draft those not already reported against the answer they come
    from, where the user fixes them."""

    texts = answer_texts(answers)
    located, findings = in_answers(
        run_checks(blocks, unit_type=answers.unit_type, year=answers.year), blocks, texts
    )
    return located + answer_rules(answers, texts), findings


def default_output(answers: Answers, folder: Path | None = None) -> Path:
    """``output/<县><单位><年>年度法治政府建设情况报告.docx`` under the current folder."""
    unit = safe_filename(answers.unit_name or "本单位")
    year = answers.year or ""
    folder = folder if folder is not None else Path.cwd() / "output"
    return folder / f"{unit}{year}年度法治政府建设情况报告.docx"


def missing_for_build(answers: Answers) -> list[str]:
    """Required answers that are still empty, named in Chinese."""

    missing = []
    for q, value in answers.values():
        if not q.required or value not in (None, "", []):
            continue
        if not q.build_default or q.default_for(answers.get) in (None, "", []):
            missing.append(where(q.key))
    return missing


def docx_target(out: Path, answers: Answers) -> Path:
    """Where ``-o OUT`` puts the report: an existing folder is a folder target (the report gets
    its default name inside it); anything else is a file name, given the .docx extension."""
    out = Path(out)
    refuse_special_output(out)
    if out.is_dir():
        return default_output(answers, out)
    suffix = out.suffix.lower()
    if suffix == ".docx":
        return out
    if _FILE_TYPE.fullmatch(suffix):
        # -o 报告.txt must not quietly become 报告.docx: the user asked for another kind.
        pdf = "；要 PDF 请加 --pdf（PDF 写在 .docx 旁边）" if suffix == ".pdf" else ""
        raise DrafterError(
            f"报告只能写成 Word 文件（.docx），不能写成 {out.suffix} 文件",
            path=out,
            field="-o",
            hint=f"请写 -o {out.with_suffix('.docx')}{pdf}。",
        )
    return out.with_name(out.name + ".docx")  # 报告 or 俄久乡.最终稿: the extension is added


_FILE_TYPE = re.compile(r"\.[a-z][a-z0-9]{1,4}")
"""A file-type extension (.txt, .pdf, .doc, .yaml), not a dot inside a Chinese name."""


def build_from_answers(
    answers: Answers,
    out: Path | None = None,
    *,
    outline: str | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    force: bool = False,
    extra: Iterable[Block] = (),
    run_checks: bool = True,
    inputs: Sequence[Path | None] = (),
) -> BuildResult:
    """Render, write and check one report from a validated answers model.

    ``inputs`` are the files the report is made from: the report is never written over one.
    """

    missing = missing_for_build(answers)
    if missing:
        raise DrafterError(
            "还有必填项没有回答：" + "、".join(missing),
            hint="用 drafter edit 答卷文件 补上这些答案后再生成。",
        )
    blocks = render_blocks(answers, outline, templates=templates, extra=extra)
    target = docx_target(out if out is not None else default_output(answers), answers)
    path = write_output(
        target,
        docx_bytes(blocks),
        force=force,
        inputs=inputs,
        companions=(".pdf",) if pdf else (),
    )
    result = BuildResult(docx=path, blocks=blocks)
    if run_checks:
        result.answer_findings, result.findings = check_draft(answers, blocks)
    if pdf:
        convert_pdf(result, force=force, inputs=inputs)
    return result


def convert_pdf(
    result: BuildResult, *, force: bool = False, inputs: Sequence[Path | None] = ()
) -> None:
    """The PDF of a written report, beside it; when LibreOffice is missing or fails, why (in
    ``result.pdf_problem``): the report itself is written and checked either way."""

    try:
        result.pdf = docx_to_pdf(result.docx, result.docx.parent, force=force, inputs=inputs)
    except DrafterError as exc:
        hint = f"（{exc.hint}）" if exc.hint else ""
        result.pdf_problem = f"PDF 没有生成（Word 报告照常生成）：{exc.message}{hint}"


def docx_bytes(blocks: list[Block]) -> bytes:
    """The .docx file of some blocks (written to disk in one step by the caller)."""

    return docx_writer.docx_bytes(blocks)


def build_report(
    answers_path: Path,
    out: Path | None = None,
    *,
    outline: str | None = None,
    templates: Path | None = None,
    pdf: bool = False,
    force: bool = False,
    extra: Iterable[Block] = (),
    inputs: Sequence[Path | None] = (),
) -> BuildResult:
    """Load an answers file and build its report (never over ``answers_path`` or ``inputs``)."""

    answers, loaded = load_answers(Path(answers_path))
    result = build_from_answers(
        answers,
        out,
        outline=outline,
        templates=templates,
        pdf=pdf,
        force=force,
        extra=extra,
        inputs=[Path(answers_path), *inputs],
    )
    result.answer_findings += file_findings(loaded)
    result.warnings += file_warnings(loaded)
    return result


def file_findings(loaded: AnswersFile) -> list[AnswerFinding]:
    """What an import could not place is not in the draft: a warning the user acts on."""

    return [AnswerFinding(KEY, where, finding) for where, finding in unplaced_findings(loaded.data)]


def file_warnings(loaded: AnswersFile) -> list[str]:
    """What the user should know about an answers file that a build leaves out."""
    warnings = []
    if loaded.unknown:
        warnings.append(
            "答卷里有本程序不认识的项目（已保留，未使用）：" + "、".join(loaded.unknown)
        )
    return warnings


def findings_report(result: BuildResult, show_all: bool = True) -> tuple[list[str], int]:
    """The checks' findings as Chinese lines (answers first, then the draft) and the exit code
    they call for (1 when there is an error or a warning). Hints are listed with ``show_all``;
    the command line passes its ``--all`` (the questionnaire, which has no such option, lists
    them)."""

    lines: list[str] = []
    severities = [a.finding.severity for a in result.answer_findings]
    severities += [f.severity for f in result.findings]
    in_answers = [a for a in result.answer_findings if show_all or a.finding.severity in SERIOUS]
    if in_answers:
        lines.append("答卷检查（请在答卷里改正）：")
        for found in in_answers:
            lines.append(finding_line(found.finding, f"{found.where}（{found.key}）"))
    in_draft = listed(result.findings, show_all)
    if in_draft:
        lines.append("报告检查：")
        for finding in in_draft:
            lines.append(finding_line(finding, place(finding.paragraph)))
    lines.append(summary(severities, show_all))
    return lines, exit_code(severities)


def print_result(result: BuildResult, out: TextIO, show_all: bool) -> int:
    """What ``drafter build`` and ``demo`` print of a build (in Chinese), and their exit code."""
    print(f"已生成报告：{result.docx}", file=out)
    if result.answers_file is not None:  # the demo's, for README's daily commands
        print(f"示例答卷：{result.answers_file}", file=out)
    if result.pdf is not None:
        print(f"已生成 PDF：{result.pdf}", file=out)
    for warning in result.warnings:
        print(f"提示：{warning}", file=out)
    lines, code = findings_report(result, show_all=show_all)
    print("\n".join(lines), file=out)
    if result.pdf_problem:
        # Done, with something to report (docs/contracts.md exit 1): the .docx is written and checked.
        print(result.pdf_problem, file=out)
        return max(code, 1)
    return code
