"""Dates and hours in words for a given language, through Babel (never locale-wide settings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from bpa_core import languages


def babel_locale(lang: str) -> str:
    """The language's Babel locale (``bpa_core.languages``); English dates as in Europe."""
    return languages.language(lang).babel_locale


def long_date(day: date, lang: str) -> str:
    """``24. desember 2026`` / ``24 December 2026``."""
    return format_date(day, format="long", locale=babel_locale(lang))


def full_date(day: date, lang: str) -> str:
    """With the weekday: ``mandag 28. desember 2026`` / ``Monday, 28 December 2026``."""
    return format_date(day, format="full", locale=babel_locale(lang))


def hours_text(hours: Decimal, lang: str) -> str:
    """``30,5`` in Norwegian, ``30.5`` in English; whole hours without decimals."""
    return format_decimal(hours.normalize(), format="#,##0.##", locale=babel_locale(lang))


def hours_count(hours: Decimal) -> int:
    """The number ngettext picks the form by: "1 time", "1,5 timer", "2 timer".

    A whole number is itself; a fraction counts as plural (nb, nn and en say "1.5 hours").
    """
    return int(hours) if hours == hours.to_integral_value() else 2
