"""Night and two-helper needs: continuous or occasional (only continuous needs count)."""

import streamlit as st

from bpa_core.draft import NeedLevel
from bpa_ui import bind, labels
from bpa_ui.context import pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _, ngettext
from bpa_ui.state import get_draft

begin("night")
draft = get_draft()

st.markdown(
    _(
        "Help at night and help that needs two helpers count toward the right only when the "
        "need is there all the time. If it is only sometimes, those hours are shown apart."
    )
)
levels = list(NeedLevel)

st.header(_("Help at night"), anchor=False)
bind.choice(
    "night_need",
    pick(
        draft,
        you=_("Do you need help at night?"),
        other=_("Does the person need help at night?"),
        parent=_("Does your child need help at night?"),
    ),
    levels,
    labels.need_level,
    captions=[
        "",
        _("For example a few times a week, or on bad nights."),
        _("Someone must be there or ready every night."),
    ],
)
night_rows = sum(1 for r in draft.rows if r.night)
if night_rows:
    st.caption(
        ngettext(
            "{n} activity in the week is marked “at night”.",
            "{n} activities in the week are marked “at night”.",
            night_rows,
        ).format(n=night_rows)
    )

st.header(_("Two helpers at the same time"), anchor=False)
bind.choice(
    "two_helper_need",
    pick(
        draft,
        you=_("Do you need two helpers at the same time?"),
        other=_("Does the person need two helpers at the same time?"),
        parent=_("Does your child need two helpers at the same time?"),
    ),
    levels,
    labels.need_level,
    captions=[
        "",
        _("For example only when moving to the bath."),
        _("Two helpers are needed for most of the help."),
    ],
)
two_rows = sum(1 for r in draft.rows if r.two_helpers)
if two_rows:
    st.caption(
        ngettext(
            "{n} activity in the week is marked “two helpers”.",
            "{n} activities in the week are marked “two helpers”.",
            two_rows,
        ).format(n=two_rows)
    )

end("night")
