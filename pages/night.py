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


def need_question(path: str, heading: str, question: str, examples: tuple[str, str]) -> None:
    """One need (none / occasional / continuous), with examples under the two levels."""
    st.header(heading, anchor=False)
    bind.choice(path, question, list(NeedLevel), labels.need_level, captions=["", *examples])


def marked_rows(count: int, text: str) -> None:
    if count:
        st.caption(text.format(n=count))


st.markdown(
    _(
        "Help at night and help that needs two helpers count toward the right only when the "
        "need is there all the time. If it is only sometimes, those hours are shown apart."
    )
)
need_question(
    "night_need",
    _("Help at night"),
    pick(
        draft,
        you=_("Do you need help at night?"),
        other=_("Does the person need help at night?"),
        parent=_("Does your child need help at night?"),
    ),
    (
        _("For example a few times a week, or on bad nights."),
        _("Someone must be there or ready every night."),
    ),
)
night_rows = sum(1 for r in draft.rows if r.night)
marked_rows(
    night_rows,
    ngettext(
        "{n} activity in the week is marked “at night”.",
        "{n} activities in the week are marked “at night”.",
        night_rows,
    ),
)
need_question(
    "two_helper_need",
    _("Two helpers at the same time"),
    pick(
        draft,
        you=_("Do you need two helpers at the same time?"),
        other=_("Does the person need two helpers at the same time?"),
        parent=_("Does your child need two helpers at the same time?"),
    ),
    (
        _("For example only when moving to the bath."),
        _("Two helpers are needed for most of the help."),
    ),
)
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
