"""One decoding for every text a user gives drafter: a report .txt, an answers file and the
county's list of units accept the same encodings (those Windows editors save)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers.file import read_answers_file
from drafter.io.textfile import decode_text
from drafter.reader import read_blocks
from drafter.summary.collect import read_expected

# Simplified text, and for Big5 (which has no Simplified forms) the Traditional one.
UNITS = {
    "simplified": ("俄久乡", "尼玛县文部乡人民政府"),
    "traditional": ("俄久鄉", "尼瑪縣文部鄉人民政府"),
}
ENCODINGS = [
    ("utf-8", "simplified"),
    ("utf-8-sig", "simplified"),
    ("utf-16", "simplified"),  # Notepad's "Unicode": a BOM
    ("gbk", "simplified"),  # Notepad's "ANSI" on a Simplified Chinese system
    ("big5", "traditional"),  # and on a Traditional one
]


@pytest.mark.parametrize(("encoding", "script"), ENCODINGS)
def test_every_reader_accepts_the_same_encodings(
    tmp_path: Path, encoding: str, script: str
) -> None:
    first, second = UNITS[script]
    answers = tmp_path / "答卷.yaml"
    answers.write_bytes(f"identity:\n  unit_name: {first}\n".encode(encoding))
    assert read_answers_file(answers).data["identity"]["unit_name"] == first
    names = tmp_path / "名单.txt"
    names.write_bytes(f"# 2024\n{first}\n{second}\n".encode(encoding))
    assert read_expected(names) == [first, second]
    report = tmp_path / "报告.txt"
    report.write_bytes(f"{second}\n{first}\n".encode(encoding))
    assert read_blocks(report)[0].text == f"{second}\n{first}"


def test_bytes_in_no_such_encoding_are_not_text() -> None:
    assert decode_text(b"\xff\xfe\x00\xd8") is None  # a lone UTF-16 surrogate after the BOM
