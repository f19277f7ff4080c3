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


# Kept by "delete everything": the language, whether the user chose it, and that the tab's copy
# was read (bpa_ui/tab_copy.py: read again, the copy would bring back what was just deleted).
KEPT_BY_DELETE = ("lang", "lang_said", "tab_copy_state")


def delete_everything() -> None:
    """Forget every answer of this session at once (the language stays), and any file it
    uploaded that Streamlit still holds. The tab's copy goes with them: the next run finds no
    answers and removes it from the tab."""
    from bpa_ui.server import forget_uploads

    forget_uploads()
    kept = {k: st.session_state[k] for k in KEPT_BY_DELETE if k in st.session_state}
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    for key, value in kept.items():
        st.session_state[key] = value
