"""The application: a preview section by section; each section's text can be changed.

Changes are kept in the draft (``draft.application.section_edits``), so they are in the draft
file too. A counsellor can add a note that ends the application.
"""

import streamlit as st

from bpa_core.documents.application import build_application
from bpa_core.draft import MAX_TEXT, Draft, FilledInBy
from bpa_core.rules import assess
from bpa_ui.context import assessment_date
from bpa_ui.document_view import document_language_select, heading, show_section
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.review_panel import review_panel
from bpa_ui.state import get_draft

ROUND_KEY = "application_edit_round"  # bumped on every save, so the text boxes start afresh


def without_edits(draft: Draft) -> Draft:
    application = draft.application.model_copy(update={"section_edits": {}})
    return draft.model_copy(update={"application": application})


def save_edit(draft: Draft, section_id: str, text: str, suggested: str) -> None:
    edits = dict(draft.application.section_edits)
    if text.strip() and text.strip() != suggested.strip():
        edits[section_id] = text
    else:
        edits.pop(section_id, None)
    draft.application.section_edits = edits
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1


draft = get_draft()
begin("application")
st.markdown(
    _(
        "This is the application, made from your answers. Read it section by section. "
        "You can change the text of each section. Your changes are kept with your answers."
    )
)
# What the application lacks, with a link to each step (never blocks anything).
review_panel(draft, "application")

lang = document_language_select(draft)
assessment = assess(draft, assessment_date())
document = build_application(draft, assessment, lang, dated=assessment.assessed_on)
suggested = {
    s.id: s
    for s in build_application(
        without_edits(draft), assessment, lang, dated=assessment.assessed_on
    ).sections
}
round_ = st.session_state.get(ROUND_KEY, 0)

heading(document.title, 2)
for number, section in enumerate(document.sections, start=1):
    with st.container(border=True):
        show_section(section, number)
        if not section.editable:
            continue
        edited = section.id in draft.application.section_edits
        if edited:
            st.caption(_("You have changed the text of this section."))
        # Labels read Markdown and turn web addresses into links: they name the section by its
        # number, never by its title (which may hold the person's name).
        with st.expander(_("Change the text of section {n}").format(n=number)):
            with st.form(f"edit_{section.id}_{round_}", border=False):
                text = st.text_area(
                    _("Text of section {n}").format(n=number),
                    value=section.plain_text(),
                    key=f"text_{section.id}_{lang}_{round_}",
                    height=220,
                    max_chars=MAX_TEXT,
                    help=_(
                        "A blank line starts a new paragraph. Your text replaces the "
                        "suggested text of this section, also tables and lists."
                    ),
                )
                if st.form_submit_button(_("Save the text")):
                    generated = suggested.get(section.id)
                    save_edit(draft, section.id, text, generated.plain_text() if generated else "")
                    st.rerun()
            if edited and st.button(
                _("Use the suggested text again"), key=f"reset_{section.id}_{round_}"
            ):
                save_edit(draft, section.id, "", "")
                st.rerun()

if draft.filled_in_by == FilledInBy.COUNSELLOR:
    heading(_("Note from you as counsellor"), 2)
    with st.form(f"counsellor_note_{round_}"):
        note = st.text_area(
            _("Note from the counsellor"),
            value=draft.application.counsellor_note,
            key=f"counsellor_note_text_{round_}",
            max_chars=MAX_TEXT,
            help=_("The note comes last in the application, before the signature."),
        )
        if st.form_submit_button(_("Save the note")):
            draft.application.counsellor_note = note
            st.session_state[ROUND_KEY] = round_ + 1
            st.rerun()

end("application")
