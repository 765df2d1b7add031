"""The township's structure is the draft's structure (issue 22, items 1, 2 and 7).

An imported report comes back as the township wrote it: its parts in their order under their own
headings, its items in their order with their headings and their own sub-items; what the
regulation requires and the report lacks is added where it belongs (never between the township's
items, one wording); a figure no text states is said in the measure it belongs to. Measured on the
development half (seeds, ``tests/fixtures/corpus/dev``, even positions of ``tests/fixtures/real``)
with an oracle that does not use the importer (``tests/structure_oracle.py``); the held-out half is
measured by ``benchmarks/import_reading.py``.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from drafter.answers.carried import collect, get_text, with_text
from drafter.answers.carryover import next_years_heading, start_from_data
from drafter.answers.file import (
    SCHEMA_VERSION,
    dump_answers,
    parse_answers_text,
    read_answers_file,
)
from drafter.answers.load import load_answers
from drafter.answers.model import Item, to_data, validate_answers
from drafter.blocks import Block
from drafter.importer import ImportResult, import_path, import_text
from drafter.importer.source import read_source
from drafter.questions import QUESTIONS, get_answer
from drafter.render.engine import render_blocks
from drafter.render.homes import attach
from drafter.render.township import with_causes
from tests.corpus import ANNOTATIONS, CORPUS, DEV, ROOT
from tests.structure_oracle import (
    annotated_headings,
    form_changed,
    kept_headings,
    numbered_headings,
    open_brackets,
    plain,
)

SEEDS = sorted((ROOT / "seeds").glob("0*.txt"))
REAL_EVEN = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.txt"))[0::2]
CLEAN = {p.stem: p for p in [*SEEDS, *REAL_EVEN]}


def draft_of(result: ImportResult) -> list[Block]:
    return render_blocks(result.answers)


def texts(blocks: list[Block]) -> list[str]:
    return [b.full_text for b in blocks]


# --------------------------------------------------------------------------- the development half


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_a_clean_report_keeps_every_heading_in_its_order(name: str) -> None:
    source = CLEAN[name].read_text(encoding="utf-8")
    result = import_path(CLEAN[name])
    kept = kept_headings(numbered_headings(source), texts(draft_of(result)))
    assert kept.total > 0
    assert kept.missing == [] and kept.out_of_order == []


@pytest.mark.parametrize("name", DEV)
def test_a_web_copy_keeps_every_heading_in_its_order(name: str) -> None:
    """The reviewer's headings of a page copy: each in the draft after the one before it, or,
    at the end of a copy cut short, in the clearly labelled list of what was cut off."""
    entry = ANNOTATIONS[name]
    result = import_path(CORPUS / entry["file"])
    kept = kept_headings(annotated_headings(entry), texts(draft_of(result)))
    assert kept.out_of_order == []
    listed = plain("".join(u["heading"] + u["text"] for u in result.unplaced_items))
    # A label the reader takes as a line of the title ("引 言" under a two-line title) is the
    # reader's to tell (the draft writes its own title): not an item of the report.
    (title,) = [b.text for b in read_source(CORPUS / entry["file"]).blocks if b.kind == "title"][
        :1
    ] or [""]
    lost = [h for h in kept.missing if plain(h) not in listed and plain(h) not in plain(title)]
    assert lost == []


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_a_clean_report_keeps_the_form_of_its_headings(name: str) -> None:
    """A heading on a line of its own stays on a line of its own, one run into its text stays
    run in (read by the oracle's own patterns, not the importer's)."""
    source = CLEAN[name].read_text(encoding="utf-8")
    _, changed = form_changed(numbered_headings(source), draft_of(import_path(CLEAN[name])))
    assert changed == []


def test_web_copies_keep_the_form_of_their_headings() -> None:
    """The same on the reviewer's headings of the development page copies (their ``run_in``),
    all but a lone （一） that the numbering rules run into its text (nothing to number)."""
    held = 0
    changed: list[str] = []
    for name in DEV:
        entry = ANNOTATIONS[name]
        result = import_path(CORPUS / entry["file"])
        found, lost = form_changed(annotated_headings(entry), draft_of(result))
        held += found
        changed += [f"{name}: {h}" for h in lost]
    assert held >= 50
    assert len(changed) <= 1, changed


@pytest.mark.parametrize("path", [*CLEAN.values(), *(CORPUS / ANNOTATIONS[n]["file"] for n in DEV)])
def test_the_draft_leaves_no_bracket_open_that_the_source_closed(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    draft = texts(draft_of(import_path(path)))
    assert sum(map(open_brackets, draft)) <= sum(map(open_brackets, source.splitlines()))


# --------------------------------------------------------------------------- items and sub-items

THEMED = """青石镇2024年度法治政府建设情况报告
2024年，青石镇在区委、区政府的领导下推进法治政府建设。现将有关情况报告如下：
一、夯实组织保障，压紧法治责任
（一）健全议事规则。修订党委会议事规则，重大事项集体研究。
（二）抓实年度考评。把法治建设纳入村（社区）年度考评。
二、创新普法宣传，厚植法治土壤
（一）建设法治长廊。在集镇建成法治长廊一条。
（二）组建宣讲队伍。组建“石榴籽”法治宣讲队，深入各村宣讲。
三、存在的不足和原因
（一）普法阵地覆盖不全。部分偏远村组尚无法治宣传阵地。
（二）执法力量偏弱。综合执法队员多为兼职。
究其原因，主要是经费保障不足，专业人员引进困难。
四、2025年工作打算
（一）扩大普法阵地覆盖。
（二）充实执法力量。
青石镇人民政府
2025年1月8日
"""


def test_a_report_arranged_by_theme_keeps_its_themes_under_the_regulations_part() -> None:
    blocks = draft_of(import_text(THEMED))
    level1 = [b.text for b in blocks if b.kind == "heading" and b.level == 1]
    # Three parts of the report's own (its themes are one part of the regulation's, under the
    # regulation's heading); its own headings kept.
    assert level1 == ["主要举措和成效", "存在的不足和原因", "2025年工作打算"]
    level2 = [(b.number, b.text) for b in blocks if b.kind == "heading" and b.level == 2]
    assert level2[:3] == [
        ("（一）", "夯实组织保障，压紧法治责任"),
        ("（二）", "创新普法宣传，厚植法治土壤"),
        ("（三）", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ]
    level3 = [b.text for b in blocks if b.kind == "heading" and b.level == 3]
    level3 = [b.text.rstrip("。") for b in blocks if b.kind == "heading" and b.level == 3]
    assert level3 == ["健全议事规则", "抓实年度考评", "建设法治长廊", "组建宣讲队伍"]
    # What the report lacks follows its items, one wording, none of its items renumbered.
    duty = next(i for i, b in enumerate(blocks) if "第一责任人" in b.text)
    assert blocks[duty + 1].text == "【待补充】"
    assert texts(blocks).count("【待补充】") == 1
    # With a 第一责任人 part of its own the same report has four parts, in its order.
    text = THEMED.replace(
        "四、2025年工作打算",
        "四、镇党委书记履行推进法治建设第一责任人职责情况\n书记带头讲法治课。\n五、2025年工作打算",
    )
    level1 = [b.text for b in draft_of(import_text(text)) if b.level == 1]
    assert level1 == [
        "2024年度推进法治政府建设的主要举措和成效",
        "存在的不足和原因",
        "镇党委书记履行推进法治建设第一责任人职责情况",
        "2025年工作打算",
    ]


def test_every_theme_is_an_item_alike_even_one_the_topic_words_do_not_name() -> None:
    """A copy cut after its second theme, whose title no topic's words name (依法执政, 关键少数):
    both themes are items of the measures, headings intact, in their order; neither becomes the
    regulation's 其他 part nor a part beside the measures."""
    text = (
        "青石镇人民政府关于2024年度法治政府建设情况的报告\n"
        "2024年，青石镇在区委的领导下推进法治政府建设。\n"
        "一、夯实组织保障，压紧法治责任\n"
        "修订党委会议事规则，重大事项集体研究。\n"
        "二、强化依法执政，狠抓关键少数\n"
        "（一）抓住领导干部这个关键少数，落实中心组学法制度。全年集中学法6次。\n"
    )
    blocks = _themes_are_items(text, ["夯实组织保障，压紧法治责任", "强化依法执政，狠抓关键少数"])
    assert "抓住领导干部这个关键少数，落实中心组学法制度。全年集中学法6次。" in texts(blocks)


