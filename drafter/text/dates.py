"""Dates as reports and web pages write them: 2025年1月15日, 二〇二五年一月十五日, 2025.1.15,
2025-01-15, 2025/1/15 (full-width digits too), read into one form, "2025年1月15日".

:func:`parse_date` reads the first whole date in a text; :func:`is_date_only` tells a line that
holds a date and nothing else (a page's 发布日期 with its time of day, a sign-off date line).
"""

from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
DATE_CN = re.compile(
    r"([\d〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*([\d一二三四五六七八九十]{1,3})\s*日"
)
DATE_NUMERIC = re.compile(
    r"((?:19|20)\d{2})\s*[.．\-－/／]\s*(\d{1,2})\s*[.．\-－/／]\s*(\d{1,2})\s*日?"
)
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９：", "0123456789:")
# What may stand around a date on a line of its own: a time of day, a weekday, brackets.
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")


def cn_number(text: str) -> int | None:
    """二〇二五 → 2025, 十五 → 15, 1 → 1 (the numerals a date is written in)."""
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        high = _CN_DIGITS.get(tens, -1) if tens else 1
        low = _CN_DIGITS.get(ones, -1) if ones else 0
        return high * 10 + low if high >= 0 and low >= 0 else None
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def _first_date(text: str) -> re.Match[str] | None:
    return DATE_CN.search(text) or DATE_NUMERIC.search(text)


def parse_date(text: str) -> str | None:
    """A written date → "2025年1月15日", or None when it is not a whole, real date."""
    match = _first_date(text.translate(FULLWIDTH_DIGITS).strip())
    if match is None:
        return None
    parts = [cn_number(g) for g in match.groups()]
    if any(p is None for p in parts):
        return None
    year, month, day = (int(p) for p in parts if p is not None)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year}年{month}月{day}日"


def iso_date(text: str) -> str | None:
    """A written date → "2025-01-15" (None when it is not a whole, real date)."""
    parsed = parse_date(text)
    if parsed is None:
        return None
    year, month, day = (int(n) for n in re.findall(r"\d+", parsed))
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_date_only(text: str) -> bool:
    """A line holding one date and nothing else but a time of day, a weekday or brackets."""
    text = text.translate(FULLWIDTH_DIGITS)
    match = _first_date(text)
    if match is None or parse_date(match.group(0)) is None:
        return False
    rest = text[: match.start()] + " " + text[match.end() :]
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    return re.fullmatch(r"[\s\u3000()（）\[\]【】]*", rest) is not None
