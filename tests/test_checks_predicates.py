"""fragment: a figure sentence with a predicate is whole, whatever its verb (issue 24).

The verbs come from a general lexicon (jieba's tagged dictionary, drafter/text/data/verbs.txt) and
the comparisons of quantity from the grammar; a verb right before a two-character noun may be its
modifier (执法案件), so a noun phrase with one still reads as a noun phrase.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from drafter.checks.base import run_checks
from drafter.reader import blocks_from_text
from drafter.text.verbs import COMPARATIVE, verb_set, verbs_in

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_verbs.py"


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


def test_the_lexicon_and_the_comparisons() -> None:
    assert {"培养", "打造", "引进"} <= verb_set()
    assert not {"案件", "明白人", "宣传"} & verb_set()  # nouns and verbal nouns are not listed
    assert list(verbs_in("每村培养法律明白人")) == [(2, 4)]
    assert COMPARATIVE.search("法律明白人不少于") and not COMPARATIVE.search("法律明白人")


def test_the_build_script_takes_frequent_verbs_of_two_to_four_characters() -> None:
    spec = importlib.util.spec_from_file_location("build_verbs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dict_txt = "培养 5850 v\n培 10 v\n宣传 4745 vn\n罕用动词 3 v\n打造 661 v\n"
    assert module.verbs(dict_txt, 50) == ["培养", "打造"]