def _themes_are_items(text: str, themes: list[str]) -> list[Block]:
    """The draft of a report arranged by theme, once its themes are known to be the items of
    its one part of measures, in their order, headings intact."""
    result = import_text(text)
    assert [p.kind for p in result.answers.structure] == ["measures"]
    blocks = draft_of(result)
    level2 = [b.text for b in blocks if b.kind == "heading" and b.level == 2]
    assert level2[: len(themes)] == themes
    return blocks


def test_a_theme_opened_by_any_verb_is_an_item_of_the_measures() -> None:
    """整合 is no verb of the genre's usual headings (加强, 推进 …), but the dictionary makes it a
    verb: the second theme joins the first under the measures, not a part of its own after
    the regulation's 不足 and 安排."""
    text = (
        "南湖街道2025年度法治政府建设情况报告\n2025年，南湖街道扎实推进依法行政各项工作。\n"
        "一、坚持党的领导，树牢法治政府建设正确方向\n（一）全面贯彻党的二十大精神。全年专题学习13场次。\n"
        "（二）深入学习贯彻习近平法治思想。组织学习1100场次。\n"
        "二、整合专业力量，完善工作机制\n（一）凝聚法治力量。成立街道法律事务工作小组。\n"
        "（二）规范行政程序。审查合同32份。\n"
    )
    _themes_are_items(
        text, ["坚持党的领导，树牢法治政府建设正确方向", "整合专业力量，完善工作机制"]
    )


