"""The light path's zip reader (drafter/reader/zipread.py): the same members and bytes as
zipfile on every kind of .docx we have, and what it leaves to zipfile."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.reader import read_report
from drafter.reader.zipread import Archive, Damaged, Unsupported
from tests.test_xmltree import _build, _kinds, hand_made

KINDS = [k for k in _kinds() if "#numbered" in k or "#" not in k][:12]


@pytest.mark.parametrize("kind", KINDS)
def test_members_and_bytes_are_zipfiles(kind: str, tmp_path: Path) -> None:
    data = _build(kind, tmp_path).read_bytes()
    archive = Archive(data)
    with zipfile.ZipFile(io.BytesIO(data)) as reference:
        assert archive.namelist() == reference.namelist()
        for ours, theirs in zip(archive.infolist(), reference.infolist(), strict=True):
            for field in ("filename", "file_size", "compress_size", "flag_bits"):
                assert getattr(ours, field) == getattr(theirs, field)
            assert archive.read(ours.filename) == reference.read(theirs.filename)
    with pytest.raises(KeyError):
        archive.read("word/nothing.xml")


def _zip(members: dict[str, bytes], **options: object) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", **options) as out:  # type: ignore[arg-type]
        for name, content in members.items():
            out.writestr(name, content)
    return buffer.getvalue()


def test_stored_deflated_and_utf8_names() -> None:
    members = {"a.xml": b"<a/>" * 100, "文档/说明.txt": "中文".encode()}
    for compression in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        archive = Archive(_zip(members, compression=compression))
        assert {n: archive.read(n) for n in archive.namelist()} == members


def test_a_wrong_crc_or_size_is_damage() -> None:
    data = _zip({"a.xml": b"<a>" + b"x" * 500 + b"</a>"}, compression=zipfile.ZIP_DEFLATED)
    crc = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml").CRC.to_bytes(4, "little")
    with pytest.raises(Damaged):
        Archive(data.replace(crc, bytes(4))).read("a.xml")
    # The deflated bytes spoiled: zlib refuses them, or they inflate to something else.
    at = data.index(b"a.xml") + len(b"a.xml") + 5
    spoiled = data[:at] + bytes(b ^ 0x55 for b in data[at : at + 8]) + data[at + 8 :]
    with pytest.raises(Damaged):
        Archive(spoiled).read("a.xml")


@pytest.mark.parametrize(
    "make",
    [
        lambda d: d[: len(d) // 2],  # cut short: no directory at the end
        lambda d: d.replace(b"PK\x01\x02", b"PK\x01\x03", 1),  # directory damaged
        lambda d: d.replace(b"b.xml", b"c.xml", 1),  # the local header names another file
        lambda d: b"",
    ],
)
def test_what_is_not_a_plain_zip_is_left_to_zipfile(make: object) -> None:
    data = _zip({"a.xml": b"<a/>", "b.xml": b"<b/>"})
    with pytest.raises(Unsupported):
        archive = Archive(make(data))  # type: ignore[operator]
        for name in archive.namelist():
            archive.read(name)


def test_encrypted_members_are_left_to_zipfile() -> None:
    data = bytearray(_zip({"a.xml": b"<a/>"}))
    # The encryption flag in the local header (offset 6) and the directory entry (offset 8).
    data[6] |= 1
    data[data.index(b"PK\x01\x02") + 8] |= 1
    archive = Archive(bytes(data))
    with pytest.raises(Unsupported):
        archive.read("a.xml")


def test_a_file_the_light_reader_declines_gets_zipfiles_messages(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "d.docx")
    data = bytearray(path.read_bytes())
    data[data.index(b"PK\x01\x02") + 8] |= 1  # a member said to be encrypted
    path.write_bytes(bytes(data))
    with pytest.raises(DrafterError, match="加密"):
        read_report(path)
