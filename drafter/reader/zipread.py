"""A small read-only zip reader for the light path of reading a .docx.

The standard library's :mod:`zipfile` imports shutil, threading, importlib.util, bz2 and lzma:
about 3.5 ms of a ``drafter check`` process that takes 55 ms in all (issue 15), to read four or
five deflated members of a file already in memory. This reads exactly what a Word document is —
one disk, no ZIP64, no encryption, members stored or deflated — from the central directory, and
checks each member's size and CRC as it is inflated. Anything else raises :class:`Unsupported`
and the caller reads the file the old way (zipfile, then python-docx), whose messages the user
sees; a member that fails its CRC or inflates wrong raises :class:`Damaged` for the same reason.

:class:`Archive` offers the two calls of ``zipfile.ZipFile`` the reader uses, ``infolist()``
(entries with ``filename``, ``file_size``, ``compress_size``, ``flag_bits``) and ``read(name)``
(``KeyError`` for a name that is not there).
"""

from __future__ import annotations

import zlib

_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
_STORED, _DEFLATED = 0, 8
_ENCRYPTED, _UTF8 = 0x1, 0x800


class Unsupported(ValueError):
    """Not a plain single-disk zip of stored or deflated members: left to :mod:`zipfile`."""


class Damaged(ValueError):
    """A member that does not inflate to its recorded size and CRC."""


def _u16(data: bytes, at: int) -> int:
    return data[at] | data[at + 1] << 8


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little")


class Entry:
    """One member as the central directory records it (zipfile's ZipInfo names)."""

    __slots__ = (
        "compress_size",
        "crc",
        "file_size",
        "filename",
        "flag_bits",
        "method",
        "offset",
        "raw_name",
    )

    def __init__(
        self,
        filename: str,
        flag_bits: int,
        method: int,
        crc: int,
        compress_size: int,
        file_size: int,
        offset: int,
        raw_name: bytes,
    ) -> None:
        self.filename = filename
        self.raw_name = raw_name
        self.flag_bits = flag_bits
        self.method = method
        self.crc = crc
        self.compress_size = compress_size
        self.file_size = file_size
        self.offset = offset


class Archive:
    """The members of a zip held in memory; :class:`Unsupported` when it is not a plain one."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.entries: dict[str, Entry] = {}
        """Name → entry, in the directory's order."""
        self._read_directory()

    def _read_directory(self) -> None:
        data = self.data
        end = data.rfind(_EOCD, max(0, len(data) - _EOCD_SIZE - _MAX_COMMENT))
        if end < 0 or end + _EOCD_SIZE > len(data):
            raise Unsupported("no end of central directory")
        disk, start_disk = _u16(data, end + 4), _u16(data, end + 6)
        here, total = _u16(data, end + 8), _u16(data, end + 10)
        size, offset = _u32(data, end + 12), _u32(data, end + 16)
        if disk or start_disk or here != total or 0xFFFF in (here, total):
            raise Unsupported("several disks, or ZIP64")
        if 0xFFFFFFFF in (size, offset) or offset + size > end:
            raise Unsupported("ZIP64, or a directory outside the file")
        at = offset
        for _ in range(total):
            if data[at : at + 4] != _CENTRAL:
                raise Unsupported("damaged central directory")
            flags, method = _u16(data, at + 8), _u16(data, at + 10)
            crc, packed, size_ = _u32(data, at + 16), _u32(data, at + 20), _u32(data, at + 24)
            name_length, extra, comment = (
                _u16(data, at + 28),
                _u16(data, at + 30),
                _u16(data, at + 32),
            )
            local = _u32(data, at + 42)
            raw = data[at + 46 : at + 46 + name_length]
            if 0xFFFFFFFF in (packed, size_, local):
                raise Unsupported("ZIP64 member")
            name = raw.decode("utf-8" if flags & _UTF8 else "cp437")
            entry = Entry(name, flags, method, crc, packed, size_, local, raw)
            if name in self.entries:
                raise Unsupported("a name twice")  # zipfile decides which one is read
            self.entries[name] = entry
            at += 46 + name_length + extra + comment
        if at > end:
            raise Unsupported("damaged central directory")

    def infolist(self) -> list[Entry]:
        return list(self.entries.values())

    def namelist(self) -> list[str]:
        return list(self.entries)

    def read(self, name: str) -> bytes:
        """A member's bytes; KeyError when there is none of that name."""
        entry = self.entries[name]
        if entry.flag_bits & _ENCRYPTED or entry.method not in (_STORED, _DEFLATED):
            raise Unsupported("encrypted, or compressed another way")
        data = self.data
        at = entry.offset
        if data[at : at + 4] != _LOCAL:
            raise Unsupported("damaged local header")
        name_length = _u16(data, at + 26)
        if data[at + 30 : at + 30 + name_length] != entry.raw_name:
            raise Unsupported("the local header names another file")  # zipfile refuses it
        start = at + 30 + name_length + _u16(data, at + 28)
        packed = data[start : start + entry.compress_size]
        if len(packed) != entry.compress_size:
            raise Damaged(name)
        if entry.method == _STORED:
            content = packed
        else:
            inflate = zlib.decompressobj(-15)
            try:
                # One byte more than recorded: a member that inflates larger is damaged, and
                # never more than that is produced (the directory's sizes were checked first).
                content = inflate.decompress(packed, entry.file_size + 1)
            except zlib.error:
                raise Damaged(name) from None
        if len(content) != entry.file_size or zlib.crc32(content) != entry.crc:
            raise Damaged(name)
        return content
