"""The estimate: does the person probably have the right to BPA? (bpa-rules.md § 2.4)

``assess(draft, on=date)`` returns an ``Assessment``: the outcome, each criterion with its status,
reason id and sources, the counted and excluded minutes, what is missing and the flags. It is an
estimate; the municipality decides after its own mapping (kartlegging).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction

from bpa_core.draft import Answer, Draft, Duration, NeedLevel
from bpa_core.rules.ages import add_months, age_on, birthday
from bpa_core.rules.hours import ExclusionReason, RowResult, WeekTotals, week_totals
from bpa_core.rules.ruleset import RuleSet, ruleset_for


class Outcome(StrEnum):
    RIGHT = "right"  # probably a right to BPA
    RIGHT_UNLESS_COST = "right_unless_cost"  # 25-32 h: unless substantially more costly
    NO_RIGHT_CAN_APPLY = "no_right_can_apply"  # no individual right; can apply (hol. § 3-8)
    UNCLEAR = "unclear"  # something needed for the estimate is missing


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Missing(StrEnum):
    """What the estimate needs and did not get (outcome ``unclear``)."""

    BIRTH_DATE = "birth_date"
    CAUSE = "cause"
    DURATION = "duration"
    ROWS = "rows"


class Flag(StrEnum):
    AGE_NEAR_LIMIT = "age_near_limit"  # turns 67 within twelve months: apply now
    CONTINUES_PAST_AGE_LIMIT = "continues_past_age_limit"  # granted under the right before 67
    CHILD_NEEDS_BEYOND_PEERS = "child_needs_beyond_peers"  # only needs beyond peers count
    COST_EXCEPTION = "cost_exception"  # 25-32 h: the municipality must document the cost
    HEALTH_MAY_BE_ADDED = "health_may_be_added"  # simple health tasks may join a BPA scheme
    NIGHT_ROWS_WITHOUT_NIGHT_NEED = "night_rows_without_night_need"
    TWO_HELPER_ROWS_WITHOUT_NEED = "two_helper_rows_without_need"


@dataclass(frozen=True)
class Criterion:
    """One condition of the right: its status, why (a reason id), and where it comes from."""

    id: str
    status: Status
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    outcome: Outcome
    assessed_on: date
    rules_valid_from: date
    criteria: tuple[Criterion, ...]
    counted_minutes: Fraction
    total_minutes: Fraction
    excluded_minutes: dict[ExclusionReason, Fraction]
    counted_by_category: dict[str, Fraction]
    missing: tuple[Missing, ...]
    flags: tuple[Flag, ...]
    minutes_missing_to_cost_exception: Fraction
    minutes_missing_to_right: Fraction
    age: int | None
    is_child: bool
    sources: tuple[str, ...] = field(default=())
    # The day of the birthday at the rule set's age limit; None without a usable birth date.
    # With the flag ``age_near_limit``: "I turn {age_limit} on …; decide before that date".
    reaches_age_limit_on: date | None = None
    # Each row of ``draft.rows`` in the same order: its minutes a week, counted or why not, and
    # whether that waits for an answer (the interface reads these, never the rules themselves).
    rows: tuple[RowResult, ...] = ()

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    @property
    def waiting_minutes(self) -> Fraction:
        """Minutes a week of the rows whose count waits for an answer (night, two helpers)."""
        return sum((r.minutes for r in self.rows if r.waits_for_answer), Fraction(0))

    @property
    def not_counted_minutes(self) -> dict[ExclusionReason, Fraction]:
        """Minutes held outside the count, by reason, without the rows that wait for an
        answer: those are not "not counted" yet."""
        out: dict[ExclusionReason, Fraction] = {}
        for r in self.rows:
            if r.reason is not None and not r.waits_for_answer:
                out[r.reason] = out.get(r.reason, Fraction(0)) + r.minutes
        return {reason: out[reason] for reason in ExclusionReason if out.get(reason)}


def age_of(draft: Draft, on: date) -> int | None:
    """The person's age on ``on``; None without a birth date or with one after ``on``."""
    birth = usable_birth_date(draft, on)
    return age_on(birth, on) if birth else None


