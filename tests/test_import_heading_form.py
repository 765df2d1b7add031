"""An imported item keeps the form of its heading: on a line of its own over its text, or run
into the text, as the township wrote it (issue 22: the township's structure is the draft's)."""

from __future__ import annotations

from pathlib import Path

import docx

from drafter.answers.parse import Item
from drafter.cli import main
from drafter.questionnaire.editors import editable

OPENING = "2024年，石桥镇扎实推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n"
ALONE = (
    "（一）坚持党对法治建设的统一领导\n今年以来，镇党委组织专题学法4次。\n"
    "（二）全方位助推营商环境优化提升\n开展公益普法活动20余场。\n"
)
RUN_IN = (
    "（一）坚持党对法治建设的统一领导。今年以来，镇党委组织专题学法4次。\n"
    "（二）全方位助推营商环境优化提升。开展公益普法活动20余场。\n"
)
TAIL = "二、存在的问题和原因\n基层执法力量不足。\n三、2025年工作打算\n继续加强执法队伍建设。\n"


def _import_and_build(tmp_path: Path, body: str) -> tuple[str, list[tuple[str, str]]]:
    source = tmp_path / "去年.txt"
    source.write_text(OPENING + body + TAIL, encoding="utf-8")
    answers, report = tmp_path / "答卷.yaml", tmp_path / "报告.docx"
    assert main(["import", str(source), "-o", str(answers)]) == 0
    main(["build", str(answers), "-o", str(report)])
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(report)).paragraphs]
    return answers.read_text(encoding="utf-8"), [(s, t) for s, t in paragraphs if t.strip()]


def test_headings_on_their_own_lines_stay_on_their_own_lines(tmp_path: Path) -> None:
    written, paragraphs = _import_and_build(tmp_path, ALONE)
    assert written.count("alone: true") == 2
    at = paragraphs.index(("Heading 2", "（一）坚持党对法治建设的统一领导"))
    assert paragraphs[at + 1] == ("Normal", "今年以来，镇党委组织专题学法4次。")
    assert paragraphs[at + 2] == ("Heading 2", "（二）全方位助推营商环境优化提升")
    # The placeholder item the outline adds takes the same form (one part, one form).
    duty = next(i for i, (_, t) in enumerate(paragraphs) if "第一责任人" in t)
    assert paragraphs[duty][1] == "（三）党政主要负责人履行推进法治建设第一责任人职责情况"
    assert paragraphs[duty + 1][1] == "【待补充】"


def test_run_in_headings_stay_run_in(tmp_path: Path) -> None:
    written, paragraphs = _import_and_build(tmp_path, RUN_IN)
    assert "alone" not in written
    texts = [t for _, t in paragraphs]
    assert "（一）坚持党对法治建设的统一领导。今年以来，镇党委组织专题学法4次。" in texts
    assert "（二）全方位助推营商环境优化提升。开展公益普法活动20余场。" in texts


def test_problems_on_their_own_lines_stay_so(tmp_path: Path) -> None:
    body = (
        "（一）深化普法宣传\n全年开展普法宣传活动12场次。\n"
        "二、存在的不足\n（一）法治意识有待进一步提高\n部分干部运用法治思维的能力还不够强。\n"
        "（二）基础工作有待加强\n法治文化阵地建设相对滞后。\n"
    )
    source = tmp_path / "去年.txt"
    source.write_text(OPENING + body, encoding="utf-8")
    answers, report = tmp_path / "答卷.yaml", tmp_path / "报告.docx"
    assert main(["import", str(source), "-o", str(answers)]) == 0
    main(["build", str(answers), "-o", str(report)])
    texts = [p.text for p in docx.Document(str(report)).paragraphs if p.text.strip()]
    at = texts.index("（一）法治意识有待进一步提高")
    assert texts[at + 1 : at + 3] == [
        "部分干部运用法治思维的能力还不够强。",
        "（二）基础工作有待加强",
    ]


def test_a_theme_run_into_its_text_stays_run_in(tmp_path: Path) -> None:
    """A report arranged by theme whose titles run into their text ("一、强化组织领导。成立……"):
    the themes, kept as items under the regulation's part, stay run in."""
    text = (
        "2022年，石桥镇扎实推进法治政府建设。现将有关情况报告如下：\n"
        "一、强化组织领导，夯实法治基础。成立镇法治政府建设工作领导小组。\n"
        "二、坚持依法决策，提高决策水平。全年作出重大行政决策3项。\n"
    )
    source = tmp_path / "去年.txt"
    source.write_text(text, encoding="utf-8")
    answers, report = tmp_path / "答卷.yaml", tmp_path / "报告.docx"
    assert main(["import", str(source), "-o", str(answers)]) == 0
    main(["build", str(answers), "-o", str(report)])
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    assert "（一）强化组织领导，夯实法治基础。成立镇法治政府建设工作领导小组。" in texts


def test_the_form_survives_the_answers_file_and_an_edit() -> None:
    item = Item("坚持党对法治建设的统一领导", "今年以来……", alone=True)
    assert item.to_data() == {"heading": item.heading, "text": item.text, "alone": True}
    assert editable(item.to_data())["alone"] is True
    # A heading-only item has no text to stand over: nothing to record.
    assert "alone" not in Item("继续加强执法队伍建设", alone=False).to_data()


SHORTFALLS_AND_CAUSES = (
    "石桥镇2024年度法治政府建设情况报告\n2024年，石桥镇扎实推进法治政府建设。现将有关情况报告如下：\n"
    "一、主要举措和成效\n（一）深化普法宣传\n全年开展普法宣传活动12场次。\n"
    "（二）党政主要负责人履行第一责任人职责\n党委书记主持召开法治建设专题会议2次。\n"
    "二、存在的不足和原因\n（一）存在的不足\n一是法治宣传形式单一；二是执法人员力量不足。\n"
    "（二）原因分析\n一是重视程度不够；二是经费保障不足。\n"
    "三、2025年工作打算\n（一）加强法治宣传\n创新宣传形式。\n（二）规范行政执法\n开展执法培训。\n"
)


def test_the_problems_parts_own_headings_over_problems_and_causes(tmp_path: Path) -> None:
    """ "（一）存在的不足" over 一是…二是… and "（二）原因分析" over the causes: both headings stay in
    the draft, the causes as written (no 究其原因 of ours), and the problems are the runs (next
    year's 整改 asks about each), not an item called 存在的不足."""
    source = tmp_path / "去年.txt"
    source.write_text(SHORTFALLS_AND_CAUSES, encoding="utf-8")
    answers, report = tmp_path / "答卷.yaml", tmp_path / "报告.docx"
    assert main(["import", str(source), "-o", str(answers)]) == 0
    main(["build", str(answers), "-o", str(report)])
    paragraphs = [
        (p.style.name, p.text) for p in docx.Document(str(report)).paragraphs if p.text.strip()
    ]
    at = paragraphs.index(("Heading 2", "（一）存在的不足"))
    assert paragraphs[at + 1][1].startswith("一是法治宣传形式单一")
    assert paragraphs[at + 2] == ("Heading 2", "（二）原因分析")
    assert paragraphs[at + 3] == ("Normal", "一是重视程度不够；二是经费保障不足。")
    written = answers.read_text(encoding="utf-8")
    assert "shortfalls: 存在的不足" in written and "causes: 原因分析" in written
    from drafter.answers.load import load_answers

    loaded, _ = load_answers(answers)
    assert [i.text for i in loaded.items("problems.items")] == [
        "法治宣传形式单一。",
        "执法人员力量不足。",
    ]
