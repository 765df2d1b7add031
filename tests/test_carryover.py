"""Next year from last year: carry-over, follow-ups, comparison and schema migration."""

from __future__ import annotations

import io
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.carryover import (
    carried_notes,
    change_text,
    comparison_blocks,
    comparison_rows,
    figure_warning,
    run_compare_command,
    start_from_last,
)
from drafter.answers.file import SCHEMA_VERSION, read_answers_file, save_answers
from drafter.answers.model import to_data, validate_answers
from drafter.errors import DrafterError
from drafter.questionnaire import run_new, skip_reason
from drafter.questions import QUESTIONS, SECTIONS, get_answer
from drafter.text.figures import Figure
from tests.test_questionnaire import (  # noqa: F401  (_no_hang: a hung session fails loudly)
    CTRL_C,
    CTRL_U,
    ENTER,
    _no_hang,
    docx_text,
    drive,
    keys_for,
)

FIXTURES = Path(__file__).parent / "fixtures"

MEASURE = (
    "结合“12·4”国家宪法日等节点开展进村宣讲，组织干部逐户发放资料、现场答疑，群众法治意识明显提高。"
)
YEAR1: dict[str, Any] = {
    "identity.unit_name": "俄久乡",
    "identity.county": "尼玛县",
    "identity.year": "2024",
    "identity.date": "2025年1月20日",
    "study.center_group": "6",
    "publicity.activities": "30",
    "publicity.materials": "1500余",
    "publicity.legal_understanders": "124",
    "disputes.mediated": "12",
    "disputes.resolved": "11",
    "petitions.received": "20",
    "petitions.resolved": "18",
    "problems.items": [
        (
            "法治意识有待进一步提高",
            "部分干部运用法治思维和法治方式解决问题的能力不强，重政策、轻法律的现象仍然存在。",
        ),
        ("行政执法水平有待进一步提升", "执法人员业务能力参差不齐，执法文书不够规范。"),
    ],
    "plans.items": [
        (
            "进一步提升行政执法水平",
            "组织执法人员参加业务培训，严格落实行政执法“三项制度”，规范执法程序。",
        ),
        (
            "进一步增强法治宣传教育效果",
            "创新宣传形式，深入推进“法律九进”，营造尊法学法守法用法的良好氛围。",
        ),
    ],
}
# Every topic gets two measures, as a real first year does.
for _q in QUESTIONS.values():
    if _q.kind == "items" and _q.carry and _q.key not in YEAR1:
        YEAR1[_q.key] = [(str(n), f"{_q.label}第{n}条：{MEASURE}") for n in (1, 2)]

YEAR2_FIGURES = {
    "identity.date": "2026年1月15日",
    "study.center_group": "7",
    "publicity.activities": "100",  # ×3: the user is asked to confirm
    "publicity.materials": "1800余",
    "publicity.legal_understanders": "130",
    "disputes.mediated": "15",
    "disputes.resolved": "14",
    "petitions.received": "18",
    "petitions.resolved": "18",
}
FOLLOWUPS = [("1", "全年组织执法培训4次，执法文书全部规范。"), ("2", "新建法治文化广场1处。")]
FIXES = [("1", "开展领导干部法治专题培训2期。"), ("3", "")]


def year1_keys() -> str:
    data: dict[str, Any] = {}
    keys = ""
    for section in SECTIONS:
        for q in section.questions:
            if skip_reason(q.key, data):
                continue  # not asked (开头段原文 outside an import): no keys
            answer = YEAR1.get(q.key)
            keys += keys_for(q, answer, data)
            if isinstance(answer, str):
                data.setdefault(q.section, {})[q.name] = answer
    return keys + ENTER


def year2_keys(data: Mapping[str, Any]) -> str:
    """Only figures change; carried answers are confirmed; plans and problems followed up."""
    keys = ""
    for section in SECTIONS:
        for q in section.questions:
            if skip_reason(q.key, data):
                continue  # not asked (开头段原文 outside an import): no keys
            if q.key == "rectification.items":
                keys += "".join(s + ENTER + t + ENTER for s, t in FIXES)
                keys += ENTER  # the 整改 items are shown as a list: Enter keeps them
                continue
            if q.key == "plans.items":
                keys += "".join(s + ENTER + t + ENTER for s, t in FOLLOWUPS)
                keys += ENTER  # no new plans typed in this test
                continue
            answer = YEAR2_FIGURES.get(q.key)
            value = get_answer(data, q.key)
            if q.kind == "items":
                keys += ENTER  # carried items: the list is shown, Enter keeps it
            elif answer is None and value not in (None, "", []):
                keys += ENTER
            else:
                keys += keys_for(q, answer, data)
            if q.key == "publicity.activities":
                keys += ENTER  # "相差很大，请确认": Enter = the figure is right
    return keys + ENTER


