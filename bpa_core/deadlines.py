"""The appeal deadline (klagefrist) with Norwegian public holidays (bpa-rules.md § 5).

Four weeks from the day the decision was received (pbrl. § 7-5): the same weekday four weeks
later. A deadline that falls on a Saturday, Sunday or public holiday moves to the next working
day (domstolloven §§ 148 and 149, applied to administrative deadlines by practice). 24 and 31
December are ordinary working days for this rule. A late appeal can be considered for special
reasons, but never more than one year after the decision was made (forvaltningsloven § 31).

The holidays are data: fixed dates, and the moving feasts as days from Easter Sunday, which is
computed here (the anonymous Gregorian algorithm), so no holiday library is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

from bpa_core.i18n import N_


@dataclass(frozen=True)
class AppealRules:
    """The appeal's time limits from ``valid_from``, as dated data (a change of law is a new
    entry). The new forvaltningsloven (LOV-2025-06-20-81, § 63) is adopted but not in force."""

    valid_from: date
    appeal_weeks: int  # pbrl. § 7-5: four weeks from when the decision was received
    late_appeal_limit_years: int  # forvaltningsloven § 31 third paragraph: never after one year


APPEAL_RULES: tuple[AppealRules, ...] = (
    AppealRules(valid_from=date(2001, 1, 1), appeal_weeks=4, late_appeal_limit_years=1),
)


def appeal_rules_for(day: date) -> AppealRules:
    """The time limits in force on ``day`` (the earliest entry for any day before it)."""
    in_force = [r for r in APPEAL_RULES if r.valid_from <= day] or [APPEAL_RULES[0]]
    return max(in_force, key=lambda r: r.valid_from)


def appeal_numbers(rules: AppealRules) -> dict[str, int]:
    """The appeal's time limits as texts name them: a text says "{appeal_weeks} weeks", never
    "four weeks", so a change of law is a change of data (like ``documents.text.law_numbers``)."""
    return {
        "appeal_weeks": rules.appeal_weeks,
        "late_appeal_limit_years": rules.late_appeal_limit_years,
    }


SOURCES: tuple[str, ...] = ("pbrl_7_5", "dl_148_149")
NORWAY = ZoneInfo("Europe/Oslo")


class MoveReason(StrEnum):
    """Why a day is not a working day: a weekend day, or a public holiday by its id."""

    SATURDAY = "saturday"
    SUNDAY = "sunday"
    NEW_YEARS_DAY = "new_years_day"
    MAUNDY_THURSDAY = "maundy_thursday"  # skjærtorsdag
    GOOD_FRIDAY = "good_friday"  # langfredag
    EASTER_SUNDAY = "easter_sunday"  # første påskedag
    EASTER_MONDAY = "easter_monday"  # andre påskedag
    LABOUR_DAY = "labour_day"  # 1. mai
    ASCENSION_DAY = "ascension_day"  # Kristi himmelfartsdag
    CONSTITUTION_DAY = "constitution_day"  # 17. mai
    WHIT_SUNDAY = "whit_sunday"  # første pinsedag
    WHIT_MONDAY = "whit_monday"  # andre pinsedag
    CHRISTMAS_DAY = "christmas_day"  # første juledag
    BOXING_DAY = "boxing_day"  # andre juledag


# Public holidays on a fixed date: (month, day, id). 24 and 31 December are not among them.
FIXED_HOLIDAYS: tuple[tuple[int, int, MoveReason], ...] = (
    (1, 1, MoveReason.NEW_YEARS_DAY),
    (5, 1, MoveReason.LABOUR_DAY),
    (5, 17, MoveReason.CONSTITUTION_DAY),
    (12, 25, MoveReason.CHRISTMAS_DAY),
    (12, 26, MoveReason.BOXING_DAY),
)

# Moving feasts: days after Easter Sunday (negative: before).
EASTER_HOLIDAYS: tuple[tuple[int, MoveReason], ...] = (
    (-3, MoveReason.MAUNDY_THURSDAY),
    (-2, MoveReason.GOOD_FRIDAY),
    (0, MoveReason.EASTER_SUNDAY),
    (1, MoveReason.EASTER_MONDAY),
    (39, MoveReason.ASCENSION_DAY),
    (49, MoveReason.WHIT_SUNDAY),
    (50, MoveReason.WHIT_MONDAY),
)

# Names in the documents domain: shown in the interface and in letters, translated per call.
REASON_NAMES: dict[MoveReason, str] = {
    MoveReason.SATURDAY: N_("a Saturday"),
    MoveReason.SUNDAY: N_("a Sunday"),
    MoveReason.NEW_YEARS_DAY: N_("New Year's Day"),
    MoveReason.MAUNDY_THURSDAY: N_("Maundy Thursday"),
    MoveReason.GOOD_FRIDAY: N_("Good Friday"),
    MoveReason.EASTER_SUNDAY: N_("Easter Sunday"),
    MoveReason.EASTER_MONDAY: N_("Easter Monday"),
    MoveReason.LABOUR_DAY: N_("1 May (a public holiday)"),
    MoveReason.ASCENSION_DAY: N_("Ascension Day"),
    MoveReason.CONSTITUTION_DAY: N_("17 May (Constitution Day)"),
    MoveReason.WHIT_SUNDAY: N_("Whit Sunday"),
    MoveReason.WHIT_MONDAY: N_("Whit Monday"),
    MoveReason.CHRISTMAS_DAY: N_("Christmas Day"),
    MoveReason.BOXING_DAY: N_("Boxing Day (26 December)"),
}


def today_in_norway() -> date:
    """Today in Norway: deadlines follow the Norwegian calendar, whatever the server's zone."""
    return datetime.now(NORWAY).date()


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> dict[date, MoveReason]:
    """Norway's public holidays (helligdager and 1 and 17 May) in a year, by date.

    Cached: static calendar data, no user data. Whit Monday and 17 May fall on the same day in
    some years (2027); the moving feast is named then.
    """
    days: dict[date, MoveReason] = {date(year, m, d): r for m, d, r in FIXED_HOLIDAYS}
    easter = easter_sunday(year)
    for offset, reason in EASTER_HOLIDAYS:
        days[easter + timedelta(days=offset)] = reason
    return days


