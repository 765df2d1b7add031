"""Compiled templates kept between runs: used when valid, never a reason for a build to fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.answers.model import validate_answers
from drafter.render import engine as render
from drafter.render import template_cache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(template_cache.ENV_VAR, str(folder))
    render.make_environment.cache_clear()
    yield folder
    render.make_environment.cache_clear()


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the templates Jinja compiles from source (a cache hit compiles nothing)."""
    compiled: list[str] = []
    env_class = type(render.make_environment())
    original = env_class._generate

    def generate(self, source, name, filename=None, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return original(self, source, name, filename, defer_init)

    monkeypatch.setattr(env_class, "_generate", generate)
    render.make_environment.cache_clear()
    return compiled


def _render(example_data: dict, templates: Path | None = None) -> str:
    render.make_environment.cache_clear()
    return render.render_text(validate_answers(example_data), templates=templates)


def test_a_second_run_loads_compiled_templates_and_renders_the_same(
    cache_dir: Path, example_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = _count_compiles(monkeypatch)
    first = _render(example_data)
    assert compiled, "the first run compiles"
    assert list((cache_dir / "templates").glob("*.jinja"))
    compiled.clear()
    assert _render(example_data) == first
    assert compiled == []


def test_a_changed_template_is_compiled_again(
    cache_dir: Path, example_data: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county = tmp_path / "县级模板"
    (county / "parts").mkdir(parents=True)
    plans = county / "parts" / "plans.j2"
    plans.write_text("::p 第一版计划。\n", encoding="utf-8")
    compiled = _count_compiles(monkeypatch)
    assert "第一版计划" in _render(example_data, county)
    plans.write_text("::p 第二版计划。\n", encoding="utf-8")
    os.utime(plans, (1, 1))  # a different mtime, whatever the clock's resolution
    compiled.clear()
    text = _render(example_data, county)
    assert "第二版计划" in text and "第一版计划" not in text
    assert compiled == ["parts/plans.j2"]


def test_entries_are_tied_to_the_compiling_code(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = template_cache._cache_class()("/nonexistent")
    before = cache.get_source_checksum("::p 文字")
    template_cache._fingerprint.cache_clear()
    monkeypatch.setattr(template_cache, "_SHAPING_MODULES", ("render.py",))
    try:
        assert cache.get_source_checksum("::p 文字") != before
    finally:
        template_cache._fingerprint.cache_clear()


def test_a_damaged_entry_is_compiled_again(
    cache_dir: Path, example_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _render(example_data)
    for entry in (cache_dir / "templates").glob("*.jinja"):
        entry.write_bytes(entry.read_bytes()[:40])
    compiled = _count_compiles(monkeypatch)
    assert _render(example_data) == first
    assert compiled


def test_no_usable_folder_means_compiling_as_before(
    tmp_path: Path, example_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "一个文件"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(template_cache.ENV_VAR, str(blocker / "cache"))
    assert template_cache.bytecode_cache() is None
    assert "法治政府建设" in _render(example_data)
    monkeypatch.setenv(template_cache.ENV_VAR, "")
    assert template_cache.bytecode_cache() is None
    render.make_environment.cache_clear()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_folder_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    (shared / "templates").mkdir(parents=True)
    shared.chmod(0o777)
    monkeypatch.setenv(template_cache.ENV_VAR, str(shared))
    assert template_cache.bytecode_cache() is None
    shared.chmod(0o700)
    (shared / "templates").chmod(0o700)
    assert template_cache.bytecode_cache() is not None


def test_a_folder_that_cannot_be_written_still_builds(
    cache_dir: Path, example_data: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2.bccache import FileSystemBytecodeCache

    def refuse(self, bucket):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "只读")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", refuse)
    assert "法治政府建设" in _render(example_data)
    assert not list((cache_dir / "templates").glob("*.jinja"))


def test_no_home_folder_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path as RealPath

    def no_home() -> RealPath:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(template_cache.ENV_VAR, raising=False)
    monkeypatch.setattr(template_cache.Path, "home", staticmethod(no_home))
    assert template_cache.cache_root() is None
    assert template_cache.bytecode_cache() is None
