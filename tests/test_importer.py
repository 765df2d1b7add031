"""Import: last year's report (.txt/.docx) → answers file, JSON report, unplaced figures.

The five seeds are real reports; the unseen-style inputs (街道, half-width punctuation,
Traditional characters, a truncated text) are written here so the rules are tried on text they
were not written from.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

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
from drafter.mentions import find_tokens
from drafter.mentions import for_matching as _for_matching
from drafter.outline import Block
from drafter.questions import QUESTIONS
from drafter.reader import blocks_from_text, read_blocks
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
# Every catalogue figure each seed must fill, as the answers file stores it ("1500余" = approx).
FIGURES: dict[str, dict[str, Any]] = {
    "000": {
        "publicity.activities": 20,  # "开展法治宣传活动20次"
        "publicity.materials": 2000,
        "publicity.consultations": 5,
        "study.center_group": 3,
        "study.exams": 2,
        "disputes.mediated": 5,
        "disputes.resolved": 5,  # "调解成功率达到100%" with 5件: exact
        "first_duty.meetings": 2,  # "全年召开2次专题会议研究部署法治工作"
    },
    "001": {
        "first_duty.meetings": 10,
        "study.cadre_sessions": 58,
        "publicity.activities": 30,
        "publicity.materials": "1500余",
        "publicity.consultations": "850余",
        "decision.major_decisions": 1,
        "disputes.mediated": 39,  # 92% of 39 is not a whole number: no resolved count
        "petitions.backlog_resolved": 4,
    },
    "002": {
        "study.center_group": 6,
        "study.lectures": 4,
        "study.exam_participants": 240,
        "study.exams": 6,
        "publicity.legal_understanders": 124,
        "publicity.consultations": "240余",
        "first_duty.meetings": 5,
        "enforcement.trainings": 4,
        "review.reconsiderations": 0,  # "无行政复议答复和行政诉讼应诉案件"
        "review.lawsuits": 0,
        "disputes.mediated": "100余",  # 98% of an approximate count: no resolved count
    },
    "003": {
        "disputes.mediated": 52,
        "disputes.resolved": 52,
        "petitions.received": 189,
        "petitions.resolved": 173,
    },
    "004": {
        "first_duty.meetings": 2,
        "first_duty.reports_heard": 2,
        "study.center_group": 7,
        "study.cadre_sessions": "70余",
        "study.lectures": 8,
        "publicity.activities": "30余",
        "publicity.materials": "5000余",
        "publicity.audience": "6000余",
        "disputes.organisations": 7,
        "disputes.mediators": 71,
        "disputes.screenings": "90余",
        "disputes.mediated": 11,
    },
}
# Some of the numbers each seed must leave for the user to place: (value, unit).
UNPLACED = {
    "000": set(),
    "001": {(92, "%"), (5, "次"), (4, "批次"), (4, "件")},
    "002": {(98, "%"), (150, "人次"), (1, "次"), (500, "次")},
    "003": {(16, "件")},
    "004": {(46, "万元"), (2, "起"), (15, "天"), (250, "名"), (9, "名")},
}
SEED_IDS = sorted(IDENTITY)


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
    unplaced = {(u["value"], u["unit"]) for u in result.data["unplaced_figures"]}
    assert UNPLACED[prefix] <= unplaced
    for entry in result.data["unplaced_figures"]:
        assert str(entry["value"]) in entry["sentence"].translate(str.maketrans("", "", ","))
    # Every figure's source is a real sentence of the report holding that number.
    text = seed(prefix).read_text(encoding="utf-8")
    for figure in result.report()["figures"]:
        if figure["value"]:
            assert figure["source"] in text
            assert figure["label"] == QUESTIONS[figure["key"]].label


def test_seed_000_items_and_texts(imported: dict[str, ImportResult]) -> None:
    data = imported["000"].data
    assert data["organisation"]["title"] == "加强组织领导，健全法治政府建设工作机制"
    assert [m["heading"] for m in data["organisation"]["measures"]] == [
        "健全领导机制",
        "完善制度体系",
    ]
    # 三是强化领导干部学法用法 sits under 普法 in the original but is a study measure.
    assert [m["heading"] for m in data["study"]["measures"]] == ["强化领导干部学法用法"]
    assert [m["heading"] for m in data["petitions"]["measures"]] == ["推进信访工作法治化"]
    assert len(data["problems"]["items"]) == 4
    assert data["first_duty"]["duties"][0]["heading"] == "加强组织领导，落实法治建设责任"
    assert len(data["plans"]["items"]) == 5
    assert data["opening"]["leadership"] == "在县委、县政府的坚强领导下"
    assert data["closing"]["text"].startswith("我们将以习近平新时代中国特色社会主义思想为指引")
    # The placed figures' sentences are gone from the measure texts (the draft writes them once).
    publicity = "".join(m["text"] for m in data["publicity"]["measures"])
    assert "2000" not in publicity and "20次" not in publicity


def test_seed_002_problems_and_rectification(imported: dict[str, ImportResult]) -> None:
    data = imported["002"].data
    assert [i["heading"] for i in data["problems"]["items"] if i["heading"]] == [
        "基层工作繁杂",
        "沟通不畅",
    ]
    assert data["rectification"]["items"][0]["text"].startswith("四棵树乡继续强化组织保障")
    assert len(data["plans"]["items"]) == 6


def test_seed_001_repeated_sentence_and_honour_imported_once(
    imported: dict[str, ImportResult],
) -> None:
    data = imported["001"].data
    assert data["highlights"]["honours"] == ["杂色镇司法所荣获市级普法一等奖奖项。"]
    texts = "".join(
        m["text"] for section in ("publicity", "disputes") for m in data[section]["measures"]
    )
    assert texts.count("通过联动工作体系") == 1
    assert "荣获" not in texts


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


def figure_values(blocks: Iterable[Block]) -> set[tuple[int | float, bool]]:
    """Counts (not rates, years or dates) stated in a report's body."""
    values = set()
    for block in blocks:
        if block.kind in ("title", "date"):
            continue
        for token in find_tokens(_for_matching(block.full_text)):
            if not token.rate:
                values.add((token.value, token.approx))
    return values


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_imported_answers_build_into_the_seeds_figures(
    tmp_path: Path, prefix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from drafter.build import build_report

    answers = tmp_path / "答卷.yaml"
    assert main(["import", str(seed(prefix)), "-o", str(answers)]) == 0
    assert "已填入数字" in capsys.readouterr().out
    result = build_report(answers, tmp_path / "报告.docx")
    built = figure_values(read_blocks(result.docx))
    assert built == figure_values(read_blocks(seed(prefix)))
    # Seed 001 repeats a whole sentence; import keeps it once. (Seed 002 repeats an item heading,
    # which stays for the user to see: the check reports it as a warning.)
    assert not [
        f for f in result.findings if f.rule == "duplicate-sentence" and f.severity == "error"
    ]


# --------------------------------------------------------------------------- round trip


def test_demo_docx_round_trip(tmp_path: Path, example_data: dict[str, Any]) -> None:
    from drafter.build import build_report, example_path

    built = build_report(example_path(), tmp_path / "demo.docx")
    data = import_file(built.docx)
    for key in ("unit_name", "unit_type", "county", "year", "addressee", "signers", "date"):
        assert data["identity"][key] == example_data["identity"][key], key
    assert data["identity"]["outline"] == example_data["identity"]["outline"]
    assert filled_figures(data) == filled_figures(example_data)
    assert data["unplaced_figures"] == []
    for key, q in QUESTIONS.items():
        section, name = key.split(".")
        if q.kind == "items":
            items = example_data[section][name] or []
            got_items = data.get(section, {}).get(name, [])
            if len(items) == 1:
                # A single item has no heading of its own in a draft: its heading opens its text.
                got_text = "".join(i["heading"] + i["text"] for i in got_items)
                assert items[0]["heading"] in got_text, key
                continue
            want = [i["heading"] for i in items]
            got = [i["heading"] for i in got_items]
            assert got == want, key
        # first_duty.title is not in a regulation-order draft (its part heading is fixed).
        if name == "title" and section != "first_duty" and example_data[section].get("title"):
            assert data[section]["title"] == example_data[section]["title"], key
    for section, name in (("opening", "leadership"), ("opening", "goal")):
        assert data[section][name] == example_data[section][name]
    # "我们将……" gets the year it speaks of in the draft ("2025年，我们将……").
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
    assert from_docx.report() == imported[prefix].report()
    assert filled_figures(from_docx.data) == FIGURES[prefix]


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
                "required": ["key", "label", "value", "approx", "source"],
                "properties": {
                    "key": {"enum": sorted(k for k, q in QUESTIONS.items() if q.kind == "figure")},
                    "label": {"type": "string"},
                    "value": {"type": "number"},
                    "approx": {"type": "boolean"},
                    "source": {"type": "string", "minLength": 1},
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
    assert {f["key"] for f in report["figures"]} == set(FIGURES[prefix])
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
        "first_duty.meetings": 3,
        "first_duty.reports_heard": 2,
        "publicity.activities": 45,
        "publicity.materials": "3200余",
        "publicity.consultations": 260,
        "disputes.organisations": 12,
        "disputes.mediated": 86,
        "disputes.resolved": 84,
        "petitions.received": 40,
        "petitions.resolved": 38,
        "study.center_group": 4,
    }
    assert result.data["identity"]["signers"] == ["城关街道办事处"]
    assert result.data["identity"]["date"] == "2024年1月10日"
    assert result.data["unplaced_figures"] == []


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
        "disputes.resolved": 20,
    }
    data = result.data
    assert data["publicity"]["title"] == "加强法治宣传"
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
        "publicity.materials": "2000余",
        "publicity.consultations": 50,
        "disputes.mediated": 5,
        "disputes.resolved": 5,
    }
    # The user's text is kept as written (not half-converted).
    assert result.data["publicity"]["title"] == "加強法治宣傳教育"


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
        "publicity.activities": 20,
        "publicity.materials": 2000,
        "publicity.consultations": 5,
    }


