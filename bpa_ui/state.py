"""The one Draft in the session: every page reads it and writes answers back to it."""

from __future__ import annotations

import streamlit as st

from bpa_core.draft import Draft

DRAFT_KEY = "draft"


def get_draft() -> Draft:
    draft = st.session_state.get(DRAFT_KEY)
    if not isinstance(draft, Draft):
        draft = Draft()
        st.session_state[DRAFT_KEY] = draft
    return draft


def set_draft(draft: Draft) -> None:
    st.session_state[DRAFT_KEY] = draft


def delete_everything() -> None:
    """Forget every answer of this session at once (the language stays), and any file it
    uploaded that Streamlit still holds."""
    from bpa_ui.server import forget_uploads

    forget_uploads()
    lang = st.session_state.get("lang")
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    if lang is not None:
        st.session_state["lang"] = lang
