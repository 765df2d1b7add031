"""Fresh web copies of township reports (tests/fixtures/fresh and fresh2, see their READMEs): each imports
with the unit it names, and its draft keeps none of the page around it, adds no 一是 the
township did not write, and builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from drafter.importer import import_path
from drafter.render.engine import render_blocks
from drafter.text.furniture import is_furniture

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = {
    (folder, name): want
    for folder in ("fresh", "fresh2")
    for name, want in YAML(typ="safe")
    .load((FIXTURES / folder / "expectations.yaml").read_text(encoding="utf-8"))
    .items()
}


@pytest.mark.parametrize(("folder", "name"), sorted(EXPECTED))
def test_a_fresh_web_copy_imports_as_the_township_wrote_it(folder: str, name: str) -> None:
    source = FIXTURES / folder / f"{name}.txt"
    result = import_path(source)
    identity = result.answers.identity
    want = EXPECTED[folder, name]
    assert (identity.unit_name, identity.unit_type) == (want["unit_name"], want["unit_type"])
    if identity.unit_name is None:
        return  # the draft waits for the unit the user types in
    draft = [b.full_text for b in render_blocks(result.answers)]
    assert [line for line in draft if line.strip() and is_furniture(line)] == []
    # The title names the unit (or is the report's own, which may not) and none of the page
    # (its site, section or breadcrumb).
    assert identity.unit_name in draft[0] or draft[0] == identity.title
    assert not re.search(r"网站|首页|信息公开|门户|>|来源", draft[0])
    # A copy out of a PDF may space its words ("一 是"): read without the spaces.
    written = re.sub(r"\s", "", source.read_text(encoding="utf-8"))
    if "一是" not in written:
        assert not any("一是" in line for line in draft)
