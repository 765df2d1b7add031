"""Hardening, by class: what a hostile or broken environment can do to drafter.

One test per class of failure (issue 14), each over its examples: template files (links,
encodings, the county folder drafter must recognise), inputs that are not regular files, limits
that keep every accepted input fast, writes (never onto an input, never onto a device, atomic
claims of new names, Word lock files, temp files), broken standard streams, the error log, and
library English that reached users. Every refusal is exit 2 with a Chinese message, no traceback,
nothing written or overwritten.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafter.cli import main
from drafter.errors import DrafterError
from drafter.io import inputs, outputs
from tests.conftest import ROOT, county_templates, run_drafter

POSIX = os.name == "posix"
needs_posix = pytest.mark.skipif(not POSIX, reason="FIFOs, /dev and symlinks as a user: POSIX")
SEED = next((ROOT / "seeds").glob("000_*.txt"))
BUILTIN = ROOT / "templates"


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def refused(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2, a Chinese message with the fragments, no traceback, no English library text."""
    err = result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout[-500:], err[-2000:])
    assert "Traceback" not in err and "内部错误" not in err, err
    assert has_chinese(err), err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    return err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def answers(example_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "答卷.yaml"
    path.write_bytes(example_path.read_bytes())
    return path


# --------------------------------------------------------------------------- template files


def _link_file(county: Path, outside: Path) -> str:
    (county / "parts" / "plans.j2").symlink_to(outside)
    return "parts/plans.j2"


def _link_folder(county: Path, outside: Path) -> str:
    shutil.rmtree(county / "parts")
    (county / "parts").symlink_to(outside.parent, target_is_directory=True)
    return "parts"


def _link_outline(county: Path, outside: Path) -> str:
    (county / "outlines" / "regulation.j2").unlink()
    (county / "outlines" / "regulation.j2").symlink_to(outside)
    return "outlines/regulation.j2"


@needs_posix
@pytest.mark.parametrize("make_link", [_link_file, _link_folder, _link_outline])
def test_template_links_out_of_the_folder_are_refused(
    make_link: Callable[[Path, Path], str], answers: Path, tmp_path: Path
) -> None:
    """A symlinked file or folder would put any local file into the report sent to the county."""
    secret = tmp_path / "secret" / "plans.j2"
    secret.parent.mkdir()
    secret.write_text("::p 机密内容 root:x:0:0\n", encoding="utf-8")
    county = county_templates(tmp_path)
    name = make_link(county, secret)
    out = tmp_path / "out"
    result = run_drafter(
        "build", str(answers), "--templates", str(county), "-o", str(out / "r.docx"), cwd=tmp_path
    )
    err = refused(result, name, "链接")
    assert "机密" not in result.stdout + err
    assert not out.exists() or not list(out.iterdir())


@needs_posix
def test_a_link_inside_the_folder_is_followed(answers: Path, tmp_path: Path) -> None:
    county = county_templates(tmp_path)
    (county / "parts" / "mine.j2").write_text(
        "{% for it in a.plans.items %}::h2 县里的写法：{{ it.heading }}\n{% endfor %}",
        encoding="utf-8",
    )
    (county / "parts" / "plans.j2").symlink_to(county / "parts" / "mine.j2")
    (county / "outlines" / "regulation.j2").write_text(
        (BUILTIN / "outlines" / "regulation.j2").read_text(encoding="utf-8")
        + '{#- parts/mine.j2 is reached through the link "parts/mine.j2" -#}\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.docx"
    # Built (the bare headings draw 部分没有内容 warnings, hence 1 under the one exit-code rule).
    assert main(["build", str(answers), "--templates", str(county), "-o", str(out)]) in (0, 1)
    assert out.is_file()


ENCODINGS: dict[str, tuple[bytes, str, int]] = {
    # name: (file bytes, words of the message, line)
    "gbk": (
        "::p 第一行\n::p 计划：{{ unit }}\n".encode("gbk"),
        "GBK",
        1,
    ),
    "gbk-later": (
        b"::p ok\n::p ok\n" + "::p 计划\n".encode("gbk"),
        "GBK",
        3,
    ),
    "utf-16": ("::p 计划\n".encode("utf-16"), "UTF-16", 1),
    "binary": (b"::p ok\n\xff\xfe\xfd\x80\x81\n", "UTF-8", 2),
    "control": ("::p 一\n::p 二\x07三\n".encode(), "控制字符", 2),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_template_files_are_decoded_strictly_naming_file_and_line(
    name: str, answers: Path, tmp_path: Path
) -> None:
    raw, words, line = ENCODINGS[name]
    county = county_templates(tmp_path, raw)
    result = run_drafter(
        "build",
        str(answers),
        "--templates",
        str(county),
        "-o",
        str(tmp_path / "r.docx"),
        cwd=tmp_path,
    )
    refused(result, "plans.j2", words, f"第 {line} 行")
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize(
    ("layout", "words"),
    [
        ({}, "没有 drafter 认识的模板"),
        ({"README.md": "说明"}, "没有 drafter 认识的模板"),
        ({"outline/regulation.j2": "::p x"}, "outline/"),
        ({"outlines/regulation.txt": "::p x"}, "regulation.txt"),
        ({"outlines/五段式.j2": "::p x"}, "五段式.j2"),
        ({"parts/plan.j2": "::p x"}, "plans.j2"),
        ({"templates/outlines/regulation.j2": "::p x"}, "templates/"),
        ({"outlines/": ""}, "没有 drafter 认识的模板"),
    ],
    ids=[
        "empty",
        "readme-only",
        "outline-dir",
        "txt-outline",
        "unknown-outline",
        "typo-part",
        "nested",
        "empty-outlines",
    ],
)
def test_county_folder_must_hold_what_drafter_recognises(
    layout: dict[str, str], words: str, answers: Path, tmp_path: Path, capsys: Any
) -> None:
    """Issue 11, item 5: no silent fall-back to the built-ins."""
    county = tmp_path / "县模板"
    county.mkdir()
    for name, text in layout.items():
        path = county / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not name.endswith("/"):
            path.write_text(text, encoding="utf-8")
    code = main(["build", str(answers), "--templates", str(county), "-o", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert words in err and "outlines/" in err and "Traceback" not in err
    assert not (tmp_path / "r.docx").exists()


def test_a_new_part_is_recognised_when_a_template_includes_it(
    answers: Path, tmp_path: Path, capsys: Any
) -> None:
    county = county_templates(tmp_path)
    outline = county / "outlines" / "regulation.j2"
    tail = '{% include "parts/tail.j2" %}'
    outline.write_text(
        outline.read_text(encoding="utf-8").replace(
            tail, '{% include "parts/县里的附记.j2" %}\n' + tail
        ),
        encoding="utf-8",
    )
    (county / "parts" / "县里的附记.j2").write_text(
        "::p 附记：按县里的要求另行报送。\n", encoding="utf-8"
    )
    (county / "README.md").write_text("说明文件不是模板，不妨碍。", encoding="utf-8")
    out = tmp_path / "r.docx"
    assert main(["build", str(answers), "--templates", str(county), "-o", str(out)]) == 0, (
        capsys.readouterr().err
    )
    import docx

    assert "附记：按县里的要求另行报送。" in [p.text for p in docx.Document(str(out)).paragraphs]


def test_built_in_templates_state_no_figures_either() -> None:
    """The rule a county template is held to is the one the built-ins are compiled under."""
    from drafter.render.engine import make_environment

    env = make_environment(None)
    for path in sorted(BUILTIN.rglob("*.j2")):
        env.get_template(path.relative_to(BUILTIN).as_posix())  # compiles, checks, no error


# --------------------------------------------------------------------------- inputs


def _fifo(folder: Path) -> Path:
    path = folder / "管道.yaml"
    os.mkfifo(path)
    return path


SPECIALS: dict[str, Callable[[Path], Path]] = {
    "fifo": _fifo,
    "char-device": lambda folder: Path("/dev/zero"),
    "folder": lambda folder: folder,
}
READERS: dict[str, Callable[[Path, Path], list[str]]] = {
    "check": lambda p, a: ["check", str(p)],
    "import": lambda p, a: ["import", str(p), "-o", "导入.yaml"],
    "build": lambda p, a: ["build", str(p)],
    "build --with-comparison": lambda p, a: ["build", str(a), "--with-comparison", str(p)],
    "compare": lambda p, a: ["compare", str(a), str(p)],
    "new --from": lambda p, a: ["new", "--from", str(p)],
    "new --import": lambda p, a: ["new", "--import", str(p)],
    "new -o": lambda p, a: ["new", "-o", str(p)],
    "edit": lambda p, a: ["edit", str(p)],
}


# ``new -o FOLDER`` names a file to write, not one to read: that pair is not a reading case;
# ``build FOLDER`` builds the answers files in it (a batch; see tests/test_batch.py).
READING_CASES = [
    (command, kind)
    for command in sorted(READERS)
    for kind in sorted(SPECIALS)
    if not (kind == "folder" and command in ("new -o", "build"))
]


@needs_posix
@pytest.mark.parametrize(("command", "kind"), READING_CASES)
def test_inputs_that_are_not_regular_files_are_refused_before_reading(
    command: str, kind: str, answers: Path, tmp_path: Path
) -> None:
    special = SPECIALS[kind](tmp_path)
    before = snapshot(tmp_path)
    try:
        result = run_drafter(*READERS[command](special, answers), cwd=tmp_path, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"drafter {command} blocked on a {kind}")
    refused(result, "文件夹" if kind == "folder" else "不是普通文件")
    assert snapshot(tmp_path) == before


@needs_posix
def test_a_fifo_or_device_in_the_template_folder_is_refused(answers: Path, tmp_path: Path) -> None:
    county = county_templates(tmp_path)
    os.mkfifo(county / "parts" / "plans.j2")
    result = run_drafter(
        "build", str(answers), "--templates", str(county), "-o", "r.docx", cwd=tmp_path, timeout=20
    )
    refused(result, "parts/plans.j2", "不是普通文件")
    result = run_drafter(
        "build", str(answers), "--templates", "/dev/zero", "-o", "r.docx", cwd=tmp_path, timeout=20
    )
    refused(result, "文件夹")


def test_size_limits_hold_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that lies about its size (it grew after the stat) is cut off at the limit."""
    path = tmp_path / "报告.txt"
    path.write_bytes(b"x" * 100)
    assert inputs.read_input(path, limit=100) == b"x" * 100
    real_stat = os.stat

    def small(p: Any, *args: Any, **kwargs: Any) -> Any:
        info = real_stat(p, *args, **kwargs)
        if str(p) == str(path):
            return os.stat_result((info.st_mode, *info[1:6], 10, *info[7:]))
        return info

    monkeypatch.setattr(inputs.os, "stat", small)
    with pytest.raises(DrafterError, match="太大"):
        inputs.read_input(path, limit=50)


def _answers_with_a_long_list(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("identity:\n  unit_name: 俄久乡\nplans:\n  items:\n")
        handle.write("  - 1\n" * 800_000)


def _answers_with_a_flow_list(path: Path) -> None:
    path.write_text("extra: [" + "1," * 1_000_000 + "1]\n", encoding="utf-8")


def _answers_with_many_keys(path: Path) -> None:
    path.write_text("extra:\n" + "".join(f"  k{i}: v\n" for i in range(150_000)), "utf-8")


def _txt_with_many_lines(path: Path) -> None:
    path.write_text("宣传。\n" * 1_000_000, encoding="utf-8")


def _txt_with_a_long_line(path: Path) -> None:
    path.write_text("开展普法宣传活动，" * 600_000, encoding="utf-8")


def _txt_with_much_text(path: Path) -> None:
    path.write_text(("开展普法宣传活动，" * 50 + "\n") * 2_900, encoding="utf-8")


LARGE: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # name: (writer, command, words naming the real cause)
    "list-items": (_answers_with_a_long_list, "build", "1000 项"),
    "flow-list": (_answers_with_a_flow_list, "build", "1000 项"),
    "map-keys": (_answers_with_many_keys, "build", "1000 项"),
    "txt-lines-check": (_txt_with_many_lines, "check", "3000 段"),
    "txt-lines-import": (_txt_with_many_lines, "import", "3000 段"),
    "txt-long-line": (_txt_with_a_long_line, "import", "20000 字"),
    "txt-much-text": (_txt_with_much_text, "check", "万字"),
}


@pytest.mark.parametrize("name", sorted(LARGE))
def test_structural_limits_refuse_quickly_naming_the_real_cause(name: str, tmp_path: Path) -> None:
    """Inputs under the byte limit that used to run for minutes: refused in seconds."""
    write, command, words = LARGE[name]
    path = tmp_path / ("大.yaml" if command == "build" else "大.txt")
    write(path)
    args = [command, str(path)] + (["-o", "导入.yaml"] if command == "import" else [])
    start = time.monotonic()
    result = run_drafter(*args, cwd=tmp_path, timeout=60)
    elapsed = time.monotonic() - start
    err = refused(result, words)
    assert "&" not in err and "引用" not in err  # no aliases in these files: do not blame them
    assert elapsed < 15, elapsed


def test_the_largest_accepted_report_is_checked_and_imported_in_seconds(tmp_path: Path) -> None:
    """At the limits (1M characters in 3000 paragraphs), both commands finish in seconds."""
    from drafter.reader import MAX_PARAGRAPHS, MAX_TEXT_CHARS

    seed = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    width = MAX_TEXT_CHARS // MAX_PARAGRAPHS - 1
    lines = []
    for n in range(MAX_PARAGRAPHS):
        text = ""
        while len(text) < width:
            text += seed[(n + len(text)) % len(seed)]
        lines.append(text[:width])
    path = tmp_path / "最大.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    for args in (["check", str(path)], ["import", str(path), "-o", "a.yaml"]):
        start = time.monotonic()
        result = run_drafter(*args, cwd=tmp_path, timeout=120)
        assert result.returncode in (0, 1, 2), result.stderr[-500:]
        assert "Traceback" not in result.stderr
        assert time.monotonic() - start < 30, args


# --------------------------------------------------------------------------- writes


def test_output_is_never_an_input(answers: Path, tmp_path: Path) -> None:
    """Same name, a symlink to it, a hard link to it: refused even with --force, input intact."""
    report = tmp_path / "去年.txt"
    report.write_bytes(SEED.read_bytes())
    docx_named = tmp_path / "答卷.docx"  # an answers file with a .docx name
    docx_named.write_bytes(answers.read_bytes())
    hard = tmp_path / "硬链接.yaml"
    os.link(report, hard)
    cases = [
        ["import", str(report), "-o", str(report), "--force"],
        ["import", str(report), "-o", str(hard), "--force"],
        ["build", str(docx_named), "-o", str(docx_named), "--force"],
        [
            "build",
            str(answers),
            "--with-comparison",
            str(docx_named),
            "-o",
            str(docx_named),
            "--force",
        ],
    ]
    if POSIX:
        link = tmp_path / "链接.yaml"
        link.symlink_to(report)
        cases.append(["import", str(report), "-o", str(link), "--force"])
        bak_link = tmp_path / "新.yaml.bak"
        bak_link.symlink_to(report)
        (tmp_path / "新.yaml").write_text("# 旧答卷\n", encoding="utf-8")
        cases.append(["import", str(report), "-o", str(tmp_path / "新.yaml"), "--force"])
    before = snapshot(tmp_path)
    for args in cases:
        refused(run_drafter(*args, cwd=tmp_path), "输入文件")
        assert snapshot(tmp_path) == before, args


def test_same_file_compares_identity_and_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "报告.yaml"
    a.write_text("x", encoding="utf-8")
    os.link(a, tmp_path / "别名.yaml")
    assert inputs.same_file(a, tmp_path / "别名.yaml")
    assert inputs.same_file(a, tmp_path / "." / "报告.yaml")
    assert not inputs.same_file(a, tmp_path / "REPORT.yaml")
    # Windows compares names case-insensitively (normcase); so does same_file there.
    monkeypatch.setattr(inputs.os.path, "normcase", str.lower)
    assert inputs.same_file(tmp_path / "Report.YAML", tmp_path / "report.yaml")


@needs_posix
def test_force_writes_only_onto_regular_files(answers: Path, tmp_path: Path) -> None:
    """--force onto a device, a FIFO or a folder: refused before any temp or .bak file."""
    fifo = tmp_path / "管道.yaml"
    os.mkfifo(fifo)
    folder = tmp_path / "文件夹.yaml"
    folder.mkdir()
    bak_folder = tmp_path / "答卷2.yaml.bak"
    bak_folder.mkdir()
    (tmp_path / "答卷2.yaml").write_text("# 旧\n", encoding="utf-8")
    before = snapshot(tmp_path)
    for target, words in [
        ("/dev/null", "字符设备"),
        (str(fifo), "命名管道"),
        (str(folder), "文件夹"),
        (str(tmp_path / "答卷2.yaml"), "文件夹"),  # its .bak is a folder
    ]:
        result = run_drafter("import", str(SEED), "-o", target, "--force", cwd=tmp_path, timeout=30)
        refused(result, words)
        assert snapshot(tmp_path) == before, target
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["答卷.yaml", "管道.yaml", "文件夹.yaml", "答卷2.yaml.bak", "答卷2.yaml"]
    )


@needs_posix
@pytest.mark.parametrize(
    "args",
    [
        ["build", "{answers}", "-o", "/dev/null"],
        ["demo", "-o", "/dev/null"],
        ["check", str(SEED), "--annotate", "/dev/null"],
        ["summary", str(SEED), "-o", "/dev/null", "--force"],
        ["build", "{answers}", "-o", "{fifo}"],
        ["summary", str(SEED), "-o", "{fifo}"],
    ],
    ids=["build", "demo", "annotate", "summary", "build-fifo", "summary-fifo"],
)
def test_an_output_naming_a_device_is_refused_not_written_beside(
    args: list[str], answers: Path, tmp_path: Path
) -> None:
    """-o /dev/null used to become /dev/null.docx (a new file in /dev)."""
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    args = [a.format(answers=answers, fifo=fifo) for a in args]
    before = set(os.listdir("/dev"))
    try:
        refused(run_drafter(*args, cwd=tmp_path, timeout=30), "不是普通文件")
    finally:
        for name in set(os.listdir("/dev")) - before:
            if name.startswith("null."):
                os.unlink(Path("/dev") / name)
    assert set(os.listdir("/dev")) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["管道", "答卷.yaml"])


@needs_posix
def test_summary_inputs_that_are_not_regular_files_are_named(tmp_path: Path) -> None:
    fifo = tmp_path / "管道"
    os.mkfifo(fifo)
    result = run_drafter(
        "summary", str(fifo), "/dev/zero", "-o", "汇总.xlsx", cwd=tmp_path, timeout=20
    )
    refused(result, "命名管道", "字符设备")
    result = run_drafter(
        "summary", str(SEED), "--expect", str(fifo), "-o", "汇总.xlsx", cwd=tmp_path, timeout=20
    )
    refused(result, "命名管道", "单位名单")


def test_concurrent_builds_never_share_a_name(answers: Path, tmp_path: Path) -> None:
    """Ten builds onto one name at once: ten reports, ten names, none lost."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    out = tmp_path / "out" / "报告.docx"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "drafter", "build", str(answers), "-o", str(out)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in range(10)
    ]
    said = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=180)
        assert proc.returncode == 0, stderr
        said.append(next(line for line in stdout.splitlines() if line.startswith("已生成报告")))
    names = sorted(p.name for p in out.parent.iterdir())
    assert len(names) == 10 and len(set(said)) == 10, (names, said)
    import docx

    for name in names:
        assert docx.Document(str(out.parent / name)).paragraphs[0].text  # each a whole report


def test_a_new_name_is_claimed_with_its_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name and the content arrive together: never an empty file under a claimed name."""
    first = outputs.write_new(tmp_path / "r.docx", b"one", companions=(".pdf",))
    (tmp_path / "r(2).pdf").write_text("an old PDF", encoding="utf-8")
    second = outputs.write_new(tmp_path / "r.docx", b"two", companions=(".pdf",))
    assert (first.name, second.name) == ("r.docx", "r(3).docx")  # r(2).pdf is never replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r(2).pdf", "r(3).docx", "r.docx"]
    with pytest.raises(DrafterError, match="已存在"):
        outputs.write_new(tmp_path / "r.docx", b"three", rename=False)
    assert first.read_bytes() == b"one"

    # Where hard links are not supported, O_EXCL claims the name and the content follows.
    def no_links(src: Any, dst: Any) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(outputs.os, "link", no_links)
    third = outputs.write_new(tmp_path / "r.docx", b"four")
    assert third.name == "r(2).docx" and third.read_bytes() == b"four"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_existing_folder_as_output_is_a_folder_target(
    answers: Path, tmp_path: Path, capsys: Any
) -> None:
    folder = tmp_path / "报告"
    folder.mkdir()
    assert main(["build", str(answers), "-o", str(folder)]) == 0
    written = list(folder.iterdir())
    assert len(written) == 1 and written[0].name.endswith("年度法治政府建设情况报告.docx")
    assert not (tmp_path / "报告.docx").exists()
    capsys.readouterr()
    assert main(["import", str(SEED), "-o", str(folder)]) == 2
    assert "文件夹" in capsys.readouterr().err


@pytest.mark.parametrize("lock", ["~$报告.docx", "~$告.docx", ".~lock.报告.docx#"])
def test_a_report_open_in_word_is_not_overwritten(
    lock: str, answers: Path, tmp_path: Path, capsys: Any
) -> None:
    report = tmp_path / "报告.docx"
    report.write_bytes(b"the version open in Word")
    (tmp_path / lock).write_bytes(b"owner")
    assert main(["build", str(answers), "-o", str(report), "--force"]) == 2
    err = capsys.readouterr().err
    assert "Word" in err and "打开" in err and lock in err
    assert report.read_bytes() == b"the version open in Word"
    # Without --force the draft goes under a new name, as always.
    assert main(["build", str(answers), "-o", str(report)]) == 0
    assert (tmp_path / "报告(2).docx").exists()


def test_temp_files_are_removed_on_ctrl_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "答卷.yaml"
    target.write_text("# 旧\n", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outputs.atomic_write_text(target, "新内容", backup=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答卷.yaml"]
    assert target.read_text(encoding="utf-8") == "# 旧\n"


def test_pdf_without_libreoffice_says_the_docx_was_written(
    answers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from drafter.docx import pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    out = tmp_path / "报告.docx"
    # Done, with something to report: the report is written and checked, the PDF's absence said.
    assert main(["build", str(answers), "-o", str(out), "--pdf"]) == 1
    printed = capsys.readouterr().out
    assert f"已生成报告：{out}" in printed and "检查结果：" in printed
    assert "PDF 没有生成（Word 报告照常生成）" in printed and "LibreOffice" in printed
    assert out.stat().st_size > 0
    assert not (tmp_path / "报告.pdf").exists()


# --------------------------------------------------------------------------- standard streams


def _close_stdout() -> None:
    os.close(1)


def _close_stdin() -> None:
    os.close(0)


@needs_posix
def test_stdout_to_a_full_disk_or_closed_is_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "drafter", "check", str(SEED)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=60,
        )
    refused(result, "标准输出", "磁盘空间不足")
    assert "本应输出的内容" in result.stderr and "检查文件" in result.stderr
    result = run_drafter("check", str(SEED), cwd=tmp_path, preexec_fn=_close_stdout)
    refused(result, "标准输出已关闭")


@needs_posix
@pytest.mark.parametrize(
    "stdin",
    ["closed", "invalid-utf8", "garbage-1mb", "garbage-8mb"],
)
def test_questionnaire_refuses_what_is_not_a_terminal(
    stdin: str, answers: Path, tmp_path: Path
) -> None:
    """Piped or closed stdin ends at once with exit 2: time does not grow with the input."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    data = {
        "closed": None,
        "invalid-utf8": b"\xff\xfe\xc3(\n" * 100,
        "garbage-1mb": os.urandom(1 << 20),
        "garbage-8mb": os.urandom(8 << 20),
    }[stdin]
    for args in (["new", "-o", "新.yaml"], ["edit", str(answers)]):
        start = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "drafter", *args],
            input=data,
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
            preexec_fn=_close_stdin if data is None else None,
        )
        err = result.stderr.decode("utf-8")
        assert result.returncode == 2, err
        assert "终端" in err and "Traceback" not in err
        assert time.monotonic() - start < 10
    assert not (tmp_path / "新.yaml").exists()


