"""The session's language and its translator. Never process-wide: each call reads the session."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import streamlit as st

from bpa_core.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext_for, ngettext_for, normalize_language

LANG_KEY = "lang"
# Set only while a format function made by ``in_session_language`` runs (the language code of
# the session that drew the widget); never holds answers.
_LANGUAGE_OVERRIDE: ContextVar[str | None] = ContextVar("language_override", default=None)


def initial_language() -> str:
    """?lang= in the address, else the browser's locale, else bokmål."""
    from_query = normalize_language(st.query_params.get("lang"))
    if from_query:
        return from_query
    try:
        from_browser = normalize_language(st.context.locale)
    except Exception:  # no browser context (AppTest, bare mode)
        from_browser = None
    return from_browser or DEFAULT_LANGUAGE


def current_language() -> str:
    override = _LANGUAGE_OVERRIDE.get()
    if override in LANGUAGES:
        return str(override)
    lang = st.session_state.get(LANG_KEY)
    if lang not in LANGUAGES:
        lang = initial_language()
        st.session_state[LANG_KEY] = lang
    return str(lang)


def _(message: str) -> str:
    """Translate an interface string into the session's language."""
    return gettext_for(current_language())(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return ngettext_for(current_language())(singular, plural, n)


class in_session_language:  # noqa: N801 - used like a function
    """A widget's format function that speaks the session's language even when Streamlit (or
    AppTest) calls it outside the script run. A picklable object, as session state requires."""

    def __init__(self, fn: Callable[[Any], str]) -> None:
        self.fn = fn
        self.lang = current_language()

    def __call__(self, value: Any) -> str:
        token = _LANGUAGE_OVERRIDE.set(self.lang)
        try:
            return self.fn(value)
        finally:
            _LANGUAGE_OVERRIDE.reset(token)
