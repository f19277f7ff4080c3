"""Ages and birthdays, counted the way people count them.

A person is N years old from their Nth birthday. Someone born on 29 February has their birthday
on 1 March in years that are not leap years (the day after 28 February).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def birthday(birth: date, years: int) -> date:
    """The date of the birthday on which a person born on ``birth`` turns ``years`` old."""
    year = birth.year + years
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28) + timedelta(days=1)
    return birth.replace(year=year)


def age_on(birth: date, on: date) -> int:
    """Whole years of age on ``on``; 0 before the first birthday (and for a future birth date)."""
    years = on.year - birth.year
    if years > 0 and birthday(birth, years) > on:
        years -= 1
    return max(0, years)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day (31 August + 6 = 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
