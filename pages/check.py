"""Check your answers: everything on one page, each step with a way back to change it.

Each step's answers are one element: its heading and a description list (question, answer), the
GOV.UK "summary list". The page drew 113 Streamlit elements for Kari (a row of two columns per
answer), now 34. The user's own words are escaped and keep their line breaks, never Markdown or
HTML.
"""

from html import escape

import streamlit as st

from bpa_ui import answers, fmt, steps
from bpa_ui.bind import not_answered
from bpa_ui.draft_file import RESTORED_KEY
from bpa_ui.frame import begin, end, step_title, switch_to
from bpa_ui.i18n import _, ngettext
from bpa_ui.state import get_draft

begin(steps.CHECK)
draft = get_draft()

if st.session_state.pop(RESTORED_KEY, False):
    st.success(
        _("Your saved answers are back. Check them, and change what is needed."),
        icon=":material/check:",
    )
with st.container():  # one slot: rows of an older file that take more time than they can
    if draft.rows_to_fix:
        st.warning(
            ngettext(
                "{n} activity from the saved file takes more time than it can, and is not "
                "counted. Change it on the step “{step}”.",
                "{n} activities from the saved file take more time than they can, and are not "
                "counted. Change them on the step “{step}”.",
                len(draft.rows_to_fix),
            ).format(n=fmt.whole(len(draft.rows_to_fix)), step=step_title("week")),
            icon=":material/warning:",
        )
st.markdown(_("Read through the answers. Use “Change” to go back to a step."))

STYLE = (
    "<style>"
    ".bpa-answers { display: grid; grid-template-columns: 2fr 3fr; gap: 0.5rem 1rem;"
    " margin: 0 0 1rem; padding: 0; }"
    ".bpa-answers dt { font-weight: 600; margin: 0; }"
    ".bpa-answers dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }"
    "@media (max-width: 640px) { .bpa-answers { grid-template-columns: 1fr; }"
    " .bpa-answers dd { margin-bottom: 0.5rem; } }"
    "</style>"
)


def step_html(title: str, items: list[tuple[str, str]]) -> str:
    empty = not_answered()
    rows = "".join(
        f"<dt>{escape(question)}</dt><dd>{escape(answer if answer.strip() else empty)}</dd>"
        for question, answer in items
    )
    return f'<h3 style="margin-top: 0;">{escape(title)}</h3><dl class="bpa-answers">{rows}</dl>'


st.html(STYLE)
for step_id, items in answers.by_step(draft):
    with st.container(border=True):
        st.html(step_html(step_title(step_id), items))
        if st.button(
            _("Change: {title}").format(title=step_title(step_id)), key=f"change:{step_id}"
        ):
            switch_to(step_id)

end(steps.CHECK, next_label=_("See the result"))
