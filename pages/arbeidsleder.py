"""Arbeidsleder: who leads the assistants day to day.

The questions are declared in bpa_ui/interview.py.
"""

import streamlit as st

from bpa_ui import bind
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _

begin("arbeidsleder")

st.markdown(
    _(
        "With BPA, someone leads the assistants (arbeidsleder). The leader plans the work and "
        "gives the assistants their tasks. The municipality or a company is the employer."
    )
)
bind.ask_step("arbeidsleder")

end("arbeidsleder")
