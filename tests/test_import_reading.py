"""What ``drafter import`` reads before it places anything (issue 22, items 3–6): no page
furniture in the draft, identity from every place a report states it, dates from the page,
brackets as pairs, Traditional converted, years without 年, problems one by one (a cut-off
end: tests/test_import_cut_short.py). The corpus texts are the development half only (tests/fixtures/corpus/dev).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from drafter import cli
from drafter.answers.carryover import rectification_item, start_from_data
from drafter.answers.load import load_answers
from drafter.answers.model import cross_check, validate_answers
from drafter.build import build_report
from drafter.checks import run_checks
from drafter.importer import KIND_MEASURES, KIND_PLANS, ImportResult, import_path, import_text
from drafter.importer.identity import own_title
from drafter.importer.segment import normalise_punctuation
from drafter.importer.source import read_source
from drafter.questionnaire.logic import skip_reason
from drafter.reader import blocks_from_text
from drafter.render.engine import render_blocks
from drafter.text.hanzi import has_traditional
from drafter.text.identity import Identity, detect_identity
from drafter.text.traditional import simplify
from tests.corpus import ANNOTATIONS, CORPUS, DEV
from tests.import_fidelity import check_figures


def plain(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def draft_paragraphs(result: ImportResult) -> list[str]:
    return [b.full_text for b in render_blocks(validate_answers(result.data))]


@pytest.fixture(scope="module")
def imported() -> dict[str, ImportResult]:
    return {name: import_path(CORPUS / ANNOTATIONS[name]["file"]) for name in DEV}


@pytest.mark.parametrize("name", DEV)
def test_dev_corpus_draft_has_no_furniture_and_the_right_identity(
    imported: dict[str, ImportResult], name: str
) -> None:
    entry, result = ANNOTATIONS[name], imported[name]
    paragraphs = [plain(p) for p in draft_paragraphs(result)]
    title = plain(entry.get("title") or "")
    for line in entry.get("furniture") or []:
        words = plain(line)
        if not words or words in title:
            continue  # the page's copy of the title: the draft prints the title once
        assert words not in paragraphs, line
        if len(words) >= 6:
            assert not any(words in p for p in paragraphs), line
    want, got = entry["identity"], result.data["identity"]
    assert (got.get("unit_name"), got.get("unit_type"), got.get("year")) == (
        want["unit_name"],
        want["unit_type"],
        want["year"],
    )
    if want["date"]:
        year, month, day = (int(n) for n in want["date"].split("-"))
        assert got["date"] == f"{year}年{month}月{day}日"
    if want["county"] and want["county_source"] != "body":
        assert got.get("county") == want["county"]


@pytest.mark.parametrize("name", DEV)
def test_dev_corpus_every_figure_is_kept(imported: dict[str, ImportResult], name: str) -> None:
    blocks = read_source(CORPUS / ANNOTATIONS[name]["file"]).blocks
    assert check_figures(imported[name], blocks) == []


# --------------------------------------------------------------------------- identity

OPENING = "推进法治建设。现将有关情况报告如下：\n一、主要举措和成效\n（一）加强领导。成立领导小组。"


@pytest.mark.parametrize(
    ("text", "unit", "county"),
    [
        (f"山丹县人民政府：\n2024年，清泉镇在县委、县政府的领导下{OPENING}", "清泉镇", "山丹县"),
        (f"中共渠县县委、渠县人民政府：\n2024年，有庆镇{OPENING}", "有庆镇", "渠县"),
        (f"2024年，郑庄镇在沁水县委、县政府的坚强领导下{OPENING}", "郑庄镇", "沁水县"),
        (f"2024年，东里镇在雷州市委、市政府的正确领导下{OPENING}", "东里镇", "雷州市"),
        (f"2024年，小营街道在区委、区政府的坚强领导下{OPENING}", "小营街道", None),
        (f"2024年，城关镇紧紧围绕县委、县政府的部署{OPENING}", "城关镇", None),
        (f"2024年，某某苏木在旗委、旗政府的领导下{OPENING}", "某某苏木", None),
        (
            f"芷江侗族自治县水宽乡2024年法治政府建设情况报告\n2024年，水宽乡{OPENING}",
            "水宽乡",
            "芷江侗族自治县",
        ),
        (
            f"2024年，我乡在芷江侗族自治县委、县政府的领导下{OPENING}\n水宽乡人民政府\n2025年1月5日",
            "水宽乡",
            "芷江侗族自治县",
        ),
        (
            f"2024年，城关镇认真执行党中央、省委、湛江市委、廉江市委的部署{OPENING}",
            "城关镇",
            "廉江市",
        ),
    ],
)
def test_identity_from_every_place(text: str, unit: str, county: str | None) -> None:
    identity = detect_identity(blocks_from_text(text))
    assert (identity.unit_name, identity.county) == (unit, county)


TOWN_WITH_TOWNSHIP_FURNITURE = """您当前的位置：首页 > 信息公开 > 法治政府建设
  • 发布机构：某河乡
  • 成文日期：
  • 公开方式：公开
