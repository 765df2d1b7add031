"""The expat tree (drafter.reader.xmltree) reads every .docx as the lxml tree does.

The reader runs unchanged on either tree, so the test reads each .docx we have twice, once with
the expat tree (what ``drafter check`` uses) and once with python-docx's lxml parser settings, and
compares the blocks, every source's line and list number, and the text of each source paragraph.
A hand-made document holds what Word files contain and a lossy reader would drop (tabs, breaks,
list numbers through a style's basedOn chain, alternate content, comments inside text, preserved
spaces), with its expected text spelled out, so both trees being wrong alike fails too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from drafter.docx_parts import read_parts
from drafter.docx_writer import write_docx
from drafter.errors import DrafterError
from drafter.reader import blocks_from_text, paragraph_pieces, read_report
from drafter.reader.docx import document_items
from drafter.reader.used_styles import used_styles
from drafter.reader.xmltree import Element, Unsupported, parse
from tests import tricky_docx
from tests.conftest import ROOT, SEEDS, run_python
from tests.test_docx_writer import report_blocks
from tests.test_reader import write_docx as write_seed_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:document xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/'
    'markup-compatibility/2006" xmlns:x="urn:example:unknown"><w:body>'
)
DOC_TAIL = "<w:sectPr/></w:body></w:document>"


def lxml_parse(data: bytes) -> Any:
    from lxml import etree

    # python-docx's parser settings (docx.oxml.parser).
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    return etree.fromstring(data, parser)


def read_both(path: Path) -> tuple[list[Any], list[Any]]:
    """The reader's items and sources from the expat tree and from the lxml tree."""
    with zipfile.ZipFile(path) as archive:
        light = document_items(path, read_parts(archive))
        full = document_items(path, read_parts(archive, lxml_parse))
    return _comparable(light), _comparable(full)


def _comparable(sourced: list[Any]) -> list[Any]:
    out = []
    for item, sources in sourced:
        out.append(
            (
                item,
                [
                    (s.line, s.prefix, [t for t, _ in paragraph_pieces(s.paragraph)])
                    for s in sources
                ],
            )
        )
    return out


# --------------------------------------------------------------------------- the fixtures


def _fixture_texts() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt"))
    found += sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    return found


def _build(kind: str, folder: Path) -> Path:
    if kind == "tricky":
        return tricky_docx.build(folder / "红旗镇报告.docx")
    if kind == "generated":
        return write_docx(report_blocks(), folder / "生成的报告.docx")
    if kind == "hand-made":
        return hand_made(folder / "手工.docx")
    source, _, variant = kind.partition("#")
    text = (ROOT / source).read_text(encoding="utf-8")
    if variant == "writer":  # as benchmarks/golden_checks.py writes the texts
        return write_docx(blocks_from_text(text), folder / "t.docx")
    return write_seed_docx(folder / "t.docx", text, auto_numbering=variant == "numbered")


def _kinds() -> list[str]:
    kinds = ["tricky", "generated", "hand-made"]
    for text in _fixture_texts():
        name = str(text.relative_to(ROOT))
        kinds.append(f"{name}#writer")
        if text.parent == SEEDS:
            kinds += [f"{name}#plain", f"{name}#numbered"]
    return kinds


@pytest.mark.parametrize("kind", _kinds())
def test_expat_tree_reads_every_docx_as_lxml_does(kind: str, tmp_path: Path) -> None:
    path = _build(kind, tmp_path)
    light, full = read_both(path)
    assert light, "nothing read"
    assert light == full
    # And the whole reader (blocks and their sources) agrees with the python-docx path.
    report, document = read_report(path), read_report(path, with_document=True)
    assert report.document is None and report.blocks == document.blocks
    assert [[(s.line, s.prefix) for s in g] for g in report.sources] == [
        [(s.line, s.prefix) for s in g] for g in document.sources
    ]


def test_the_fixtures_include_numbered_and_broken_lines(tmp_path: Path) -> None:
    # The equality above would be empty praise if no fixture had list numbers or line breaks.
    seed = sorted(SEEDS.glob("0*.txt"))[1].relative_to(ROOT)
    light, _ = read_both(_build(f"{seed}#numbered", tmp_path))
    assert any(prefix for _, sources in light for _, prefix, _ in sources)
    light, _ = read_both(_build("generated", tmp_path))
    assert any(line > 0 for _, sources in light for line, _, _ in sources)


# --------------------------------------------------------------------------- a hand-made file

STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:docDefaults><w:pPrDefault><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:latentStyles w:count="2"><w:lsdException w:name="Normal"/>'
    '<w:lsdException w:name="heading 1"/></w:latentStyles>'
    '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="outline"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/>'
    "</w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Outline"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="table" w:styleId="Grid"><w:tblStylePr w:type="firstRow"><w:pPr><w:numPr>'
    '<w:numId w:val="5"/></w:numPr></w:pPr></w:tblStylePr></w:style>'
    "</w:styles>"
)
NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)


def _p(inner: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{inner}</w:p>"


def _r(text: str, preserve: bool = False) -> str:
    space = ' xml:space="preserve"' if preserve else ""
    return f"<w:r><w:t{space}>{text}</w:t></w:r>"


HAND_MADE_BODY = "".join(
    [
        _p(_r("红旗镇2025年度法治政府建设情况报告")),
        _p(_r("主要举措和成效"), "Heading1"),
        _p(_r("加强组织领导"), "Heading2"),
        _p(
            _r("开展")
            + "<w:r><w:tab/></w:r>"
            + _r("宣传", True)
            + "<w:r><w:br/></w:r>"
            + _r("第二行")
        ),
        _p(_r("  前后留空  ", True) + _r("  不保留  ") + _r("   ") + _r(" ", True)),
        _p(_r("甲<!-- 批注 -->乙") + _r("<?pi 处理?>丙") + _r("<![CDATA[a<b&c]]>")),
        _p(
            '<mc:AlternateContent><mc:Choice Requires="x">' + _r("选项文字") + "</mc:Choice>"
            "<mc:Fallback>" + _r("备用文字") + "</mc:Fallback></mc:AlternateContent>"
        ),
        _p(
            "<x:unknown>"
            + _r("未知命名空间里的文字")
            + "</x:unknown>"
            + _r("&amp;&lt;&#x4E00;&#19968;")
        ),
        _p(_r("连字") + '<w:r><w:noBreakHyphen/><w:cr/><w:br w:type="page"/></w:r>' + _r("结束")),
        "<w:sdt><w:sdtContent>"
        + _p(_r("内容控件里的段落"), "Heading1")
        + "</w:sdtContent></w:sdt>",
        "<w:tbl><w:tr><w:tc>"
        + _p(_r("单元格"))
        + "<w:tbl><w:tr><w:tc>"
        + _p(_r("嵌套"))
        + "</w:tc></w:tr></w:tbl></w:tc><w:tc>"
        + _p(_r("第二格"), "Heading2")
        + "</w:tc></w:tr></w:tbl>",
        _p(
            '<w:ins w:id="1">' + _r("插入") + '</w:ins><w:del w:id="2"><w:r><w:delText>删除'
            "</w:delText></w:r></w:del>"
        ),
        "\n  " + _p("\n    " + _r("缩进排版的段落") + "\n  ") + "\n",
    ]
)

HAND_MADE_TEXT = [
    "红旗镇2025年度法治政府建设情况报告",
    "一、主要举措和成效",  # numbering through Heading1 → Outline (basedOn)
    "（一）加强组织领导",
    "开展\t宣传",
    "第二行",
    "前后留空    不保留",  # spaces inside text are kept, preserved or not
    "甲a<b&c",  # lxml's text ends at a comment or PI inside w:t; CDATA is text
    "选项文字",  # mc:Fallback left out
    "未知命名空间里的文字&<一一",
    "连字-",  # w:cr is a line break, a page break is not
    "结束",
    "二、内容控件里的段落",
    "插入",  # tracked deletion left out
    "缩进排版的段落",  # indentation between elements is not text
]


def hand_made(path: Path, document: str | None = None) -> Path:
    source = write_docx(report_blocks(), path.with_name("base.docx"))
    members = {
        "word/document.xml": (document or DOC_HEAD + HAND_MADE_BODY + DOC_TAIL).encode(),
        "word/styles.xml": STYLES.encode(),
        "word/numbering.xml": NUMBERING.encode(),
    }
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, members.get(info.filename) or src.read(info.filename))
    return path


def test_the_hand_made_file_reads_as_word_shows_it(tmp_path: Path) -> None:
    light, full = read_both(hand_made(tmp_path / "手工.docx"))
    assert light == full
    paragraphs = [item for item, _ in light if isinstance(item, str)]
    assert paragraphs == HAND_MADE_TEXT
    table = next(item for item, _ in light if not isinstance(item, str))
    assert table.rows == [["单元格\n嵌套", "（一）第二格"]]


# --------------------------------------------------------------------------- the tree itself


def _shape(element: Any) -> Any:
    """Tag, attributes, text and element children, recursively (comments and PIs left out)."""
    attrib = dict(element.attrib)
    children = [c for c in element.iterchildren() if isinstance(c.tag, str)]
    return (element.tag, attrib, element.text, [_shape(c) for c in children])


