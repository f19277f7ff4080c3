"""The session's language and its translator. Never process-wide: each call reads the session."""

from __future__ import annotations

import streamlit as st

from bpa_core.i18n import DEFAULT_LANGUAGE, LANGUAGES, gettext_for, ngettext_for, normalize_language

LANG_KEY = "lang"


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