SUB_ITEMS = """白鹭乡2024年度法治政府建设情况报告
2024年，白鹭乡扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
（一）规范权力运行
1.落实集体决策：班子会议集体研究“三重一大”事项23项。
2.推行法律顾问审查：聘请律师担任法律顾问，审查合同9份。
3.公开权责清单：在乡政府网站公开权责清单。
（二）深化矛盾调处。一是村级调解全覆盖。各村均设调解室。二是调解成功率提高。全年调处纠纷41件。
二、存在的问题
一是学法形式单一；二是执法力量薄弱。
三、下一步打算
（一）创新学法形式。
"""


def test_sub_items_stay_a_list_and_runs_stay_run_in() -> None:
    result = import_text(SUB_ITEMS)
    (first,) = result.answers.items("openness.measures") or [
        i for k in QUESTIONS for i in result.answers.items(k) if i.heading == "规范权力运行"
    ]
    assert [s.heading for s in first.subitems] == [
        "落实集体决策",
        "推行法律顾问审查",
        "公开权责清单",
    ]
    assert first.marker == "1."
    blocks = draft_of(result)
    lines = texts(blocks)
    at = lines.index("（一）规范权力运行")
    assert lines[at + 1 : at + 4] == [
        "1.落实集体决策。班子会议集体研究“三重一大”事项23项。",
        "2.推行法律顾问审查。聘请律师担任法律顾问，审查合同9份。",
        "3.公开权责清单。在乡政府网站公开权责清单。",
    ]
    # 一是……二是…… stays run into its item's paragraph, as the township wrote it; the item's
    # heading stands on its line like the heading over 1. 2. 3. (one form in a part).
    assert lines[at + 4] == "（二）深化矛盾调处"
    assert lines[at + 5].startswith("一是村级调解全覆盖。各村均设调解室。二是调解成功率提高。")


def test_the_first_duty_placeholder_follows_the_townships_items() -> None:
    lines = texts(draft_of(import_text(SUB_ITEMS)))
    part_two = lines.index("二、存在的问题")
    assert lines[part_two - 2 :][:2] == [
        "（三）党政主要负责人履行推进法治建设第一责任人职责情况",
        "【待补充】",  # the heading names it, the placeholder says to write it: one wording
    ]
    assert lines[part_two - 4] == "（二）深化矛盾调处"
    assert lines.count("【待补充】") == 1


def test_a_prescribed_heading_keeps_what_the_regulation_asks() -> None:
    text = THEMED.replace("三、存在的不足和原因", "三、2024年度推进法治政府建设存在的不足和原因")
    level1 = [b.text for b in draft_of(import_text(text)) if b.level == 1]
    assert level1[1] == "2024年度推进法治政府建设存在的不足和原因"
    # A heading without 原因 over a part that states them names them; one without, stays.
    assert with_causes("存在的不足") == "存在的不足和原因"
    assert with_causes("存在问题与不足") == "存在问题与不足及原因"
    assert with_causes("存在的不足、原因和问题整改情况") == "存在的不足、原因和问题整改情况"
    level1 = [b.text for b in draft_of(import_text(text.replace("和原因", "")))]
    assert "2024年度推进法治政府建设存在的不足和原因" in level1  # its causes are there


