"""Build drafter/checks/data/clauses.tsv, the clause-boundary model of the run-on rule (run by a
developer, not at run time; drafter reads the file it writes, offline).

What it learns, from clean official prose: how often each word ends a clause (a ，；。！？ follows
it) and how often it opens one (it follows such a mark), and the same for each part of speech,
the back-off for a word the table does not hold. drafter/checks/clauses.py reads it to find two
clauses glued together without their mark: the word before the seam strongly ends clauses, the
word after it strongly opens them.

Sources (development texts only; the held-out halves are never read here):

* ``seeds/*.txt``, the files at even positions of the sorted ``tests/fixtures/real/*.txt``,
  ``tests/fixtures/corpus/dev/*.txt`` (half-width marks folded back to full width, as the
  store had folded them) and ``tests/fixtures/prose/dev/*.txt`` (official prose of other kinds,
  see its SOURCES.md).
* jieba 0.42.1 (MIT): the segmentation is jieba's unigram model over jieba's dictionary, as
  drafter keeps it (drafter.checks.clauses.words, the very cut the rule makes at run time); the
  part of speech of a word is drafter's lexicon's (jieba's dictionary tags, folded into the
  classes of scripts/build_spelling_data.py's TAG_CLASSES), or jieba.posseg's for a word the
  lexicon has no tag for.

Usage::

    pip install jieba
    python scripts/build_clause_data.py            # writes the table
    python scripts/build_clause_data.py --files A B  # learn from these files only (benchmarks)

Layout of ``clauses.tsv`` (UTF-8, tab-separated; ``#`` lines are comments):

* ``W <word> <uses> <ends> <opens>``: a word seen at least MIN_USES times, how often it was
  used, how often a clause mark followed it, how often it followed one;
* ``T <tag> <uses> <ends> <opens>``: the same for a part of speech (``x``: no class).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from build_spelling_data import TAG_CLASSES  # noqa: E402

from drafter.checks.clauses import words as cut_words  # noqa: E402
from drafter.spelling import lexicon  # noqa: E402

OUT = ROOT / "drafter" / "checks" / "data" / "clauses.tsv"
MIN_USES = 3
"""A word used fewer times says little of its own: the back-off to its part of speech does."""
CLAUSE_MARKS = frozenset("，；。！？")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def dev_files() -> list[Path]:
    """The development texts (the brief's split: never a held-out file)."""
    fixtures = ROOT / "tests" / "fixtures"
    real = sorted((fixtures / "real").glob("*.txt"))
    return (
        sorted((ROOT / "seeds").glob("*.txt"))
        + real[0::2]
        + sorted((fixtures / "corpus" / "dev").glob("*.txt"))
        + sorted((fixtures / "prose" / "dev").glob("*.txt"))
    )


def fold_marks(text: str) -> str:
    """Half-width marks between Chinese text back to full width (the corpus store folded them);
    a comma or colon between digits (1,500; 9:30) stays."""
    text = re.sub(r"(?<!\d),|,(?!\d)", "，", text)
    text = re.sub(r"(?<!\d):|:(?!\d)", "：", text)
    return text.replace(";", "；").replace("(", "（").replace(")", "）")


def read_text(path: Path) -> str:
    return fold_marks(path.read_text(encoding="utf-8"))


_STRETCH = re.compile(r"[^，。、；：！？,.;:!?\s“”‘’《》〈〉（）()【】—…·\"']+")


def tag_of(word: str) -> str:
    """The tag class drafter's lexicon gives ``word`` at run time; for a word it has no tag for,
    jieba.posseg's, folded the same way (TAG_CLASSES)."""
    import jieba.posseg

    found = lexicon().tag(word)
    if found:
        return found
    if word[:1].isdigit():
        return "m"
    pairs = list(jieba.posseg.cut(word, HMM=False))
    return TAG_CLASSES.get(pairs[-1].flag, "x") if pairs else "x"


def learn(texts: Iterable[str]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Word → [uses, ends, opens] and tag → the same. Each stretch between two marks is cut as
    drafter cuts it at run time (drafter.checks.clauses.words: jieba's unigram model over
    jieba's dictionary), so that the words counted here are the words looked up there."""
    import jieba

    jieba.setLogLevel(60)
    words: dict[str, list[int]] = {}
    tags: dict[str, list[int]] = {}
    for text in texts:
        for stretch in _STRETCH.finditer(text):
            before = text[stretch.start() - 1 : stretch.start()]
            after = text[stretch.end() : stretch.end() + 1]
            cut = cut_words(stretch.group(0))
            for at, word in enumerate(cut):
                if not _HAN.search(word):
                    continue
                ends = int(at == len(cut) - 1 and after in CLAUSE_MARKS)
                opens = int(at == 0 and before in CLAUSE_MARKS)
                for table, key in ((words, word), (tags, tag_of(word))):
                    row = table.setdefault(key, [0, 0, 0])
                    row[0] += 1
                    row[1] += ends
                    row[2] += opens
    return words, tags


def render(words: dict[str, list[int]], tags: dict[str, list[int]], sources: list[Path]) -> str:
    lines = [
        "# Clause-boundary model of the run-on rule: built by scripts/build_clause_data.py "
        "(sources there).",
        f"# {len(sources)} development texts; W word uses ends opens / T tag uses ends opens.",
    ]
    lines += [f"T\t{tag}\t{u}\t{e}\t{o}" for tag, (u, e, o) in sorted(tags.items())]
    lines += [
        f"W\t{word}\t{u}\t{e}\t{o}" for word, (u, e, o) in sorted(words.items()) if u >= MIN_USES
    ]
    return "\n".join(lines) + "\n"


def build(files: list[Path]) -> str:
    words, tags = learn(read_text(path) for path in files)
    return render(words, tags, files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="*", type=Path, help="learn from these files only")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    files = args.files or dev_files()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(build(files), encoding="utf-8")
    print(f"{args.out}: {len(files)} texts")


if __name__ == "__main__":
    main()
