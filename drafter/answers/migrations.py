"""Answers-file schema migrations: how data of an older ``schema_version`` becomes current.

``MIGRATIONS[v]`` turns version ``v`` data into version ``v + 1`` (pure functions on plain data);
``answers.py`` applies them on load, and the questionnaire shows the user what changed and saves
in the new version only after the user confirms, keeping the old file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from drafter.questions import QUESTIONS
from drafter.text.figures import FigureError, parse_figure

Migration = Callable[[dict[str, Any]], dict[str, Any]]

V0_DESCRIPTION = (
    "格式版本 0 → 1：单位全称、单位类型的键名由 identity.name/type 改为 unit_name/unit_type；"
    "数字由 {value, approx} 写法改为 30 或 1500余；条目的“标题/内容”改为 heading/text；"
    "存在的不足、下一年度安排由条目列表改为 problems.items、plans.items。"
)
"""Version 0 is the prototype layout used before the catalogue was fixed (see migrate_v0)."""

_V0_RENAMES = {("identity", "name"): "unit_name", ("identity", "type"): "unit_type"}


def v0_changes(data: Mapping[str, Any]) -> list[str]:
    """What migrating this version-0 data changes, one line per change, in Chinese."""
    changes = []
    identity = data.get("identity")
    if isinstance(identity, Mapping):
        for (section, old), new in _V0_RENAMES.items():
            if old in identity:
                label = QUESTIONS[f"{section}.{new}"].label
                changes.append(f"{label}：键名由 {section}.{old} 改为 {section}.{new}")
    for name in ("problems", "plans"):
        if isinstance(data.get(name), list):
            label = QUESTIONS[f"{name}.items"].label
            changes.append(f"{label}：条目由 {name} 移到 {name}.items 下")
    figures = items = 0
    for values in data.values():
        if not isinstance(values, Mapping):
            continue
        for value in values.values():
            if isinstance(value, Mapping) and "value" in value:
                figures += 1
            if isinstance(value, list) and any(
                isinstance(i, Mapping) and ("标题" in i or "内容" in i) for i in value
            ):
                items += 1
    if figures:
        changes.append(f"{figures} 个数字由 {{value, approx}} 写法改为 30 或 1500余")
    if items:
        changes.append(f"{items} 组条目的“标题/内容”改为 heading/text")
    return changes


def _v0_value(value: Any) -> Any:
    if isinstance(value, Mapping) and "value" in value:
        try:
            figure = parse_figure(dict(value))
        except FigureError:
            return None
        return figure.to_yaml() if figure is not None else None
    if isinstance(value, list):
        return [
            {
                "heading": i.get("标题", i.get("heading", "")),
                "text": i.get("内容", i.get("text", "")),
            }
            if isinstance(i, Mapping)
            else i
            for i in value
        ]
    return value


def migrate_v0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 → 1 (pure: returns new data)."""
    out: dict[str, Any] = {}
    for key, values in data.items():
        if key in ("problems", "plans") and isinstance(values, list):
            out[key] = {"items": _v0_value(values)}
        elif isinstance(values, Mapping) and key != "last_year":
            section = {}
            for name, value in values.items():
                section[_V0_RENAMES.get((key, name), name)] = _v0_value(value)
            out[key] = section
        else:
            out[key] = values
    return out


V1_DESCRIPTION = (
    "格式版本 1 → 2：条目可以带下级条目（subitems，如原报告（一）下面的 1. 2. 3.，marker 记下原来的编号方式）；"
    "导入的报告记下原报告的结构（structure：各部分的顺序、标题和条目）。已有的答案不变。"
)


def migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2 (pure): nothing to change. Version 2 only adds what version 1 cannot hold
    (sub-items, the report's structure); the number changes so that an older drafter refuses a
    file it would save without them."""
    return dict(data)


MIGRATIONS: dict[int, tuple[str, Migration]] = {
    0: (V0_DESCRIPTION, migrate_v0),
    1: (V1_DESCRIPTION, migrate_v1),
}
ADDITIVE = frozenset({1})
"""Migrations that only add to what a file may hold: the file's own layout and comments stay."""
