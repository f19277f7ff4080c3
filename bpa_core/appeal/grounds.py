"""Grounds for an appeal (klagegrunner), offered from the facts and the estimate (bpa-rules.md § 5).

A ground is offered when the answers point to it: hours in the 25–32 band refused without a
documented cost; occasional night or two-helper hours treated as a reason to refuse or cut;
hours set below the described need; another service that does not meet the need; a decision
without reasons; without the right (or with the estimate unclear), BPA not considered under
hol. § 3-8 and the whole need left without help; a continuation past 67 refused or cut. Each
ground has a title and a plain explanation in the document language. The user ticks the grounds
to use (``Appeal.grounds``) and may rewrite the text of any (``Appeal.ground_edits``). The texts
speak of "the need", "the person" and "the decision", never "she", so they fit whether the person
writes themself or someone writes for them; "I" is the letter's writer, who asks.

The grounds argue for the person (bpa-rules.md § 3.1): they never concede hours, and they name
the hours that count toward the right only where these clearly give it. An unclear estimate and
a refusal without the right still get grounds: hol. § 3-8 and the whole need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from bpa_core.documents.strategy import applied_minutes
from bpa_core.documents.text import Writer, one_line
from bpa_core.draft import Answer, Appeal, DecisionKind, Draft, NeedLevel
from bpa_core.i18n import N_
from bpa_core.rules.eligibility import Assessment, Flag, Outcome
from bpa_core.rules.hours import ExclusionReason
from bpa_core.rules.ruleset import RULESETS, ruleset_for

# Decisions that deny BPA altogether (a refusal, or another service instead).
_NO_BPA = (DecisionKind.REFUSED, DecisionKind.OTHER_SERVICE)
_ABOUT_HOURS = (*_NO_BPA, DecisionKind.FEWER_HOURS)


class GroundId(StrEnum):
    NEED_GIVES_RIGHT = "need_gives_right"  # refused although 32 hours or more count
    COST_NOT_DOCUMENTED = "cost_not_documented"  # 25-32 h refused without documented cost
    BPA_NOT_CONSIDERED = "bpa_not_considered"  # no right, but hol. § 3-8 asks for an assessment
    # 25-32 h refused: in the alternative, BPA must still be considered under hol. § 3-8
    BPA_IN_THE_ALTERNATIVE = "bpa_in_the_alternative"
    # refused although the need is there: the right to necessary help holds (unclear, no right)
    WHOLE_NEED = "whole_need"
    # granted under the right before 67: the right continues after 67
    RIGHT_CONTINUES_PAST_AGE_LIMIT = "right_continues_past_age_limit"
    OCCASIONAL_NIGHT = "occasional_night"  # night help now and then held against the person
    OCCASIONAL_TWO_HELPERS = "occasional_two_helpers"  # two helpers now and then, likewise
    HOURS_BELOW_NEED = "hours_below_need"  # hours granted below the need in the week plan
    OTHER_SERVICE_NOT_ENOUGH = "other_service_not_enough"  # the service offered does not fit
    MISSING_REASONS = "missing_reasons"  # the decision does not explain itself
    CO_PAYMENT = "co_payment"  # co-payment only for household help, never personal care


@dataclass(frozen=True)
class Ground:
    id: GroundId
    title: str
    explanation: str  # the suggested text for the letter, in the document language
    sources: tuple[str, ...]


def assessment_date_for(appeal: Appeal, today: date) -> date:
    """The day to estimate the right on for an appeal: the day of the decision.

    The appeal is about the decision, so the facts of that day count: someone who was 66 when
    refused and is 67 now still had the need that gives a right. Without a decision date (or
    with one after today, a slip), the day the decision was received; else today. A day before
    the first dated rule set (too old to appeal anyway) falls back the same way.
    """
    for day in (appeal.decision_date, appeal.decision_received):
        if day is not None and RULESETS[0].valid_from <= day <= today:
            return day
    return today


def _counted_need(minutes: Fraction, w: Writer) -> str:
    """'The week plan shows a need of 36 hours a week that counts toward the right.'"""
    return w._(
        "The week plan shows a need of {hours} a week that counts toward the right.",
        hours=w.hours(minutes),
    )


def _need_gives_right(a: Assessment, w: Writer) -> Ground:
    rest = w._(
        "When the need is {right_hours} hours a week or more, the person has a right to have the "
        "help organised as BPA (pbrl. § 2-1 d). The municipality cannot refuse BPA because it "
        "would rather give another service. It still decides what the help holds and how many "
        "hours, from its mapping of the need."
    )
    return Ground(
        GroundId.NEED_GIVES_RIGHT,
        w._("The need gives a right to BPA"),
        f"{_counted_need(a.counted_minutes, w)} {rest}",
        ("pbrl_2_1_d",),
    )


def _cost_not_documented(a: Assessment, w: Writer) -> Ground:
    """The need is at or above the lower threshold: said as that, never as the exact count,
    which would show how near the line the person is (bpa-rules.md § 3.1)."""
    need = w._(
        "The week plan shows a need of {cost_hours} hours a week or more that counts toward "
        "the right."
    )
    rest = w._(
        "Then the right to BPA holds, unless the municipality shows that BPA would cost "
        "substantially more than other services (pbrl. § 2-1 d). It is the municipality that "
        "must show this. The decision does not show any such cost."
    )
    return Ground(
        GroundId.COST_NOT_DOCUMENTED,
        w._("It is not shown that BPA costs substantially more"),
        f"{need} {rest}",
        ("pbrl_2_1_d", "i_9_2015"),
    )


def _bpa_not_considered(w: Writer) -> Ground:
    return Ground(
        GroundId.BPA_NOT_CONSIDERED,
        w._("The municipality must consider BPA under hol. § 3-8"),
        w._(
            "Whether or not the conditions in pbrl. § 2-1 d are met, the municipality must "
            "consider if BPA is a good way to give the help (hol. § 3-8). BPA is meant to give an "
            "active and as independent a life as possible, with work, studies and taking part "
            "in society (rundskriv I-9/2015). The decision does not show that this was assessed."
        ),
        ("hol_3_8", "i_9_2015"),
    )


def _bpa_in_the_alternative(w: Writer) -> Ground:
    return Ground(
        GroundId.BPA_IN_THE_ALTERNATIVE,
        w._("In any case, BPA must be considered under hol. § 3-8"),
        w._(
            "Even if the municipality could show that BPA costs substantially more, it must "
            "still consider if BPA is a good way to give the help (hol. § 3-8). BPA is meant to "
            "give an active and as independent a life as possible, with work, studies and "
            "taking part in society (rundskriv I-9/2015). The decision does not show that this "
            "was assessed."
        ),
        ("hol_3_8", "i_9_2015"),
    )


def _whole_need(a: Assessment, has_rows: bool, w: Writer) -> Ground:
    """A refusal leaves the need without help: the right to necessary help (pbrl. § 2-1 a)
    holds whatever the estimate of the right to BPA."""
    first = _need_in_the_plan(a, w) if has_rows else ""
    rest = w._(
        "The decision refuses BPA, but it does not show how the need for help will be met. "
        "There is a right to the help that is needed (pbrl. § 2-1 a), and the municipality must "
        "look at the whole need."
    )
    return Ground(
        GroundId.WHOLE_NEED,
        w._("The whole need must be met"),
        f"{first} {rest}".strip(),
        ("pbrl_2_1_a", "hol_3_2_6_b"),
    )


def _continues_past_age_limit(w: Writer) -> Ground:
    return Ground(
        GroundId.RIGHT_CONTINUES_PAST_AGE_LIMIT,
        w._("The right to BPA continues after {age_limit}"),
        w._(
            "BPA was granted under the right in pbrl. § 2-1 d before the person turned "
            "{age_limit}. For someone granted BPA under the right before {age_limit}, the right "
            "continues after {age_limit} (pbrl. § 2-1 d). Age is no reason to refuse BPA or to "
            "cut the hours."
        ),
        ("pbrl_2_1_d",),
    )


# Occasional night / two-helper hours: never conceded; no reason to refuse or cut (§ 3.1).
_OCCASIONAL: dict[ExclusionReason, tuple[GroundId, str, str, str]] = {
    ExclusionReason.OCCASIONAL_NIGHT: (
        GroundId.OCCASIONAL_NIGHT,
        N_("Help at night now and then is no reason to refuse or cut BPA"),
        N_(
            "Help at night is needed now and then. That is no reason to refuse BPA or to cut "
            "the other hours. The help at night is part of the need, and I ask that it be "
            "granted within the BPA hours."
        ),
        N_("The night hours are about {hours} a week."),
    ),
    ExclusionReason.OCCASIONAL_TWO_HELPERS: (
        GroundId.OCCASIONAL_TWO_HELPERS,
        N_("Two helpers now and then is no reason to refuse or cut BPA"),
        N_(
            "Two helpers are needed now and then. That is no reason to refuse BPA or to cut "
            "the other hours. The help with two helpers is part of the need, and I ask that it "
            "be granted within the BPA hours."
        ),
        N_("The hours with two helpers are about {hours} a week."),
    ),
}


def _occasional(reason: ExclusionReason, a: Assessment, w: Writer) -> Ground:
    ground_id, title, text, amount = _OCCASIONAL[reason]
    explanation = w._(text)
    minutes = a.excluded_minutes.get(reason, Fraction(0))
    if minutes > 0:
        explanation += " " + w._(amount, hours=w.hours(minutes))
    return Ground(ground_id, w._(title), explanation, ("pbrl_2_1_d", "i_9_2015"))


def _need_in_the_plan(a: Assessment, w: Writer) -> str:
    """The need the week plan shows, as the application applies for it (``applied_minutes``).

    The hours that count toward the right are named only where they clearly give it (the
    strategy's rule): under the threshold they would argue against the person. What the plan
    holds besides (help at work or school, an adult's relatives' respite) is said apart."""
    applied = applied_minutes(a)
    counted = a.counted_minutes
    if a.outcome == Outcome.RIGHT and counted == applied:
        return _counted_need(counted, w)
    sentences = [w._("The week plan shows a need of {hours} a week.", hours=w.hours(applied))]
    if a.outcome == Outcome.RIGHT:
        sentences.append(
            w._("Of these, {counted} count toward the right.", counted=w.hours(counted))
        )
    if a.total_minutes > applied:
        sentences.append(
            w._(
                "The rest of the week plan, {hours}, is help that other schemes usually give.",
                hours=w.hours(a.total_minutes - applied),
            )
        )
    return " ".join(sentences)


def _hours_below_need(a: Assessment | None, w: Writer) -> Ground:
    """The hours granted and applied for are in the letter's decision section already: the
    ground gives the need and the argument, never the same figures twice."""
    sentences: list[str] = []
    if a is not None:
        sentences.append(_need_in_the_plan(a, w))
    sentences.append(
        w._(
            "The hours must build on the mapping of the need, and the decision must show how "
            "they were set. The municipality has set the hours lower than the need."
        )
    )
    return Ground(
        GroundId.HOURS_BELOW_NEED,
        w._("The hours are set lower than the need"),
        " ".join(sentences),
        ("pbrl_2_1_d", "hol_3_2_6_b"),
    )


def _other_service(appeal: Appeal, w: Writer) -> Ground:
    service = one_line(appeal.service_offered)
    first = (
        w._("The municipality offers this instead of BPA: {service}.", service=service)
        if service
        else w._("The municipality offers another service instead of BPA.")
    )
    rest = w._(
        "This does not meet the need. With BPA, the help comes when and where it is needed, "
        "also outside the home, from a small number of known assistants. Help at fixed times "
        "from many different people does not give the same."
    )
    return Ground(
        GroundId.OTHER_SERVICE_NOT_ENOUGH,
        w._("The service offered does not meet the need"),
        f"{first} {rest}",
        ("pbrl_2_1_d", "hol_3_8"),
    )


def _missing_reasons(w: Writer) -> Ground:
    return Ground(
        GroundId.MISSING_REASONS,
        w._("The decision does not give reasons"),
        w._(
            "The decision does not explain how it builds on the mapping of the need. A decision "
            "must give the rules and the facts it builds on, and the main points that were "
            "weighed (forvaltningsloven §§ 24 and 25). Without this, it is not possible to see "
            "if the decision is right."
        ),
        ("fvl_24_25",),
    )


def _co_payment(w: Writer) -> Ground:
    return Ground(
        GroundId.CO_PAYMENT,
        w._("Co-payment only for household help"),
        w._(
            "A co-payment may be charged only for practical help in the home, such as cleaning. "
            "It may never be charged for personal care or respite. It must also follow income, "
            "within a set limit (forskrift om egenandel). The municipality must check that the "
            "co-payment does not cover personal care, and that it is set right."
        ),
        ("egenandel",),
    )


def _week_plan_minutes(draft: Draft, a: Assessment) -> Fraction | None:
    """The need in the week plan: the hours the application applies for (None without a plan)."""
    return applied_minutes(a) if draft.rows else None


def _hours_below(draft: Draft, a: Assessment) -> bool:
    appeal = draft.appeal
    if appeal.decision_kind != DecisionKind.FEWER_HOURS or appeal.hours_granted is None:
        return False
    granted_minutes = hours_as_minutes(appeal.hours_granted)
    need = _week_plan_minutes(draft, a)
    if need is not None:
        return granted_minutes < need
    return appeal.hours_applied is not None and appeal.hours_granted < appeal.hours_applied


def _occasional_need(need: NeedLevel | None, reason: ExclusionReason, a: Assessment) -> bool:
    """The need is occasional, or rows held outside for it while the need was not answered.
    Not when the person answered that there is no such need: the ground says "now and then"."""
    if need == NeedLevel.OCCASIONAL:
        return True
    return need is None and reason in a.excluded_minutes


def _no_bpa_grounds(draft: Draft, a: Assessment, w: Writer) -> list[Ground]:
    """BPA refused (or another service instead): the grounds from the estimate. An unclear
    estimate is argued by its counted hours as far as they go, and always under hol. § 3-8 and
    for the whole need: an open question (how long, what cause) is never a reason to give the
    person nothing to argue with."""
    rules = ruleset_for(a.assessed_on)
    outcome = a.outcome
    if outcome == Outcome.UNCLEAR:
        if a.counted_minutes >= rules.right_minutes:
            outcome = Outcome.RIGHT
        elif a.counted_minutes >= rules.cost_exception_minutes:
            outcome = Outcome.RIGHT_UNLESS_COST
    out: list[Ground] = []
    if outcome == Outcome.RIGHT:
        out.append(_need_gives_right(a, w))
    elif outcome == Outcome.RIGHT_UNLESS_COST:
        out.append(_cost_not_documented(a, w))
        out.append(_bpa_in_the_alternative(w))
    if a.outcome in (Outcome.NO_RIGHT_CAN_APPLY, Outcome.UNCLEAR) and (
        outcome != Outcome.RIGHT_UNLESS_COST
    ):
        out.append(_bpa_not_considered(w))
    if a.outcome in (Outcome.NO_RIGHT_CAN_APPLY, Outcome.UNCLEAR) and (
        draft.appeal.decision_kind == DecisionKind.REFUSED
    ):
        out.append(_whole_need(a, bool(draft.rows), w))
    return out


def offered_grounds(draft: Draft, a: Assessment, lang: str | None = None) -> tuple[Ground, ...]:
    """The grounds that fit the decision and the answers, in the document language.

    Plain text (no non-breaking spaces): the page lets the user edit each ground."""
    lang = lang or draft.document_language
    w = Writer.for_draft(draft, lang, on=a.assessed_on, plain=True)
    appeal = draft.appeal
    kind = appeal.decision_kind
    out: list[Ground] = []
    if kind in _ABOUT_HOURS and Flag.CONTINUES_PAST_AGE_LIMIT in a.flags:
        out.append(_continues_past_age_limit(w))  # first: the whole claim rests on it
    if kind in _NO_BPA:
        out.extend(_no_bpa_grounds(draft, a, w))
    if _hours_below(draft, a):
        out.append(_hours_below_need(a if draft.rows else None, w))
    if kind in _ABOUT_HOURS:
        if _occasional_need(draft.night_need, ExclusionReason.OCCASIONAL_NIGHT, a):
            out.append(_occasional(ExclusionReason.OCCASIONAL_NIGHT, a, w))
        if _occasional_need(draft.two_helper_need, ExclusionReason.OCCASIONAL_TWO_HELPERS, a):
            out.append(_occasional(ExclusionReason.OCCASIONAL_TWO_HELPERS, a, w))
    if kind == DecisionKind.OTHER_SERVICE:
        out.append(_other_service(appeal, w))
    if kind == DecisionKind.CO_PAYMENT:
        out.append(_co_payment(w))
    if kind is not None and appeal.reasons_given == Answer.NO:
        out.append(_missing_reasons(w))
    return tuple(out)


def ground_text(ground: Ground, appeal: Appeal) -> str:
    """The user's own text for the ground when they wrote one, else the suggested text."""
    edited = appeal.ground_edits.get(ground.id.value, "")
    return edited if edited.strip() else ground.explanation


def chosen_grounds(draft: Draft, a: Assessment, lang: str | None = None) -> tuple[Ground, ...]:
    """The offered grounds the user ticked, in the order they are offered."""
    ticked = set(draft.appeal.grounds)
    return tuple(g for g in offered_grounds(draft, a, lang) if g.id.value in ticked)


def hours_as_minutes(hours: Decimal) -> Fraction:
    return Fraction(hours) * 60
