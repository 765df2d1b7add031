"""The questionnaire: pure helpers, and the real prompt_toolkit session driven by piped keys."""

from __future__ import annotations

import faulthandler
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from drafter.answers.file import read_answers_file
from drafter.answers.model import validate_answers
from drafter.errors import DrafterError
from drafter.questionnaire import (
    check_input,
    help_text,
    pending_keys,
    prefill_text,
    run_edit,
    run_new,
    skip_reason,
    toolbar_text,
)
from drafter.questionnaire.session import Terminal
from drafter.questions import QUESTIONS, SECTIONS, Question, get_answer
from drafter.text.figures import Figure

ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_U = "\x15"  # clears the whole answer
CTRL_J = "\n"  # a line break inside a multi-line answer (Enter submits)
F1, F2, F3 = "\x1bOP", "\x1bOQ", "\x1bOR"


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    # A session waiting for keys that never come would hang the suite: fail loudly instead.
    faulthandler.dump_traceback_later(60, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def drive(keys: str, fn: Any, *args: Any, **kwargs: Any) -> tuple[int, list[str]]:
    """Run a session entry point on piped keys; return (exit code, transcript)."""
    log: list[str] = []
    with create_pipe_input() as inp:
        inp.send_text(keys)
        code = fn(*args, input=inp, output=DummyOutput(), log=log, **kwargs)
    return code, log


def keys_for(q: Question, answer: Any, data: Mapping[str, Any]) -> str:
    """The keys a user types for one question (``None``: accept what is shown)."""
    prefilled = prefill_text(q, q.default_for(data)) if q.kind != "figure" else ""
    if q.kind == "items":
        if not answer:
            return ENTER  # empty heading: no items
        out = ""
        for heading, body in answer:
            out += heading + ENTER + body + ENTER
        return out + ENTER + ENTER  # an empty heading ends the list; Enter on the list = done
    if answer is None:
        return ENTER
    text = CTRL_U + answer if prefilled else answer
    return text.replace("\n", CTRL_J) + ENTER


ANSWERS: dict[str, Any] = {
    "identity.unit_name": "俄久乡",
    "identity.county": "尼玛县",
    "identity.year": "2024",
    "identity.date": "2025年1月20日",
    "publicity.activities": "３０",
    "publicity.materials": "1500余",
    "disputes.mediated": "12",
    "disputes.resolved": "11",
    "organisation.measures": [
        ("1", "成立由乡党委书记、乡长任双组长的领导小组，定期研究法治工作。")
    ],
    "problems.items": [("法治意识有待进一步提高", "部分干部运用法治思维解决问题的能力不强。")],
    "plans.items": [("进一步提升行政执法水平", "组织执法人员参加培训，严格落实“三项制度”。")],
}


def full_run_keys(answers: Mapping[str, Any]) -> str:
    data: dict[str, Any] = {}
    keys = ""
    for section in SECTIONS:
        for q in section.questions:
            if skip_reason(q.key, data):
                continue  # not asked (开头段原文 outside an import): no keys
            answer = answers.get(q.key)
            keys += keys_for(q, answer, data)
            if isinstance(answer, str):
                data.setdefault(q.section, {})[q.name] = answer
    return keys + ENTER  # the review screen: Enter builds


def docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("key", "typed", "value", "error"),
    [
        ("publicity.activities", "30", Figure(30), None),
        ("publicity.activities", "３０", Figure(30), None),
        ("publicity.materials", "1500余", Figure(1500, approx=True), None),
        ("publicity.activities", "", None, None),
        ("publicity.activities", "abc", None, "不是数字"),
        ("publicity.activities", "-5", None, "负数"),
        ("publicity.activities", "3.5", None, "不是整数"),
        ("identity.unit_type", "2", "镇", None),
        ("identity.unit_type", "县", None, "不是可选项"),
        ("identity.unit_name", "", None, "必须填写"),
        ("identity.year", "二〇二四", None, "不是年份"),
        ("identity.county_in_title", "否", False, None),
    ],
)
def test_check_input(key: str, typed: str, value: Any, error: str | None) -> None:
    parsed, message = check_input(QUESTIONS[key], typed)
    assert parsed == value
    if error is None:
        assert message is None
    else:
        assert message is not None and error in message


