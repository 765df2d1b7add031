"""Checks on a report that is not a seed: a flawed 2025 镇 report written for this test."""

from __future__ import annotations

from pathlib import Path

from drafter.checks import run_checks
from drafter.reader import read_blocks

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
