"""Night and two-helper needs: continuous or occasional (only continuous needs count).

The questions are declared in bpa_ui/interview.py; this page lays them out.
"""

import streamlit as st

from bpa_ui import bind
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _, ngettext
from bpa_ui.state import get_draft

begin("night")
draft = get_draft()
asked = bind.situation(draft)


def marked_rows(count: int, text: str) -> None:
    if count:
        st.caption(text.format(n=count))


st.markdown(
    _(
        "Help at night and help that needs two helpers count toward the right only when the "
        "need is there all the time. If it is only sometimes, those hours are shown apart."
    )
)
st.header(_("Help at night"), anchor=False)
bind.ask("night_need", asked)
night_rows = sum(1 for r in draft.rows if r.night)
marked_rows(
    night_rows,
    ngettext(
        "{n} activity in the week is marked “at night”.",
        "{n} activities in the week are marked “at night”.",
        night_rows,
    ),
)
st.header(_("Two helpers at the same time"), anchor=False)
bind.ask("two_helper_need", asked)
two_rows = sum(1 for r in draft.rows if r.two_helpers)
marked_rows(
    two_rows,
    ngettext(
        "{n} activity in the week is marked “two helpers”.",
        "{n} activities in the week are marked “two helpers”.",
        two_rows,
    ),
)

end("night")
