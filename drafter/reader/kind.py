"""Whether a text read as a report is one: ``check``, ``import`` and ``summary`` given an answers
file, a README or any other text say so instead of listing a hundred findings about it.

The signs are general, not any one file's: an answers file has drafter's section keys on lines
of their own (the catalogue's names); a document, program or data file is mostly lines of Latin
letters (Markdown, YAML keys, code) where a report has none; and a 法治政府建设 report keeps
coming back to 法 and 政 (法治, 依法, 普法, 法律, 政府, 行政, 党政), or says what it is in its
title (……年度法治政府建设情况报告). In the development half of the real reports these two
characters make at least 29 of every 1000 Chinese characters, in Chinese texts of other kinds (a
story, a recipe, a weather report, a school notice) at most 7; the line is drawn between, and a
short text needs only one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from drafter.errors import DrafterError
from drafter.text.hanzi import HAN

LEGAL_PER_THOUSAND = 12
"""法 and 政 per 1000 Chinese characters below which a text is not a 法治政府建设 report."""
LATIN_SHARE = 0.25
"""Share of lines mostly in Latin letters above which a text is a document, program or data."""
LATIN_LINES = 3
"""…and at least this many such lines (one English line in a short report is not enough)."""
MIN_HAN = 10
"""Chinese characters a report has at the very least."""
SAMPLE_CHARS = 3000
"""Characters of the opening paragraphs the signs are read from: a few pages show what a text
is, and a long report costs no more than a short one."""

TITLE_LINES = 3
"""Lines at the top where a report's title stands (a number or a 文号 line may come first)."""
TITLE_CHARS = 80
_REPORT_WORDS = ("报告", "总结", "情况")

_HAN = re.compile(rf"{HAN}+")
_LATIN = re.compile(r"[A-Za-z]+")
_KEY_LINE = re.compile(r"^([a-z][a-z_]*):(?:\s|$)")
_HINT = "drafter check 检查的是乡镇（街道）法治政府建设报告（.docx 或 .txt）；请确认选对了文件。"


def refuse_unless_report(path: Path, lines: Sequence[str]) -> None:
    """DrafterError (exit 2) when ``lines`` (a file's paragraphs, in order) are not a report."""

    lines = _opening(lines)
    if _answers_keys(lines):
        raise DrafterError(
            "这是 drafter 的答卷文件（.yaml），不是报告",
            path=path,
            hint=f"由答卷生成报告（生成时会一并检查）：drafter build {path}；"
            f"明年从这份答卷开始：drafter new --from {path}。",
        )
    latin = 0
    for line in lines:
        letters = _count(_LATIN, line)
        if letters and letters > _count(_HAN, line):
            latin += 1
    if latin >= LATIN_LINES and latin > LATIN_SHARE * len(lines):
        raise DrafterError(
            f"这个文件看起来不是报告：{len(lines)} 行里有 {latin} 行主要是英文字母"
            "（像说明文档、程序代码或数据文件）",
            path=path,
            hint=_HINT,
        )
    text = "".join(lines)
    han = _count(_HAN, text)
    if han < MIN_HAN:
        raise DrafterError(f"这个文件看起来不是报告：只有 {han} 个汉字", path=path, hint=_HINT)
    legal = text.count("法") + text.count("政")
    if legal < max(1, han * LEGAL_PER_THOUSAND / 1000) and not _titled(lines):
        raise DrafterError(
            f"这个文件看起来不是法治政府建设报告：开头 {han} 个汉字里，“法”“政”两字"
            f"（法治、依法、普法、政府、行政……）只出现了 {legal} 次",
            path=path,
            hint=_HINT,
        )


def _titled(lines: Sequence[str]) -> bool:
    """Whether one of the first lines is a title naming the report ("……年度法治政府建设情况
    报告", "……依法行政工作总结"): such a text is checked whatever its body says."""
    return any(
        len(line) <= TITLE_CHARS
        and ("法治" in line or "依法" in line)
        and any(word in line for word in _REPORT_WORDS)
        for line in lines[:TITLE_LINES]
    )


def _opening(lines: Sequence[str]) -> list[str]:
    """The first paragraphs, up to :data:`SAMPLE_CHARS` characters."""
    out: list[str] = []
    total = 0
    for line in lines:
        out.append(line)
        total += len(line)
        if total >= SAMPLE_CHARS:
            break
    return out


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters ``pattern`` (one or more of a kind) matches in ``text``."""
    return sum(len(run) for run in pattern.findall(text))


def _answers_keys(lines: Sequence[str]) -> bool:
    """Whether the lines hold two or more of the answers file's own keys (its sections and
    bookkeeping keys) as ``key:`` lines: a YAML answers file, even one saved as .txt."""
    keys = {m.group(1) for line in lines if (m := _KEY_LINE.match(line))}
    if len(keys) < 2:
        return False  # a report has no such lines: the catalogue need not be loaded
    from drafter.answers.file import RESERVED_KEYS  # only for a text that has key lines
    from drafter.questions import SECTION_BY_NAME

    return len(keys & (set(SECTION_BY_NAME) | set(RESERVED_KEYS))) >= 2
