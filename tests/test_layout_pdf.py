"""Render the writer's output with LibreOffice and measure the PDF against GB/T 9704-2012.

Fonts are substituted here (no 仿宋_GB2312 on Linux), but CJK glyphs are 1 em wide in every
fallback, so line and character counts and positions hold (docs/report-format.md, §6). Digits are
not: only a face with Times New Roman's widths (Liberation Serif) measures right, so the module
first checks what fontconfig will give LibreOffice (tests/preflight.py) and fails with the
package to install rather than with a geometry assertion.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafter.blocks import Block
from drafter.docx.pdf import docx_to_pdf, find_soffice
from drafter.docx.writer import write_docx
from tests.preflight import TIMES_COMPATIBLE, chinese_faces, font_problems
from tests.test_docx_writer import DATE, SIGNATURE, report_blocks

pymupdf = pytest.importorskip("pymupdf", reason="PyMuPDF 未安装：无法测量 PDF 版面")

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(
        find_soffice() is None, reason="LibreOffice 未安装：无法把 .docx 转成 PDF 来测量版面"
    ),
]


@pytest.fixture(scope="module")
def fonts_as_expected() -> None:
    """Precondition: the substitutes LibreOffice will use can be measured (see tests/preflight.py)."""
    problems = font_problems()
    if problems:
        pytest.fail("版式测试的前提不满足：\n" + "\n".join(problems), pytrace=False)


PT_PER_MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * PT_PER_MM, 297 * PT_PER_MM
TB_LEFT, TB_TOP = 28 * PT_PER_MM, 37 * PT_PER_MM
TB_RIGHT, TB_BOTTOM = (210 - 26) * PT_PER_MM, (297 - 35) * PT_PER_MM
CELL = 15.75  # one 16 pt character condensed by 0.25 pt
PITCH = 28.95  # 579 twips
BODY_PT = 16.0
# Ideographic glyphs are drawn centred about 0.38 em above the baseline (as in the probe).
CENTRE_ABOVE_BASELINE = 0.38
MARGIN_TOL_MM = 1.5
HANGING = set("，。、；：？！”’）》」』")


@dataclass
class Line:
    """One printed line: its characters with their boxes, on one baseline."""

    chars: list[tuple[str, float, float]]  # (char, x0, x1)
    baseline: float
    size: float

    @property
    def text(self) -> str:
        return "".join(c for c, _, _ in self.chars)

    @property
    def x0(self) -> float:
        return min(x0 for c, x0, _ in self.chars if c.strip())

    @property
    def x1(self) -> float:
        return max(x1 for c, _, x1 in self.chars if c.strip())


def page_lines(page: pymupdf.Page) -> list[Line]:
    """Group the page's characters by baseline, top to bottom."""
    rows: dict[float, Line] = {}
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    y = round(ch["origin"][1], 0)
                    row = rows.setdefault(y, Line([], ch["origin"][1], span["size"]))
                    row.chars.append((ch["c"], ch["bbox"][0], ch["bbox"][2]))
    lines = [rows[y] for y in sorted(rows)]
    for line in lines:
        line.chars.sort(key=lambda c: c[1])
    return [line for line in lines if line.text.strip()]


def body_lines(page: pymupdf.Page) -> list[Line]:
    """Lines inside the text block (the page number sits below it)."""
    return [ln for ln in page_lines(page) if ln.baseline < TB_BOTTOM]


