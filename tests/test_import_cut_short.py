"""A report copied short (issue 22, items 1, 2 and 5): what the copy holds stays in its place, in
its order, with its number; one visible placeholder stands where the missing words belong; a cut
heading or sentence is never closed with 。 as if complete, never glued onto the item before it;
``drafter check`` reports the placeholder and next year's answers carry the item as it is.

The texts: seeds cut by the tests, and excerpts of the development half of the corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from drafter import cli
from drafter.answers.carryover import start_from_data
from drafter.answers.load import load_answers
from drafter.answers.model import Answers
from drafter.answers.parse import Item
from drafter.build import build_report
from drafter.checks import run_checks
from drafter.importer import import_path, import_text
from drafter.questionnaire import run_new
from drafter.reader import blocks_from_text
from drafter.render.phrasing import CUT_OFF, PLACEHOLDER
from tests.corpus import ANNOTATIONS, CORPUS
from tests.test_questionnaire import CTRL_C, ENTER, F3, drive

ROOT = Path(__file__).resolve().parent.parent

CUT = """某某镇2024年度法治政府建设情况报告
2024年，某某镇推进法治建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。成立领导小组，召开会议3次。
二、存在的不足和原因
（一）法治意识不强。部分干部学法主动性有待提高。
"""
WHOLE_ITEM = "（一）法治意识不强。部分干部学法主动性有待提高。"


def built(tmp_path: Path, text: str) -> tuple[Path, list[str]]:
    """Import a report's text and build its draft: the answers file and the .docx's paragraphs
    (spaces taken out: the layout spaces some lines)."""
    source = tmp_path / "某某镇2024年报告.txt"
    source.write_text(text, encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    assert cli.main(["import", str(source), "-o", str(answers), "--force"]) == 0
    result = build_report(answers, tmp_path / "draft.docx", force=True)
    document = docx.Document(str(result.docx))
    paragraphs = [re.sub(r"\s", "", p.text) for p in document.paragraphs if p.text.strip()]
    return answers, paragraphs


@pytest.mark.parametrize(
    ("end", "heading"),
    [
        # the body cut off
        ("（二）普法宣传不够深入\n", "（二）普法宣传不够深入"),
        # the heading cut in its own words
        ("（二）推进执法规范化，组建\n", "（二）推进执法规范化，组建"),
    ],
)
def test_a_heading_whose_body_was_cut_off_stays_in_place_over_the_placeholder(
    tmp_path: Path, end: str, heading: str
) -> None:
    answers, paragraphs = built(tmp_path, CUT + end)
    at = paragraphs.index(heading)  # its own line, its own number, no 。 added
    assert paragraphs[at - 1] == WHOLE_ITEM  # nothing glued onto the item before it
    assert paragraphs[at + 1] == CUT_OFF  # the placeholder right after it, alone
    assert paragraphs[at + 2].startswith("三、")  # then the next part, in the report's order
    assert sum(CUT_OFF in p for p in paragraphs) == 1
    data, _ = load_answers(answers)
    assert data.unplaced_items == []


THEMES = """某某镇2025年度法治政府建设情况报告
2025年，某某镇扎实推进法治政府建设。现将有关情况报告如下：
一、深入学习践行习近平法治思想，全面统筹法治政府建设
（一）深化理论研学。全年开展专题学习12场次。
（二）狠抓部署落实。召开专题会议4次。
二、持续深化政府职能建设，全面提升基层服务效能
"""


@pytest.mark.parametrize(
    ("end", "item"),
    [
        # the copy stops in the first item of a theme: its list went on in the lost words
        (
            "（一）凝聚法治力量，规范行政程序。成立法律事务工作小组，由",
            "1.凝聚法治力量，规范行政程序。",
        ),
        # the copy stops at a theme's only heading, two characters long
        ("（一）多维", "1.多维"),
    ],
)
def test_the_item_a_copy_stops_under_keeps_its_number_and_the_placeholder(
    tmp_path: Path, end: str, item: str
) -> None:
    """Not a list of one (whose number the draft drops), and not a whole one-line item: the copy
    broke off under it, and the placeholder says so."""
    _, paragraphs = built(tmp_path, THEMES + end + "\n")
    at = next(i for i, p in enumerate(paragraphs) if p.startswith(item))
    assert CUT_OFF in paragraphs[at] or paragraphs[at + 1] == CUT_OFF
    assert "1.多维。" not in paragraphs  # a cut heading is never closed as if whole


def test_the_half_sentence_the_copy_stops_in_is_left_open_in_its_place(tmp_path: Path) -> None:
    _, paragraphs = built(tmp_path, CUT + "（二）执法力量薄弱。执法人员3人，培训不足，全年\n")
    at = paragraphs.index(WHOLE_ITEM)
    assert paragraphs[at + 1] == f"（二）执法力量薄弱。执法人员3人，培训不足，全年{CUT_OFF}"
    assert not any("全年。" in p for p in paragraphs)
    result = import_text(CUT + "（二）执法力量薄弱。执法人员3人，培训不足，全年")
    assert any(f["value"] == 3 for f in result.report()["figures"])  # the figure is kept


@pytest.mark.parametrize(
    "end",
    [
        # a series begun and never continued: the copy stops after its first clause
        "（二）执法力量薄弱。一是执法人员不足，全年培训2次。",
        "（二）执法力量薄弱。其一，执法人员不足。",
        # a last sentence that announces what follows
        "（二）执法力量薄弱。主要表现在以下方面：",
    ],
)
def test_a_whole_last_sentence_that_promises_more_gets_the_placeholder(
    tmp_path: Path, end: str
) -> None:
    _, paragraphs = built(tmp_path, CUT + end + "\n")
    at = paragraphs.index(WHOLE_ITEM)
    assert paragraphs[at + 1] == end + CUT_OFF


def test_a_cut_report_whose_last_item_is_whole_gets_no_placeholder_inside_it(
    tmp_path: Path,
) -> None:
    end = "（二）执法力量薄弱。一是执法人员不足。二是培训不够。"
    _, paragraphs = built(tmp_path, CUT + end + "\n")
    assert paragraphs[paragraphs.index(WHOLE_ITEM) + 1] == end


def test_a_whole_report_gets_no_placeholder() -> None:
    result = import_text(CUT + "特此报告。\n某某镇人民政府\n2025年1月10日\n")
    assert result.cut_after == ""
    assert PLACEHOLDER not in str(result.data)


def _seed_cut_in_an_item(path: Path) -> tuple[str, str]:
    """A seed copied up to the first words of the body of its second item of the first part
    ("（二）……。一是加强" and no more), and that item's heading line as written."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("（二）"))
    head, _, body = lines[at].partition("。")
    return "\n".join([*lines[:at], f"{head}。{body[:6]}"]), head


