"""Build drafter/text/data/verbs.txt from a general resource (run by a developer, not at run time).

Source (licence): jieba 0.42.1 ``dict.txt`` (MIT), the word list with frequencies and part-of-speech
tags jieba segments with. Taken: the words tagged ``v`` (verb) of two to four characters with a
frequency of at least ``--min-freq``, one a line, most frequent first. Single characters are left
out (most of them are also nouns or parts of nouns), and so are verbal nouns (``vn``: 宣传, 培训),
which head noun phrases as often as they predicate.

Usage::

    pip install jieba
    python scripts/build_verbs.py            # or --dict path/to/dict.txt
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "drafter" / "text" / "data" / "verbs.txt"
HEADER = "# 动词表：jieba 0.42.1 dict.txt（MIT）中词性为 v、2—4 字、词频不低于 {freq} 的词（scripts/build_verbs.py）\n"


def verbs(dict_txt: str, min_freq: int) -> list[str]:
    found: list[tuple[int, str]] = []
    for line in dict_txt.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "v" and 2 <= len(parts[0]) <= 4:
            freq = int(parts[1])
            if freq >= min_freq:
                found.append((-freq, parts[0]))
    return [word for _, word in sorted(found)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dict", type=Path, help="jieba's dict.txt (default: the installed one)")
    parser.add_argument("--min-freq", type=int, default=50)
    args = parser.parse_args()
    if args.dict is None:
        import jieba

        args.dict = Path(jieba.get_dict_file().name)
    words = verbs(args.dict.read_text(encoding="utf-8"), args.min_freq)
    OUT.write_text(
        HEADER.format(freq=args.min_freq) + "".join(f"{w}\n" for w in words), encoding="utf-8"
    )
    print(f"{len(words)} verbs → {OUT}")


if __name__ == "__main__":
    main()
