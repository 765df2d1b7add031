"""Figures: a count with an optional "approximately" mark, parsed from what people type.

``parse_figure("1500余")`` is a pure function so the questionnaire, the answers file and the
importer all accept the same forms: full-width digits (３０), ``1500余``, ``100多``, ``约200``,
``1,500``, a trailing unit word (``30场次``). Blank means "not reported".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.errors import shown

FULLWIDTH: dict[int, str] = {
    ord(a): b for a, b in zip("０１２３４５６７８９．，－＋％", "0123456789.,-+%", strict=True)
}

APPROX_SUFFIXES = ("余", "多", "以上", "左右")
APPROX_PREFIXES = ("约", "近", "超过", "逾")

_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


BLANK = "，不报告就留空"
"""What a blank figure means where nothing else is offered (the questionnaire, where Enter keeps
last year's figure, says what Enter does instead)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A reported count: its value and whether it was given as approximate (1500余)."""

    value: int | float
    approx: bool = False

    def __str__(self) -> str:
        return format_number(self.value) + ("余" if self.approx else "")

    def to_yaml(self) -> int | float | str:
        """How the answers file stores it: a plain number, or "1500余" when approximate."""
        return str(self) if self.approx else self.value


class FigureError(ValueError):
    """A figure that cannot be read; the message is Chinese and says how to write it."""


def format_number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def parse_figure(raw: object, *, unit: str = "", allow_float: bool = False) -> Figure | None:
    """Parse a typed or stored figure. ``None``/blank → ``None`` (not reported)."""
    if raw is None:
        return None
    if isinstance(raw, Figure):
        return raw
    if isinstance(raw, bool):
        raise FigureError("这里要填数字，不是“是/否”")
    if isinstance(raw, (int, float)) and raw < 0:
        raise FigureError(f"“{format_number(raw)}”是负数，数量不能小于 0")
    if isinstance(raw, int):
        return Figure(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise FigureError("这里要填一个具体的数字")
        if not allow_float and not raw.is_integer():
            raise FigureError(f"“{format_number(raw)}”不是整数，请填整数（如 30）")
        return Figure(int(raw) if raw.is_integer() else raw)
    if isinstance(raw, dict) and "value" in raw:
        inner = parse_figure(raw["value"], unit=unit, allow_float=allow_float)
        if inner is None:
            return None
        return Figure(inner.value, bool(raw.get("approx", False)) or inner.approx)
    if not isinstance(raw, str):
        raise FigureError(f"“{shown(raw)}”不是数字，请填数字（如 30，或约数 1500余）")
    text = raw.translate(FULLWIDTH).strip().replace(" ", "").replace("\u3000", "")
    if not text:
        return None
    approx = False
    for prefix in APPROX_PREFIXES:
        if text.startswith(prefix):
            text, approx = text[len(prefix) :], True
            break
    if unit and text.endswith(unit):
        text = text[: -len(unit)]
    for suffix in APPROX_SUFFIXES:
        if text.endswith(suffix):
            text, approx = text[: -len(suffix)], True
            break
    if unit and text.endswith(unit):
        text = text[: -len(unit)]
    text = text.replace(",", "")
    if not _NUMBER.match(text):
        raise FigureError(
            f"“{shown(raw)}”不是数字。请只填阿拉伯数字（如 30），约数写成 1500余{BLANK}"
        )
    number = float(text)
    if number < 0:
        raise FigureError(f"“{shown(raw)}”是负数，数量不能小于 0")
    if not number.is_integer() and not allow_float:
        raise FigureError(f"“{shown(raw)}”不是整数，请填整数（如 30）")
    return Figure(int(number) if number.is_integer() else number, approx)


def rate(part: Figure | None, whole: Figure | None) -> str | None:
    """A percentage derived from two exact counts ("92.3%"), or None when it cannot be derived."""
    if part is None or whole is None or part.approx or whole.approx or whole.value == 0:
        return None
    percent = round(part.value * 100 / whole.value, 1)
    return format_number(percent) + "%"
