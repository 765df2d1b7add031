"""A small read-only element tree parsed with the standard library's expat, for reading a .docx
without importing lxml (its import and first use cost ~4.5 ms in a ``drafter check`` process,
15 ms in a bare interpreter: more than parsing a 30-page report's parts this way).

It offers exactly the part of lxml's element API the reader uses (``tag``, ``text``, ``get``,
``find``, ``iter``, ``iterchildren``, ``getparent``) with lxml's names (Clark notation,
``{uri}local``) and lxml's text: the parts are parsed the way python-docx parses them
(``remove_blank_text=True``), so ``text`` is the text before an element's first child node
(comments and processing instructions count as nodes), and whitespace-only text is dropped by
the same rules libxml2 applies (``xml:space``, mixed content). The reader runs unchanged on
either tree (``tests/test_xmltree.py`` holds them equal on every .docx we have).

Anything this parser will not vouch for raises :class:`Unsupported`: the caller then reads the
file the old way (python-docx and lxml), so the user sees exactly what that path gives. That is
the case for malformed XML, a DOCTYPE with an internal subset or entity declarations (which
lxml leaves unexpanded; expat would expand them), encodings expat lacks (GBK), and the limits
libxml2 applies without ``huge_tree`` (depth 256, text nodes of 10 MB, names of 50,000
characters), so that no file is read here that lxml would refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from pyexpat import ParserCreate

MAX_DEPTH = 256
"""libxml2's element depth limit without XML_PARSE_HUGE (257 levels are refused)."""
MAX_PART_BYTES = 10_000_000
"""libxml2 refuses a text node or attribute value over 10,000,000 bytes; no such token can sit in
a smaller part, so a larger one is left to lxml."""
MAX_NAME = 50_000
"""libxml2's limit on the length of a name."""

XML_SPACE = "http://www.w3.org/XML/1998/namespace}space"
_BLANKS = " \t\n\r"


class Unsupported(ValueError):
    """The part is malformed, or uses XML features left to lxml (see the module docstring)."""


TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs a `drafter check` ~2 ms to import; the protocol is for mypy
    from typing import Any, Protocol

    class XmlElement(Protocol):
        """The element API the reader uses; lxml's elements and :class:`Element` both give it."""

        @property
        def tag(self) -> object: ...
        @property
        def text(self) -> str | None: ...
        def get(self, key: str, default: str | None = None) -> str | None: ...
        def find(self, path: str) -> XmlElement | None: ...
        def iter(self, tag: str | None = None) -> Iterator[XmlElement]: ...
        def iterchildren(self, tag: str | None = None) -> Iterator[XmlElement]: ...
        def getparent(self) -> XmlElement | None: ...


class Element:
    """One element: Clark-name tag, attributes, the text before its first child, children."""

    __slots__ = ("_attrib", "_parent", "_space", "children", "has_nodes", "tag", "text")

    def __init__(self, tag: str, attrib: dict[str, str], parent: Element | None) -> None:
        self.tag = tag
        self._attrib = attrib  # expat's names: "uri}local", or "local" without a namespace
        self._parent = parent
        self.children: list[Element] = []
        self.text: str | None = None
        self.has_nodes = False  # any child node so far, comments and PIs included
        self._space = -1  # libxml2's xml:space state: -1 unset, -2 mixed, 0 default, 1 preserve

    def __repr__(self) -> str:
        return f"<Element {self.tag}>"

    def get(self, key: str, default: str | None = None) -> str | None:
        """The attribute with this Clark name (``{uri}local``) or plain name."""
        return self._attrib.get(key[1:] if key[:1] == "{" else key, default)

    @property
    def attrib(self) -> dict[str, str]:
        """The attributes by Clark name (for tests and debugging; ``get`` is the fast path)."""
        return {("{" + k if "}" in k else k): v for k, v in self._attrib.items()}

    def find(self, path: str) -> Element | None:
        """The first child with this tag (only a tag, not an ElementPath expression)."""
        for child in self.children:
            if child.tag == path:
                return child
        return None

    def iterchildren(self, tag: str | None = None) -> Iterator[Element]:
        if tag is None:
            return iter(self.children)
        return (child for child in self.children if child.tag == tag)

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and its descendants in document order, optionally of one tag."""
        stack = [self]
        while stack:
            element = stack.pop()
            if tag is None or element.tag == tag:
                yield element
            stack.extend(reversed(element.children))

    def getparent(self) -> Element | None:
        return self._parent


def _guard(parser: Any) -> None:
    """Decline DTDs that declare anything, and entities other than the predefined ones."""

    def refuse(*_: object) -> None:
        raise Unsupported("DTD declarations or entities")

    def doctype(_name: str, _system: str | None, _public: str | None, internal: int) -> None:
        if internal:
            refuse()

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.NotationDeclHandler = refuse
    parser.SkippedEntityHandler = refuse
    parser.ExternalEntityRefHandler = refuse


def _run(parser: Any, data: bytes) -> None:
    try:
        parser.Parse(data, True)
    except Unsupported:
        raise
    except Exception as exc:  # ExpatError, or a codec error from an 8-bit encoding
        raise Unsupported(str(exc)) from exc


def parse(data: bytes) -> Element:
    """The root element of an XML part; :class:`Unsupported` when this parser declines it."""
    if len(data) > MAX_PART_BYTES:
        raise Unsupported("part too large for the light reader")
    parser = ParserCreate(None, "}")
    parser.buffer_text = True
    parser.buffer_size = 65536
    names: dict[str, str] = {}
    root = Element("", {}, None)
    root.has_nodes = False
    current = root
    depth = 0
    pending: list[str] = []

    def flush(closing: bool) -> None:
        # Text between two pieces of markup: dropped when blank, as libxml2's areBlanks() decides
        # with keepBlanks off; kept, it is the element's text if no child node came before it.
        element = current
        run = "".join(pending) if len(pending) > 1 else pending[0]
        pending.clear()
        if not run.strip(_BLANKS):
            space = element._space
            if not (
                space == 1
                or space == -2
                or (closing and not element.has_nodes)
                or element.text is not None
            ):
                return
        if not element.has_nodes:
            element.text = run if element.text is None else element.text + run
        if element._space == -1:
            element._space = -2

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal current, depth
        if pending:
            flush(False)
        tag = names.get(name)
        if tag is None:
            if len(name) > MAX_NAME:
                raise Unsupported("name too long")
            tag = names[name] = "{" + name if "}" in name else name
        depth += 1
        if depth > MAX_DEPTH:
            raise Unsupported("too deep")
        parent = current
        element = Element(tag, attrs, parent)
        parent.children.append(element)
        parent.has_nodes = True
        space = parent._space
        if space == -2:
            space = -1
        if attrs and XML_SPACE in attrs:
            value = attrs[XML_SPACE]
            space = 1 if value == "preserve" else 0 if value == "default" else space
        element._space = space
        current = element

    def end(name: str) -> None:
        nonlocal current, depth
        if pending:
            flush(True)
        depth -= 1
        parent = current._parent
        assert parent is not None
        current = parent

    def node(*_: object) -> None:
        # A comment or processing instruction: a child node in lxml's tree (ending the text),
        # though not an element the reader looks at.
        if pending:
            flush(False)
        current.has_nodes = True

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = pending.append
    parser.CommentHandler = node
    parser.ProcessingInstructionHandler = node
    _guard(parser)
    _run(parser, data)
    if not root.children:
        raise Unsupported("no root element")
    top = root.children[0]
    top._parent = None
    return top
