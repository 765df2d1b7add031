"""The answers file: comments, round trips, unknown keys, broken files, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.file import (
    SCHEMA_VERSION,
    dump_answers,
    parse_answers_text,
    read_answers_file,
    save_answers,
)
from drafter.answers.load import load_answers
from drafter.answers.model import to_data
from drafter.errors import DrafterError
from drafter.questions import iter_questions
from drafter.text.figures import Figure


def test_every_key_has_its_chinese_label_above_it(example_path: Path) -> None:
    text = example_path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for q in iter_questions():
        section_line = lines.index(f"{q.section}:")
        key_line = next(
            i
            for i, line in enumerate(lines)
            if i > section_line and line.startswith(f"  {q.name}:")
        )
        above = lines[key_line - 1].strip()
        assert above.startswith("#") and q.label in above, q.key
    assert f"schema_version: {SCHEMA_VERSION}" in text


def test_example_loads_and_round_trips(example_path: Path) -> None:
    answers, loaded = load_answers(example_path)
    assert answers.get("identity.unit_name") == "俄久乡"
    assert answers.get("publicity.materials") == Figure(2000)
    again = parse_answers_text(dump_answers(to_data(answers), loaded.doc))
    assert again.data == loaded.data


def test_approximate_figures_and_block_texts_are_human_editable() -> None:
    text = dump_answers(
        {
            "publicity": {
                "activities": "1500余",
                "measures": [{"heading": "标题", "text": "第一段\n第二段"}],
            }
        }
    )
    assert "activities: 1500余" in text
    assert "text: |-" in text


def test_unknown_keys_are_kept_and_reported(tmp_path: Path, example_path: Path) -> None:
    path = tmp_path / "a.yaml"
    original = example_path.read_text(encoding="utf-8")
    original = original.replace(
        "publicity:\n", "publicity:\n  # 我自己的备注\n  my_note: 保留我\n", 1
    )
    path.write_text(original + "\n自定义: 也保留\n", encoding="utf-8")
    loaded = read_answers_file(path)
    assert set(loaded.unknown) == {"publicity.my_note", "自定义"}
    data = loaded.data
    data["publicity"]["activities"] = 25
    save_answers(path, data, base=loaded)
    saved = path.read_text(encoding="utf-8")
    assert "my_note: 保留我" in saved and "# 我自己的备注" in saved
    assert "自定义: 也保留" in saved
    assert "activities: 25" in saved
    assert (tmp_path / "a.yaml.bak").read_text(encoding="utf-8") == original + "\n自定义: 也保留\n"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("identity:\n  unit_name: 俄久乡\n\tyear: 2024\n", 3, "Tab"),
        ("identity:\n  unit_name: 俄久乡\n  year: 2024\n  year: 2025\n", 4, "两次"),
        ('identity:\n  unit_name: "俄久乡\n  year: 2024\n', None, "引号"),
        ("identity:\n  unit_name: 俄久乡\n   year: 2024\n", 3, ""),
    ],
)
def test_broken_yaml_names_the_line(text: str, line: int | None, fragment: str) -> None:
    with pytest.raises(DrafterError) as info:
        parse_answers_text(text, Path("x.yaml"))
    assert "答卷的格式有误" in str(info.value)
    assert fragment in str(info.value)
    if line is not None:
        assert info.value.line == line


def test_invalid_value_names_field_and_line(write_answers: Any) -> None:
    path = write_answers(
        {"identity": {"unit_name": "俄久乡", "year": 2024}, "publicity": {"activities": "很多"}}
    )
    with pytest.raises(DrafterError) as info:
        load_answers(path)
    err = info.value
    assert err.field == "publicity.activities"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[err.line - 1].strip() == "activities: 很多"
    assert str(path) in str(err)
    # The clerk's name of the field and its line, the key only in brackets after them.
    assert f"普法宣传活动（第 {err.line} 行，publicity.activities）" in str(err)


def test_contradicting_figures_name_field_and_line(write_answers: Any) -> None:
    path = write_answers(
        {"identity": {"unit_name": "俄久乡"}, "disputes": {"mediated": 3, "resolved": 4}}
    )
    with pytest.raises(DrafterError) as info:
        load_answers(path)
    assert info.value.field == "disputes.resolved"
    assert "不能多于" in str(info.value)
    assert (
        path.read_text(encoding="utf-8").splitlines()[info.value.line - 1].strip() == "resolved: 4"
    )


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    path.write_text(f"schema_version: {SCHEMA_VERSION + 1}\n", encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        read_answers_file(path)
    assert "较新版本" in str(info.value)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"- a\n- b\n", "最外层"),
        (b"just text\n", "最外层"),
        (b"\x00\x01\x02binary", "二进制"),
        (b"identity: !!python/object:os.system {}\n", "标签"),
        (b"schema_version: abc\n", "整数"),
    ],
)
def test_files_that_are_not_answers(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(DrafterError) as info:
        read_answers_file(path)
    assert fragment in str(info.value)


def test_gbk_file_from_notepad_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("identity:\n  unit_name: 俄久乡\n".encode("gbk"))
    assert read_answers_file(path).data["identity"]["unit_name"] == "俄久乡"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DrafterError, match="找不到"):
        read_answers_file(tmp_path / "nope.yaml")
    with pytest.raises(DrafterError, match="文件夹"):
        read_answers_file(tmp_path)


def test_atomic_save_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_answers(path, {"identity": {"unit_name": "俄久乡"}})
    save_answers(path, {"identity": {"unit_name": "杂色镇"}}, base=read_answers_file(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "a.yaml.bak"]
    assert read_answers_file(path).data["identity"]["unit_name"] == "杂色镇"


def test_save_into_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DrafterError) as info:
        save_answers(blocker / "a.yaml", {"identity": {"unit_name": "俄久乡"}})
    assert "写入" in str(info.value) or "无法" in str(info.value)


def test_unknown_keys_in_plain_data_survive_a_save_without_a_base(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_answers(path, {"identity": {"unit_name": "俄久乡", "备注": "留着"}, "附加": [1, 2]})
    loaded = read_answers_file(path)
    assert loaded.data["identity"]["备注"] == "留着"
    assert loaded.data["附加"] == [1, 2]
    assert set(loaded.unknown) == {"identity.备注", "附加"}


def test_older_schema_is_migrated_on_load_without_the_questionnaire(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "answers_v0.yaml"
    before = fixture.read_bytes()
    loaded = read_answers_file(fixture)
    assert loaded.migrated_from == 0 and loaded.changes
    assert loaded.data["schema_version"] == SCHEMA_VERSION
    assert "unit_name" in loaded.data["identity"] and "name" not in loaded.data["identity"]
    assert fixture.read_bytes() == before  # loading never rewrites the old file


@pytest.mark.skipif(os.name != "posix", reason="POSIX 权限位")
def test_saved_files_get_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_answers(path, {"identity": {"unit_name": "俄久乡"}})
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    save_answers(path, {"identity": {"unit_name": "杂色镇"}}, base=read_answers_file(path))
    assert path.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
