"""The prepared base document and the package the writer makes from it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

from drafter.docx import writer as dw
from drafter.docx.base import generate_parts, package_bytes
from drafter.docx.package import deflated, package, read_entries
from tests.test_docx_writer import report_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_shipped_base_equals_a_fresh_generation() -> None:
    """resources/base.docx is what ``python -m drafter.docx.base`` makes from today's code:
    when a style changes, regenerate it with that command."""
    fresh = generate_parts()
    with zipfile.ZipFile(dw.BASE_PATH) as shipped:
        assert [info.filename for info in shipped.infolist()] == [name for name, _ in fresh]
        for name, data in fresh:
            assert shipped.read(name) == data, f"{name} differs: run python -m drafter.docx.base"
    # Regenerating gives the same file, so the shipped one changes only when the styles do.
    assert package_bytes(fresh) == dw.BASE_PATH.read_bytes()


def test_base_body_is_empty_apart_from_the_section() -> None:
    with zipfile.ZipFile(dw.BASE_PATH) as shipped:
        body = etree.fromstring(shipped.read(dw.DOCUMENT_PART)).find(f"{W}body")
    assert [child.tag for child in body] == [f"{W}sectPr"]


def test_every_style_the_writer_uses_is_in_the_base() -> None:
    with zipfile.ZipFile(dw.BASE_PATH) as shipped:
        styles = etree.fromstring(shipped.read("word/styles.xml"))
    names = {
        s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")
    }
    used = [
        dw.STYLE_NORMAL,
        dw.STYLE_TITLE,
        dw.STYLE_ADDRESSEE,
        dw.STYLE_SIGNATURE,
        dw.STYLE_DATE,
        dw.STYLE_CAPTION,
        dw.STYLE_TABLE_TEXT,
        dw.STYLE_TABLE_HEADER,
        dw.TABLE_STYLE,
        *dw.STYLE_HEADINGS.values(),
        *dw.STYLE_RUN_IN.values(),
    ]
    for name in used:
        # Word shows built-ins by a lower-case internal name ("heading 1", "Table Grid").
        assert names.get(dw.style_id(name), "").lower() == name.lower(), name


def test_report_package_keeps_the_base_parts_and_replaces_the_body(tmp_path: Path) -> None:
    path = dw.write_docx(report_blocks(), tmp_path / "报告.docx")
    with zipfile.ZipFile(path) as written, zipfile.ZipFile(dw.BASE_PATH) as base:
        assert written.testzip() is None  # every CRC right
        assert written.namelist() == base.namelist()
        for name in base.namelist():
            if name != dw.DOCUMENT_PART:
                assert written.read(name) == base.read(name), name
        body = etree.fromstring(written.read(dw.DOCUMENT_PART)).find(f"{W}body")
    # The body holds the report, the section properties stay last.
    assert len(body) > 30 and body[-1].tag == f"{W}sectPr"
    document = docx.Document(str(path))
    assert document.paragraphs[0].style.name == "Title"
    assert document.tables[0].rows[1].cells[0].text == "法治宣传活动（次）"


def test_package_writes_non_ascii_names_and_round_trips(tmp_path: Path) -> None:
    source = tmp_path / "源.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.xml", b"<a/>" * 100)
        z.writestr("目录/说明.txt", "中文内容".encode())
        z.writestr("stored.bin", b"\x00\x01" * 10, compress_type=zipfile.ZIP_STORED)
    entries, parts = read_entries(source)
    assert parts["目录/说明.txt"] == "中文内容".encode()
    data = package(entries, {"a.xml": b"<b/>"})
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert z.namelist() == ["a.xml", "目录/说明.txt", "stored.bin"]
        assert z.read("a.xml") == b"<b/>"
        assert z.read("目录/说明.txt") == "中文内容".encode()
        assert z.read("stored.bin") == b"\x00\x01" * 10
    assert deflated("x", b"").size == 0
