"""The parts of a .docx the reader needs (body, numbering, styles) as element trees.

``drafter check`` and ``drafter import`` only read the XML; loading python-docx for that took
longer than checking a 30-page report, and importing lxml longer than parsing one with expat. The parts are found the way python-docx
finds them (package relationships, then the main part's relationships) and parsed with
:mod:`drafter.reader.xmltree` (the standard library's expat), which gives the trees python-docx's
lxml parser gives, as far as the reader looks; a package python-docx would refuse (the main part
is not a Word document) is refused here too. ``check --annotate``, which edits the document,
still opens it with python-docx, and so does the reader when this light path declines a file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from drafter.record import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol

    class Members(Protocol):
        """What is read of the archive: ``zipfile.ZipFile``, or the light path's
        :class:`drafter.reader.zipread.Archive`."""

        def read(self, name: str) -> bytes: ...

    Parse = Callable[[bytes], Any]
    """Bytes of an XML part → its root element (:func:`drafter.reader.xmltree.parse`, or
    lxml's)."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)


def w(tag: str) -> str:
    """The Clark name lxml uses for a WordprocessingML tag or attribute: ``w("p")``."""
    return f"{{{W_NS}}}{tag}"


class Parts(FrozenRecord):
    """The root elements the reader walks: the body, and numbering and styles when present."""

    FIELDS = __slots__ = ("body", "numbering", "styles")
    body: Any
    numbering: Any | None
    styles: Any | None

    def __init__(self, body: Any, numbering: Any | None, styles: Any | None) -> None:
        self._assign(body, numbering, styles)


LIGHT_MAX_TAGS = 18_000
"""Above this many tags (``<``) in document.xml, lxml is used after all: the expat tree costs
about 1 µs an element, lxml a fraction of that after ~4.5 ms to import and set up. Measured as
the first read in a ``drafter check`` process: expat 4.4 ms faster for 1,900 tags (a 30-page
report written by drafter has 1,500), 2.7 ms for 6,400 heavily formatted ones, 0.6 ms for
16,000, and 4 ms slower for 25,600."""


def lxml_parse(data: bytes) -> Any:
    """A part parsed as python-docx parses it: no blank text kept, no entities resolved."""
    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    return etree.fromstring(data, parser)


def _relationships(
    archive: Members, rels_name: str, source_dir: str, parse: Parse
) -> dict[str, str]:
    """Relationship type (last path segment) → part name, for the internal targets."""
    try:
        data = archive.read(rels_name)
    except KeyError:
        return {}
    found: dict[str, str] = {}
    for rel in parse(data).iterchildren(f"{{{PKG_RELS_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else posixpath.join(source_dir, target)
        found.setdefault(kind, posixpath.normpath(name))
    return found


def _content_type(archive: Members, part: str, parse: Parse) -> str | None:
    types = parse(archive.read("[Content_Types].xml"))
    for override in types.iterchildren(f"{{{CT_NS}}}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
            return override.get("ContentType")
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    for default in types.iterchildren(f"{{{CT_NS}}}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType")
    return None


def read_parts(archive: Members, parse: Parse | None = None) -> Parts:
    """Body, numbering and styles of the main document; ValueError (or a parser or zip error)
    when the package is not a Word document or ``parse`` declines a part."""
    light = parse is None
    if parse is None:
        from drafter.reader.xmltree import parse as light_parse

        parse = light_parse
    main = _relationships(archive, "_rels/.rels", "", parse).get("officeDocument")
    if main is None or _content_type(archive, main, parse) != MAIN_CONTENT_TYPE:
        raise ValueError("not a Word document")
    data = archive.read(main)
    if light and data.count(b"<") > LIGHT_MAX_TAGS:
        parse, light = lxml_parse, False
    document = parse(data)
    body = document.find(f"{{{W_NS}}}body")
    if body is None:
        raise ValueError("no body")
    folder, name = posixpath.split(main)
    related = _relationships(
        archive, posixpath.join(folder, "_rels", name + ".rels"), folder, parse
    )

    def part(kind: str) -> Any | None:
        target = related.get(kind)
        return None if target is None else parse(archive.read(target))

    styles = None
    if light and "styles" in related:
        # Only the styles the body names (and their ancestors) are built: see used_styles.
        from drafter.reader.used_styles import body_style_ids, used_styles

        wanted = body_style_ids(body, w("pStyle"), w("val"))
        styles = used_styles(archive.read(related["styles"]), wanted)
    return Parts(body, part("numbering"), styles if styles is not None else part("styles"))