def non_working_reason(day: date) -> MoveReason | None:
    """None for a working day; else why it is not one (a holiday before the weekend)."""
    holiday = public_holidays(day.year).get(day)
    if holiday is not None:
        return holiday
    if day.weekday() == 5:
        return MoveReason.SATURDAY
    if day.weekday() == 6:
        return MoveReason.SUNDAY
    return None


@dataclass(frozen=True)
class Deadline:
    """The appeal deadline: the last day to send the appeal.

    ``moved_from`` is the day four weeks after receipt when that day was not a working day, and
    ``reason`` why; ``skipped`` lists every day passed over, each with its reason.
    """

    received: date
    deadline: date
    moved_from: date | None = None
    reason: MoveReason | None = None
    skipped: tuple[tuple[date, MoveReason], ...] = field(default=())

    def days_left(self, today: date) -> int:
        """Days from ``today`` to the deadline: 0 on the last day, negative when passed."""
        return (self.deadline - today).days

    def is_passed(self, today: date) -> bool:
        """True from the day after the deadline."""
        return today > self.deadline

    def to_dict(self) -> dict[str, object]:
        """JSON-ready, as printed by ``python -m bpa_core deadline``."""
        out: dict[str, object] = {
            "received": self.received.isoformat(),
            "deadline": self.deadline.isoformat(),
        }
        if self.moved_from is not None and self.reason is not None:
            out["moved_from"] = self.moved_from.isoformat()
            out["reason"] = self.reason.value
            out["skipped"] = [{"date": d.isoformat(), "reason": r.value} for d, r in self.skipped]
        return out


def next_working_day(day: date) -> tuple[date, tuple[tuple[date, MoveReason], ...]]:
    """The first working day on or after ``day``, and the days passed over with their reasons."""
    skipped: list[tuple[date, MoveReason]] = []
    reason = non_working_reason(day)
    while reason is not None:
        skipped.append((day, reason))
        day += timedelta(days=1)
        reason = non_working_reason(day)
    return day, tuple(skipped)


def appeal_deadline(received: date) -> Deadline:
    """The appeal deadline for a decision received on ``received`` (bpa-rules.md § 5)."""
    plain = received + timedelta(weeks=appeal_rules_for(received).appeal_weeks)
    deadline, skipped = next_working_day(plain)
    if not skipped:
        return Deadline(received=received, deadline=deadline)
    return Deadline(
        received=received,
        deadline=deadline,
        moved_from=plain,
        reason=skipped[0][1],
        skipped=skipped,
    )


def late_appeal_limit(decision_date: date) -> date:
    """The last day a late appeal can be considered: one year after the decision was made.

    A decision of 29 February has its limit on 28 February the year after (the earlier day).
    """
    year = decision_date.year + appeal_rules_for(decision_date).late_appeal_limit_years
    try:
        return decision_date.replace(year=year)
    except ValueError:  # 29 February
        return date(year, 2, 28)


class DeadlineStatus(StrEnum):
    """Where the person stands on ``today``."""

    OPEN = "open"  # days left
    LAST_DAY = "last_day"  # today is the deadline
    PASSED = "passed"  # too late for an ordinary appeal; a late appeal may still be considered
    TOO_LATE = "too_late"  # more than one year after the decision


def deadline_status(deadline: Deadline, today: date, decision_date: date | None) -> DeadlineStatus:
    """Without the decision's own date, the day it was received stands in for it: a decision is
    made no later than it is received, so a year after that is surely too late."""
    if today < deadline.deadline:
        return DeadlineStatus.OPEN
    if today == deadline.deadline:
        return DeadlineStatus.LAST_DAY
    if today > late_appeal_limit(decision_date or deadline.received):
        return DeadlineStatus.TOO_LATE
    return DeadlineStatus.PASSED