发布日期：2026-03-06 信息来源： 浏览次数：
2025年，我镇深入推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。全镇成立法治建设领导小组，召开专题会议3次。
（二）深化普法宣传。全镇开展普法活动12场次。
"""


def test_unit_type_is_never_taken_from_furniture_when_the_body_says_otherwise() -> None:
    result = import_text(TOWN_WITH_TOWNSHIP_FURNITURE)
    identity = result.data["identity"]
    assert identity["unit_type"] == "镇"
    assert identity.get("unit_name") != "某河乡"
    assert "发布机构" not in json.dumps(result.data, ensure_ascii=False)
    # drafter check reads the same report the same way: no "全镇 应为全乡" from the furniture.
    blocks = blocks_from_text(TOWN_WITH_TOWNSHIP_FURNITURE)
    assert detect_identity(blocks).unit_type == "镇"
    assert [f for f in run_checks(blocks) if "全乡" in f.message] == []


def test_page_issuer_names_the_unit_only_with_its_label_stripped() -> None:
    text = """[ 索引号 ] 11500230008689762A/2026-00004 [ 发文字号 ]
[ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ]
[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10
2025年，我乡深入推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。全乡召开专题会议3次。
"""
    identity = import_text(text).data["identity"]
    assert (identity["unit_name"], identity["county"], identity["unit_type"]) == (
        "栗子乡",
        "丰都县",
        "乡",
    )
    assert identity["date"] == "2026年1月22日"  # the page's 成文日期: the report has none


PAGE_AROUND = """{line}
发布日期：2025-03-26
2024年，塔庄镇在上级党委、政府的坚强领导下，深入推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。镇党委召开专题会议3次。
"""


@pytest.mark.parametrize(
    ("line", "county"),
    [
        ("来源：闽清县塔庄镇", "闽清县"),  # the unit's own name, with its county
        ("[ 发布机构 ] 山丹县塔庄镇人民政府 [ 有效性 ]", "山丹县"),
        ("发布机构：开州区政府办公室", "开州区"),  # the one county body the page names
        ("发布机构：湛江市人民政府办公室", None),  # a prefecture (the list of divisions)
        ("发布机构：雷州市人民政府办公室", "雷州市"),  # a county-level city
        ("当前位置：首页 > 开州区政务公开 > 法治政府", "开州区"),  # a real county, alone
        ("当前位置：首页 > 开州区政务公开 > 万州区", None),  # two real counties: neither
        ("主办单位：某甲县人民政府 承办单位：中共某乙县委宣传部", None),  # two: neither
    ],
)
def test_the_page_names_the_county_where_the_report_does_not(line: str, county: str | None) -> None:
    identity = import_text(PAGE_AROUND.format(line=line)).data["identity"]
    assert identity["unit_name"] == "塔庄镇"
    assert identity.get("county") == county


def test_the_reports_own_county_wins_over_the_page() -> None:
    text = PAGE_AROUND.format(line="发布机构：开州区政府办公室").replace(
        "上级党委、政府", "山丹县委、县政府"
    )
    assert import_text(text).data["identity"]["county"] == "山丹县"


@pytest.mark.parametrize(
    "written", ["2025-02-14", "2025年2月14日", "二〇二五年二月十四日", "2025.2.14"]
)
def test_page_written_date_becomes_the_sign_off_in_any_form(written: str) -> None:
    text = f"""成文日期：{written}
某镇2024年度法治政府建设情况报告
2024年，某某镇推进法治建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。召开会议3次。
"""
    result = import_text(text)
    assert result.data["identity"]["date"] == "2025年2月14日"
    assert "成文日期" in result.date_source


def test_the_reports_own_date_wins_over_the_page() -> None:
    text = """成文日期：2025-02-14
2024年，某某镇推进法治建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。召开会议3次。
特此报告。
某某镇人民政府
2025年1月20日
"""
    assert import_text(text).data["identity"]["date"] == "2025年1月20日"


# --------------------------------------------------------------------------- text written


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("锚定《法治政府建设实施纲要(2021—2025年)》目标", "锚定《法治政府建设实施纲要（2021—2025年）》目标"),
        ("纲要(2021—2025年）", "纲要（2021—2025年）"),
        ("纲要（2021-2025年)", "纲要（2021-2025年）"),
        ("(一)加强领导,成立小组.", "（一）加强领导，成立小组。"),
        ("（此件公开发布)", "（此件公开发布）"),
        ("第(1)项", "第（1）项"),
        ("1,500余份", "1,500余份"),
        ("(2)", "(2)"),
        # after a figure, before Chinese text; and a bracket a copy broke off right after
        ("应诉率为100%;重视诉源治理", "应诉率为100%；重视诉源治理"),
        ("超60%,极大提升", "超60%，极大提升"),
        ("覆盖各村(", "覆盖各村（"),
        # a title inside a title: the single marks
        ("制定《贯彻落实<2024年工作要点>的实施方案》", "制定《贯彻落实〈2024年工作要点〉的实施方案》"),
        ("若a<b且c>d", "若a<b且c>d"),
        ("f(x) (", "f(x) ("),
    ],
)  # fmt: skip
def test_brackets_are_converted_as_pairs(written: str, normalised: str) -> None:
    assert normalise_punctuation(written) == normalised


@pytest.mark.parametrize("name", DEV)
def test_no_mixed_bracket_pair_is_written(imported: dict[str, ImportResult], name: str) -> None:
    for paragraph in draft_paragraphs(imported[name]):
        assert not re.search(r"\([^()（）]*）|（[^()（）]*\)", paragraph), paragraph


TRADITIONAL = """尼瑪縣俄久鄉2024年度法治政府建設情況報告
2024年，俄久鄉在縣委、縣政府的堅強領導下，紮實推進法治政府建設。現將有關情況報告如下：
一、主要舉措和成效
（一）加強法治宣傳教育。全年共開展普法宣傳活動20場次，理髮店、頭髮護理店等商戶參與。
二、存在的問題和不足
一是法治意識有待提高；二是執法水平有待提升。
"""


def test_traditional_input_is_converted_with_phrases() -> None:
    result = import_text(TRADITIONAL)
    dumped = json.dumps(result.data, ensure_ascii=False)
    assert not has_traditional(dumped)
    assert result.data["identity"]["unit_name"] == "俄久乡"
    assert "理发店、头发护理店" in dumped  # 髮 is 发 here: by phrase, not by character
    assert simplify("乾隆年間") == "乾隆年间"  # and 乾 stays where it is no 干


def test_a_heading_year_without_nian_still_classifies_by_its_year() -> None:
    text = """某某镇2025年度法治政府建设情况报告
2025年，某某镇推进法治建设。现将有关情况报告如下：
一、2025法治政府建设工作主要情况
（一）加强组织领导。将持续推进，进一步完善制度，继续加强培训，力争全覆盖。召开会议3次。
二、存在的不足和原因
法治意识有待提高。
三、2026法治政府建设工作思路
（一）继续加强学习。
"""
    result = import_text(text)
    kinds = [p.kind for p in result.parts]
    assert (kinds[0], kinds[-1]) == (KIND_MEASURES, KIND_PLANS)
    assert result.data["organisation"]["measures"][0]["heading"] == "加强组织领导"


# --------------------------------------------------------------------------- problems

PROBLEMS = """某某镇2024年度法治政府建设情况报告
2024年，某某镇推进法治建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。成立领导小组，召开会议3次。
二、存在的不足和原因
我镇推进法治政府建设工作虽然取得了一定成效，但仍存在一些不足：一是法治学习不够深入，部分干部运用法治思维的能力不强；二是普法宣传形式单一；三是在行政执法方面，执法人员力量薄弱，执法水平有待提高。究其原因，主要是学习培训不够。
三、2025年工作打算
（一）加强学习。组织学法。
特此报告。
某某镇人民政府
2025年1月10日
"""


def test_problems_in_one_paragraph_become_one_item_each_as_written() -> None:
    result = import_text(PROBLEMS)
    lead, *problems = result.data["problems"]["items"]
    assert lead == {
        "heading": "",
        "text": "我镇推进法治政府建设工作虽然取得了一定成效，但仍存在一些不足：",
    }
    # Each run whole: cut at its first comma into heading and text, the draft would print
    # "一是法治学习不够深入。部分干部……" — a sentence the township did not write.
    assert problems == [
        {"heading": "", "text": "法治学习不够深入，部分干部运用法治思维的能力不强。"},
        {"heading": "", "text": "普法宣传形式单一。"},
        {"heading": "", "text": "在行政执法方面，执法人员力量薄弱，执法水平有待提高。"},
    ]
    assert result.data["problems"]["causes"] == "究其原因，主要是学习培训不够。"
    paragraph = next(
        b.text for b in render_blocks(result.answers) if b.text.startswith("我镇推进法治政府")
    )
    assert "一是法治学习不够深入，部分干部运用法治思维的能力不强。" in paragraph
    assert "三是在行政执法方面，执法人员力量薄弱，执法水平有待提高。" in paragraph


def test_a_run_with_a_short_first_sentence_is_headed_by_it() -> None:
    text = PROBLEMS.replace("一是法治学习不够深入，", "一是法治学习不够深入。")
    _, first, *_ = import_text(text).data["problems"]["items"]
    assert first == {"heading": "法治学习不够深入", "text": "部分干部运用法治思维的能力不强。"}


def test_next_years_rectification_is_asked_about_each_problem() -> None:
    imported = import_text(PROBLEMS).answers
    last_year = start_from_data(imported, "去年.yaml").last_year
    last = last_year.problems if last_year is not None else ()
    # What 整改 is asked about: each problem by its first clause (with the clause after a
    # setting such as 在……方面), or its text when it is one clause; never the lead-in
    # ("……但仍存在一些不足：").
    assert [rectification_item(p, "done", "").heading for p in last] == [
        "法治学习不够深入",
        "普法宣传形式单一",
        "在行政执法方面，执法人员力量薄弱",
    ]


def test_next_years_followups_skip_the_lead_before_the_plans() -> None:
    """ "针对存在的问题，……将按照……统一安排，……" opens the plans (seed 003): no plan whose
    落实 to report; the plans after it are followed up, each by its heading."""
    text = PROBLEMS.replace(
        "三、2025年工作打算\n（一）加强学习。组织学法。\n",
        "三、2025年工作打算\n针对存在的问题，某某镇将按照县委统一安排，扎实开展各项工作。\n"
        "（一）加强学习。组织学法。\n（二）规范执法。开展培训。\n",
    )
    imported = import_text(text).answers
    assert imported.items("plans.items")[0].text.startswith("针对存在的问题")
    last_year = start_from_data(imported, "去年.yaml").last_year
    assert last_year is not None
    assert [p.heading for p in last_year.plans] == ["加强学习", "规范执法"]


# --------------------------------------------------------------------------- the township's title

OWN_TITLE = """重庆市某某区某某镇人民政府
关于2024年度法治政府建设情况的报告
2024年，某某镇在区委、区政府的坚强领导下推进法治建设。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导。镇党委召开专题会议3次。
特此报告。
某某镇人民政府
2025年1月10日
"""


def test_the_townships_own_title_is_the_drafts_and_moves_on_next_year(tmp_path: Path) -> None:
    source = tmp_path / "某某镇2024年报告.txt"
    source.write_text(OWN_TITLE, encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    assert cli.main(["import", str(source), "-o", str(answers)]) == 0
    data = load_answers(answers)[0]
    title = "重庆市某某区某某镇人民政府关于2024年度法治政府建设情况的报告"
    assert data.text("identity.title") == title  # the two lines are one title
    result = build_report(answers, tmp_path / "draft.docx", force=True)
    document = docx.Document(str(result.docx))
    first = next(p for p in document.paragraphs if p.text.strip())
    assert re.sub(r"\s", "", first.text) == title
    assert (first.alignment or first.style.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert start_from_data(data, "x").text("identity.title") == title.replace("2024", "2025")


def test_a_standard_title_is_not_stored_and_a_title_of_another_unit_is_an_error() -> None:
    standard = OWN_TITLE.replace(
        "重庆市某某区某某镇人民政府\n关于2024年度法治政府建设情况的报告",
        "某某镇2024年度法治政府建设情况报告",
    )
    assert "title" not in import_text(standard).data["identity"]
    data = import_text(OWN_TITLE).data
    data["identity"]["title"] = "某乙镇人民政府关于2024年度法治政府建设情况的报告"
    assert [key for key, _ in cross_check(validate_answers(data))] == ["identity.title"]


def test_the_questionnaire_asks_the_title_only_when_there_is_one() -> None:
    assert skip_reason("identity.title", {"identity": {}}) is not None
    assert skip_reason("identity.title", {"identity": {"title": "关于……的报告"}}) is None
    # Whether the standard title names the county does not matter then.
    assert skip_reason("identity.county_in_title", {"identity": {"title": "关于……的报告"}})
    assert skip_reason("identity.county_in_title", {"identity": {}}) is None


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        (
            "某某镇人民政府\n关于2024年度法治政府建设情况的报告",
            "某某镇人民政府关于2024年度法治政府建设情况的报告",
        ),
        (
            "中共某某镇委员会 某某镇人民政府关于2024年度法治政府建设情况的报告",
            "中共某某镇委员会\u3000某某镇人民政府关于2024年度法治政府建设情况的报告",
        ),
        ("关　于　2024年度法治政府建设情况的报告", "关于2024年度法治政府建设情况的报告"),
        ("某某镇2024年度法治政府建设情况报告\n引 言", ""),  # the standard title, 引言 run on
        ("某某县某某镇2024年度法治政府建设\n情况报告", ""),
        # What a page puts with the title is not title: a document number on its own line,
        # widgets run on before it, the title printed twice.
        (
            "某府发〔2025〕3号\n某某镇人民政府关于2024年度法治政府建设情况的报告",
            "某某镇人民政府关于2024年度法治政府建设情况的报告",
        ),
        (
            "返回首页打印本页某某省某某市某某县某某镇人民政府2024年法治政府建设年度报告",
            "某某省某某市某某县某某镇人民政府2024年法治政府建设年度报告",
        ),
        (
            "某某镇关于2024年法治政府建设的报告某某镇关于2024年法治政府建设的报告",
            "某某镇关于2024年法治政府建设的报告",
        ),
        (
            "某某市人民政府\n某某镇人民政府关于2024年法治政府建设的报告",
            "某某镇人民政府关于2024年法治政府建设的报告",
        ),
        (
            "某某镇2024年法治政府建设年度报告\n某某县人民政府 发布时间：2025-03-01\n某某镇2024年法治政府建设年度报告",
            "某某镇2024年法治政府建设年度报告",
        ),
        ("2024年度某某镇法治政府建设年度报告", "2024年度某某镇法治政府建设年度报告"),
    ],
)
def test_own_title_is_the_title_on_one_line(title: str, kept: str) -> None:
    identity = Identity(unit_name="某某镇", county="某某县", year=2024)
    assert own_title(title, identity) == kept
