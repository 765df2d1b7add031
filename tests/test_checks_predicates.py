"""fragment: a figure sentence with a predicate is whole, whatever its verb (issue 24).

The verbs come from the general dictionary's parts of speech (the spelling check's, jieba's tags)
and the comparisons of quantity from the grammar; a verb right before a two-character noun may be
its modifier (执法案件), so a noun phrase with one still reads as a noun phrase.
"""

from __future__ import annotations

import pytest

from drafter.checks import fragments
from drafter.checks.base import run_checks
from drafter.reader import blocks_from_text


def _fragments(sentence: str) -> list[tuple[str, str]]:
    blocks = blocks_from_text("一、组织领导\n" + sentence)
    return [(f.severity, f.excerpt) for f in run_checks(blocks, rules=["fragment"])]


@pytest.mark.parametrize(
    "sentence",
    [
        "每个村培养法律明白人不少于5名。",  # the clerk's sentence
        "每村法律明白人不低于3名。",  # a comparison of quantity is the predicate
        "受理案件数量超过20件。",
        "全乡引进法律专业人才2名。",  # verbs the old hand-made list did not hold
        "各村吸纳人民调解员15名。",
        "全年创建民主法治示范村2个。",
        "全镇认定法律明白人40名。",
        "全年新增网格员12名。",
    ],
)
def test_a_sentence_with_a_predicate_is_not_a_fragment(sentence: str) -> None:
    assert _fragments(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["行政诉讼案件1件。", "行政复议案件2件。", "信访案件5件。", "行政执法案件3件。"],
)
def test_a_noun_phrase_and_a_figure_is_still_an_error(sentence: str) -> None:
    assert _fragments(sentence) == [("error", sentence)]


def test_the_verbs_come_from_the_general_dictionary() -> None:
    assert fragments._verbs("每村培养法律明白人") == [(2, 4)]
    # 执法 is a verb, right before the head noun 案件: a modifier, the phrase a noun phrase.
    assert fragments._verbs("行政执法案件") == [(2, 4)]
    assert fragments.COMPARATIVE.search("法律明白人不少于")
    assert not fragments.COMPARATIVE.search("法律明白人")
