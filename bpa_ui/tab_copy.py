"""The tab's copy of the answers: a reload, a tab the phone discarded, a dropped connection or a
restarted server loses nothing, and the server still keeps nothing.

After every change the Draft (the same JSON as the draft file) goes to the browser tab's
``sessionStorage`` through a small component (``bpa_ui/components/tab_copy/tab_copy.js``). A new
session in the same tab asks for it once, checks it like an uploaded file
(``draft_file.read_draft``: size, migrations, validation) and continues on the same step, in the
language it was saved in, with a short notice. A copy that cannot be used is dropped with the
file's message. The frame calls ``notice()`` above the page and ``keep()`` after it.

Order matters: until the tab has answered, nothing is written to it (the first run of a new
session has no answers yet and would wipe the copy it is about to restore).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from bpa_core import languages
from bpa_core.draft import Draft
from bpa_core.i18n import DEFAULT_LANGUAGE, normalize_language
from bpa_ui.i18n import LANG_KEY, _, current_language
from bpa_ui.state import get_draft

# The tab answers once, under its own key; then the copy is kept under another key, so that the
# answer (up to a whole draft) is not sent back to the server with every later run.
READ_KEY = "tab_copy_read"
KEEP_KEY = "tab_copy"
# Absent: the tab has not answered yet; KEEPING: it has (state.delete_everything keeps this).
STATE_KEY = "tab_copy_state"
KEEPING = "keeping"
SENT_KEY = "tab_copy_sent"  # hash of the copy last sent to the tab (sent only when it changes)
NOTICE_KEY = "tab_copy_notice"  # (step id or None, problems): shown until the user moves on
HERE_KEY = "tab_copy_here"  # the week builder's own component (keep_in_fragment)
RUNS_KEY = "tab_copy_runs"  # script runs of this session, counted until the tab answered
LANG_SAID_KEY = "lang_said"  # the address (?lang=) or the user chose the interface language

FILES = Path(__file__).parent / "components" / "tab_copy"
# Served by Streamlit at /component/bpa_ui.tab_copy.tab_copy/ (see bpa_ui/server.py).
_component = components.declare_component("tab_copy", path=str(FILES))
COMPONENT_PATH = "/component/" + _component.name + "/"
# The page's half (the "leave this page?" prompt), and the slot hidden: it shows nothing.
_WATCH = (
    "<style>.st-key-tab_copy_slot, .st-key-tab_copy_here_slot { display: none; }</style><script>"
    + (FILES / "watch.js").read_text("utf-8")
    + "</script>"
)


def draft_json(draft: Draft, interface_language: str) -> str:
    """The draft file's text, with the interface language it is saved in."""
    return draft.model_copy(
        update={"interface_language": languages.language(interface_language).code}
    ).to_json()


def file_bytes(draft: Draft, interface_language: str) -> bytes:
    """The bytes of the draft file the user saves (``frame.save_button``)."""
    return draft_json(draft, interface_language).encode("utf-8")


_EMPTY = Draft()


def has_answers(draft: Draft) -> bool:
    return draft.model_copy(update={"interface_language": None}) != _EMPTY


def use_saved_language(draft: Draft) -> None:
    """A restored draft opens in the interface language it was saved in, unless the address
    (?lang=) or the user chose one in this session. The document language stays as chosen."""
    if draft.interface_language is None or st.session_state.get(LANG_SAID_KEY):
        return
    st.session_state[LANG_KEY] = draft.interface_language


def language_chosen() -> None:
    """The user picked the interface language (the switch): a restored draft keeps it."""
    st.session_state[LANG_SAID_KEY] = True


def _browsers_language() -> str:
    """The language a new session gets without ?lang= (as i18n.initial_language)."""
    try:
        return normalize_language(st.context.locale) or DEFAULT_LANGUAGE
    except Exception:  # no browser context (AppTest, bare mode)
        return DEFAULT_LANGUAGE


def _keep_language_in_address(lang: str) -> None:
    """?lang= stays in the address across steps and reloads, so a reload never changes the
    language. Steps switch with it (``frame.switch_to``); when Streamlit dropped it (a link
    without it), it is put back, unless the address is bare and a reload would give the same
    language anyway (each change of the address is one more step for the browser's Back).
    The language code is the only thing the app puts there."""
    if LANG_SAID_KEY not in st.session_state:  # the first run of the session
        st.session_state[LANG_SAID_KEY] = "lang" in st.query_params
    in_address = st.query_params.get("lang")
    if in_address == lang or (in_address is None and lang == _browsers_language()):
        return
    st.query_params["lang"] = lang


