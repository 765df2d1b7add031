"""Verbs in report text: what makes words a statement rather than a noun phrase.

Two general resources, not words of the sample reports:

* ``data/verbs.txt``: the verbs (tag ``v``, two to four characters, frequent) of jieba's tagged
  dictionary (built by ``scripts/build_verbs.py``): 培养, 打造, 配备, 选派 …;
* the comparisons of quantity, a closed class of the grammar: a figure after 不少于, 不低于,
  超过, 达到 … is what the sentence says of its subject ("每个村法律明白人不少于5名").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import DrafterError

VERBS_FILE = Path(__file__).resolve().parent / "data" / "verbs.txt"

COMPARATIVE = re.compile(
    r"(?:不少于|不低于|不多于|不高于|不超过|不足|少于|多于|低于|高于|超过|超出|达到|达|逾|突破|至少|多达)"
    r"\s*$"
)
"""Words before a figure that compare it with its subject (at the end of the text before it)."""


@functools.cache
def verb_set() -> frozenset[str]:
    """The verbs of ``data/verbs.txt`` (read on first use)."""
    try:
        text = VERBS_FILE.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise DrafterError(f"动词表 {VERBS_FILE} 无法读取（{exc}）。请重新安装 drafter。") from exc
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def verbs_in(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the verbs in a run of words, the longest at each place, left to right."""
    verbs = verb_set()
    at = 0
    while at < len(text) - 1:
        for length in (4, 3, 2):
            if text[at : at + length] in verbs:
                yield at, at + length
                at += length
                break
        else:
            at += 1
