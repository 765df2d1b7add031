"""Import: last year's report (.txt/.docx) → answers file, JSON report, unplaced figures.

The five seeds are real reports; the unseen-style inputs (街道, half-width punctuation,
Traditional characters, a truncated text) are written here so the rules are tried on text they
were not written from.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.carryover import rectification_item
from drafter.answers.model import to_data
from drafter.blocks import Block
from drafter.cli import main
from drafter.importer import (
    KIND_FIRST_DUTY,
    KIND_MEASURES,
    KIND_PLANS,
    KIND_PROBLEMS,
    ImportResult,
    import_blocks,
    import_file,
    import_path,
)
from drafter.questions import QUESTIONS, SECTIONS
from drafter.reader import blocks_from_text, read_blocks
from drafter.render.engine import render_blocks
from drafter.text.hanzi import has_traditional
from drafter.text.numbers import find_tokens
from drafter.text.numbers import for_matching as _for_matching
from drafter.text.topics import TOPICS
from tests.import_fidelity import (
    check_figures,
    check_measures,
    measure_items,
    original_figures,
    resolve,
)
from tests.test_reader import write_docx

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


IDENTITY = {
    "000": ("俄久乡", "乡", "尼玛县", 2024),
    "001": ("杂色镇", "镇", None, 2024),
    "002": ("四棵树乡", "乡", "鲁山县", 2024),
    "003": ("田家寨镇", "镇", "湟中区", 2024),
    "004": ("多玛乡", "乡", "安多县", 2024),
}
M, P, F, PL = KIND_MEASURES, KIND_PROBLEMS, KIND_FIRST_DUTY, KIND_PLANS
PARTS = {
    "000": ([M, P, F, PL], "regulation"),
    "001": ([M, P, PL], "three-part"),
    "002": ([F, M, P, PL], "first-duty"),
    "003": ([M, P, PL], "three-part"),
    "004": ([M, P, PL], "three-part"),
}
# Every catalogue figure each seed fills, as the answers file stores it ("1500余" = approx). A
# figure fills its key only from a text of the key's own section, in the question's unit word.
FIGURES: dict[str, dict[str, Any]] = {
    "000": {
        # "开展法治宣传活动20次": 次 is not the question's 场次, so it stays in its sentence only.
        "publicity.materials": 2000,
        "publicity.consultations": 5,
        "disputes.mediated": 5,
        "first_duty.meetings": 2,  # "全年召开2次专题会议研究部署法治工作", in the 第一责任人 part
    },
    "001": {
        "publicity.activities": 30,
        "publicity.materials": "1500余",
        "publicity.consultations": "850余",
        "decision.major_decisions": 1,
        "disputes.mediated": 39,
        # "2. 落实第一责任人职责：……全年召开法治建设专题会议10次" stays a sub-item of （一）
        # where the report wrote it; its heading names the 第一责任人, so its figure is theirs.
        "first_duty.meetings": 10,
        # "1. 加强领导干部学法用法：……全年组织集中学习58次" under 普法 is about 学法.
        "study.cadre_sessions": 58,
        # "2. 加强信访工作：……化解信访积案4件" under 矛盾纠纷 is about 信访.
        "petitions.backlog_resolved": 4,
    },
    "002": {
        # 中心组学法6次 etc. sit in the 第一责任人 part: they stay that part's sentences.
        "enforcement.trainings": 4,
    },
    "003": {"disputes.mediated": 52},
    "004": {
        "study.center_group": 7,
        "study.cadre_sessions": "70余",
        "publicity.activities": "30余",
        "publicity.materials": "5000余",
        "publicity.audience": "6000余",
        "disputes.organisations": 7,
        "disputes.mediators": 71,
        "disputes.screenings": "90余",
    },
}
# Some figures each seed keeps in its sentence only: (as written, where it stays).
IN_TEXT = {
    "000": {("20次", "publicity.measures[0].text"), ("3次", "publicity.measures[0].text")},
    "001": {("5次", "publicity.measures[0].subitems[0].text")},
    "002": {
        ("124名", "first_duty.duties[1].text"),
        ("240余次", "first_duty.duties[1].text"),
        ("100余起", "openness.measures[0].text"),
    },
    "003": {("189件", "disputes.measures[0].text"), ("16件", "disputes.measures[0].text")},
    "004": {("11起", "disputes.measures[0].text"), ("46万元", "disputes.measures[0].text")},
}
SEED_IDS = sorted(IDENTITY)
FIXTURES = Path(__file__).parent / "fixtures"
UNSEEN = sorted(p.name for p in FIXTURES.glob("import_*.txt") if "county" not in p.name)


@pytest.fixture(scope="module")
def imported() -> dict[str, ImportResult]:
    return {prefix: import_path(seed(prefix)) for prefix in SEED_IDS}


def filled_figures(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, q in QUESTIONS.items():
        if q.kind != "figure":
            continue
        section, name = key.split(".")
        value = data.get(section, {}).get(name)
        if value is not None:
            out[key] = value
    return out


# --------------------------------------------------------------------------- the seeds


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_identity_of_each_seed(imported: dict[str, ImportResult], prefix: str) -> None:
    report = imported[prefix].report()["identity"]
    assert (report["unit_name"], report["unit_type"], report["county"], report["year"]) == (
        IDENTITY[prefix]
    )
    assert imported[prefix].identity.disagreements == []


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_every_part_classified_and_outline_chosen(
    imported: dict[str, ImportResult], prefix: str
) -> None:
    result = imported[prefix]
    kinds, outline = PARTS[prefix]
    assert [p["kind"] for p in result.report()["parts"]] == kinds
    assert result.data["identity"]["outline"] == outline


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_figures_of_each_seed(imported: dict[str, ImportResult], prefix: str) -> None:
    result = imported[prefix]
    assert filled_figures(result.data) == FIGURES[prefix]
    in_text = {(f.mention.raw, f.where) for f in result.in_text}
    assert IN_TEXT[prefix] <= in_text
    assert "unplaced_figures" not in result.data


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_every_figure_of_each_seed_is_accounted_for(
    imported: dict[str, ImportResult], prefix: str
) -> None:
    """In the report with its sentence; in its key (same value, 余, unit) or in its text."""
    blocks = read_blocks(seed(prefix))
    assert check_figures(imported[prefix], blocks) == []
    assert len(imported[prefix].figures) == len(original_figures(blocks)) > 0


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_measures_keep_every_sentence_whole_and_in_its_section(
    imported: dict[str, ImportResult], prefix: str
) -> None:
    blocks = read_blocks(seed(prefix))
    assert measure_items(imported[prefix], blocks)
    assert check_measures(imported[prefix], blocks) == []


def own_items(result: ImportResult) -> list[dict[str, Any]]:
    """The items of the report's measures, in the structure's order, as the answers hold them."""
    out = []
    for part in result.data["structure"]:
        for path in part.get("items", []):
            out.append(resolve(result.data, path))
    return out


def test_seed_000_items_and_texts(imported: dict[str, ImportResult]) -> None:
    data = imported["000"].data
    # The parts in the report's order, each with its own heading.
    assert [(p["kind"], p["heading"]) for p in data["structure"]] == [
        (KIND_MEASURES, "2024年法治政府建设主要举措和成效"),
        (KIND_PROBLEMS, "2024年法治政府建设存在问题与不足"),
        (KIND_FIRST_DUTY, "2024年主要负责同志履行推进法治政府建设第一责任人履职情况"),
        (KIND_PLANS, "2025年法治政府建设工作计划"),
    ]
    items = own_items(imported["000"])
    assert [i["heading"] for i in items] == [
        "加强组织领导，健全法治政府建设工作机制",
        "规范行政执法，提升行政执法公信力",
        "加强法治宣传教育，营造良好法治氛围",
        "依法化解矛盾纠纷，维护社会和谐稳定",
    ]
    # 一是……二是…… stays run into the item's paragraph, as the township wrote it; 三是强化领导干部
    # 学法用法 stays the 三是 of the 普法 item.
    assert all(i["text"].startswith("一是") and "subitems" not in i for i in items)
    assert "三是强化领导干部学法用法。" in items[2]["text"]
    assert "study" not in data
    assert len(data["problems"]["items"]) == 4
    assert data["first_duty"]["duties"][0]["text"].startswith(
        "一是加强组织领导，落实法治建设责任。"
    )
    assert "title" not in data["first_duty"]  # the part's heading is the outline's, not made up
    assert len(data["plans"]["items"]) == 5
    assert data["opening"]["leadership"] == "在县委、县政府的坚强领导下"
    # The closing paragraph is kept whole, as written.
    assert data["closing"]["text"] == (
        "2024年，俄久乡在法治政府建设方面取得了一定成效，但还存在一些问题和不足。2025年，"
        "我们将以习近平新时代中国特色社会主义思想为指引，坚持问题导向，补齐短板弱项，"
        "努力推动法治政府建设再上新台阶，为全乡经济社会高质量发展提供更加坚实的法治保障。"
    )
    # The figures stay in their sentences, as written.
    assert (
        "2024年，共开展法治宣传活动20次，发放宣传资料2000份，接受群众法律咨询5人次。"
        in items[2]["text"]
    )


def test_seed_001_keeps_its_sub_items_under_their_items(
    imported: dict[str, ImportResult],
) -> None:
    data = imported["001"].data
    items = own_items(imported["001"])
    assert [i["heading"] for i in items] == [
        "加强组织领导，压实法治建设责任",
        "强化法治宣传教育，提升全民法治素养",
        "规范行政决策程序，提高依法决策水平",
        "加强矛盾纠纷化解，维护社会和谐稳定",
    ]
    # "1. 2. 3." under （一） are the item's own sub-items, numbered as a list, in order; the
    # 第一责任人 sub-item stays the 2. of （一） where the township wrote it.
    first = items[0]
    assert first["text"] == "" and first["marker"] == "1."
    assert [s["heading"] for s in first["subitems"]] == [
        "健全领导体制",
        "落实第一责任人职责",
        "完善工作机制",
    ]
    duty = first["subitems"][1]["text"]
    assert duty.startswith("镇党政主要负责人切实履行推进法治建设第一责任人职责，")
    assert duty.endswith("全年召开法治建设专题会议10次。")
    assert "first_duty" not in data or not data["first_duty"].get("duties")
    (decision,) = items[2]["subitems"]
    assert "2024年，我镇共作出重大行政决策1项，均严格按照程序进行。" in decision["text"]
    # The plans keep their own 1. 2. 3. too.
    assert [len(p.get("subitems", [])) for p in data["plans"]["items"]] == [3, 3]
    # The copy-pasted sentence of the original is kept where it is: the checks flag it.
    texts = "".join(s["text"] for i in items for s in i.get("subitems", []))
    assert texts.count("杂色镇司法所荣获市级普法一等奖奖项。") == 2


def test_seed_002_items_stay_whole_in_their_order(imported: dict[str, ImportResult]) -> None:
    data = imported["002"].data
    assert [p["kind"] for p in data["structure"]] == [
        KIND_FIRST_DUTY,
        KIND_MEASURES,
        KIND_PROBLEMS,
        KIND_PLANS,
    ]
    items = own_items(imported["002"])
    assert [i["heading"] for i in items] == [
        "加强组织领导，完善规章制度",
        "严格执法程序，规范执法行为",
        "推行政务公开，建设阳光政府",
        "加强执法监督，落实责任考核",
        "抓好执法培训，提升依法理念",
    ]
    # （四）加强执法监督 keeps its three 一是 items together (规范性文件, 监督, 考核), as written.
    supervision = items[3]["text"]
    assert supervision.startswith("一是切实加强对行政行为的监督。")
    assert "规范性文件的审查备案" in supervision and "三是健全完善监督考核机制。" in supervision
    # "法律顾问、法律明白人124名" is kept as written, in its own part.
    duty = data["first_duty"]["duties"][1]["text"]
    assert "全乡配备法律顾问、法律明白人124名，为群众提供法律服务500余次" in duty
    assert [i["heading"] for i in data["problems"]["items"] if i["heading"]] == [
        "基层工作繁杂",
        "沟通不畅",
    ]
    assert data["problems"]["items"][0]["text"].endswith("主要表现在：")
    lead, fix = data["rectification"]["items"]
    # The report's own lead of its 整改 is kept (the draft then writes none of its own).
    assert lead["text"] == (
        "针对上述问题，四棵树乡党委领导班子高度重视，结合实际，制定整改措施，具体整改情况如下："
    )
    assert fix["text"].startswith("四棵树乡继续强化组织保障")
    assert len(data["plans"]["items"]) == 6


def test_seed_003_problems_paragraph_becomes_one_item_per_problem(
    imported: dict[str, ImportResult],
) -> None:
    """ "……主要表现在：一是……；二是……；三是……" lists three problems: one item each, its words and
    commas as written (the draft prints them so), the lead-in before them. Next year names each
    by its own first words (the setting and what is wrong in it)."""
    lead, *problems = imported["003"].data["problems"]["items"]
    assert lead == {
        "heading": "",
        "text": "2024年，我镇推进建设法治政府工作虽然取得了一定成效，但也存在一定问题，主要表现在：",
    }
    assert problems == [
        {
            "heading": "",
            "text": "法治政府建设工作推进过程中，法律法规的宣传力度还不够，法制宣传方式单一。",
        },
        {
            "heading": "",
            "text": "组织全员法制培训学习次数较少，部分干部职工对普法工作思想不够重视，"
            "法制学习主动性、自觉性不够。",
        },
        {"heading": "", "text": "依法行政能力和水平有待进一步提高。"},
    ]
    names = [
        rectification_item(p, "done", "").heading
        for p in imported["003"].answers.items("problems.items")
    ]
    assert names[1:] == [
        "法治政府建设工作推进过程中，法律法规的宣传力度还不够",
        "组织全员法制培训学习次数较少",
        "依法行政能力和水平有待进一步提高",
    ]


def test_seed_004_local_items_are_specialities_each_with_its_heading(
    imported: dict[str, ImportResult],
) -> None:
    """（三）队伍建设 fits no catalogue topic, （六）两大工程 and （七）边界协作 are local work: each is
    a 特色工作 of its own, heading and words as written, none dropped, none folded into another,
    and each stays where it stood among the seven items."""
    result = imported["004"]
    assert result.unplaced_items == [] and "unplaced_items" not in result.data
    highlights = result.data["highlights"]
    assert "title" not in highlights  # no heading over them that the report did not write
    assert [s["heading"] for s in highlights["specialities"]] == [
        "以“队伍建设”为抓手，筑牢基层法治根基",
        "以“两大工程”为依托，提升基层群众综合素养",
        "以“边界”协作，共谋和谐稳定",
    ]
    team, works, border = (s["text"] for s in highlights["specialities"])
    assert team.startswith("充分发挥群防群治队伍") and "治安巡逻60余次" in team
    assert works.startswith("一是推普强基促团结。") and "二是林草共治守青山。" in works
    assert border.endswith("全年，双方成功开展4次面对面友好交流活动。")
    (measures,) = result.data["structure"][:1]
    assert measures["items"] == [
        "organisation.measures[0]",
        "study.measures[0]",
        "highlights.specialities[0]",
        "publicity.measures[0]",
        "disputes.measures[0]",
        "highlights.specialities[1]",
        "highlights.specialities[2]",
    ]
    # The 调解 item is its own, not a 二是 of 队伍建设.
    assert (
        result.data["disputes"]["measures"][0]["heading"] == "以“为民解困”为理念，夯实基层人民调解"
    )


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_to_confirm_lists_every_imported_answer(
    imported: dict[str, ImportResult], prefix: str
) -> None:
    data = imported[prefix].data
    confirm = set(data["to_confirm"])
    for key in filled_figures(data):
        assert key in confirm
    assert {"identity.unit_name", "identity.year"} <= confirm
    for key in confirm:
        section, name = key.split(".")
        assert data[section][name] not in (None, "", [])


def stated(blocks: Iterable[Block]) -> Counter[tuple[int | float, bool, str]]:
    """Figures (number, 余 mark, unit word) a report's body states."""
    return Counter((m.value, m.approx, m.unit) for m in original_figures(list(blocks)))


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_imported_seeds_build_with_their_figures(
    tmp_path: Path, prefix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from drafter.build import build_report

    answers = tmp_path / "答卷.yaml"
    assert main(["import", str(seed(prefix)), "-o", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "都保留在原来的句子里" in out
    result = build_report(answers, tmp_path / "报告.docx")
    draft = stated(read_blocks(result.docx))
    original = stated(read_blocks(seed(prefix)))
    unplaced = Counter(
        (f.mention.value, f.mention.approx, f.mention.unit)
        for f in import_path(seed(prefix)).in_text
        if f.where.startswith("unplaced_items")
    )
    missing = original - unplaced - draft
    assert not missing, f"figures lost or changed in the draft: {missing}"
    if unplaced:
        assert any(a.finding.rule == "unplaced" for a in result.answer_findings)


# --------------------------------------------------------------------------- round trip


def test_demo_docx_round_trip(tmp_path: Path, example_data: dict[str, Any]) -> None:
    from drafter.build import build_report, example_path

    built = build_report(example_path(), tmp_path / "demo.docx")
    data = to_data(import_file(built.docx))
    for key in ("unit_name", "unit_type", "county", "year", "addressee", "signers", "date"):
        assert data["identity"][key] == example_data["identity"][key], key
    assert data["identity"]["outline"] == example_data["identity"]["outline"]
    assert filled_figures(data) == filled_figures(example_data)
    assert "unplaced_items" not in data
    # The measures come back as the draft printed them: each topic one item, in the draft's
    # order, its heading the topic's title and its measures run in as 一是……二是…….
    measures = [p for p in data["structure"] if p["kind"] == "measures"]
    assert len(measures) == 1
    items = [resolve(data, path) for path in measures[0]["items"]]
    titled = [
        s.name
        for s in SECTIONS
        if s.name in TOPICS and s.name != "first_duty" and example_data[s.name].get("measures")
    ]
    assert [i["heading"] for i in items] == [example_data[t]["title"] for t in titled]
    for item, topic in zip(items, titled, strict=True):
        for measure in example_data[topic]["measures"]:
            assert measure["heading"] in item["text"], topic
    for key in ("problems.items", "plans.items", "first_duty.duties"):
        section, name = key.split(".")
        want = [i["heading"] for i in example_data[section][name]]
        got = [i["heading"] for i in data.get(section, {}).get(name, [])]
        if key == "first_duty.duties":
            # The duties run as 一是……: they come back as written, in one paragraph.
            text = "".join(i["text"] for i in data[section][name])
            assert all(h in text for h in want), key
        else:
            assert got == want, key
    for section, name in (("opening", "leadership"), ("opening", "goal")):
        assert data[section][name] == example_data[section][name]
    # The closing comes back whole: "我们将……" with the year the draft gave it ("2025年，").
    assert data["closing"]["text"].endswith(example_data["closing"]["text"])


# --------------------------------------------------------------------------- seeds as .docx


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_seeds_as_docx_import_the_same(
    tmp_path: Path, imported: dict[str, ImportResult], prefix: str
) -> None:
    # One seed with Word's automatic list numbering (numPr), as many real files have.
    auto = prefix == "001"
    text = seed(prefix).read_text(encoding="utf-8")
    path = write_docx(tmp_path / f"{prefix}.docx", text, auto_numbering=auto)
    from_docx = import_path(path)
    if auto:
        # Seed 001 writes "1.\xa0加强…"; Word's own list number is followed by a tab outside the
        # text, so the figures' sources, quoted as written, differ by that space alone.
        txt_report = imported[prefix].report()
        for figure in txt_report["figures"]:
            figure["source"] = re.sub(r"^(\d+\.)\s+", r"\1", figure["source"])
        assert from_docx.report() == txt_report
    else:
        assert from_docx.report() == imported[prefix].report()
    assert filled_figures(from_docx.data) == FIGURES[prefix]


@pytest.mark.parametrize("name", UNSEEN)
def test_unseen_reports_as_docx_import_the_same(tmp_path: Path, name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    path = write_docx(tmp_path / "报告.docx", text, auto_numbering=True)
    from_docx = import_path(path)
    assert from_docx.report() == import_path(FIXTURES / name).report()
    assert from_docx.data["identity"]["date"] == UNSEEN_IDENTITY[name][4]


# --------------------------------------------------------------------------- JSON contract

REPORT_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["identity", "parts", "figures"],
    "properties": {
        "identity": {
            "type": "object",
            "additionalProperties": False,
            "required": ["unit_name", "unit_type", "county", "year"],
            "properties": {
                "unit_name": {"type": "string"},
                "unit_type": {"enum": ["乡", "镇", "街道", "苏木"]},
                "county": {"type": ["string", "null"]},
                "year": {"type": "integer"},
            },
        },
        "parts": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "kind"],
                "properties": {"title": {"type": "string"}, "kind": {"type": "string"}},
            },
        },
        "figures": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["key", "label", "value", "approx", "source", "placed"],
                "properties": {
                    "key": {"type": "string", "minLength": 3},
                    "label": {"type": "string", "minLength": 1},
                    "value": {"type": "number"},
                    "approx": {"type": "boolean"},
                    "source": {"type": "string", "minLength": 1},
                    "placed": {"type": "boolean"},
                },
            },
        },
    },
}


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_json_report_follows_the_contract(
    tmp_path: Path, prefix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema

    out = tmp_path / "a.yaml"
    assert main(["import", str(seed(prefix)), "-o", str(out), "--report", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, REPORT_SCHEMA)
    figure_keys = {k for k, q in QUESTIONS.items() if q.kind == "figure"}
    placed = [f for f in report["figures"] if f["placed"]]
    assert {f["key"] for f in placed} == set(FIGURES[prefix])
    assert all(f["key"] in figure_keys for f in placed)
    # A figure left in its text names that text: an answers-file place, not a catalogue key.
    for figure in report["figures"]:
        if not figure["placed"]:
            assert re.fullmatch(
                r"[a-z_]+(\.[a-z_]+)?(\[\d+\](\.subitems\[\d+\])*)?(\.(text|heading))?",
                figure["key"],
            )
            assert figure["key"] not in figure_keys
    text = re.sub(r"\s+", "", seed(prefix).read_text(encoding="utf-8"))
    assert all(re.sub(r"\s+", "", f["source"]) in text for f in report["figures"])
    assert len(report["figures"]) == len(original_figures(read_blocks(seed(prefix))))
    assert out.exists()


# --------------------------------------------------------------------------- CLI and bad input


def test_existing_answers_file_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "答卷.yaml"
    out.write_text("# 我的答卷\n", encoding="utf-8")
    assert main(["import", str(seed("000")), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "# 我的答卷\n"
    assert main(["import", str(seed("000")), "-o", str(out), "--force"]) == 0
    assert "俄久乡" in out.read_text(encoding="utf-8")


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


def _corrupt_docx(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    path.write_bytes(buffer.getvalue()[:-30])


BAD_INPUTS = {
    "old.doc": (
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        ".docx",
    ),
    "report.wps": (
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "WPS",
    ),
    "empty.txt": (lambda p: p.write_bytes(b""), "空"),
    "corrupt.docx": (_corrupt_docx, "损坏"),
    "huge.txt": (lambda p: _sparse(p, 21 * 1024 * 1024), "太大"),
    "notes.txt": (lambda p: p.write_text("hello world\nsome notes\n", encoding="utf-8"), "不是"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_a_chinese_message(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = BAD_INPUTS[name]
    path = tmp_path / name
    make(path)
    out = tmp_path / "答卷.yaml"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
    assert not out.exists()


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "sentence",
    [
        "根据《2024年普法工作要点》和〔2025〕1号文件，第3次会议于2024年3月15日召开。",
        "利用3.15消费者权益日、4·15国家安全教育日、12.4宪法宣传周开展活动，拨打12345热线。",
        "一是加强学习，二是三项制度落实，做到“四个意识”。",
    ],
)
def test_years_dates_document_numbers_and_ordinals_are_not_figures(sentence: str) -> None:
    assert find_tokens(_for_matching(sentence)) == []


def test_figure_forms() -> None:
    tokens = find_tokens(
        _for_matching("发放资料１５００余份，约200人次，培训两次，共1.2万份，达到98%。")
    )
    assert [(t.value, t.approx, t.unit, t.rate) for t in tokens] == [
        (1500, True, "份", False),
        (200, True, "人次", False),
        (2, False, "次", False),
        (12000, False, "份", False),
        (98, False, "%", True),
    ]


# --------------------------------------------------------------------------- unseen styles

SUBDISTRICT = """城关街道2023年度法治政府建设情况报告
2023年，城关街道在区委、区政府的坚强领导下，以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：
一、2023年度推进法治政府建设的主要举措和成效
（一）强化组织领导。街道党工委把法治建设纳入重要议事日程，全年召开法治建设专题会议3次，听取法治工作汇报2次。
（二）深化普法宣传。依托《城关街道“八五”普法规划（2021—2025年）》开展“宪法进社区”活动，全年共开展普法宣传活动45场次，发放宣传资料3200余份，解答居民法律咨询260人次。
（三）化解矛盾纠纷。健全社区人民调解组织12个，全年调解矛盾纠纷86件，调解成功84件。受理信访事项40件，其中办结38件。按照〔2023〕5号文件要求开展排查。
二、存在的不足和原因
一是部分社区干部法治意识不强；二是普法形式较为单一。
三、党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记、办事处主任带头学法，全年主持党工委理论学习中心组学法4次。
四、2024年度工作安排
（一）持续深化普法宣传。创新宣传方式，提高群众法治意识。
（二）加强矛盾纠纷化解。坚持和发展新时代“枫桥经验”。
城关街道办事处
2024年1月10日
"""


def test_subdistrict_report() -> None:
    result = import_blocks(blocks_from_text(SUBDISTRICT))
    ident = result.report()["identity"]
    assert (ident["unit_name"], ident["unit_type"], ident["county"], ident["year"]) == (
        "城关街道",
        "街道",
        None,
        2023,
    )
    assert [p["kind"] for p in result.report()["parts"]] == [M, P, F, PL]
    assert result.data["identity"]["outline"] == "regulation"
    assert filled_figures(result.data) == {
        "publicity.activities": 45,
        "publicity.materials": "3200余",
        "publicity.consultations": 260,
        "disputes.organisations": 12,
        "disputes.mediated": 86,
        "disputes.resolved": 84,
    }
    # 专题会议 in the 组织领导 item and 中心组学法 in the 第一责任人 part stay in their sentences.
    in_text = {f.mention.raw: f.where for f in result.in_text}
    assert in_text["3次"] == "organisation.measures[0].text"
    assert in_text["4次"] == "first_duty.duties[0].text"
    assert result.data["identity"]["signers"] == ["城关街道办事处"]
    assert result.data["identity"]["date"] == "2024年1月10日"
    assert "unplaced_items" not in result.data


HALF_WIDTH = """杂色镇2024年度法治政府建设情况报告
2024年,在县委、县政府的坚强领导下,杂色镇以习近平新时代中国特色社会主义思想为指导,扎实推进法治政府建设.现将有关情况报告如下:
一,主要举措和成效
(一)加强法治宣传.全年共开展普法宣传活动30场次,发放宣传资料1,500余份,解答群众法律咨询850余人次.
(二)化解矛盾纠纷.全年调解矛盾纠纷20件,调解成功率100%.
二,存在的问题
一是法治意识不强;二是宣传形式单一.
三,下一步工作打算
(一)加强宣传.创新普法方式.
"""


def test_half_width_punctuation() -> None:
    result = import_blocks(blocks_from_text(HALF_WIDTH))
    assert [p["kind"] for p in result.report()["parts"]] == [M, P, PL]
    assert filled_figures(result.data) == {
        "publicity.activities": 30,
        "publicity.materials": "1500余",
        "publicity.consultations": "850余",
        "disputes.mediated": 20,
    }
    data = result.data
    assert data["publicity"]["measures"][0]["heading"] == "加强法治宣传"
    assert data["opening"]["guiding"] == "以习近平新时代中国特色社会主义思想为指导"
    assert [i["text"] for i in data["problems"]["items"]] == ["法治意识不强。", "宣传形式单一。"]
    assert data["plans"]["items"] == [{"heading": "加强宣传", "text": "创新普法方式。"}]


TRADITIONAL = """尼瑪縣俄久鄉2024年度法治政府建設情況報告
2024年，俄久鄉在縣委、縣政府的堅強領導下，以習近平新時代中國特色社會主義思想為指導，紮實推進法治政府建設。現將有關情況報告如下：
一、主要舉措和成效
（一）加強法治宣傳教育。全年共開展普法宣傳活動20場次，發放宣傳資料2000餘份，解答群眾法律諮詢50人次。
（二）依法化解矛盾糾紛。全年調解矛盾糾紛5件，調解成功率達到100%。
二、存在的問題和不足
一是法治意識有待提高；二是執法水平有待提升。
三、下一步工作計劃
（一）進一步加強普法宣傳。創新宣傳方式。
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_traditional_characters(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "繁體.txt"
    path.write_text(TRADITIONAL, encoding=encoding)
    result = import_path(path)
    ident = result.report()["identity"]
    assert (ident["unit_name"], ident["unit_type"], ident["year"]) == ("俄久乡", "乡", 2024)
    assert [p["kind"] for p in result.report()["parts"]] == [M, P, PL]
    assert filled_figures(result.data) == {
        "publicity.activities": 20,
        "publicity.materials": "2000余",  # written 2000餘份
        "publicity.consultations": 50,
        "disputes.mediated": 5,
    }
    # The draft is Simplified: the whole text converted by OpenCC (phrases included), nothing
    # left half-converted.
    assert result.data["publicity"]["measures"][0]["heading"] == "加强法治宣传教育"
    assert "扎实推进法治政府建设" in result.data["opening"]["text"]
    dumped = json.dumps(result.data, ensure_ascii=False)
    assert not has_traditional(dumped), dumped


def test_traditional_big5_text_file(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.replace("紮", "扎").encode("big5"))
    result = import_path(path)
    assert result.report()["identity"]["unit_name"] == "俄久乡"
    assert filled_figures(result.data)["publicity.activities"] == 20


def test_truncated_text() -> None:
    text = seed("000").read_text(encoding="utf-8")
    cut = text.index("二是加强法治文化建设") + 5  # mid-sentence, inside part one
    result = import_blocks(blocks_from_text(text[:cut]))
    ident = result.report()["identity"]
    assert (ident["unit_name"], ident["county"], ident["year"]) == ("俄久乡", "尼玛县", 2024)
    assert [p["kind"] for p in result.report()["parts"]] == [M]
    assert result.data["identity"]["outline"] == "three-part"
    assert filled_figures(result.data) == {
        "publicity.materials": 2000,
        "publicity.consultations": 5,
    }
    assert check_measures(result, blocks_from_text(text[:cut])) == []


def test_gbk_text_file(tmp_path: Path) -> None:
    path = tmp_path / "记事本.txt"
    path.write_bytes(seed("003").read_text(encoding="utf-8").encode("gb18030"))
    assert filled_figures(to_data(import_file(path))) == FIGURES["003"]


def test_a_jiedao_report_of_another_year_and_wording() -> None:
    """Not a seed: a 街道 report for 2025 with its own phrasing (fixture written for this test)."""
    from drafter.importer import import_path

    result = import_path(Path(__file__).parent / "fixtures" / "import_jiedao_2025.txt")
    report = result.report()
    assert report["identity"] == {
        "unit_name": "城关街道",
        "unit_type": "街道",
        "county": "和平县",
        "year": 2025,
    }
    assert [p["kind"] for p in report["parts"]] == ["measures", "problems", "first-duty", "plans"]
    figures = {f["key"]: (f["value"], f["approx"]) for f in report["figures"] if f["placed"]}
    assert figures["publicity.activities"] == (46, False)
    assert figures["publicity.materials"] == (3200, True)
    assert figures["decision.legality_reviews"] == (37, False)
    assert figures["review.lawsuits"] == (1, False)
    assert figures["review.appearances"] == (1, False)
    assert figures["first_duty.meetings"] == (4, False)
    # 信访 figures written in the 矛盾纠纷 item stay in that item's text.
    in_text = {f["source"][:6]: f["key"] for f in report["figures"] if not f["placed"]}
    assert in_text["受理信访事项"] == "disputes.measures[0].text"
    # "未发生行政复议案件" stays in its sentence and also fills the key with 0.
    assert figures["review.reconsiderations"] == (0, False)
    assert "未发生行政复议案件" in result.data["review"]["measures"][0]["text"]


def test_disputes_received_then_resolved_in_a_clean_unseen_report() -> None:
    from drafter.importer import import_path

    result = import_path(Path(__file__).parent / "fixtures" / "check_zhen_2024_clean.txt")
    figures = {f["key"]: f["value"] for f in result.report()["figures"]}
    assert figures["disputes.mediated"] == 40  # 受理矛盾纠纷40件
    assert figures["disputes.resolved"] == 38  # 其中调解成功38件
    assert figures["publicity.materials"] == 1200  # written 1,200
    assert result.report()["identity"]["county"] == "青山县"


def test_a_zero_stated_in_the_old_text_is_stated_once_in_the_draft(tmp_path: Path) -> None:
    from drafter.answers.file import save_answers
    from drafter.build import build_report
    from drafter.importer import import_file

    seed = next((Path(__file__).parent.parent / "seeds").glob("002_*.txt"))
    path = tmp_path / "a.yaml"
    save_answers(path, to_data(import_file(seed)))
    text = "".join(b.full_text for b in build_report(path, tmp_path / "a.docx").blocks)
    assert text.count("行政诉讼应诉案件") + text.count("未发生行政复议和行政诉讼案件") == 1


# --------------------------------------------------------------------------- unseen-style reports

# Written for these tests in wordings the seeds do not use: a 街道 report signed by its 工作委员会
# and 办事处, a report dated 二〇二五年, one with figures in odd places, and a county's.
UNSEEN_IDENTITY = {
    "import_jiedao_2025.txt": ("城关街道", "街道", "和平县", 2025, "2026年1月20日"),
    "import_jiedao_qingshi_2024.txt": ("青石街道", "街道", None, 2024, "2025年1月8日"),
    "import_xiang_odd_figures_2024.txt": ("甘都回族乡", "乡", "平川县", 2024, "2025年1月16日"),
    "import_zhen_cn_dates_2024.txt": ("河口镇", "镇", "宁远县", 2024, "2025年1月15日"),
    "import_zhen_gangyao_2024.txt": ("白马镇", "镇", "清河县", 2024, "2025年1月12日"),
}


@pytest.mark.parametrize("name", UNSEEN)
def test_unseen_reports_identity_and_date(name: str) -> None:
    result = import_path(FIXTURES / name)
    ident = result.report()["identity"]
    unit, unit_type, county, year, date = UNSEEN_IDENTITY[name]
    assert (ident["unit_name"], ident["unit_type"], ident["county"], ident["year"]) == (
        unit,
        unit_type,
        county,
        year,
    )
    assert result.data["identity"]["date"] == date
    assert result.data["identity"]["signers"]
    assert result.identity.disagreements == []


@pytest.mark.parametrize("name", UNSEEN)
def test_unseen_reports_keep_every_figure_and_sentence(name: str) -> None:
    result = import_path(FIXTURES / name)
    blocks = read_blocks(FIXTURES / name)
    assert check_figures(result, blocks) == []
    assert check_measures(result, blocks) == []
    assert "unplaced_items" not in result.data


@pytest.mark.parametrize("name", UNSEEN)
def test_unseen_reports_build_dated_with_every_figure(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from drafter.build import build_report

    answers = tmp_path / "答卷.yaml"
    assert main(["import", str(FIXTURES / name), "-o", str(answers)]) == 0
    capsys.readouterr()
    result = build_report(answers, tmp_path / "报告.docx")
    blocks = read_blocks(result.docx)
    missing = stated(read_blocks(FIXTURES / name)) - stated(blocks)
    assert not missing, f"figures lost or changed in the draft: {missing}"
    dates = [b.text for b in blocks if b.kind == "date"]
    assert dates == [UNSEEN_IDENTITY[name][4]]


def test_figures_are_kept_as_written_not_squeezed_into_keys() -> None:
    result = import_path(FIXTURES / "import_jiedao_qingshi_2024.txt")
    filled = filled_figures(result.data)
    where = {f.mention.raw: f.where for f in result.figures}
    # 次 is not 场次, 册 is not 份, 多 and 约 are not 余: all stay only in their sentences.
    for raw in ("12次", "1800余册", "约300人次", "100多件"):
        assert not result.figures[[f.mention.raw for f in result.figures].index(raw)].placed
    assert where["100多件"] == "disputes.measures[0].text"
    assert "publicity.activities" not in filled and "publicity.materials" not in filled
    assert filled["publicity.legal_understanders"] == 96
    assert filled["study.lectures"] == 3 and filled["decision.legality_reviews"] == 41


def test_figures_in_odd_places_stay_where_they_were_written() -> None:
    result = import_path(FIXTURES / "import_xiang_odd_figures_2024.txt")
    where = {f.mention.raw: f.where for f in result.figures}
    data = result.data
    assert where["210人次"] == "opening.text"  # in the opening paragraph, printed as written
    # In a heading: kept there, not restated.
    assert where["42场次"] == "publicity.measures[0].heading"
    heading = data["publicity"]["measures"][0]["heading"]
    assert heading == "组织开展普法宣传活动42场次，群众法治意识明显增强"
    assert where["5名"].startswith("problems.items")  # a figure in the problems
    assert where["45场次"].startswith("plans.items")  # a target in the plans
    assert where["95%以上"] == "closing.text"  # and in the closing
    pairs = {(f.mention.raw, f.where) for f in result.figures}
    assert ("1次", "publicity.measures[0].text") in pairs  # 每季度1次: a frequency, not a count
    assert ("1次", "problems.items[0].text") in pairs
    assert "publicity.activities" not in filled_figures(data)
    assert filled_figures(data)["disputes.resolved"] == 70  # 其中调解成功70件, after its whole
    assert "20多次" in data["study"]["measures"][0]["text"]


def test_a_report_dated_in_chinese_numerals(tmp_path: Path) -> None:
    result = import_path(FIXTURES / "import_zhen_cn_dates_2024.txt")
    assert result.data["identity"]["year"] == 2024
    assert result.date_source == "二〇二五年一月十五日"
    plans = result.data["plans"]["items"]
    assert plans[0]["heading"].startswith("加强法治队伍建设")


def test_a_county_level_report_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "答卷.yaml"
    assert main(["import", str(FIXTURES / "import_county_2024.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "县级报告" in err and "清源县人民政府" in err and "Traceback" not in err
    assert not out.exists()


LEAD_WITHOUT_A_TOPIC = """清水县白石乡2024年度法治政府建设情况报告
2024年，白石乡在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：
一、主要举措和成效
这一年来，白石乡干部群众同心协力，克服了地处偏远、交通不便的困难。
（一）深化普法宣传。全年开展普法宣传活动12场次，发放宣传资料800份。
（二）规范行政执法。持证执法人员8名，全年组织执法培训2次。
二、存在的不足
一是普法形式单一。二是执法力量不足。
三、2025年工作打算
一是创新普法形式。二是充实执法力量。
白石乡人民政府
2025年1月10日
"""


def test_a_lead_without_a_topic_stays_where_the_report_wrote_it(tmp_path: Path) -> None:
    """A paragraph with no heading and no topic before the items is the part's lead: it stays
    first in its part, before （一）, nothing listed for the user to move."""
    report = tmp_path / "白石乡.txt"
    report.write_text(LEAD_WITHOUT_A_TOPIC, encoding="utf-8")
    result = import_path(report)
    assert result.unplaced_items == []
    paragraphs = [b.full_text for b in render_blocks(result.answers)]
    part = paragraphs.index("一、主要举措和成效")
    assert (
        paragraphs[part + 1] == "这一年来，白石乡干部群众同心协力，克服了地处偏远、交通不便的困难。"
    )
    assert paragraphs[part + 2].startswith("（一）深化普法宣传。")


def test_import_lists_what_it_could_not_place_and_build_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A heading in the opening that no question fits ("（一）基本情况" before the first part):
    listed, and every build warns about it (a finding against the answers file) until the user
    moves it. (A report copied short keeps its cut end in place: tests/test_import_cut_short.py.)"""
    odd = LEAD_WITHOUT_A_TOPIC.replace("报告如下：\n", "报告如下：\n（一）基本情况\n")
    report = tmp_path / "白石乡.txt"
    report.write_text(odd, encoding="utf-8")
    out = tmp_path / "答卷.yaml"
    assert main(["import", str(report), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "unplaced_items" in printed and "（一）基本情况" in printed
    text = out.read_text(encoding="utf-8")
    assert "无法确定该放在哪一部分" in text and "（一）基本情况" in text
    from drafter.build import build_report

    result = build_report(out, tmp_path / "报告.docx")
    (found,) = [a for a in result.answer_findings if a.finding.rule == "unplaced"]
    assert found.key == "unplaced_items" and found.finding.severity == "warning"
    assert found.finding.excerpt.startswith("（一）基本情况")
    assert "没有写进报告" in found.finding.message
    assert main(["build", str(out), "-o", str(tmp_path / "报告2.docx")]) == 1
    printed = capsys.readouterr().out
    assert "导入时无法确定位置的内容第1条（unplaced_items）" in printed
    assert "[警告]" in printed


def test_items_named_after_the_outline_of_the_national_plan_each_keep_their_own_topic() -> None:
    """（一）依法全面履行政府职能 … （七）全面提升……依法行政能力: seven items, seven topics."""
    result = import_path(FIXTURES / "import_zhen_gangyao_2024.txt")
    data = result.data
    (measures,) = [p for p in data["structure"] if p["kind"] == KIND_MEASURES]
    assert len(measures["items"]) == 7 and not result.unplaced_items
    topics = [path.split(".")[0] for path in measures["items"]]
    assert len(set(topics)) == 7  # one topic each, in the report's order
    titles = {
        t: resolve(data, p)["heading"] for t, p in zip(topics, measures["items"], strict=True)
    }
    assert titles["decision"] == "推进行政决策科学化、民主化、法治化"
    assert titles["enforcement"] == "坚持严格规范公正文明执法"
    assert titles["openness"] == "强化对行政权力的制约和监督"
    assert titles["study"] == "全面提升政府工作人员法治思维和依法行政能力"
    assert data["problems"]["causes"].startswith("产生这些问题的原因")
    # 受理信访事项22件 sits in the 矛盾纠纷 item: it stays there, not in 信访.
    assert "petitions" not in data
