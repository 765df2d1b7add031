"""``drafter check REPORT --annotate OUT.docx``: the reviewer's copy with Word comments.

Findings as a reviewer reads them (errors and warnings; hints on request): the same finding at
several places is one finding, commented at its first place and listing the others, and a
paragraph holds at most one comment, which carries every finding placed there, anchored on the
text they quote. Each says the rule's Chinese name, what is wrong and how to fix it. A .docx is
copied with everything it has (python-docx keeps every part it does not understand as it was;
only comment markers are added to the body); a .txt is laid out as a GB/T 9704 .docx first by
drafter's writer. The report itself is only read, and the copy is never written onto it.
"""

from __future__ import annotations

import difflib
import io
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from drafter.blocks import Block
from drafter.checks import Finding, rule_name, run_checks
from drafter.checks.base import Grouped, group_findings
from drafter.checks.command import write_findings
from drafter.checks.present import SEVERITY_NAMES, exit_code, listed, place
from drafter.docx.anchor import (
    CommentSheet,
    locate,
    locate_all,
    mark_comment,
    mark_paragraph,
    xml_text,
)
from drafter.docx.editable import build_document, open_document
from drafter.errors import DrafterError
from drafter.io.inputs import same_file
from drafter.io.outputs import refuse_special_output, write_output
from drafter.reader import Report, Source, document_report, read_report
from drafter.reader.parts import w

DEFAULT_AUTHOR = "依法治县办审核"

# A comment goes back to a township clerk, who needs to know what to do. Most messages say it
# ("应为“全镇”", "请删去一处"); for those that only state the problem, the rule's usual fix.
FIX_HINTS = {
    "unit-mismatch": "统一为本单位的用语（乡、镇或街道）。",
    "year-mismatch": "核对年份，使其与报告年度相符。",
    "numbering": "按顺序重新编号（一、（一）1.（1）），同一层级用同一种编号样式。",
    "duplicate-sentence": "删去重复的一处，或改写成不同的内容。",
    "figure-impossible": "对照台账核对这几个数字，使部分不大于总数、比率与件数相符。",
    "figure-conflict": "核对后统一为一个数字。",
    "approx-misuse": "写确切数字，或只保留一种概数写法。",
    "outdated-term": "改用现行的法规名称和提法。",
    "missing-part": "补写这一部分内容。",
    "punctuation": "改用规范的中文全角标点，成对的符号补齐。",
    "spacing": "删去多余的空格。",
    "typo": "改正错别字。",
    "placeholder": "补上实际内容。",
    "missing-date": "写明成文日期。",
}
_SAYS_FIX = re.compile("应|请|改为|改成|写作|可以|不必|删去|保留|建议")
LISTED_PLACES = 10
"""Other places of a finding a comment names (the rest are counted)."""
AUTHOR_LIMIT = 60
"""Characters of ``--author`` kept: Word shows a comment's author on one line."""


@dataclass
class AnnotateResult:
    """What ``annotate_report`` wrote and found."""

    path: Path
    blocks: list[Block]
    findings: list[Finding]
    """Every finding of the checks (the copy comments the selected severities)."""
    commented: list[Grouped] = field(default_factory=list)
    """The findings the comments carry, grouped as a reviewer reads them."""
    comments: int = 0
    """Comments written: at most one per paragraph."""
    inexact: list[Grouped] = field(default_factory=list)
    """Findings whose excerpt could not be found: their comment covers the whole paragraph."""


def annotate_target(report: Path, out: Path, *, force: bool) -> Path:
    """Where the annotated copy goes: a .docx that is not the report itself, never silently
    replacing an existing file (the write takes a new name ``…(2).docx`` unless ``force``)."""

    out = Path(out)
    if same_file(report, out):
        raise _onto_report(out)
    refuse_special_output(out)
    if out.is_dir():
        out = out / f"{report.stem}（审核意见）.docx"
    elif out.suffix.lower() != ".docx":
        out = out.with_name(out.name + ".docx")
    if same_file(report, out):
        raise _onto_report(out)
    return out


