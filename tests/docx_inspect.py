"""Reading a .docx the way a reviewer's Word would, for the annotation tests.

Written against the raw XML, independently of ``drafter.docx.anchor``, so the tests do not
trust the code they test.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
_SKIP = {W + "del", W + "delText", W + "instrText", W + "txbxContent", W + "moveFrom"}


def part_xml(path: Path, name: str) -> etree._Element | None:
    with zipfile.ZipFile(path) as archive:
        if name not in archive.namelist():
            return None
        return etree.fromstring(archive.read(name))


def body(path: Path) -> etree._Element:
    root = part_xml(path, "word/document.xml")
    assert root is not None
    return root


def commented_texts(path: Path) -> dict[str, str]:
    """Comment id → the visible text between its range start and end (paragraph ends as \\n)."""
    open_ids: set[str] = set()
    texts: dict[str, str] = {}

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "commentRangeStart":
                open_ids.add(child.get(W + "id"))
                texts.setdefault(child.get(W + "id"), "")
            elif tag == W + "commentRangeEnd":
                open_ids.discard(child.get(W + "id"))
            elif tag == W + "t":
                for ident in open_ids:
                    texts[ident] += child.text or ""
            elif tag == W + "tab":
                for ident in open_ids:
                    texts[ident] += "\t"
            elif tag == W + "p":
                walk(child)
                for ident in open_ids:
                    texts[ident] += "\n"
            else:
                walk(child)

    walk(body(path))
    return texts


def comments(path: Path) -> list[dict[str, str]]:
    """Every comment: id, author and text (paragraphs joined by \\n)."""
    root = part_xml(path, "word/comments.xml")
    if root is None:
        return []
    out = []
    for comment in root.iter(W + "comment"):
        paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p")]
        out.append(
            {
                "id": comment.get(W + "id"),
                "author": comment.get(W + "author"),
                "text": "\n".join(paragraphs),
            }
        )
    return out


def references(path: Path) -> list[str]:
    return [r.get(W + "id") for r in body(path).iter(W + "commentReference")]


def formatted_chars(path: Path) -> list[list[tuple[str, str, str]]]:
    """For every paragraph: each character (deleted ones too) with its run's properties and the
    tracked change it sits in. Equal before and after annotating = text and formatting kept."""
    out = []
    for p in body(path).iter(W + "p"):
        chars = []
        for run in p.iter(W + "r"):
            rpr = run.find(W + "rPr")
            style = etree.tostring(rpr, encoding="unicode") if rpr is not None else ""
            if 'w:val="CommentReference"' in style:
                continue
            change = ""
            parent = run.getparent()
            while parent is not None and parent is not p:
                if parent.tag in (W + "ins", W + "del"):
                    change = parent.tag.rsplit("}", 1)[1] + parent.get(W + "id", "")
                parent = parent.getparent()
            for child in run:
                if child.tag in (W + "t", W + "delText", W + "instrText"):
                    kind = child.tag.rsplit("}", 1)[1]
                    chars += [(ch, style, change + kind) for ch in child.text or ""]
                elif child.tag in (W + "tab", W + "br", W + "fldChar"):
                    chars.append((child.tag.rsplit("}", 1)[1], style, change))
        out.append(chars)
    return out


def count(path: Path, tag: str) -> int:
    return sum(1 for _ in body(path).iter(W + tag))
