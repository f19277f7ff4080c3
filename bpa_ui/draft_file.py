"""Continue from a saved draft file: read, check, and put it in place of the current answers.

A file that cannot be used leaves the current answers exactly as they were and gives a
translated message. The file's content is never shown, logged or kept beyond the Draft.
"""

from __future__ import annotations

import streamlit as st

from bpa_core.draft import DraftFileError, load_draft
from bpa_ui import steps
from bpa_ui.bind import forget_widgets
from bpa_ui.frame import go_to
from bpa_ui.state import set_draft
from bpa_ui.week import forget_week_state

UPLOAD_KEY = "draft_upload"
PROBLEM_KEY = "draft_problem"  # (message id, field) of the last refused file
RESTORED_KEY = "restored"
# Streamlit's upload limit is 1 MB (.streamlit/config.toml); a real draft is far smaller.
MAX_DRAFT_BYTES = 1_000_000


def restore(raw: bytes) -> None:
    """Replace the answers with the file's, or keep them and remember why not."""
    st.session_state.pop(PROBLEM_KEY, None)
    if len(raw) > MAX_DRAFT_BYTES:
        st.session_state[PROBLEM_KEY] = ("file_too_big", "")
        return
    try:
        draft = load_draft(raw)
    except DraftFileError as exc:
        st.session_state[PROBLEM_KEY] = (exc.message_id, exc.field)
        return
    set_draft(draft)
    forget_widgets()
    forget_week_state()
    st.session_state[RESTORED_KEY] = True
    go_to(steps.CHECK)


def on_upload() -> None:
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is None:
        st.session_state.pop(PROBLEM_KEY, None)
        return
    restore(uploaded.getvalue())
