"""A review of the draft before the application is sent: what a caseworker will miss.

``review(draft, assessment)`` (or ``review(draft, on=date)``) returns a ``Review`` of three
tuples of stable ids, most important first:

- ``missing`` — an answer the municipality's guidance and a caseworker ask for is empty
  (bpa-rules.md § 3): the application says nothing about it;
- ``contradictions`` — answers that do not fit together, which a caseworker reads as a sign
  that the week plan cannot be trusted;
- ``weak`` — an answer that is there but thin, where the reasons decide the case.

Only what the questionnaire asks for this person is listed (a child is not asked about civil
status; the parents lead a child's assistants). The order depends on the estimate: under
hol. § 3-8 (``no_right_can_apply``) the municipality weighs the person's reasons, so goals and why
other services fit worse come first; where the right holds, the hours and the need over the day
decide the content of the decision, so the week comes first; in the 25–32 hour band what BPA
replaces weighs in the cost comparison. The ids are documented in docs/review.md. Pure: no
Streamlit, no translation (the interface words each id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bpa_core.draft import ArbeidslederKind, Category, Course, Draft, NeedLevel
from bpa_core.rules.eligibility import Assessment, Flag, Outcome, assess
from bpa_core.rules.hours import more_than_a_week

# A row this long per occasion reaches into the night: a day has about 16 waking hours.
LONG_ROW_MINUTES = 16 * 60
# A reason in fewer words than one full sentence is thin: "Jobbe og trene." says what, not why.
MIN_WORDS = 8

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# An answer that says "none" (no services today): then nothing can be replaced by BPA.
_NONE_ANSWERS = frozenset(
    {
        "ingen",
        "ingenting",
        "ingen tjenester",
        "ingen tenester",
        "inga",
        "ingen hjelp",
        "nei",
        "none",
        "no",
        "nothing",
        "no services",
        "-",
        "0",
    }
)


class Gap(StrEnum):
    """An answer the application needs and does not have (``missing``)."""

    PERSONAL_DETAILS = "personal_details"  # name, date of birth; the writer's name and role
    EARLIER_DECISION = "earlier_decision"  # a continuation past 67 names no earlier decision
    ROWS = "rows"  # no week plan: no hours
    GOALS = "goals"  # what BPA should make possible
    WHY_SERVICES_INSUFFICIENT = "why_services_insufficient"  # why today's help is not enough
    NOT_DONE_TODAY = "not_done_today"  # what is left undone for lack of help
    CURRENT_SERVICES = "current_services"  # which services are given today
    SERVICES_REPLACED = "services_replaced"  # which of them BPA would replace
    MANAGES_ALONE = "manages_alone"  # what the person manages on their own
    DAY_RHYTHM = "day_rhythm"  # when in the day the help is needed
    NIGHT = "night"  # the night and two-helper questions are unanswered
    CAUSE_AND_DURATION = "cause_and_duration"  # cause or expected duration unanswered
    STAYING_HEALTHY = "staying_healthy"  # what to do or avoid to stay as well as possible
    FAMILY = "family"  # who the person lives with, family
    ARBEIDSLEDER = "arbeidsleder"  # who leads the assistants
    CONTACT = "contact"  # no address or phone: the home visit cannot be booked


class Contradiction(StrEnum):
    """Answers that do not fit together (``contradictions``)."""

    WEEK_OVER_168 = "week_over_168"
    LONG_ROWS_BUT_NO_NIGHT_NEED = "long_rows_but_no_night_need"
    TWO_HELPER_ROWS_BUT_NO_NEED = "two_helper_rows_but_no_need"
    CHILD_WORK_ROWS = "child_work_rows"
    # Rows of an older file that take more time than their period has (draft.rows_to_fix): kept
    # apart and not counted until the user fixes them on the week step.
    ROWS_TO_FIX = "rows_to_fix"


class Weakness(StrEnum):
    """An answer that is there but thin (``weak``)."""

    GOALS_THIN = "goals_thin"
    WHY_SERVICES_INSUFFICIENT_THIN = "why_services_insufficient_thin"
    NOT_DONE_TODAY_THIN = "not_done_today_thin"
    NEED_DESCRIPTION_THIN = "need_description_thin"
    NEEDS_HELP_WITH_THIN = "needs_help_with_thin"
    ROWS_UNNAMED = "rows_unnamed"
    NIGHT_NEED_WITHOUT_ROWS = "night_need_without_rows"
    TWO_HELPER_NEED_WITHOUT_ROWS = "two_helper_need_without_rows"
    VARIATIONS_UNSTATED = "variations_unstated"
    ARBEIDSLEDER_NOT_DECIDED = "arbeidsleder_not_decided"


@dataclass(frozen=True)
class Review:
    """The three lists of ids, most important first; empty when nothing needs a look."""

    missing: tuple[Gap, ...]
    contradictions: tuple[Contradiction, ...]
    weak: tuple[Weakness, ...]

    @property
    def count(self) -> int:
        return len(self.missing) + len(self.contradictions) + len(self.weak)

    def __bool__(self) -> bool:
        return self.count > 0

    def to_dict(self) -> dict[str, list[str]]:
        """The CLI's JSON: ``{"missing": [...], "contradictions": [...], "weak": [...]}``."""
        return {
            "missing": [i.value for i in self.missing],
            "contradictions": [i.value for i in self.contradictions],
            "weak": [i.value for i in self.weak],
        }


