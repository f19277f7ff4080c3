"""Translations chosen per call, never process-wide.

One Babel ``Translations`` per (language, domain) is loaded once and kept: catalogs are static,
shared by every session, and hold no user data. Nothing here calls ``install()``. Domains:
``messages`` for the interface (app.py, pages/, bpa_ui/), ``documents`` for the texts that
bpa_core writes (applications, checklists, letters, explanations of the estimate).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from bpa_core import languages

# The registry's codes (bpa_core/languages.py): the one place that knows the languages.
LANGUAGES: tuple[str, ...] = languages.codes()
DEFAULT_LANGUAGE = languages.DEFAULT_LANGUAGE
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAINS: tuple[str, ...] = ("messages", "documents")


def normalize_language(code: str | None) -> str | None:
    """Map a language tag (``nb``, ``no-NO``, ``nn_NO``, ``en-GB``) to one of LANGUAGES."""
    return languages.normalize(code)


@cache
def translations(lang: str, domain: str = "messages") -> NullTranslations:
    """The catalog of one language and domain; English msgids show when a catalog is absent."""
    if lang not in languages.codes() or domain not in DOMAINS:
        raise ValueError(f"unknown language or domain: {lang!r}, {domain!r}")
    return Translations.load(str(LOCALE_DIR), [lang], domain=domain)


def gettext_for(lang: str, domain: str = "messages") -> Callable[[str], str]:
    return translations(lang, domain).gettext


def ngettext_for(lang: str, domain: str = "messages") -> Callable[[str, str, int], str]:
    return translations(lang, domain).ngettext


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a string for extraction; it is translated where it is shown."""
    return message