def test_two_year_scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    keys1 = year1_keys()
    code, _ = drive(keys1, run_new, None)
    assert code == 0
    last = tmp_path / "俄久乡2024年度法治政府建设答卷.yaml"
    assert (tmp_path / "output" / "俄久乡2024年度法治政府建设情况报告.docx").exists()

    keys2 = year2_keys(to_data(start_from_last(last)))
    code, log = drive(keys2, run_new, None, from_last=last)
    assert code == 0
    this = tmp_path / "俄久乡2025年度法治政府建设答卷.yaml"
    shown = "\n".join(log)
    assert "去年：30场次" in shown and "相差很大" in shown
    assert (
        "去年计划：进一步提升行政执法水平" in shown
        and "去年的不足：法治意识有待进一步提高" in shown
    )

    data = read_answers_file(this).data
    assert "to_confirm" not in data
    model = validate_answers(data)
    assert model.get("identity.year") == 2025
    assert model.get("publicity.activities") == Figure(100)
    assert [f.status for f in model.followups] == ["done", "partly"]
    docx = tmp_path / "output" / "俄久乡2025年度法治政府建设情况报告.docx"
    text = docx_text(docx)
    assert "俄久乡2025年度法治政府建设情况报告" in text.replace("\n", "")
    assert "2024年" not in text  # no stale year anywhere
    assert MEASURE[:20] in text  # carried texts
    assert "全年组织执法培训4次，执法文书全部规范" in text  # plan follow-ups
    assert "新建法治文化广场1处" in text
    assert "开展领导干部法治专题培训2期" in text and "尚未完成整改" in text  # 整改
    assert "100场次" in text and "1800余份" in text

    # The comparison table, when asked.
    from drafter.build import build_report

    result = build_report(this, tmp_path / "with-table.docx", extra=comparison_blocks(last, this))
    from docx import Document

    tables = Document(str(result.docx)).tables
    assert tables, "the 附表 is missing"
    cells = [[c.text for c in row.cells] for row in tables[0].rows]
    assert cells[0] == ["项目", "2024年", "2025年", "增减"]
    assert ["普法宣传活动（场次）", "30", "100", "+70（+233.3%）"] in cells
    assert "附表：2024年与2025年主要数据对照" in docx_text(result.docx)

    # Counting keystrokes: the second year needs at most a quarter of the first's.
    assert len(keys2) * 4 <= len(keys1), (len(keys1), len(keys2))


def _write_year(path: Path, data: dict[str, Any]) -> Path:
    save_answers(path, data)
    return path


@pytest.fixture
def last_year(tmp_path: Path) -> Path:
    from drafter.build import example_path

    path = tmp_path / "last.yaml"
    shutil.copy(example_path(), path)
    return path


def test_start_from_last_carries_texts_and_keeps_last_years_figures(last_year: Path) -> None:
    data = to_data(start_from_last(last_year))
    assert get_answer(data, "identity.year") == 2025
    assert get_answer(data, "identity.unit_name") == "俄久乡"
    assert get_answer(data, "identity.date") is None  # not carried
    assert get_answer(data, "publicity.activities") is None  # figures start empty
    assert get_answer(data, "organisation.measures")  # texts carried
    assert get_answer(data, "plans.items") == []  # plans come back as follow-ups instead
    assert data["last_year"]["figures"]["publicity.activities"] == 20
    assert data["last_year"]["plans"][0]["heading"] == "进一步提高法治意识"
    assert data["to_confirm"][0] == "identity.unit_name"


def test_stale_years_and_superseded_terms_are_found(last_year: Path) -> None:
    started = start_from_last(last_year)
    notes = carried_notes(started)
    # The example's 工作方案 sentence names 2024: stale in a 2025 report.
    assert any("2024年" in m for m in notes["organisation.measures"])
    data = to_data(started)
    data["publicity"]["measures"][0]["text"] += "严格执行《信访条例》，深化“七五”普法。"
    messages = " ".join(carried_notes(validate_answers(data))["publicity.measures"])
    assert "信访工作条例" in messages and "八五" in messages
    # A plan period (2021—2025年) is not a stale year.
    data["study"]["measures"][0]["text"] = "落实《法治政府建设实施纲要（2021—2025年）》。"
    assert "study.measures" not in carried_notes(validate_answers(data))


def test_year_dependent_wording_is_refreshed(tmp_path: Path, last_year: Path) -> None:
    loaded = read_answers_file(last_year)
    data = loaded.data
    data["opening"]["guiding"] = (
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神"
    )
    save_answers(last_year, data, base=loaded)
    guiding = start_from_last(last_year).text("opening.guiding")
    assert guiding.endswith("党的二十大和二十届二中、三中、四中全会精神")


