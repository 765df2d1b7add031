"""Hostile cases, third round, one test per class (benchmarks/hostile_more.py and
hostile_inputs.py have the examples):

- a county template states a figure in Chinese numerals, other digits or a printed literal;
- a county part saved without a final newline runs into the next block's markup;
- ``--pdf`` onto a taken name, or with LibreOffice failing: the .docx is kept, the message is
  Chinese, a PDF someone else wrote is never replaced (single build and batch);
- a stop signal (SIGTERM, SIGHUP, Ctrl-C) in the middle of a write or of a PDF conversion:
  cleaned up, LibreOffice ended with its helpers, exit 2;
- ``compare`` of an answers file with values of the wrong type: refused, not shown as "—";
- an empty path argument (``-o ""``): refused naming the option;
- a file name made from answers text keeps no invisible characters (bidi overrides);
- an answers file in UTF-16 without a BOM; unknown keys holding line breaks; texts holding
  YAML's own line breaks (NEL, U+2028, U+2029) through import and save;
- ``summary`` over a folder of thousands of files: refused at once, not searched for minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from drafter.cli import main
from drafter.io.outputs import safe_filename
from tests.conftest import county_templates, run_python

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z']{2,}){2,}\b")
posix_only = pytest.mark.skipif(os.name != "posix", reason="shell-script LibreOffice, signals")


def _drafter(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        timeout=120,
    )


# --------------------------------------------------------------------------- template figures


@pytest.mark.parametrize(
    "body",
    [
        "::p 全年开展普法活动一百场",
        "::p 组织培训二十余次",
        "::p 发放资料百余份",
        "::p 开展宣传数十场",
        "::p 召开专题会议五次",
        "::p 二〇二四年以来",
        "::p 群众满意度达百分之九十五",
        "::p 全年开展普法活动１００场",
        "::p 开展活动⑩场",
        "{{ '开展活动三十场' }}",
        "::p 开展活动{{ 50 * 2 }}场",
        "::p 开展活动{{ 100 | string }}场",
        "::p 增长{{ -5 }}",
        "::p 开展活动{{ 30 if unit else 40 }}场",
        '::p 开展{{ "%d场" | format(100) }}',
        '::p 开展{{ "{n}场".format(n=100) }}',
        "::p 开展活动{{ range(100) | length }}场",
        "::p 开展活动{{ range(1, 101) | list | count }}场",
        "{% set n = range(100) | length %}::p 开展活动{{ n }}场",
    ],
)
def test_county_template_figure_in_any_script_is_refused(
    body: str, example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    county = county_templates(tmp_path, "{#- 注释 -#}\n::p 第二行\n" + body + "\n")
    out = tmp_path / "out" / "r.docx"
    code = main(["build", str(example_path), "--templates", str(county), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "plans.j2" in err and "第 3 行" in err and "数字" in err, err
    assert not out.exists()


def test_county_template_set_phrases_with_numerals_are_words(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    words = (
        "::p 一是坚持统一领导，进一步落实“一把手”责任，增强“四个意识”，做到“两个维护”，"
        "落实“三重一大”制度和中央八项规定精神，第一责任人每年一次述法，推进“五位一体”。\n"
        "{% for item in range(3) %}{% if loop.index > 1 %}{% endif %}{% endfor %}\n"
    )
    county = county_templates(tmp_path, words)
    out = tmp_path / "r.docx"
    code = main(["build", str(example_path), "--templates", str(county), "-o", str(out)])
    assert code in (0, 1), capsys.readouterr().err
    import docx

    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("四个意识" in t and "三重一大" in t for t in texts)


@pytest.mark.parametrize("ending", ["", "\r\n::p 第二段", "\n{% if unit %}\n::p 有\n{% endif %}"])
def test_county_part_without_final_newline_keeps_the_next_block(
    ending: str, example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    """Notepad writes no newline after the last line: the including outline's next line (a
    heading) must stay a heading, not run into the part's last paragraph as text."""
    county = county_templates(tmp_path, "\ufeff::p 计划" + ending)
    out = tmp_path / "r.docx"
    code = main(["build", str(example_path), "--templates", str(county), "-o", str(out)])
    assert code in (0, 1), capsys.readouterr().err
    import docx

    shown = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    assert not [t for _, t in shown if "::" in t]
    plans = next(i for i, (_, t) in enumerate(shown) if t.startswith("计划"))
    assert shown[plans - 1][0].startswith("Heading") and "安排" in shown[plans - 1][1]
    assert [s for s, _ in shown].count("Heading 1") >= 4


