"""The demo draft, reopened with python-docx: what a reviewer opening it in Word would see."""

from __future__ import annotations

import re
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.docx import layout as g
from drafter.docx.writer import HEADING_FONTS, STYLE_RUN_IN
from tests.conftest import seed_text


@pytest.fixture(scope="module")
def document(demo_build: Any) -> Any:
    return docx.Document(str(demo_build.docx))


def _texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def _east_asia(style: Any) -> str | None:
    rpr = style.element.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_title_text(document: Any) -> None:
    title = document.paragraphs[0]
    assert title.text.replace("\n", "") == "尼玛县俄久乡2024年度法治政府建设情况报告"
    assert title.style.name == "Title"
    assert _east_asia(title.style) == "方正小标宋简体"
    assert title.style.font.size == Pt(22)


def test_every_part_in_outline_order(document: Any) -> None:
    parts = [t for t in _texts(document) if re.match(r"^[一二三四五六七八九十]+、", t)]
    assert [p[:2] for p in parts] == ["一、", "二、", "三、", "四、"]
    assert "主要举措和成效" in parts[0]
    # The regulation asks for the shortfalls and their causes: the part names both and says both.
    assert parts[1].endswith("存在的不足和原因")
    assert any(t.startswith("究其原因，一是") for t in _texts(document))
    assert "第一责任人" in parts[2]
    assert "2025年度" in parts[3] and "安排" in parts[3]
    texts = _texts(document)
    assert texts[1] == "中共尼玛县委、尼玛县人民政府："
    assert "现将我乡2024年度法治政府建设情况报告如下：" in texts[2]
    assert texts[-2:] == ["尼玛县俄久乡人民政府", "2025年1月20日"]


def test_numbering_continuous_at_every_level(document: Any) -> None:
    cn = "一二三四五六七八九十"
    level1 = 0
    level2 = 0
    for text in _texts(document):
        if m := re.match(r"^([一二三四五六七八九十]+)、", text):
            level1 += 1
            level2 = 0
            assert m.group(1) == cn[level1 - 1]
        elif m := re.match(r"^（([一二三四五六七八九十]+)）", text):
            level2 += 1
            assert m.group(1) == cn[level2 - 1], text[:20]
    assert level1 == 4


def test_fonts_and_sizes_per_level(document: Any) -> None:
    normal = document.styles["Normal"]
    assert _east_asia(normal) == "仿宋_GB2312"
    assert normal.font.size == Pt(16)
    heading1 = next(p for p in document.paragraphs if p.text.startswith("一、"))
    assert _east_asia(heading1.style) == HEADING_FONTS[1] == "黑体"
    runin = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    head_run, body_run = runin.runs[0], runin.runs[-1]
    assert head_run.text.startswith("（一）") and head_run.text.endswith("。")
    assert head_run.style.name == STYLE_RUN_IN[2]
    assert _east_asia(head_run.style) == "楷体_GB2312"
    assert body_run._element.rPr is None or body_run._element.rPr.find(qn("w:rStyle")) is None
    assert runin.style.name == "Normal"
    indent = normal.element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"


def test_page_setup_and_page_numbers(document: Any) -> None:
    section = document.sections[0]
    assert abs(section.page_width - g.PAGE_WIDTH) < Mm(1)
    assert abs(section.page_height - g.PAGE_HEIGHT) < Mm(1)
    for got, want in (
        (section.top_margin, 37),
        (section.left_margin, 28),
        (section.bottom_margin, 35),
        (section.right_margin, 26),
    ):
        assert abs(got - Mm(want)) < Mm(0.5)
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "fldChar" in xml
        assert "—" in "".join(t.text or "" for t in footer._element.iter(qn("w:t")))


def test_no_error_findings_in_any_outline(example_path: Any, tmp_path: Any) -> None:
    from drafter.build import build_report

    for outline in ("regulation", "first-duty", "three-part"):
        result = build_report(example_path, tmp_path / f"{outline}.docx", outline=outline)
        errors = [f for f in result.findings if f.severity == "error"]
        assert errors == [], (outline, errors)


# The seed the example was reconstructed from (000, 俄久乡): its figures, as the seed states
# them and as the draft must state them.
SEED_FIGURES = [
    (r"开展法治宣传活动(\d+)次", r"开展普法宣传活动(\d+)场次"),
    (r"发放宣传资料(\d+)份", r"发放宣传资料(\d+)份"),
    (r"法律咨询(\d+)人次", r"法律咨询(\d+)人次"),
    (r"中心组共开展法律知识学习(\d+)次", r"中心组学法(\d+)次"),
    (r"法律知识考试(\d+)次", r"法律知识考试(\d+)次"),
    (r"调解矛盾纠纷(\d+)件", r"调解矛盾纠纷(\d+)件"),
    (r"全年召开(\d+)次专题会议", r"专题会议(\d+)次"),
]


@pytest.mark.parametrize(("in_seed", "in_draft"), SEED_FIGURES)
def test_seed_figures_appear_with_the_same_value(
    document: Any, in_seed: str, in_draft: str
) -> None:
    seed = seed_text("000")
    draft = "\n".join(_texts(document))
    seed_match = re.search(in_seed, seed)
    draft_match = re.search(in_draft, draft)
    assert seed_match and draft_match
    assert seed_match.group(1) == draft_match.group(1)


def test_seed_defects_are_corrected(document: Any) -> None:
    draft = "\n".join(_texts(document))
    assert "镇" not in draft.replace("乡镇", "")
    assert "二十届二中、三中全会" in draft  # the 2024 formula, not only 二十大
