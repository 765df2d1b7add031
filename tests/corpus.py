"""The annotated corpus of real report excerpts (tests/fixtures/corpus), as the tests read it.

``DEV`` names the development half: tests develop on it; the held-out half is only measured,
by the benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
ANNOTATIONS: dict[str, Any] = YAML(typ="safe").load(
    (CORPUS / "annotations.yaml").read_text(encoding="utf-8")
)
DEV = sorted(name for name, entry in ANNOTATIONS.items() if entry["split"] == "dev")