@pytest.mark.parametrize("seed", ["000_423f073e31c81c7f", "002_826d96733ac86db3"])
def test_a_seed_cut_inside_an_item_keeps_the_item_its_number_and_the_cut_open(
    tmp_path: Path, seed: str
) -> None:
    text, head = _seed_cut_in_an_item(ROOT / "seeds" / f"{seed}.txt")
    _, paragraphs = built(tmp_path, text)
    cut = [p for p in paragraphs if CUT_OFF in p]
    assert len(cut) == 1
    assert cut[0].startswith(re.sub(r"\s", "", head) + "。")  # its own heading, its own number
    assert cut[0].endswith(CUT_OFF)
    assert not cut[0].removesuffix(CUT_OFF).endswith("。")  # the cut words are left open
    before = paragraphs[paragraphs.index(cut[0]) - 1]
    assert before.startswith("（一）") and CUT_OFF not in before


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("anpu_zhen_2025", "（二）规范文件管理，筑牢依法决策防"),  # cut in its own words
        ("beihe_zhen_2025", "（二）健全组织体"),
    ],
)
def test_dev_excerpts_keep_their_cut_heading_in_place(
    tmp_path: Path, name: str, heading: str
) -> None:
    text = (CORPUS / ANNOTATIONS[name]["file"]).read_text(encoding="utf-8")
    _, paragraphs = built(tmp_path, text)
    at = paragraphs.index(heading)
    assert paragraphs[at + 1] == CUT_OFF
    assert paragraphs[at - 1].endswith("。")  # the item before it ends as written, alone
    assert not any(p.startswith("（一）") and CUT_OFF in p for p in paragraphs)


