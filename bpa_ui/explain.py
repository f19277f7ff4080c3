"""The estimate in words: outcome, criteria, reasons, flags and what is missing (interface side).

The rules engine gives ids; this module gives the translated sentences for the result page.
"""

from __future__ import annotations

from datetime import date

from bpa_core.draft import Draft
from bpa_core.rules.eligibility import Flag, Missing, Outcome
from bpa_core.rules.ruleset import SOURCES, continues_past_age_limit_since
from bpa_ui import fmt
from bpa_ui.context import assessment_date, is_child, lawful, pick
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
    return lawful(
        {
            "age": _("Under {age_limit} years (or BPA granted before {age_limit})"),
            "cause": _("The need comes from illness, injury or disability"),
            "duration": _("The need will last more than {long_lasting_years} years"),
            "hours": _(
                "At least {right_hours} hours of help a week ({cost_hours} hours in some cases)"
            ),
        }.get(criterion_id, criterion_id)
    )


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
        return lawful(
            pick(
                draft,
                you=_("You are under {age_limit}."),
                other=_("The person is under {age_limit}."),
                parent=_("Your child is under {age_limit}."),
            )
        )
    if reason_id == "at_or_over_age_limit":
        older = _(
            "The person is {age_limit} or older, and did not have BPA as a right before "
            "{age_limit}."
        )
        return lawful(
            pick(
                draft,
                you=_(
                    "You are {age_limit} or older, and did not have BPA as a right before "
                    "{age_limit}."
                ),
                other=older,
                parent=older,
            )
        )
    text = {
        "birth_date_missing": _("The date of birth is missing."),
        "granted_before_age_limit": _(
            "BPA was granted as a right before {age_limit}, so the right goes on."
        ),
        "illness_injury_or_disability": _("The need comes from illness, injury or disability."),
        "other_cause": _("The answer was that the need has another cause."),
        "cause_unknown": _("We do not know the cause of the need yet."),
        "over_2_years": _("The need will last more than {long_lasting_years} years."),
        "two_years_or_less": _("The need will last {long_lasting_years} years or less."),
        "duration_unknown": _("We do not know yet how long the need will last."),
        "no_rows": _("No activities are added to the week yet."),
        "right_hours_met": _("The counted hours are {right_hours} or more a week."),
        "in_cost_exception_band": _(
            "The counted hours are between {cost_hours} and {right_hours} a week. The right "
            "holds unless the municipality documents that BPA would cost substantially more."
        ),
        "under_cost_exception_hours": _(
            "The counted hours are under {cost_hours} a week. The municipality must still "
            "consider BPA."
        ),
    }.get(reason_id, reason_id)
    return lawful(text)


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
            "The person turns {age_limit} on {date}. Apply now, and ask that the application is "
            "decided before that date: it is not settled whether age counts on the day of the "
            "application or of the decision. Mapping, decision and an appeal can take many "
            "months."
        )
        return lawful(
            pick(
                draft,
                you=_(
                    "You turn {age_limit} on {date}. Apply now, and ask that the application is "
                    "decided before that date: it is not settled whether age counts on the day "
                    "of the application or of the decision. Mapping, decision and an appeal can "
                    "take many months."
                ),
                other=other,
                parent=other,
            ),
            date=day,
        )
    since = continues_past_age_limit_since(assessment_date())
    return lawful(
        {
            Flag.CONTINUES_PAST_AGE_LIMIT: _(
                "BPA was granted as a right before {age_limit}. Since {since} the right goes on "
                "after {age_limit}."
            ),
            Flag.CHILD_NEEDS_BEYOND_PEERS: _(
                "For a child, only help beyond what children of the same age need counts."
            ),
            Flag.COST_EXCEPTION: _(
                "Between {cost_hours} and {right_hours} hours, the municipality may say no only "
                "if it documents that BPA would cost substantially more. The municipality must "
                "prove this."
            ),
            Flag.HEALTH_MAY_BE_ADDED: _(
                "Health care does not count, but the municipality may add simple health tasks to "
                "a BPA scheme."
            ),
            Flag.NIGHT_ROWS_WITHOUT_NIGHT_NEED: _(
                "Some activities are marked “at night”, but no night need is chosen. Check the "
                "step about night and two helpers."
            ),
            Flag.TWO_HELPER_ROWS_WITHOUT_NEED: _(
                "Some activities need two helpers, but no two-helper need is chosen. Check the "
                "step about night and two helpers."
            ),
        }[item],
        since=fmt.long_date(since) if since else "",
    )


def source_links(source_ids: tuple[str, ...]) -> str:
    """Markdown links to the legal sources (our data, never user text)."""
    return ", ".join(f"[{SOURCES[s].short}]({SOURCES[s].url})" for s in source_ids if s in SOURCES)
