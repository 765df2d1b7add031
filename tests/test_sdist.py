"""The source distribution carries every file the tests read, so its own tests can pass.

(``.ci/run`` goes further: it unpacks the sdist, installs it with its test extras in a fresh
virtual environment and runs its test suite.)
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the tests open from the source tree: their own files and fixtures, the seeds, the
# example county templates, the templates and the package, README (its apt line is checked).
READ_BY_TESTS = ("drafter", "templates", "tests", "seeds", "examples")
TOP_FILES = ("README.md", "pyproject.toml")


def _source_files() -> set[str]:
    files = set(TOP_FILES)
    for folder in READ_BY_TESTS:
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT)
            if path.is_file() and "__pycache__" not in relative.parts and path.suffix != ".pyc":
                files.add(relative.as_posix())
    return files


def test_sdist_carries_everything_the_tests_read(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (archive,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    missing = sorted(_source_files() - names)
    assert missing == [], f"the sdist lacks files the tests read: {missing}"
    # The example county template the county-template tests use, with its subfolders.
    assert {"examples/county-template/outlines/regulation.j2"} <= names
    assert any(n.startswith("examples/county-template/parts/") for n in names)
