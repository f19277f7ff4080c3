"""The Assessment as JSON-ready data with stable keys (the CLI's output format).

Minutes are given twice: as a number rounded to two decimals for reading, and exactly as a
fraction string ("28110/13") so that a program can compare without rounding.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from bpa_core.rules.eligibility import Assessment
from bpa_core.rules.hours import display_hours
from bpa_core.rules.ruleset import SOURCES


def _minutes(value: Fraction) -> float:
    return round(float(value), 2)


def _exact(value: Fraction) -> str:
    return str(value)


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _deprecated(a: Assessment) -> dict[str, Any]:
    return {
        "minutes_missing_to_25": _minutes(a.minutes_missing_to_cost_exception),
        "minutes_missing_to_32": _minutes(a.minutes_missing_to_right),
        "minutes_missing_to_25_exact": _exact(a.minutes_missing_to_cost_exception),
        "minutes_missing_to_32_exact": _exact(a.minutes_missing_to_right),
    }


def assessment_to_dict(a: Assessment) -> dict[str, Any]:
    return {
        "outcome": a.outcome.value,
        "assessed_on": a.assessed_on.isoformat(),
        "rules_valid_from": a.rules_valid_from.isoformat(),
        "age": a.age,
        "is_child": a.is_child,
        "reaches_age_limit_on": a.reaches_age_limit_on.isoformat()
        if a.reaches_age_limit_on
        else None,
        "counted_minutes_per_week": _minutes(a.counted_minutes),
        "counted_minutes_per_week_exact": _exact(a.counted_minutes),
        "counted_hours_per_week": float(display_hours(a.counted_minutes)),
        "total_minutes_per_week_exact": _exact(a.total_minutes),
        "excluded_minutes_by_reason": {r.value: _minutes(m) for r, m in a.excluded_minutes.items()},
        "excluded_minutes_by_reason_exact": {
            r.value: _exact(m) for r, m in a.excluded_minutes.items()
        },
        "counted_minutes_by_category": {c: _minutes(m) for c, m in a.counted_by_category.items()},
        "missing": [m.value for m in a.missing],
        "flags": [f.value for f in a.flags],
        "criteria": [
            {
                "id": c.id,
                "status": c.status.value,
                "reason": c.reason,
                "sources": [SOURCES[s].short for s in c.sources],
            }
            for c in a.criteria
        ],
        "minutes_missing_to_cost_exception": _minutes(a.minutes_missing_to_cost_exception),
        "minutes_missing_to_right": _minutes(a.minutes_missing_to_right),
        "minutes_missing_to_cost_exception_exact": _exact(a.minutes_missing_to_cost_exception),
        "minutes_missing_to_right_exact": _exact(a.minutes_missing_to_right),
        # The same under their old names, for programs written against them: kept while draft
        # files of schema version 1 are read (they name the 2020 thresholds, not the rule set's).
        **_deprecated(a),
        "sources": [{"id": s, "short": SOURCES[s].short, "url": SOURCES[s].url} for s in a.sources],
    }