# Order by estimate. Where the right holds, the municipality cannot refuse BPA but decides its
# content and hours: the week, the day and what the person manages decide.
_GAPS_WHERE_HOURS_DECIDE = (
    Gap.PERSONAL_DETAILS,
    Gap.EARLIER_DECISION,
    Gap.ROWS,
    Gap.DAY_RHYTHM,
    Gap.NIGHT,
    Gap.MANAGES_ALONE,
    Gap.GOALS,
    Gap.NOT_DONE_TODAY,
    Gap.WHY_SERVICES_INSUFFICIENT,
    Gap.CURRENT_SERVICES,
    Gap.SERVICES_REPLACED,
    Gap.STAYING_HEALTHY,
    Gap.CAUSE_AND_DURATION,
    Gap.FAMILY,
    Gap.ARBEIDSLEDER,
    Gap.CONTACT,
)
# 25–32 hours: the same, but the services BPA replaces lower the cost the municipality compares.
_GAPS_RIGHT_UNLESS_COST = (
    Gap.PERSONAL_DETAILS,
    Gap.EARLIER_DECISION,
    Gap.ROWS,
    Gap.DAY_RHYTHM,
    Gap.NIGHT,
    Gap.CURRENT_SERVICES,
    Gap.SERVICES_REPLACED,
    Gap.MANAGES_ALONE,
    Gap.GOALS,
    Gap.NOT_DONE_TODAY,
    Gap.WHY_SERVICES_INSUFFICIENT,
    Gap.STAYING_HEALTHY,
    Gap.CAUSE_AND_DURATION,
    Gap.FAMILY,
    Gap.ARBEIDSLEDER,
    Gap.CONTACT,
)
# hol. § 3-8: the municipality may grant BPA; the person's reasons (goals, why other services fit
# worse, family roles) decide the case.
_GAPS_REASONS_DECIDE = (
    Gap.PERSONAL_DETAILS,
    Gap.EARLIER_DECISION,
    Gap.GOALS,
    Gap.WHY_SERVICES_INSUFFICIENT,
    Gap.NOT_DONE_TODAY,
    Gap.CURRENT_SERVICES,
    Gap.SERVICES_REPLACED,
    Gap.FAMILY,
    Gap.ROWS,
    Gap.MANAGES_ALONE,
    Gap.DAY_RHYTHM,
    Gap.NIGHT,
    Gap.STAYING_HEALTHY,
    Gap.CAUSE_AND_DURATION,
    Gap.ARBEIDSLEDER,
    Gap.CONTACT,
)
_WEAK_WHERE_HOURS_DECIDE = (
    Weakness.NEED_DESCRIPTION_THIN,
    Weakness.NEEDS_HELP_WITH_THIN,
    Weakness.ROWS_UNNAMED,
    Weakness.NIGHT_NEED_WITHOUT_ROWS,
    Weakness.TWO_HELPER_NEED_WITHOUT_ROWS,
    Weakness.VARIATIONS_UNSTATED,
    Weakness.GOALS_THIN,
    Weakness.NOT_DONE_TODAY_THIN,
    Weakness.WHY_SERVICES_INSUFFICIENT_THIN,
    Weakness.ARBEIDSLEDER_NOT_DECIDED,
)
_WEAK_REASONS_DECIDE = (
    Weakness.GOALS_THIN,
    Weakness.WHY_SERVICES_INSUFFICIENT_THIN,
    Weakness.NOT_DONE_TODAY_THIN,
    Weakness.NEED_DESCRIPTION_THIN,
    Weakness.NEEDS_HELP_WITH_THIN,
    Weakness.VARIATIONS_UNSTATED,
    Weakness.ROWS_UNNAMED,
    Weakness.NIGHT_NEED_WITHOUT_ROWS,
    Weakness.TWO_HELPER_NEED_WITHOUT_ROWS,
    Weakness.ARBEIDSLEDER_NOT_DECIDED,
)