def _onto_report(out: Path) -> DrafterError:
    return DrafterError(
        "批注副本不能写到被检查的报告本身上，报告原件不会被改动。",
        path=out,
        field="--annotate",
        hint="请为批注副本另起一个文件名，如 --annotate 报告（审核意见）.docx。",
    )


def comment_text(finding: Finding | Grouped, *, exact: bool = True) -> str:
    """One finding in a comment: rule name and severity, what is wrong and how to fix it (the
    message), the text it quotes when the comment does not sit on it exactly, and its other
    places when it was found at several."""
    severity = SEVERITY_NAMES.get(finding.severity, finding.severity)
    where = "（针对全文）" if finding.paragraph < 0 or not finding.excerpt else ""
    lines = [f"【{severity}】{rule_name(finding.rule)}{where}", finding.message]
    hint = FIX_HINTS.get(finding.rule)
    if hint and not _SAYS_FIX.search(finding.message):
        lines.append(f"怎么改：{hint}")
    if finding.excerpt and not exact:
        lines.append(f"原文：“{finding.excerpt}”")
    if isinstance(finding, Grouped) and finding.count > 1:
        others = [
            f"{place(p.paragraph)}“{p.excerpt}”" if p.excerpt else place(p.paragraph)
            for p in finding.places[1:]
        ]
        shown = "、".join(others[:LISTED_PLACES])
        more = f"等，共 {finding.count} 处" if len(others) > LISTED_PLACES else ""
        lines.append(f"同样的问题还有：{shown}{more}。")
    return "\n".join(lines)


def clean_author(author: str | None) -> str:
    """The comments' author as Word can store it: control characters (typed or pasted into
    ``--author``; XML forbids most of them) left out, spaces at the ends trimmed, at most
    AUTHOR_LIMIT characters; the default when nothing is left."""
    visible = "".join(ch for ch in author or "" if unicodedata.category(ch) != "Cc")
    cleaned = xml_text(visible).strip()[:AUTHOR_LIMIT]
    return cleaned or DEFAULT_AUTHOR


def annotate_report(
    path: Path,
    out: Path,
    *,
    author: str = DEFAULT_AUTHOR,
    show_all: bool = False,
    force: bool = False,
) -> AnnotateResult:
    """Check a report and write a copy with its errors and warnings (and hints with
    ``show_all``) as comments, at most one per paragraph; returns what was done. A control
    character in ``author`` is left out (lxml refuses it)."""

    path = Path(path)
    target = annotate_target(path, out, force=force)
    report = read_report(path, open_document=open_document)
    findings = run_checks(report.blocks)
    document, sources = _document_and_sources(report)
    result = AnnotateResult(target, report.blocks, findings)
    sheet = CommentSheet(document, clean_author(author))
    # At most one comment per paragraph: every finding first found there (a finding about the
    # whole document goes on the title).
    by_block: dict[int, list[Grouped]] = {}
    for group in group_findings(listed(findings, show_all)):
        index = group.paragraph
        if not 0 <= index < len(report.blocks):
            index = _whole_document_block(report.blocks)
        by_block.setdefault(index, []).append(group)
    for index in sorted(by_block):
        groups = by_block[index]
        exact = _comment(document, sheet, sources, index, groups)
        result.commented += groups
        result.comments += 1
        if not exact:
            result.inexact += [g for g in groups if _inexact(sources, index, g, len(groups))]
    buffer = io.BytesIO()
    document.save(buffer)
    # The name is claimed with its content (a new name unless --force, never the report).
    result.path = write_output(target, buffer.getvalue(), force=force, inputs=[path])
    return result


