"""Checks: what a county reviewer catches, on our drafts and on any report.

Each family of rules lives in its own module and registers its rule with
:func:`~drafter.checks.base.register` (:mod:`drafter.checks.base` is the registry: findings, rules,
running them); importing this package imports every rule module, in the order their findings are
listed. Rule modules import from ``base``, never from this package, so there is no import circle.
"""

from __future__ import annotations

from drafter.checks import (  # noqa: F401  (importing a rule module registers it)
    approx,
    carried,
    conflicts,
    county,
    dates,
    doubled,
    duplicates,
    echo,
    figures,
    fragments,
    names,
    numbering,
    outdated,
    parts,
    phrases,
    punctuation,
    runon,
    seams,
    spacing,
    status,
    substance,
    titles,
    typos,
    unended,
    unit,
    unplaced,
    usage,
    years,
)
from drafter.checks.base import (
    RULE_NAMES,
    RULES,
    SEVERITY_ORDER,
    WHOLE_DOCUMENT,
    Context,
    Finding,
    Severity,
    findings_to_json,
    register,
    rule_name,
    run_checks,
)

__all__ = [
    "RULES",
    "RULE_NAMES",
    "SEVERITY_ORDER",
    "WHOLE_DOCUMENT",
    "Context",
    "Finding",
    "Severity",
    "findings_to_json",
    "register",
    "rule_name",
    "run_checks",
]
