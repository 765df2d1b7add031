"""The reader's way back to the file: which paragraph(s) each block came from."""

from __future__ import annotations

from pathlib import Path

from drafter.docx.anchor import block_chars
from drafter.reader import read_blocks, read_report
from tests import tricky_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _visible(chars: list) -> str:
    return "".join(ch for ch, pos in chars if pos is not None)


def test_sources_of_a_tricky_docx(tmp_path: Path) -> None:
    report = read_report(tricky_docx.build(tmp_path / "r.docx"))
    assert report.blocks == read_blocks(tmp_path / "r.docx")
    assert len(report.sources) == len(report.blocks)
    title, _, part, first = report.blocks[:4]
    # A title over two paragraphs: two sources, two different w:p.
    assert title.text == "红旗镇2025年度法治政府建设\n情况报告"
    assert [s.line for s in report.sources[0]] == [0, 0]
    assert report.sources[0][0].paragraph is not report.sources[0][1].paragraph
    # Word's list number is the source's prefix, not text in a run.
    assert part.full_text == "一、主要举措和成效"
    assert [s.prefix for s in report.sources[2]] == ["一、"]
    chars = block_chars(report.sources[3])
    assert "".join(ch for ch, _ in chars) == first.full_text
    assert _visible(chars) == first.full_text.removeprefix("（一）")
    # Text cut into runs of three characters, a deletion skipped, an insertion kept.
    assert "全乡干部" in _visible(chars)
    # A table: every non-empty cell paragraph, in reading order.
    table = next(i for i, b in enumerate(report.blocks) if b.kind == "table")
    cells = [_visible(block_chars([s])) for s in report.sources[table]]
    assert cells == ["项目", "数量", "全乡普法宣传活动", "30场次"]
    # The date line: the last paragraph of the body.
    assert report.sources[-1][0].paragraph.tag == W + "p"
    assert _visible(block_chars(report.sources[-1])) == "2026年1月8日"


def test_lines_of_one_paragraph(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("某某乡2024年度法治政府建设情况报告")
    paragraph.add_run().add_break()
    paragraph.add_run("2024年，我乡扎实推进法治政府建设。现报告如下：")
    document.add_paragraph("一、主要举措和成效")
    path = tmp_path / "br.docx"
    document.save(str(path))
    report = read_report(path)
    assert [b.kind for b in report.blocks][:2] == ["title", "paragraph"]
    (title,), (opening,) = report.sources[:2]
    assert title.paragraph is opening.paragraph
    assert (title.line, opening.line) == (0, 1)
    assert _visible(block_chars([opening])) == report.blocks[1].text


def test_txt_sources_are_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "某某乡2024年度法治政府建设\n\n情况报告\n\n2024年，我乡扎实推进。\n", encoding="utf-8"
    )
    report = read_report(path)
    assert report.document is None
    assert [[s.line for s in group] for group in report.sources] == [[0, 2], [4]]


def test_libreoffice_numbering_format(tmp_path: Path) -> None:
    # LibreOffice saves Word's chineseCounting lists as taiwaneseCountingThousand.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {ns} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    document.add_paragraph("某某乡2024年度法治政府建设情况报告")
    document.add_paragraph("2024年，我乡扎实推进法治政府建设。现报告如下：")
    for text in ("主要举措和成效", "存在的不足"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {ns}><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>')
        )
    path = tmp_path / "lo.docx"
    document.save(str(path))
    assert [b.full_text for b in read_blocks(path)][2:] == ["一、主要举措和成效", "二、存在的不足"]
