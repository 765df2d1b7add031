"""Shared fixtures: the bundled example, answers-file builders, the demo draft."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


_made_cache: list[str] = []
"""The cache folder this test run made (removed when it ends), if it made one."""


def pytest_sessionstart(session: pytest.Session) -> None:
    # Compiled templates go to a cache of the test run, not the user's (subprocesses inherit it).
    import tempfile

    if "DRAFTER_CACHE_DIR" not in os.environ:
        _made_cache.append(tempfile.mkdtemp(prefix="drafter-test-cache-"))
        os.environ["DRAFTER_CACHE_DIR"] = _made_cache[0]
    # In CI LibreOffice is installed by .ci/run: a layout test must never skip there.
    if os.environ.get("CI"):
        from drafter.docx.pdf import find_soffice

        if find_soffice() is None:
            raise pytest.UsageError("CI 环境缺少 LibreOffice：.ci/run 应已安装，版式测试不能跳过。")


_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _made_cache:  # one folder a run would otherwise leave in the temp folder
        import shutil

        shutil.rmtree(_made_cache.pop(), ignore_errors=True)
    # .ci/run installs everything the tests rely on: in CI a skipped test is a missing install
    # step (a green run with skips once hid one), so the session fails.
    if os.environ.get("CI") and _skipped and exitstatus == pytest.ExitCode.OK:
        names = "\n  ".join(_skipped)
        print(
            f"\nCI 环境中不允许跳过测试（缺少的系统软件见 python3 tests/preflight.py）：\n  {names}"
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def example_path() -> Path:
    from drafter.build import example_path as path

    return path()


@pytest.fixture(scope="session")
def example_data(example_path: Path) -> dict[str, Any]:
    from drafter.answers.file import read_answers_file

    return read_answers_file(example_path).data


@pytest.fixture
def write_answers(tmp_path: Path):
    """Write answer data (a plain dict) as a real answers file and return its path."""
    from drafter.answers.file import dump_answers

    def write(data: dict[str, Any], name: str = "答卷.yaml") -> Path:
        path = tmp_path / name
        path.write_text(dump_answers(copy.deepcopy(data)), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory, example_path: Path):
    """The demo draft, built once for the session."""
    from drafter.build import build_report

    out = tmp_path_factory.mktemp("demo") / "demo.docx"
    return build_report(example_path, out)


def texts_without(
    data: dict[str, Any], pattern: re.Pattern[str], *, keep: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A copy of answer data with ``pattern`` removed from every text answer and item (answers
    named in ``keep`` left as they are)."""
    out = copy.deepcopy(data)
    for section in out.values():
        if not isinstance(section, dict):
            continue
        for key, value in list(section.items()):
            if isinstance(value, str) and key not in keep:
                section[key] = pattern.sub("", value)
            elif isinstance(value, list):
                section[key] = [
                    {k: pattern.sub("", v) for k, v in item.items()}
                    if isinstance(item, dict)
                    else pattern.sub("", item)
                    for item in value
                ]
    return out


def run_drafter(
    *args: str,
    cwd: Path,
    timeout: float = 120,
    preexec_fn: Any = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m drafter ARGS`` in a fresh process, from the source tree, UTF-8 output."""
    return run_python(
        "-m", "drafter", *args, cwd=cwd, timeout=timeout, preexec_fn=preexec_fn, env=env
    )


def run_python(
    *args: str,
    cwd: Path,
    timeout: float = 120,
    preexec_fn: Any = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in a fresh process that imports drafter from the source tree (``env``:
    variables set on top, such as another PYTHONPATH or a PATH without LibreOffice)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )


def seed_text(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def county_templates(folder: Path, plans: str | bytes | None = None) -> Path:
    """A county template folder under ``folder``: the built-in regulation outline and, when
    given, its own ``parts/plans.j2`` (text, or bytes as a county's editor saved them)."""
    import shutil

    root = folder / "县模板"
    (root / "outlines").mkdir(parents=True)
    (root / "parts").mkdir()
    builtin = ROOT / "templates"
    shutil.copy(builtin / "outlines" / "regulation.j2", root / "outlines" / "regulation.j2")
    if plans is not None:
        target = root / "parts" / "plans.j2"
        if isinstance(plans, bytes):
            target.write_bytes(plans)
        else:
            target.write_text(plans, encoding="utf-8")
    return root
