"""A .docx built the way real township files are: a title over two paragraphs, Word list numbering
(numPr) instead of typed heading numbers, text cut into many runs of mixed formatting, tracked
changes, a hyperlink and a field inside flawed text, a table, an existing comment, a header and a
footer with a page field, and two sections. Every flaw in it is one ``drafter check`` reports.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from tests.test_reader import add_numbering

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# Run formats cycled through, so an excerpt always spans runs formatted differently.
FORMATS = (
    "",
    "<w:b/>",
    '<w:i/><w:color w:val="C00000"/>',
    '<w:u w:val="single"/><w:sz w:val="30"/>',
)

# Paragraph markup: plain text is cut into runs of three characters; {ins:…}, {del:…},
# {link:…} and {field:…} make a tracked insertion, a deletion, a hyperlink and a field result.
PARAGRAPHS: list[tuple[int | None, str]] = [
    (None, "红旗镇2025年度法治政府建设"),
    (None, "情况报告"),
    (None, "2025年，红旗镇以党的十九大精神为指导，扎实推进法治政府建设。现将有关情况报告如下："),
    (0, "主要举措和成效"),
    (1, "加强组织领导。镇党委召开专题会议6余次，全{del:体}{ins:乡}干部参加学法。"),
    (1, "深化普法宣传。深入开展{link:“七五”普法}，在“3·15”和4.15等节点开展宣传活动。"),
    (1, "化解矛盾纠纷。全年调解纠纷20件，成功18件，成功率{field:95%}。受理信访12件，办结13件。"),
    (1, "规范执法。行政执法人员均持证上岗 ,执法规范。"),
    (0, "存在的不足"),
    (None, "一是学法不够深入。"),
    (0, "2025年工作计划"),
    (1, "加强学习。"),
]
TABLE = [["项目", "数量"], ["全乡普法宣传活动", "30场次"]]
CLOSING = ["红旗镇人民政府", "2026年1月8日"]


def _run(text: str, n: int, wrapper: str = "") -> str:
    fmt = FORMATS[n % len(FORMATS)]
    rpr = f"<w:rPr>{fmt}</w:rPr>" if fmt else ""
    tag = "w:delText" if wrapper == "del" else "w:t"
    return f'<w:r>{rpr}<{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'


def _runs(text: str, start: int) -> tuple[str, int]:
    out = []
    n = start
    for i in range(0, len(text), 3):
        out.append(_run(text[i : i + 3], n))
        n += 1
    return "".join(out), n


def paragraph_xml(markup: str, level: int | None, *, link_rid: str = "", sect: str = "") -> str:
    ppr = ""
    if level is not None:
        ppr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
    ppr = f"<w:pPr>{ppr}{sect}</w:pPr>" if ppr or sect else ""
    xml = []
    n = 0
    rest = markup
    while rest:
        if rest.startswith("{"):
            kind, _, tail = rest[1:].partition(":")
            inner, _, rest = tail.partition("}")
            if kind == "ins":
                runs, n = _runs(inner, n)
                xml.append(
                    f'<w:ins w:id="901" w:author="李四" w:date="2026-01-05T10:00:00Z">{runs}</w:ins>'
                )
            elif kind == "del":
                xml.append(
                    f'<w:del w:id="902" w:author="李四" w:date="2026-01-05T10:00:00Z">'
                    f"{_run(inner, n, 'del')}</w:del>"
                )
                n += 1
            elif kind == "link":
                runs, n = _runs(inner, n)
                xml.append(f'<w:hyperlink r:id="{link_rid}">{runs}</w:hyperlink>')
            elif kind == "field":
                xml.append(
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r><w:instrText xml:space="preserve"> QUOTE "{inner}" </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    f"{_run(inner, n)}"
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                )
                n += 1
            continue
        plain, brace, after = rest.partition("{")
        runs, n = _runs(plain, n)
        xml.append(runs)
        rest = brace + after if brace else ""
    return f"<w:p {NS}>{ppr}{''.join(xml)}</w:p>"


def build(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    add_numbering(document)  # numId 90: 一、 at level 0, （一） at level 1
    link_rid = document.part.relate_to(
        "https://www.moj.gov.cn/", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    # A section break (continuous) after the measures part: two sections in the document.
    section_break = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:type w:val="continuous"/></w:sectPr>'
    )
    for index, (level, markup) in enumerate(PARAGRAPHS):
        sect = section_break if index == 7 else ""
        sect_pr.addprevious(parse_xml(paragraph_xml(markup, level, link_rid=link_rid, sect=sect)))
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in CLOSING:
        document.add_paragraph(line)
    # A reviewer's earlier comment on 一是学法不够深入。
    paragraph = next(p for p in document.paragraphs if p.text.startswith("一是"))
    document.add_comment(paragraph.runs, text="请补充具体表现。", author="张三", initials="张")
    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料　注意保存"
    footer = section.footer.paragraphs[0]
    footer._p.append(
        parse_xml(f'<w:fldSimple {NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    document.save(str(path))
    return path
