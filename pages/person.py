"""The person: who fills in (when on someone's behalf), name, date of birth, municipality.

The questions are declared in bpa_ui/interview.py; this page only lays them out.
"""

import streamlit as st

from bpa_ui import bind
from bpa_ui.context import pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("person")
draft = get_draft()
asked = bind.situation(draft)

if draft.on_behalf:
    st.header(_("About you who fill in"), anchor=False)
    bind.ask("writer.name", asked)
    bind.ask("writer.organisation", asked)
    bind.ask("writer.relation", asked)
    with st.expander(_("Your phone and e-mail (optional)")):
        bind.ask("writer.phone", asked)
        bind.ask("writer.email", asked)

st.header(
    pick(draft, you=_("About you"), other=_("About the person"), parent=_("About your child")),
    anchor=False,
)
bind.ask("person.name", asked)
bind.ask("person.birth_date", asked)
bind.ask("person.municipality", asked)
bind.ask("person.granted_before_age_limit", asked)
bind.ask("person.earlier_decision", asked)

with st.expander(_("Contact details for the application (optional)")):
    st.caption(_("Fill in only what you want in the application. You can leave all of it empty."))
    bind.ask("person.address", asked)
    bind.ask("person.phone", asked)
    bind.ask("person.email", asked)
    bind.ask("person.national_id", asked)

end("person")