def test_check_reports_the_placeholder_so_the_draft_cannot_go_out_unnoticed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built(tmp_path, CUT + "（二）普法宣传不够深入\n")
    capsys.readouterr()
    assert cli.main(["check", str(tmp_path / "draft.docx")]) != 0
    shown = capsys.readouterr().out
    assert "待补充的内容" in shown and CUT_OFF in shown


def _items_headed(answers: Answers, heading: str) -> list[Item]:
    return [
        item
        for _, value in answers.values()
        if isinstance(value, list)
        for item in value
        if isinstance(item, Item) and item.heading == heading
    ]


def test_next_year_carries_the_cut_item_as_a_normal_item(tmp_path: Path) -> None:
    measures_only = CUT.split("二、")[0]
    answers, _ = built(tmp_path, measures_only + "（二）规范重大行政决策程序\n")
    data, _ = load_answers(answers)
    assert [i.text for i in _items_headed(data, "规范重大行政决策程序")] == [CUT_OFF]
    carried = start_from_data(data, "去年.yaml")
    assert [i.text for i in _items_headed(carried, "规范重大行政决策程序")] == [CUT_OFF]


def test_the_questionnaire_carries_the_cut_item_and_its_review_shows_the_placeholder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text, head = _seed_cut_in_an_item(ROOT / "seeds" / "000_423f073e31c81c7f.txt")
    source = tmp_path / "cut.txt"
    source.write_text(text, encoding="utf-8")
    assert drive(ENTER + CTRL_C, run_new, None, import_file=source)[0] == 0
    (this_year,) = tmp_path.glob("*答卷.yaml")
    data, _ = load_answers(this_year)
    heading = re.sub(r"^（二）", "", head)
    (item,) = _items_headed(data, heading)
    assert item.text.endswith(CUT_OFF)
    # The review before the build lists the placeholder first among what the draft still needs.
    _, log = drive(F3 + "0" + ENTER + CTRL_C, run_new, this_year)
    shown = "\n".join(log)
    review = shown[shown.index("==== 检查全部答案") :]
    first = next(line for line in review.splitlines() if line.startswith("  - "))
    assert CUT_OFF in first and "不能这样报送" in review


def test_an_unnumbered_heading_under_the_title_stays_at_the_head_of_the_text() -> None:
    name = "chuanshaxin_zhen_2023"
    result = import_path(CORPUS / ANNOTATIONS[name]["file"])
    assert "引" not in (result.data["identity"].get("title") or "")
    assert result.data["opening"]["text"].startswith("引 言\n")


CUT_INSIDE = f"""石桥镇2024年度法治政府建设情况报告
2024年，石桥镇扎实推进法治政府建设，现将有关情况报告如下。
一、主要举措和成效
（一）加强组织领导
一是成立领导小组。二是制定《石桥镇法治政府建设工作{CUT_OFF}
（二）推进普法
一是开展“法律进村{CUT_OFF}
（三）推进执法
1.加强培训。全年培训4次。{CUT_OFF}
（四）规范决策
一是开展“法律进村。
"""


def test_what_the_copy_lost_after_the_cut_is_not_reported_as_a_defect() -> None:
    """Where a copy stops, a 《 or “ left open and a 一是 or 1. without its second are what the
    copy lost: the placeholder reports that. The same defects where nothing was cut are still
    reported."""
    found = [
        (f.rule, f.excerpt)
        for f in run_checks(blocks_from_text(CUT_INSIDE), rules=["numbering", "punctuation"])
    ]
    assert found == [("numbering", "一是"), ("punctuation", "一是开展“法律进村。")]
