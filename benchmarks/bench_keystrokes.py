"""Keystroke benchmark: a township's first year typed in full, then the next year from it.

    python benchmarks/bench_keystrokes.py

Both years are typed into the real application (``drafter.questionnaire.run_new`` over a real
prompt_toolkit session, keys piped in). The first year answers everything a clerk would: unit,
texts, two measures per topic (some with figures inside), problems and plans. The next year starts
from it with ``--from``: a third of the figures are changed, the texts are kept, every carried
figure is confirmed, and each of last year's plans and problems gets a status and a sentence.
A key is one key press: a character (a Chinese character counts as one), Enter, F3.

Target (issue 13): the next year in at most 25 % of the first year's keystrokes.
Prints both counts and checks that the next year really is complete (nothing left to confirm,
no carried figure unconfirmed, the report built).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENTER = "\r"
CTRL_U = "\x15"
CTRL_J = "\n"

MEASURES: dict[str, list[tuple[str, str]]] = {
    "organisation.measures": [
        (
            "1",
            "成立由乡党委书记、乡长任双组长的法治政府建设领导小组，定期研究解决法治建设中的重大问题。",
        ),
        ("3", "将法治建设纳入各村和站所年度目标考核，层层签订责任书，形成一级抓一级的工作格局。"),
    ],
    "study.measures": [
        ("1", "把习近平法治思想和宪法、民法典纳入中心组学习内容，全年组织干部集中学法6次。"),
        ("3", "落实领导干部任前考法制度，新提任干部全部参加法律知识测试。"),
    ],
    "publicity.measures": [
        (
            "1",
            "结合国家宪法日、民法典宣传月等节点，全年开展普法宣传活动30场次，发放宣传资料1500余份。",
        ),
        ("2", "在各村设立法治宣传栏和法治文化墙，打造法治文化广场1处。"),
    ],
    "decision.measures": [
        (
            "1",
            "严格执行重大行政决策程序，落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定。",
        ),
        ("3", "聘请律师担任法律顾问，对合同和重要文件进行合法性审查。"),
    ],
    "enforcement.measures": [
        ("2", "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。"),
        ("3", "围绕安全生产、环境保护等重点领域开展联合执法检查12次。"),
    ],
    "review.measures": [
        ("1", "落实行政机关负责人出庭应诉制度，认真做好行政复议答复和行政应诉工作。"),
    ],
    "disputes.measures": [
        ("2", "坚持和发展新时代“枫桥经验”，健全乡村两级调解网络，做到小事不出村、大事不出乡。"),
        ("1", "每月开展一次矛盾纠纷集中排查，对排查出的问题建立台账、限时化解。"),
    ],
    "petitions.measures": [
        ("1", "严格落实《信访工作条例》，畅通群众诉求表达渠道。"),
        ("2", "落实领导干部接访下访制度，乡领导轮流接访。"),
    ],
    "openness.measures": [
        ("1", "通过政府网站、公示栏等及时公开财政预决算、惠民政策等信息。"),
        ("2", "推进村务公开，各村按季度公开村级财务收支。"),
    ],
    "highlights.specialities": [
        (
            "俄久乡“法律明白人”入户讲法",
            "组织“法律明白人”逐户讲解土地承包、婚姻家庭等法律知识，覆盖全乡农牧户。",
        ),
    ],
    "first_duty.duties": [
        ("1", "党委书记主持召开党委会专题研究法治建设工作，及时解决重大问题。"),
        ("2", "严格执行重大行政决策程序，重大事项均经集体讨论决定。"),
        ("3", "带头参加中心组学法和法治讲座，带头遵守宪法和法律。"),
    ],
    "problems.items": [
        ("1", "部分干部运用法治思维和法治方式解决问题的能力不强，重政策、轻法律的现象仍然存在。"),
        ("2", "执法人员业务能力参差不齐，执法文书不够规范。"),
    ],
    "plans.items": [
        ("2", "组织执法人员参加业务培训，严格落实行政执法“三项制度”，规范执法程序。"),
        ("3", "创新宣传形式，深入推进“法律九进”，营造尊法学法守法用法的良好氛围。"),
    ],
}
FIRST: dict[str, Any] = {
    "identity.unit_name": "俄久乡",
    "identity.county": "尼玛县",
    "identity.year": "2024",
    "identity.date": "2025年1月20日",
    "opening.summary": "全乡法治政府建设取得新成效，为经济社会发展提供了有力法治保障",
    "organisation.leading_group": "成立由乡党委书记、乡长任双组长的法治政府建设领导小组",
    "organisation.work_plan": "《俄久乡2024年法治政府建设工作方案》",
    "study.center_group": "6",
    "study.lectures": "4",
    "study.exams": "2",
    "study.exam_participants": "45",
    "study.exam_passed": "44",
    "publicity.activities": "30",
    "publicity.materials": "1500余",
    "publicity.consultations": "120",
    "publicity.audience": "3000余",
    "publicity.legal_understanders": "124",
    "decision.major_decisions": "3",
    "decision.legality_reviews": "15",
    "decision.legal_advisers": "1",
    "enforcement.officers": "12",
    "enforcement.trainings": "3",
    "enforcement.trainees": "36",
    "review.reconsiderations": "0",
    "review.lawsuits": "0",
    "disputes.organisations": "9",
    "disputes.mediators": "45",
    "disputes.screenings": "12",
    "disputes.mediated": "26",
    "disputes.resolved": "25",
    "petitions.received": "20",
    "petitions.resolved": "19",
    "openness.disclosures": "86",
    "highlights.honours": "俄久乡司法所被评为全县先进司法所",
    "first_duty.meetings": "4",
    "first_duty.reports_heard": "2",
    "problems.causes": "法治宣传教育的针对性不强，干部学法用法的考核机制还不完善",
    **MEASURES,
}
# The next year: a third of last year's figures change (within a plausible range).
CHANGED = {
    "study.center_group": "7",
    "study.exams": "3",
    "study.exam_passed": "43",
    "publicity.activities": "32",
    "publicity.audience": "3500余",
    "decision.major_decisions": "4",
    "enforcement.trainings": "4",
    "enforcement.trainees": "40",
    "disputes.mediated": "31",
    "disputes.resolved": "30",
    "petitions.received": "17",
    "petitions.resolved": "16",
}
NEXT_DATE = "2026年1月18日"
FOLLOWUPS = [("1", "全年组织执法培训4次"), ("2", "开展“法律九进”活动12场次")]
FIXES = [("1", "开展干部法治专题培训2期"), ("2", "统一执法文书格式")]
# The realistic variant: this year's own problems and next year's plans are new texts.
NEW_TEXTS = {
    "problems.items": [
        ("3", "法治宣传的形式还比较单一，针对农牧民群众的宣传效果有待增强。"),
        ("2", "基层执法力量不足，执法装备和经费保障还不到位。"),
    ],
    "plans.items": [
        ("1", "持续开展干部学法用法，把法治素养纳入干部考核。"),
        ("3", "加强“法律明白人”培养，推动普法向农牧区延伸。"),
    ],
}


def presses(keys: str) -> int:
    """Key presses: an escape sequence (F3) is one key, every other character one."""
    return len(re.sub(r"\x1b(O.|\[[0-9;]*.)", "F", keys))


def first_year_keys() -> str:
    from drafter.questionnaire import prefill_text, skip_reason
    from drafter.questions import SECTIONS

    data: dict[str, Any] = {}
    keys = ""
    for section in SECTIONS:
        for q in section.questions:
            if skip_reason(q.key, data):
                continue  # 败诉 after no cases: not asked
            answer = FIRST.get(q.key)
            if q.kind == "items":
                for heading, body in answer or []:
                    keys += heading + ENTER + body + ENTER
                keys += ENTER + (ENTER if answer else "")  # no more items; the list: done
            elif answer is None:
                keys += ENTER
            else:
                shown = prefill_text(q, q.default_for(data)) if q.kind != "figure" else ""
                picked = q.kind in ("choice", "bool", "year")
                keys += (CTRL_U if shown and not picked else "") + answer.replace("\n", CTRL_J)
                keys += ENTER
                data.setdefault(q.section, {})[q.name] = answer
    return keys + ENTER  # the review screen: Enter builds


def _items(entries: list[tuple[str, str]]) -> str:
    keys = "".join(heading + ENTER + body + ENTER for heading, body in entries)
    return keys + ENTER + (ENTER if entries else "")  # no more items; the list: done


def next_year_keys(data: dict[str, Any], new_texts: bool = False) -> str:
    """The keys of the next year, following the questionnaire's steps for this data."""
    from drafter.answers import carried
    from drafter.answers.model import validate_answers
    from drafter.questionnaire import skip_reason
    from drafter.questions import SECTIONS

    started = validate_answers(data)
    keys = ""
    confirmed: set[tuple[str, str, str]] = set()
    answers: dict[str, Any] = {}

    def ident(cf: carried.CarriedFigure) -> tuple[str, str, str]:
        return (cf.path, cf.sentence, cf.figure)

    for section in SECTIONS:
        for q in section.questions:
            view = {**data, **{s: {**data.get(s, {}), **v} for s, v in answers.items()}}
            if skip_reason(q.key, view):
                continue
            for cf in started.carried_figures:
                if cf.question == q.key and ident(cf) not in confirmed:
                    keys += ENTER  # a carried figure in this text: kept
                    confirmed.add(ident(cf))
            if q.kind == "figure":
                confirmed |= {ident(cf) for cf in carried.linked(started, q.key)}
                new = CHANGED.get(q.key)
                keys += (new + ENTER) if new else ENTER  # Enter = the same as last year
                last = carried.last_figures(started).get(q.key)
                value = new if new else (str(last) if last is not None else None)
                answers.setdefault(q.section, {})[q.name] = value
            elif q.key == "identity.date":
                keys += NEXT_DATE + ENTER
            elif q.key == "rectification.items":
                keys += "".join(s + ENTER + t + ENTER for s, t in FIXES) + ENTER
            elif q.key == "plans.items":
                keys += "".join(s + ENTER + t + ENTER for s, t in FOLLOWUPS)
                keys += _items(NEW_TEXTS["plans.items"]) if new_texts else ENTER
            elif q.key == "problems.items" and new_texts:
                keys += _items(NEW_TEXTS["problems.items"])
            else:
                keys += ENTER  # carried or empty: kept
    return keys + ENTER


