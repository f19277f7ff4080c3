"""Start: what BPA is, what this tool does and does not do, who fills in, language, privacy,
and "continue from a saved draft"."""

import streamlit as st

from bpa_core.draft import FilledInBy
from bpa_ui import bind, steps
from bpa_ui.draft_file import PROBLEM_KEY, UPLOAD_KEY, on_upload, problem_message
from bpa_ui.frame import (
    DELETED_KEY,
    begin,
    end,
    language_switch,
    name_uploader_button,
    page_path,
)
from bpa_ui.i18n import _, current_language
from bpa_ui.state import get_draft

begin(steps.START)

if st.session_state.pop(DELETED_KEY, False):
    st.success(
        _(
            "Everything is deleted from this browser tab. On a shared computer, close the tab "
            "as well."
        ),
        icon=":material/delete:",
    )

language_switch("language_choice_start")

st.header(_("What is BPA?"), anchor=False)
st.markdown(
    _(
        "- BPA means user-controlled personal assistance (brukerstyrt personlig assistanse).\n"
        "- You get assistants who help you in daily life.\n"
        "- You decide who helps you, with what, and when.\n"
        "- The municipality grants BPA and pays for it.\n"
        "- Many people have a right to BPA by law."
    )
)

st.header(_("What this tool does"), anchor=False)
st.markdown(
    _(
        "- It asks simple questions, one topic at a time. It takes about 20 minutes.\n"
        "- It gives an estimate of whether there is a right to BPA, and explains why.\n"
        "- It does **not** make the decision. The municipality decides, after its own review "
        "of the need.\n"
        "- It is not legal advice. You can always apply, whatever the estimate says."
    )
)

st.info(
    _(
        "Nothing is stored on our server. Your answers are kept only in this browser tab: "
        "they come back if the page is reloaded. “Delete everything” removes them at once. "
        "Closing the tab removes them too, but a browser can reopen a closed tab with them."
    ),
    icon=":material/lock:",
)
st.caption(
    _(
        "Use “Save my answers” to keep a copy on your own device. The file holds health "
        "information: keep it safe."
    )
)

# A browser can reopen a closed tab with its copy ("Reopen closed tab"): on a shared computer
# only "Delete everything" leaves nothing. Said to everyone; a counsellor sees it as a warning.
bind.ask("filled_in_by")
with st.container():  # one slot, whoever fills in
    shared_computer = _(
        "On a shared computer, choose “Delete everything” before you close the tab: then no "
        "answers are left in the browser."
    )
    if get_draft().filled_in_by == FilledInBy.COUNSELLOR:
        st.warning(shared_computer, icon=":material/group:")
    else:
        st.caption(shared_computer)

st.header(_("Continue from a saved draft"), anchor=False)
# No type filter: a file of any type reaches the app, which refuses it with its own message. A
# file over 1 MB gets Streamlit's own refusal, translated (docs/ui.md, "Uploads").
st.file_uploader(
    _("Open a draft file you saved earlier (.json)"),
    key=UPLOAD_KEY,
    on_change=on_upload,
    help=_("The answers in the file replace the answers in this tab."),
)
name_uploader_button()
# One slot whether or not there is a problem: the elements below keep their place.
with st.container():
    problems = st.session_state.get(PROBLEM_KEY) or []
    if problems:
        body = problem_message(problems, after=_("Your current answers are unchanged."))
        st.error(body, icon=":material/error:")

if steps.available("appeal"):
    st.header(_("Have you had a decision?"), anchor=False)
    st.page_link(
        page_path("appeal"),
        label=_("Get help to appeal a decision"),
        icon=":material/gavel:",
        query_params={"lang": current_language()},
    )

end(steps.START, next_label=_("Start the questions"))