# --------------------------------------------------------------------------- figures

MEASURES = [
    Item(
        "深入开展法治宣传活动", "结合宪法宣传周，通过发放宣传资料、开展法律咨询等形式宣传法律法规。"
    ),
    Item("加强法治文化建设", "在各村建设法治文化墙。同时，组织法治文艺演出。"),
]


def test_a_figure_is_said_in_the_measure_it_belongs_to() -> None:
    sentence = "我乡全年共开展普法宣传活动20场次，发放宣传资料2000份。"
    placed, left = attach(MEASURES, sentence)
    assert left == ""
    assert placed[0].text.endswith("宣传法律法规。" + sentence)
    assert placed[1] == MEASURES[1]
    # No measure speaks of it: it is left for the topic to say before its measures.
    placed, left = attach(MEASURES, "全年，我乡未发生行政复议和行政诉讼案件。")
    assert left and placed == MEASURES


def test_the_demo_states_its_figures_in_its_measures_in_one_voice(
    example_data: dict[str, Any],
) -> None:
    blocks = render_blocks(validate_answers(example_data))
    study = next(b.full_text for b in blocks if b.text.startswith("强化领导干部学法用法"))
    # One sentence, one subject: not "全年，乡党委……3次。我乡共组织……2次。"
    assert study.endswith("能力。全年，乡党委理论学习中心组学法3次，组织法律知识考试2次。")
    publicity = next(b.full_text for b in blocks if b.text.startswith("加强法治宣传教育"))
    said = "我乡全年共开展普法宣传活动20场次，发放宣传资料2000份，解答群众法律咨询5人次。"
    assert publicity.index(said) > publicity.index("一是") and said + "二是" in publicity


def test_a_figure_the_imported_texts_do_not_state_goes_into_the_measure_about_it() -> None:
    result = import_text(SUB_ITEMS)
    data = copy.deepcopy(result.data)
    data["disputes"] = {**data.get("disputes", {}), "organisations": 6}
    lines = texts(render_blocks(validate_answers(data)))
    (said,) = [t for t in lines if "现有人民调解组织6个" in t]
    # In the township's own item, after the sentence it speaks of; not an item of its own.
    assert lines[lines.index(said) - 1] == "（二）深化矛盾调处"
    assert "村级调解全覆盖。全乡现有人民调解组织6个。各村均设调解室。" in said
    assert not any(t.startswith("（三）") and "调解" in t for t in lines)


# --------------------------------------------------------------------------- next year


def test_next_year_from_an_import_keeps_the_structure_with_its_years_moved() -> None:
    result = import_path(SEEDS[0])
    started = start_from_data(result.answers, SEEDS[0].name)
    assert [p.heading for p in started.structure] == [
        "2025年法治政府建设主要举措和成效",
        "2025年法治政府建设存在问题与不足",
        "2025年主要负责同志履行推进法治政府建设第一责任人履职情况",
        "2026年法治政府建设工作计划",
    ]
    assert next_years_heading("“十四五”（2021—2025年）规划", 2024, 2025) == (
        "“十四五”（2021—2025年）规划"
    )
    data = to_data(started)
    data["followups"] = [{"heading": "进一步提高法治意识", "status": "done", "sentence": ""}]
    lines = texts(render_blocks(validate_answers(data)))
    items = [t for t in lines if t.startswith("（")]
    # The township's four items keep their order and numbers; last year's plans follow them.
    heads = ["（一）加强组织领导", "（二）规范行政执法", "（三）加强法治宣传", "（四）依法化解矛盾"]
    assert all(t.startswith(h) for t, h in zip(items, heads, strict=False))
    assert items[4].startswith(
        "（五）抓好上年度工作安排落实。去年提出的“进一步提高法治意识”已落实。"
    )


