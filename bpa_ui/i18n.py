"""The session's language and its translator. Never process-wide: each call reads the session."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import streamlit as st

from bpa_core import languages
from bpa_core.i18n import DEFAULT_LANGUAGE, gettext_for, ngettext_for, normalize_language

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


# The language of the script run under way, per thread: the frame looks it up once per run
# (``begin_run``) instead of every ``_()`` reading the session state (526 times per run on the
# week step). Keyed to the run by Streamlit's ``cursors`` dict, which each run makes anew; a call
# outside a run (a widget callback, before the frame) reads the session state as before.
_RUN = threading.local()


def _session_language() -> str:
    lang = st.session_state.get(LANG_KEY)
    if lang not in languages.codes():
        lang = initial_language()
        st.session_state[LANG_KEY] = lang
    return str(lang)


def run_marker() -> object | None:
    """An object that stands for the script run under way (None outside a run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.cursors if ctx is not None else None


def begin_run() -> str:
    """The session's language, looked up once for this script run (called by the frame first,
    after the callbacks, so a language just chosen counts)."""
    lang = _session_language()
    _RUN.marker = run_marker()
    _RUN.lang = lang
    _RUN.gettext = gettext_for(lang)
    return lang


def set_language(lang: str) -> None:
    """Switch the session's language; also for the rest of a run under way."""
    st.session_state[LANG_KEY] = lang
    if _this_run() is not None:
        _RUN.lang = lang
        _RUN.gettext = gettext_for(lang)


def _this_run() -> Callable[[str], str] | None:
    marker = getattr(_RUN, "marker", None)
    if marker is not None and marker is run_marker():
        found: Callable[[str], str] = _RUN.gettext
        return found
    return None


def current_language() -> str:
    override = _LANGUAGE_OVERRIDE.get()
    if override in languages.codes():
        return str(override)
    if _this_run() is not None:
        return str(_RUN.lang)
    return _session_language()


def _(message: str) -> str:
    """Translate an interface string into the session's language."""
    override = _LANGUAGE_OVERRIDE.get()
    if override not in languages.codes():
        cached = _this_run()
        if cached is not None:
            return cached(message)
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
