"""Checks: the seeds' known defects, seeded mutations of a clean report, false-positive guards,
the JSON contract and the ``drafter check`` command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from drafter.checks import RULES, Finding, findings_to_json, rule_name, run_checks
from drafter.checks.command import run_check_command
from drafter.errors import DrafterError
from drafter.reader import blocks_from_text, read_blocks
from tests.test_checks_clean import CLEAN_REPORT
from tests.test_checks_unseen import SEAM_RULES
from tests.test_reader import SEEDS, write_docx

ALL_RULES = {
    "unit-mismatch",
    "year-mismatch",
    "numbering",
    "duplicate-sentence",
    "figure-impossible",
    "approx-misuse",
    "outdated-term",
    "missing-part",
    "punctuation",
    "spacing",
    "typo",
    "unended",
    "document-name",
    "word-usage",
    *SEAM_RULES,
    # Answers-level only (they need last year's record in the answers file).
    "carried-figure",
    "figure-dropped",
    "unplaced",
    "county-unknown",
}


def test_registry_has_every_rule() -> None:
    assert set(RULES) == ALL_RULES


# --------------------------------------------------------------------------- seeds

# (rule, paragraph, excerpt, severity) that must be found in each seed.
SEED_DEFECTS: dict[str, list[tuple[str, int, str, str]]] = {
    "000_423f073e31c81c7f.txt": [
        ("unit-mismatch", 5, "镇党委", "error"),
        ("unit-mismatch", 6, "全镇", "error"),
        ("unit-mismatch", 10, "全镇", "error"),
    ],
    "001_1b8db11db821e11c.txt": [
        ("duplicate-sentence", 14, "杂色镇司法所荣获市级普法一等奖奖项。", "error"),
        (
            "duplicate-sentence",
            14,
            "通过联动工作体系，成功调解多起复杂的邻里纠纷和土地纠纷，避免矛盾激化。",
            "error",
        ),
        ("numbering", 26, "（三）", "error"),
        ("numbering", 12, "严格执行重大行政决策程序：", "warning"),  # the only item under （三）
        ("approx-misuse", 12, "1项，均", "error"),
    ],
    "002_826d96733ac86db3.txt": [
        ("outdated-term", 11, "《信访条例》", "error"),
        ("duplicate-sentence", 13, "二是切实加强对行政行为的监督。", "warning"),
        ("typo", 21, "衍接", "error"),
        ("typo", 28, "权力义务", "error"),
    ],
    "003_a85474dd8e8b2607.txt": [
        ("missing-part", -1, "", "warning"),
        ("punctuation", 5, "3.15", "warning"),
        ("punctuation", 5, "12.4", "warning"),
        ("outdated-term", 8, "法制宣传", "warning"),
        ("spacing", 6, "。\xa0一", "warning"),
    ],
    "004_4b18fc9788dde1ef.txt": [
        ("typo", 3, "及时发展", "error"),
        ("typo", 10, "存在问题的不足", "error"),
        ("typo", 5, "反映迅速", "error"),
        ("missing-part", -1, "", "error"),
        ("spacing", 7, "现 “", "warning"),
    ],
}
# Findings a seed must NOT produce (false positives we guard against).
SEED_CLEAN_RULES: dict[str, set[str]] = {
    "000_423f073e31c81c7f.txt": {"year-mismatch", "numbering", "duplicate-sentence", "typo"},
    "001_1b8db11db821e11c.txt": {"unit-mismatch", "year-mismatch", "outdated-term", "typo"},
    "002_826d96733ac86db3.txt": {"unit-mismatch", "year-mismatch", "numbering"},
    "003_a85474dd8e8b2607.txt": {"unit-mismatch", "year-mismatch", "numbering", "typo"},
    "004_4b18fc9788dde1ef.txt": {"unit-mismatch", "year-mismatch", "numbering", "outdated-term"},
}


def _keys(findings: list[Finding]) -> set[tuple[str, int, str, str]]:
    return {(f.rule, f.paragraph, f.excerpt, f.severity) for f in findings}


@pytest.mark.parametrize("seed", sorted(SEED_DEFECTS), ids=lambda s: s[:3])
def test_seed_defects_found(seed: str) -> None:
    blocks = read_blocks(SEEDS / seed)
    findings = run_checks(blocks)
    missing = set(SEED_DEFECTS[seed]) - _keys(findings)
    assert not missing, missing
    for finding in findings:
        assert finding.paragraph >= 0 or finding.excerpt == ""
        if finding.paragraph >= 0:
            assert finding.excerpt in blocks[finding.paragraph].full_text
    assert not {f.rule for f in findings} & SEED_CLEAN_RULES[seed]


@pytest.mark.parametrize("seed", sorted(SEED_DEFECTS), ids=lambda s: s[:3])
def test_seed_defects_found_in_docx(tmp_path: Path, seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    docx_findings = run_checks(read_blocks(write_docx(tmp_path / "seed.docx", text)))
    assert _keys(docx_findings) == _keys(run_checks(read_blocks(SEEDS / seed)))


# --------------------------------------------------------------------------- mutations

# (rule, old text in the clean report, replacement, severity expected at the mutated block)
MUTATIONS: list[tuple[str, str, str, str]] = [
    ("unit-mismatch", "由乡党委书记、乡长任双组长", "由镇党委书记、乡长任双组长", "error"),
    ("unit-mismatch", "为全乡经济社会发展", "为全镇经济社会发展", "error"),
    ("unit-mismatch", "2025年，我乡将继续", "2025年，我镇将继续", "error"),
    ("year-mismatch", "四、2025年推进", "四、2024年推进", "error"),
    ("year-mismatch", "2024年，某某乡在县委", "2023年，某某乡在县委", "error"),
    ("numbering", "（三）提升矛盾纠纷化解能力", "（四）提升矛盾纠纷化解能力", "error"),
    ("numbering", "（二）坚持依法决策", "（一）坚持依法决策", "error"),
    ("numbering", "（三）严格规范执法", "(三）严格规范执法", "error"),
    ("numbering", "三是基层调解", "四是基层调解", "error"),
    ("numbering", "二是完善制度体系。", "完善制度体系。", "warning"),
    (
        "duplicate-sentence",
        "亲自协调解决重大矛盾纠纷。",
        "亲自协调解决重大矛盾纠纷。聘请法律顾问1名，审查合同和文件12件。",
        "error",
    ),
    ("figure-impossible", "调解成功38件", "调解成功48件", "error"),
    ("figure-impossible", "调解成功率95%", "调解成功率105%", "error"),
    ("figure-impossible", "调解成功率95%", "调解成功率85%", "error"),
    ("figure-impossible", "办结12件", "办结-2件", "error"),
    ("approx-misuse", "组织执法培训3次", "组织执法培训3余次", "error"),
    ("approx-misuse", "重大行政决策2项，均", "重大行政决策1项，均", "error"),
    ("outdated-term", "《信访工作条例》", "《信访条例》", "error"),
    ("outdated-term", "“八五”普法规划", "“七五”普法规划", "error"),
    ("outdated-term", "开展普法宣传活动", "开展法制宣传活动", "warning"),
    ("punctuation", "领导小组，明确", "领导小组,明确", "warning"),
    ("punctuation", "“3·15”", "“3.15”", "warning"),
    ("punctuation", "工作方案》，", "工作方案，", "error"),
    ("spacing", "宣传活动30场次", "宣传活动 30 场次", "warning"),
    ("typo", "亲自研究部署", "亲自研究布署", "error"),
    ("typo", "亲自协调解决", "及时发展并协调解决", "error"),
]


def _mutate(old: str, new: str) -> str:
    assert CLEAN_REPORT.count(old) == 1, old
    return CLEAN_REPORT.replace(old, new)


def _block_of(text: str, needle: str) -> int:
    blocks = blocks_from_text(text)
    hits = [i for i, b in enumerate(blocks) if needle in b.full_text]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


@pytest.mark.parametrize(
    ("rule", "old", "new", "severity"), MUTATIONS, ids=[f"{m[0]}:{m[2][:8]}" for m in MUTATIONS]
)
def test_mutation_found(rule: str, old: str, new: str, severity: str) -> None:
    text = _mutate(old, new)
    paragraph = _block_of(text, new)
    findings = run_checks(blocks_from_text(text))
    hits = [f for f in findings if f.rule == rule and f.paragraph == paragraph]
    assert hits, [f for f in findings if f.severity != "info"]
    assert any(f.severity == severity for f in hits), hits


@pytest.mark.parametrize(
    ("heading", "severity"),
    [
        ("二、2024年推进法治政府建设存在的不足和原因\n", "error"),
        ("三、党政主要负责人履行推进法治建设第一责任人职责情况\n", "warning"),
    ],
)
def test_missing_part(heading: str, severity: str) -> None:
    text = _mutate(heading, "")
    findings = [f for f in run_checks(blocks_from_text(text)) if f.rule == "missing-part"]
    # A part missing is about the whole document: paragraph -1 (docs/contracts.md), shown as 全文.
    assert any(f.severity == severity and f.paragraph == -1 for f in findings), findings


def test_clean_report_as_docx_has_no_errors(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "clean.docx", CLEAN_REPORT, auto_numbering=True)
    findings = run_checks(read_blocks(path))
    assert [f for f in findings if f.severity != "info"] == []


# --------------------------------------------------------------------------- false positives


@pytest.mark.parametrize(
    "sentence",
    [
        "推动平安乡镇建设，全乡各村（社区）共同参与。",  # 乡镇 is a generic word
        "学习《某某镇综合治理工作经验》，借鉴“先进乡镇”做法。",  # others' documents / awards
        "与邻近的城关镇党委开展联建共建。",  # a named town's body
        "城镇化建设和本乡本土人才培养稳步推进。",
        "全年开展活动10余次，涉及资金3.5万元，增长12.5%。",
        "深入实施《法治政府建设实施纲要（2021—2025年）》。",
        "严格落实重大执法决定法制审核制度。",
        "上午9:30召开会议，参会1,500人次。",
        "利用“学习强国”APP开展学习。",
        "统一是基本要求，全年调解纠纷20件，调解成功20件，调解成功率100%。",
        "2024年，我乡共受理信访件189件，其中已办结173件，正在办理16件。",
    ],
)
def test_correct_text_in_a_xiang_report_has_no_findings(sentence: str) -> None:
    text = CLEAN_REPORT.replace(
        "三是基层调解队伍的专业化水平有待提高。",
        "三是基层调解队伍的专业化水平有待提高。" + sentence,
    )
    findings = [f for f in run_checks(blocks_from_text(text)) if f.severity != "info"]
    assert findings == []


def test_zhen_report_place_names_are_fine() -> None:
    text = (
        CLEAN_REPORT.replace("某某乡", "杂色镇")
        .replace("全乡", "全镇")
        .replace("乡党委", "镇党委")
        .replace("乡长", "镇长")
        .replace("我乡", "我镇")
    )
    text = text.replace("三是基层调解", "杂色镇司法所荣获市级普法一等奖。三是基层调解")
    findings = [f for f in run_checks(blocks_from_text(text)) if f.severity != "info"]
    assert findings == []


def test_jiedao_report_flags_township_words() -> None:
    text = (
        CLEAN_REPORT.replace("某某乡2024", "某某街道2024")
        .replace("某某乡人民政府", "某某街道办事处")
        .replace("某某乡在县委", "某某街道在区委")
    )
    findings = [f for f in run_checks(blocks_from_text(text)) if f.rule == "unit-mismatch"]
    assert {"全乡", "乡党委书记", "我乡"} <= {f.excerpt for f in findings}


def test_traditional_characters() -> None:
    text = (
        "某某縣某某鄉2024年度法治政府建設情況報告\n2024年，全鎮開展普法活動。\n一、主要舉措和成效\n"
    )
    findings = run_checks(blocks_from_text(text), rules=["unit-mismatch"])
    assert [(f.excerpt, f.paragraph) for f in findings] == [("全鎮", 1)]


def test_explicit_identity_overrides_detection() -> None:
    blocks = blocks_from_text(CLEAN_REPORT)
    findings = run_checks(blocks, unit_type="镇", year=2024, rules=["unit-mismatch"])
    assert any(f.excerpt == "全乡" for f in findings)


# --------------------------------------------------------------------------- contract and command


def test_json_contract() -> None:
    """docs/contracts.md: the five fields of a finding as before (its first place), then how
    many places it has and each place."""
    findings = [
        Finding("typo", "error", "疑似错别字", "衍接", 3),
        Finding("typo", "error", "疑似错别字", "衍接", 7),
        Finding("spacing", "warning", "多了空格", "5 年", 1),
    ]
    document = findings_to_json("a.docx", findings)
    assert document == {
        "file": "a.docx",
        "findings": [
            {
                "rule": "typo",
                "severity": "error",
                "message": "疑似错别字",
                "excerpt": "衍接",
                "paragraph": 3,
                "count": 2,
                "places": [
                    {"paragraph": 3, "excerpt": "衍接"},
                    {"paragraph": 7, "excerpt": "衍接"},
                ],
            },
            {
                "rule": "spacing",
                "severity": "warning",
                "message": "多了空格",
                "excerpt": "5 年",
                "paragraph": 1,
                "count": 1,
                "places": [{"paragraph": 1, "excerpt": "5 年"}],
            },
        ],
    }


def test_command_json(tmp_path: Path) -> None:
    out = io.StringIO()
    code = run_check_command(SEEDS / "000_423f073e31c81c7f.txt", "json", out)
    document = json.loads(out.getvalue())
    assert code == 1
    assert "镇党委" in out.getvalue()  # ensure_ascii=False
    assert set(document) == {"file", "findings"}
    fields = {"rule", "severity", "message", "excerpt", "paragraph", "count", "places"}
    assert all(set(f) == fields for f in document["findings"])
    # The same finding at three places is one entry listing them.
    full = [f for f in document["findings"] if f["excerpt"] == "全镇"]
    assert len(full) == 1 and full[0]["count"] == len(full[0]["places"]) >= 2
    severities = [f["severity"] for f in document["findings"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_command_text_groups_and_summary() -> None:
    out = io.StringIO()
    code = run_check_command(SEEDS / "001_1b8db11db821e11c.txt", "text", out)
    text = out.getvalue()
    assert code == 1
    assert "【（三）】" in text and f"■ [错误] {rule_name('numbering')}" in text
    # Users see rule names; ids are for JSON only.
    assert "numbering" not in text
    assert text.rstrip().splitlines()[-1].startswith("检查结果：")


def test_text_lists_a_repeated_finding_once_with_its_places(tmp_path: Path) -> None:
    """A half-width comma in every sentence is one thing to fix: one entry, its places under it
    (the first few with their text, the rest by paragraph), errors before warnings, and the
    summary still counting every place."""
    body = "".join(f"全年开展宣传活动{n}次,发放资料{n}份。\n" for n in range(2, 12))
    path = tmp_path / "report.txt"
    path.write_text(
        "某某镇2024年度法治政府建设情况报告\n一、主要举措和成效\n" + body + "全乡开展活动。\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    run_check_command(path, "text", out)
    text = out.getvalue()
    entries = [line for line in text.splitlines() if line.startswith("■")]
    assert sum(rule_name("punctuation") in line for line in entries) == 1
    assert f"■ [警告] {rule_name('punctuation')}（10 处）" in text
    assert "另有 5 处：第 8、9、10、11、12 段" in text
    assert entries[0].startswith("■ [错误]")
    assert "共 " in text.splitlines()[-1] and "处" in text.splitlines()[-1]


def test_command_clean_file_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN_REPORT, encoding="utf-8")
    out = io.StringIO()
    assert run_check_command(path, "text", out) == 0


def test_command_unusable_input(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(DrafterError, match=r"另存为 \.docx"):
        run_check_command(path, "json", io.StringIO())


def test_a_provinces_own_outline_keeps_its_own_years() -> None:
    """《广东省法治政府建设实施纲要（2016—2020年）》 is the province's plan, not the national 纲要
    with its years wrong; the national one with those years is."""
    found = run_checks(
        blocks_from_text("全面落实《广东省法治政府建设实施纲要（2016—2020年）》。"),
        rules=["outdated-term"],
    )
    assert found == []
    found = run_checks(
        blocks_from_text("全面落实《法治政府建设实施纲要（2016—2020年）》。"),
        rules=["outdated-term"],
    )
    assert [f.excerpt for f in found] == ["法治政府建设实施纲要（2016—2020年）"]


def test_enclosed_numbers_are_level_two_headings() -> None:
    """㈠ ㈡ (Word's list numbering copied out as text) number items as （一） （二） do: the 1. under
    each starts again, and the form is reported once for all of them."""
    text = (
        "某镇2022年法治政府建设情况报告\n2022年，某镇推进法治建设。\n一、工作开展情况\n"
        "㈠学习贯彻习近平法治思想\n1.系统深入学习。建立制度。\n2.履行职责。召开会议。\n"
        "㈡树牢总体国家安全观\n1.优化社会管理职能。发挥作用。\n2.加强管理。开展检查。"
    )
    blocks = blocks_from_text(text)
    assert [(b.level, b.number) for b in blocks if b.kind == "heading"][1::3] == [
        (2, "㈠"),
        (2, "㈡"),
    ]
    found = [f for f in run_checks(blocks, rules=["numbering"])]
    assert [f.excerpt for f in found] == ["㈠", "㈡"]
    assert len({f.message for f in found}) == 1


@pytest.mark.parametrize(
    ("title", "official"),
    [
        # a page's spam for 关于: words replaced inside a long official name, its ends kept
        ("中共中央三升体育平台全面推进依法治国若干重大问题的决定", "中共中央关于全面推进依法治国若干重大问题的决定"),
        ("法治政府建设实施刚要（2021—2025年）", "法治政府建设实施纲要（2021—2025年）"),
    ],
)  # fmt: skip
def test_a_misnamed_official_document(title: str, official: str) -> None:
    found = run_checks(blocks_from_text(f"深入贯彻《{title}》。"), rules=["document-name"])
    assert [f.message for f in found] == [f"文件名称有误：应为《{official}》。"]


@pytest.mark.parametrize(
    "title",
    [
        "渠县党政主要负责人履行推进法治建设第一责任人职责规定",  # a county's own
        "党政主要负责人履行推进法治建设第一责任人职责规定实施办法",
        "中共中央关于全面深化改革若干重大问题的决定",  # another document
    ],
)
def test_a_document_that_holds_an_official_name_is_its_own(title: str) -> None:
    assert run_checks(blocks_from_text(f"制定《{title}》。"), rules=["document-name"]) == []
