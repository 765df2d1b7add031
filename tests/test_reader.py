"""Reader: .txt and .docx → blocks; bad input → DrafterError.

The .docx fixtures are written with python-docx at test time (no binary fixtures); the builder
``write_docx`` is shared with the checks tests.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from drafter.blocks import Block
from drafter.errors import DrafterError
from drafter.reader import blocks_from_text, read_blocks

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("0*.txt"))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# Level 0: 一、  level 1: （一）  level 2: 1.  level 3: （1）
ABSTRACT_NUM = f"""
<w:abstractNum {W} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def add_numbering(document: Any) -> None:
    """Give a python-docx document the list definition numId 90 (一、（一）1.（1）)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(ABSTRACT_NUM)
    # Every w:abstractNum precedes every w:num in numbering.xml.
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM))


def write_docx(path: Path, text: str, *, auto_numbering: bool = False) -> Path:
    """Write a report text as .docx, one paragraph per line; optionally number headings with numPr.

    With ``auto_numbering`` the typed heading numbers are removed and Word's list numbering
    (numbering.xml, chineseCounting/decimal) supplies them, as in many real files.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    if auto_numbering:
        add_numbering(document)
    blocks = blocks_from_text(text)
    for block in blocks:
        if block.kind == "title":
            paragraph = document.add_paragraph()
            lines = block.text.split("\n")
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    run.add_break()
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif block.kind == "heading" and auto_numbering:
            paragraph = document.add_paragraph(block.text + block.body)
            ppr = paragraph._p.get_or_add_pPr()
            numpr = parse_xml(
                f'<w:numPr {W}><w:ilvl w:val="{block.level - 1}"/><w:numId w:val="90"/></w:numPr>'
            )
            ppr.append(numpr)
        else:
            document.add_paragraph(block.full_text)
    document.save(str(path))
    return path


def comparable(blocks: list[Block]) -> list[tuple[str, str, int, str, str]]:
    return [(b.kind, b.number, b.level, b.text, b.body) for b in blocks]


# --------------------------------------------------------------------------- seeds as text

EXPECTED_SHAPE = {
    # seed: (title, level-1 numbers, number of level-2 headings, kinds at the end)
    "000": ("尼玛县俄久乡2024年度法治政府建设\n情况报告", ["一、", "二、", "三、", "四、"], 9),
    "001": ("杂色镇2024年度法治政府建设情况报告", ["一、", "二、", "三、"], 8),
    "002": (
        "鲁山县四棵树乡人民政府\n关于2024年法治政府建设情况的报告",
        ["一、", "二、", "三、", "四、"],
        15,
    ),
    "003": ("湟中区田家寨镇\n2024年法治政府建设情况报告", ["一、", "二、", "三、"], 7),
    "004": ("安多县多玛乡2024年度法治政府建设\n情况报告", ["一、", "二、", "三、"], 10),
}


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_structure(seed: Path) -> None:
    title, level1, level2 = EXPECTED_SHAPE[seed.name[:3]]
    blocks = read_blocks(seed)
    assert blocks[0] == Block("title", title)
    assert blocks[1].kind == "paragraph" and blocks[1].text.startswith("2024年")
    assert [b.number for b in blocks if b.level == 1] == level1
    assert sum(1 for b in blocks if b.level == 2) == level2
    assert not any("bookmark" in b.full_text for b in blocks)
    assert all(b.full_text == b.full_text.strip() for b in blocks)


def test_run_in_heading_split() -> None:
    blocks = read_blocks(SEEDS / "000_423f073e31c81c7f.txt")
    first = blocks[3]
    assert (first.level, first.number, first.text) == (
        2,
        "（一）",
        "加强组织领导，健全法治政府建设工作机制。",
    )
    assert first.body.startswith("一是健全领导机制。")


def test_label_heading_split() -> None:
    blocks = read_blocks(SEEDS / "001_1b8db11db821e11c.txt")
    item = blocks[4]
    assert (item.level, item.number, item.text) == (3, "1.", "健全领导体制：")
    assert item.body.startswith("及时调整")


@pytest.mark.parametrize(
    ("line", "kind", "level", "number", "text", "body"),
    [
        ("一、主要举措和成效", "heading", 1, "一、", "主要举措和成效", ""),
        ("  二、存在的问题", "heading", 1, "二、", "存在的问题", ""),
        ("三．下一步打算", "heading", 1, "三．", "下一步打算", ""),
        ("(一)加强组织领导", "heading", 2, "(一)", "加强组织领导", ""),
        ("（二) 规范执法。一是……", "heading", 2, "（二)", "规范执法。", "一是……"),
        ("三）依法决策", "heading", 2, "三）", "依法决策", ""),
        ("（四加强普法", "heading", 2, "（四", "加强普法", ""),
        ("1、健全制度", "heading", 3, "1、", "健全制度", ""),
        ("2．完善机制：正文", "heading", 3, "2．", "完善机制：", "正文"),
        ("（1）学法", "heading", 4, "（1）", "学法", ""),
        ("(2)用法。全年学法3次。", "heading", 4, "(2)", "用法。", "全年学法3次。"),
        ("一是加强学习。", "paragraph", 0, "", "一是加强学习。", ""),
        ("3.15消费者权益日开展活动。", "paragraph", 0, "", "3.15消费者权益日开展活动。", ""),
        ("2024年，我乡……", "paragraph", 0, "", "2024年，我乡……", ""),
        ("（二〇二四年）工作回顾", "paragraph", 0, "", "（二〇二四年）工作回顾", ""),
    ],
)
def test_heading_patterns(
    line: str, kind: str, level: int, number: str, text: str, body: str
) -> None:
    blocks = blocks_from_text("开头段落，说明情况。\n" + line)
    block = blocks[-1]
    assert (block.kind, block.level, block.number, block.text, block.body) == (
        kind,
        level,
        number,
        text,
        body,
    )


