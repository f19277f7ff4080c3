"""Translated names of the Draft's choices (categories, periods, need levels, ...)."""

from __future__ import annotations

from bpa_core.draft import (
    Answer,
    ArbeidslederKind,
    Category,
    Course,
    Duration,
    FilledInBy,
    NeedLevel,
    Onset,
    Per,
)
from bpa_core.rules.eligibility import Status
from bpa_core.rules.hours import ExclusionReason
from bpa_ui.context import Voice, lawful
from bpa_ui.i18n import _


def answer(value: Answer) -> str:
    return {Answer.YES: _("Yes"), Answer.NO: _("No"), Answer.DONT_KNOW: _("I don't know")}[value]


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def filled_in_by(value: FilledInBy) -> str:
    return {
        FilledInBy.SELF: _("I am filling in for myself"),
        FilledInBy.RELATIVE: _("I am a relative (for example a parent) filling in for someone"),
        FilledInBy.GUARDIAN: _("I am a guardian (verge) filling in for someone"),
        FilledInBy.COUNSELLOR: _("I am a counsellor filling in with a client"),
    }[value]


def duration(value: Duration) -> str:
    return {
        Duration.OVER_2_YEARS: lawful(_("More than {long_lasting_years} years")),
        Duration.TWO_YEARS_OR_LESS: lawful(_("{long_lasting_years} years or less")),
        Duration.DONT_KNOW: _("I don't know yet"),
    }[value]


def onset(value: Onset) -> str:
    return {Onset.CONGENITAL: _("From birth"), Onset.ACQUIRED: _("Came later in life")}[value]


def course(value: Course) -> str:
    return {
        Course.STABLE: _("Mostly the same"),
        Course.PROGRESSIVE: _("Getting worse over time"),
        Course.VARYING: _("Varies a lot"),
    }[value]


def need_level(value: NeedLevel) -> str:
    return {
        NeedLevel.NONE: _("No"),
        NeedLevel.OCCASIONAL: _("Sometimes (occasional)"),
        NeedLevel.CONTINUOUS: _("All the time (continuous)"),
    }[value]


def category(value: Category) -> str:
    return {
        Category.PERSONAL_CARE: _("Personal care"),
        Category.MEALS: _("Meals"),
        Category.HOUSEHOLD: _("Household"),
        Category.MOBILITY: _("Getting around"),
        Category.TRAINING: _("Learning daily tasks (opplæring)"),
        Category.PARTICIPATION: _("Leisure and social life"),
        Category.RESPITE: _("Respite for the parents (avlastning)"),
        Category.HEALTH: _("Health care (medicine, wounds)"),
        Category.WORK_OR_EDUCATION: _("Work, school or studies"),
    }[value]


def category_help(value: Category) -> str:
    return {
        Category.PERSONAL_CARE: _("Getting up, washing, toilet, dressing, going to bed."),
        Category.MEALS: _("Cooking and eating."),
        Category.HOUSEHOLD: _("Cleaning, laundry, shopping and errands."),
        Category.MOBILITY: _("Moving about at home and outside, going to appointments."),
        Category.TRAINING: _("Help to learn to do daily tasks yourself."),
        Category.PARTICIPATION: _("Friends, clubs, culture, travel and family roles."),
        Category.RESPITE: _("Time off for the parents while someone helps the child."),
        Category.HEALTH: _("Medicine, wound care, tube feeding. These hours do not count."),
        Category.WORK_OR_EDUCATION: _(
            "Help at work, school or kindergarten. Other schemes cover this, so it does not count."
        ),
    }[value]


def per(value: Per) -> str:
    return {
        Per.DAY: _("per day"),
        Per.WEEK: _("per week"),
        Per.MONTH: _("per month"),
        Per.YEAR: _("per year"),
    }[value]


def arbeidsleder(value: ArbeidslederKind, speaking_to: Voice | None = None) -> str:
    """``speaking_to`` sets whom "self" speaks of: "Myself" when the person fills in."""
    leads_self = {
        Voice.SELF: _("Myself"),
        Voice.PARENT: _("The child themself"),
    }.get(speaking_to or Voice.OTHER, _("The person themself"))
    return {
        ArbeidslederKind.SELF: leads_self,
        ArbeidslederKind.CO_LEADER: _("Someone else, as co-leader (medarbeidsleder)"),
        ArbeidslederKind.GUARDIAN: _("A parent or guardian"),
        ArbeidslederKind.NOT_DECIDED: _("Not decided yet"),
    }[value]


def exclusion(value: ExclusionReason) -> str:
    return {
        ExclusionReason.OCCASIONAL_NIGHT: _(
            "Night help that is not needed all night (occasional night need)"
        ),
        ExclusionReason.OCCASIONAL_TWO_HELPERS: _(
            "Help with two helpers that is only needed sometimes"
        ),
        ExclusionReason.HEALTH: _("Health care: outside the right to BPA"),
        ExclusionReason.WORK_OR_EDUCATION: _(
            "Work, school or studies: covered by other schemes (NAV, school, place of study)"
        ),
        ExclusionReason.RESPITE_FOR_ADULT: lawful(
            _("Respite counts only for a child under {child_age_limit}")
        ),
    }[value]


def status(value: Status) -> str:
    """Status as words with a sign, never colour alone."""
    return {
        Status.MET: _("✓ Met"),
        Status.NOT_MET: _("✗ Not met"),
        Status.UNKNOWN: _("? Unknown"),
    }[value]
