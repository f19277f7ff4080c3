"""The need: its cause, since when, how long it will last, and whether it changes."""

import streamlit as st

from bpa_core.draft import Answer, Course, Duration, Onset
from bpa_ui import bind, labels
from bpa_ui.answers import staying_healthy_question
from bpa_ui.context import pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("need")
draft = get_draft()

bind.choice(
    "need.cause",
    pick(
        draft,
        you=_("Is your need for help caused by illness, injury or disability?"),
        other=_("Is the person's need for help caused by illness, injury or disability?"),
        parent=_("Is your child's need for help caused by illness, injury or disability?"),
    ),
    list(Answer),
    labels.answer,
    horizontal=True,
)
bind.text(
    "need.description",
    _("Describe the illness, injury or disability in your own words"),
    area=True,
    help=_("For example the diagnosis, and what is hard to do because of it."),
)
bind.choice("need.onset", _("When did it start?"), list(Onset), labels.onset, horizontal=True)
with st.container():  # one slot whether or not it is asked (see bpa_ui.frame)
    if draft.need.onset != Onset.CONGENITAL:  # "from birth" already says since when
        bind.text("need.since", _("Since when? For example a year"))
bind.choice(
    "need.duration",
    _("How long will the need for help last?"),
    list(Duration),
    labels.duration,
    help=_("The right to BPA is for a need that lasts more than 2 years."),
)
bind.choice("need.course", _("How does the need change?"), list(Course), labels.course)
bind.text(
    "need.staying_healthy",
    staying_healthy_question(draft),
    area=True,
    help=_(
        "For example rest after activity, keep warm, do exercises every day, or have someone "
        "near in case of a seizure."
    ),
)

end("need")
