"""The review screen and the build: what stands between the answers and a good report, then the
report.

The review screen fits a 40-line terminal: a summary with the sections as a short list, and all
answers a page (a few sections) at a time on request. It runs the checks on the answers and on
the draft, and builds the .docx with the spine's builder (``drafter.build``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from drafter.answers import carried
from drafter.answers.model import Answers
from drafter.blocks import Block
from drafter.build import build_from_answers, check_draft, default_output, findings_report
from drafter.checks.answers import check_answers
from drafter.checks.present import SERIOUS, place
from drafter.errors import DrafterError
from drafter.questionnaire.logic import invalid_answers, section_for
from drafter.questionnaire.screens import (
    SCREEN_COLUMNS,
    capped,
    missing_required,
    quoted,
    resume_text,
    review_pages,
    section_state_lines,
    short,
)
from drafter.questionnaire.session import Signal
from drafter.questionnaire.state import Flow
from drafter.questionnaire.typed import cross_problems, model_of
from drafter.questions import QUESTIONS
from drafter.render.engine import render_blocks


def carried_lines(answers: Answers, columns: int = SCREEN_COLUMNS) -> list[str]:
    """Carried figures not yet confirmed, and last year's figures now left empty."""
    stale = [_stale_line(answers, cf) for cf in carried.outstanding(answers)]
    header = f"沿用去年文字里的数字，还有 {len(stale)} 个没有确认今年的数字："
    lines = capped(header, stale, each=2, columns=columns)
    lines += capped(
        "去年报告了、今年没有填写的数字：",
        [carried.dropped_message(k, f) for k, f in carried.dropped(answers)],
        columns=columns,
    )
    return lines


def _stale_line(answers: Answers, cf: carried.CarriedFigure) -> str:
    """A carried figure still to confirm, in today's sentence (another of its figures may have
    been changed since), the figure marked: 第1条：“……听取法治汇报【2次】。”"""
    found = carried.locate(answers, cf)
    if found is None:
        return f"{cf.place}：“{short(cf.sentence, 40)}”里的“{cf.figure}”"
    marked = carried.sentence_at(found[1])
    mark = marked.index("【")
    if len(marked) > 40 and mark > 20:
        marked = "……" + marked[mark - 16 :]
    return f"{carried.place_of(found[0])}的“{found[1].raw}”：“{short(marked, 40)}”"


def summary_lines(
    data: Mapping[str, Any],
    pending: Iterable[str],
    keys: Iterable[str],
    findings: list[str] = (),  # type: ignore[assignment]
    columns: int = SCREEN_COLUMNS,
) -> list[str]:
    """The review screen's first page: what stands between the answers and a good report, in
    rows of the console's width."""
    waiting = list(pending)
    total = len(QUESTIONS)
    lines = ["", "==== 检查全部答案 ===="]
    lines.append(
        f"已答 {total - len(waiting)}/{total} 题"
        + (f"；还有 {len(waiting)} 题没有回答或确认" if waiting else "；全部答完")
    )
    missing = missing_required(data)
    if missing:
        lines.append("必填但还没有填写：" + "、".join(QUESTIONS[k].label for k in missing))
    lines += carried_lines(model_of(data), columns)
    lines += capped("数字矛盾：", [m for _, m in cross_problems(data)], columns=columns)
    lines += capped(
        "答案无效：",
        [f"{QUESTIONS[k].label}：{reason}" for k, reason in invalid_answers(data)],
        columns=columns,
    )
    header = f"检查草稿发现 {len(findings)} 处需要注意："
    lines += capped(header, list(findings), each=2, columns=columns)
    lines.append("各部分（输入序号查看并修改；a＝逐页查看全部答案）：")
    lines += section_state_lines(waiting, keys, columns)
    return lines


def _first_carried_step(flow: Flow) -> int | None:
    """The step of the first question with a carried figure still to confirm."""
    answers = flow.answers
    for cf in carried.outstanding(answers):
        key = cf.key if cf.key and carried.linked(answers, cf.key) else cf.question
        for candidate in (key, cf.question):
            if candidate in flow.keys:
                return flow.index_of(candidate)
    return None


