"""Broken answers files: every YAML problem is explained in Chinese with its line and column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.answers.file import parse_answers_text
from drafter.answers.yaml_errors import FALLBACK
from drafter.errors import DrafterError
from tests.conftest import run_drafter

# (text, line, column, words the explanation must contain)
BROKEN = [
    ("a: [1, 2", 1, 9, ["“[”", "第 1 行第 4 列", "“]”"]),
    ("a: {b: 1", 1, 9, ["“{”", "“}”"]),
    ('a: "abc\nb: 1', 2, 5, ["引号", "第 1 行第 4 列"]),
    ("a:\n  b: 1\n c: 2", 3, 2, ["缩进"]),
    ("a: b: c", 1, 5, ["冒号"]),
    ("a: 1\na: 2", 2, 1, ["“a”", "两次"]),
    ("a: |x\n  t", 1, 5, ["“|”"]),
    ("a: @x", 1, 4, ["“@”", "引号"]),
    ("a: *nope", 1, 4, ["“*nope”"]),
    ("\ta: 1", 1, 1, ["Tab", "空格"]),
    ("---\na: 1\n---\nb: 2", 3, 1, ["---"]),
    ('a: "\\q"', 1, 6, ["\\q"]),
    ("%YAML 2.0\n---\na: 1", 1, 1, ["%"]),
    ("a:\n  - 1\n  b: 2", 3, 3, ["缩进"]),
    # The message of the issue: "expected the node content, but found '<stream end>'".
    ("[1,\n", 2, 1, ["文件结尾"]),
    ("a: !<x", 1, 7, ["“!”"]),
    ("a: &", 1, 5, ["“&”"]),
    # A key longer than YAML reads without quotes: not "a colon too many".
    ("a:\n  " + "键" * 1100 + ": 1", 2, 1103, ["键名太长", "1024"]),
    ("a: " + "字" * 1100 + ": 1", 1, 1104, ["多了一个英文冒号"]),
]


def _english(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z']+", text)
    return [w for w in words if w not in {"YAML", "Tab", "UTF", "text", "nope", "yaml", "x"}]


@pytest.mark.parametrize(("text", "line", "column", "words"), BROKEN)
def test_broken_yaml_is_explained_in_chinese(
    text: str, line: int, column: int, words: list[str]
) -> None:
    with pytest.raises(DrafterError) as info:
        parse_answers_text(text, Path("答卷.yaml"))
    error = info.value
    shown = str(error)
    assert (error.line, error.column) == (line, column), shown
    assert f"第 {line} 行第 {column} 列" in shown
    assert all(w in shown for w in words), shown
    assert FALLBACK.message not in shown, "a ruamel problem without an explanation"
    assert _english(shown) == [], shown
    assert "怎么改" in shown


@pytest.mark.parametrize("text", ["a: \x01", "a: 2024-13-45", "a: " + "[" * 2000])
def test_unmarked_yaml_errors_are_chinese_too(text: str) -> None:
    with pytest.raises(DrafterError) as info:
        parse_answers_text(text, Path("答卷.yaml"))
    assert _english(str(info.value)) == [], str(info.value)


def test_build_shows_the_explanation_not_ruamel(tmp_path: Path) -> None:
    answers = tmp_path / "答卷.yaml"
    answers.write_text("identity:\n  unit_name: [俄久乡,\n", encoding="utf-8")
    result = run_drafter("build", str(answers), cwd=tmp_path)
    assert result.returncode == 2
    assert "expected" not in result.stderr and "found" not in result.stderr
    assert "第 3 行第 1 列" in result.stderr and "答卷的格式有误" in result.stderr