def test_toolbar_shows_section_question_and_answered() -> None:
    text = toolbar_text(3, 18, 2, 4, 10, 81)
    assert "第 3/18 部分" in text and "第 2/4 题" in text and "已答 10/81 题" in text
    assert "F1" in text and "Ctrl-C" in text


def test_help_text_has_what_counts_source_and_example() -> None:
    text = help_text(QUESTIONS["publicity.activities"], {})
    assert "司法所普法台账" in text and "30场次" in text and "1500余" in text


def test_pending_keys_record_and_fallback() -> None:
    assert pending_keys({"to_confirm": ["publicity.materials", "identity.year"]}) == [
        "identity.year",
        "publicity.materials",
    ]
    # No record (a hand-written file): only required answers that are still empty.
    assert pending_keys({"identity": {"unit_name": "俄久乡"}}) == [
        "identity.unit_type",
        "identity.year",
        "identity.signers",
    ]


# --------------------------------------------------------------------------- the session


def test_complete_run_from_empty_folder_builds_matching_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, log = drive(full_run_keys(ANSWERS), run_new, None)
    assert code == 0
    answers_file = tmp_path / "俄久乡2024年度法治政府建设答卷.yaml"
    loaded = read_answers_file(answers_file)
    assert "to_confirm" not in loaded.data  # everything answered
    model = validate_answers(loaded.data)
    assert model.get("publicity.activities") == Figure(30)
    assert model.get("publicity.materials") == Figure(1500, approx=True)
    assert model.get("organisation.measures")[0].heading == "健全领导机制"  # common heading no. 1
    docx = tmp_path / "output" / "俄久乡2024年度法治政府建设情况报告.docx"
    assert docx.exists(), "\n".join(log[-20:])
    text = docx_text(docx)
    assert "尼玛县俄久乡2024年度" in text.replace("\n", "")
    assert "30场次" in text and "1500余份" in text
    assert "调解成功11件" in text and "91.7%" in text
    assert "定期研究法治工作" in text and "严格落实“三项制度”" in text
    assert "2025年1月20日" in text
    assert any("已生成报告" in line for line in log)


