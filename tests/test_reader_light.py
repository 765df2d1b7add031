"""Reading a .docx without python-docx (expat trees, drafter.reader.xmltree) gives what reading
it through python-docx gives."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from drafter.docx_writer import write_docx
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


def test_light_reading_equals_python_docx_reading(tmp_path: Path) -> None:
    for path in _docx_files(tmp_path):
        light = read_report(path)
        full = read_report(path, with_document=True)
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
    for with_document in (False, True):
        with pytest.raises(DrafterError, match="无法解析"):
            read_report(odd, with_document=with_document)
