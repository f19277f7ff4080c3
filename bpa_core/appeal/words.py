"""Dates and hours in words for a given language, through Babel (never locale-wide settings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

# Babel locales per document or interface language; English dates as written in Europe.
BABEL_LOCALES: dict[str, str] = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, "nb_NO")


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
