"""The parts of a .docx the reader needs (body, numbering, styles) as lxml element trees.

The parts are found the way python-docx finds them (package relationships, then the main
part's relationships) and parsed as python-docx parses them (no blank text, no entities). A
package python-docx would refuse (the main part is not a Word document) is refused here too.
Word's "Strict Open XML" save format names the same elements in other namespaces; its parts are
read as the usual (transitional) ones, so every reader accepts it.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)

STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
}
"""Strict Open XML namespace → its transitional twin, for the parts the reader walks."""

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


class NotAWordDocument(Exception):
    """The package is a zip of Open XML parts, but its main part is not a Word document."""


def w(tag: str) -> str:
    """The Clark name lxml uses for a WordprocessingML tag or attribute: ``w("p")``."""
    return f"{{{W_NS}}}{tag}"


@dataclass(frozen=True, slots=True)
class Parts:
    """The root elements the reader walks: the body, and numbering and styles when present."""

    body: etree._Element
    numbering: etree._Element | None
    styles: etree._Element | None


def parse_xml(data: bytes) -> etree._Element:
    """A part parsed as python-docx parses it, Strict namespaces read as transitional ones."""
    for strict, transitional in STRICT_NAMESPACES.items():
        if strict in data:
            data = data.replace(strict, transitional)
    return etree.fromstring(data, _PARSER)


def is_strict(archive: zipfile.ZipFile) -> bool:
    """Whether the package was saved as Strict Open XML (python-docx cannot edit it)."""
    main = _relationships(archive, "_rels/.rels", "").get("officeDocument")
    if main is None:
        return False
    return b"http://purl.oclc.org/ooxml/" in archive.read(main)[:4096]


def _relationships(archive: zipfile.ZipFile, rels_name: str, source_dir: str) -> dict[str, str]:
    """Relationship type (last path segment) → part name, for the internal targets."""
    try:
        data = archive.read(rels_name)
    except KeyError:
        return {}
    found: dict[str, str] = {}
    for rel in parse_xml(data).iterchildren(f"{{{PKG_RELS_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.join(source_dir, target)
        found.setdefault(kind, posixpath.normpath(name))
    return found


def _content_type(archive: zipfile.ZipFile, part: str) -> str | None:
    types = parse_xml(archive.read("[Content_Types].xml"))
    for override in types.iterchildren(f"{{{CT_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
            return override.get("ContentType")
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    for default in types.iterchildren(f"{{{CT_NS}}}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType")
    return None


def read_parts(archive: zipfile.ZipFile) -> Parts:
    """Body, numbering and styles of the main document; NotAWordDocument (or an lxml or zip
    error) when the package is not one."""
    main = _relationships(archive, "_rels/.rels", "").get("officeDocument")
    if main is None or _content_type(archive, main) != MAIN_CONTENT_TYPE:
        raise NotAWordDocument(main)
    body = parse_xml(archive.read(main)).find(w("body"))
    if body is None:
        raise NotAWordDocument(main)
    folder, name = posixpath.split(main)
    related = _relationships(archive, posixpath.join(folder, "_rels", name + ".rels"), folder)

    def part(kind: str) -> etree._Element | None:
        target = related.get(kind)
        return None if target is None else parse_xml(archive.read(target))

    return Parts(body, part("numbering"), part("styles"))