def test_title_addressee_signature_date() -> None:
    text = (
        "某某县某某乡人民政府\n关于2024年法治政府建设情况的报告\n\n"
        "中共某某县委、某某县人民政府：\n"
        "2024年，我乡……现将有关情况报告如下：\n一、主要举措和成效\n正文。\n"
        "中共某某乡委员会\n某某乡人民政府\n2025年1月15日\n"
    )
    kinds = [b.kind for b in blocks_from_text(text)]
    assert kinds == [
        "title",
        "addressee",
        "paragraph",
        "heading",
        "paragraph",
        "signature",
        "signature",
        "date",
    ]


def test_no_title_when_text_starts_mid_report() -> None:
    blocks = blocks_from_text("（三）加强普法。全年开展活动30场次。\n（四）化解纠纷。")
    assert [b.kind for b in blocks] == ["heading", "heading"]


# --------------------------------------------------------------------------- encodings

TEXT = "某某乡2024年度法治政府建设情况报告\n2024年，我乡……。\n一、主要举措和成效\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", TEXT.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("gbk.txt", TEXT.replace("\n", "\r\n").encode("gbk")),
        ("gb18030.txt", TEXT.encode("gb18030")),
        ("utf16.txt", TEXT.encode("utf-16")),
        ("utf16be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("bookmark.txt", ("[bookmark: _GoBack]" + TEXT).encode("utf-8")),
    ],
)
def test_text_encodings(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    blocks = read_blocks(path)
    assert blocks[0] == Block("title", "某某乡2024年度法治政府建设情况报告")
    assert blocks[-1].number == "一、"


# --------------------------------------------------------------------------- .docx


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_docx_round_trip(tmp_path: Path, seed: Path) -> None:
    expected = read_blocks(seed)
    path = write_docx(tmp_path / "report.docx", seed.read_text(encoding="utf-8"))
    assert comparable(read_blocks(path)) == comparable(expected)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_docx_automatic_numbering(tmp_path: Path, seed: Path) -> None:
    """Headings numbered by Word (numPr) read back with the numbers Word displays."""
    text = seed.read_text(encoding="utf-8")
    expected = read_blocks(seed)
    path = write_docx(tmp_path / "numbered.docx", text, auto_numbering=True)
    got = read_blocks(path)
    # Word derives the numbers, so seed 001's typed gap （一）→（三） comes out as （一）→（二）:
    # compare everything except the numbers, then the numbers with a derived sequence.
    assert [(b.kind, b.level, b.text, b.body) for b in got] == [
        (b.kind, b.level, b.text, b.body) for b in expected
    ]
    from drafter.blocks import number_blocks

    derived = number_blocks([Block(b.kind, b.text, level=b.level) for b in expected])
    assert [b.number for b in got] == [b.number for b in derived]


def test_docx_table_is_one_block(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某某镇2024年度法治政府建设情况报告")
    document.add_paragraph("2024年，我镇……。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "普法活动"
    table.cell(1, 1).text = "30场次"
    document.add_paragraph("一、主要举措和成效")
    path = tmp_path / "table.docx"
    document.save(str(path))
    blocks = read_blocks(path)
    assert [b.kind for b in blocks] == ["title", "paragraph", "table", "heading"]
    assert blocks[2].rows == [["项目", "数量"], ["普法活动", "30场次"]]


def test_docx_title_line_breaks(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("某某县某某乡2024年度法治政府建设").add_break()
    paragraph.add_run("情况报告")
    document.add_paragraph("2024年，我乡……。")
    path = tmp_path / "title.docx"
    document.save(str(path))
    assert read_blocks(path)[0] == Block("title", "某某县某某乡2024年度法治政府建设\n情况报告")


# --------------------------------------------------------------------------- bad input


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))


def _not_word_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")


def _truncated_docx(path: Path) -> None:
    import docx

    full = path.with_suffix(".full.docx")
    docx.Document().save(str(full))
    path.write_bytes(full.read_bytes()[:2000])


BAD_INPUTS: list[tuple[str, object, str]] = [
    ("empty.txt", b"", "空"),
    ("blank.txt", b"  \r\n \n", "空"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
    ("report.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "WPS"),
    ("renamed.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
    (
        "locked.docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
        "密码",
    ),
    ("random.docx", bytes(range(256)) * 8, "不是有效的 Word"),
    ("binary.txt", bytes(range(256)) * 8, "编码"),
    ("bomb.docx", _zip_bomb, "异常庞大"),
    ("other.docx", _not_word_zip, "不是 Word"),
    ("truncated.docx", _truncated_docx, "损坏"),
    ("report.pdf", b"%PDF-1.4 ...", ".pdf"),
]


@pytest.mark.parametrize(("name", "content", "needle"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input(tmp_path: Path, name: str, content: object, needle: str) -> None:
    path = tmp_path / name
    if callable(content):
        content(path)
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    with pytest.raises(DrafterError) as info:
        read_blocks(path)
    assert needle in str(info.value)
    assert info.value.exit_code == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DrafterError, match="找不到报告文件"):
        read_blocks(tmp_path / "nope.docx")


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.reader as reader

    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("某" * 200, encoding="utf-8")
    with pytest.raises(DrafterError, match="太大"):
        read_blocks(path)