def test_carried_figures_inside_sub_items_are_found_and_replaced() -> None:
    result = import_path(SEEDS[1])
    started = start_from_data(result.answers, SEEDS[1].name)
    paths = {cf.path for cf in collect(started)}
    path = "organisation.measures[0].subitems[1].text"
    assert path in paths
    text = get_text(started, path)
    assert text is not None and text.endswith("专题会议10次。")
    changed = with_text(started, path, text.replace("10次", "12次"))
    assert changed is not None
    key, value = changed
    assert isinstance(value, list) and value[0].subitems[1].text.endswith("专题会议12次。")
    assert value[0].subitems[0] == started.items(key)[0].subitems[0]


# --------------------------------------------------------------------------- the answers file


def test_sub_items_and_the_structure_survive_the_answers_file(tmp_path: Path) -> None:
    result = import_path(SEEDS[1])
    path = tmp_path / "a.yaml"
    path.write_text(dump_answers(to_data(result.answers)), encoding="utf-8")
    answers, loaded = load_answers(path)
    assert answers.structure == result.answers.structure
    assert answers.items("organisation.measures") == result.answers.items("organisation.measures")
    text = path.read_text(encoding="utf-8")
    assert "原报告的结构" in text and re.search(r"marker: '?1\.'?", text)
    assert loaded.version == SCHEMA_VERSION == 2


