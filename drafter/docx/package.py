"""A .docx package made from a prepared one: its parts copied as they are, a few replaced.

The base document's parts (styles, theme, fonts, footers: about 800 KB of XML) are the same in
every report. Their compressed bytes are read once per process and copied into each new package
unchanged, so a report costs one small part's compression instead of the whole package's. The
zip is written here (the format's three record types) because :mod:`zipfile` can only copy an
entry by decompressing and compressing it again.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20  # 2.0: deflate
_UTF8_NAME = 0x800
_MAX_SIZE = 0xFFFFFFFF  # beyond this a zip needs ZIP64, which no report comes near


@dataclass(frozen=True)
class Entry:
    """One part as stored: its name and its data as it goes into the zip."""

    name: str
    method: int
    crc: int
    size: int
    data: bytes


def read_entries(path: Path) -> tuple[list[Entry], dict[str, bytes]]:
    """The stored entries of a package, and each part's uncompressed bytes (for the few parts a
    writer starts from)."""
    raw = Path(path).read_bytes()
    entries: list[Entry] = []
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        for info in package.infolist():
            offset = info.header_offset
            name_len, extra_len = struct.unpack_from("<HH", raw, offset + 26)
            start = offset + _LOCAL.size + name_len + extra_len
            stored = raw[start : start + info.compress_size]
            entries.append(
                Entry(info.filename, info.compress_type, info.CRC, info.file_size, stored)
            )
            parts[info.filename] = package.read(info)
    return entries, parts


def deflated(name: str, data: bytes) -> Entry:
    """A new part, compressed as :mod:`zipfile` does (raw deflate, default level)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    stored = compressor.compress(data) + compressor.flush()
    return Entry(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), stored)


def _dos_time(seconds: float) -> tuple[int, int]:
    t = time.localtime(seconds)
    year = max(t.tm_year, 1980)
    return (
        t.tm_hour << 11 | t.tm_min << 5 | t.tm_sec // 2,
        (year - 1980) << 9 | t.tm_mon << 5 | t.tm_mday,
    )


def package(entries: list[Entry], replace: Mapping[str, bytes]) -> bytes:
    """A zip of ``entries`` in their order, the parts named in ``replace`` with new content."""
    dos_time, dos_date = _dos_time(time.time())
    out = bytearray()
    central = bytearray()
    for old in entries:
        entry = deflated(old.name, replace[old.name]) if old.name in replace else old
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        if len(entry.data) > _MAX_SIZE or entry.size > _MAX_SIZE:
            raise ValueError(f"part {entry.name} is too large for a plain zip")
        offset = len(out)
        # The fields both headers share, in the order both give them; the extra field is empty.
        common = (
            flags,
            entry.method,
            dos_time,
            dos_date,
            entry.crc,
            len(entry.data),
            entry.size,
            len(name),
            0,
        )
        out += _LOCAL.pack(_LOCAL_SIG, _VERSION, *common)
        out += name
        out += entry.data
        # Then: comment length, disk number, internal and external attributes, the offset.
        central += _CENTRAL.pack(_CENTRAL_SIG, _VERSION, _VERSION, *common, 0, 0, 0, 0, offset)
        central += name
    start = len(out)
    out += central
    out += _END.pack(_END_SIG, 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)
