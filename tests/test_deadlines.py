"""The appeal deadline (bpa-rules.md § 5), checked against dates worked out by hand.

Easter is computed independently here (a table of known Easter Sundays and a second algorithm),
so a wrong Easter in bpa_core.deadlines cannot hide behind its own arithmetic.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from bpa_core.deadlines import (
    Deadline,
    DeadlineStatus,
    MoveReason,
    appeal_deadline,
    deadline_status,
    easter_sunday,
    late_appeal_limit,
    public_holidays,
)
from tests.support import CliResult, cli

KNOWN_EASTER = {
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
}


def easter_oudin(year: int) -> date:
    """Easter Sunday by Oudin's algorithm (1940), a different route from the one under test."""
    g = year % 19
    c = year // 100
    h = (c - c // 4 - (8 * c + 13) // 25 + 19 * g + 15) % 30
    i = h - (h // 28) * (1 - (h // 28) * (29 // (h + 1)) * ((21 - g) // 11))
    j = (year + year // 4 + i + 2 - c + c // 4) % 7
    p = i - j
    day = 1 + (p + 27 + (p + 6) // 40) % 31
    month = 3 + (p + 26) // 30
    return date(year, month, day)


@pytest.mark.parametrize(("year", "expected"), sorted(KNOWN_EASTER.items()))
def test_easter_sunday_known_dates(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected
    assert easter_oudin(year) == expected


def test_easter_agrees_with_a_second_algorithm_for_four_centuries() -> None:
    for year in range(1900, 2300):
        easter = easter_sunday(year)
        assert easter == easter_oudin(year), year
        assert easter.weekday() == 6
        assert date(year, 3, 22) <= easter <= date(year, 4, 25)


# (the day four weeks after receipt, the expected deadline, the reason it moved) — worked out by
# hand from a calendar, for every moving feast and the May and Christmas dates, 2026–2030.
S = MoveReason
TABLE: list[tuple[str, str, MoveReason | None]] = [
    # 2026: Easter 5 April
    ("2026-01-01", "2026-01-02", S.NEW_YEARS_DAY),
    ("2026-04-02", "2026-04-07", S.MAUNDY_THURSDAY),
    ("2026-04-03", "2026-04-07", S.GOOD_FRIDAY),
    ("2026-04-04", "2026-04-07", S.SATURDAY),
    ("2026-04-05", "2026-04-07", S.EASTER_SUNDAY),
    ("2026-04-06", "2026-04-07", S.EASTER_MONDAY),
    ("2026-04-07", "2026-04-07", None),
    ("2026-04-01", "2026-04-01", None),  # Wednesday before Easter: a working day
    ("2026-05-01", "2026-05-04", S.LABOUR_DAY),
    ("2026-05-14", "2026-05-15", S.ASCENSION_DAY),
    ("2026-05-17", "2026-05-18", S.CONSTITUTION_DAY),  # a Sunday too: the holiday is named
    ("2026-05-24", "2026-05-26", S.WHIT_SUNDAY),
    ("2026-05-25", "2026-05-26", S.WHIT_MONDAY),
    ("2026-11-21", "2026-11-23", S.SATURDAY),
    ("2026-11-22", "2026-11-23", S.SUNDAY),
    ("2026-12-24", "2026-12-24", None),  # Christmas Eve is a working day
    ("2026-12-25", "2026-12-28", S.CHRISTMAS_DAY),
    ("2026-12-26", "2026-12-28", S.BOXING_DAY),
    ("2026-12-31", "2026-12-31", None),  # New Year's Eve is a working day
    # 2027: Easter 28 March; Whit Monday is 17 May
    ("2027-01-01", "2027-01-04", S.NEW_YEARS_DAY),
    ("2027-03-25", "2027-03-30", S.MAUNDY_THURSDAY),
    ("2027-03-26", "2027-03-30", S.GOOD_FRIDAY),
    ("2027-03-28", "2027-03-30", S.EASTER_SUNDAY),
    ("2027-03-29", "2027-03-30", S.EASTER_MONDAY),
    ("2027-05-01", "2027-05-03", S.LABOUR_DAY),
    ("2027-05-06", "2027-05-07", S.ASCENSION_DAY),
    ("2027-05-16", "2027-05-18", S.WHIT_SUNDAY),
    ("2027-05-17", "2027-05-18", S.WHIT_MONDAY),
    ("2027-12-24", "2027-12-24", None),
    ("2027-12-25", "2027-12-27", S.CHRISTMAS_DAY),
    ("2027-12-26", "2027-12-27", S.BOXING_DAY),
    ("2027-12-31", "2027-12-31", None),
    # 2028: Easter 16 April
    ("2028-01-01", "2028-01-03", S.NEW_YEARS_DAY),
    ("2028-04-13", "2028-04-18", S.MAUNDY_THURSDAY),
    ("2028-04-14", "2028-04-18", S.GOOD_FRIDAY),
    ("2028-04-16", "2028-04-18", S.EASTER_SUNDAY),
    ("2028-04-17", "2028-04-18", S.EASTER_MONDAY),
    ("2028-05-01", "2028-05-02", S.LABOUR_DAY),
    ("2028-05-17", "2028-05-18", S.CONSTITUTION_DAY),
    ("2028-05-25", "2028-05-26", S.ASCENSION_DAY),
    ("2028-06-04", "2028-06-06", S.WHIT_SUNDAY),
    ("2028-06-05", "2028-06-06", S.WHIT_MONDAY),
    ("2028-12-24", "2028-12-27", S.SUNDAY),  # Sunday, then 25 and 26 December
    ("2028-12-25", "2028-12-27", S.CHRISTMAS_DAY),
    ("2028-12-26", "2028-12-27", S.BOXING_DAY),
    # 2029: Easter 1 April
    ("2029-01-01", "2029-01-02", S.NEW_YEARS_DAY),
    ("2029-03-29", "2029-04-03", S.MAUNDY_THURSDAY),
    ("2029-03-30", "2029-04-03", S.GOOD_FRIDAY),
    ("2029-04-01", "2029-04-03", S.EASTER_SUNDAY),
    ("2029-04-02", "2029-04-03", S.EASTER_MONDAY),
    ("2029-05-01", "2029-05-02", S.LABOUR_DAY),
    ("2029-05-10", "2029-05-11", S.ASCENSION_DAY),
    ("2029-05-17", "2029-05-18", S.CONSTITUTION_DAY),
    ("2029-05-20", "2029-05-22", S.WHIT_SUNDAY),
    ("2029-05-21", "2029-05-22", S.WHIT_MONDAY),
    ("2029-12-24", "2029-12-24", None),
    ("2029-12-25", "2029-12-27", S.CHRISTMAS_DAY),
    ("2029-12-31", "2029-12-31", None),
    # 2030: Easter 21 April
    ("2030-01-01", "2030-01-02", S.NEW_YEARS_DAY),
    ("2030-04-18", "2030-04-23", S.MAUNDY_THURSDAY),
    ("2030-04-19", "2030-04-23", S.GOOD_FRIDAY),
    ("2030-04-21", "2030-04-23", S.EASTER_SUNDAY),
    ("2030-04-22", "2030-04-23", S.EASTER_MONDAY),
    ("2030-05-01", "2030-05-02", S.LABOUR_DAY),
    ("2030-05-17", "2030-05-20", S.CONSTITUTION_DAY),  # Friday, then the weekend
    ("2030-05-30", "2030-05-31", S.ASCENSION_DAY),
    ("2030-06-09", "2030-06-11", S.WHIT_SUNDAY),
    ("2030-06-10", "2030-06-11", S.WHIT_MONDAY),
    ("2030-12-24", "2030-12-24", None),
    ("2030-12-25", "2030-12-27", S.CHRISTMAS_DAY),
    ("2030-12-26", "2030-12-27", S.BOXING_DAY),
    ("2030-12-31", "2030-12-31", None),
]


@pytest.mark.parametrize(("plain", "expected", "reason"), TABLE)
def test_deadline_table(plain: str, expected: str, reason: MoveReason | None) -> None:
    plain_day = date.fromisoformat(plain)
    received = plain_day - timedelta(days=28)
    result = appeal_deadline(received)
    assert result.received == received
    assert result.deadline == date.fromisoformat(expected)
    assert result.reason == reason
    if reason is None:
        assert result.moved_from is None
        assert result.skipped == ()
    else:
        assert result.moved_from == plain_day
        assert result.skipped[0] == (plain_day, reason)
        assert [d for d, _ in result.skipped] == [
            plain_day + timedelta(days=n) for n in range(len(result.skipped))
        ]


def independent_holidays(year: int) -> set[date]:
    easter = KNOWN_EASTER.get(year) or easter_oudin(year)
    moving = {easter + timedelta(days=n) for n in (-3, -2, 0, 1, 39, 49, 50)}
    fixed = {date(year, 1, 1), date(year, 5, 1), date(year, 5, 17)}
    return moving | fixed | {date(year, 12, 25), date(year, 12, 26)}


def test_every_received_day_2026_to_2030_against_an_independent_model() -> None:
    day = date(2025, 12, 1)
    while day <= date(2030, 12, 31):
        target = day + timedelta(days=28)
        while target.weekday() >= 5 or target in independent_holidays(target.year):
            target += timedelta(days=1)
        result = appeal_deadline(day)
        assert result.deadline == target, day
        assert result.deadline.weekday() < 5
        assert (result.moved_from is None) == (result.deadline == day + timedelta(days=28))
        day += timedelta(days=1)


def test_holiday_list_is_exactly_the_twelve_days() -> None:
    days = public_holidays(2026)
    assert len(days) == 12
    assert date(2026, 12, 24) not in days
    assert date(2026, 12, 31) not in days
    # 2027: Whit Monday falls on 17 May, so the year has eleven distinct holiday dates
    assert len(public_holidays(2027)) == 11
    assert public_holidays(2027)[date(2027, 5, 17)] == MoveReason.WHIT_MONDAY


def test_deadline_today_is_not_passed() -> None:
    deadline = appeal_deadline(date(2026, 11, 2))
    assert deadline.deadline == date(2026, 11, 30)
    today = date(2026, 11, 30)
    assert deadline.days_left(today) == 0
    assert not deadline.is_passed(today)
    assert deadline_status(deadline, today, date(2026, 10, 30)) == DeadlineStatus.LAST_DAY


def test_deadline_yesterday_is_passed() -> None:
    deadline = appeal_deadline(date(2026, 11, 2))
    today = date(2026, 12, 1)
    assert deadline.days_left(today) == -1
    assert deadline.is_passed(today)
    assert deadline_status(deadline, today, date(2026, 10, 30)) == DeadlineStatus.PASSED


def test_days_left_before_the_deadline() -> None:
    deadline = appeal_deadline(date(2026, 11, 2))
    assert deadline.days_left(date(2026, 11, 2)) == 28
    assert deadline.days_left(date(2026, 11, 29)) == 1
    assert deadline_status(deadline, date(2026, 11, 29), None) == DeadlineStatus.OPEN


def test_moved_deadline_counts_days_to_the_moved_day() -> None:
    deadline = appeal_deadline(date(2026, 11, 28))  # four weeks: Boxing Day, a Saturday
    assert deadline.deadline == date(2026, 12, 28)
    assert deadline.days_left(date(2026, 12, 26)) == 2
    assert not deadline.is_passed(date(2026, 12, 27))


def test_one_year_outer_limit_for_a_late_appeal() -> None:
    decided = date(2026, 3, 10)
    assert late_appeal_limit(decided) == date(2027, 3, 10)
    deadline = appeal_deadline(date(2026, 3, 12))
    assert deadline_status(deadline, date(2027, 3, 10), decided) == DeadlineStatus.PASSED
    assert deadline_status(deadline, date(2027, 3, 11), decided) == DeadlineStatus.TOO_LATE
    # Without the decision's date, the day it was received bounds it: a decision is made no
    # later than it is received, so a year after receipt is surely too late, and before that
    # it may still be considered.
    assert deadline_status(deadline, date(2027, 3, 12), None) == DeadlineStatus.PASSED
    assert deadline_status(deadline, date(2027, 3, 13), None) == DeadlineStatus.TOO_LATE
    assert deadline_status(deadline, date(2030, 1, 1), None) == DeadlineStatus.TOO_LATE
    # 29 February: the earlier day the year after
    assert late_appeal_limit(date(2028, 2, 29)) == date(2029, 2, 28)


def test_to_dict_only_names_a_move_when_there_is_one() -> None:
    plain = appeal_deadline(date(2026, 11, 2)).to_dict()
    assert plain == {"received": "2026-11-02", "deadline": "2026-11-30"}
    moved = appeal_deadline(date(2026, 11, 28)).to_dict()
    assert moved["moved_from"] == "2026-12-26"
    assert moved["reason"] == "boxing_day"
    assert moved["skipped"] == [
        {"date": "2026-12-26", "reason": "boxing_day"},
        {"date": "2026-12-27", "reason": "sunday"},
    ]


def run_cli(*args: str) -> CliResult:
    return cli(*args)


def test_cli_deadline_plain() -> None:
    out = run_cli("deadline", "--received", "2026-11-02")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"received": "2026-11-02", "deadline": "2026-11-30"}


def test_cli_deadline_moved_past_easter() -> None:
    out = run_cli("deadline", "--received", "2027-02-25")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["received"] == "2027-02-25"
    assert data["deadline"] == "2027-03-30"
    assert data["moved_from"] == "2027-03-25"
    assert data["reason"] == "maundy_thursday"


def test_cli_deadline_bad_date_names_the_problem() -> None:
    out = run_cli("deadline", "--received", "2026-02-30")
    assert out.returncode == 2
    assert "--received" in out.stderr
    assert "YYYY-MM-DD" in out.stderr
    assert out.stdout == ""


def test_deadline_is_a_value() -> None:
    a = appeal_deadline(date(2026, 1, 5))
    assert a == Deadline(received=date(2026, 1, 5), deadline=date(2026, 2, 2))
