"""Fresh web copies of township reports (tests/fixtures/fresh, see its README): each imports
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

FRESH = Path(__file__).resolve().parent / "fixtures" / "fresh"
EXPECTED = YAML(typ="safe").load((FRESH / "expectations.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_fresh_web_copy_imports_as_the_township_wrote_it(name: str) -> None:
    source = FRESH / f"{name}.txt"
    result = import_path(source)
    identity = result.answers.identity
    want = EXPECTED[name]
    assert (identity.unit_name, identity.unit_type) == (want["unit_name"], want["unit_type"])
    if identity.unit_name is None:
        return  # the draft waits for the unit the user types in
    draft = [b.full_text for b in render_blocks(result.answers)]
    assert [line for line in draft if line.strip() and is_furniture(line)] == []
    # The title names the unit and none of the page (its site, section or breadcrumb).
    assert identity.unit_name in draft[0]
    assert not re.search(r"网站|首页|信息公开|门户|>|来源", draft[0])
    written = source.read_text(encoding="utf-8")
    if "一是" not in written:
        assert not any("一是" in line for line in draft)
