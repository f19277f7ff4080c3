"""Numbers, hours and dates in the session's language, through Babel (``32,5 timer``)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from bpa_core import languages
from bpa_core.rules.hours import display_hours
from bpa_ui.i18n import current_language, ngettext


@cache
def _locale(code: str) -> Locale:
    """Parsed once per process (static data): parsing the name took a share of every run."""
    return Locale.parse(code)


def babel_locale() -> Locale:
    """The session's Babel locale, from the language registry (``bpa_core.languages``)."""
    return _locale(languages.language(current_language()).babel_locale)


def hours_number(minutes: Fraction, *, up: bool = False) -> str:
    """Weekly minutes as hours with at most one decimal: ``34,5`` (rounded for display only)."""
    return format_decimal(display_hours(minutes, up=up), format="#,##0.#", locale=babel_locale())


def hours(minutes: Fraction, *, up: bool = False) -> str:
    """``34,5 timer`` / ``1 time`` / ``34.5 hours``; ``up`` for hours still missing."""
    count = 1 if display_hours(minutes, up=up) == 1 else 2  # the plural of the figure shown
    return ngettext("{hours} hour", "{hours} hours", count).format(
        hours=hours_number(minutes, up=up)
    )


def whole(number: int) -> str:
    return format_decimal(number, locale=babel_locale())


def long_date(day: date) -> str:
    return format_date(day, format="long", locale=babel_locale())