def drive(keys: str, **kwargs: Any) -> list[str]:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from drafter.questionnaire import run_new

    log: list[str] = []
    with create_pipe_input() as inp:
        inp.send_text(keys + "\x04" * 3)  # Ctrl-D: a script out of step ends instead of waiting
        run_new(None, input=inp, output=DummyOutput(), log=log, **kwargs)
    return log


def main() -> int:
    from drafter.answers.carryover import start_from_last
    from drafter.answers.model import to_data

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.chdir(folder)
        keys1 = first_year_keys()
        log1 = drive(keys1)
        if os.environ.get("BENCH_DEBUG"):
            print("\n".join(log1[-40:]))
        last = folder / "俄久乡2024年度法治政府建设答卷.yaml"
        first = presses(keys1)
        print(f"第一年：{first} 次按键")
        failed = False
        for new_texts in (False, True):
            for leftover in folder.glob("俄久乡2025*"):
                leftover.unlink()
            keys2 = next_year_keys(to_data(start_from_last(last)), new_texts)
            log = drive(keys2, from_last=last)
            if os.environ.get("BENCH_DEBUG"):
                print("\n".join(log[-60:]))
            problems = _problems(folder, log)
            second = presses(keys2)
            what = (
                "另写今年的2条不足和2条明年安排"
                if new_texts
                else "三分之一的数字改动，文字沿用，沿用的数字逐个确认"
            )
            print(f"第二年（--from，{what}）：{second} 次按键，是第一年的 {second / first:.1%}")
            for problem in problems:
                print("  问题：" + problem)
            failed |= bool(problems) or (not new_texts and second > first * 0.25)
        carried_count = len(start_from_last(last).carried_figures)
        print(
            f"目标：第二年 ≤ 第一年的 25%。沿用文字里的数字 {carried_count} 个，每个一次按键确认。"
        )
        return 1 if failed else 0


def _problems(folder: Path, log: list[str]) -> list[str]:
    from drafter.answers import carried
    from drafter.answers.file import read_answers_file
    from drafter.answers.model import validate_answers

    this = folder / "俄久乡2025年度法治政府建设答卷.yaml"
    data = read_answers_file(this).data
    report = folder / "output" / "俄久乡2025年度法治政府建设情况报告.docx"
    problems = []
    if data.get("to_confirm"):
        problems.append(f"还有 {len(data['to_confirm'])} 题没有回答：{data['to_confirm'][:5]}")
    if carried.outstanding(validate_answers(data)):
        problems.append("有沿用的数字没有确认")
    if not report.exists():
        problems.append("报告没有生成：\n" + "\n".join(log[-15:]))
    else:
        report.unlink()
    return problems


if __name__ == "__main__":
    sys.exit(main())
