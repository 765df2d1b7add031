"""Rewrites made for speed find exactly what the straightforward forms found."""

from __future__ import annotations

import random
import re

from drafter.checks._text import HAN
from drafter.checks.names import _stem_spans
from drafter.mentions import find_mentions


def test_county_stem_search_equals_the_regex_it_replaced() -> None:
    """A pattern per county compiled the Chinese-character class for every report; the search
    by str.find plus one precompiled lookahead finds the same spans, left to right."""
    rng = random.Random(15)
    alphabet = [*"尼玛县委政府人民中共俄久乡镇街道苏木党2024年度，。 a1", *["尼玛"] * 5]
    for stem, suffix in (("尼玛", "县"), ("扎鲁特", "旗"), ("城关", "区")):
        pattern = re.compile(
            rf"(?:(?<=中共)|(?<![{HAN}])){re.escape(stem)}(?!{re.escape(suffix)})"
            rf"(?=委|人民政府|政府|[{HAN}]{{2,6}}?(?:乡|镇|街道|苏木)(?:\d|人民政府|党委|政府|$|[^{HAN}]))"
        )
        letters = [*alphabet, stem, stem + suffix]
        matched = 0
        for _ in range(4000):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 24)))
            expected = [m.span() for m in pattern.finditer(text)]
            assert list(_stem_spans(text, stem, suffix)) == expected, text
            matched += bool(expected)
        assert matched > 10  # the comparison saw real matches


def test_remembered_mentions_come_as_a_new_list_each_time() -> None:
    text = "全年开展普法宣传活动30场次，发放资料1500余份。"
    first = find_mentions(text)
    first.clear()
    again = find_mentions(text)
    assert [m.raw for m in again] == ["30场次", "1500余份"]
    assert again is not find_mentions(text)
