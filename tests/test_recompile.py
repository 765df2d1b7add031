"""The regex compiler's memo of character classes changes no compiled pattern."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import drafter.checks
import drafter.importer
from drafter import recompile

try:
    from re import _compiler as compiler  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as compiler  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent


def _drafter_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern drafter's modules hold, directly or in a list, tuple or dict."""
    assert drafter.checks and drafter.importer  # imported: their patterns exist
    found: dict[int, re.Pattern[str]] = {}

    def visit(value: object, depth: int) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                visit(item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for item in value.values():
                visit(item, depth + 1)

    for name, module in list(sys.modules.items()):
        if name.startswith("drafter"):
            for value in vars(module).values():
                visit(value, 0)
    return list(found.values())


def test_installed_and_idempotent() -> None:
    assert recompile.install()
    assert recompile.install()
    assert getattr(compiler._optimize_charset, "__wrapped__", None) is not None


def test_every_pattern_compiles_to_the_same_code_with_and_without_the_memo() -> None:
    patterns = _drafter_patterns()
    han = [p for p in patterns if r"\u4e00-\u9fff" in p.pattern or "\u4e00-\u9fff" in p.pattern]
    assert len(han) >= 10, "the checks' Chinese-character classes are among them"
    remembered = compiler._optimize_charset
    original = remembered.__wrapped__
    for pattern in patterns:
        codes = []
        for optimize in (remembered, remembered, original):  # the second call hits the memo
            compiler._optimize_charset = optimize
            try:
                parsed = parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
                codes.append(compiler._code(parsed, pattern.flags))
            finally:
                compiler._optimize_charset = remembered
        assert codes[0] == codes[1] == codes[2], pattern.pattern


# --------------------------------------------------------------------------- between runs

_PROBE = """
import json, re, sys
import drafter.checks, drafter.importer, drafter.reader.used_styles
from drafter import recompile
patterns = []
for name, module in sorted(sys.modules.items()):
    if name.startswith("drafter"):
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                patterns.append(value)
text = sys.argv[1]
print(json.dumps([
    [p.pattern if isinstance(p.pattern, str) else p.pattern.decode("latin-1"),
     p.flags, p.groups, sorted(p.groupindex.items()),
     [m.span() for m in p.finditer(text if isinstance(p.pattern, str) else text.encode())]]
    for p in patterns
]))
"""


def _probe(cache: Path, text: str) -> list[object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DRAFTER_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, text], env=env, capture_output=True, text=True, check=True
    )
    result: list[object] = json.loads(done.stdout)
    return result


def _cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "regex").glob("patterns-*.marshal"))


SAMPLE = (
    (ROOT / "seeds" / "000_423f073e31c81c7f.txt").read_text(encoding="utf-8")[:4000]
    if (ROOT / "seeds" / "000_423f073e31c81c7f.txt").exists()
    else "2024年，全镇共开展法治宣传活动30余场次，发放资料1500份。一是加强领导；二是完善制度。"
)


def test_patterns_from_the_cache_match_as_freshly_compiled_ones(tmp_path: Path) -> None:
    fresh = _probe(tmp_path / "off", SAMPLE)  # writes the cache file
    assert len(_cache_files(tmp_path / "off")) == 1
    cached = _probe(tmp_path / "off", SAMPLE)  # reads it
    assert cached == fresh
    assert len(fresh) > 100


def test_a_damaged_or_foreign_cache_file_means_compiling_as_before(tmp_path: Path) -> None:
    expected = _probe(tmp_path / "a", SAMPLE)
    (file,) = _cache_files(tmp_path / "a")
    data = file.read_bytes()
    for damaged in (b"", b"garbage", data[: len(data) // 2], data[:4] + b"x" + data[5:]):
        file.write_bytes(damaged)
        assert _probe(tmp_path / "a", SAMPLE) == expected
    # A well-formed file whose codes the engine refuses: compiled again, same results.
    import marshal
    import zlib

    entries = {
        key: (flags, bytes(12), groups, index, names)  # three zero codes
        for key, (flags, _code, groups, index, names) in marshal.loads(data[4:]).items()
    }
    payload = marshal.dumps(entries)
    file.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)
    assert _probe(tmp_path / "a", SAMPLE) == expected


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "shared"
    cache.mkdir(mode=0o777)
    os.chmod(cache, 0o777)
    _probe(cache, SAMPLE)
    assert _cache_files(cache) == []


def test_turned_off_by_an_empty_cache_setting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(DRAFTER_CACHE_DIR="", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    subprocess.run([sys.executable, "-c", "import drafter.checks"], env=env, check=True)
    assert not list(tmp_path.rglob("*.marshal"))


def test_patterns_made_from_a_document_are_not_kept(tmp_path: Path) -> None:
    """The checks build patterns from the report's own names (the township's): those are
    compiled each run and never written to the cache, which holds drafter's patterns only."""
    report = tmp_path / "报告.txt"
    report.write_text(
        "中共霁虹镇委员会 霁虹镇人民政府\n关于霁虹镇2024年度法治政府建设情况的报告\n"
        "县委依法治县办：\n2024年，霁虹镇深入学习贯彻习近平法治思想，全年开展法治宣传活动12场次。\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DRAFTER_CACHE_DIR"] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "drafter", "check", str(report)]
    subprocess.run(command, env=env, capture_output=True, check=False)
    (file,) = _cache_files(tmp_path / "cache")
    assert "霁虹".encode() not in file.read_bytes()
    assert "霁虹".encode("utf-16-le") not in file.read_bytes()
    import marshal

    patterns = [pattern for pattern, _flags in marshal.loads(file.read_bytes()[4:])]
    assert not [p for p in patterns if "霁虹" in p]
    assert len(patterns) > 100  # the checks' own patterns are kept
