"""Figures inside texts: one finder for import, templates, checks and next year's confirmation."""

from __future__ import annotations

import pytest

from drafter.text.mentions import find_mentions, zero_facts


def test_every_figure_with_its_raw_text_span_and_key() -> None:
    text = (
        "全年共开展普法宣传活动30场次，发放宣传资料1500余份。\n"
        "全年受理信访事项189件，其中办结173件，办结率91.5%。"
    )
    found = [(m.raw, m.key, m.value, m.approx) for m in find_mentions(text)]
    assert found == [
        ("30场次", "publicity.activities", 30, False),
        ("1500余份", "publicity.materials", 1500, True),
        ("189件", "petitions.received", 189, False),
        ("173件", "petitions.resolved", 173, False),
        ("91.5%", "petitions.resolve_rate", 91.5, False),
    ]
    for mention in find_mentions(text):
        assert text[mention.start : mention.end] == mention.raw
        assert mention.raw in mention.sentence


@pytest.mark.parametrize(
    "text",
    [
        "依据《中华人民共和国行政处罚法》第32条",
        "2024年3月15日召开会议",
        "利用“3·15”消费者权益日",
        "〔2024〕5号文件",
        "第2次会议",
    ],
)
def test_numbers_that_are_not_figures(text: str) -> None:
    assert find_mentions(text) == []


def test_unmapped_figures_are_still_mentions() -> None:
    (mention,) = find_mentions("新建法治文化广场2处。")
    assert (mention.raw, mention.key, mention.unit) == ("2处", None, "处")


def test_full_width_digits_keep_their_span() -> None:
    text = "发放宣传资料１５００余份"
    (mention,) = find_mentions(text)
    assert (mention.raw, mention.value, mention.approx) == ("１５００余份", 1500, True)


def test_stated_zeros() -> None:
    keys = [key for key, _, _ in zero_facts("全年无行政复议案件，未制发行政规范性文件。")]
    assert keys == ["review.reconsiderations", "decision.normative_documents"]
