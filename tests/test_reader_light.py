"""Reading a .docx for checking (zipfile and lxml) gives what reading it for annotating (through
python-docx, whose document the comments go into) gives; Strict Open XML is read too."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from drafter.docx.editable import open_document
from drafter.docx.writer import write_docx
from drafter.errors import DrafterError
from drafter.reader import read_report
from tests import tricky_docx
from tests.conftest import SEEDS
from tests.test_docx_writer import report_blocks
from tests.test_reader import write_docx as write_seed_docx


def _docx_files(tmp_path: Path) -> list[Path]:
    files = [
        tricky_docx.build(tmp_path / "红旗镇报告.docx"),
        write_docx(report_blocks(), tmp_path / "生成的报告.docx"),
    ]
    for n, seed in enumerate(sorted(SEEDS.glob("0*.txt"))):
        text = seed.read_text(encoding="utf-8")
        files.append(write_seed_docx(tmp_path / f"seed{n}.docx", text, auto_numbering=n % 2 == 1))
    return files


def test_reading_for_a_check_equals_reading_for_annotating(tmp_path: Path) -> None:
    for path in _docx_files(tmp_path):
        light = read_report(path)
        full = read_report(path, open_document=open_document)
        assert light.document is None and full.document is not None
        assert light.blocks == full.blocks, path.name
        # The same paragraphs are the sources (by their text and position in the body).
        shape = [[(s.line, s.prefix) for s in group] for group in light.sources]
        assert shape == [[(s.line, s.prefix) for s in group] for group in full.sources]


def test_checking_a_report_does_not_load_python_docx(tmp_path: Path) -> None:
    import subprocess

    path = write_docx(report_blocks(), tmp_path / "报告.docx")
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"main(['check', {str(path)!r}])\n"
        "assert 'docx' not in sys.modules, 'python-docx loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_package_that_is_not_a_word_document_is_refused_either_way(tmp_path: Path) -> None:
    source = write_docx(report_blocks(), tmp_path / "报告.docx")
    odd = tmp_path / "不是文档.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(odd, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, data)
    for opener in (None, open_document):
        with pytest.raises(DrafterError, match="无法解析"):
            read_report(odd, open_document=opener)


STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def strict_copy(source: Path, target: Path) -> Path:
    """The package as Word's "Strict Open XML" format names it."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            for transitional, strict in STRICT.items():
                data = data.replace(transitional, strict)
            zout.writestr(item, data)
    return target


def test_strict_open_xml_is_read_like_the_usual_format(tmp_path: Path) -> None:
    source = write_docx(report_blocks(), tmp_path / "报告.docx")
    strict = strict_copy(source, tmp_path / "严格.docx")
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    assert read_report(strict).blocks == read_report(source).blocks


def test_strict_open_xml_cannot_be_annotated_and_says_how_to_convert(tmp_path: Path) -> None:
    source = write_docx(report_blocks(), tmp_path / "报告.docx")
    strict = strict_copy(source, tmp_path / "严格.docx")
    with pytest.raises(DrafterError, match="严格 Open XML") as caught:
        read_report(strict, open_document=open_document)
    assert "另存为" in (caught.value.hint or "")
