"""The checklist for the doctor's statement (legeerklæring), tailored to the answers."""

import streamlit as st

from bpa_core.documents.checklist import build_checklist
from bpa_core.rules import assess
from bpa_ui.context import assessment_date
from bpa_ui.document_view import document_language_select, show_document
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

draft = get_draft()
begin("checklist")
st.markdown(
    _(
        "A statement from your doctor (legeerklæring) makes the application stronger. "
        "Take this list to the doctor, so the statement covers what the municipality asks about. "
        "You can download it as PDF on the download page."
    )
)
lang = document_language_select(draft)
with st.container(border=True):
    today = assessment_date()
    show_document(build_checklist(draft, assess(draft, today), lang, dated=today))

end("checklist")