def test_a_version_one_file_loads_and_builds_as_before(example_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "v1.yaml"
    text = example_path.read_text(encoding="utf-8")
    old.write_text(
        text.replace("schema_version: 2", "schema_version: 1") + "# 我自己的备注\n",
        encoding="utf-8",
    )
    loaded = read_answers_file(old)
    assert loaded.migrated_from == 1 and loaded.unknown == []
    assert loaded.doc is not None  # nothing to move: the file's own layout and comments stay
    answers, _ = load_answers(old)
    now, _ = load_answers(example_path)
    assert answers.structure == [] and texts(render_blocks(answers)) == texts(render_blocks(now))
    assert "我自己的备注" in dump_answers(loaded.data, loaded.doc)


def test_too_deep_sub_items_are_refused_in_chinese() -> None:
    deep = {"heading": "甲", "subitems": [{"heading": "乙", "subitems": [{"heading": "丙"}]}]}
    bad = {"identity": {}, "study": {"measures": [{"heading": "一", "subitems": [deep]}]}}
    with pytest.raises(Exception, match="层次太多"):
        validate_answers(bad)
    text = "study:\n  measures:\n    - heading: 一\n      subitems: 不是列表\n"
    answers = validate_answers(parse_answers_text(text).data)
    assert answers.items("study.measures")[0].subitems[0].text == "不是列表"


# --------------------------------------------------------------------------- the questionnaire


def test_the_items_editor_shows_sub_items_and_keeps_them(tmp_path: Path) -> None:
    from drafter.questionnaire import Questionnaire

    result = import_path(SEEDS[1])
    data = to_data(result.answers)
    q = QUESTIONS["organisation.measures"]
    keys = (
        "e 1\r" + "\r" + "\r"  # the item: heading and lead kept
        + "\x15改过的小标题\r" + "\r"  # its first sub-item: a new heading, the text kept
        + "\r" + "\x15\r"  # the second: heading kept, text emptied (kept: it has a heading)
        + "\x15\r" + "\x15\r"  # the third: both emptied, so it goes
        + "\r"  # done
    )  # fmt: skip
    with create_pipe_input() as inp:
        inp.send_text(keys)
        session = Questionnaire(tmp_path / "a.yaml", data, input=inp, output=DummyOutput())
        session.ask_question(q)
    shown = "\n".join(session.transcript)
    assert "（2）落实第一责任人职责：镇党政主要负责人" in shown
    (item,) = get_answer(session.data, "organisation.measures")
    assert item["heading"] == "加强组织领导，压实法治建设责任"
    assert [s["heading"] for s in item["subitems"]] == ["改过的小标题", "落实第一责任人职责"]
    assert item["subitems"][0]["text"].startswith("及时调整法治政府建设工作领导小组")
    assert item["subitems"][1]["text"] == ""
    assert item["marker"] == "1."
    assert re.search("第 1 条下面有 3 个小项", shown)


def test_a_countys_own_outline_still_prints_every_imported_item() -> None:
    """A county's outline knows no structure: it gets every item by topic, none lost."""
    result = import_path(SEEDS[1])
    county = ROOT / "examples" / "county-template"
    words = plain("".join(texts(render_blocks(result.answers, "regulation", templates=county))))
    for key in QUESTIONS:
        for item in result.answers.items(key):
            for _, sub in item.walk():
                assert plain(sub.text) in words, sub.text[:20]


UNNUMBERED_PARAGRAPHS = """石桥镇2024年度法治政府建设情况报告
2024年，石桥镇扎实推进法治政府建设，现将有关情况报告如下。
一、党政主要负责人履行推进法治建设第一责任人职责情况
2024年，石桥镇党政主要负责人切实履行推进法治建设第一责任人职责。
带头学法用法。镇党委理论学习中心组全年集中学法4次。
加强组织领导。成立法治政府建设工作领导小组，定期研究部署法治建设工作。
二、2024年度推进法治政府建设的主要举措和成效
（一）推进依法决策
严格落实重大行政决策程序，全年审查合同12份。
（二）加强普法宣传
开展法治宣传活动6场次。
三、存在的不足和原因
法治宣传形式较为单一，群众参与度不高。
执法人员专业能力有待提升。
究其原因，主要是学习培训不够深入。
四、2025年工作打算
持续加强法治宣传教育，创新宣传方式。
加强执法队伍建设，提升执法能力。
石桥镇人民政府
2025年2月14日
"""


def test_paragraphs_the_township_did_not_number_stay_unnumbered() -> None:
    """A part written as paragraphs without 一是/二是 comes back as those paragraphs: drafter
    numbers nothing the township did not (the 不足 of one paragraph's runs still say 一是……)."""
    result = import_text(UNNUMBERED_PARAGRAPHS)
    assert [p.paragraphs for p in result.answers.structure] == [True, False, True, True]
    lines = texts(draft_of(result))
    for part in ("一、", "三、", "四、"):
        at = lines.index(next(line for line in lines if line.startswith(part)))
        source = UNNUMBERED_PARAGRAPHS.split("\n" + part, 1)[1].split("\n")[1:3]
        assert lines[at + 1 : at + 3] == source
    assert not any("一是" in line for line in lines)
    # Kept through the answers file.
    again = validate_answers(parse_answers_text(dump_answers(to_data(result.answers))).data)
    assert again.structure == result.answers.structure


ITEMS_WITHOUT_PARTS = """石桥镇2023年度法治政府建设情况报告
2023年，我镇扎实推进法治政府建设，现将本年度法治政府建设情况报告如下：
（一）深入学习贯彻党的二十大精神，深刻领会推进法治建设的战略部署
我镇认真组织学习贯彻党的二十大精神，结合本镇实际学以致用。
（二）深入学习宣传贯彻习近平法治思想的情况，有关推动落实的具体举措
我镇深入学习宣传贯彻习近平法治思想，组织专题学习4次。
"""


def test_items_of_a_copy_without_parts_stay_items_of_one_part() -> None:
    """A copy that holds only the first part's （一）（二）: both are items of the measures, in
    their order with their numbers, even when one of them names the measures' words (举措)."""
    result = import_text(ITEMS_WITHOUT_PARTS)
    lines = texts(draft_of(result))
    at = lines.index("一、主要举措和成效")
    assert lines[at + 1].startswith("（一）深入学习贯彻党的二十大精神")
    assert lines[at + 3].startswith("（二）深入学习宣传贯彻习近平法治思想的情况")
    assert [p.kind for p in result.answers.structure].count("measures") == 1


def test_an_item_added_to_a_part_of_paragraphs_is_a_paragraph_too() -> None:
    """The clerk adds a problem with a heading to the township's unnumbered paragraphs: it is
    one more paragraph (heading run into its text), and nothing is numbered 一是……三是."""
    data = to_data(import_text(UNNUMBERED_PARAGRAPHS).answers)
    data["problems"]["items"].append({"heading": "调解能力不足", "text": "部分村调解员年龄偏大。"})
    lines = texts(render_blocks(validate_answers(data)))
    at = lines.index("三、存在的不足和原因")
    assert lines[at + 1 : at + 4] == [
        "法治宣传形式较为单一，群众参与度不高。",
        "执法人员专业能力有待提升。",
        "调解能力不足，部分村调解员年龄偏大。",
    ]
    assert not any("一是" in line for line in lines)