def test_gbk_text_file(tmp_path: Path) -> None:
    path = tmp_path / "记事本.txt"
    path.write_bytes(seed("003").read_text(encoding="utf-8").encode("gb18030"))
    assert filled_figures(import_file(path)) == FIGURES["003"]


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
    figures = {f["key"]: (f["value"], f["approx"]) for f in report["figures"]}
    assert figures["publicity.activities"] == (46, False)
    assert figures["publicity.materials"] == (3200, True)
    assert figures["decision.legality_reviews"] == (37, False)
    assert figures["petitions.received"] == (58, False)
    assert figures["petitions.resolved"] == (58, False)
    assert figures["review.lawsuits"] == (1, False)
    assert figures["review.reconsiderations"] == (0, False)
    assert figures["first_duty.meetings"] == (4, False)


def test_disputes_received_then_resolved_in_a_clean_unseen_report() -> None:
    from drafter.importer import import_path

    result = import_path(Path(__file__).parent / "fixtures" / "check_zhen_2024_clean.txt")
    figures = {f["key"]: f["value"] for f in result.report()["figures"]}
    assert figures["disputes.mediated"] == 40  # 受理矛盾纠纷40件
    assert figures["disputes.resolved"] == 38  # 其中调解成功38件
    assert figures["publicity.materials"] == 1200  # written 1,200
    assert result.report()["identity"]["county"] == "青山县"


def test_a_zero_stated_in_the_old_text_is_stated_once_in_the_draft(tmp_path: Path) -> None:
    from drafter.answers import save_answers
    from drafter.build import build_report
    from drafter.importer import import_file

    seed = next((Path(__file__).parent.parent / "seeds").glob("002_*.txt"))
    path = tmp_path / "a.yaml"
    save_answers(path, import_file(seed))
    text = "".join(b.full_text for b in build_report(path, tmp_path / "a.docx").blocks)
    assert text.count("行政诉讼应诉案件") + text.count("未发生行政复议和行政诉讼案件") == 1