# --------------------------------------------------------------------------- --pdf


def _soffice(folder: Path, script: str) -> dict[str, str]:
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "soffice"
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


# A LibreOffice that writes "<name>.pdf" into --outdir; THEIRS: meanwhile someone else writes a
# PDF under the name the report's PDF will get.
CONVERT = (
    'prev=""; for a; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a"; last="$a"; done\n'
    'name=$(basename "$last" .docx)\nmkdir -p "$out"\nprintf ours > "$out/$name.pdf"\n'
)
THEIRS = 'printf theirs > "$(dirname "$last")/$name.pdf"\n'
FAILS = 'echo "Error: source file could not be loaded" >&2\necho "javaldx: failed" >&2\nexit 1\n'


@posix_only
@pytest.mark.parametrize("how", ["existing-pdf", "taken-meanwhile", "fails", "not-executable"])
def test_pdf_never_replaces_a_pdf_and_keeps_the_docx(
    how: str, example_path: Path, tmp_path: Path
) -> None:
    script = {"existing-pdf": CONVERT, "taken-meanwhile": CONVERT + THEIRS, "fails": FAILS}
    env = _soffice(tmp_path, script.get(how, "exit 0\n"))
    if how == "not-executable":
        (tmp_path / "bin" / "soffice").chmod(0o644)
        env = {"PATH": str(tmp_path / "bin")}
    if how == "existing-pdf":
        (tmp_path / "报告.pdf").write_bytes(b"earlier")
    result = _drafter("build", str(example_path), "-o", "报告.docx", "--pdf", cwd=tmp_path, env=env)
    err = result.stderr
    assert "Traceback" not in err and not ENGLISH.search(err), err
    said = result.stdout  # the report, its findings, then why there is no PDF
    assert "Traceback" not in said and not ENGLISH.search(said), said
    docx_files = sorted(tmp_path.glob("*.docx"))
    assert docx_files and docx_files[0].stat().st_size > 0
    if how == "existing-pdf":
        # The report took a free name (报告(2)) so its PDF does not replace the earlier one.
        assert (tmp_path / "报告.pdf").read_bytes() == b"earlier"
        assert result.returncode in (0, 1), err
        assert (tmp_path / "报告(2).pdf").read_bytes() == b"ours"
    elif how == "taken-meanwhile":
        # Done, with something to report (exit 1): the report is written and checked.
        assert result.returncode == 1
        assert (tmp_path / "报告.pdf").read_bytes() == b"theirs"
        assert "检查结果：" in said and "PDF 没有生成（Word 报告照常生成）" in said, said
        assert "文件已存在" in said, said
    else:
        assert result.returncode == 1
        assert "检查结果：" in said and "PDF 没有生成（Word 报告照常生成）" in said, said
        assert "LibreOffice" in said
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


@posix_only
def test_batch_pdf_failure_keeps_every_docx_and_says_so(example_path: Path, tmp_path: Path) -> None:
    env = _soffice(tmp_path, FAILS)
    one, two = tmp_path / "一.yaml", tmp_path / "二.yaml"
    shutil.copy(example_path, one)
    shutil.copy(example_path, two)
    result = _drafter(
        "build", str(one), str(two), "-o", "出", "--pdf", "--jobs", "2", cwd=tmp_path, env=env
    )
    assert result.returncode == 1, result.stdout + result.stderr
    written = sorted(p.name for p in (tmp_path / "出").iterdir())
    assert written == [
        "俄久乡2024年度法治政府建设情况报告(2).docx",
        "俄久乡2024年度法治政府建设情况报告.docx",
    ]
    assert result.stdout.count("PDF 没有生成（Word 报告照常生成）") == 2
    assert "LibreOffice 打不开这个 .docx 文件" in result.stdout
    assert not ENGLISH.search(result.stdout + result.stderr)


# --------------------------------------------------------------------------- stop signals


def _terminal_signals() -> None:
    """In the child: Ctrl-C as on a terminal (a test run started in the background has SIGINT
    ignored, and the child would inherit that)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


STOP_MID_WRITE = """
import os, signal, sys
from drafter import cli
from drafter.io import inputs, outputs
real = os.fsync
def stop(fd):
    real(fd)
    os.kill(os.getpid(), signal.{sig})
