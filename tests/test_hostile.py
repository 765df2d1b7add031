"""Hostile input and faults: what a township office's files and disks can do to drafter.

Every case ends in a valid draft or in a clear Chinese DrafterError (exit 2 from the CLI); never a
traceback, never a write outside the output folder, never a damaged answers file.
"""

from __future__ import annotations

import copy
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.file import parse_answers_text, read_answers_file, save_answers
from drafter.build import build_report
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.io import outputs
from tests.conftest import run_drafter, run_python

ROOT = Path(__file__).resolve().parent.parent
HAN = range(0x4E00, 0x9FA6)
XML_ILLEGAL = "\x01\x02\x08\x0b\x0c\x0e\x1b\x1f\x7f\ufffe\uffff"


def has_chinese(text: str) -> bool:
    return any(ord(ch) in HAN for ch in text)


def assert_clean_refusal(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 2, a Chinese message, no traceback and no 'internal error'."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "内部错误" not in result.stderr
    assert has_chinese(result.stderr)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (relative name → bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def docx_texts(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for section in document.sections:
        for part in (section.footer, section.even_page_footer):
            texts += [p.text for p in part.paragraphs]
    return texts


@pytest.fixture
def data(example_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(example_data)


# --------------------------------------------------------------------------- hostile content


def test_control_and_xml_illegal_characters_never_reach_the_docx(
    data: dict[str, Any], write_answers: Any, tmp_path: Path
) -> None:
    data["organisation"]["title"] = f"加强{XML_ILLEGAL}组织领导"
    data["organisation"]["measures"][0]["text"] = (
        f"成立领导小组\x00\x03，明确\ud800职责{XML_ILLEGAL}分工"
    )
    data["identity"]["unit_name"] = "俄\x07久\ud83d乡"
    path = write_answers(data)
    result = build_report(path, tmp_path / "out" / "报告.docx")

    # The .docx is well-formed XML that python-docx (and so Word) reopens.
    with zipfile.ZipFile(result.docx) as archive:
        from lxml import etree

        for name in archive.namelist():
            if name.endswith(".xml"):
                etree.fromstring(archive.read(name))
    texts = docx_texts(result.docx)
    joined = "\n".join(texts)
    for ch in XML_ILLEGAL + "\x00\x03\x07\ud800\ud83d":
        assert ch not in joined, repr(ch)
    # The user's words survive without the characters.
    assert "加强组织领导" in joined
    assert "明确职责分工" in joined
    assert "俄久乡" in texts[0].replace("\n", "")


@pytest.mark.parametrize(
    "unit_name",
    [
        "../../逃逸乡",
        "..\\..\\逃逸乡",
        "/etc/逃逸乡",
        "C:\\Windows\\逃逸乡",
        'a:b*c?d"e<f>g|h乡',
        "....乡",
        "\ud800代理乡",
        "长" * 300 + "乡",
    ],
)
def test_unit_name_cannot_escape_the_output_folder(
    unit_name: str,
    data: dict[str, Any],
    write_answers: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data["identity"]["unit_name"] = unit_name
    data["identity"]["signers"] = ["测试乡人民政府"]
    path = write_answers(data)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = {p for p in tmp_path.rglob("*")}

    result = build_report(path)

    output = (work / "output").resolve()
    assert result.docx.resolve().parent == output
    name = result.docx.name
    assert not any(ch in name for ch in '<>:"/\\|?*'), name
    assert ".." not in name
    assert len(name.encode("utf-8")) <= 255
    assert name.endswith("年度法治政府建设情况报告.docx")
    created = {p for p in tmp_path.rglob("*")} - before
    assert created == {work / "output", result.docx}
    assert docx_texts(result.docx)[0].replace("\n", "").endswith("法治政府建设情况报告")


@pytest.mark.parametrize(
    "yaml_text",
    [
        'identity:\n  unit_name: !!python/object/apply:os.system ["touch {marker}"]\n',
        '!!python/object/apply:os.system ["touch {marker}"]\n',
        'identity: !!python/object/new:os.system ["touch {marker}"]\n',
        "identity:\n  unit_name: !!python/name:os.system\n",
        '? !!python/object/apply:os.system ["touch {marker}"]\n: 1\n',
        "? !!python/name:os.system\n: 1\n",
    ],
)
def test_python_yaml_tags_are_refused_and_nothing_runs(yaml_text: str, tmp_path: Path) -> None:
    marker = tmp_path / "MARKER"
    path = tmp_path / "答卷.yaml"
    path.write_text(yaml_text.format(marker=marker), encoding="utf-8")
    original = path.read_bytes()

    with pytest.raises(DrafterError) as caught:
        read_answers_file(path)
    assert has_chinese(str(caught.value))

    result = run_drafter("build", str(path), cwd=tmp_path)
    assert_clean_refusal(result)
    assert not marker.exists()
    assert path.read_bytes() == original
    assert not (tmp_path / "output").exists()


def test_ten_megabyte_answers_file_is_refused_with_a_limit(tmp_path: Path) -> None:
    path = tmp_path / "答卷.yaml"
    path.write_text("opening:\n  summary: " + "很" * (10 * 1024 * 1024 // 3) + "\n", "utf-8")
    result = run_drafter("build", str(path), cwd=tmp_path, timeout=60)
    assert_clean_refusal(result)
    assert "太大" in result.stderr
    assert not (tmp_path / "output").exists()


def test_ten_megabyte_answer_gets_a_clear_limit(data: dict[str, Any]) -> None:
    """A pasted 10 MB answer (the questionnaire or an import) is refused for its field."""
    from drafter.answers.model import validate_answers

    data["opening"]["summary"] = "很" * (10 * 1024 * 1024)
    with pytest.raises(DrafterError) as caught:
        validate_answers(data, source="答卷")
    message = str(caught.value)
    assert "opening.summary" in message
    assert "太长" in message


def test_long_answer_in_an_answers_file_names_its_line(
    data: dict[str, Any], write_answers: Any
) -> None:
    from drafter.answers.load import load_answers

    data["organisation"]["measures"][0]["text"] = "很长的内容。" * 200_000  # 1.2 M chars, 3.6 MB
    path = write_answers(data)
    assert path.stat().st_size < read_answers_file.__globals__["MAX_FILE_BYTES"]
    with pytest.raises(DrafterError) as caught:
        load_answers(path)
    assert "太长" in str(caught.value)
    assert caught.value.line is not None


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefg", "bcdefgh", strict=True)
)


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """A few hundred bytes of YAML aliases that expand to 43 million nodes: refused, not a hang."""
    path = tmp_path / "答卷.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert path.stat().st_size < 1000
    try:
        result = run_drafter("build", str(path), cwd=tmp_path, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("an answers file of YAML aliases made drafter hang (> 20 s)")
    assert_clean_refusal(result)


def test_deeply_nested_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "答卷.yaml"
    path.write_text("identity: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    result = run_drafter("build", str(path), cwd=tmp_path, timeout=60)
    assert_clean_refusal(result)


# --------------------------------------------------------------------------- zip bombs


def _peak_rss_cli(args: list[str], cwd: Path, timeout: float = 120) -> tuple[int, str, float]:
    """(exit code, stderr, peak resident MB) of ``drafter ARGS`` in a fresh process."""
    resource = pytest.importorskip("resource")
    assert resource  # only to skip on Windows
    code = (
        "import resource, sys\n"
        "from drafter.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "sys.stdout.flush()\n"
        # VmHWM belongs to this process image; ru_maxrss on Linux also counts the parent's
        # memory at fork time (a large pytest process would show up as ours).
        "status = open('/proc/self/status').read() if sys.platform == 'linux' else ''\n"
        "hwm = [l.split()[1] for l in status.splitlines() if l.startswith('VmHWM:')]\n"
        "peak = int(hwm[0]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(f'PEAK_KB={peak}', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = run_python("-c", code, *args, cwd=cwd, timeout=timeout)
    lines = result.stderr.strip().splitlines()
    peak = next(int(line[8:]) for line in reversed(lines) if line.startswith("PEAK_KB="))
    kb = peak / 1024 if sys.platform == "darwin" else peak  # macOS reports bytes
    stderr = "\n".join(line for line in lines if not line.startswith("PEAK_KB="))
    return result.returncode, stderr, kb / 1024


def _docx_with_document(source: Path, target: Path, write_body: Any) -> None:
    """Copy a real .docx, replacing word/document.xml by what ``write_body(handle)`` writes."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as handle:
                    write_body(handle)
            else:
                z.writestr(info, src.read(info.filename))


DOC_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>"
)
DOC_TAIL = b"<w:sectPr/></w:body></w:document>"


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .docx whose document.xml inflates to 400 MB (the file itself is under 1 MB)."""
    from drafter.build import build_report, example_path

    folder = tmp_path_factory.mktemp("bomb")
    real = build_report(example_path(), folder / "real.docx").docx
    paragraph = "<w:p><w:r><w:t>法治政府建设</w:t></w:r></w:p>".encode() * 1000

    def body(handle: Any) -> None:
        handle.write(DOC_HEAD)
        for _ in range(400 * 1024 * 1024 // len(paragraph)):
            handle.write(paragraph)
        handle.write(DOC_TAIL)

    bomb = folder / "炸弹.docx"
    _docx_with_document(real, bomb, body)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    return bomb


@pytest.mark.slow
@pytest.mark.parametrize("command", ["check", "import"])
def test_zip_bomb_is_refused_with_bounded_memory(
    command: str, zip_bomb: Path, tmp_path: Path
) -> None:
    args = [command, str(zip_bomb)]
    if command == "import":
        args += ["-o", str(tmp_path / "导入.yaml")]
    code, stderr, peak_mb = _peak_rss_cli(args, cwd=tmp_path)
    assert code == 2, stderr
    assert "异常庞大" in stderr or "太大" in stderr, stderr
    assert "Traceback" not in stderr
    assert peak_mb < 200, f"peak memory {peak_mb:.0f} MB"
    assert not (tmp_path / "导入.yaml").exists()


def _incompressible_paragraphs(size: int) -> Any:
    """A writer of ``size`` bytes of paragraphs of varied Chinese text (compresses about 5:1)."""
    import random

    rng = random.Random(8)
    alphabet = "法治政府建设乡镇依法行政普法宣传调解纠纷"

    def body(handle: Any) -> None:
        handle.write(DOC_HEAD)
        written = len(DOC_HEAD) + len(DOC_TAIL)
        while written < size:
            text = "。".join("".join(rng.choices(alphabet, k=12)) for _ in range(2))
            chunk = f"<w:p><w:r><w:t>{text}。</w:t></w:r></w:p>".encode()
            handle.write(chunk)
            written += len(chunk)
        handle.write(DOC_TAIL)

    return body


@pytest.mark.slow
def test_docx_with_an_xml_part_over_the_limit_is_refused(tmp_path: Path, demo_build: Any) -> None:
    from drafter.reader import MAX_XML_PART_BYTES

    big = tmp_path / "大文件.docx"
    _docx_with_document(
        demo_build.docx, big, _incompressible_paragraphs(MAX_XML_PART_BYTES + 1024 * 1024)
    )
    code, stderr, peak_mb = _peak_rss_cli(["check", str(big)], cwd=tmp_path)
    assert code == 2, stderr
    assert has_chinese(stderr) and "Traceback" not in stderr
    assert peak_mb < 200, f"peak memory {peak_mb:.0f} MB"


MEMORY_BUDGET_MB = 400
"""An office PC has 4–8 GB shared with Word and a browser: any file drafter accepts must fit."""


@pytest.mark.slow
def test_largest_accepted_xml_part_stays_within_a_memory_budget(
    tmp_path: Path, demo_build: Any
) -> None:
    """The reader's own limit must keep ``drafter check`` within the budget, not only refuse bombs."""
    from drafter.reader import MAX_XML_PART_BYTES

    big = tmp_path / "边界.docx"
    _docx_with_document(
        demo_build.docx, big, _incompressible_paragraphs(MAX_XML_PART_BYTES - 64 * 1024)
    )
    code, stderr, peak_mb = _peak_rss_cli(["check", str(big)], cwd=tmp_path, timeout=300)
    assert code in (0, 1, 2), stderr
    assert "Traceback" not in stderr
    assert peak_mb < MEMORY_BUDGET_MB, (
        f"checking a {MAX_XML_PART_BYTES // 1024 // 1024} MB XML part took {peak_mb:.0f} MB"
    )


# --------------------------------------------------------------------------- disk faults


class _FullDisk:
    """A binary file whose writes fail with ENOSPC after ``room`` bytes (a partial file stays)."""

    def __init__(self, real: Any, room: int) -> None:
        self.real = real
        self.room = room

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, data: Any) -> int:
        chunk = bytes(data)[: self.room]
        self.real.write(chunk)
        self.real.flush()
        self.room -= len(chunk)
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        return self.real.fileno()

    def flush(self) -> None:
        self.real.flush()

    def close(self) -> None:
        self.real.close()


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _FullDisk(real_fdopen(fd, *args, **kwargs), room=100)

    monkeypatch.setattr(outputs.os, "fdopen", fdopen)


def _answers_copy(example_path: Path, folder: Path) -> Path:
    path = folder / "答卷.yaml"
    path.write_bytes(example_path.read_bytes())
    return path


def test_disk_full_during_build_writes_nothing_and_keeps_the_answers(
    example_path: Path, tmp_path: Path, disk_full: None, capsys: Any
) -> None:
    answers = _answers_copy(example_path, tmp_path)
    before = answers.read_bytes()
    out = tmp_path / "output"
    assert main(["build", str(answers), "-o", str(out / "报告.docx")]) == 2
    err = capsys.readouterr().err
    assert "磁盘空间不足" in err
    assert "Traceback" not in err
    assert answers.read_bytes() == before
    assert list(out.iterdir()) == []  # no partial .docx, no temp file left behind


def test_disk_full_while_saving_answers_keeps_the_old_file_and_backup(
    example_path: Path,
    example_data: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = _answers_copy(example_path, tmp_path)
    bak = tmp_path / "答卷.yaml.bak"
    bak.write_text("# previous backup\n", encoding="utf-8")
    before, bak_before = answers.read_bytes(), bak.read_bytes()
    data = copy.deepcopy(example_data)
    data["identity"]["county"] = "新县"

    real_fdopen = os.fdopen
    monkeypatch.setattr(
        outputs.os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k), room=10)
    )
    with pytest.raises(DrafterError) as caught:
        save_answers(answers, data)
    assert "磁盘空间不足" in str(caught.value)
    assert answers.read_bytes() == before
    assert bak.read_bytes() == bak_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答卷.yaml", "答卷.yaml.bak"]

    # A failed backup copy (disk full in copyfile) spoils neither the answers nor the old .bak.
    monkeypatch.undo()

    def full_copy(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", full_copy)
    with pytest.raises(DrafterError):
        save_answers(answers, data)
    assert answers.read_bytes() == before
    assert bak.read_bytes() == bak_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答卷.yaml", "答卷.yaml.bak"]
    parse_answers_text(answers.read_text(encoding="utf-8"))


def test_read_only_output_folder_gives_a_clear_message(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    answers = _answers_copy(example_path, tmp_path)
    before = answers.read_bytes()
    out = tmp_path / "只读"
    out.mkdir()

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    # Simulated (tests may run as root, which ignores file modes) …
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert main(["build", str(answers), "-o", str(out / "报告.docx")]) == 2
    err = capsys.readouterr().err
    assert "没有权限" in err and "Traceback" not in err
    assert list(out.iterdir()) == []
    assert answers.read_bytes() == before
    monkeypatch.undo()

    # … and real, where the file system enforces it.
    if os.name == "posix" and os.geteuid() != 0:
        out.chmod(0o555)
        try:
            assert main(["build", str(answers), "-o", str(out / "报告.docx")]) == 2
            assert "没有权限" in capsys.readouterr().err
            assert list(out.iterdir()) == []
        finally:
            out.chmod(0o755)
    assert answers.read_bytes() == before


def test_docx_open_in_word(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Word locks an open .docx on Windows: replacing it fails with PermissionError."""
    answers = _answers_copy(example_path, tmp_path)
    before = answers.read_bytes()
    out = tmp_path / "output"
    locked = out / "报告.docx"
    out.mkdir()
    locked.write_bytes(b"the version open in Word")
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == locked:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace)

    # Without --force the draft goes under another name; the open file is not touched.
    assert main(["build", str(answers), "-o", str(locked)]) == 0
    assert "报告(2).docx" in capsys.readouterr().out
    assert locked.read_bytes() == b"the version open in Word"
    assert docx_texts(out / "报告(2).docx")[0]

    # With --force: a clear message, nothing written, no temp file left.
    assert main(["build", str(answers), "-o", str(locked), "--force"]) == 2
    err = capsys.readouterr().err
    assert "Word" in err and "没有权限" in err and "Traceback" not in err
    assert locked.read_bytes() == b"the version open in Word"
    assert sorted(p.name for p in out.iterdir()) == ["报告(2).docx", "报告.docx"]
    assert answers.read_bytes() == before


def test_import_on_a_full_disk_writes_no_answers_file(
    tmp_path: Path, disk_full: None, capsys: Any
) -> None:
    seed = next((ROOT / "seeds").glob("000_*.txt"))
    target = tmp_path / "导入.yaml"
    assert main(["import", str(seed), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "磁盘空间不足" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_output_name_with_undecodable_characters_is_a_clear_error(
    example_path: Path, tmp_path: Path, capsys: Any
) -> None:
    answers = _answers_copy(example_path, tmp_path)
    code = main(["build", str(answers), "-o", str(tmp_path / "报告\ud800.docx")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "文件名" in err and "Traceback" not in err


def test_free_name_and_safe_filename_on_hostile_names(tmp_path: Path) -> None:
    assert set(outputs.safe_filename("../../a")) == {"_", "a"}
    assert outputs.safe_filename("CON") == "_CON"
    assert outputs.safe_filename("\ud800") == "报告"
    assert len(outputs.safe_filename("长" * 500).encode()) <= outputs.MAX_NAME_BYTES
    with pytest.raises(DrafterError):
        outputs.free_name(tmp_path / ("长" * 200 + ".docx"))
