"""parse_figure: what township staff type, and what it becomes."""

from __future__ import annotations

import pytest

from drafter.text.figures import Figure, FigureError, parse_figure, rate


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("30", Figure(30)),
        ("３０", Figure(30)),
        ("1500余", Figure(1500, approx=True)),
        ("１５００余", Figure(1500, approx=True)),
        ("100多", Figure(100, approx=True)),
        ("约200", Figure(200, approx=True)),
        ("1,500", Figure(1500)),
        (" 30 ", Figure(30)),
        ("0", Figure(0)),
        (7, Figure(7)),
        (7.0, Figure(7)),
        ("", None),
        ("   ", None),
        (None, None),
        ({"value": 20, "approx": True}, Figure(20, approx=True)),
    ],
)
def test_accepted_forms(raw: object, expected: Figure | None) -> None:
    assert parse_figure(raw) == expected


def test_unit_word_may_be_typed() -> None:
    assert parse_figure("30场次", unit="场次") == Figure(30)
    assert parse_figure("1500余份", unit="份") == Figure(1500, approx=True)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("abc", "不是数字"),
        ("-3", "负数"),
        ("2.5", "不是整数"),
        (True, "是/否"),
        ([1], "不是数字"),
        ("30场", "不是数字"),
    ],
)
def test_rejected_forms_say_why_in_chinese(raw: object, fragment: str) -> None:
    with pytest.raises(FigureError) as info:
        parse_figure(raw)
    assert fragment in str(info.value)


def test_storage_form_round_trips() -> None:
    for fig in (Figure(30), Figure(1500, approx=True)):
        assert parse_figure(fig.to_yaml()) == fig
    assert str(Figure(1500, approx=True)) == "1500余"


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (Figure(5), Figure(5), "100%"),
        (Figure(35), Figure(39), "89.7%"),
        (Figure(0), Figure(4), "0%"),
        (Figure(3), Figure(0), None),
        (Figure(90, approx=True), Figure(100), None),
        (None, Figure(5), None),
    ],
)
def test_rates_are_derived_from_exact_counts_only(
    part: Figure | None, whole: Figure | None, expected: str | None
) -> None:
    assert rate(part, whole) == expected


@pytest.mark.parametrize("raw", ["1\n错误：答卷已损坏", "3\u2028件", "x" * 500])
def test_a_bad_value_is_quoted_on_one_short_line(raw: str) -> None:
    """The message quotes what the user wrote without its line breaks (a forged second line)
    and without the whole of a very long value."""
    with pytest.raises(FigureError) as caught:
        parse_figure(raw)
    message = str(caught.value)
    assert "\n" not in message and "\u2028" not in message
    assert len(message) < 120
