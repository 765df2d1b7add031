"""Checks on a report that is not a seed: a flawed 2025 镇 report written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.checks import run_checks
from drafter.reader import read_blocks
from tests.test_reader import SEEDS

FIXTURE = Path(__file__).parent / "fixtures" / "check_zhen_2025_flawed.txt"


def test_every_planted_defect_is_found() -> None:
    found = {(f.rule, f.excerpt) for f in run_checks(read_blocks(FIXTURE))}
    expected = {
        ("outdated-term", "党的十九大精神"),
        ("outdated-term", "“七五”普法"),
        ("approx-misuse", "6余次"),
        ("unit-mismatch", "全乡"),
        ("figure-impossible", "成功率95%"),  # 18 of 20 is 90%
        ("figure-impossible", "12件，办结13件"),
        ("numbering", "（五）"),
        ("punctuation", "4.15"),
        ("year-mismatch", "2025年"),
    }
    assert expected <= found, expected - found


def test_no_error_for_what_is_right_in_it() -> None:
    findings = run_checks(read_blocks(FIXTURE))
    excerpts = " ".join(f.excerpt for f in findings)
    # The correct parts are left alone: 3·15 with the 间隔号, the 镇's own words.
    assert "3·15" not in excerpts
    assert not any(f.rule == "unit-mismatch" and "镇" in f.excerpt for f in findings)


def test_a_clean_report_in_another_style_has_no_error_or_warning() -> None:
    """乡镇 as a generic word, 镇村干部, 1.5万元, 98.5%, 1,200, 2021—2025年, 《…法》: all correct."""
    blocks = read_blocks(Path(__file__).parent / "fixtures" / "check_zhen_2024_clean.txt")
    findings = [f for f in run_checks(blocks) if f.severity != "info"]
    assert findings == []


# --------------------------------------------------------------------------- reports written for
# these checks, in other wordings than the seeds: every planted defect is found, and nothing else.

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"

PLANTED: dict[str, set[tuple[str, str]]] = {
    "planted_zhen_2024.txt": {
        ("name-incomplete", "2024度"),
        ("run-on", "工作格局二是完善"),
        ("fragment", "行政复议案件2件。"),
        ("heading-echo", "强化执法监督。"),
        ("outdated-term", "法制讲座"),
        ("outdated-term", "法制副校长"),
        ("phrase-incomplete", "谁执法普法"),
        ("approx-misuse", "17余场次"),
        ("fragment", "2024年，均按程序报县司法局备案。"),
        ("phrase-incomplete", "小事不出村、大事不镇"),
        ("fragment", "主要表现在。"),
        ("figure-conflict", "全年集中学法11次"),
        ("figure-repeat", "全年主持召开法治建设专题会议3次"),
        ("numbering", "持续加强执法队伍建设。"),
        ("missing-date", "白马镇人民政府"),
    },
    "planted_xiang_2025.txt": {
        ("name-incomplete", "格尔木拉萨"),
        ("phrase-incomplete", "依治乡"),
        ("fragment", "全年，。"),
        ("heading-echo", "完善乡政府法律顾问制度。"),
        ("figure-conflict", "开展普法宣传活动30场次"),
        ("fragment", "同时。"),
        ("outdated-term", "法制宣传"),
        ("fragment", "其中，调解成功草场纠纷12件。"),
        (
            "run-on",
            "全乡各村调解委员会认真开展矛盾纠纷排查化解工作做到早发现早报告早处置有效防止了矛盾纠纷激化"
            "和升级确保了牧区社会和谐稳定和群众安居乐业",
        ),
        ("numbering", "一是"),
        ("missing-cause", "二、2025年度推进法治政府建设存在的不足和原因"),
        # Its placeholder is all the part holds: reported once, on the part's heading.
        ("empty-part", "三、2025年度党政主要负责人履行推进法治建设第一责任人职责情况"),
        ("empty-part", "四、2026年度推进法治政府建设的主要安排"),
        ("status-only", "已落实。"),
        ("missing-date", "2026年　　月　　日"),
    },
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_defects_found_and_nothing_else(name: str) -> None:
    findings = [f for f in run_checks(read_blocks(UNSEEN / name)) if f.severity != "info"]
    found = {(f.rule, f.excerpt) for f in findings}
    assert PLANTED[name] - found == set(), "missed"
    assert found - PLANTED[name] == set(), "false alarms"


@pytest.mark.parametrize(
    "name", ["clean_jiedao_2024.txt", "clean_xiang_2023.txt", "clean_zhen_2024b.txt"]
)
def test_clean_unseen_reports(name: str) -> None:
    findings = [f for f in run_checks(read_blocks(UNSEEN / name)) if f.severity != "info"]
    # The three-part 乡 report mentions 第一责任人 only in passing: that warning is right.
    expected = {("missing-part", "")} if name == "clean_xiang_2023.txt" else set()
    assert {(f.rule, f.excerpt) for f in findings} == expected


SEAM_RULES = {
    "heading-echo",
    "fragment",
    "figure-conflict",
    "figure-repeat",
    "status-only",
    "empty-part",
    "placeholder",
    "missing-date",
    "name-incomplete",
    "phrase-incomplete",
    "run-on",
    "heading-form",
    "missing-cause",
    "doubled-word",
    "stray-line",
    "title-repeat",
    "figure-only",
}


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("0*.txt")))
def test_seam_rules_are_quiet_on_the_real_seeds(seed: str) -> None:
    """The seeds are real reports: the seam and recall rules must not raise false alarms there
    (their missing 成文日期 is a hint, the pasted text has no signature either)."""
    findings = run_checks(read_blocks(SEEDS / seed), rules=sorted(SEAM_RULES))
    assert [(f.rule, f.severity) for f in findings if f.severity != "info"] == []


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_defects_found_the_same_in_docx(tmp_path: Path, name: str) -> None:
    from tests.test_reader import write_docx

    text = (UNSEEN / name).read_text(encoding="utf-8")
    in_docx = run_checks(read_blocks(write_docx(tmp_path / "report.docx", text)))
    in_text = run_checks(read_blocks(UNSEEN / name))
    assert {(f.rule, f.excerpt, f.severity) for f in in_docx} == {
        (f.rule, f.excerpt, f.severity) for f in in_text
    }
