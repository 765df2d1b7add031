"""The questionnaire's screens: start text, help, toolbar, section menu, the lines of the review.

The text of every screen is built by a pure function (testable without a terminal); ``menu``
shows it through the flow's terminal and returns where to go next. The review screen itself and
the build, which need the typed answers, the checks and the templates, are in ``review``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from drafter.io.console import display_width
from drafter.questionnaire.logic import (
    MULTILINE_KINDS,
    all_keys,
    choice_name,
    current_value,
    is_empty,
    prefill_text,
)
from drafter.questionnaire.session import KEYS_HINT, MULTILINE_KEYS, Signal
from drafter.questionnaire.state import Flow
from drafter.questions import QUESTIONS, SECTIONS, Question, get_answer

FIGURE_HINT = "只填数字，如 30；约数写成 1500余；不报告就直接回车留空；确实没有填 0。"
MULTILINE_HINT = "（可写多段：Ctrl-J 换行；写完按回车）"
LIST_HINT = "（一行一项：Ctrl-J 换行；写完按回车）"
PAGE_LINES = 34
"""Lines of answers on one page of the review (the rest: heading and prompt)."""
SHOWN = 3
"""Entries of one kind listed on the summary before "……还有 N 处"."""


def quoted(path: Path) -> str:
    text = str(path)
    return f'"{text}"' if " " in text else text


def toolbar_text(
    section_index: int,
    sections: int,
    question_index: int,
    questions: int,
    answered: int,
    total: int,
    *,
    multiline: bool = False,
) -> str:
    """The bottom toolbar: where the user is, how far along, and the keys."""
    keys = f"{MULTILINE_KEYS} · {KEYS_HINT}" if multiline else KEYS_HINT
    return (
        f" 第 {section_index}/{sections} 部分 · 第 {question_index}/{questions} 题 · "
        f"已答 {answered}/{total} 题\n {keys}"
    )


def format_value(q: Question, value: Any) -> str:
    """An answer as one line of the review screen."""
    if is_empty(value):
        return "（未填）"
    if q.kind == "figure":
        return f"{value}{q.unit}"
    if q.kind == "bool":
        return "是" if value else "否"
    if q.kind == "choice":
        return choice_name(q, value)
    if q.kind == "items":
        heads = [str(i.get("heading") or "（无小标题）") for i in value if isinstance(i, Mapping)]
        return f"{len(value)} 条：" + "；".join(heads)
    if q.kind == "list":
        return "；".join(str(v) for v in value)
    return short(str(value), 60)


SCREEN_COLUMNS = 78
"""A review line fits an 80-column console (a Chinese character takes two columns)."""


def fit(line: str, columns: int = SCREEN_COLUMNS) -> str:
    """One screen row: cut with …… so that a 40-line screen really holds 40 lines."""
    if display_width(line) <= columns:
        return line
    used = 0
    for index, ch in enumerate(line):
        used += display_width(ch)
        if used > columns - 4:
            return line[:index] + "……"
    return line


def short(text: str, width: int = 50) -> str:
    """``text`` on one line, cut to ``width`` characters with ……."""
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 2] + "……"


def section_lines(data: Mapping[str, Any], number: int, pending: Iterable[str] = ()) -> list[str]:
    """One section's answers, one line each."""
    waiting = set(pending)
    section = SECTIONS[number - 1]
    lines = [f"{number}. {section.title}"]
    for q in section.questions:
        mark = "  [未答] " if q.key in waiting else "  "
        lines.append(fit(f"{mark}{q.label}：{format_value(q, get_answer(data, q.key))}"))
    return lines


def review_lines(data: Mapping[str, Any], pending: Iterable[str] = ()) -> list[str]:
    """All answers by section (the pages of the review screen, joined)."""
    waiting = list(pending)
    lines: list[str] = []
    for number in range(1, len(SECTIONS) + 1):
        lines += section_lines(data, number, waiting)
    return lines


def review_pages(data: Mapping[str, Any], pending: Iterable[str] = ()) -> list[list[str]]:
    """All answers, whole sections per page, each page short enough for a 40-line terminal."""
    waiting = list(pending)
    pages: list[list[str]] = [[]]
    for number in range(1, len(SECTIONS) + 1):
        lines = section_lines(data, number, waiting)
        if pages[-1] and len(pages[-1]) + len(lines) > PAGE_LINES:
            pages.append([])
        pages[-1] += lines
    return pages


def missing_required(data: Mapping[str, Any]) -> list[str]:
    """Required questions still empty (no default either), in catalogue order."""
    return [
        k
        for k in all_keys()
        if QUESTIONS[k].required and is_empty(current_value(QUESTIONS[k], data))
    ]


def rows(line: str, count: int = 2, columns: int = SCREEN_COLUMNS) -> list[str]:
    """A line on up to ``count`` screen rows (the last cut with ……): a finding's place, what it
    quotes and what to do seldom fit in one."""
    out: list[str] = []
    rest = line
    while rest and len(out) < count - 1 and display_width(rest) > columns:
        used = 0
        for index, ch in enumerate(rest):
            used += display_width(ch)
            if used > columns:
                out.append(rest[:index])
                rest = "    " + rest[index:]
                break
    out.append(fit(rest, columns))
    return out


