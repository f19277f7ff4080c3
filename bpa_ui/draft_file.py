"""Continue from a saved draft file: read, check, and put it in place of the current answers.

A file that cannot be used leaves the current answers exactly as they were and gives a
translated message. The file's content is never shown, logged or kept beyond the Draft: the
uploaded file leaves Streamlit's upload store as soon as it is read.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError
from streamlit.runtime.uploaded_file_manager import UploadedFile

from bpa_core.draft import Draft, DraftFileError, field_errors, load_draft, parse_draft_json
from bpa_ui import steps
from bpa_ui.answers import field_label
from bpa_ui.bind import forget_widgets
from bpa_ui.frame import go_to
from bpa_ui.i18n import _
from bpa_ui.messages import field_problem, file_problem
from bpa_ui.server import forget_uploads
from bpa_ui.state import set_draft
from bpa_ui.tab_copy import use_saved_language
from bpa_ui.week import forget_week_state, in_week_order

UPLOAD_KEY = "draft_upload"
PROBLEM_KEY = "draft_problem"  # [(message id, field), ...] of the last refused file
RESTORED_KEY = "restored"
# A real draft is a few kilobytes. Streamlit refuses a file over 1 MB in the browser (its own
# refusal, translated in bpa_ui/streamlit_text.py; server.maxUploadSize = 1, which the server
# enforces at 1 MiB): this check answers a file of 1 000 001 bytes to 1 MiB that still arrives.
MAX_DRAFT_BYTES = 1_000_000


def _every_field_problem(raw: bytes) -> list[tuple[str, str]]:
    """Every bad field of a draft file that parsed (load_draft names only the first)."""
    from bpa_core.migrations import migrate

    try:
        data: Any = migrate(parse_draft_json(raw))
        Draft.model_validate(data)
    except ValidationError as exc:
        return [(e.message_id, e.field) for e in field_errors(exc)]
    except Exception:  # the first problem, from load_draft, is still shown
        return []
    return []


def read_draft(raw: bytes) -> Draft | list[tuple[str, str]]:
    """The Draft in a draft file (or the tab's copy), or every reason it cannot be used."""
    if len(raw) > MAX_DRAFT_BYTES:
        return [("file_too_big", "")]
    try:
        draft = load_draft(raw)
    except DraftFileError as exc:
        problems = _every_field_problem(raw) if exc.field else []
        return problems or [(exc.message_id, exc.field)]
    draft.rows = in_week_order(draft.rows)  # a hand-made file may list them in any order
    return draft


def put_in_place(draft: Draft) -> None:
    """The restored Draft replaces the answers; every widget shows it, in its saved language."""
    set_draft(draft)
    forget_widgets()
    forget_week_state()
    use_saved_language(draft)


def problem_message(problems: list[tuple[str, str]], *, before: str = "", after: str) -> str:
    """Why a file (or the tab's copy) could not be used: one sentence per bad field."""
    sentences = [
        (
            file_problem(field_label(field), message_id)
            if field
            else field_problem(_("Draft file"), message_id)
        )
        for message_id, field in problems
    ]
    if len(sentences) == 1:
        return " ".join(part for part in (before, sentences[0], after) if part)
    bullets = "\n".join(f"- {s}" for s in sentences)
    return (before + "\n\n" if before else "") + bullets + "\n\n" + after


def restore(raw: bytes) -> None:
    """Replace the answers with the file's, or keep them and remember why not."""
    st.session_state.pop(PROBLEM_KEY, None)
    found = read_draft(raw)
    if not isinstance(found, Draft):
        st.session_state[PROBLEM_KEY] = found
        return
    put_in_place(found)
    st.session_state[RESTORED_KEY] = True
    go_to(steps.CHECK)


def on_upload() -> None:
    uploaded = st.session_state.get(UPLOAD_KEY)
    if not isinstance(uploaded, UploadedFile):  # removed (None), or already read and dropped
        st.session_state.pop(PROBLEM_KEY, None)
        return
    raw = uploaded.getvalue()
    # Read once: Streamlit would keep the file in its upload store until the session ends.
    forget_uploads(uploaded.file_id)
    restore(raw)
