"""drafter.docx.writer, drafter.docx.oxml and drafter.docx.layout: the .docx as GB/T 9704 wants it."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from drafter.blocks import Block, number_blocks
from drafter.docx import layout as g
from drafter.docx import writer as dw
from drafter.docx.editable import build_document
from drafter.docx.layout import break_title
from drafter.docx.writer import signature_indents, text_width_chars, write_docx
from drafter.errors import DrafterError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TITLE = "尼玛县俄久乡2024年度法治政府建设情况报告"
SIGNATURE = "尼玛县俄久乡人民政府"
DATE = "2025年1月15日"
ADDRESSEE = "中共尼玛县委、尼玛县人民政府："

_PARAGRAPHS = [
    "2024年，俄久乡在县委、县政府的坚强领导下，以习近平新时代中国特色社会主义思想为指导，深入"
    "贯彻习近平法治思想，全面落实党的二十大精神，紧紧围绕区、市、县关于法治政府建设目标，扎实"
    "推进各项工作，为全乡经济社会发展提供了坚实的法治保障。现将有关情况报告如下。",
    "一是健全领导机制。成立由乡党委书记、乡长任双组长的法治政府建设领导小组，明确各部门职责分"
    "工，形成“一把手”亲自抓、分管领导具体抓、各部门协同抓的工作格局。二是完善制度体系。制定"
    "《俄久乡2024年法治政府建设工作方案》，将法治建设纳入年度工作计划，与经济社会发展同部署、"
    "同落实、同考核。全年召开专题会议2次，研究解决法治建设重点问题5个。",
    "一是加强行政执法监督。建立健全行政执法监督机制，定期对各行政执法部门的执法情况进行监督检"
    "查，及时发现和纠正行政执法中存在的问题。二是加大重点领域监督检查力度。围绕安全生产、环境"
    "保护、食品药品安全等重点领域，加大监督检查力度，严厉查处各类违法行为，全年开展联合检查"
    "12次，整改问题隐患36处。",
    "结合“3·15”消费者权益保护日、“6·26”国际禁毒日、“12·4”国家宪法日等重要时间节点，通过举办"
    "法律宣讲、发放宣传资料、开展法律咨询等形式，广泛宣传法律法规知识，提高群众的法治意识。"
    "2024年，共开展法治宣传活动20次，发放宣传资料2000份，接受群众法律咨询56人次。",
    "建立健全人民调解工作机制，加强调解组织建设，充实调解人员力量，完善调解工作制度，提高矛盾"
    "纠纷化解能力。2024年，全乡各类调解组织共调解矛盾纠纷15件，调解成功率达到100%。严格落实"
    "信访工作责任制，畅通群众诉求表达渠道，依法及时就地解决群众合理诉求。",
]


def _body(n: int) -> Block:
    return Block("paragraph", _PARAGRAPHS[n % len(_PARAGRAPHS)])


def report_blocks() -> list[Block]:
    """A realistic report: two-line title, all four heading levels, a table, 署名 and 日期.

    One form per level, as in the real reports: levels 1 and 3 on their own line, levels 2 and 4
    run in (heading sentence and body in one paragraph).

        About six pages at 22 × 28, so there are full middle pages to measure. Shared with
        tests/test_layout_pdf.py.
    """
    blocks = [
        Block("title", TITLE),
        Block("addressee", ADDRESSEE),
        _body(0),
        Block("heading", "2024年法治政府建设主要举措和成效", level=1),
        Block("heading", "加强组织领导，健全工作机制。", level=2, body=_PARAGRAPHS[1]),
        Block("heading", "规范行政执法，提升执法公信力。", level=2, body=_PARAGRAPHS[2]),
        Block("heading", "加强法治宣传教育，营造良好法治氛围。", level=2, body=_PARAGRAPHS[3]),
        Block("heading", "深入开展法治宣传活动", level=3),
        _body(3),
        Block("heading", "强化领导干部学法用法", level=3),
        Block("heading", "中心组学法。", level=4, body=_PARAGRAPHS[1]),
        Block("heading", "学法考试。", level=4, body=_PARAGRAPHS[2]),
        Block("heading", "依法化解矛盾纠纷，维护社会和谐稳定。", level=2, body=_PARAGRAPHS[4]),
    ]
    for part in ("存在问题与不足", "主要负责同志履行第一责任人职责情况", "2025年工作计划"):
        blocks.append(Block("heading", part, level=1))
        blocks += [_body(n) for n in range(1, 5)]
    blocks += [
        Block(
            "table",
            "附表 主要数据对照",
            rows=[
                ["项目", "2023年", "2024年", "增减"],
                ["法治宣传活动（次）", "16", "20", "+4"],
                ["调解矛盾纠纷（件）", "12", "15", "+3"],
            ],
        ),
        _body(0),
        Block("signature", SIGNATURE),
        Block("date", DATE),
    ]
    return number_blocks(blocks)


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(report_blocks(), tmp_path_factory.mktemp("docx") / "报告.docx")


@pytest.fixture(scope="module")
def doc(report_docx: Path) -> docx.document.Document:
    return docx.Document(str(report_docx))


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _style_el(doc: docx.document.Document, name: str) -> etree._Element:
    return doc.styles[name].element


def _attr(el: etree._Element | None, name: str) -> str | None:
    return None if el is None else el.get(qn(name))


def _rfonts(style_el: etree._Element) -> etree._Element:
    fonts = style_el.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None
    return fonts


def _paragraphs_with_style(doc: docx.document.Document, name: str) -> list:
    return [p for p in doc.paragraphs if p.style is not None and p.style.name == name]


def _indent(paragraph) -> int:
    return round(paragraph.paragraph_format.left_indent.twips)


# --- page ----------------------------------------------------------------------------------


def test_page_size_margins_and_footer_distance(doc: docx.document.Document) -> None:
    section = doc.sections[0]
    sect = section._sectPr
    assert sect.find(f"{W}pgSz").get(qn("w:w")) == "11906"
    assert sect.find(f"{W}pgSz").get(qn("w:h")) == "16838"
    mar = sect.find(f"{W}pgMar")
    assert {k: mar.get(qn(f"w:{k}")) for k in ("top", "left", "bottom", "right", "footer")} == {
        "top": "2098",
        "left": "1587",
        "bottom": "1984",
        "right": "1474",
        "footer": "1434",
    }
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.footer_distance - Mm(25.3)) < Mm(0.1)
    grid = sect.find(f"{W}docGrid")
    assert grid is not None and grid.get(qn("w:type")) is None
    assert grid.get(qn("w:charSpace")) is None
    assert sect.find(f"{W}titlePg") is None


def test_odd_and_even_footers_carry_page_field(report_docx: Path, doc) -> None:
    settings = _xml(report_docx, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    section = doc.sections[0]
    for footer, jc, side in (
        (section.footer, "right", "right"),
        (section.even_page_footer, "left", "left"),
    ):
        p = footer.paragraphs[0]
        instr = "".join(t.text for t in p._p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        kinds = [f.get(qn("w:fldCharType")) for f in p._p.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
        assert p.text.startswith("— ") and p.text.endswith(" —")
        style = p.style
        assert style.paragraph_format.alignment.name.lower() == jc
        indent = getattr(style.paragraph_format, f"{side}_indent")
        assert round(indent.twips) == 280
        fonts = _rfonts(style.element)
        assert fonts.get(qn("w:eastAsia")) == "宋体" and fonts.get(qn("w:ascii")) == "宋体"
        assert style.element.find(f"{W}rPr/{W}sz").get(qn("w:val")) == "28"


# --- styles --------------------------------------------------------------------------------


def test_normal_style_is_renderer_neutral_grid(doc) -> None:
    normal = _style_el(doc, "Normal")
    ppr = normal.find(f"{W}pPr")
    spacing = ppr.find(f"{W}spacing")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    assert spacing.get(qn("w:before")) == "0" and spacing.get(qn("w:after")) == "0"
    assert ppr.find(f"{W}jc").get(qn("w:val")) == "both"
    assert ppr.find(f"{W}widowControl").get(qn("w:val")) == "0"
    ind = ppr.find(f"{W}ind")
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"
    rpr = normal.find(f"{W}rPr")
    assert rpr.find(f"{W}spacing").get(qn("w:val")) == "-5"
    assert rpr.find(f"{W}sz").get(qn("w:val")) == "32"
    assert rpr.find(f"{W}lang").get(qn("w:eastAsia")) == "zh-CN"
    fonts = _rfonts(normal)
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"


def test_no_theme_fonts_in_styles_or_doc_defaults(report_docx: Path) -> None:
    styles = _xml(report_docx, "word/styles.xml")
    for fonts in styles.iter(f"{W}rFonts"):
        for attr in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):
            assert fonts.get(f"{W}{attr}") is None, etree.tostring(fonts)
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert defaults.find(f"{W}spacing").get(f"{W}val") == "-5"
    ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    assert ppr.find(f"{W}spacing").get(f"{W}line") == "579"


@pytest.mark.parametrize(
    ("style", "east_asia", "size_hp", "bold"),
    [
        ("Title", "方正小标宋简体", "44", False),
        ("Heading 1", "黑体", "32", False),
        ("Heading 2", "楷体_GB2312", "32", False),
        ("Heading 3", "仿宋_GB2312", "32", True),
        ("Heading 4", "仿宋_GB2312", "32", False),
        ("一级标题（接排）", "黑体", "32", False),
        ("二级标题（接排）", "楷体_GB2312", "32", False),
        ("三级标题（接排）", "仿宋_GB2312", "32", True),
        ("四级标题（接排）", "仿宋_GB2312", "32", False),
        ("表题", "黑体", "32", False),
        ("表格文字", "仿宋_GB2312", "28", False),
        ("表头文字", "仿宋_GB2312", "28", True),
    ],
)
def test_style_fonts_sizes_and_bold(doc, style: str, east_asia: str, size_hp: str, bold: bool):
    el = _style_el(doc, style)
    assert _rfonts(el).get(qn("w:eastAsia")) == east_asia
    assert _rfonts(el).get(qn("w:ascii")) == "Times New Roman"
    assert el.find(f"{W}rPr/{W}sz").get(qn("w:val")) == size_hp
    assert bool(doc.styles[style].font.bold) is bold


def test_heading_styles_have_outline_levels_and_no_template_leftovers(doc) -> None:
    for level in range(1, 5):
        el = _style_el(doc, f"Heading {level}")
        assert el.find(f"{W}pPr/{W}outlineLvl").get(qn("w:val")) == str(level - 1)
        assert el.find(f"{W}rPr/{W}color") is None
        assert el.find(f"{W}pPr/{W}spacing") is None  # inherits Normal's exact 579
        assert doc.styles[f"Heading {level}"].base_style.name == "Normal"


def test_title_is_one_centred_paragraph_with_breaks_then_blank(doc) -> None:
    first, second, third = doc.paragraphs[:3]
    assert first.style.name == "Title"
    assert first.text == "尼玛县俄久乡2024年度法治政府建设\n情况报告"
    assert len(first._p.findall(f".//{W}br")) == 1
    assert first.style.paragraph_format.alignment.name == "CENTER"
    assert first.style.element.find(f"{W}pPr/{W}ind").get(qn("w:firstLineChars")) == "0"
    assert second.text == "" and second.style.name == "Normal"
    assert third.text == ADDRESSEE and third.style.name == "主送机关"
    ind = third.style.element.find(f"{W}pPr/{W}ind")
    assert ind.get(qn("w:firstLineChars")) == "0" and ind.get(qn("w:firstLine")) == "0"


def test_headings_use_styles_and_run_in_headings_have_two_runs(doc) -> None:
    own_line = {lv: _paragraphs_with_style(doc, f"Heading {lv}") for lv in range(1, 5)}
    assert [p.text for p in own_line[1]][:2] == [
        "一、2024年法治政府建设主要举措和成效",
        "二、存在问题与不足",
    ]
    assert [p.text for p in own_line[3]] == ["1.深入开展法治宣传活动", "2.强化领导干部学法用法"]
    assert own_line[2] == [] and own_line[4] == []
    run_in: dict[str, list] = {}
    for p in doc.paragraphs:
        if len(p.runs) == 2 and p.runs[0].style.name != "Default Paragraph Font":
            run_in.setdefault(p.runs[0].style.name, []).append(p)
    assert set(run_in) == {"二级标题（接排）", "四级标题（接排）"}
    assert [p.runs[0].text for p in run_in["二级标题（接排）"]] == [
        "（一）加强组织领导，健全工作机制。",
        "（二）规范行政执法，提升执法公信力。",
        "（三）加强法治宣传教育，营造良好法治氛围。",
        "（四）依法化解矛盾纠纷，维护社会和谐稳定。",
    ]
    p2 = run_in["二级标题（接排）"][0]
    assert p2.runs[1].text.startswith("一是健全领导机制")
    assert p2.runs[1].style.name == "Default Paragraph Font" and p2.style.name == "Normal"
    assert p2._p.pPr.find(f"{W}outlineLvl").get(qn("w:val")) == "1"
    p4 = run_in["四级标题（接排）"]
    assert [p.runs[0].text for p in p4] == ["（1）中心组学法。", "（2）学法考试。"]
    assert p4[0]._p.pPr.find(f"{W}outlineLvl").get(qn("w:val")) == "3"


@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("run_in", [False, True])
def test_each_heading_level_in_both_forms(level: int, run_in: bool) -> None:
    body = "正文接排。" if run_in else ""
    (block,) = number_blocks(
        [Block("heading", "标题句。" if run_in else "标题", level=level, body=body)]
    )
    (p,) = build_document([block]).paragraphs
    if run_in:
        assert p.style.name == "Normal"
        assert [r.style.name for r in p.runs] == [dw.STYLE_RUN_IN[level], "Default Paragraph Font"]
        assert p.runs[0].text == block.number + "标题句。"
    else:
        assert p.style.name == f"Heading {level}" and len(p.runs) == 1
        assert p.text == block.number + "标题"


def test_body_paragraphs_carry_no_direct_formatting(doc) -> None:
    body = [p for p in doc.paragraphs if p.style.name == "Normal" and p.text.startswith("一是")]
    assert body
    for p in body:
        assert p._p.pPr is None or p._p.pPr.find(f"{W}ind") is None
        assert all(r._r.rPr is None for r in p.runs)


def test_table_caption_header_and_cells(doc) -> None:
    (table,) = doc.tables
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == ["项目", "2023年", "2024年", "增减"]
    assert all(c.paragraphs[0].style.name == "表头文字" for c in table.rows[0].cells)
    assert all(c.paragraphs[0].style.name == "表格文字" for c in table.rows[1].cells)
    caption = _paragraphs_with_style(doc, "表题")
    assert [p.text for p in caption] == ["附表 主要数据对照"]
    # The caption is the paragraph right before the table in the body.
    assert caption[0]._p.getnext() is table._tbl
    # The grid (what LibreOffice lays out by) matches the cell widths (what Word uses), and
    # the label column is the widest.
    grid = [col.width for col in table.columns]
    assert grid == [cell.width for cell in table.rows[0].cells]
    assert grid[0] == max(grid) and abs(sum(grid) - Mm(156)) < Mm(1)


# --- 署名 and 成文日期 (GB/T 9704-2012 7.3.5.2) -----------------------------------------------

CELL = 315
RIGHT = round(Mm(156).twips)  # 8844: right edge of the text block


def test_signature_block_in_document(doc) -> None:
    (sig,) = _paragraphs_with_style(doc, "署名")
    (date,) = _paragraphs_with_style(doc, "成文日期")
    assert sig.text == SIGNATURE and date.text == DATE
    # 署名 is 10 characters: ends 2 characters short of the right edge.
    assert _indent(sig) == RIGHT - 12 * CELL
    assert _indent(date) - _indent(sig) == 2 * CELL
    before = sig._p.getprevious()
    assert "".join(before.itertext()) == "" and before.getprevious() is not None
    assert "".join(before.getprevious().itertext()).strip() != ""
    for style in ("署名", "成文日期"):
        ind = _style_el(doc, style).find(f"{W}pPr/{W}ind")
        assert ind.get(qn("w:firstLineChars")) == "0"


@pytest.mark.parametrize(
    ("signatures", "date", "expected_sigs", "expected_date"),
    [
        # Short 署名 (3 chars), date 7.5: the date is longer → date 右空二字, 署名 2 left of it.
        (["俄久乡"], DATE, [RIGHT - 2 * CELL - 7.5 * CELL - 2 * CELL], RIGHT - 9.5 * CELL),
        # Long 署名 (10 chars): 署名 右空二字, date 2 chars right of its first character.
        ([SIGNATURE], DATE, [RIGHT - 12 * CELL], RIGHT - 10 * CELL),
        # Date shorter by less than 2 chars (8 vs 7.5): the literal rule still shifts it by 2.
        (["尼玛县俄久乡政府"], DATE, [RIGHT - 10 * CELL], RIGHT - 8 * CELL),
        # Joint signatures: each line on its own; the date follows the last one.
        (
            ["中共尼玛县俄久乡委员会", "尼玛县俄久乡人民政府"],
            DATE,
            [RIGHT - 13 * CELL, RIGHT - 12 * CELL],
            RIGHT - 10 * CELL,
        ),
        ([SIGNATURE], None, [RIGHT - 12 * CELL], 0),
    ],
)
def test_signature_indents(signatures, date, expected_sigs, expected_date) -> None:
    sigs, date_indent = signature_indents(signatures, date)
    assert [round(s.twips) for s in sigs] == [round(x) for x in expected_sigs]
    assert round(date_indent.twips) == round(expected_date)


@pytest.mark.parametrize(
    ("text", "width"),
    [
        (SIGNATURE, 10),
        # 6.5 cells of glyphs + 5 CJK/digit switches × 0.2 (measured 7.54 in LibreOffice)
        (DATE, 7.5),
        ("2025年12月31日", 8.0),
        ("ABC", 1.5),
        ("“一把手”", 5),
    ],
)
def test_text_width_chars(text: str, width: float) -> None:
    assert text_width_chars(text) == pytest.approx(width)


def test_joint_signatures_are_laid_out_together(tmp_path: Path) -> None:
    blocks = [
        Block("paragraph", "正文。"),
        Block("signature", "中共俄久乡委员会"),
        Block("signature", "俄久乡人民政府"),
        Block("date", DATE),
    ]
    document = build_document(blocks)
    texts = [p.text for p in document.paragraphs]
    assert texts == ["正文。", "", "中共俄久乡委员会", "俄久乡人民政府", DATE]
    sig1, sig2, date = document.paragraphs[2:]
    assert _indent(sig1) == RIGHT - 10 * CELL  # 8 characters, 右空二字
    # The date (7.5) is longer than the last 署名 (7): the date is 右空二字 and that 署名 moves.
    assert _indent(date) == round(RIGHT - 9.5 * CELL)
    assert _indent(sig2) == _indent(date) - 2 * CELL


# --- text hygiene and writing ----------------------------------------------------------------


def test_control_characters_are_stripped(tmp_path: Path) -> None:
    dirty = "正文\x00含\x07控制\x1b字符\ufffe。"
    blocks = [
        Block("title", "标\x0b题"),
        Block("paragraph", dirty),
        Block("signature", "俄久乡\x01"),
    ]
    path = write_docx(blocks, tmp_path / "dirty.docx")
    reopened = docx.Document(str(path))
    texts = [p.text for p in reopened.paragraphs]
    assert "正文含控制字符。" in texts
    assert texts[0] == "标题"
    assert "俄久乡" in texts


def test_write_is_atomic_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    assert write_docx(report_blocks(), target) == target
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_permission_error_becomes_drafter_error(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DrafterError) as info:
        write_docx(report_blocks(), target)
    assert "Word" in info.value.message and info.value.path == target
    assert target.read_bytes() == b"old"  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_missing_folder_is_created(tmp_path: Path) -> None:
    target = tmp_path / "新文件夹" / "报告.docx"
    write_docx(report_blocks(), target)
    assert docx.Document(str(target)).paragraphs[0].text


def test_a_file_in_the_way_of_the_folder_is_a_drafter_error(tmp_path: Path) -> None:
    (tmp_path / "占位").write_text("x", encoding="utf-8")
    with pytest.raises(DrafterError, match="无法写入"):
        write_docx(report_blocks(), tmp_path / "占位" / "报告.docx")


def test_constants_are_typed_lengths() -> None:
    assert g.SIZE_3HAO.pt == 16 and g.SIZE_2HAO.pt == 22 and g.SIZE_4HAO.pt == 14
    assert round(g.LINE_PITCH.twips) == 579 and round(g.CHAR_CELL.twips) == 315
    assert round(g.CHAR_SPACING.twips) == -5
    assert round(g.MARGIN_LEFT.twips) == 1587 and round(g.MARGIN_TOP.twips) == 2098
    assert dw.STYLE_HEADINGS[1] == "Heading 1"


# --- break_title ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (TITLE, ["尼玛县俄久乡2024年度法治政府建设", "情况报告"]),
        ("俄久乡2024年度法治政府建设情况报告", ["俄久乡2024年度法治政府建设情况报告"]),
        ("第一行\n 第二行 \n", ["第一行", "第二行"]),
        (
            "某某市某某区某某街道办事处2024年度法治政府建设工作情况报告",
            ["某某市某某区某某街道办事处2024年度", "法治政府建设工作情况报告"],
        ),
        (
            "中共尼玛县俄久乡委员会尼玛县俄久乡人民政府关于2024年度法治政府建设情况的报告",
            [
                "中共尼玛县俄久乡委员会",
                "尼玛县俄久乡人民政府关于2024年度",
                "法治政府建设情况的报告",
            ],
        ),
        # Two issuers spaced apart: each starts its line, the space goes with the break, and a
        # body's name is never parted from its place (not "…某某镇" / "委员会　…").
        (
            "中共尼玛县俄久乡委员会\u3000尼玛县俄久乡人民政府关于2024年度法治政府建设情况的报告",
            [
                "中共尼玛县俄久乡委员会",
                "尼玛县俄久乡人民政府关于2024年度",
                "法治政府建设情况的报告",
            ],
        ),
        (
            "中共某某市某某区某某镇委员会\u3000某某市某某区某某镇人民政府关于2025年法治政府建设情况的报告",
            [
                "中共某某市某某区某某镇委员会",
                "某某市某某区某某镇人民政府关于2025年",
                "法治政府建设情况的报告",
            ],
        ),
        ("", []),
    ],
)
def test_break_title(title: str, lines: list[str]) -> None:
    assert break_title(title) == lines


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        "湟中区田家寨镇人民政府2024年度法治政府建设情况报告",
        "拉萨市城关区八廓街道2023—2024年度法治政府建设情况报告",
        "中共安多县多玛乡委员会关于2024年度法治政府建设情况的报告",
        "鲁山县四棵树乡人民政府关于2024年度法治政府建设工作情况的报告",
    ],
)
@pytest.mark.parametrize("max_chars", [14, 16, 20])
def test_break_title_keeps_words_whole_and_shapes(title: str, max_chars: int) -> None:
    lines = break_title(title, max_chars)
    assert "".join(lines) == title
    assert all(len(line) <= max_chars for line in lines)
    breaks, pos = set(), 0
    for line in lines[:-1]:
        pos += len(line)
        breaks.add(pos)
    for word in (
        "法治政府",
        "2024年度",
        "2023—2024年度",
        "田家寨镇",
        "四棵树乡",
        "八廓街道",
        "人民政府",
    ):
        start = title.find(word)
        if start >= 0:
            inside = set(range(start + 1, start + len(word)))
            assert not inside & breaks, (word, lines)
    lengths = [len(line) for line in lines]
    if len(lines) == 2:
        assert lengths[0] != lengths[1]
    if len(lines) == 3:
        assert lengths[1] > max(lengths[0], lengths[2])


def test_break_title_hard_splits_a_single_overlong_word() -> None:
    lines = break_title("甲" * 45)
    assert "".join(lines) == "甲" * 45 and all(len(line) <= 20 for line in lines)
