"""A paragraph that stops without its 。, a date whose 年 and 月 were lost or that cannot be, and
为……提供有力保障 without its 为 (issue 23: rules that hold on reports nobody here has seen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text

ROOT = Path(__file__).resolve().parent.parent
HEAD = "某某县某某镇2025年度法治政府建设情况报告\n2025年，我镇扎实推进法治政府建设，现报告如下：\n一、主要举措和成效\n"
TAIL = "\n二、存在的不足和原因\n一是学习不够深入。究其原因，主要是重视不够。\n某某镇人民政府\n2026年1月10日"


def _found(body: str, rule: str) -> list[tuple[int, str, str]]:
    blocks = blocks_from_text(HEAD + body + TAIL)
    return [(f.paragraph, f.excerpt, f.message) for f in run_checks(blocks, rules=[rule])]


# --------------------------------------------------------------------------- unended


@pytest.mark.parametrize(
    "body",
    [
        # a run-in heading whose body lost its last 。
        "（一）加强学习。组织干部深入学习宪法、民法典等法律法规，切实提高依法行政能力",
        # a paragraph under a heading on its own line
        "（一）规范执法\n严格落实行政执法公示制度，全年办理执法案件12件，执法人员全部持证上岗",
        # a sentence broken into two paragraphs
        "（一）强化宣传\n组织开展普法进村入户活动，覆盖全镇十二个村的群众\n发放宣传资料3000余份。",
    ],
)
def test_a_paragraph_that_stops_without_its_full_stop_is_reported(body: str) -> None:
    found = _found(body, "unended")
    assert len(found) == 1
    paragraph, excerpt, message = found[0]
    assert paragraph == 3 or paragraph == 4
    assert "末尾没有句号" in message
    assert body.split("\n")[-2 if body.endswith("。") else -1].endswith(excerpt)


@pytest.mark.parametrize(
    "body",
    [
        "（一）加强学习。组织干部深入学习宪法、民法典等法律法规，切实提高依法行政能力。",
        # a heading on its own line, with a comma in it
        "（一）坚持党的领导，全面推进法治政府建设各项工作落地见效\n全年召开专题会议4次。",
        # a lead-in ends on a colon; a placeholder; a closing quote or bracket
        "（一）健全制度。制定了以下制度，规范了全镇的决策行为：\n一是决策程序制度。",
        "（一）健全制度。制定了决策程序制度，规范了全镇的决策行为【待补充：制度名称】",
        "（一）健全制度。坚持把学法作为干部培训的重要内容，全面推行“谁执法谁普法”",
        # a subtitle line and an article's heading
        "——坚持改进作风，全面推进法治政府建设各项工作\n全年召开专题会议4次。",
        "第三条 运输企业、客运车辆的营运资质和条件以及从业人员的资格\n全年召开会议4次。",
    ],
)
def test_what_ends_without_a_full_stop_by_nature_is_left_alone(body: str) -> None:
    assert _found(body, "unended") == []


def test_the_last_block_of_a_copy_cut_off_mid_sentence_is_left_to_the_other_rules() -> None:
    blocks = blocks_from_text(
        HEAD + "（一）加强学习。组织干部深入学习宪法、民法典等法律法规，切实提高"
    )
    assert [f for f in run_checks(blocks) if f.rule == "unended"] == []


@pytest.mark.parametrize(
    "folder",
    ["seeds", "tests/fixtures/real", "tests/fixtures/prose/dev", "tests/fixtures/prose/dev3"],
)
def test_no_paragraph_of_the_development_reports_and_prose_is_reported(folder: str) -> None:
    for path in sorted((ROOT / folder).glob("*.txt")):
        blocks = blocks_from_text(path.read_text(encoding="utf-8"))
        assert [f.excerpt for f in run_checks(blocks, rules=["unended"])] == [], path.name


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("body", "excerpt", "said"),
    [
        (
            "（一）专项整治。自202311日起开展专项整治。",
            "202311日",
            "缺少“年”“月”，应为“2023年1月1日”",
        ),
        ("（一）专项整治。至1231日止开展专项整治。", "1231日", "缺少“月”，应为“12月31日”"),
        ("（一）专项整治。202412月开展专项整治。", "202412月", "应为“2024年12月”"),
        ("（一）专项整治。2025121日开展专项整治。", "2025121日", "缺少“年”“月”："),
        ("（一）专项整治。2025年2月30日开展专项整治。", "2025年2月30日", "2月没有30日"),
        ("（一）专项整治。2025年13月1日开展专项整治。", "2025年13月1日", "没有13月"),
        ("（一）专项整治。2023年2月29日开展专项整治。", "2023年2月29日", "2023年不是闰年"),
    ],
)
def test_a_date_that_cannot_be_is_reported_with_its_fix(body: str, excerpt: str, said: str) -> None:
    found = _found(body, "figure-impossible")
    assert [(e, said in m) for _, e, m in found] == [(excerpt, True)]


@pytest.mark.parametrize(
    "body",
    [
        "（一）依法办案。自受理之日起60日内办结，180日内结案。",
        "（一）依法办案。2024年2月29日召开会议，12月31日前完成整改。",
        "（一）依法办案。全年办理案件1231件，涉及群众2023人。",
    ],
)
def test_spans_of_days_counts_and_real_dates_are_left_alone(body: str) -> None:
    assert _found(body, "figure-impossible") == []


# --------------------------------------------------------------------------- 为……提供保障


def test_a_guarantee_provided_without_its_for_is_reported() -> None:
    body = (
        "（一）依法行政。坚持以习近平法治思想为指导，深入推进依法行政，加快法治政府建设，"
        "经济建设和社会治理提供有力法治保障。"
    )
    found = _found(body, "phrase-incomplete")
    assert [(e, "少了“为”" in m) for _, e, m in found] == [
        ("经济建设和社会治理提供有力法治保障", True)
    ]


@pytest.mark.parametrize(
    ("body", "excerpt"),
    [
        ("（一）依法行政。全镇经济社会发展提供坚实法治保障。", "全镇经济社会发展提供坚实法治保障"),
        ("（一）依法行政。深化改革，乡村振兴提供有力法治保障。", "乡村振兴提供有力法治保障"),
        ("（一）依法行政。守住底线，社会稳定提供有力保障。", "社会稳定提供有力保障"),
    ],
)
def test_what_the_guarantee_serves_without_its_for(body: str, excerpt: str) -> None:
    """A process or a state right before 提供 (发展, 振兴, 稳定) is what it serves: its 为 is lost."""
    assert [e for _, e, _ in _found(body, "phrase-incomplete")] == [excerpt]


@pytest.mark.parametrize(
    "body",
    [
        "（一）依法行政。为全镇经济社会高质量发展提供了坚实法治保障。",
        "（一）依法行政。为加快建设美丽乡村，全面推进乡村振兴提供有力的法治保障。",
        "（一）依法行政。镇司法所提供法律咨询服务12次。",
        # Who provides, or how, stands before 提供: nothing it serves, so no 为 is missing.
        "（一）依法行政。司法所提供有力法治保障。",
        "（一）依法行政。积极发挥职能作用，提供有力法治保障。",
        "（一）依法行政。聚焦中心工作，全面提供有力法治保障。",
        "（一）依法行政。各部门密切配合提供有力保障。",
    ],
)
def test_the_frame_with_its_for_is_left_alone(body: str) -> None:
    assert _found(body, "phrase-incomplete") == []


def test_the_development_copy_with_both_defects_gets_both_findings() -> None:
    path = ROOT / "tests" / "fixtures" / "corpus" / "dev" / "chuanshaxin_zhen_2023.txt"
    findings = run_checks(blocks_from_text(path.read_text(encoding="utf-8")))
    excerpts = {(f.rule, f.excerpt) for f in findings}
    assert ("figure-impossible", "202311日") in excerpts
    assert ("figure-impossible", "1231日") in excerpts
    assert ("phrase-incomplete", "经济建设和社会治理提供有力法治保障") in excerpts
