"""The commands as a user runs them: exit codes, messages, never overwriting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from drafter.cli import main
from tests.conftest import run_drafter

ROOT = Path(__file__).resolve().parent.parent


def test_help_is_chinese(tmp_path: Path) -> None:
    result = run_drafter("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("demo", "new", "edit", "build", "check", "import", "compare"):
        assert command in result.stdout
    assert "法治政府建设" in result.stdout


def test_demo_from_an_empty_folder_writes_a_docx(tmp_path: Path) -> None:
    result = run_drafter("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = list((tmp_path / "output").glob("*.docx"))
    assert len(written) == 1
    assert str(written[0].name) in result.stdout
    assert "0 个错误" in result.stdout


def test_build_never_overwrites_silently(tmp_path: Path, example_path: Path, capsys: Any) -> None:
    out = tmp_path / "报告.docx"
    out.write_bytes(b"user's own file")
    assert main(["build", str(example_path), "-o", str(out)]) == 0
    assert out.read_bytes() == b"user's own file"
    assert (tmp_path / "报告(2).docx").exists()
    assert "报告(2).docx" in capsys.readouterr().out
    assert main(["build", str(example_path), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() != b"user's own file"


def test_build_with_another_outline(tmp_path: Path, example_path: Path) -> None:
    import docx

    out = tmp_path / "x.docx"
    assert main(["build", str(example_path), "-o", str(out), "--outline", "first-duty"]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    first_part = next(t for t in texts if t.startswith("一、"))
    assert "第一责任人" in first_part


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        ("identity:\n  unit_name: 俄久乡\n\tyear: 2024\n", ["第 3 行", "Tab"]),
        (
            "identity:\n  unit_name: 俄久乡\n  year: 2024\npublicity:\n  activities: 很多\n",
            ["第 5 行", "publicity.activities", "普法宣传活动"],
        ),
        (
            "identity:\n  unit_name: 俄久乡\n  year: 2024\ndisputes:\n  mediated: 2\n  resolved: 3\n",
            ["disputes.resolved", "不能多于"],
        ),
        ("identity:\n  unit_name: 俄久乡\n", ["必填", "identity.year"]),
    ],
)
def test_broken_and_invalid_answers_exit_2_and_leave_the_file_alone(
    tmp_path: Path, content: str, fragments: list[str]
) -> None:
    path = tmp_path / "答卷.yaml"
    path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    result = run_drafter("build", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(path.name) in result.stderr or "必填" in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("output/*.docx"))


def test_missing_answers_file(tmp_path: Path) -> None:
    result = run_drafter("build", "没有这个文件.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "找不到答卷文件" in result.stderr


def test_usage_errors_are_chinese(tmp_path: Path) -> None:
    result = run_drafter("build", cwd=tmp_path)
    assert result.returncode == 2
    assert "缺少答卷文件" in result.stderr


def test_unwritable_output_is_a_clear_error(
    tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert main(["build", str(example_path), "-o", str(blocker / "r.docx")]) == 2
    assert "错误" in capsys.readouterr().err


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path: Path) -> None:
    seed = next((ROOT / "seeds").glob("002_*.txt"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen(
        [sys.executable, "-m", "drafter", "check", str(seed), "--format", "json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader is gone before drafter writes (like `| head`)
        err = proc.stderr.read().decode("utf-8")
        proc.wait(timeout=60)
    assert "内部错误" not in err and "Traceback" not in err
    assert proc.returncode in (0, 1)


# --- findings as users read them: rule names, 全文, hints on request, one exit-code rule --------


def _with_a_warning(example_data: dict[str, Any]) -> dict[str, Any]:
    import copy

    data = copy.deepcopy(example_data)
    measure = data["publicity"]["measures"][0]
    measure["text"] = measure["text"] + "全年开展专题宣传3 次。"  # a space inside Chinese
    return data


def test_build_and_check_exit_1_on_the_same_warning(
    tmp_path: Path, example_data: dict[str, Any], write_answers: Any, capsys: Any
) -> None:
    from drafter.checks import rule_name

    answers = write_answers(_with_a_warning(example_data))
    out = tmp_path / "报告.docx"
    assert main(["build", str(answers), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "[警告] 普法宣传方面的具体措施" in text and rule_name("spacing") in text
    assert "（publicity.measures）" in text
    assert "0 个错误，1 个警告" in text
    assert main(["check", str(out)]) == 1
    text = capsys.readouterr().out
    assert f"■ [警告] {rule_name('spacing')}：" in text
    assert "spacing" not in text  # the id is for JSON only


def test_hints_are_counted_and_listed_only_with_all(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    from drafter.checks import rule_name

    assert main(["demo", "-o", str(tmp_path / "a.docx")]) == 0
    quiet = capsys.readouterr().out
    assert "其他需要报告的情况" not in quiet
    assert "0 个错误，0 个警告，1 个提示（提示未列出，加 --all 查看）。" in quiet
    assert main(["build", str(example_path), "-o", str(tmp_path / "b.docx"), "--all"]) == 0
    loud = capsys.readouterr().out
    assert f"[提示] 全文　{rule_name('missing-part')}：没有“其他需要报告的情况”部分" in loud
    assert "第 1 段" not in loud and "missing-part" not in loud


def test_a_whole_document_finding_is_全文_in_text_and_minus_1_in_json(
    tmp_path: Path, capsys: Any
) -> None:
    import json

    from drafter.checks import rule_name

    seed = next((ROOT / "seeds").glob("004_*.txt"))
    assert main(["check", str(seed)]) == 1
    text = capsys.readouterr().out
    assert f"■ [错误] {rule_name('missing-part')}：" in text and "\n    全文\n" in text
    assert main(["check", str(seed), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    missing = [f for f in findings if f["rule"] == "missing-part"]
    assert missing and all(f["paragraph"] == -1 for f in missing)
