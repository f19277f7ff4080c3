"""The estimate in words: outcome, criteria, reasons, flags and what is missing (interface side).

The rules engine gives ids; this module gives the translated sentences for the result page.
"""

from __future__ import annotations

from datetime import date

from bpa_core.draft import Draft
from bpa_core.rules.eligibility import Flag, Missing, Outcome
from bpa_core.rules.ruleset import SOURCES
from bpa_ui import fmt
from bpa_ui.context import is_child, pick
from bpa_ui.i18n import _


def outcome_sentence(outcome: Outcome, draft: Draft) -> str:
    """One plain sentence; never "not eligible"."""
    if outcome == Outcome.RIGHT:
        return pick(
            draft,
            you=_("You probably have a right to BPA."),
            other=_("The person probably has a right to BPA."),
            parent=_("Your child probably has a right to BPA."),
        )
    if outcome == Outcome.RIGHT_UNLESS_COST:
        return pick(
            draft,
            you=_(
                "You probably have a right to BPA, unless the municipality shows that BPA would "
                "cost substantially more."
            ),
            other=_(
                "The person probably has a right to BPA, unless the municipality shows that BPA "
                "would cost substantially more."
            ),
            parent=_(
                "Your child probably has a right to BPA, unless the municipality shows that BPA "
                "would cost substantially more."
            ),
        )
    if outcome == Outcome.NO_RIGHT_CAN_APPLY:
        return pick(
            draft,
            you=_(
                "You probably do not have the legal right to BPA, but you can still apply, and "
                "the municipality must consider it."
            ),
            other=_(
                "The person probably does not have the legal right to BPA, but can still apply, "
                "and the municipality must consider it."
            ),
            parent=_(
                "Your child probably does not have the legal right to BPA, but you can still "
                "apply, and the municipality must consider it."
            ),
        )
    return _("We cannot make an estimate yet: some answers are missing.")


def criterion_title(criterion_id: str, draft: Draft | None = None) -> str:
    """The criterion's name; for a child the age criterion is just "Age" (a child of 9 shown
    "Under 67 years" reads as a joke)."""
    if criterion_id == "age" and draft is not None and is_child(draft):
        return _("Age")
    return {
        "age": _("Under 67 years (or BPA granted before 67)"),
        "cause": _("The need comes from illness, injury or disability"),
        "duration": _("The need will last more than 2 years"),
        "hours": _("At least 32 hours of help a week (25 hours in some cases)"),
    }.get(criterion_id, criterion_id)


def reason(reason_id: str, draft: Draft) -> str:
    """The criterion's reason, spoken to whoever fills in (you / the person / your child)."""
    if reason_id == "under_age_limit" and is_child(draft):
        return pick(
            draft,
            you=_("Children and young people can have the right to BPA. The age criterion is met."),
            other=_("Children can have the right to BPA. The age criterion is met."),
            parent=_(
                "Children can have the right to BPA. The age criterion is met for your child."
            ),
        )
    if reason_id == "under_age_limit":
        return pick(
            draft,
            you=_("You are under 67."),
            other=_("The person is under 67."),
            parent=_("Your child is under 67."),
        )
    if reason_id == "at_or_over_age_limit":
        older = _("The person is 67 or older, and did not have BPA as a right before 67.")
        return pick(
            draft,
            you=_("You are 67 or older, and did not have BPA as a right before 67."),
            other=older,
            parent=older,
        )
    return {
        "birth_date_missing": _("The date of birth is missing."),
        "granted_before_age_limit": _(
            "BPA was granted as a right before 67, so the right goes on."
        ),
        "illness_injury_or_disability": _("The need comes from illness, injury or disability."),
        "other_cause": _("The answer was that the need has another cause."),
        "cause_unknown": _("We do not know the cause of the need yet."),
        "over_2_years": _("The need will last more than 2 years."),
        "two_years_or_less": _("The need will last 2 years or less."),
        "duration_unknown": _("We do not know yet how long the need will last."),
        "no_rows": _("No activities are added to the week yet."),
        "right_hours_met": _("The counted hours are 32 or more a week."),
        "in_cost_exception_band": _(
            "The counted hours are between 25 and 32 a week. The right holds unless the "
            "municipality documents that BPA would cost substantially more."
        ),
        "under_cost_exception_hours": _(
            "The counted hours are under 25 a week. The municipality must still consider BPA."
        ),
    }.get(reason_id, reason_id)


def missing(item: Missing) -> tuple[str, str]:
    """What is missing, and the step where it is answered."""
    return {
        Missing.BIRTH_DATE: (_("Date of birth"), "person"),
        Missing.CAUSE: (_("Whether the need comes from illness, injury or disability"), "need"),
        Missing.DURATION: (_("How long the need will last"), "need"),
        Missing.ROWS: (_("The activities of the week"), "week"),
    }[item]


def flag(item: Flag, draft: Draft, reaches_age_limit_on: date | None = None) -> str:
    """A flag in words; ``reaches_age_limit_on`` (from the Assessment) names the day."""
    if item == Flag.AGE_NEAR_LIMIT:
        day = fmt.long_date(reaches_age_limit_on) if reaches_age_limit_on else ""
        other = _(
            "The person turns 67 on {date}. Apply now, and ask that the application is "
            "decided before that date: it is not settled whether age counts on the day of the "
            "application or of the decision. Mapping, decision and an appeal can take many "
            "months."
        ).format(date=day)
        return pick(
            draft,
            you=_(
                "You turn 67 on {date}. Apply now, and ask that the application is decided "
                "before that date: it is not settled whether age counts on the day of the "
                "application or of the decision. Mapping, decision and an appeal can take many "
                "months."
            ).format(date=day),
            other=other,
            parent=other,
        )
    return {
        Flag.CONTINUES_PAST_AGE_LIMIT: _(
            "BPA was granted as a right before 67. Since 1 July 2020 the right goes on after 67."
        ),
        Flag.CHILD_NEEDS_BEYOND_PEERS: _(
            "For a child, only help beyond what children of the same age need counts."
        ),
        Flag.COST_EXCEPTION: _(
            "Between 25 and 32 hours, the municipality may say no only if it documents that BPA "
            "would cost substantially more. The municipality must prove this."
        ),
        Flag.HEALTH_MAY_BE_ADDED: _(
            "Health care does not count, but the municipality may add simple health tasks to a "
            "BPA scheme."
        ),
        Flag.NIGHT_ROWS_WITHOUT_NIGHT_NEED: _(
            "Some activities are marked “at night”, but no night need is chosen. Check the step "
            "about night and two helpers."
        ),
        Flag.TWO_HELPER_ROWS_WITHOUT_NEED: _(
            "Some activities need two helpers, but no two-helper need is chosen. Check the step "
            "about night and two helpers."
        ),
    }[item]


def source_links(source_ids: tuple[str, ...]) -> str:
    """Markdown links to the legal sources (our data, never user text)."""
    return ", ".join(f"[{SOURCES[s].short}]({SOURCES[s].url})" for s in source_ids if s in SOURCES)
