"""Download: the PDF of the application, the checklist or both; the draft file; delete all.

A PDF is made when the user asks for it, by a worker process (bpa_ui/pdf_worker.py), and kept for
this session while it stays on this step; its link stays while the PDF still fits the answers,
the choice and the language. Nothing is cached between sessions or written to disk.
"""

import streamlit as st

from bpa_core.documents.build import build_documents
from bpa_core.render.names import pdf_file_name
from bpa_ui.context import assessment_date
from bpa_ui.document_view import document_language_select, make_pdf
from bpa_ui.downloads import link, offer_bytes, still_offered
from bpa_ui.frame import begin, end, save_button
from bpa_ui.i18n import _
from bpa_ui.review_panel import review_panel
from bpa_ui.state import delete_everything, get_draft

draft = get_draft()
begin("download")
st.markdown(
    _(
        "Nothing is stored on our server. Download what you need before you close this tab. "
        "The draft file lets you continue later."
    )
)

# What the application lacks, with a link to each step (never blocks anything).
review_panel(draft, "download")

st.header(_("Documents as PDF"))
choices = {
    "all": _("The application and the checklist for the doctor"),
    "application": _("Only the application"),
    "checklist": _("Only the checklist for the doctor"),
}
choice = st.radio(
    _("What do you want to download?"),
    list(choices),
    format_func=choices.__getitem__,
    key="download_choice",  # a key, not the label: the choice survives a language switch
)
lang = document_language_select(draft)
# One slot for the PDF's link or message, drawn every run: the elements below keep their place.
with st.container():
    made: bytes | str | None = None
    if st.button(_("Make the PDF"), type="primary"):
        documents = build_documents(draft, choice, lang, on=assessment_date())
        with st.spinner(_("Making the PDF …")):
            made = make_pdf(documents)
        if isinstance(made, bytes):
            # Kept for this session until it leaves the step or makes another PDF: the link
            # works as often as it is clicked, whatever other sessions do meanwhile. With it, a
            # copy of what it was made from (the answers change in place).
            offer_bytes(
                "pdf",
                made,
                pdf_file_name(documents),
                "application/pdf",
                step="download",
                made_from=(draft.model_copy(deep=True), choice, lang, assessment_date()),
            )
    # The link stays in every run while the PDF fits the answers and choices of now.
    if still_offered("pdf", (draft, choice, lang, assessment_date())):
        link("pdf", _("Download the PDF"), key="pdf", primary=True)
    if isinstance(made, bytes):
        st.success(_("The PDF is ready. Use the button “Download the PDF” to save it."))
    elif made is not None:
        st.error(made, icon=":material/error:")

st.header(_("Your answers"))
# The same button as in the sidebar: the file is made when it is clicked, never before.
save_button("save_download")

st.header(_("Delete everything"))
with st.form("delete_everything"):
    sure = st.checkbox(_("I have saved what I need. Delete all my answers now."))
    if st.form_submit_button(_("Delete everything now")):
        if sure:
            delete_everything()
            st.success(_("Everything you entered is deleted from this session."))
        else:
            st.error(_("Tick the box “I have saved what I need” to delete everything."))

end("download")