def review(flow: Flow) -> int | None:
    """The summary, the answers page by page, then build. Returns a step to revisit."""
    while True:
        flow.current = None
        columns = min(flow.columns() - 2, SCREEN_COLUMNS)
        findings = draft_findings(flow)
        for line in summary_lines(flow.data, flow.pending, flow.keys, findings, columns):
            flow.say(line)
        missing = [k for k in missing_required(flow.data) if k in flow.keys]
        stale = _first_carried_step(flow)
        options = []
        if missing:
            options.append(f"回车＝去填写“{QUESTIONS[missing[0]].label}”（必填）")
        else:
            options.append("回车＝生成 Word 报告")
        if stale is not None:
            options.append("c＝逐个确认沿用的数字")
        options += ["序号＝修改该部分", "a＝查看全部答案", "q＝保存退出"]
        choice = flow.ask("；".join(options) + "：")
        text = "" if isinstance(choice, Signal) else choice.strip().lower()
        if text in ("q", "退出"):
            if flow.path is not None:
                flow.say(resume_text(flow.path, editing=flow.editing))
            return None
        if text == "a":
            show_pages(flow)
            continue
        if text == "c" and stale is not None:
            return stale
        section = section_for(text) if text else None
        if section is not None:
            keys = [q.key for q in section.questions if q.key in set(flow.keys)]
            if keys:
                return flow.index_of(keys[0])
        if text:
            continue
        if missing:
            return flow.index_of(missing[0])
        if build(flow):
            return None


def show_pages(flow: Flow) -> None:
    pages = review_pages(flow.data, flow.pending)
    for number, page in enumerate(pages, 1):
        flow.say(f"\n==== 全部答案（第 {number}/{len(pages)} 页）====")
        for line in page:
            flow.say(line)
        if number < len(pages):
            answer = flow.ask("回车＝下一页；q＝回到检查页：")
            if isinstance(answer, Signal) or answer.strip().lower() == "q":
                return
    flow.ask("回车＝回到检查页：")


def draft_findings(flow: Flow) -> list[str]:
    """The checks' errors and warnings before the report is written: those in the answers, each
    naming the answer it is in, then those only the draft shows (a part left 【待补充】, last
    year's file name in this year's text), errors first."""

    answers = flow.answers
    blocks: list[Block] = []
    if not missing_required(flow.data):
        try:
            blocks = render_blocks(answers)
        except DrafterError:
            blocks = []  # the build says why, in its own words
    in_answers, in_draft = check_draft(answers, blocks) if blocks else (check_answers(answers), [])
    found = [
        (f.finding.severity, f"{f.where}{_quote(f.finding.excerpt)}：{f.finding.message}")
        for f in in_answers
        # Listed above already: contradictions and the carried figures.
        if f.finding.rule not in ("figure-impossible", "carried-figure", "figure-dropped")
    ]
    found += [
        (f.severity, f"报告{place(f.paragraph)}{_quote(f.excerpt)}：{f.message}")
        for f in in_draft
        if f.severity in SERIOUS
    ]
    return [line for severity, line in found if severity == "error"] + [
        line for severity, line in found if severity != "error"
    ]


def _quote(excerpt: str) -> str:
    return f"“{short(excerpt, 30)}”" if excerpt else ""


def build(flow: Flow) -> bool:
    """Build the .docx with the spine's builder and print where it is."""

    problems = cross_problems(flow.data)
    if problems:
        flow.say("有互相矛盾的答案，请先改正：")
        for _, message in problems:
            flow.say(f"  - {message}")
        return False
    try:
        model = flow.answers
        folder = (flow.path.resolve().parent if flow.path else Path.cwd()) / "output"
        started = time.monotonic()
        result = build_from_answers(model, default_output(model, folder))
    except DrafterError as exc:
        flow.say(f"无法生成：{exc.message}")
        return False
    flow.say(f"\n已生成报告：{result.docx}（用时 {time.monotonic() - started:.1f} 秒）")
    lines, _errors = findings_report(result)
    for line in lines:
        flow.say(line)
    if flow.path is not None:
        flow.say(f"答卷：{flow.path}（以后修改：drafter edit {quoted(flow.path)}）")
    return True
