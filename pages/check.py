"""Check your answers: everything on one page, each step with a way back to change it."""

import streamlit as st

from bpa_ui import answers, steps
from bpa_ui.bind import not_answered
from bpa_ui.draft_file import RESTORED_KEY
from bpa_ui.frame import begin, end, step_title, switch_to
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin(steps.CHECK)
draft = get_draft()

if st.session_state.pop(RESTORED_KEY, False):
    st.success(
        _("Your saved answers are back. Check them, and change what is needed."),
        icon=":material/check:",
    )
st.markdown(_("Read through the answers. Use “Change” to go back to a step."))

for step_id, items in answers.by_step(draft):
    with st.container(border=True):
        st.subheader(step_title(step_id), anchor=False)
        for question, answer in items:
            left, right = st.columns([2, 3])
            left.markdown(f"**{question}**")
            # The user's own words: always plain text, never Markdown or HTML.
            right.text(answer if answer.strip() else not_answered())
        if st.button(
            _("Change: {title}").format(title=step_title(step_id)), key=f"change:{step_id}"
        ):
            switch_to(step_id)

end(steps.CHECK, next_label=_("See the result"))
