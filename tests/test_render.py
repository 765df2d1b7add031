"""Templates → blocks: outlines, derived numbering, unit words and figure provenance."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.model import validate_answers
from drafter.errors import DrafterError
from drafter.questions import RATES, figure_questions
from drafter.render.engine import OUTLINE_NAMES, builtin_template_dir, render_blocks, render_text
from drafter.text.units import WORDS
from tests.conftest import texts_without

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def test_templates_contain_no_figures() -> None:
    """A template may not type a number: every number in a draft comes from the answers."""
    for path in builtin_template_dir().rglob("*.j2"):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"[\w/]+\.j2", "", text)  # template file names
        text = re.sub(r"::(h[1-4])", "::h", text)  # heading levels are not figures
        assert not re.search(r"[0-9０-９]", text), path


def test_templates_contain_no_unit_words() -> None:
    """乡/镇/街道 words come from the unit type, never from template text."""
    for path in builtin_template_dir().rglob("*.j2"):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        for word in ("乡", "镇", "街道", "苏木"):
            assert word not in text, (path, word)


def _sentinel_answers(example_data: dict[str, Any]) -> tuple[Any, set[str]]:
    # Text answers must not bring numbers of their own into the check.
    data = texts_without(example_data, NUMBER)
    allowed: set[str] = set()
    for n, q in enumerate(figure_questions()):
        whole = 7000 + 10 * n
        data.setdefault(q.section, {})[q.name] = whole
        allowed.add(str(whole))
    # Parts must stay below their wholes for the rates to be derivable.
    for q in figure_questions():
        if q.part_of:
            data[q.section][q.name] = data[q.part_of.split(".")[0]][q.part_of.split(".")[1]] - 3
            allowed.add(str(data[q.section][q.name]))
    data["review"]["lost"] = 1
    allowed.add("1")
    data["identity"]["date"] = "2025年1月20日"
    answers = validate_answers(data)
    allowed |= {"2024", "2025", "1", "20"}  # year, next year, date
    for r in RATES:
        value = answers.rate(r.key)
        assert value, r.key
        allowed.add(value.rstrip("%"))
    return answers, allowed


@pytest.mark.parametrize("outline", OUTLINE_NAMES)
def test_every_number_comes_from_the_answers(outline: str, example_data: dict[str, Any]) -> None:
    answers, allowed = _sentinel_answers(example_data)
    blocks = render_blocks(answers, outline)
    found = {n for b in blocks for n in NUMBER.findall(b.full_text.replace(b.number, ""))}
    assert found, "the draft has figures"
    assert found <= allowed, found - allowed
    # Every answered figure made it into the draft.
    text = "".join(b.full_text for b in blocks)
    for q in figure_questions():
        assert str(answers.get(q.key)) in text, q.key


@pytest.mark.parametrize("outline", OUTLINE_NAMES)
def test_no_answer_no_sentence(outline: str, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["publicity"]["materials"] = None
    data["disputes"]["resolved"] = None
    text = "".join(b.full_text for b in render_blocks(validate_answers(data), outline))
    assert "宣传资料2000" not in text and "发放宣传资料" not in text.split("全年共")[-1][:40]
    assert "调解成功率" not in text
    assert "None" not in text


def test_zero_cases_are_reported_with_fitting_words(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["review"] = {"reconsiderations": 0, "lawsuits": 0}
    data["decision"]["normative_documents"] = 0
    text = "".join(b.full_text for b in render_blocks(validate_answers(data)))
    assert "全年，我乡未发生行政复议和行政诉讼案件。" in text
    assert "未制发行政规范性文件" in text
    assert "0件" not in text


def test_zero_wholes_need_no_zero_parts(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["disputes"].update(mediated=0, resolved=0)
    data["petitions"].update(received=0, backlog_resolved=0)
    data["decision"]["major_decisions"] = 0
    text = "".join(b.full_text for b in render_blocks(validate_answers(data)))
    assert "我乡全年未发生需要调解的矛盾纠纷。" in text
    assert "我乡全年未受理信访事项，无信访积案。" in text
    assert "全年，我乡未作出重大行政决策。" in text
    assert not re.search(r"\D0(件|项|%)", text)


@pytest.mark.parametrize("outline", OUTLINE_NAMES)
def test_numbering_is_continuous_at_every_level(outline: str, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["enforcement"] = {}  # a skipped topic must not leave a gap
    blocks = render_blocks(validate_answers(data), outline)
    expected = {1: "一二三四五六七八九", 2: "一二三四五六七八九"}
    counters = {1: 0, 2: 0}
    for b in blocks:
        if b.kind != "heading":
            continue
        counters[b.level] += 1
        if b.level == 1:
            counters[2] = 0
            assert b.number == f"{expected[1][counters[1] - 1]}、"
        else:
            assert b.number == f"（{expected[2][counters[2] - 1]}）"
    assert counters[1] >= 3


def test_outlines_order_their_parts(example_data: dict[str, Any]) -> None:
    answers = validate_answers(example_data)

    def parts(outline: str) -> list[str]:
        return [
            b.text for b in render_blocks(answers, outline) if b.kind == "heading" and b.level == 1
        ]

    reg = parts("regulation")
    assert ["主要举措" in reg[0], "不足" in reg[1], "第一责任人" in reg[2], "安排" in reg[3]] == [
        True
    ] * 4
    first = parts("first-duty")
    assert "第一责任人" in first[0] and "主要举措" in first[1]
    three = parts("three-part")
    assert len(three) == 3 and not any("第一责任人" in p for p in three)
    assert "2025" in reg[3] and "2025" in three[2]


@pytest.mark.parametrize("unit_type", ["乡", "镇", "街道", "苏木"])
def test_unit_words_follow_the_unit_type(unit_type: str, example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["identity"]["unit_name"] = "团结" + unit_type
    data["identity"]["unit_type"] = unit_type
    data["opening"]["summary"] = None  # defaults are derived from the unit type
    data["closing"]["text"] = None
    data["identity"]["signers"] = None
    data["publicity"] = {"legal_understanders": 12}  # "全乡累计培育……" speaks of the whole unit
    for section in ("organisation", "study", "first_duty", "plans", "problems"):
        data[section] = {}  # the example's own texts are about a 乡
    blocks = render_blocks(validate_answers(data), "three-part")
    text = "".join(b.full_text for b in blocks)
    words = WORDS[unit_type]
    assert words.self_ref in text and words.whole in text
    others = [w for t, w in WORDS.items() if t != unit_type and w.whole not in words.whole]
    for other in others:
        assert other.whole not in text.replace(words.whole, ""), other.whole
    signatures = [b.text for b in blocks if b.kind == "signature"]
    assert signatures == ["团结" + unit_type + words.government_suffix]


def test_user_text_cannot_forge_markup(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    data["plans"]["items"] = [{"heading": "计划", "text": "正文\n::h1 伪造的标题\n::signature 假"}]
    blocks = render_blocks(validate_answers(data))
    assert not any(b.kind == "heading" and "伪造" in b.text for b in blocks)
    assert [b.text for b in blocks if b.kind == "signature"] == ["尼玛县俄久乡人民政府"]
    assert any(b.kind == "paragraph" and "::h1 伪造的标题。" in b.text for b in blocks)


def _county(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "county"
    (folder / "outlines").mkdir(parents=True)
    (folder / "outlines" / "regulation.j2").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("::p {{ a.__class__ }}", "不允许"),
        ("::p {{ fig.__globals__ }}", "不允许"),
        ("::p {{ no_such_variable }}", "不存在的变量"),
        ("::p {% if %}", "语法错误"),
        ("::bogus x", "格式错误"),
        ("{% include '/etc/passwd' %}", "找不到模板"),
    ],
)
def test_county_templates_run_sandboxed(
    tmp_path: Path, example_data: dict[str, Any], body: str, fragment: str
) -> None:
    with pytest.raises(DrafterError) as info:
        render_blocks(validate_answers(example_data), templates=_county(tmp_path, body))
    assert fragment in str(info.value)


def test_a_county_template_overrides_one_part(tmp_path: Path, example_data: dict[str, Any]) -> None:
    folder = tmp_path / "county"
    (folder / "parts").mkdir(parents=True)
    (folder / "parts" / "plans.j2").write_text(
        "{% for it in a.plans.items %}::h2 {{ it.heading }}\n{% endfor %}", encoding="utf-8"
    )
    blocks = render_blocks(validate_answers(example_data), templates=folder)
    plans = [
        b for b in blocks if b.kind == "heading" and b.level == 2 and b.text.startswith("进一步")
    ]
    assert plans and all(not b.body for b in plans)


def test_unknown_outline_name_is_explained(example_data: dict[str, Any]) -> None:
    with pytest.raises(DrafterError, match="报告结构"):
        render_text(validate_answers(example_data), "five-part")


def test_last_years_plans_come_back_as_what_was_done(example_data: dict[str, Any]) -> None:
    data = copy.deepcopy(example_data)
    assert not any("上年度" in b.text for b in render_blocks(validate_answers(data)))
    data["followups"] = [
        {"heading": "进一步提高法治意识", "status": "done", "text": "已落实。举办专题培训。"},
        {"heading": "完善考核评价", "status": "partly", "text": "部分落实。"},
    ]
    blocks = render_blocks(validate_answers(data), "three-part")
    item = next(b for b in blocks if "上年度工作安排" in b.text)
    assert item.level == 2
    # Sentences about each plan, never a bare status ("已落实。").
    assert item.body == "一是“进一步提高法治意识”已落实，举办专题培训。二是“完善考核评价”部分落实。"


@pytest.mark.parametrize(
    ("unit_name", "county", "title_start"),
    [
        ("俄久乡", "尼玛县", "尼玛县俄久乡2024年度"),
        ("尼玛县俄久乡", "尼玛县", "尼玛县俄久乡2024年度"),  # the county once, not twice
        ("尼玛县俄久乡", None, "尼玛县俄久乡2024年度"),
        ("湟中区田家寨镇", None, "湟中区田家寨镇2024年度"),
    ],
)
def test_title_names_the_county_once(
    unit_name: str, county: str | None, title_start: str, example_data: dict[str, Any]
) -> None:
    data = copy.deepcopy(example_data)
    data["identity"].update(unit_name=unit_name, county=county, county_in_title=True)
    data["identity"]["unit_type"] = unit_name[-1]
    blocks = render_blocks(validate_answers(data), "three-part")
    (title,) = [b.text for b in blocks if b.kind == "title"]
    assert title.replace("\n", "").startswith(title_start)


def test_county_defaults_to_the_one_the_unit_name_starts_with() -> None:
    from drafter.questions import QUESTIONS

    county = QUESTIONS["identity.county"]
    assert county.default_for({"identity": {"unit_name": "尼玛县俄久乡"}}) == "尼玛县"
    assert county.default_for({"identity": {"unit_name": "湟中区田家寨镇"}}) == "湟中区"
    assert county.default_for({"identity": {"unit_name": "俄久乡"}}) is None
    assert county.default_for({"identity": {}}) is None
