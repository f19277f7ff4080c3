"""Appeal (klage): the deadline, the grounds that fit, the letter and a request for access.

Like every step, this page only lays out: its questions are declared in bpa_ui/interview.py
(step "appeal"; who the letter is from through ``interview.SENDER``, the same questions as the
start and person steps) and drawn with ``bind.ask``; the document language is the documents'
shared control; the deadline, the grounds and the letters come from bpa_ui/appeal.py. Works
inside the app's navigation and alone (``AppTest.from_file("pages/appeal.py")``).
"""

import streamlit as st

from bpa_ui import appeal, bind, interview
from bpa_ui.context import assessment_date, pick
from bpa_ui.document_view import document_language_select, show_document
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

draft = get_draft()
today = assessment_date()
begin("appeal")
st.write(
    _(
        "Did you get a decision you do not agree with? You can appeal (klage). Here you "
        "find your deadline and grounds that may fit. You also get a letter, and a request "
        "to see the papers in your case."
    )
)
st.info(
    _(
        "The municipality must help you write the appeal if you ask. The patient and user "
        "ombudsman (pasient- og brukerombudet) can also help, free of charge."
    ),
    icon=":material/support_agent:",
)
asked = appeal.situation(draft)

st.header(_("The decision"), anchor=False)
for question in appeal.questions("appeal.decision_received", "appeal.decision_date"):
    bind.ask(question, asked)
appeal.show_date_order(draft, asked)
for question in appeal.questions("appeal.case_number", "appeal.reasons_given"):
    bind.ask(question, asked)

st.header(_("Your deadline"), anchor=False)
with st.container():  # one slot, however much the deadline says: the fields below keep their place
    appeal.show_deadline(appeal.as_shown(draft), today)

st.header(_("Who the letter is from"), anchor=False)
for path in interview.SENDER:
    if path == "writer.name":
        with st.container():  # one slot whether or not someone writes for the person
            if draft.on_behalf:
                st.subheader(_("About you who fill in"), anchor=False)
    elif path == "person.name":
        about = pick(
            draft, you=_("About you"), other=_("About the person"), parent=_("About your child")
        )
        st.subheader(about, anchor=False)
    elif path == "person.address":
        st.caption(
            _(
                "You choose what goes in the letters. The appeal is valid without the national "
                "identity number."
            )
        )
    bind.ask(path, asked)
lang = document_language_select(draft)

st.header(_("What you want to say"), anchor=False)
for question in appeal.questions("appeal.what_is_wrong", "appeal.late_reason"):
    bind.ask(question, asked)

st.header(_("Grounds that may fit"), anchor=False)
assessed = appeal.assessment(draft, today)
with st.container():  # one slot, however many grounds fit
    appeal.ground_inputs(draft, assessed, lang)
letter, access = appeal.letters(draft, today, lang, assessed)

st.header(_("Preview"), anchor=False)
appeal.show_left_out(asked)
st.write(
    _(
        "Send the appeal to the municipality. If the municipality keeps its decision, it "
        "sends the appeal on to Statsforvalteren."
    )
)
tab_letter, tab_access = st.tabs([_("The appeal"), _("Request to see the documents")])
with tab_letter:
    show_document(letter, letter=True)
with tab_access:
    show_document(access, letter=True)

st.header(_("Download"), anchor=False)
appeal.downloads(letter, access)
end("appeal")