outputs.os.fsync = stop
sys.exit(cli.main(sys.argv[1:]))
"""


@posix_only
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP", "SIGINT"])
@pytest.mark.parametrize("command", ["build", "import", "build-force"])
def test_stop_signal_mid_write_leaves_nothing_half_done(
    sig: str, command: str, example_path: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "答卷.yaml"
    shutil.copy(example_path, answers)
    before = answers.read_bytes()
    (tmp_path / "out").mkdir()
    if command == "build-force":
        (tmp_path / "out" / "报告.docx").write_bytes(b"last week's report")
    args = {
        "build": ["build", str(answers), "-o", "out/报告.docx"],
        "build-force": ["build", str(answers), "-o", "out/报告.docx", "--force"],
        "import": ["import", str(ROOT / "seeds" / "000_423f073e31c81c7f.txt"), "-o", "out/a.yaml"],
    }[command]
    result = run_python(
        "-c", STOP_MID_WRITE.format(sig=sig), *args, cwd=tmp_path, preexec_fn=_terminal_signals
    )
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "已中断" in result.stderr and "Traceback" not in result.stderr
    left = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert left == (["报告.docx"] if command == "build-force" else []), left
    if command == "build-force":
        assert (tmp_path / "out" / "报告.docx").read_bytes() == b"last week's report"
    assert answers.read_bytes() == before


# --------------------------------------------------------------------------- compare, arguments


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("publicity: {activities: [1, 2]}\n", "publicity.activities"),
        ("publicity: [1]\n", "publicity"),
        ("identity: [1, 2]\n", "identity"),
        ("identity: {year: [2024]}\n", "identity.year"),
        ("publicity: {activities: 1e309}\n", "publicity.activities"),
    ],
)
def test_compare_refuses_values_of_the_wrong_type(
    text: str, field: str, example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    bad = tmp_path / "坏.yaml"
    bad.write_text(text, encoding="utf-8")
    for args in ([str(bad), str(example_path)], [str(example_path), str(bad)]):
        code = main(["compare", *args])
        err = capsys.readouterr().err
        assert code == 2 and field in err and "坏.yaml" in err, err


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["build", "{example}", "-o", ""], "-o/--output"),
        (["check", ""], "报告文件"),
        (["import", "{example}", "-o", " "], "-o/--output"),
        (["summary", "{example}", "-o", ""], "-o/--output"),
        (["check", "{example}", "--annotate", ""], "--annotate"),
    ],
)
def test_empty_path_argument_is_refused_naming_it(
    args: list[str], name: str, example_path: Path, tmp_path: Path
) -> None:
    args = [a.replace("{example}", str(example_path)) for a in args]
    result = _drafter(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert name in result.stderr and "文件名是空的" in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_file_names_from_answers_keep_no_invisible_characters() -> None:
    hostile = "俄久\u202excod.exe\u200b乡\u2028\u2029\x85\ufeff\ue000"
    name = safe_filename(hostile)
    assert name == "俄久xcod.exe乡_"
    assert all(ch.isprintable() for ch in name)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_answers_in_utf16_without_bom_are_read(
    encoding: str, example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    """Mostly Chinese text in UTF-16 has few NUL bytes (one per ASCII character), all on one
    side of each pair: that, not how many there are, tells it from GBK or a binary file."""
    path = tmp_path / "答卷.yaml"
    path.write_bytes(example_path.read_text(encoding="utf-8").encode(encoding))
    code = main(["build", str(path), "-o", str(tmp_path / "r.docx")])
    assert code in (0, 1), capsys.readouterr().err
    binary = tmp_path / "乱码.yaml"
    binary.write_bytes(bytes(range(256)) * 64)
    assert main(["build", str(binary), "-o", str(tmp_path / "x.docx")]) == 2
    assert "不是" in capsys.readouterr().err


def test_summary_over_too_many_files_is_refused_quickly(tmp_path: Path, capsys: Any) -> None:
    """Comparing every pair of files took a minute for 2000 files; now they are told apart by
    identity in one pass and a folder with more files than any county has is refused."""
    import time

    from drafter.summary.collect import MAX_FILES, gather

    folder = tmp_path / "收"
    folder.mkdir()
    for n in range(MAX_FILES - 1):
        (folder / f"{n}.yaml").write_text("x: 1\n", encoding="utf-8")
    if os.name == "posix":  # Windows makes links only with a privilege
        (folder / "链接.yaml").symlink_to(folder / "0.yaml")
    start = time.monotonic()
    files, bad = gather([folder, folder, folder / "1.yaml"])
    assert time.monotonic() - start < 5
    assert len(files) == MAX_FILES - 1 and not bad  # each file once, whatever the path
    (folder / "多一个.yaml").write_text("x: 1\n", encoding="utf-8")
    (folder / "再多一个.yaml").write_text("x: 1\n", encoding="utf-8")
    code = main(["summary", str(folder), "-o", str(tmp_path / "汇总.xlsx")])
    err = capsys.readouterr().err
    assert code == 2 and "太多" in err and str(MAX_FILES) in err, err
    assert not (tmp_path / "汇总.xlsx").exists()


def test_unknown_keys_are_shown_on_one_line(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    """A quoted key may hold a line break: listed as it is, it would print a forged line."""
    path = tmp_path / "答卷.yaml"
    text = example_path.read_text(encoding="utf-8")
    path.write_text(text + '"evil\\n错误：伪造的消息": 1\n"' + "长" * 300 + '": 2\n', "utf-8")
    code = main(["build", str(path), "-o", str(tmp_path / "r.docx")])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert not any(line.startswith("错误：伪造") for line in out.splitlines()), out
    assert "evil\\u000a错误：伪造的消息" in out and "长" * 300 not in out


def _running(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its reaper does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")


def _ended_soon(pid: int, within: float = 10.0) -> bool:
    """Whether a process ends within a few seconds: a SIGKILL sent to a group is delivered
    asynchronously, so on a loaded machine the helper may still be on its way out when the
    build has already exited. A helper nobody killed (``sleep 600``) never ends in time."""
    import time

    deadline = time.monotonic() + within
    while _running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# A LibreOffice that starts a helper (as soffice starts soffice.bin), leaves a temp file where
# it is told to, says it has started, and never finishes.
LINGERS = (
    'sleep 600 &\necho $! > "$MARKS/helper"\n: > "$TMPDIR/lu0001.tmp"\n: > "$MARKS/started"\nwait\n'
)


@posix_only
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_stopped_during_pdf_conversion_libreoffice_ends_and_leaves_nothing(
    sig: str, example_path: Path, tmp_path: Path
) -> None:
    import signal
    import time

    marks, temp = tmp_path / "marks", tmp_path / "tmp"
    marks.mkdir()
    temp.mkdir()
    env = {
        **os.environ,
        **_soffice(tmp_path, LINGERS),
        "MARKS": str(marks),
        "TMPDIR": str(temp),
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
    }
    (tmp_path / "out").mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "build", str(example_path), "-o", "out/r.docx", "--pdf"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=_terminal_signals,
    )
    deadline = time.monotonic() + 60
    while not (marks / "started").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (marks / "started").exists(), "the conversion never started"
    process.send_signal(getattr(signal, sig))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "已中断" in err, err
    helper = int((marks / "helper").read_text().strip())
    assert _ended_soon(helper)  # LibreOffice's helper was ended with it
    assert list(temp.iterdir()) == []  # its temp file went with our temp folder
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["r.docx"]  # the finished .docx


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_texts_with_yaml_line_breaks_survive_import_and_save(
    brk: str, example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    """NEL, LINE and PARAGRAPH SEPARATOR are line breaks to YAML: written raw inside a block the
    import's own answers file could not be read back (its build failed with a YAML error)."""
    from drafter.answers.file import read_answers_file, save_answers

    seed = (ROOT / "seeds" / "000_423f073e31c81c7f.txt").read_text(encoding="utf-8").split("\n")
    report = tmp_path / "去年.txt"
    odd = [f"开展普法{brk}宣传活动。", f"召开{brk}专题会议。", "# 井号开头的一行。", "---"]
    report.write_text("\n".join(seed[:15] + odd + seed[15:]), encoding="utf-8")
    answers = tmp_path / "答卷.yaml"
    assert main(["import", str(report), "-o", str(answers)]) == 0, capsys.readouterr().err
    code = main(["build", str(answers), "-o", str(tmp_path / "r.docx")])
    assert code in (0, 1), capsys.readouterr().err
    loaded = read_answers_file(example_path)
    data = loaded.data
    data["plans"]["items"][0]["text"] = f"第一行{brk}第二行\n第三行"
    data["plans"]["items"][0]["heading"] = f"标题{brk}"
    data["opening"]["summary"] = f"成效{brk}显著"
    saved = save_answers(tmp_path / "存.yaml", data)
    again = read_answers_file(tmp_path / "存.yaml").data
    assert again["plans"]["items"][0]["text"] == f"第一行{brk}第二行\n第三行"
    assert again["plans"]["items"][0]["heading"] == f"标题{brk}"
    assert again["opening"]["summary"] == f"成效{brk}显著" == saved.data["opening"]["summary"]


