"""The frame around every step: page setup, language, <html lang>, navigation and error safety."""

from __future__ import annotations

import json

import streamlit as st

from bpa_ui.errors import show_friendly_error
from bpa_ui.i18n import _, current_language


def set_document_language(lang: str) -> None:
    """Streamlit hard-codes <html lang="en">: set it to the session's language in the browser."""
    st.html(
        f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
        unsafe_allow_javascript=True,
    )


def run() -> None:
    lang = current_language()
    st.set_page_config(
        page_title="BPA-veiviser", page_icon=":material/accessible:", layout="centered"
    )
    set_document_language(lang)
    pages = [
        st.Page("pages/start.py", title=_("Start"), url_path="start", default=True),
    ]
    page = st.navigation(pages, position="sidebar")
    try:
        page.run()
    except Exception as exc:  # never a traceback, never the user's text in a log
        show_friendly_error(exc)
