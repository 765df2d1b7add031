"""Next year's import of this year's draft: a report drafter wrote, imported again and built,
is the same report, paragraph for paragraph and style for style (nothing added, nothing lost,
no heading changing its form, no problem's heading cut shorter each year)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from drafter.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("0*.txt"))
# The development half of the real reports (the odd files are held out).
REAL_DEV = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.txt"))[0::2]


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _import_and_build(source: Path, folder: Path, name: str) -> Path:
    answers, report = folder / f"{name}.yaml", folder / f"{name}.docx"
    assert main(["import", str(source), "-o", str(answers)]) == 0
    main(["build", str(answers), "-o", str(report)])
    return report


@pytest.mark.parametrize("seed", [*SEEDS, *REAL_DEV], ids=lambda p: p.stem[:20])
def test_a_draft_imported_again_is_the_same_draft(seed: Path, tmp_path: Path) -> None:
    first = _import_and_build(seed, tmp_path, "first")
    again = _import_and_build(first, tmp_path, "again")
    assert _paragraphs(again) == _paragraphs(first)


def test_the_first_duty_placeholder_item_is_not_read_as_the_townships(tmp_path: Path) -> None:
    """The 第一责任人 item a draft adds with a bare 【待补充】 is drafter's, not the township's:
    imported again it is left out (and added again in its place); one they wrote stays."""
    from drafter.importer import import_text

    text = (
        "石桥镇2024年度法治政府建设情况报告\n一、主要举措和成效\n"
        "（一）深化普法宣传。全年开展普法宣传活动12场次。\n"
        "（二）党政主要负责人履行推进法治建设第一责任人职责情况。【待补充】\n"
    )
    data = import_text(text).data
    written = repr(data)
    assert "【待补充】" not in written and "第一责任人职责情况" not in written
    theirs = text.replace("【待补充】", "党委书记主持召开专题会议2次。")
    assert "党委书记主持召开专题会议2次" in repr(import_text(theirs).data)


def test_a_lone_first_duty_placeholder_item_is_a_whole_heading(tmp_path: Path) -> None:
    """Under a part of unnumbered paragraphs the 第一责任人 item is the only numbered one and
    loses its number: its heading is whole, closed with 。 before the placeholder (only a
    heading the copy broke off in stays open)."""
    text = (
        "石桥镇2024年度法治政府建设情况报告\n2024年，石桥镇扎实推进法治政府建设。现将有关情况报告如下：\n"
        "一、主要举措和成效\n全年开展普法宣传活动12场次，发放资料500份。\n"
        "二、存在的问题和原因\n法治宣传形式单一。\n三、2025年工作打算\n继续加强法治宣传。\n"
    )
    source = tmp_path / "去年.txt"
    source.write_text(text, encoding="utf-8")
    report = _import_and_build(source, tmp_path, "draft")
    texts = [t for _, t in _paragraphs(report)]
    assert "党政主要负责人履行推进法治建设第一责任人职责情况。【待补充】" in texts