def capped(
    header: str, entries: list[str], *, each: int = 1, columns: int = SCREEN_COLUMNS
) -> list[str]:
    if not entries:
        return []
    lines = [fit(header, columns)]
    for entry in entries[:SHOWN]:
        lines += rows(f"  - {entry}", each, columns)
    if len(entries) > SHOWN:
        lines.append(f"  ……还有 {len(entries) - SHOWN} 处")
    return lines


def section_state_lines(
    pending: Iterable[str], keys: Iterable[str], columns: int = SCREEN_COLUMNS
) -> list[str]:
    """The sections, two to a line (one on a narrow console), with how many questions are open
    in each."""
    waiting, wanted = set(pending), set(keys)
    cells = []
    for number, section in enumerate(SECTIONS, 1):
        if not any(q.key in wanted for q in section.questions):
            continue
        open_count = sum(1 for q in section.questions if q.key in waiting)
        state = f"{open_count}题未答" if open_count else "✓"
        cells.append(f"{number}.{section.title}（{state}）")
    pairs = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if any(display_width("  " + "  ".join(pair)) > columns for pair in pairs):
        pairs = [[cell] for cell in cells]
    return [fit("  " + "  ".join(pair), columns) for pair in pairs]


def help_text(q: Question, data: Mapping[str, Any]) -> str:
    """Help for one question: what counts, where the figure comes from, an example sentence."""
    lines = [f"【帮助】{q.label}" + (f"（单位：{q.unit}）" if q.unit else "")]
    if q.help:
        lines.append(q.help)
    if q.source:
        lines.append(f"数据来源：{q.source}")
    if q.example:
        lines.append(f"例句：{q.example}")
    if q.kind == "figure":
        lines.append("填写方法：" + FIGURE_HINT)
        lines.append("显示“去年：……”时：直接回车＝与去年相同；输入 -＝今年不报告。")
    elif q.kind in MULTILINE_KINDS:
        lines.append("填写方法：" + (LIST_HINT if q.kind == "list" else MULTILINE_HINT))
    elif q.kind == "choice":
        lines.append("填写方法：输入序号，或用 ↑↓ 键切换选项，回车确认。")
    elif q.kind == "items":
        lines.append(
            "填写方法：每条先选或写小标题，再写内容；a 新增、e 序号 修改、d 序号 删除、"
            "m 序号 位置 移动，回车完成本题。"
        )
    default = q.default_for(data) if q.kind != "figure" else None
    if not is_empty(default) and q.kind not in ("items",):
        lines.append(f"默认值：{prefill_text(q, default)}")
    lines.append(
        "按键：回车＝确认；Ctrl-U＝清空输入框；F2 或输入 < 回到上一题；"
        "F3 或输入 > 打开目录（跳到任意部分、检查并生成）；Ctrl-C 或 Ctrl-D 保存并退出。"
    )
    return "\n".join(lines)


def start_text(total: int, first_time: bool) -> str:
    """The text shown above the first question."""
    titles = "、".join(s.title for s in SECTIONS)
    minutes = "第一次填写大约需要 40—60 分钟" if first_time else "大约需要 10—20 分钟"
    return (
        "drafter 问答：起草本单位的年度法治政府建设情况报告\n"
        f"共 {len(SECTIONS)} 个部分、{total} 个问题：{titles}。\n"
        f"{minutes}；文字可以先简写，以后用 drafter edit 修改。\n"
        "每答一题都自动保存到答卷文件；随时可按 Ctrl-C 退出，下次接着填。\n"
        "按键：回车＝确认（输入框里已有的内容就是默认值，直接回车即采用）；Ctrl-U＝清空输入框；\n"
        "      多段文字用 Ctrl-J 换行；F1 或 ?＝帮助；F2 或输入 <＝上一题；\n"
        "      F3 或输入 >＝目录（跳到任意部分、检查并生成报告）；Ctrl-C＝保存退出。\n"
        "数字："
        + (
            FIGURE_HINT
            if first_time
            else FIGURE_HINT.replace(
                "不报告就直接回车留空", "显示“去年：……”时回车＝与去年相同，输入 -＝今年不报告"
            )
        )
    )


def resume_text(path: Path, *, editing: bool = False) -> str:
    """Where the answers are and the command that goes on from here."""
    if editing:
        return (
            f"已保存到 {path}\n"
            f"以后修改：drafter edit {quoted(path)}；生成报告：drafter build {quoted(path)}"
        )
    return f"已保存到 {path}\n下次接着填：drafter new -o {quoted(path)}"


# --------------------------------------------------------------------------- interactive screens


def menu(flow: Flow) -> int | str | None:
    """Section menu: jump to any section, or to the review screen."""
    walked = {QUESTIONS[s.key].section for s in flow.steps}
    sections = [s for s in SECTIONS if s.name in walked]
    flow.say("\n目录：")
    for number, section in enumerate(sections, 1):
        open_count = sum(1 for q in section.questions if q.key in flow.pending)
        state = f"{open_count} 题未答" if open_count else "已答完"
        flow.say(f"  {number}. {section.title}（{state}）")
    flow.say("  0. 检查全部答案并生成报告")
    choice = flow.ask("输入序号跳到该部分（直接回车＝回到刚才的题）：")
    if isinstance(choice, Signal):
        return None
    text = choice.strip()
    if text in ("0", "０"):
        return "review"
    if text.isdigit() and 1 <= int(text) <= len(sections):
        name = sections[int(text) - 1].name
        return next(i for i, s in enumerate(flow.steps) if QUESTIONS[s.key].section == name)
    return None
