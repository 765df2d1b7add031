"""Page furniture: told apart from report text, line by line and in place, and read for what it
says (drafter/text/furniture.py).

The development half of the fresh corpus (tests/fixtures/corpus/dev: web excerpts as copied,
furniture and all, with the furniture lines annotated by a reader) must come out exactly: every
annotated line found, no other line taken. The clean reports (seeds, real openings of the
development half, the import fixtures) must lose no line at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.reader.txt import numbered_lines
from drafter.text.dates import is_date_only, iso_date, parse_date
from drafter.text.furniture import (
    field_pairs,
    furniture_fields,
    furniture_mask,
    is_furniture,
    page_issuer,
    page_written_date,
)
from tests.corpus import ANNOTATIONS, CORPUS, DEV, ROOT


def lines_of(path: Path) -> list[str]:
    return [line for _, line in numbered_lines(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("name", DEV)
def test_dev_corpus_furniture_is_found_and_nothing_else(name: str) -> None:
    entry = ANNOTATIONS[name]
    lines = lines_of(CORPUS / entry["file"])
    mask = furniture_mask(lines)
    annotated = {line.strip() for line in entry.get("furniture") or []}
    found = [line for line, dropped in zip(lines, mask, strict=True) if dropped]
    assert {line.strip() for line in found} == annotated
    # A title printed twice is furniture once: the report keeps its own copy.
    for line in {line for line in found if line.endswith("报告") and lines.count(line) > 1}:
        assert found.count(line) < lines.count(line)


def clean_reports() -> list[Path]:
    real = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.txt"))
    return [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests" / "fixtures").glob("*.txt")),
        *sorted((ROOT / "tests" / "fixtures" / "unseen").glob("*.txt")),
        *real[0::2],
    ]


@pytest.mark.parametrize("path", clean_reports(), ids=lambda p: p.stem)
def test_clean_reports_lose_no_line(path: Path) -> None:
    lines = lines_of(path)
    assert [
        line for line, dropped in zip(lines, furniture_mask(lines), strict=True) if dropped
    ] == []


@pytest.mark.parametrize(
    "line",
    [
        # index tables, in the forms pages print them
        "[ 索引号 ] 11500230008689762A/2026-00004 [ 发文字号 ]",
        "【发布机构】某某县某某乡人民政府　【成文日期】2025年2月14日",
        "索引号 发布机构 某某镇",
        "| 索引号 | 000014348/2025-00012 | 主题分类 | 其他 |",
        "|---|---|---|---|",
        "- [ 主题分类 ] 其他",
        "  • 公开方式:主动公开",
        "信息来源：某某镇党政办　　发布时间：2025-03-06 10:21　　浏览次数：",
        "作者: | 来源:党政办 | 时间:2026-01-05 点击数:- 分享到:",
        "点击数：",
        "阅读量：1234",
        "上一篇：某某镇2023年度法治政府建设情况报告",
        # widgets and footers
        "【字号：大 中 小】【打印本页】【关闭窗口】",
        "分享到：",
        "语音播报",
        "语音合成中，请耐心等待...",
        "打印 关闭",
        # an information bar: widgets and fields, and one short name (the author's, the site's)
        "某某网 分享 时间:",
        "张三 打印 来源：",
        "主办单位：某某县人民政府办公室　网站标识码：5003000001　渝ICP备05003300号",
        # breadcrumbs, URLs, codes, stray digits, empty lines
        "您当前的位置：首页 > 政务公开 > 法治政府建设年度报告",
        "首页 > 政府信息公开 > 法定主动公开内容",
        "http://www.example.gov.cn/zwgk/fzzfjs/202502/t20250225_1.html",
        "11500224691216248X/2026-00002",
        "20243",
        "- 3 -",
        " ",
        "",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "某某镇2024年度法治政府建设情况报告",
        "中共某某县委、某某县人民政府：",
        "一、2024年度推进法治政府建设的主要举措和成效",
        "（一）加强组织领导",
        "1. 开展“法律明白人”培训",
        "开展普法宣传活动，分享典型案例12个，发放资料1000余份。",
        "时间：2025年3月，我镇组织全体干部旁听庭审。",
        "来源于群众的诉求，我们一一回应。",
        "某某镇人民政府",
        "（此件公开发布）",
        "2025年1月15日",  # alone on its line: the sign-off or not, its place tells
        "2025-01-15",
        "特此报告。",
        "附件：1. 2024年度法治政府建设工作台账",
        "党委 政府",  # two words apart, neither a widget nor a field
        "依法行政 法治建设",
    ],
)
def test_report_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_date_line_is_the_sign_off_at_the_end_and_furniture_before() -> None:
    lines = [
        "2026-02-09",
        "某镇2025年度法治政府建设情况报告",
        "2025年，某镇推进法治建设。现将有关情况报告如下：",
        "一、主要举措和成效",
        "成立领导小组，全年召开会议3次。",
        "某镇人民政府",
        "2026-02-09",
    ]
    assert furniture_mask(lines) == [True, False, False, False, False, False, False]


def test_the_title_printed_twice_keeps_the_documents_own() -> None:
    lines = [
        "重庆市某区某某镇人民政府关于2025年法治政府建设情况的报告",
        "日期：2026-01-19",
        "重庆市某区某某镇人民政府",
        "关于2025年度法治政府建设情况的报告",
        "2025年，某某镇坚持依法行政。现将有关情况报告如下：",
    ]
    assert furniture_mask(lines) == [True, True, False, False, False]


def test_a_bullet_list_of_index_values_is_the_index_table() -> None:
    lines = [
        "  • 11500224691216248X/2026-00002",
        "  • 法制",
        "  • 其他",
        "  • 某区某某镇",
        "  • 2026-01-27",
        "某某镇2025年法治政府建设工作报告",
        "2025年，某某镇推进法治政府建设。",
    ]
    assert furniture_mask(lines) == [True] * 5 + [False, False]


def test_fields_say_who_published_and_when_it_was_written() -> None:
    lines = [
        "[ 索引号 ] 11500230008689762A/2026-00004 [ 发文字号 ]",
        "[ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ]",
        "[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10",
        "来源：本网",
    ]
    fields = furniture_fields(lines)
    assert fields == {
        "索引号": "11500230008689762A/2026-00004",
        "发布机构": "丰都县栗子乡人民政府",
        "成文日期": "2026-01-22",
        "发布日期": "2026-02-10",
        "来源": "本网",
    }
    assert page_issuer(fields) == "丰都县栗子乡人民政府"
    assert page_written_date(fields) == "2026年1月22日"  # not the 发布日期
    assert page_written_date({"发布日期": "2026-02-10"}) is None
    assert field_pairs("发布机构王河乡") == [("发布机构", "王河乡")]
    assert field_pairs("时间：2025年3月，我镇组织") is None
    # Some pages call the 成文日期 the date the document was made.
    assert page_written_date(furniture_fields(["  • 公文生成日期:2026-01-09"])) == "2026年1月9日"


@pytest.mark.parametrize(
    "written",
    ["2025-02-14", "2025年2月14日", "二〇二五年二月十四日", "2025.2.14", "２０２５年２月１４日"],
)
def test_written_date_in_any_form(written: str) -> None:
    assert parse_date(written) == "2025年2月14日"
    assert iso_date(written) == "2025-02-14"
    assert page_written_date({"成文日期": written}) == "2025年2月14日"
    assert is_date_only(written)


def test_dates_that_are_not_whole() -> None:
    assert parse_date("2025年2月30日") is None
    assert parse_date("20243") is None
    assert not is_date_only("2025年2月14日印发")
    assert is_date_only("2025-01-07 15:15:56")


def test_the_lines_a_page_prints_above_the_title_are_its_own() -> None:
    """The site's masthead, its menu and a breadcrumb without 首页 above the report's title."""
    lines = [
        "某县人民政府",
        "政府信息公开",
        "网站首页 政府信息公开 互动交流",
        "司法局>专题专栏>法治政府建设工作情况报告",
        "石桥镇2024年法治政府建设情况报告",
        "2024年，石桥镇坚持以习近平法治思想为指导，扎实推进法治政府建设。",
    ]
    assert furniture_mask(lines) == [True, True, True, True, False, False]


@pytest.mark.parametrize(
    "head",
    [
        ["石桥镇人民政府", "关于2024年度法治政府建设情况的报告"],
        ["某区石桥镇", "2024年法治政府建设情况报告"],
        ["中共某县石桥镇委员会", "石桥镇2024年法治政府建设情况报告"],
        ["石桥镇2024年度法治政府", "建设情况报告"],
    ],
)
def test_a_title_over_two_lines_keeps_both(head: list[str]) -> None:
    lines = [*head, "2024年，我镇坚持以习近平法治思想为指导，扎实推进法治政府建设。"]
    assert furniture_mask(lines) == [False, False, False]


def test_a_browsers_page_title_is_the_title_printed_again() -> None:
    lines = [
        "石桥镇2024年度法治政府建设情况报告 - 通知公告 - 某市政府门户网站",
        "首页 > 政务公开 > 通知公告",
        "石桥镇2024年度法治政府建设情况报告",
        "2024年，我镇坚持以习近平法治思想为指导，扎实推进法治政府建设。",
    ]
    assert furniture_mask(lines) == [True, True, False, False]


def test_the_issuing_time_of_an_index_table_is_the_written_date() -> None:
    """发文时间 is when the document was issued (发布时间 is when the page went up)."""
    fields = furniture_fields(["索 引 号 640421026/2023-00004 发文时间 2023-03-14"])
    assert page_written_date(fields) == "2023年3月14日"
