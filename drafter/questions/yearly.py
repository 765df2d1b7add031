"""Wording that changes with the report year, kept as data the user can edit.

Only what docs/domain.md verifies is filled in; for later years the questionnaire asks the user to
confirm the latest meetings instead of guessing.
"""

from __future__ import annotations

GUIDING_BASE = "以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想"

# The latest party meetings a report of that year cites.
MEETINGS_BY_YEAR: dict[int, str] = {
    2023: "党的二十大精神",
    2024: "党的二十大和二十届二中、三中全会精神",
    2025: "党的二十大和二十届二中、三中、四中全会精神",
}
LATEST_VERIFIED_YEAR = max(MEETINGS_BY_YEAR)


def meetings_for(year: int) -> str:
    """The meetings phrase for a year; later years fall back to the latest verified one."""
    if year in MEETINGS_BY_YEAR:
        return MEETINGS_BY_YEAR[year]
    known = [y for y in MEETINGS_BY_YEAR if y <= year]
    return MEETINGS_BY_YEAR[max(known)] if known else MEETINGS_BY_YEAR[min(MEETINGS_BY_YEAR)]


def guiding_formula(year: int) -> str:
    """The default guiding formula of the opening paragraph for a report year."""
    return f"{GUIDING_BASE}，全面贯彻落实{meetings_for(year)}"


def needs_confirmation(year: int) -> bool:
    """True when the year's meetings are not verified here and the user must confirm them."""
    return year > LATEST_VERIFIED_YEAR
