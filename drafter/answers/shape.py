"""What an answers file may hold: limits checked before loading, and plain data out of YAML.

An answers file is untrusted text (a clerk may pick the wrong file, or paste a web page into it).
Before it is loaded, :func:`check_shape` refuses what would make loading fail obscurely or take
long, naming the real cause and the line; :func:`plain` turns the round-trip document into plain
dicts, lists and scalars, refusing YAML tags and capping what aliases expand to. Both readers
(:mod:`drafter.answers.file` and :mod:`drafter.answers.fast`) use these limits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, SequenceStartEvent
from ruamel.yaml.representer import RoundTripRepresenter

from drafter.errors import DrafterError

YAML_BREAKS = "\x85\u2028\u2029"
"""Characters YAML reads as line breaks (NEL, LINE and PARAGRAPH SEPARATOR): written as they are
in a plain, quoted or block value they break the file (a block's next line loses its indent), so a
text holding one is written double-quoted, where they are escapes (\\N, \\L, \\P)."""


def round_trip_yaml() -> Any:

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True

    def represent_str(representer: Any, data: str) -> Any:
        if any(ch in data for ch in YAML_BREAKS):
            return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return RoundTripRepresenter.represent_str(representer, data)

    yaml.representer.add_representer(str, represent_str)
    return yaml


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


MAX_NODES = 50_000
"""Values in an answers file after YAML aliases (&/*) are expanded; a real one has a few hundred.
Without aliases a file cannot get near this (see :data:`MAX_EVENTS`), so only aliases reach it."""
MAX_EVENTS = 20_000
"""YAML events (values, list and map starts and ends) in a file; the example has under 400, a
full one with every list at its 50-item limit a few thousand. Counted before the file is loaded,
so a file built to be slow to load is refused before any of it is loaded."""
MAX_LIST_ITEMS = 1_000
"""Entries in one YAML list (the answers model allows 50 items per question)."""
MAX_DEPTH = 40
"""Nesting of lists and maps; an answers file is three or four levels deep."""
MAX_DIGITS = 300
"""Digits in one run: a longer number is not an answer (and Python refuses to print one of
over 4300 digits)."""

# What YAML refuses to read (the same set as ruamel.yaml's reader), found first so the message
# can name the character and where it is. Written as the few ranges refused rather than "not
# the ranges allowed": re compiles a class code point by code point, and the allowed ranges
# hold over 100,000 of them.
UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


def position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def check_shape(text: str, path: Path | None = None) -> None:
    """Refuse, before the YAML is loaded, what would make loading fail obscurely or take long:
    characters YAML cannot read, absurdly long numbers, too many values, too long a list, too
    deep a nesting. Each message names the real cause and the line.
    """
    found = UNREADABLE.search(text)
    if found is not None:
        line, column = position(text, found.start())
        code = ord(found.group())
        raise DrafterError(
            f"第 {column} 个字符是不可见的控制字符（U+{code:04X}），答卷里不能有这种字符",
            path=path,
            line=line,
            hint="这种字符常随从网页或其他软件复制的文字带进来：删掉这个字符，或重新输入这一段文字。",
        )
    found = LONG_NUMBER.search(text)
    if found is not None:
        line, _ = position(text, found.start())
        raise DrafterError(
            f"有一个 {len(found.group())} 位的数字，不像是答卷里的数字（最多 {MAX_DIGITS} 位）",
            path=path,
            line=line,
            hint="检查这一行是否粘贴了不该有的内容。",
        )
    _check_events(text, path)


def _check_events(text: str, path: Path | None) -> None:

    # Each open list or map: [entries so far, how many events make one entry, start line].
    open_: list[list[int]] = []
    count = 0
    try:
        for event in round_trip_yaml().parse(text):
            count += 1
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            if count > MAX_EVENTS:
                raise DrafterError(
                    f"答卷里的值太多（超过 {MAX_EVENTS} 个），不像是答卷",
                    path=path,
                    line=line,
                    hint="答卷一般只有几百个值；请确认选对了文件，或删去粘贴进来的大段列表。",
                )
            if isinstance(event, CollectionEndEvent):
                if open_:
                    open_.pop()
                continue
            if open_:
                top = open_[-1]
                top[0] += 1
                if top[0] > MAX_LIST_ITEMS * top[1]:
                    raise DrafterError(
                        f"这一处的条目超过 {MAX_LIST_ITEMS} 项，不像是答卷",
                        path=path,
                        line=top[2],
                        hint="每个问题最多 50 条；请确认选对了文件，或删去粘贴进来的大段列表。",
                    )
            if isinstance(event, CollectionStartEvent):
                # A map's entry is a key and a value: two events.
                open_.append([0, 1 if isinstance(event, SequenceStartEvent) else 2, line or 0])
                if len(open_) > MAX_DEPTH:
                    raise DrafterError(
                        f"答卷的层次嵌套太深（超过 {MAX_DEPTH} 层），不像是答卷",
                        path=path,
                        line=line,
                        hint="答卷只有“部分 → 问题 → 条目”几层；检查这一行的括号或缩进。",
                    )
    except (YAMLError, RecursionError):
        return  # loading reports the syntax error with its own message and line


def plain(node: Any, budget: list[int] | None = None) -> Any:
    """Round-trip YAML objects → plain dicts/lists/scalars; refuses tagged (typed) nodes.

    ``budget`` counts nodes across the whole document: aliases nested in aliases expand
    geometrically (a "billion laughs" file of a few hundred bytes), so expansion is capped.
    """

    if budget is None:
        budget = [MAX_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise DrafterError(
            "答卷里的引用（& 和 *）展开后内容过多，不像是答卷",
            hint="答卷里不要使用 & 和 * 引用；用 drafter new 重新生成答卷。",
        )
    tag = getattr(getattr(node, "tag", None), "value", None)
    if isinstance(node, TaggedScalar) or (tag and tag not in _PLAIN_TAGS):
        raise DrafterError(
            f"答卷中有不允许的 YAML 标签 {tag or ''}",
            hint="答卷只能包含普通的文字、数字和列表，请删除以“!”开头的标签。",
        )
    if isinstance(node, Mapping):
        return {_plain_key(k, budget): plain(v, budget) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v, budget) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def _plain_key(key: Any, budget: list[int]) -> str:
    """A mapping key as text; tagged keys and list/map keys (``? [a]``) are refused."""
    if key is not None and not isinstance(key, (str, int, float, bool)):
        plain(key, budget)  # raises for a tagged key
        raise DrafterError(
            "答卷中有不允许的键（键只能是文字）",
            hint="删除以“?”开头的行；键应写成“名称: 值”。",
        )
    return str(plain(key, budget))
