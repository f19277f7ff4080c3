"""The week: the activity builder, with live totals, excluded hours and the chart."""

import streamlit as st

from bpa_ui import bind, week
from bpa_ui.context import is_child, pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("week")
draft = get_draft()

st.markdown(
    pick(
        draft,
        you=_(
            "Add what you need help with in a normal week. Write how long each thing takes and "
            "how often. Add monthly and yearly things too."
        ),
        other=_(
            "Add what the person needs help with in a normal week. Write how long each thing "
            "takes and how often. Add monthly and yearly things too."
        ),
        parent=_(
            "Add what your child needs help with in a normal week. Write how long each thing "
            "takes and how often. Add monthly and yearly things too."
        ),
    )
)
if is_child(draft):
    st.info(
        _(
            "For a child, only help beyond what children of the same age need counts. "
            "Respite for you as parents (avlastning) counts too."
        ),
        icon=":material/child_care:",
    )

week.builder()  # a fragment: adding a row does not run the frame again

st.header(_("Good days and bad days"), anchor=False)
bind.ask("variations")  # declared in bpa_ui/interview.py

end("week")