def _stay_on_the_step_shown() -> None:
    """The tab's answer comes with the step the browser showed when it was sent. If the user
    moved on meanwhile (a quick "next" while the tab was answering), that run would take them
    back: stay on the step shown last."""
    from bpa_ui.frame import GOTO_KEY, SHOWN_KEY, go_to  # the frame imports this module

    shown = st.session_state.get(SHOWN_KEY)
    if GOTO_KEY not in st.session_state and isinstance(shown, str):  # (else: on its way)
        go_to(shown)


def _on_read() -> None:
    """The tab's answer to "read": its copy (or "" when it has none), once per session."""
    if st.session_state.get(STATE_KEY) == KEEPING:
        return
    st.session_state[STATE_KEY] = KEEPING
    _stay_on_the_step_shown()
    answer = st.session_state.get(READ_KEY)
    value = answer.get("copy") if isinstance(answer, dict) else None
    if not isinstance(value, str) or not value:
        return
    from bpa_ui import draft_file  # imports the frame, which imports this module

    found = draft_file.read_draft(value.encode("utf-8"))
    if isinstance(found, Draft):
        draft_file.put_in_place(found)
        st.session_state[NOTICE_KEY] = (None, [])
    else:  # dropped: the next keep() sees no answers and removes the copy from the tab
        st.session_state[NOTICE_KEY] = (None, found)


def _on_missing() -> None:
    """The tab has not got the latest copy (a run its frame never saw): send it again."""
    st.session_state.pop(SENT_KEY, None)
    _stay_on_the_step_shown()


def _args() -> dict[str, Any]:
    draft = get_draft()
    if not has_answers(draft):
        st.session_state.pop(SENT_KEY, None)
        return {"hash": "", "answers": False}
    text = draft_json(draft, current_language())
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    args: dict[str, Any] = {"hash": digest, "answers": True}
    if st.session_state.get(SENT_KEY) != digest:
        args["copy"] = text
        st.session_state[SENT_KEY] = digest
    return args


def keep() -> None:
    """After the page: give the tab the answers of now (their JSON only when they changed).
    Drawn in the sidebar, whose elements are the same on every step: the frame is not loaded
    again on each step."""
    _keep_language_in_address(current_language())
    with st.sidebar, st.container(key="tab_copy_slot"):
        st.html(_WATCH, unsafe_allow_javascript=True)
        if st.session_state.get(STATE_KEY) != KEEPING:
            _component(key=READ_KEY, read=True, default=None, on_change=_on_read)
        else:
            _component(key=KEEP_KEY, default=None, on_change=_on_missing, **_args())


def _on_missing_here() -> None:
    """The fragment's component missed a copy: send it again (in the fragment's next run)."""
    st.session_state.pop(SENT_KEY, None)


def keep_in_fragment(*, fragment_only: bool) -> None:
    """The end of a fragment that changes answers (the week builder): a run of the fragment
    alone never reaches the frame's ``keep()``, so the answers of now go to the tab through a
    component of the fragment's own, the same way (their JSON only when they changed). In a run
    of the whole page it stands by (``passive``) and ``keep()`` sends them: one writer per run.
    Drawn in every run of the fragment, so the browser keeps its frame (not loaded again)."""
    with st.container(key="tab_copy_here_slot"):
        args: dict[str, Any] = {"passive": True}
        if fragment_only and st.session_state.get(STATE_KEY) == KEEPING:
            args = _args()
        _component(key=HERE_KEY, default=None, on_change=_on_missing_here, **args)


def waiting_for_the_tab() -> bool:
    """The first run of a session, before the tab has answered "read". A click in that moment
    races the run the tab's answer causes, and Streamlit may drop the click (seen under load:
    "Start the questions" did nothing, about 1 in 10 with two busy cores). The frame draws its
    step buttons disabled in that run only: the tab's answer comes a moment later and draws them
    enabled; if it never comes, the next run (any answer typed or chosen) does."""
    return st.session_state.get(STATE_KEY) != KEEPING and st.session_state.get(RUNS_KEY, 0) <= 1


def count_run() -> None:
    """Called by the frame once per script run (see ``waiting_for_the_tab``)."""
    st.session_state[RUNS_KEY] = int(st.session_state.get(RUNS_KEY, 0)) + 1


def notice(step_id: str) -> None:
    """A fixed slot above the page: the answers came back from the tab, or could not. Shown on
    the step where it happened, until the user moves on."""
    with st.container():
        found = st.session_state.get(NOTICE_KEY)
        if not found:
            return
        step, problems = found
        if step is None:
            st.session_state[NOTICE_KEY] = (step_id, problems)
        elif step != step_id:
            del st.session_state[NOTICE_KEY]
            return
        if not problems:
            st.success(_("We got your answers back from this tab."), icon=":material/restore:")
            return
        from bpa_ui.draft_file import problem_message

        st.error(
            problem_message(
                problems,
                before=_("The answers kept in this tab could not be used."),
                after=_("We start again with no answers."),
            ),
            icon=":material/error:",
        )
