"""The regex compiler's memo of character classes changes no compiled pattern."""

from __future__ import annotations

import re
import sys

import drafter.checks
import drafter.importer
from drafter import recompile

try:
    from re import _compiler as compiler  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as compiler  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]


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