def is_full_width(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def mm(pt: float) -> float:
    return pt / PT_PER_MM


def slot_top(line: Line) -> float:
    """Top of the 28.95 pt line slot a glyph line sits in."""
    return line.baseline - CENTRE_ABOVE_BASELINE * line.size - PITCH / 2


def slot_bottom(line: Line) -> float:
    return line.baseline - CENTRE_ABOVE_BASELINE * line.size + PITCH / 2


def dash_centre_y(page: pymupdf.Page, line: Line) -> float:
    """Vertical centre of the ink of the page number's first "—", from a rendered clip."""
    _, x0, x1 = next(c for c in line.chars if c[0] == "—")
    clip = pymupdf.Rect(x0, line.baseline - line.size, x1, line.baseline + 0.3 * line.size)
    pix = page.get_pixmap(clip=clip, dpi=600, colorspace=pymupdf.csGRAY)
    dark = [
        y
        for y in range(pix.height)
        if min(pix.samples[y * pix.stride : y * pix.stride + pix.width]) < 128
    ]
    assert dark, "no ink found for the page-number dash"
    return clip.y0 + (statistics.mean(dark) + 0.5) * (clip.height / pix.height)


@pytest.fixture(scope="module", params=["fixture", "demo"])
def rendered(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    fonts_as_expected: None,
) -> pymupdf.Document:
    """The writer's test report and the real demo draft, each converted once for the module."""
    folder = tmp_path_factory.mktemp("layout")
    if request.param == "demo":
        from drafter.build import build_report, example_path

        docx = build_report(example_path(), folder / "demo.docx").docx
    else:
        docx = write_docx(report_blocks(), folder / "报告.docx")
    pdf = pymupdf.open(docx_to_pdf(docx, folder))
    yield pdf
    pdf.close()


@pytest.fixture(scope="module")
def short_signature(
    tmp_path_factory: pytest.TempPathFactory, fonts_as_expected: None
) -> pymupdf.Document:
    """A one-page report whose 成文日期 is longer than its 署名 (std 7.3.5.2, second case)."""
    folder = tmp_path_factory.mktemp("short")
    blocks = [*report_blocks()[:3], Block("signature", "俄久乡"), Block("date", DATE)]
    docx = write_docx(blocks, folder / "短署名.docx")
    pdf = pymupdf.open(docx_to_pdf(docx, folder))
    yield pdf
    pdf.close()


def full_pages(pdf: pymupdf.Document) -> list[pymupdf.Page]:
    """Middle pages of running text: not the title page, not the last one, no 4号 table."""
    pages = [
        pdf[i]
        for i in range(1, pdf.page_count - 1)
        if all(ln.size == BODY_PT for ln in body_lines(pdf[i]))
    ]
    assert len(pages) >= 3, "the fixture must render to at least three full text pages"
    return pages


# --- page and text block -------------------------------------------------------------------


def test_renders_several_a4_pages(rendered: pymupdf.Document) -> None:
    assert rendered.page_count >= 4
    for page in rendered:
        assert abs(mm(page.rect.width) - 210) <= 1.0
        assert abs(mm(page.rect.height) - 297) <= 1.0


def test_text_block_margins_on_full_pages(rendered: pymupdf.Document) -> None:
    for page in full_pages(rendered)[:3]:
        lines = body_lines(page)
        left = min(ln.x0 for ln in lines)
        # Right edge: lines that end at the block edge, without a mark hung into the margin.
        right = max(ln.x1 for ln in lines if ln.text.rstrip()[-1] not in HANGING)
        top = slot_top(lines[0])
        bottom = PAGE_H - slot_bottom(lines[-1])
        assert abs(mm(left) - 28) <= MARGIN_TOL_MM, f"left {mm(left):.1f} mm"
        assert abs(mm(PAGE_W - right) - 26) <= MARGIN_TOL_MM, f"right {mm(PAGE_W - right):.1f}"
        assert abs(mm(top) - 37) <= MARGIN_TOL_MM, f"top {mm(top):.1f} mm"
        assert abs(mm(bottom) - 35) <= MARGIN_TOL_MM, f"bottom {mm(bottom):.1f} mm"


def test_22_lines_on_every_full_page(rendered: pymupdf.Document) -> None:
    for page in full_pages(rendered):
        lines = body_lines(page)
        assert len(lines) == 22, [ln.text[:10] for ln in lines]
        gaps = [b.baseline - a.baseline for a, b in itertools.pairwise(lines)]
        assert statistics.median(gaps) == pytest.approx(PITCH, abs=0.1)


def test_28_characters_on_a_full_body_line(rendered: pymupdf.Document) -> None:
    counted = []
    for page in full_pages(rendered):
        for line in body_lines(page):
            chars = [c for c in line.chars if c[0].strip()]
            # Only lines of 汉字 and full-width marks that start flush left at 3号 size.
            if line.size != BODY_PT or abs(line.x0 - TB_LEFT) > 2:
                continue
            if not all(is_full_width(c) for c, _, _ in chars):
                continue
            inside = [c for c in chars if c[2] <= TB_RIGHT + 1.5]
            hung = chars[len(inside) :]
            # A closing mark hung into the margin is the only excess allowed.
            assert len(hung) <= 1 and all(c[0] in HANGING for c in hung), line.text
            if inside[-1][2] >= TB_RIGHT - CELL / 2:  # the line reaches the right edge
                counted.append(len(inside))
    assert len(counted) >= 10
    assert set(counted) == {28}, counted


def test_first_line_indent_is_two_characters(rendered: pymupdf.Document) -> None:
    # On running-text pages every line is either flush left (a wrapped line) or a paragraph's
    # first line, indented by exactly two characters.
    lines = [ln for page in full_pages(rendered) for ln in body_lines(page)]
    starts = [ln for ln in lines if (ln.x0 - TB_LEFT) > 0.5 * CELL]
    assert len(starts) >= 5
    assert all((ln.x0 - TB_LEFT) / CELL < 0.2 for ln in lines if ln not in starts)
    for line in starts:
        assert (line.x0 - TB_LEFT) / CELL == pytest.approx(2.0, abs=0.3), line.text[:10]


def test_title_is_centred_two_lines_of_22pt(rendered: pymupdf.Document) -> None:
    first, second = page_lines(rendered[0])[:2]
    assert first.text.replace(" ", "") == "尼玛县俄久乡2024年度法治政府建设"
    assert second.text == "情况报告"
    for line in (first, second):
        assert line.size == pytest.approx(22, abs=0.1)
        centre = (line.x0 + line.x1) / 2
        assert abs(centre - (TB_LEFT + TB_RIGHT) / 2) < 3
    assert second.baseline - first.baseline == pytest.approx(PITCH, abs=0.1)


# --- page numbers (std 7.5) ----------------------------------------------------------------


def test_page_numbers_odd_right_even_left_7mm_below(rendered: pymupdf.Document) -> None:
    for index, page in enumerate(rendered):
        number = index + 1
        below = [ln for ln in page_lines(page) if ln.baseline > TB_BOTTOM]
        assert len(below) == 1, [ln.text for ln in below]
        (line,) = below
        assert line.text.strip() == f"— {number} —"
        assert line.size == pytest.approx(14, abs=0.1)
        gap = TB_RIGHT - line.x1 if number % 2 else line.x0 - TB_LEFT
        assert 3.5 <= mm(gap) <= 7.0, f"page {number}: {mm(gap):.1f} mm from the side"
        drop = mm(dash_centre_y(page, line) - TB_BOTTOM)
        assert abs(drop - 7.0) <= 1.5, f"page {number}: dash {drop:.1f} mm below the text block"


# --- 署名 and 成文日期 (std 7.3.5.2) --------------------------------------------------------


def _signature_lines(pdf: pymupdf.Document, signature: str) -> tuple[Line, Line, Line]:
    lines = body_lines(pdf[pdf.page_count - 1])
    i = next(i for i, ln in enumerate(lines) if ln.text.replace(" ", "") == signature)
    date = lines[i + 1]
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", date.text.replace(" ", ""))
    return lines[i - 1], lines[i], date


def test_long_signature_right_two_and_date_shifted_two(rendered: pymupdf.Document) -> None:
    body, sig, date = _signature_lines(rendered, SIGNATURE)
    assert (TB_RIGHT - sig.x1) / CELL == pytest.approx(2.0, abs=0.4)
    assert (date.x0 - sig.x0) / CELL == pytest.approx(2.0, abs=0.4)
    # One blank line between the body and the 署名, the date on the next line.
    assert sig.baseline - body.baseline == pytest.approx(2 * PITCH, abs=0.5)
    assert date.baseline - sig.baseline == pytest.approx(PITCH, abs=0.5)


def test_date_longer_than_signature_is_right_two(short_signature: pymupdf.Document) -> None:
    _, sig, date = _signature_lines(short_signature, "俄久乡")
    assert (TB_RIGHT - date.x1) / CELL == pytest.approx(2.0, abs=0.4)
    assert (date.x0 - sig.x0) / CELL == pytest.approx(2.0, abs=0.4)


# --- the faces LibreOffice really drew with -----------------------------------------------


def _face(name: str) -> str:
    """A PDF or fontconfig face name reduced to its letters, for comparing the two."""
    return re.sub(r"[^a-z]", "", name.rpartition("+")[2].lower())


def test_libreoffice_draws_with_the_faces_preflight_checked(rendered: pymupdf.Document) -> None:
    # The precondition above reads fontconfig; this reads the PDF: body digits in a face with
    # Times New Roman's widths, ideographs in a face that covers Chinese. If LibreOffice ever
    # substitutes differently from fc-match, this fails rather than the geometry tests.
    times = tuple(_face(f) for f in TIMES_COMPATIBLE)
    chinese = tuple(_face(f) for f in chinese_faces())
    digits, ideographs = set(), set()
    for page in rendered:
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if span["size"] != BODY_PT:
                        continue
                    text = "".join(ch["c"] for ch in span["chars"])
                    if any(c.isascii() and c.isdigit() for c in text):
                        digits.add(span["font"])
                    if any(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in text):
                        ideographs.add(span["font"])
    assert digits and ideographs
    assert all(_face(f).startswith(times) for f in digits), digits
    assert all(_face(f).startswith(chinese) for f in ideographs), ideographs


def test_pdf_conversion_of_a_missing_file_is_a_drafter_error(tmp_path: Path) -> None:
    from drafter.errors import DrafterError

    with pytest.raises(DrafterError, match="不存在"):
        docx_to_pdf(tmp_path / "没有.docx", tmp_path)
