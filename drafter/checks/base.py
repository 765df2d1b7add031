"""The checks' registry: findings, rules and running them (the package imports the rules).

Each family of rules lives in its own module and registers its rule with :func:`register`; the
registry maps a rule id (the ids of the JSON contract in docs/contracts.md) to a function that takes a
:class:`Context` and yields :class:`Finding` objects. ``run_checks`` runs them all.

Severities: ``error`` is a defect a reviewer sends the report back for (a clean, well-written report
has none); ``warning`` is very likely wrong but has legitimate uses; ``info`` is a hint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Literal

from drafter.blocks import Block
from drafter.checks._text import Context

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
WHOLE_DOCUMENT = -1
"""The paragraph of a finding about the whole document (docs/contracts.md: JSON paragraph -1)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one block (read-only once made).

    ``message``: what is wrong and how to fix it, in Chinese; ``excerpt``: the offending text
    exactly as it stands in the block ("" when something is missing); ``paragraph``: 0-based
    index of the block, WHOLE_DOCUMENT (-1) for a finding about the whole document (a part
    missing), shown as 全文; ``suggestion``: the text that should replace ``excerpt``, when
    the rule knows it ("" otherwise: then JSON leaves the field out).
    """

    # Fields in this order: the JSON contract.
    rule: str
    severity: Severity
    message: str
    excerpt: str
    paragraph: int
    suggestion: str = ""

    def as_dict(self) -> dict[str, object]:
        """The finding as JSON has it (docs/contracts.md), fields in order; ``suggestion`` only
        when the rule gave one."""
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        if not self.suggestion:
            del found["suggestion"]
        return found


@dataclass(frozen=True)
class AnswerFinding:
    """A finding in one answer: ``key`` is the answers-file key, ``where`` a Chinese label."""

    key: str
    where: str
    finding: Finding


Rule = Callable[[Context], Iterable[Finding]]
RULES: dict[str, Rule] = {}
"""Rule id → check, in registration order (the order of the modules imported below)."""
RULE_NAMES: dict[str, str] = {}
"""Rule id → its Chinese name, the only form users see outside JSON output."""


def register(rule_id: str, name: str) -> Callable[[Rule], Rule]:
    """Decorator: make a check part of ``run_checks`` under ``rule_id`` with its Chinese ``name``."""

    def decorate(function: Rule) -> Rule:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = function
        RULE_NAMES[rule_id] = name
        return function

    return decorate


def rule_name(rule_id: str) -> str:
    """The Chinese name of a rule id (answers-level rules too, once registered)."""
    return RULE_NAMES.get(rule_id, rule_id)


def run_checks(
    blocks: Sequence[Block],
    *,
    unit_type: str | None = None,
    year: int | None = None,
    rules: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the checks (all, or the given rule ids) on blocks; identity detected when not given."""
    context = Context.build(list(blocks), unit_type=unit_type, year=year)
    selected = list(RULES) if rules is None else list(rules)
    findings: list[Finding] = []
    for rule_id in selected:
        findings.extend(RULES[rule_id](context))
    # One finding per rule, place and excerpt: overlapping patterns must not double-report.
    unique = {(f.rule, f.paragraph, f.excerpt, f.message): f for f in findings}
    # A document's name given in full by document-name (《……纲要（2021—2025年）》) mends the marks
    # inside it too: a punctuation finding there would say half of the same thing again.
    names = [(f.paragraph, f.excerpt) for f in unique.values() if f.rule == "document-name"]
    # A line of the web page the report was copied from is one thing to delete (stray-line):
    # its half-width colons and spaced labels are not the report's.
    kept = [
        f
        for f in unique.values()
        if (
            f.rule != "punctuation"
            or not any(p == f.paragraph and f.excerpt in name for p, name in names)
        )
        and (f.rule == "stray-line" or f.paragraph < 0 or not context.only_furniture(f.paragraph))
    ]
    return sorted(kept, key=lambda f: (f.paragraph, SEVERITY_ORDER[f.severity], f.rule))


@dataclass(frozen=True, slots=True)
class Place:
    """Where one finding stands: the block (WHOLE_DOCUMENT for the whole document) and the
    offending text as it stands there."""

    paragraph: int
    excerpt: str


@dataclass(frozen=True, slots=True)
class Grouped:
    """A finding as a reviewer reads it: one rule, severity and message, with every place it was
    found in the report (in document order). A half-width comma in thirty sentences is one
    thing to fix, said once, not thirty findings burying the few that matter."""

    rule: str
    severity: Severity
    message: str
    places: tuple[Place, ...]
    suggestion: str = ""
    """What should replace the excerpt, when the rule knows (the same at every place: the
    message names the change)."""

    @property
    def paragraph(self) -> int:
        return self.places[0].paragraph

    @property
    def excerpt(self) -> str:
        return self.places[0].excerpt

    @property
    def count(self) -> int:
        return len(self.places)

    def as_dict(self) -> dict[str, object]:
        """The JSON entry of docs/contracts.md: the fields of a :class:`Finding` (its first
        place), then ``count`` and ``places``."""
        found: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "paragraph": self.paragraph,
        }
        if self.suggestion:
            found["suggestion"] = self.suggestion
        found["count"] = self.count
        found["places"] = [{"paragraph": p.paragraph, "excerpt": p.excerpt} for p in self.places]
        return found


def group_findings(findings: Iterable[Finding]) -> list[Grouped]:
    """The same finding (rule, severity and message) at several places, as one; ordered by
    severity (errors first), then by where each is first found."""
    groups: dict[tuple[str, str, str], list[Place]] = {}
    suggestions: dict[tuple[str, str, str], str] = {}
    for f in sorted(findings, key=lambda f: f.paragraph):
        places = groups.setdefault((f.rule, f.severity, f.message), [])
        suggestions.setdefault((f.rule, f.severity, f.message), f.suggestion)
        place = Place(f.paragraph, f.excerpt)
        if place not in places:
            places.append(place)
    grouped = [
        Grouped(rule, severity, message, tuple(places), suggestions[rule, severity, message])  # type: ignore[arg-type]
        for (rule, severity, message), places in groups.items()
    ]
    return sorted(grouped, key=lambda g: (SEVERITY_ORDER[g.severity], g.paragraph, g.rule))


def findings_to_json(file: str, findings: Iterable[Finding]) -> dict[str, object]:
    """The ``drafter check --format json`` document of docs/contracts.md: findings grouped
    (:func:`group_findings`), each with its places."""
    return {"file": file, "findings": [g.as_dict() for g in group_findings(findings)]}