def gap_order(outcome: Outcome) -> tuple[Gap, ...]:
    """The ``missing`` ids in order of importance for an estimate's outcome."""
    if outcome == Outcome.NO_RIGHT_CAN_APPLY:
        return _GAPS_REASONS_DECIDE
    if outcome == Outcome.RIGHT_UNLESS_COST:
        return _GAPS_RIGHT_UNLESS_COST
    return _GAPS_WHERE_HOURS_DECIDE


def weak_order(outcome: Outcome) -> tuple[Weakness, ...]:
    """The ``weak`` ids in order of importance for an estimate's outcome."""
    if outcome == Outcome.NO_RIGHT_CAN_APPLY:
        return _WEAK_REASONS_DECIDE
    return _WEAK_WHERE_HOURS_DECIDE


def review(draft: Draft, assessment: Assessment | None = None, *, on: date | None = None) -> Review:
    """Review the draft against what a caseworker needs; ``assessment`` (else ``assess(draft,
    on)``) gives the outcome that orders the ids, the age and the day. One of the two is
    required: the core never guesses today's date."""
    if assessment is None:
        if on is None:
            raise TypeError("review() needs an assessment or the date it is made on (on=)")
        assessment = assess(draft, on)
    a = assessment
    gaps = _gaps(draft, a)
    weak = _weaknesses(draft)
    return Review(
        missing=tuple(g for g in gap_order(a.outcome) if g in gaps),
        contradictions=tuple(c for c in Contradiction if c in _contradictions(draft, a)),
        weak=tuple(w for w in weak_order(a.outcome) if w in weak),
    )


def words(text: str) -> int:
    """Words of letters in a free text (numbers and signs do not count)."""
    return len(_WORD.findall(text))


def blank(text: str) -> bool:
    return not text.strip()


def thin(text: str) -> bool:
    """Given, but fewer words than one full sentence (``MIN_WORDS``)."""
    return not blank(text) and words(text) < MIN_WORDS


def says_none(text: str) -> bool:
    """The answer is "none" (ingen, inga, none …): no services today."""
    cleaned = " ".join(text.strip().lower().rstrip(".!").split())
    return cleaned in _NONE_ANSWERS


def _gaps(draft: Draft, a: Assessment) -> set[Gap]:
    gaps: set[Gap] = set()
    p, g, life = draft.person, draft.goals, draft.life
    writer_unnamed = draft.on_behalf and (blank(draft.writer.name) or blank(draft.writer.relation))
    if blank(p.name) or p.birth_date is None or writer_unnamed:
        gaps.add(Gap.PERSONAL_DETAILS)
    # BPA granted under the right before the age limit continues past it (pbrl. § 2-1 d): the
    # earlier decision is the one fact the continuation rests on, and the caseworker looks it up.
    if Flag.CONTINUES_PAST_AGE_LIMIT in a.flags and blank(p.earlier_decision):
        gaps.add(Gap.EARLIER_DECISION)
    if not draft.rows:
        gaps.add(Gap.ROWS)
    elif _day_rhythm_missing(draft, a):
        gaps.add(Gap.DAY_RHYTHM)
    if draft.night_need is None or draft.two_helper_need is None:
        gaps.add(Gap.NIGHT)
    if draft.need.cause is None or draft.need.duration is None:
        gaps.add(Gap.CAUSE_AND_DURATION)
    if blank(draft.need.staying_healthy):
        gaps.add(Gap.STAYING_HEALTHY)
    if blank(draft.manages_alone):
        gaps.add(Gap.MANAGES_ALONE)
    # A child is asked only who they live with; an adult also civil status and children.
    family = [life.living_situation]
    if not a.is_child:
        family += [life.civil_status, life.children]
    if all(blank(t) for t in family):
        gaps.add(Gap.FAMILY)
    for text, gap in (
        (g.goals, Gap.GOALS),
        (g.not_done_today, Gap.NOT_DONE_TODAY),
        (g.why_today_not_enough, Gap.WHY_SERVICES_INSUFFICIENT),
        (g.current_services, Gap.CURRENT_SERVICES),
    ):
        if blank(text):
            gaps.add(gap)
    # "Which of these services could BPA replace?" has nothing to answer when there are none.
    if blank(g.services_bpa_replaces) and not says_none(g.current_services):
        gaps.add(Gap.SERVICES_REPLACED)
    if _arbeidsleder_missing(draft, a):
        gaps.add(Gap.ARBEIDSLEDER)
    others_phone = draft.on_behalf and not blank(draft.writer.phone)
    if blank(p.address) and blank(p.phone) and not others_phone:
        gaps.add(Gap.CONTACT)
    return gaps