def is_child(draft: Draft, on: date) -> bool:
    """Under the rule set's child age limit on ``on`` (respite counts; a parent fills in for a
    child). An unknown age is never a child's."""
    age = age_of(draft, on)
    return age is not None and age < ruleset_for(on).child_age_limit


def assess(draft: Draft, on: date) -> Assessment:
    """Estimate the BPA right for the answers in ``draft`` on the date ``on``. The date is the
    caller's: the app's day in Norway, the command line's ``--on``, a test's fixed day."""
    rules = ruleset_for(on)
    birth = usable_birth_date(draft, on)
    age = age_of(draft, on)
    child = is_child(draft, on)
    totals = week_totals(
        draft.rows,
        is_child=child,
        night_need=draft.night_need,
        two_helper_need=draft.two_helper_need,
        rules=rules,
    )
    criteria = (
        _age_criterion(draft, age, rules),
        _cause_criterion(draft),
        _duration_criterion(draft),
        _hours_criterion(draft, totals, rules),
    )
    missing = _missing(draft, on)
    outcome = _outcome(missing, criteria, totals, rules)
    sources: tuple[str, ...] = ("pbrl_2_1_d", "pbrl_2_1_a", "hol_3_2_6_b", "i_9_2015")
    if outcome == Outcome.NO_RIGHT_CAN_APPLY:
        sources += ("hol_3_8",)
    return Assessment(
        outcome=outcome,
        assessed_on=on,
        rules_valid_from=rules.valid_from,
        criteria=criteria,
        counted_minutes=totals.counted,
        total_minutes=totals.total,
        excluded_minutes=totals.excluded,
        counted_by_category={c.value: m for c, m in totals.counted_by_category.items()},
        missing=missing,
        flags=_flags(draft, age, child, totals, outcome, on, rules),
        minutes_missing_to_cost_exception=max(
            Fraction(0), rules.cost_exception_minutes - totals.counted
        ),
        minutes_missing_to_right=max(Fraction(0), rules.right_minutes - totals.counted),
        age=age,
        is_child=child,
        sources=sources,
        reaches_age_limit_on=birthday(birth, rules.age_limit) if birth else None,
        rows=totals.rows,
    )


def usable_birth_date(draft: Draft, on: date) -> date | None:
    """The birth date, unless it lies after the assessment date (a typing error in a draft file
    or on the command line): then the age is unknown, not 0, and a child's rules never apply."""
    birth = draft.person.birth_date
    return birth if birth is not None and birth <= on else None


def _age_criterion(draft: Draft, age: int | None, rules: RuleSet) -> Criterion:
    sources = ("pbrl_2_1_d",)
    if age is None:
        return Criterion("age", Status.UNKNOWN, "birth_date_missing", sources)
    if age < rules.age_limit:
        return Criterion("age", Status.MET, "under_age_limit", sources)
    if rules.continues_past_age_limit and draft.person.granted_before_age_limit:
        return Criterion("age", Status.MET, "granted_before_age_limit", sources)
    return Criterion("age", Status.NOT_MET, "at_or_over_age_limit", sources)


def _cause_criterion(draft: Draft) -> Criterion:
    sources = ("pbrl_2_1_a", "hol_3_2_6_b")
    cause = draft.need.cause
    if cause == Answer.YES:
        return Criterion("cause", Status.MET, "illness_injury_or_disability", sources)
    if cause == Answer.NO:
        return Criterion("cause", Status.NOT_MET, "other_cause", sources)
    return Criterion("cause", Status.UNKNOWN, "cause_unknown", sources)


