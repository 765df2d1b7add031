"""Which numbers a template may print: only those the answers hold, never one it computed.

The compile-time check (:mod:`drafter.sandbox.compile_checks`) refuses a figure written in a
template and the usual ways of counting one out (``loop.length``, ``|length``, arithmetic on
``year``). This module is the check that cannot be talked around: a number the template obtains
from the answers (``year``, ``a.identity.year``, a figure's ``value``) is marked as it is handed
out, and Python's arithmetic on it, a length, a sum, a loop counter or a ``range`` all give plain,
unmarked numbers. Wherever a number becomes text — printed, joined with ``~``, formatted, put
through a filter that returns text, passed to a helper that writes a sentence — an unmarked one
is refused (:class:`DerivedFigure`), naming the template file and line.

Undefined values never print either: a list holding one (``map(attribute='__class__')|list``)
is refused like the value itself, and :class:`Unprintable` raises where Jinja's own Undefined
would print "Undefined" inside a list's text.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from jinja2 import StrictUndefined, Undefined

_DEPTH = 4
"""How deep into nested lists a printed value is searched (answers nest two levels)."""


class AnswerInt(int):
    """An integer the answers hold (``year``, a figure's value); arithmetic on it gives an int."""

    __slots__ = ()


class AnswerFloat(float):
    """A figure's value with a fraction (12.5万元), as the answers hold it."""

    __slots__ = ()


class DerivedFigure(Exception):
    """A template turned a number the answers do not hold into text (the message is Chinese)."""


class PrintedContainer(Exception):
    """A template printed a list or a dict as it is (the message is Chinese)."""


class Unprintable(StrictUndefined):
    """StrictUndefined whose text is refused everywhere, also inside a list's text."""

    __slots__ = ()

    def __repr__(self) -> str:
        self._fail_with_undefined_error()
        return ""  # pragma: no cover - the line above raises


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def mark(value: Any) -> Any:
    """A number from the answers, marked; anything else unchanged."""
    if type(value) is int:
        return AnswerInt(value)
    if type(value) is float:
        return AnswerFloat(value)
    return value


def from_answers(obj: Any) -> bool:
    """Whether an attribute of ``obj`` is the answers' own data: a section of ``a``, an item, a
    figure, the unit's words — drafter's objects, not Jinja's loop, namespace or a range."""
    kind = type(obj)
    return kind is SimpleNamespace or kind.__module__.startswith("drafter.")


def _derived(value: Any, depth: int = 0) -> Any:
    """The first unmarked number or Undefined in ``value`` (searched into lists and dicts)."""
    if type(value) is str:
        return None
    if isinstance(value, Undefined):
        return value
    if _is_number(value):
        return None if isinstance(value, (AnswerInt, AnswerFloat)) else value
    if depth >= _DEPTH or isinstance(value, (str, bytes)):
        return None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            found = _derived(item, depth + 1)
            if found is not None:
                return found
    return None


def refuse_derived(*values: Any) -> None:
    """Raise when any of ``values`` is, or holds, a number the template made up, or Undefined."""
    for value in values:
        found = _derived(value)
        if found is None:
            continue
        if isinstance(found, Undefined):
            found._fail_with_undefined_error()
        raise DerivedFigure(
            f"模板把一个不是答卷里的数字（{found}）写进了报告：它是模板自己算出来的"
            "（计数、求和、序号、对年份的加减等），报告中的每个数字都应来自答卷"
        )


def refuse_unprintable(value: Any) -> None:
    """What a template prints must be text, a figure or a number of the answers: never a list,
    a dict (their text is Python's, "[…]") nor a number it computed."""
    refuse_derived(value)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        raise PrintedContainer("模板直接输出了一个列表：应逐项输出，或用 join 连成文字")


def text_from(result: Any, *inputs: Any) -> None:
    """A filter or helper that returned text: none of its inputs may be a made-up number."""
    if isinstance(result, str):
        refuse_derived(*inputs)
