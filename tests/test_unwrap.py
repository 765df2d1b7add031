"""A report run together into one line (copied out of a PDF) imports as its lines:
drafter/importer/unwrap.py."""

from __future__ import annotations

from drafter.answers.model import validate_answers
from drafter.importer.pipeline import import_text
from drafter.importer.unwrap import run_together, unwrap
from drafter.render.engine import render_blocks

BODY = (
    "成立以镇主要领导为组长的法治政府 建设领导小组，成员由领导班子成员担任。领导小组 下设办公室，"
    "办公室成员由各部门负责同志组成。同时， 认真履行党政主要负责人推进法治建设第一责任人职责，"
    "全年召开专题会议 4 次，研究解决重点问题 6 项。"
)
RUN_TOGETHER = (
    "东风镇 2020 年法治政府建设情况报告 2020 年，在县委、县政府的正确领导下，东风镇严格依法"
    "行政，深入推进法 治政府建设，现将工作情况报告 如下： 一、2020 年推进法治政府建设的主要举措"
    f"和成效 （一）加强组织领导，奠定依法行政基础 {BODY} （二）深化普法宣传。全年开展普法宣传"
    "活动 12 场次，发放资料 3000 余份，解答群众法律咨询 850 人次，营造了浓厚的法治氛围。 "
    "二、存在的问题 （一）学法不够深入。部分干部学法的主动性不强。"
)


def test_a_run_together_report_is_cut_back_into_its_lines() -> None:
    assert run_together(RUN_TOGETHER)
    lines = unwrap(RUN_TOGETHER)
    assert lines[:4] == [
        "东风镇2020年法治政府建设情况报告",
        "2020年，在县委、县政府的正确领导下，东风镇严格依法行政，深入推进法治政府建设，"
        "现将工作情况报告如下：",
        "一、2020年推进法治政府建设的主要举措和成效",
        "（一）加强组织领导，奠定依法行政基础",
    ]
    assert lines[4].startswith("成立以镇主要领导为组长的法治政府建设领导小组")
    assert "领导小组下设办公室" in lines[4] and "同时，认真履行" in lines[4]
    assert "召开专题会议4次" in lines[4]
    assert lines[5].startswith("（二）深化普法宣传。全年开展普法宣传活动12场次")
    assert lines[6:] == ["二、存在的问题", "（一）学法不够深入。部分干部学法的主动性不强。"]


def test_an_ordinary_line_is_left_alone() -> None:
    long_paragraph = "全年开展普法宣传活动 12 场次，发放资料 3000 余份。" * 20
    assert not run_together(long_paragraph)
    assert unwrap(long_paragraph) == [long_paragraph]
    assert unwrap("中共东风镇委员会 东风镇人民政府") == ["中共东风镇委员会 东风镇人民政府"]


def test_a_run_together_copy_imports_as_the_township_wrote_it() -> None:
    result = import_text("东风镇2020年法治政府建设情况.docx\n" + RUN_TOGETHER)
    blocks = render_blocks(validate_answers(result.data))
    texts = [b.full_text for b in blocks]
    assert texts[0] == "东风镇2020年法治政府建设情况报告"  # the file's name is the page's link
    assert not any("docx" in t for t in texts)
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert "2020年推进法治政府建设的主要举措和成效" in headings
    assert "加强组织领导，奠定依法行政基础" in headings
    assert any(t.startswith("成立以镇主要领导为组长的法治政府建设领导小组") for t in texts)
