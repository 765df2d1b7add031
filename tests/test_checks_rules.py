"""Single rules on single sentences: what each finds, what it leaves alone, and no crashes."""

from __future__ import annotations

import random

import pytest

from drafter.checks import run_checks
from drafter.reader import blocks_from_text

HEAD = "某某县某某乡2024年度法治政府建设情况报告\n2024年，我乡扎实推进法治政府建设。\n一、主要举措和成效\n"


def _found(sentence: str, rule: str) -> list[tuple[str, str]]:
    blocks = blocks_from_text(HEAD + sentence)
    return [(f.excerpt, f.severity) for f in run_checks(blocks, rules=[rule]) if f.paragraph == 3]


@pytest.mark.parametrize(
    ("rule", "sentence", "excerpt", "severity"),
    [
        (
            "figure-impossible",
            "全年排查矛盾纠纷40件，化解矛盾纠纷48件。",
            "40件，化解矛盾纠纷48件",
            "error",
        ),
        ("figure-impossible", "共受理信访件20件，办结18件，办结率100%。", "办结率100%", "error"),
        ("figure-impossible", "群众满意度达105%。", "满意度达105%", "error"),
        ("approx-misuse", "开展培训6余次。", "6余次", "error"),
        ("approx-misuse", "发放资料约1500余份。", "约1500余份", "warning"),
        ("punctuation", "主要表现在:一是学习不够。", "在:一", "warning"),
        ("punctuation", "开展(法律)宣传。", "展(法", "warning"),
        ("punctuation", "结合4.15全民国家安全教育日开展宣传。", "4.15", "warning"),
        ("punctuation", "学习《宪法》和《民法典。", "和《民", "error"),
        ("punctuation", "开展宣传活动，，发放资料。", "，，", "warning"),
        ("punctuation", "开展活动３０场次。", "３０", "warning"),
        ("spacing", "2025 年开展活动。", "5 年", "warning"),
        ("word-usage", "截止目前，共开展活动10次。", "截止目前", "warning"),
        ("outdated-term", "落实“七五”普法规划。", "“七五”普法", "error"),
        ("outdated-term", "贯彻党的十九大精神。", "党的十九大精神", "warning"),
        (
            "outdated-term",
            "落实《法治政府建设实施纲要（2020—2025年）》。",
            "法治政府建设实施纲要（2020—2025年）",
            "error",
        ),
        ("unit-mismatch", "我县高度重视法治建设。", "我县", "error"),
    ],
)
def test_rule_finds(rule: str, sentence: str, excerpt: str, severity: str) -> None:
    assert (excerpt, severity) in _found(sentence, rule)


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("figure-impossible", "全年共调解矛盾纠纷5件，化解信访积案8件。"),
        ("figure-impossible", "同比增长150%。"),
        ("approx-misuse", "开展活动10余次，发放资料1500余份。"),
        ("punctuation", "3.5万元资金已到位，增长3.15个百分点。"),
        ("punctuation", "访问www.gov.cn了解详情。"),
        ("punctuation", "结合“3·15”“12·4”开展宣传。"),
        ("spacing", "使用WPS Office编辑。"),
        ("outdated-term", "落实重大执法决定法制审核制度。"),
        ("outdated-term", "落实《信访工作条例》。"),
        ("typo", "的确取得了成效。"),
        ("numbering", "统一是基础，唯一是目标。"),
        ("unit-mismatch", "推进乡镇综合行政执法改革，城镇化水平提升。"),
    ],
)
def test_rule_leaves_correct_text(rule: str, sentence: str) -> None:
    assert _found(sentence, rule) == []


def test_random_text_never_crashes_and_excerpts_are_exact() -> None:
    alphabet = list(
        "一二三四五六七八九十、（）()。，,.:：；“”《》乡镇街道苏木县区年%余均是 \n\t0123456789"
        "-—·党委政府全我本办结受理件次调解成功率"
    )
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        blocks = blocks_from_text(text)
        for finding in run_checks(blocks):
            if finding.paragraph == -1:
                assert finding.excerpt == ""
            else:
                assert finding.excerpt in blocks[finding.paragraph].full_text


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "制定《某某乡2023年法治政府建设工作方案》，明确任务。",
            ["《某某乡2023年法治政府建设工作方案》"],
        ),
        ("印发《2023年度普法工作要点》。", ["《2023年度普法工作要点》"]),
        # This year's plan and a multi-year range are fine.
        ("制定《某某乡2024年法治政府建设工作方案》。", []),
        ("落实《法治政府建设实施纲要（2021—2025年）》。", []),
    ],
)
def test_last_years_working_document_in_this_years_work(sentence: str, found: list[str]) -> None:
    excerpts = [excerpt for excerpt, _ in _found(sentence, "year-mismatch")]
    assert excerpts == found
