"""Reading an answers file fast, for a build: the C-backed safe YAML loader, no comments kept.

The round-trip loader (:mod:`drafter.answers.file`) keeps comments, key order and line numbers, which
saving and error messages need, and is several times slower than the C-backed safe loader of
the same library, which reads the same YAML 1.2. A build (and a county's batch build of every
township) only needs the values, so it reads them here first; whenever this path cannot promise the same result as the round-trip
one, it steps aside (returns None) and the caller reads the file the round-trip way:

* the file uses a YAML feature beyond plain maps, lists and scalars (tags ``!``, anchors ``&``
  and aliases ``*``, merge keys ``<<``, directives ``%``), or a character YAML cannot read;
* the loader fails (broken YAML, a duplicate key, an impossible date), or the data holds a value
  the round-trip reading would refuse (bytes, sets, a list as a key) or is too big or too deep.

The caller also goes back to the round-trip reading when the values turn out wrong (validation
or the cross-field rules): the error message then names the line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.resolver import VersionedResolver

from drafter.answers.shape import LONG_NUMBER, MAX_DEPTH, MAX_EVENTS, MAX_LIST_ITEMS, UNREADABLE

_ROUND_TRIP_ONLY = re.compile(r"[&*!%]|<<")
_SCALARS = (str, int, float, bool, dt.date, type(None))


class _NotPlain(Exception):
    """The data is not what the round-trip reading would return as it is."""


def load_plain(text: str) -> dict[str, Any] | None:
    """The file's data as plain dicts, lists and scalars, or None: read it the round-trip way."""
    if any(p.search(text) for p in (_ROUND_TRIP_ONLY, UNREADABLE, LONG_NUMBER)):
        return None
    if _at_least_events(text) > MAX_EVENTS:
        # The round-trip reading refuses such a file from a stream of events, as soon as a
        # limit is passed; loading it whole first (800,000 list items: 6 s, 600 MB) would not.
        return None
    if not text.strip():
        return {}
    try:
        yaml = YAML(typ="safe", pure=False)
        yaml.Resolver = _resolver_class()
        yaml.allow_duplicate_keys = False
        data = yaml.load(text)
        if data is None:
            return {}
        if not isinstance(data, dict):
            return None
        # The round-trip reader refuses a file of more than MAX_EVENTS YAML events; each key
        # and scalar is one event, each list or map two (start, end): stay within the same.
        budget = [MAX_EVENTS - 10]
        return _plain(data, budget, 0)
    # Any failure at all sends the file to the round-trip reader, which explains it.
    except Exception:
        return None


def _at_least_events(text: str) -> int:
    """A floor on the YAML events of a text, counted without parsing: every value after the
    first stands on a line of its own or after a comma, and every flow list or map opens with
    a bracket."""
    return sum(text.count(mark) for mark in ("\n", ",", "[", "{"))


@functools.cache
def _resolver_class() -> Any:

    class Yaml12Resolver(VersionedResolver):
        """The default resolver, fixed at YAML 1.2: the version is otherwise looked up again
        for every value. Only files without directives come here, so it is always 1.2."""

        @property
        def processing_version(self) -> Any:
            return (1, 2)

    return Yaml12Resolver


def _key(key: Any, budget: list[int]) -> str:
    if isinstance(key, (dict, list)) or not isinstance(key, _SCALARS):
        raise _NotPlain
    budget[0] -= 1
    return str(key)


def _plain(node: Any, budget: list[int], depth: int) -> Any:
    """``node`` (inside ``depth`` lists and maps) as plain data, within the round-trip reader's
    limits (events, nesting, entries of one list or map)."""
    if isinstance(node, (dict, list)):
        budget[0] -= 2
        if depth + 1 > MAX_DEPTH or len(node) > MAX_LIST_ITEMS:
            raise _NotPlain
    else:
        budget[0] -= 1
    if budget[0] < 0:
        raise _NotPlain
    if isinstance(node, dict):
        return {_key(k, budget): _plain(v, budget, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, budget, depth + 1) for v in node]
    if isinstance(node, _SCALARS):
        return node
    raise _NotPlain