@pytest.mark.parametrize(
    ("key", "last", "new", "expected"),
    [
        ("publicity.activities", 30, 100, "相差很大"),
        ("publicity.activities", 30, 9, "相差很大"),
        ("publicity.activities", 30, 45, None),
        ("publicity.legal_understanders", 124, 100, "累计数"),
        ("publicity.legal_understanders", 124, 130, None),
        ("publicity.activities", None, 100, None),
    ],
)
def test_figure_warnings(key: str, last: Any, new: Any, expected: str | None) -> None:
    section, name = key.split(".")
    data = {
        "last_year": {"figures": {key: last} if last is not None else {}},
        section: {name: new},
    }
    warning = figure_warning(QUESTIONS[key], validate_answers(data))
    assert (warning is None) if expected is None else (expected in (warning or ""))


@pytest.mark.parametrize(
    ("old", "new", "text"),
    [
        (Figure(30), Figure(45), "+15（+50%）"),
        (Figure(30), Figure(20), "-10（-33.3%）"),
        (Figure(5), Figure(5), "持平"),
        (Figure(0), Figure(3), "+3（去年为0）"),
        (Figure(1500, True), Figure(1800, True), "约+300（+20%）"),
        (None, Figure(3), "—"),
    ],
)
def test_change_is_computed(old: Figure | None, new: Figure | None, text: str) -> None:
    assert change_text(old, new) == text


def test_compare_command_prints_every_figure_and_rates(tmp_path: Path, last_year: Path) -> None:
    data = to_data(start_from_last(last_year))
    data["publicity"]["activities"] = 25
    data["disputes"]["mediated"] = 8
    data["disputes"]["resolved"] = 6
    this = _write_year(tmp_path / "this.yaml", data)
    out = io.StringIO()
    assert run_compare_command(last_year, this, out) == 0
    text = out.getvalue()
    assert "普法宣传活动（场次）" in text and "+5（+25%）" in text
    assert "发放宣传资料（份）" in text and "2000" in text  # reported last year only
    assert "调解成功率" in text and "-25个百分点" in text  # 100% → 75%
    rows = comparison_rows(
        validate_answers(read_answers_file(last_year).data), validate_answers(data)
    )
    assert rows[0] == ["项目", "2024年", "2025年", "增减"]


# --------------------------------------------------------------------------- migration


def test_v0_fixture_loads_migrated() -> None:
    loaded = read_answers_file(FIXTURES / "answers_v0.yaml")
    assert loaded.migrated_from == 0 and loaded.unknown == []
    model = validate_answers(loaded.data)
    assert model.get("identity.unit_name") == "俄久乡"
    assert model.get("publicity.materials") == Figure(1500, approx=True)
    assert model.get("plans.items")[0].heading == "进一步提升行政执法水平"
    assert model.get("organisation.measures")[0].text.startswith("成立由")


def test_migration_is_shown_and_saved_only_after_confirmation(tmp_path: Path) -> None:
    original = (FIXTURES / "answers_v0.yaml").read_bytes()
    path = tmp_path / "old.yaml"
    path.write_bytes(original)
    _, log = drive("n" + ENTER, run_new, path)
    shown = "\n".join(log)
    assert "单位全称：键名由 identity.name 改为 identity.unit_name" in shown
    assert "4 个数字由 {value, approx} 写法改为 30 或 1500余" in shown
    assert path.read_bytes() == original and not (tmp_path / "old.v0.yaml").exists()

    drive(ENTER + CTRL_C, run_new, path)  # agree, then stop at the first question
    assert (tmp_path / "old.v0.yaml").read_bytes() == original  # the old file, untouched
    migrated = read_answers_file(path)
    assert migrated.data["schema_version"] == SCHEMA_VERSION and migrated.migrated_from is None
    assert get_answer(migrated.data, "identity.unit_name") == "俄久乡"


def test_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    path.write_text("schema_version: 99\nidentity:\n  unit_name: 俄久乡\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="较新版本"):
        run_new(path)
    with pytest.raises(DrafterError, match="较新版本"):
        start_from_last(path)


def test_from_last_shows_notes_and_resumes_existing(tmp_path: Path, last_year: Path) -> None:
    this = tmp_path / "this.yaml"
    _, log = drive(CTRL_C, run_new, this, from_last=last_year)
    shown = "\n".join(log)
    assert "可能过时" in shown and "2024年" in shown
    assert read_answers_file(this).data["last_year"]["year"] == 2024
    # Running again resumes the same file (never overwritten by a fresh carry-over).
    _, log = drive(ENTER + CTRL_U + CTRL_C, run_new, this, from_last=last_year)
    assert any("接着上次的进度" in line for line in log)