def _document_and_sources(report: Report) -> tuple[Any, list[list[Source]]]:
    """The document to annotate and each block's sources in it (a .txt is laid out first)."""
    if report.document is not None:
        return report.document, report.sources

    document = build_document(report.blocks)
    laid_out = document_report(document)
    return document, align_sources(report.blocks, laid_out.blocks, laid_out.sources)


def _key(block: Block) -> str:
    return "".join(block.full_text.split())


def align_sources(
    blocks: Sequence[Block], other: Sequence[Block], other_sources: Sequence[list[Source]]
) -> list[list[Source]]:
    """Sources for ``blocks`` from a re-reading of the same text (``other``) whose blocks may be
    cut differently (a table's caption becomes its own paragraph, a title is broken anew)."""
    matcher = difflib.SequenceMatcher(
        a=[_key(b) for b in blocks], b=[_key(b) for b in other], autojunk=False
    )
    mapped: list[list[Source]] = [[] for _ in blocks]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(i2 - i1):
                mapped[i1 + offset] = list(other_sources[j1 + offset])
        elif tag == "replace":
            # Unequal runs of blocks: each block is searched in all of them.
            pooled = [s for j in range(j1, j2) for s in other_sources[j]]
            for i in range(i1, i2):
                mapped[i] = list(pooled)
    return mapped


def _comment(
    document: Any,
    sheet: CommentSheet,
    sources: Sequence[list[Source]],
    index: int,
    groups: Sequence[Grouped],
) -> bool:
    """One comment on block ``index`` for the findings placed there, covering the text they
    quote; True when it sits exactly on it."""

    excerpts = [g.excerpt for g in groups if g.paragraph >= 0]
    anchor = locate_all(sources[index], excerpts) if index < len(sources) else None
    if anchor is None:
        anchor = next(
            (a for a in (locate(s, "") for s in sources) if a is not None),
            None,
        )
    exact = anchor is not None and anchor.exact
    # Where one comment carries several findings, each names the text it is about.
    quote = exact and len(groups) == 1
    text = "\n".join(comment_text(g, exact=quote or not g.excerpt) for g in groups)
    comment_id = sheet.add(text)
    if anchor is None:
        # No text anywhere to anchor on (cannot happen for a file the reader accepted).
        mark_paragraph(next(document.element.body.iter(w("p"))), comment_id)
        return False
    return mark_comment(anchor, comment_id) and exact


def _inexact(sources: Sequence[list[Source]], index: int, group: Grouped, sharing: int) -> bool:
    """Is this finding's excerpt not found exactly (its comment covers more than it quotes)?"""
    if not group.excerpt or group.paragraph < 0:
        return False
    if sharing == 1:
        return True
    anchor = locate(sources[index], group.excerpt) if index < len(sources) else None
    return anchor is None or not anchor.exact


def _whole_document_block(blocks: Sequence[Block]) -> int:
    return next((i for i, b in enumerate(blocks) if b.kind == "title"), 0)


def run_annotate_command(
    path: Path,
    annotate: Path,
    fmt: str,
    out: TextIO,
    *,
    author: str | None = None,
    force: bool = False,
    show_all: bool = False,
) -> int:
    """``drafter check FILE --annotate OUT.docx``: the findings printed as ``drafter check``
    prints them, and the commented copy written; ``--all`` (``show_all``) lists the hints and
    comments them too. Exit code as ``check``: 1 with errors or warnings, else 0."""

    result = annotate_report(
        Path(path),
        annotate,
        author=author or DEFAULT_AUTHOR,
        show_all=show_all,
        force=force,
    )
    write_findings(Path(path), result.blocks, result.findings, fmt, out, show_all=show_all)
    # With --format json, stdout stays pure JSON: the note goes to stderr.
    note = sys.stderr if fmt == "json" else out
    print(f"已写出带批注的副本：{result.path}（{result.comments} 条批注）", file=note)
    if result.inexact:
        print(f"其中 {len(result.inexact)} 条在原文中未能逐字定位，批注在所在段落上。", file=note)
    return exit_code(f.severity for f in result.findings)
