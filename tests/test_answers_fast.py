"""The fast reading of an answers file (a build) gives what the round-trip reading gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.answers.fast import load_plain
from drafter.answers.file import (
    answers_file_of,
    dump_answers,
    parse_answers_text,
    read_answers_file,
)
from drafter.answers.load import load_answers
from drafter.answers.model import to_data
from drafter.build import example_path
from drafter.errors import DrafterError

FIXTURES = Path(__file__).parent / "fixtures"


def _answers_texts() -> list[str]:
    texts = [example_path().read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.yaml"))]
    return texts


@pytest.mark.parametrize("text", _answers_texts())
def test_fast_reading_equals_round_trip_reading(text: str) -> None:
    fast = load_plain(text)
    assert fast is not None
    # The same data, migrated the same way when the file is of an older schema version.
    assert answers_file_of(fast, None, None).data == parse_answers_text(text).data


def test_fast_reading_of_a_file_drafter_wrote(tmp_path: Path) -> None:
    answers, _ = load_answers(example_path())
    text = dump_answers(to_data(answers))
    assert load_plain(text) == parse_answers_text(text).data


@pytest.mark.parametrize(
    "text",
    [
        "identity: &a {unit_name: 俄久乡}\nother: *a\n",  # anchors and aliases
        "identity:\n  unit_name: !!binary aGVsbG8=\n",  # a tag
        "identity: {<<: {unit_name: 俄久乡}}\n",  # a merge key
        "%YAML 1.1\n---\nidentity: {}\n",  # a directive
        "identity:\n  unit_name: 俄久乡\nidentity:\n  year: 2024\n",  # a duplicate key
        "identity:\n  date: 2024-13-45\n",  # no such date
        "? [a, b]\n: 1\n",  # a list as a key
        "identity:\n\tunit_name: 俄久乡\n",  # a tab
        "- 不是\n- 键值\n",  # not a mapping
        "a: 1\n---\nb: 2\n",  # two documents
        "x: " + "[" * 60 + "]" * 60 + "\n",  # too deep
    ],
)
def test_what_the_fast_reading_cannot_promise_goes_the_round_trip_way(text: str) -> None:
    assert load_plain(text) is None


def test_empty_file_reads_as_no_answers() -> None:
    assert load_plain("") == {} == parse_answers_text("").data
    assert load_plain("# 只有注释\n") == {} == parse_answers_text("# 只有注释\n").data


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "答卷.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # Wrong values, found after the fast reading: the message still names the line.
        ("identity:\n  unit_name: 俄久乡\n  year: 明年\n", 3),
        ("schema_version: 1\ndisputes:\n  mediated: 5\n  resolved: 6\n", 4),
        # Broken YAML: the round-trip reading explains it.
        ("identity:\n  unit_name: 俄久乡\n  year: 2024\n identity: x\n", 4),
    ],
)
def test_errors_name_the_line_as_the_round_trip_reading_does(
    tmp_path: Path, text: str, line: int
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DrafterError) as fast:
        load_answers(path)
    assert fast.value.line == line
    assert fast.value.exit_code == 2


def test_a_build_reading_keeps_unknown_keys_and_migrates_like_saving_does(tmp_path: Path) -> None:
    text = example_path().read_text(encoding="utf-8") + "\nmy_notes: 自己的备注\n"
    path = _write(tmp_path, text)
    _, loaded = load_answers(path)
    assert loaded.unknown == ["my_notes"] == read_answers_file(path).unknown
    assert loaded.data == read_answers_file(path).data
    old = _write(tmp_path, (FIXTURES / "answers_v0.yaml").read_text(encoding="utf-8"))
    _, migrated = load_answers(old)
    assert migrated.migrated_from == read_answers_file(old).migrated_from is not None


def test_unreadable_characters_are_exactly_those_yaml_refuses() -> None:
    """The short class of refused characters is the complement of YAML's printable set."""
    import re

    from drafter.answers.shape import UNREADABLE

    printable = re.compile(
        "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    )
    every = "".join(map(chr, range(0x110000)))
    assert UNREADABLE.findall(every) == printable.findall(every)


@pytest.mark.parametrize(
    "text",
    [
        "plans:\n  items:\n" + "  - 1\n" * 800_000,
        "x: [" + "1," * 1_000_000 + "1]\n",
        "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
    ],
    ids=["block-list", "flow-list", "deep"],
)
def test_a_file_past_the_limits_is_not_loaded_whole(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such a file goes to the round-trip reading, which refuses it from a stream of events as
    soon as a limit is passed: loading 800,000 items first took 6 s and 600 MB."""
    from ruamel.yaml import YAML

    loaded: list[object] = []
    monkeypatch.setattr(YAML, "load", lambda self, stream: loaded.append(stream))
    assert load_plain(text) is None
    assert loaded == [], "the fast path loaded the whole file"
    with pytest.raises(DrafterError, match="超过"):
        parse_answers_text(text)
