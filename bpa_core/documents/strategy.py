"""How the documents argue for the applicant: decided once, from the estimate (bpa-rules.md § 3.1).

The application states the person's full need in their favour and never argues against them.
What it claims, which hours it names and what it asks for follow from the estimate here, so the
application, the checklist and the appeal agree, and each rule is tested per outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from bpa_core.draft import Answer, Draft, Duration, NeedLevel
from bpa_core.rules import Assessment, ExclusionReason, Flag, Outcome
from bpa_core.rules.ruleset import ruleset_for


class Basis(StrEnum):
    """What the application applies under, first."""

    RIGHT = "right"  # pbrl. § 2-1 d; hol. § 3-8 if the municipality finds the right does not apply
    CONTINUATION = "continuation"  # granted under the right before 67: the right continues
    MUNICIPAL = "municipal"  # hol. § 3-8 first, with the person's reasons


# Occasional night and two-helper hours: applied for within the BPA hours, never conceded.
OCCASIONAL = (ExclusionReason.OCCASIONAL_NIGHT, ExclusionReason.OCCASIONAL_TWO_HELPERS)
# Hours held outside the count that are still applied for as BPA: the occasional hours, and the
# health tasks the application asks into the scheme (rundskriv I-9/2015). Only help at work or
# school (other schemes) and an adult's relatives' respite (avlastning) are named apart.
WITHIN_BPA = (*OCCASIONAL, ExclusionReason.HEALTH)


@dataclass(frozen=True)
class Strategy:
    basis: Basis
    # Municipal basis: ask that the right is assessed if the municipality's own mapping finds the
    # cost-exception threshold (25 hours) or more. Not when age, duration or cause rule it out.
    ask_right_assessed: bool
    # Name the hours that count toward the right: only when they clearly give it (32 or more).
    # In the 25–32 band the count would point to the cost exception and show how near the line
    # the person is; under 25 it argues against the claim.
    state_counted_hours: bool
    # Health tasks in the week plan: ask that the simple ones are part of the BPA scheme
    # (rundskriv I-9/2015: the municipality may organise health services within BPA).
    ask_health_in_scheme: bool
    # Occasional night / two-helper hours in the plan: asked for within the BPA hours.
    occasional: tuple[ExclusionReason, ...]
    # The 67th birthday when it is near (flag age_near_limit): ask for a decision before it.
    decide_before: date | None
    # Say how long the need lasts only when it helps (over two years) or is still open.
    state_duration: bool


def applied_minutes(a: Assessment) -> Fraction:
    """The hours applied for: the person's whole need that BPA can hold (bpa-rules.md § 3.1).

    The counted hours, the occasional night and two-helper hours, and the health tasks asked
    into the scheme. The counting rules of the right never cut what is applied for (under
    hol. § 3-8 they do not apply at all); what the week plan holds besides is help that other
    schemes give, and the application says what it is. The application, the checklist and the
    appeal all use this figure, so they agree with each other and with the week table's total.
    """
    extra = (a.excluded_minutes.get(r, Fraction(0)) for r in WITHIN_BPA)
    return a.counted_minutes + sum(extra, Fraction(0))


def strategy_for(draft: Draft, a: Assessment) -> Strategy:
    """The applicant's strategy for this draft and estimate."""
    if Flag.CONTINUES_PAST_AGE_LIMIT in a.flags:
        basis = Basis.CONTINUATION
    elif _municipal_first(draft, a):
        basis = Basis.MUNICIPAL
    else:
        basis = Basis.RIGHT
    return Strategy(
        basis=basis,
        ask_right_assessed=basis == Basis.MUNICIPAL and not _right_ruled_out(draft, a),
        state_counted_hours=a.outcome == Outcome.RIGHT,
        ask_health_in_scheme=Flag.HEALTH_MAY_BE_ADDED in a.flags,
        occasional=tuple(r for r in OCCASIONAL if a.excluded_minutes.get(r, 0) > 0),
        decide_before=_birthday_near(a),
        state_duration=draft.need.duration in (Duration.OVER_2_YEARS, Duration.DONT_KNOW),
    )


def _municipal_first(draft: Draft, a: Assessment) -> bool:
    """hol. § 3-8 first: no individual right by the estimate, or (outcome unclear) a week plan
    whose counted hours stay under the lower threshold."""
    if a.outcome == Outcome.NO_RIGHT_CAN_APPLY:
        return True
    if a.outcome == Outcome.UNCLEAR and draft.rows:
        rules = ruleset_for(a.assessed_on)
        return a.counted_minutes < rules.cost_exception_minutes
    return False


def _right_ruled_out(draft: Draft, a: Assessment) -> bool:
    """Whether the right is out whatever the hours: age, a short need, or another cause."""
    age = a.criterion("age")
    return (
        age.reason == "at_or_over_age_limit"
        or draft.need.duration == Duration.TWO_YEARS_OR_LESS
        or draft.need.cause == Answer.NO
    )


def _birthday_near(a: Assessment) -> date | None:
    """The birthday the person reaches the age limit on, when it is near (the flag)."""
    return a.reaches_age_limit_on if Flag.AGE_NEAR_LIMIT in a.flags else None


def asks_for_night_or_two_helpers(draft: Draft) -> bool:
    """Whether the person gave a night or two-helper need at all (the section is written)."""
    return any(
        level in (NeedLevel.OCCASIONAL, NeedLevel.CONTINUOUS)
        for level in (draft.night_need, draft.two_helper_need)
    )
