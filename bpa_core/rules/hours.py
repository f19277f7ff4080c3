"""Exact week arithmetic for the assistance plan (bpa-rules.md § 2.2–2.3).

Minutes are ``Fraction``s: a monthly row is 12/52 of its monthly minutes per week, which is not a
whole number. Nothing here sums floats; rounding happens only for display.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from bpa_core.draft import ActivityRow, Category, NeedLevel, Per
from bpa_core.rules.ruleset import RuleSet

WEEKS_PER_YEAR = 52
# Occasions per period -> occasions per week (bpa-rules.md § 2.3).
PER_WEEK_FACTOR: dict[Per, Fraction] = {
    Per.DAY: Fraction(7),
    Per.WEEK: Fraction(1),
    Per.MONTH: Fraction(12, WEEKS_PER_YEAR),
    Per.YEAR: Fraction(1, WEEKS_PER_YEAR),
}


class ExclusionReason(StrEnum):
    """Why a row's hours are held outside the count toward 25/32 hours."""

    OCCASIONAL_NIGHT = "occasional_night"  # night help, but the night need is not continuous
    OCCASIONAL_TWO_HELPERS = "occasional_two_helpers"  # two helpers, need not continuous
    HEALTH = "health"  # health services (hol. § 3-2 no. 6 a) are outside the right
    WORK_OR_EDUCATION = "work_or_education"  # covered by NAV, school, place of study
    RESPITE_FOR_ADULT = "respite_for_adult"  # respite counts only for a child under 18


def weekly_minutes(row: ActivityRow) -> Fraction:
    """Minutes per week of one row: minutes x times x the period's factor."""
    return row.minutes * row.times * PER_WEEK_FACTOR[row.per]


MINUTES_IN_A_WEEK = 7 * 24 * 60  # 168 hours


def more_than_a_week(rows: Iterable[ActivityRow]) -> bool:
    """The rows take more time together than a week has (168 hours): some row is too long or
    written twice. Each row fits its own period (the Draft refuses one that does not), but
    together they may not; the week step and the review say so, the estimate is not changed."""
    return sum((weekly_minutes(r) for r in rows), Fraction(0)) > MINUTES_IN_A_WEEK


def exclusion_reason(
    row: ActivityRow,
    *,
    is_child: bool,
    night_need: NeedLevel | None,
    two_helper_need: NeedLevel | None,
    rules: RuleSet,
) -> ExclusionReason | None:
    """None when the row counts toward the right; else the first reason it is held outside.

    The category decides first (health and work/education never count, respite only for a
    child); then a night row counts only if the night need is continuous, and a two-helper row
    only if the two-helper need is continuous (pbrl. § 2-1 d; rundskriv I-9/2015).
    """
    if row.category in rules.excluded_categories:
        return ExclusionReason(row.category.value)
    if row.category == rules.respite_category and not is_child:
        return ExclusionReason.RESPITE_FOR_ADULT
    if row.night and night_need != NeedLevel.CONTINUOUS:
        return ExclusionReason.OCCASIONAL_NIGHT
    if row.two_helpers and two_helper_need != NeedLevel.CONTINUOUS:
        return ExclusionReason.OCCASIONAL_TWO_HELPERS
    return None


@dataclass(frozen=True)
class RowResult:
    """One row of the week as the estimate sees it: its minutes a week, and why they are held
    outside the count (None: they count). ``waits_for_answer``: a night or two-helper row whose
    question (is the need continuous?) has no answer yet, so whether it counts is not decided;
    it is held outside the count until then, and the interface says "decided later", never
    "not counted"."""

    minutes: Fraction
    reason: ExclusionReason | None
    waits_for_answer: bool = False

    @property
    def counted(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class WeekTotals:
    """The week plan summed: counted minutes, excluded minutes by reason, minutes by category,
    and each row's own result (in the order of the rows)."""

    counted: Fraction
    excluded: dict[ExclusionReason, Fraction]
    counted_by_category: dict[Category, Fraction]
    total: Fraction
    rows: tuple[RowResult, ...] = ()


def week_totals(
    rows: Iterable[ActivityRow],
    *,
    is_child: bool,
    night_need: NeedLevel | None,
    two_helper_need: NeedLevel | None,
    rules: RuleSet,
) -> WeekTotals:
    counted = Fraction(0)
    total = Fraction(0)
    excluded: dict[ExclusionReason, Fraction] = {}
    by_category: dict[Category, Fraction] = {}
    results: list[RowResult] = []
    for row in rows:
        minutes = weekly_minutes(row)
        total += minutes
        reason = exclusion_reason(
            row,
            is_child=is_child,
            night_need=night_need,
            two_helper_need=two_helper_need,
            rules=rules,
        )
        waits = (reason == ExclusionReason.OCCASIONAL_NIGHT and night_need is None) or (
            reason == ExclusionReason.OCCASIONAL_TWO_HELPERS and two_helper_need is None
        )
        results.append(RowResult(minutes, reason, waits))
        if reason is None:
            counted += minutes
            by_category[row.category] = by_category.get(row.category, Fraction(0)) + minutes
        else:
            excluded[reason] = excluded.get(reason, Fraction(0)) + minutes
    ordered = {r: excluded[r] for r in ExclusionReason if r in excluded}
    ordered_categories = {c: by_category[c] for c in Category if c in by_category}
    return WeekTotals(counted, ordered, ordered_categories, total, tuple(results))


def hours(minutes: Fraction) -> Fraction:
    return minutes / 60


def display_hours(minutes: Fraction, *, up: bool = False) -> Decimal:
    """Hours to one decimal, for display only, never for comparison.

    Hours the person has are rounded down, hours still missing (``up``) are rounded up: a total
    of 1919 minutes shows as 31,9 hours, never as 32 beside "you probably have the right unless
    …", and what is shown as missing is enough. The two add up to the limit exactly
    (19,2 + 5,8 = 25). Exact: the tenths are found with fractions (a tenth of an hour is 6
    minutes), and a whole number of tenths is exact in Decimal.
    """
    tenths = minutes / 6
    return Decimal(tenths.__ceil__() if up else tenths.__floor__()).scaleb(-1)