def test_invalid_inputs_get_the_right_message_and_stored_value(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = "俄久乡" + ENTER + CTRL_C
    drive(keys, run_new, path)
    # Resume straight into the figures: jump to 普法宣传 through the section menu.
    keys = (
        F3 + "5" + ENTER  # menu → 普法宣传
        + ENTER  # title
        + "abc" + ENTER + CTRL_U + "-5" + ENTER + CTRL_U + "３０" + ENTER  # activities
        + "1500余" + ENTER  # materials
        + CTRL_C
    )  # fmt: skip
    _, log = drive(keys, run_new, path)
    data = read_answers_file(path).data
    assert get_answer(data, "publicity.activities") == 30
    assert get_answer(data, "publicity.materials") == "1500余"
    shown = "\n".join(log)
    assert "本部分小标题" in shown and "普法宣传活动" in shown


def test_validator_messages_are_recorded(tmp_path: Path) -> None:
    from drafter.questionnaire import Questionnaire

    with create_pipe_input() as inp:
        inp.send_text("abc" + ENTER + CTRL_U + "-5" + ENTER + CTRL_U + "７" + ENTER)
        q = Questionnaire(tmp_path / "a.yaml", {}, input=inp, output=DummyOutput())
        q.ask_question(QUESTIONS["publicity.activities"])
    assert any("“abc”不是数字" in e for e in q.errors)
    assert any("负数" in e for e in q.errors)
    assert get_answer(q.data, "publicity.activities") == 7


def test_resolved_more_than_received_offers_to_correct_either(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    drive("俄久乡" + ENTER + CTRL_C, run_new, path)
    keys = (
        F3 + "10" + ENTER  # 信访工作
        + ENTER  # title
        + "5" + ENTER  # received
        + "9" + ENTER  # resolved > received → choose which to fix
        + "1" + ENTER  # fix 办结
        + CTRL_U + "4" + ENTER
        + CTRL_C
    )  # fmt: skip
    _, log = drive(keys, run_new, path)
    shown = "\n".join(log)
    assert "办结信访事项（9件）不能多于受理信访事项（5件）" in shown
    assert "重新填写“受理信访事项”" in shown
    data = read_answers_file(path).data
    assert get_answer(data, "petitions.received") == 5
    assert get_answer(data, "petitions.resolved") == 4


def test_ctrl_c_midway_leaves_valid_file_and_second_run_resumes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = "俄久乡" + ENTER + ENTER + "尼玛县" + ENTER + CTRL_C
    code, log = drive(keys, run_new, path)
    assert code == 0
    assert any("drafter new -o" in line for line in log)
    loaded = read_answers_file(path)
    validate_answers(loaded.data)  # a valid answers file
    assert get_answer(loaded.data, "identity.county") == "尼玛县"
    assert loaded.data["to_confirm"][0] == "identity.county_in_title"
    # The second run starts at the first unanswered question; Ctrl-D also saves and exits.
    _, log = drive("否" + ENTER + CTRL_D, run_new, path)
    assert any("接着上次的进度" in line for line in log)
    assert next(line for line in log if "标题是否冠县名" in line)
    data = read_answers_file(path).data
    assert get_answer(data, "identity.county_in_title") is False
    assert data["to_confirm"][0] == "identity.year"


def test_help_back_and_menu_keys(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = (
        "俄久乡" + ENTER
        + F1  # help on 单位类型
        + "?"  # help again with the ? key on an empty line
        + ENTER  # accept 乡
        + F2  # back to 单位类型
        + "2" + ENTER  # now 镇 (the unit name must then end with 镇: a cross-field problem)
    )  # fmt: skip
    keys += "1" + ENTER + CTRL_U + "俄久镇" + ENTER + CTRL_C
    _, log = drive(keys, run_new, path)
    shown = "\n".join(log)
    assert shown.count("【帮助】单位类型") >= 2
    assert "与单位类型“镇”不一致" in shown
    data = read_answers_file(path).data
    assert get_answer(data, "identity.unit_type") == "镇"
    assert get_answer(data, "identity.unit_name") == "俄久镇"


def test_items_add_edit_delete_reorder(tmp_path: Path) -> None:
    from drafter.questionnaire import Questionnaire

    q = QUESTIONS["study.measures"]
    keys = (
        "1" + ENTER + "第一条内容。" + ENTER  # common heading no. 1
        + "自己的小标题" + ENTER + "第二条第一段。" + CTRL_J + "第二段。" + ENTER
        + ENTER  # no third item: the list is shown with its commands
        + "a" + ENTER + "第三条" + ENTER + "三。" + ENTER + ENTER
        + "m 3 1" + ENTER  # third to the top
        + "d 2" + ENTER + "y" + ENTER  # delete the (former) first, confirmed
        + "e 1" + ENTER + CTRL_U + "改过的小标题" + ENTER + ENTER  # keep the body
        + "x 9" + ENTER  # an unknown command is refused (and the box emptied)
        + "e 9" + ENTER  # so is an item that does not exist
        + ENTER  # done
    )  # fmt: skip
    with create_pipe_input() as inp:
        inp.send_text(keys)
        session = Questionnaire(tmp_path / "a.yaml", {}, input=inp, output=DummyOutput())
        session.ask_question(q)
    items = get_answer(session.data, "study.measures")
    assert [i["heading"] for i in items] == ["改过的小标题", "自己的小标题"]
    assert items[0]["text"] == "三。"
    assert items[1]["text"] == "第二条第一段。\n第二段。"
    assert any("没有“x”这个命令" in line for line in session.transcript)
    assert any("没有第 9 条（现有 2 条）" in line for line in session.transcript)
    assert any("Ctrl-J 换行" in line for line in session.transcript)


def test_edit_one_section_keeps_other_answers(tmp_path: Path) -> None:
    from drafter.build import example_path

    path = tmp_path / "example.yaml"
    path.write_bytes(example_path().read_bytes())
    title = get_answer(read_answers_file(path).data, "publicity.title")
    keys = ENTER + CTRL_U + "25" + ENTER + CTRL_C  # title kept, activities 20 → 25
    code, _ = drive(keys, run_edit, path, section="普法宣传")
    assert code == 0
    data = read_answers_file(path).data
    assert get_answer(data, "publicity.activities") == 25
    assert get_answer(data, "publicity.title") == title
    assert get_answer(data, "identity.unit_name") == "俄久乡"
    text = path.read_text(encoding="utf-8")
    assert "# 普法宣传活动（单位：场次）" in text  # label comments survive the re-save


def test_new_import_starts_this_year_and_never_throws_an_import_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    seed = next((Path(__file__).parent.parent / "seeds").glob("000_*.txt"))
    # Confirm the first carried answer as shown, then stop.
    code, log = drive(ENTER + CTRL_C, run_new, None, import_file=seed)
    assert code == 0
    this_year = tmp_path / "俄久乡2025年度法治政府建设答卷.yaml"
    data = read_answers_file(this_year).data
    shown = "\n".join(log)
    assert "（2024年度）开始填写 2025 年度的答卷" in shown
    assert get_answer(data, "identity.year") == 2025  # this year, not the report's
    assert get_answer(data, "identity.unit_name") == "俄久乡"
    assert get_answer(data, "publicity.materials") is None  # this year's figure: to be given
    assert data["last_year"]["figures"]["publicity.materials"] == 2000
    assert data["last_year"]["year"] == 2024
    assert "identity.unit_name" not in data["to_confirm"]
    assert "publicity.materials" in data["to_confirm"]
    # Running the same import again resumes that file; a file of the same name started from
    # something else is never overwritten: the import gets a free name and the screen says so.
    _, log = drive(CTRL_C, run_new, None, import_file=seed)
    assert any("接着上次的进度" in line for line in log)
    other = tmp_path / "other" / "renamed.txt"
    other.parent.mkdir()
    other.write_bytes(seed.read_bytes())
    before = this_year.read_bytes()
    _, log = drive(CTRL_C, run_new, None, import_file=other)
    assert this_year.read_bytes() == before
    second = tmp_path / "俄久乡2025年度法治政府建设答卷(2).yaml"
    assert second.exists(), list(tmp_path.iterdir())
    assert any("不会覆盖" in line and str(second) in line for line in log)


def test_common_headings_are_listed_once_per_question(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = "俄久乡" + ENTER + F3 + "3" + ENTER  # jump to 组织领导
    keys += ENTER  # keep the default title
    keys += ENTER + ENTER  # leading group, work plan: blank
    keys += "1" + ENTER + "内容一" + ENTER  # first item: common heading no. 1
    keys += "2" + ENTER + "内容二" + ENTER  # second item: no. 2
    keys += ENTER + ENTER  # no third item; Enter on the list = done
    keys += CTRL_C
    _, log = drive(keys, run_new, path)
    shown = "\n".join(log)
    assert shown.count("常用小标题（") == 1
    items = get_answer(read_answers_file(path).data, "organisation.measures")
    assert [i["heading"] for i in items] == ["健全领导机制", "完善制度体系"]


def test_items_typed_before_ctrl_c_are_kept_and_the_list_resumes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = "俄久乡" + ENTER + F3 + "3" + ENTER + ENTER + ENTER + ENTER
    keys += "1" + ENTER + "内容一" + ENTER
    keys += "自己写的标题" + ENTER + "内容二" + ENTER
    keys += CTRL_C  # in the middle of the list, before finishing the question
    drive(keys, run_new, path)
    data = read_answers_file(path).data
    items = get_answer(data, "organisation.measures")
    assert [(i["heading"], i["text"]) for i in items] == [
        ("健全领导机制", "内容一"),
        ("自己写的标题", "内容二"),
    ]
    assert "organisation.measures" in data["to_confirm"]  # not finished: asked again


def test_suggestions_come_back_after_going_back_and_choices_are_echoed(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    keys = "俄久乡" + ENTER + "1" + ENTER  # 单位类型: 乡 (echoed)
    keys += F3 + "3" + ENTER + ENTER + ENTER + ENTER  # 组织领导: title, group, plan
    keys += F2 + ENTER  # back at the work plan, then to the measures again
    keys += CTRL_C
    _, log = drive(keys, run_new, path)
    shown = "\n".join(log)
    assert "→ 乡" in shown
    assert shown.count("常用小标题（") == 2  # listed again on the second visit


def test_outline_choices_are_shown_by_their_chinese_names(tmp_path: Path) -> None:
    from drafter.questionnaire import Questionnaire

    with create_pipe_input() as inp:
        inp.send_text("2" + ENTER)
        q = Questionnaire(tmp_path / "a.yaml", {}, input=inp, output=DummyOutput())
        q.ask_question(QUESTIONS["identity.outline"])
    shown = "\n".join(q.transcript)
    assert "regulation" not in shown and "first-duty" not in shown
    assert "报告结构［回车＝按规定顺序］" in shown and "→ 第一责任人在前" in shown
    assert get_answer(q.data, "identity.outline") == "first-duty"


def test_without_a_terminal_new_and_edit_refuse_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Called without keys of their own, ``run_new``/``run_edit`` need a terminal on both
    ends (the one check, wherever they are called from): a clear refusal, nothing written."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("俄久乡\n"))
    fresh = tmp_path / "新.yaml"
    with pytest.raises(DrafterError, match=r"drafter new .*标准输入不是终端"):
        run_new(fresh)
    assert not fresh.exists()
    existing = tmp_path / "答卷.yaml"
    drive("俄久乡" + ENTER + CTRL_C, run_new, existing)
    before = existing.read_bytes()
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(DrafterError, match=r"drafter edit .*标准输入已关闭"):
        run_edit(existing)
    assert existing.read_bytes() == before


def test_the_later_steps_start_loading_once_a_prompt_is_drawn() -> None:
    """The questionnaire loads its later steps while the first question is read: the terminal
    says when a prompt is on the screen (docs/architecture.md)."""
    drawn: list[str] = []
    with create_pipe_input() as inp:
        term = Terminal(input=inp, output=DummyOutput(), shown=lambda: drawn.append("drawn"))
        assert drawn == []  # not before the prompt
        inp.send_text("俄久乡\r")
        assert term.ask("单位全称：") == "俄久乡"
    assert drawn


@pytest.mark.parametrize(("outline", "asked"), [("regulation", False), ("three-part", True)])
def test_the_first_duty_title_is_asked_only_where_the_report_prints_it(
    tmp_path: Path, outline: str, asked: bool
) -> None:
    """Under the regulation's outline the duties are a part with the prescribed heading: a
    小标题 typed there would print nowhere, so it is not asked — and what the file holds stays."""
    from drafter.build import example_path

    path = tmp_path / "example.yaml"
    text = example_path().read_text(encoding="utf-8")
    path.write_text(text.replace("outline: regulation", f"outline: {outline}"), encoding="utf-8")
    title = get_answer(read_answers_file(path).data, "first_duty.title")
    assert title
    code, log = drive(ENTER + CTRL_C, run_edit, path, section="第一责任人职责")
    assert code == 0
    shown = "\n".join(log)
    assert ("本部分小标题" in shown) is asked
    assert ("书记" in shown) is not asked  # the section opens on its next question instead
    assert get_answer(read_answers_file(path).data, "first_duty.title") == title