# --------------------------------------------------------------------------- the error log


def _internal_error(home: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from drafter import cli\n"
        "def boom(args, out):\n"
        "    raise RuntimeError('a bug')\n"
        "cli.COMMANDS['check'] = boom\n"
        f"sys.exit(cli.main(['check', {str(SEED)!r}]))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONIOENCODING": "utf-8",
        "HOME": str(home),
        "TMPDIR": str(tmp),
    }
    env.pop("XDG_STATE_HOME", None)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env
    )


@needs_posix
def test_the_error_log_is_private_and_never_followed_through_a_link(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    victim = tmp_path / "别人的文件"
    victim.write_text("不能被覆盖", encoding="utf-8")
    (tmp / "drafter-error.log").symlink_to(victim)  # the old fixed name, planted
    result = _internal_error(home, tmp)
    assert result.returncode == 3
    folder = home / ".local" / "state" / "drafter"
    logs = list(folder.glob("drafter-error-*.log"))
    assert len(logs) == 1 and "a bug" in logs[0].read_text(encoding="utf-8")
    assert str(logs[0]) in result.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(logs[0].stat().st_mode) == 0o600
    assert victim.read_text(encoding="utf-8") == "不能被覆盖"

    # No usable home: the temp-folder fallback must be a real folder of ours, not a planted link.
    shutil.rmtree(home)
    home.write_text("not a folder", encoding="utf-8")
    (tmp / f"drafter-{os.getuid()}").symlink_to(tmp_path, target_is_directory=True)
    result = _internal_error(home, tmp)
    assert result.returncode == 3
    assert "详细信息：" in result.stderr and "a bug" in result.stderr  # printed, not logged
    assert not list(tmp_path.glob("drafter-error-*.log"))


@needs_posix
def test_one_private_folder_rule_for_logs_and_the_template_cache(tmp_path: Path) -> None:
    """A folder of ours that others may write to: the logs close it and use it; the template
    cache, which loads code from it, refuses it. A link or a file under the name: neither."""
    opened = tmp_path / "opened"
    opened.mkdir()
    os.chmod(opened, 0o777)
    assert not inputs.private_folder(opened)
    assert stat.S_IMODE(opened.stat().st_mode) == 0o777
    assert inputs.private_folder(opened, close=True)
    assert stat.S_IMODE(opened.stat().st_mode) == 0o700
    assert inputs.private_folder(opened)
    made = tmp_path / "new" / "drafter"
    assert inputs.private_folder(made) and stat.S_IMODE(made.stat().st_mode) == 0o700
    (tmp_path / "link").symlink_to(made, target_is_directory=True)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for planted in ("link", "file"):
        assert not inputs.private_folder(tmp_path / planted, close=True)


# --------------------------------------------------------------------------- messages in Chinese


MESSAGES: dict[str, tuple[str, str, list[str]]] = {
    # name: (answers text, words expected, English that used to reach users)
    "control-character": (
        "identity:\n  unit_name: 俄久\x07乡\n",
        "U+0007",
        ["unacceptable character", "#x0007"],
    ),
    "huge-number": (
        "publicity:\n  activities: " + "9" * 5000 + "\n",
        "5000 位",
        ["Exceeds the limit", "4300"],
    ),
    "impossible-date": (
        "identity:\n  date: 2024-13-45\n",
        "不是一个存在的日期",
        ["month must be"],
    ),
    "deep-nesting": (
        "identity: " + "[" * 3000 + "]" * 3000 + "\n",
        "嵌套",
        ["recursion"],
    ),
    "deep-block-nesting": (
        "".join(" " * i + f"k{i}:\n" for i in range(2000)),
        "嵌套",
        ["recursion"],
    ),
}


def test_answers_saved_by_notepad_as_unicode_load(example_path: Path, tmp_path: Path) -> None:
    from drafter.answers.file import read_answers_file

    for encoding in ("utf-16", "utf-8-sig", "gb18030"):
        path = tmp_path / f"{encoding}.yaml"
        path.write_bytes(example_path.read_text(encoding="utf-8").encode(encoding))
        assert read_answers_file(path).data["identity"]["unit_name"] == "俄久乡"


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_library_english_is_mapped_to_the_real_cause(name: str, tmp_path: Path) -> None:
    text, words, english = MESSAGES[name]
    path = tmp_path / "答卷.yaml"
    path.write_text(text, encoding="utf-8")
    for args in (["build", str(path)], ["compare", str(path), str(path)]):
        result = run_drafter(*args, cwd=tmp_path, timeout=60)
        err = refused(result, words)
        for phrase in english:
            assert phrase not in err, err
