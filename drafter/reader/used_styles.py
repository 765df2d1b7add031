"""The styles part, cut down to the styles a document's paragraphs use.

The reader needs from styles.xml only which paragraph styles carry list numbering (``w:numPr``,
their own or through ``w:basedOn``), and only for the styles the body names (``w:pStyle``). A
report written from python-docx's template has a 350 KB styles part of some 9,000 elements, most
of them table borders; building all of them as Python objects took longer than the rest of
reading the report. So only the ``w:style`` elements the body reaches are built, by id and then
their ``w:basedOn`` ancestors, under the part's own root start tag; expat checks what is built.
Where the bytes are not plain enough for that to be exact (not UTF-8; a DTD, comments, CDATA or
processing instructions that could hide markup; the WordprocessingML namespace declared more
than once; a ``w:style`` not a child of the root; tags that do not nest), this returns None and
the caller builds the whole part.

The rest of the part is not checked: a styles part damaged only where no style the body uses
stands is read (lxml refuses the whole file). Checking it cost 2 ms of a 30-page check, to
refuse files Word does not write; the text is what a check reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.reader.xmltree import Element, Unsupported, parse

W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# One tag of a well-formed document without comments, CDATA or PIs: a quoted value may hold ">".
_TAG = rb"""<(/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>"""
_TAGS = re.compile(_TAG)
_DECLARATION = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_W_PREFIX = re.compile(rb"""xmlns:([^\s=/>]+)\s*=\s*["']""" + re.escape(W_NS) + rb"""["']""")


def used_styles(data: bytes, wanted: Iterable[str]) -> Element | None:
    """The styles part's root with only the wanted styles and their ancestors as children;
    :class:`Unsupported` when expat refuses what is built, None when the part must be read
    whole."""
    spans = _style_spans(data)
    if spans is None:
        return None
    root_start, root_end, styles = spans
    by_id: dict[str, list[int]] = {}
    for index, (style_id, _start, _end) in enumerate(styles):
        if style_id:
            by_id.setdefault(style_id, []).append(index)
    chosen: set[int] = set()
    built: dict[int, Element] = {}
    queue = [sid for sid in wanted if sid in by_id]
    seen: set[str] = set()
    while queue:
        sid = queue.pop()
        if sid in seen:
            continue
        seen.add(sid)
        for index in by_id[sid]:
            chosen.add(index)
            _, start, end = styles[index]
            holder = parse(root_start + data[start:end] + root_end)
            if len(holder.children) != 1:
                raise Unsupported("a style's bytes are not one element")
            style = holder.children[0]
            built[index] = style
            based = style.find("{" + W_NS.decode() + "}basedOn")
            parent = based.get("{" + W_NS.decode() + "}val") if based is not None else None
            if parent and parent in by_id:
                queue.append(parent)
    root = parse(root_start + root_end)
    for index in sorted(chosen):
        style = built[index]
        style._parent = root
        root.children.append(style)
    root.has_nodes = bool(root.children)
    return root


def _style_spans(data: bytes) -> tuple[bytes, bytes, list[tuple[str, int, int]]] | None:
    """The root's start and end tags and each root-child ``w:style`` (its id, byte range), or
    None when the bytes are not plain enough to cut up exactly."""
    declared = _DECLARATION.match(data, 0, 200)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    # Markup could hide in comments, CDATA sections and PIs; a DTD is refused before this.
    if b"<!" in data or data.count(b"<?") > (1 if data.startswith(b"<?xml") else 0):
        return None
    if data.count(W_NS) != 1:
        return None
    prefix_match = _W_PREFIX.search(data)
    if prefix_match is None:
        return None
    prefix = prefix_match.group(1)
    if len(_declarations(prefix).findall(data)) != 1:
        return None
    first = data.find(b"<", data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0)
    root = _TAGS.match(data, first)
    if root is None or root.group(1) or root.group(4) or prefix_match.start() > root.end():
        return None
    root_name = root.group(2)
    body_end = data.rfind(b"</" + root_name)
    if body_end < root.end():
        return None
    id_attribute = _style_ids(prefix)
    style_start = b"<" + prefix + b":style"
    style_end = b"</" + prefix + b":style"
    styles: list[tuple[str, int, int]] = []
    depth = 0
    position = root.end()
    # Walk the tags between the root's start and end tags (depth 0: a child of the root),
    # jumping over each style's content, where the bulk of the part is.
    while (tag := _TAGS.search(data, position, body_end)) is not None:
        position = tag.end()
        closing, name, attributes, empty = tag.groups()
        if closing:
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and name == style_start[1:]:
            style_id = _style_id(attributes, id_attribute)
            if style_id is None:
                return None
            if not empty:
                close = _find_tag(data, style_end, position, body_end)
                if close < 0 or _find_tag(data, style_start, position, close) >= 0:
                    return None  # unclosed, or a style inside a style
                position = data.find(b">", close) + 1
            styles.append((style_id, tag.start(), position))
        elif not empty:
            close = _find_tag(data, b"</" + name, position, body_end)
            if depth == 0 and close >= 0 and _find_tag(data, b"<" + name, position, close) < 0:
                position = data.find(b">", close) + 1  # a root child (latentStyles): jump over
            else:
                depth += 1
    if depth != 0:
        return None
    return data[first : root.end()], b"</" + root_name + b">", styles


def _declarations(prefix: bytes) -> re.Pattern[bytes]:
    """Declarations of the namespace prefix: for Word's own ``w``, a pattern made once (and kept
    between runs by drafter.recompile); any other is compiled for the document."""
    if prefix == b"w":
        return _W_DECLARATIONS
    return re.compile(rb"xmlns:" + re.escape(prefix) + rb"\s*=")


def _style_ids(prefix: bytes) -> re.Pattern[bytes]:
    """The ``styleId`` attribute under the prefix (as :func:`_declarations`)."""
    if prefix == b"w":
        return _W_STYLE_IDS
    return re.compile(
        rb"""\s""" + re.escape(prefix) + rb""":styleId\s*=\s*(?:"([^"]*)"|'([^']*)')"""
    )


_W_DECLARATIONS = re.compile(rb"xmlns:w\s*=")
_W_STYLE_IDS = re.compile(rb"""\sw:styleId\s*=\s*(?:"([^"]*)"|'([^']*)')""")

_NAME_ENDS = (b" ", b"\t", b"\r", b"\n", b"/", b">")


def _find_tag(data: bytes, opening: bytes, start: int, end: int) -> int:
    """Where ``<name`` or ``</name`` stands as a whole tag name (not ``<w:styleLink``), or -1."""
    while (found := data.find(opening, start, end)) >= 0:
        if data[found + len(opening) : found + len(opening) + 1] in _NAME_ENDS:
            return found
        start = found + 1
    return -1


def _style_id(attributes: bytes, pattern: re.Pattern[bytes]) -> str | None:
    """The style's id as the parser would give it ("" when it has none); None when the raw value
    holds a reference or a character the parser would change (``&amp;``, a tab)."""
    found = pattern.search(attributes)
    if found is None:
        return ""
    value = found.group(1) if found.group(1) is not None else found.group(2)
    if b"&" in value or b"\t" in value or b"\r" in value or b"\n" in value:
        return None
    return value.decode("utf-8")


def body_style_ids(body: Element, tag: str, val: str) -> set[str]:
    """The paragraph style ids the body names (``w:pStyle/@w:val``)."""
    return {value for element in body.iter(tag) if (value := element.get(val))}