def rows_that_say_when(draft: Draft, a: Assessment) -> tuple[int, int]:
    """(rows that say when in the day, rows considered): the rows whose hours count, or every
    row when none counts (a week of only health or school help still has a day)."""
    counted = [r for r, result in zip(draft.rows, a.rows, strict=True) if result.counted]
    considered = counted or draft.rows
    return sum(1 for r in considered if r.day_parts or r.night), len(considered)


def _day_rhythm_missing(draft: Draft, a: Assessment) -> bool:
    """Fewer than half of the rows say when in the day (a day part, or the night flag): the
    application cannot show the need over the 24-hour day that municipal guidance asks for."""
    saying, considered = rows_that_say_when(draft, a)
    return 2 * saying < considered


def _arbeidsleder_missing(draft: Draft, a: Assessment) -> bool:
    """No one named to lead the assistants. A child is never asked "myself" (the parents lead):
    for a child, "the guardian" needs no name."""
    kind = draft.arbeidsleder.kind
    if kind is None or (a.is_child and kind == ArbeidslederKind.SELF):
        return True
    if kind == ArbeidslederKind.GUARDIAN and a.is_child:
        return False
    named = (ArbeidslederKind.CO_LEADER, ArbeidslederKind.GUARDIAN)
    return kind in named and blank(draft.arbeidsleder.name)


def _contradictions(draft: Draft, a: Assessment) -> set[Contradiction]:
    out: set[Contradiction] = set()
    if more_than_a_week(draft.rows):
        out.add(Contradiction.WEEK_OVER_168)
    if draft.night_need == NeedLevel.NONE and any(
        r.night or r.minutes >= LONG_ROW_MINUTES for r in draft.rows
    ):
        out.add(Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED)
    if draft.two_helper_need == NeedLevel.NONE and any(r.two_helpers for r in draft.rows):
        out.add(Contradiction.TWO_HELPER_ROWS_BUT_NO_NEED)
    # Help at school or kindergarten is the school's (bpa-rules.md § 2.2: work and education
    # are covered by other schemes); for a child such rows only make the table look larger.
    if a.is_child and any(r.category == Category.WORK_OR_EDUCATION for r in draft.rows):
        out.add(Contradiction.CHILD_WORK_ROWS)
    if draft.rows_to_fix:
        out.add(Contradiction.ROWS_TO_FIX)
    return out


def _weaknesses(draft: Draft) -> set[Weakness]:
    weak: set[Weakness] = set()
    g = draft.goals
    for text, weakness in (
        (g.goals, Weakness.GOALS_THIN),
        (g.why_today_not_enough, Weakness.WHY_SERVICES_INSUFFICIENT_THIN),
        (g.not_done_today, Weakness.NOT_DONE_TODAY_THIN),
    ):
        if thin(text):  # an empty answer is in ``missing`` instead
            weak.add(weakness)
    # Not in ``missing``: an empty description leaves the application with a diagnosis at most.
    if blank(draft.need.description) or thin(draft.need.description):
        weak.add(Weakness.NEED_DESCRIPTION_THIN)
    # Without the person's own words the application lists the help by category in the rows'
    # own names ("Personlig stell: Morgenstell, Kveldsstell"): weak only when those are missing
    # too, or when the words given are a few only.
    named = any(not blank(r.activity) for r in draft.rows)
    if thin(draft.needs_help_with) or (blank(draft.needs_help_with) and not named):
        weak.add(Weakness.NEEDS_HELP_WITH_THIN)
    if any(blank(r.activity) for r in draft.rows):
        weak.add(Weakness.ROWS_UNNAMED)
    needed = (NeedLevel.OCCASIONAL, NeedLevel.CONTINUOUS)
    if draft.rows and draft.night_need in needed and not any(r.night for r in draft.rows):
        weak.add(Weakness.NIGHT_NEED_WITHOUT_ROWS)
    if (
        draft.rows
        and draft.two_helper_need in needed
        and not any(r.two_helpers for r in draft.rows)
    ):
        weak.add(Weakness.TWO_HELPER_NEED_WITHOUT_ROWS)
    if draft.need.course == Course.VARYING and blank(draft.variations):
        weak.add(Weakness.VARIATIONS_UNSTATED)
    if draft.arbeidsleder.kind == ArbeidslederKind.NOT_DECIDED:
        weak.add(Weakness.ARBEIDSLEDER_NOT_DECIDED)
    return weak