STOP_WHILE_FORKING = """
import os, signal, sys
from drafter import cli
sent = []
def stop():
    if not sent:
        sent.append(1)
        os.kill(os.getpid(), signal.{sig})
os.register_at_fork(before=stop)
sys.exit(cli.main(sys.argv[1:]))
"""


@posix_only
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_stop_while_a_batch_forks_its_workers_stops_it(
    sig: str, example_path: Path, tmp_path: Path
) -> None:
    """A stop signal landing in Python's fork hooks was printed as "Exception ignored" and lost
    (the batch ran to the end), or cut the hook that stops a helper thread short (a hang)."""
    files = []
    for n in range(4):
        files.append(str(tmp_path / f"{n}.yaml"))
        shutil.copy(example_path, files[-1])
    script = STOP_WHILE_FORKING.format(sig=sig)
    out = str(tmp_path / "out")
    result = run_python(
        "-c",
        script,
        "build",
        *files,
        "-o",
        out,
        "--jobs",
        "2",
        cwd=tmp_path,
        preexec_fn=_terminal_signals,
    )
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "已中断" in result.stderr
    assert "Exception ignored" not in result.stderr and "Traceback" not in result.stderr
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links here")
def test_county_template_that_is_a_hard_link_is_refused(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    """A hard link has no target to check: it may name any file its author could read."""
    county = county_templates(tmp_path)
    elsewhere = tmp_path / "别处" / "机密.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text("::p 机密内容\n", encoding="utf-8")
    try:
        os.link(elsewhere, county / "parts" / "plans.j2")
    except OSError as exc:  # a file system without hard links
        pytest.skip(f"cannot make a hard link here: {exc}")
    out = tmp_path / "out" / "r.docx"
    code = main(["build", str(example_path), "--templates", str(county), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "硬链接" in err and "plans.j2" in err, err
    assert "机密内容" not in err
    assert not out.exists()


_CTRL_C_WHILE_LOADING = """
import builtins, os, signal, sys
sys.argv = ["drafter", "--version"]
import drafter.launch as launch
real_import = builtins.__import__
def import_(name, globals=None, locals=None, fromlist=(), level=0):
    if name == "drafter.cli" or (name == "drafter" and "cli" in (fromlist or ())):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the command line loads
    return real_import(name, globals, locals, fromlist, level)
builtins.__import__ = import_
launch.run()
"""


def test_ctrl_c_while_the_command_line_loads_stops_quietly(tmp_path: Path) -> None:
    """No English traceback of a KeyboardInterrupt inside an import: the stop says so in
    Chinese and ends with the code of an interrupted run."""
    done = run_python("-c", _CTRL_C_WHILE_LOADING, cwd=tmp_path)
    assert done.returncode == 2
    assert "已中断" in done.stderr
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr


_INTERRUPTED_INSIDE_AN_EXTENSION = """
import ctypes, sys
from drafter import cli

def command(args, out):
    # What CPython does when a Ctrl-C lands while an extension module runs code of its own
    # through the C API: the KeyboardInterrupt reaches drafter, but CPython has marked it as
    # unhandled and would end the process by SIGINT after its teardown.
    ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 1
    raise KeyboardInterrupt

cli.COMMANDS["check"] = command
sys.argv = ["drafter", "check", "报告.txt"]
from drafter import launch
launch.run()
"""


def test_an_interrupted_run_ends_with_its_own_code(tmp_path: Path) -> None:
    """Stopped and cleaned up, the command exits with 2 whatever CPython marked on the way."""
    if os.name != "posix":
        pytest.skip("the SIGINT exit of CPython's teardown is POSIX behaviour")
    (tmp_path / "报告.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "interrupted.py").write_text(_INTERRUPTED_INSIDE_AN_EXTENSION, encoding="utf-8")
    done = run_python(
        "-m", "interrupted", cwd=tmp_path, env={"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    )
    assert done.returncode == 2, done.stderr
    assert "已中断" in done.stderr
