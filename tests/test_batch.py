"""``drafter build A.yaml B.yaml … -o DIR``: many reports at once, on several processes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from drafter import batch
from drafter.cli import main
from drafter.io.console import display_width

REPORT = "俄久乡2024年度法治政府建设情况报告"


@pytest.fixture
def answers_dir(tmp_path: Path, example_path: Path) -> Path:
    folder = tmp_path / "答卷"
    folder.mkdir()
    return folder


def _copies(folder: Path, example: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = folder / f"{i:02d}乡.yaml"
        shutil.copyfile(example, path)
        paths.append(path)
    return paths


def _title(path: Path) -> str:
    return "".join(p.text for p in docx.Document(str(path)).paragraphs[:1])


def test_a_failing_file_does_not_stop_the_others(
    answers_dir: Path, example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _copies(answers_dir, example_path, 2)
    (answers_dir / "坏的.yaml").write_text("identity: [\n", encoding="utf-8")
    (answers_dir / "说明.txt").write_text("不是答卷", encoding="utf-8")
    out = tmp_path / "报告"
    code = main(["build", str(answers_dir), "-o", str(out), "--jobs", "2"])
    captured = capsys.readouterr()
    # Built what could be built; the exit code says some file needs attention.
    assert code == 1
    reports = sorted(out.glob("*.docx"))
    assert [p.name for p in reports] == [f"{REPORT}(2).docx", f"{REPORT}.docx"]
    for report in reports:
        assert "俄久乡" in _title(report)
    # The table: one row per answers file (the .txt is not one), the failure explained below it.
    rows = [line for line in captured.out.splitlines() if ".yaml" in line.split("  ")[0]]
    assert [row.split()[0] for row in rows] == ["00乡.yaml", "01乡.yaml", "坏的.yaml"]
    assert f"{REPORT}.docx" in rows[0] and f"{REPORT}(2).docx" in rows[1]
    assert "未生成" in rows[2]
    assert "共 3 份答卷：生成 2 份报告" in captured.out and "1 份未生成" in captured.out
    assert "格式有误" in captured.out and "第 2 行" in captured.out
    # The example has one hint (提示) and nothing worse: 0 errors, 0 warnings, 1 hint.
    assert rows[0].split()[-3:] == ["0", "0", "1"]
    assert "生成报告 [" in captured.err
    assert not list(out.glob(".drafter-batch-*")), "no temporary file is left"
    assert good[0].read_bytes() == example_path.read_bytes(), "inputs are never touched"


def test_all_built_and_clean_is_exit_0_none_built_is_2(
    answers_dir: Path, example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _copies(answers_dir, example_path, 2)
    assert main(["build", str(a), str(b), "-o", str(tmp_path / "好"), "--jobs", "1"]) == 0
    bad = answers_dir / "坏.yaml"
    bad.write_text("identity: [\n", encoding="utf-8")
    missing = answers_dir / "没有这个文件.yaml"
    assert main(["build", str(bad), str(missing), "-o", str(tmp_path / "坏")]) == 2
    out = capsys.readouterr().out
    assert "找不到" in out and "共 2 份答卷：生成 0 份报告" in out


def test_names_never_collide_under_concurrency_and_follow_the_input_order(
    answers_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    paths = _copies(answers_dir, example_path, 8)
    out = tmp_path / "报告"
    options = batch.Options(out)
    out.mkdir()
    outcomes = batch.build_batch(paths, options, jobs=4, progress=io.StringIO())
    names = [o.report.name for o in outcomes if o.report is not None]
    expected = [f"{REPORT}.docx"] + [f"{REPORT}({n}).docx" for n in range(2, 9)]
    assert names == expected
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)


def test_force_replaces_what_was_there_but_never_a_report_of_the_same_batch(
    answers_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "报告"
    out.mkdir()
    old = out / f"{REPORT}.docx"
    old.write_bytes(b"old")
    paths = _copies(answers_dir, example_path, 2)
    outcomes = batch.build_batch(
        paths, batch.Options(out, force=True), jobs=2, progress=io.StringIO()
    )
    assert [o.report for o in outcomes] == [old, out / f"{REPORT}(2).docx"]
    assert "俄久乡" in _title(old)


def test_an_internal_error_in_one_file_is_exit_3_and_the_others_are_built(
    answers_dir: Path,
    example_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import drafter.batch

    paths = _copies(answers_dir, example_path, 2)
    real = drafter.batch.build_from_answers
    calls = []

    def flaky(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return real(*args, **kwargs)

    monkeypatch.setattr(drafter.batch, "build_from_answers", flaky)
    out = tmp_path / "报告"
    code = main(["build", *map(str, paths), "-o", str(out), "--jobs", "1"])
    text = capsys.readouterr().out
    assert code == 3
    assert "程序内部错误" in text
    assert [p.name for p in out.glob("*.docx")] == [f"{REPORT}.docx"]


def test_unusable_batch_arguments_are_refused(
    answers_dir: Path, example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _copies(answers_dir, example_path, 2)
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    assert main(["build", str(empty), "-o", str(tmp_path / "报告")]) == 2
    assert "没有找到答卷文件" in capsys.readouterr().err
    assert main(["build", *map(str, paths), "-o", str(tmp_path / "一份.docx")]) == 2
    assert "应是一个文件夹" in capsys.readouterr().err
    args = ["build", *map(str, paths), "--with-comparison", str(paths[0])]
    assert main(args) == 2
    assert "只能用于一份答卷" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:
        main(["build", *map(str, paths), "--jobs", "0"])
    assert refused.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_progress_redraws_on_a_terminal_and_prints_tenths_in_a_pipe() -> None:
    pipe = io.StringIO()
    bar = batch.Progress(20, pipe)
    for n in range(20):
        bar.advance(failed=n == 3)
    bar.finish()
    lines = pipe.getvalue().splitlines()
    assert len(lines) == 10 and "\r" not in pipe.getvalue()
    assert lines[-1] == "生成报告 [" + "#" * 24 + "] 20/20，未生成 1"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    bar = batch.Progress(3, terminal)
    for _ in range(3):
        bar.advance(failed=False)
        bar.last_draw = 0.0  # as if time had passed
    bar.finish()
    assert terminal.getvalue().count("\r") == 3 and terminal.getvalue().endswith("3/3\n")
    assert all(ord(c) < 128 for c in "".join(lines[-1].split("[")[1].split("]")[0]))


def test_table_columns_line_up_by_display_width() -> None:
    outcomes = [
        batch.Outcome(0, Path("甲.yaml"), report=Path("d/甲乡报告.docx"), errors=1),
        batch.Outcome(1, Path("long-name.yaml"), report=Path("d/b.docx"), warnings=12),
    ]
    lines = batch.table_lines(outcomes, Path("d"))
    header, rule, first, second = lines[:4]
    # Every row's error column starts at the same display column as the header's.
    column = display_width(header[: header.index("错误")])
    for row in (first, second):
        cells = row.split()
        prefix = row[: row.index("  " + cells[2]) + 2]
        assert display_width(prefix) == column
    assert rule.startswith("-")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs: POSIX")
def test_a_fifo_among_the_answers_is_refused_without_blocking_the_batch(
    answers_dir: Path, example_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    _copies(answers_dir, example_path, 1)
    os.mkfifo(answers_dir / "管道.yaml")
    code = main(["build", str(answers_dir), "-o", str(tmp_path / "报告"), "--jobs", "2"])
    out = capsys.readouterr().out
    assert code == 1
    assert "管道.yaml" in out and "不是普通文件" in out
    assert [p.name for p in (tmp_path / "报告").glob("*.docx")] == [f"{REPORT}.docx"]


def test_a_batch_with_spawned_workers_builds_every_report(
    answers_dir: Path, example_path: Path, tmp_path: Path
) -> None:
    """Windows and macOS start workers by spawning, not forking: each worker imports drafter
    afresh and gets its job by pickling (forced here with a sitecustomize hook)."""
    import os
    import subprocess
    import sys

    _copies(answers_dir, example_path, 3)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import multiprocessing\n"
        "real = multiprocessing.get_context\n"
        "multiprocessing.get_context = lambda method=None: real('spawn')\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), *sys.path])}
    out = tmp_path / "报告"
    args = [sys.executable, "-m", "drafter", "build", str(answers_dir), "-o", str(out)]
    result = subprocess.run(
        [*args, "--jobs", "2"], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(out.glob("*.docx"))) == 3