SNIPPETS = [
    "<a> <b/> </a>",
    "<a> </a>",
    "<a>\t\n </a>",
    "<a>x <b/> <c/> </a>",
    "<a><b/>x<c/> </a>",
    '<a xml:space="preserve"> <b> </b> <c/> </a>',
    '<a xml:space="preserve"><b xml:space="default"> <c/> </b></a>',
    '<a xml:space="default">x <b/> </a>',
    "<a> <!-- c --> t</a>",
    "<a>t<!-- c -->u</a>",
    "<a><?pi x?>t</a>",
    "<a> <?pi x?> </a>",
    "<a><![CDATA[ ]]></a>",
    "<a>x<![CDATA[<y>]]>z</a>",
    "<a> &amp; </a>",
    "<a>&#32;</a>",
    "<a>\r\n</a>",
    "<a>\u3000<b/></a>",
    '<a xmlns="urn:d" xmlns:p="urn:p" p:x="1" y="2"><b p:z="&lt;"/><p:c/></a>',
    '<a x="\t1\n"/>',
    '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE a SYSTEM "none.dtd"><a>t</a>',
    '<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>',
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_the_tree_is_lxmls_tree(snippet: str) -> None:
    data = snippet.encode("latin-1" if "8859" in snippet else "utf-8")
    assert _shape(parse(data)) == _shape(lxml_parse(data))


def test_the_tree_api() -> None:
    root = parse(b'<r xmlns:w="urn:w"><w:p w:a="1"><w:t>x</w:t><w:p><w:t>y</w:t></w:p></w:p></r>')
    p = root.find("{urn:w}p")
    assert isinstance(p, Element) and p.get("{urn:w}a") == "1" and p.get("a") is None
    assert [t.text for t in root.iter("{urn:w}t")] == ["x", "y"]
    assert [e.tag for e in root.iter()] == ["r", "{urn:w}p", "{urn:w}t", "{urn:w}p", "{urn:w}t"]
    assert [c.tag for c in p.iterchildren("{urn:w}p")] == ["{urn:w}p"]
    inner = next(root.iter("{urn:w}t"))
    assert inner.getparent() is p and root.getparent() is None


BAD = {
    "malformed": b"<a><b></a>",
    "unbound-prefix": b"<w:a/>",
    "internal-subset": b'<!DOCTYPE a [<!ENTITY x "hi">]><a>&x;</a>',
    "external-entity": b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    "undefined-entity": b"<a>&x;</a>",
    "skipped-entity": b'<!DOCTYPE a SYSTEM "x.dtd"><a>&x;</a>',
    "control-character": b"<a>&#1;</a>",
    "gbk": '<?xml version="1.0" encoding="GBK"?><a>文字</a>'.encode("gbk"),
    "too-deep": b"<a>" * 257 + b"</a>" * 257,
    "long-name": b"<" + b"a" * 50_001 + b"/>",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_what_expat_declines_is_left_to_lxml(name: str) -> None:
    with pytest.raises(Unsupported):
        parse(BAD[name])


def test_the_depth_lxml_accepts_is_accepted() -> None:
    data = b"<a>" * 256 + b"</a>" * 256
    assert _shape(parse(data)) == _shape(lxml_parse(data))


# --------------------------------------------------------------------------- files it declines

HOSTILE = {
    "billion-laughs": '<!DOCTYPE d [<!ENTITY a "哈哈"><!ENTITY b "&a;&a;&a;&a;">]>',
    "xxe": '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
}


@pytest.mark.parametrize("name", [*sorted(HOSTILE), "gbk", "control-char", "deep"])
def test_a_file_expat_declines_reads_as_before(name: str, tmp_path: Path) -> None:
    """Declined parts go the python-docx way: the outcome is the one the reader had before."""
    body = _p(_r("开头")) + _p(_r("正文&b;&x;结尾" if name in HOSTILE else "正文"))
    head = DOC_HEAD.replace("<w:body>", "") + "<w:body>"
    if name in HOSTILE:
        head = head.replace('standalone="yes"?>', 'standalone="yes"?>' + HOSTILE[name])
        body = body.replace("&b;", "&b;" if name == "billion-laughs" else "")
        body = body.replace("&x;", "&x;" if name == "xxe" else "")
    if name == "control-char":
        body += _p(_r("开展&#1;普法"))
    if name == "deep":
        body = "<w:sdt><w:sdtContent>" * 300 + body + "</w:sdtContent></w:sdt>" * 300
    xml = head + body + DOC_TAIL
    data = xml.encode()
    if name == "gbk":
        data = xml.replace('encoding="UTF-8"', 'encoding="GBK"').encode("gbk")
    path = tmp_path / "d.docx"
    hand_made(path)
    with zipfile.ZipFile(path) as src:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
    members["word/document.xml"] = data
    with zipfile.ZipFile(path, "w") as out:
        for member, content in members.items():
            out.writestr(member, content)

    def outcome(**kw: bool) -> Any:
        try:
            return [b.full_text for b in read_report(path, **kw).blocks]
        except DrafterError as exc:
            return str(exc)

    assert outcome() == outcome(with_document=True)


def _with_wrong_crc(path: Path, member: str) -> None:
    """Rewrite the archive with ``member``'s recorded CRC wrong (its bytes left intact)."""
    with zipfile.ZipFile(path) as src:
        crc = src.getinfo(member).CRC
    data = path.read_bytes()
    right, wrong = crc.to_bytes(4, "little"), (crc ^ 0xFFFF).to_bytes(4, "little")
    assert data.count(right) == 2  # the local header and the central directory
    path.write_bytes(data.replace(right, wrong))


def test_a_damaged_part_the_text_comes_from_is_refused_as_damaged(tmp_path: Path) -> None:
    """The expat path does not decompress the whole archive first; a part it reads that fails
    its CRC sends the file to the full check, which names the part."""
    path = tmp_path / "d.docx"
    hand_made(path)
    _with_wrong_crc(path, "word/document.xml")
    with pytest.raises(DrafterError) as caught:
        read_report(path)
    assert "word/document.xml 校验失败" in str(caught.value)


def test_a_damaged_part_the_reader_does_not_need_is_not_in_the_way(tmp_path: Path) -> None:
    path = tmp_path / "d.docx"
    hand_made(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("docProps/picture.jpeg", b"\xff\xd8" + bytes(range(256)) * 8)
    expected = [b.full_text for b in read_report(path).blocks]
    _with_wrong_crc(path, "docProps/picture.jpeg")
    assert [b.full_text for b in read_report(path).blocks] == expected
    # Opening it to edit (python-docx reads every part) still refuses it, naming the part.
    with pytest.raises(DrafterError, match=r"picture\.jpeg 校验失败"):
        read_report(path, with_document=True)


# --------------------------------------------------------------------------- styles cut down


def test_only_the_styles_the_body_uses_are_built() -> None:
    root = used_styles(STYLES.encode(), {"Heading1"})
    assert root is not None
    ids = [s.get(f"{{{W_NS}}}styleId") for s in root.iterchildren()]
    assert ids == ["Normal", "Outline", "Heading1"]  # the basedOn chain, in document order


@pytest.mark.parametrize(
    "change",
    [
        ("<w:latentStyles", "<!-- a comment --><w:latentStyles"),
        ("<w:latentStyles", "<?pi?><w:latentStyles"),
        (f'xmlns:w="{W_NS}"', f'xmlns:w="{W_NS}" xmlns:v="{W_NS}"'),
        ('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
        ('w:styleId="Outline"', 'w:styleId="Out&amp;line"'),
        ('<w:style w:type="paragraph" w:styleId="Normal">', '<w:style w:styleId="N"><w:style/>'),
    ],
)
def test_styles_not_plain_enough_to_cut_are_read_whole(change: tuple[str, str]) -> None:
    assert used_styles(STYLES.replace(*change).encode(), {"Heading1"}) is None


@pytest.mark.parametrize(
    "change",
    [
        ("", ""),
        # Not children of the root: lxml's reader does not see them either.
        ("<w:docDefaults>", '<w:docDefaults><w:style w:styleId="Heading2"/>'),
        (
            "</w:latentStyles>",
            '<w:style w:styleId="Heading1"><w:pPr><w:numPr>'
            '<w:numId w:val="9"/></w:numPr></w:pPr></w:style></w:latentStyles>',
        ),
        # Two styles of one id: the later one counts, as in the full reading.
        (
            "</w:styles>",
            '<w:style w:styleId="Heading1"><w:basedOn w:val="Normal"/></w:style></w:styles>',
        ),
        ('<w:style w:type="table"', '<w:styleLink/><w:style w:type="table"'),
        ("<w:style ", "<w:style\n  "),
        ('w:styleId="Heading2"', "w:styleId='Heading2'"),
        ('<w:name w:val="Normal"/>', '<w:name w:val="a &gt; b"/>'),
    ],
)
def test_cut_styles_number_as_the_whole_part_does(change: tuple[str, str]) -> None:
    from drafter.docx_parts import Parts
    from drafter.reader.numbering import Numbering

    data = STYLES.replace(*change).encode() if change[0] else STYLES.encode()
    wanted = {"Heading1", "Heading2", "Normal"}
    cut = used_styles(data, wanted)
    assert cut is not None
    numbering = lxml_parse(NUMBERING.encode())
    from_cut = Numbering(Parts(None, numbering, cut)).style_numpr
    from_whole = Numbering(Parts(None, numbering, lxml_parse(data))).style_numpr
    # Every style the body names numbers as before (ancestors built on the way may also show).
    assert {k: from_cut.get(k) for k in wanted} == {k: from_whole.get(k) for k in wanted}
    assert from_cut  # the variants all keep some style numbering


def test_styles_under_another_prefix_are_cut_alike() -> None:
    """Word writes ``w:``; a part that binds the namespace to another prefix gets its patterns
    made for it, and numbers as the ``w:`` one does."""
    from drafter.docx_parts import Parts
    from drafter.reader.numbering import Numbering

    wanted = {"Heading1", "Heading2", "Normal"}
    numbering = lxml_parse(NUMBERING.encode())

    def numpr(data: bytes) -> dict[str, object]:
        cut = used_styles(data, wanted)
        assert cut is not None
        found = Numbering(Parts(None, numbering, cut)).style_numpr
        return {k: found.get(k) for k in wanted}

    other = STYLES.replace("<w:", "<ns0:").replace("</w:", "</ns0:").replace(" w:", " ns0:")
    other = other.replace("xmlns:w=", "xmlns:ns0=")
    assert "w:" not in other.replace("xmlns:ns0", "")
    assert numpr(other.encode()) == numpr(STYLES.encode())
    assert any(numpr(STYLES.encode()).values())


def test_damaged_styles_are_refused() -> None:
    """A part cut short is not cut up (the caller parses it whole, and expat refuses it); damage
    in a style the body reaches is refused as that style is built. Either way the file goes
    the lxml way."""
    truncated = STYLES[:-5].encode()
    assert used_styles(truncated, {"Heading1"}) is None
    with pytest.raises(Unsupported):
        parse(truncated)
    mismatched = STYLES.replace("</w:rPr></w:style>", "</w:style>", 1).encode()
    with pytest.raises(Unsupported):
        used_styles(mismatched, {"Heading1"})


def test_damage_where_no_used_style_stands_is_not_in_the_way() -> None:
    """Only what the body reaches is parsed: a broken character reference inside a table style
    no paragraph uses does not stop the reading (lxml would refuse the file)."""
    damaged = STYLES.replace('w:type="firstRow"', 'w:type="first&#0;Row"')
    with pytest.raises(Unsupported):
        parse(damaged.encode())
    cut = used_styles(damaged.encode(), {"Heading1"})
    assert cut is not None
    ids = [style.get(f"{{{W_NS}}}styleId") for style in cut.iterchildren()]
    assert ids == ["Normal", "Outline", "Heading1"]


def test_a_long_document_is_read_with_lxml_alike(tmp_path: Path, monkeypatch: Any) -> None:
    import drafter.docx_parts

    path = hand_made(tmp_path / "手工.docx")
    light = read_report(path)
    monkeypatch.setattr(drafter.docx_parts, "LIGHT_MAX_TAGS", 10)  # as if the file were long
    with zipfile.ZipFile(path) as archive:
        assert not isinstance(read_parts(archive).body, Element)
    long = read_report(path)
    assert long.blocks == light.blocks
    assert [[(s.line, s.prefix) for s in g] for g in long.sources] == [
        [(s.line, s.prefix) for s in g] for g in light.sources
    ]


# --------------------------------------------------------------------------- no lxml loaded


@pytest.mark.parametrize("command", ["check", "import"])
def test_reading_a_report_does_not_load_lxml(command: str, tmp_path: Path) -> None:
    path = tricky_docx.build(tmp_path / "报告.docx")
    args = [command, str(path)] + (["-o", str(tmp_path / "a.yaml")] if command == "import" else [])
    # A check (issue 15) also leaves out what zipread, plain classes and annotations for the
    # type checker only spare it; the importer may use those.
    slow = ["lxml", "docx"]
    if command == "check":
        slow += ["zipfile", "shutil", "dataclasses", "inspect", "typing"]
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        f"code = main({args!r})\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {slow!r})\n"
        "assert not loaded, loaded\n"
        "print('read', code)\n"
    )
    result = run_python("-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # Read through: the check finds the tricky report's flaws (1), the import succeeds (0).
    assert f"read {1 if command == 'check' else 0}" in result.stdout
