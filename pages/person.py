"""The person: who fills in (when on someone's behalf), name, date of birth, municipality."""

import streamlit as st

from bpa_core.draft import FilledInBy
from bpa_core.national_id import national_id_problem
from bpa_ui import bind, labels
from bpa_ui.answers import municipality_question
from bpa_ui.context import age, assessment_date, pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("person")
draft = get_draft()

if draft.on_behalf:
    st.header(_("About you who fill in"), anchor=False)
    bind.text("writer.name", _("Your name"))
    if draft.filled_in_by == FilledInBy.COUNSELLOR:
        bind.text("writer.organisation", _("Your organisation"))
        bind.text("writer.relation", _("Your role, for example adviser"))
    else:
        bind.text("writer.relation", _("Your relation to the person, for example mother or son"))
    with st.expander(_("Your phone and e-mail (optional)")):
        bind.text("writer.phone", _("Your phone number"))
        bind.text("writer.email", _("Your e-mail address"))

st.header(
    pick(draft, you=_("About you"), other=_("About the person"), parent=_("About your child")),
    anchor=False,
)
bind.text("person.name", _("Full name"))
bind.day(
    "person.birth_date",
    _("Date of birth (day.month.year)"),
    max_value=assessment_date(),
    help=_("Age matters: the right to BPA is for people under 67."),
)
bind.text("person.municipality", municipality_question(draft))

years = age(draft)
with st.container():  # one slot whether or not the question is asked (see bpa_ui.frame)
    if years is not None and years >= 60:
        bind.choice(
            "person.granted_before_age_limit",
            pick(
                draft,
                you=_("Were you granted BPA as a right before you turned 67?"),
                other=_("Was the person granted BPA as a right before turning 67?"),
                parent=_("Was your child granted BPA as a right before turning 67?"),
            ),
            [True, False],
            labels.yes_no,
            help=_("If so, the right goes on after 67."),
            horizontal=True,
        )

with st.expander(_("Contact details for the application (optional)")):
    st.caption(_("Fill in only what you want in the application. You can leave all of it empty."))
    bind.text("person.address", _("Address"))
    bind.text("person.phone", _("Phone number"))
    bind.text("person.email", _("E-mail address"))
    bind.text(
        "person.national_id",
        _("National identity number (fødselsnummer)"),
        # Eleven digits, the control digits, and the date of birth above (bpa_core.national_id).
        check=lambda text: national_id_problem(text, get_draft().person.birth_date),
    )

end("person")