def _duration_criterion(draft: Draft) -> Criterion:
    sources = ("pbrl_2_1_d",)
    duration = draft.need.duration
    if duration == Duration.OVER_2_YEARS:
        return Criterion("duration", Status.MET, "over_2_years", sources)
    if duration == Duration.TWO_YEARS_OR_LESS:
        return Criterion("duration", Status.NOT_MET, "two_years_or_less", sources)
    return Criterion("duration", Status.UNKNOWN, "duration_unknown", sources)


def _hours_criterion(draft: Draft, totals: WeekTotals, rules: RuleSet) -> Criterion:
    sources = ("pbrl_2_1_d", "hol_3_2_6_b", "i_9_2015")
    if not draft.rows:
        return Criterion("hours", Status.UNKNOWN, "no_rows", sources)
    if totals.counted >= rules.right_minutes:
        return Criterion("hours", Status.MET, "right_hours_met", sources)
    if totals.counted >= rules.cost_exception_minutes:
        return Criterion("hours", Status.MET, "in_cost_exception_band", sources)
    return Criterion("hours", Status.NOT_MET, "under_cost_exception_hours", (*sources, "hol_3_8"))


def _missing(draft: Draft, on: date) -> tuple[Missing, ...]:
    missing: list[Missing] = []
    if usable_birth_date(draft, on) is None:
        missing.append(Missing.BIRTH_DATE)
    if draft.need.cause in (None, Answer.DONT_KNOW):
        missing.append(Missing.CAUSE)
    if draft.need.duration in (None, Duration.DONT_KNOW):
        missing.append(Missing.DURATION)
    if not draft.rows:
        missing.append(Missing.ROWS)
    return tuple(missing)


def _outcome(
    missing: tuple[Missing, ...],
    criteria: tuple[Criterion, ...],
    totals: WeekTotals,
    rules: RuleSet,
) -> Outcome:
    """The first rule of bpa-rules.md § 2.4 that applies."""
    if missing:
        return Outcome.UNCLEAR
    if any(c.status == Status.NOT_MET for c in criteria if c.id in ("age", "cause", "duration")):
        return Outcome.NO_RIGHT_CAN_APPLY
    if totals.counted >= rules.right_minutes:
        return Outcome.RIGHT
    if totals.counted >= rules.cost_exception_minutes:
        return Outcome.RIGHT_UNLESS_COST
    return Outcome.NO_RIGHT_CAN_APPLY


def _flags(
    draft: Draft,
    age: int | None,
    is_child: bool,
    totals: WeekTotals,
    outcome: Outcome,
    on: date,
    rules: RuleSet,
) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    birth = usable_birth_date(draft, on)
    # Flagged when the 67th birthday is at most ``age_near_limit_months`` after ``on``: exactly
    # twelve months before it flags, one day more does not (tests/cases/age.yaml).
    near = add_months(on, rules.age_near_limit_months)
    if birth and age is not None and age < rules.age_limit <= age_on(birth, near):
        flags.append(Flag.AGE_NEAR_LIMIT)
    if age is not None and age >= rules.age_limit and draft.person.granted_before_age_limit:
        flags.append(Flag.CONTINUES_PAST_AGE_LIMIT)
    if is_child:
        flags.append(Flag.CHILD_NEEDS_BEYOND_PEERS)
    if outcome == Outcome.RIGHT_UNLESS_COST:
        flags.append(Flag.COST_EXCEPTION)
    if ExclusionReason.HEALTH in totals.excluded:
        flags.append(Flag.HEALTH_MAY_BE_ADDED)
    if any(r.night for r in draft.rows) and draft.night_need in (None, NeedLevel.NONE):
        flags.append(Flag.NIGHT_ROWS_WITHOUT_NIGHT_NEED)
    if any(r.two_helpers for r in draft.rows) and draft.two_helper_need in (None, NeedLevel.NONE):
        flags.append(Flag.TWO_HELPER_ROWS_WITHOUT_NEED)
    return tuple(flags)
