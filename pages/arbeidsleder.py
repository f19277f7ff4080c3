"""Arbeidsleder: who leads the assistants day to day."""

from functools import partial

import streamlit as st

from bpa_core.draft import ArbeidslederKind
from bpa_ui import bind, labels
from bpa_ui.answers import LEADER_NAMED
from bpa_ui.context import is_child, pick, voice
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("arbeidsleder")
draft = get_draft()

st.markdown(
    _(
        "With BPA, someone leads the assistants (arbeidsleder). The leader plans the work and "
        "gives the assistants their tasks. The municipality or a company is the employer."
    )
)
if is_child(draft):
    options = [ArbeidslederKind.GUARDIAN, ArbeidslederKind.CO_LEADER, ArbeidslederKind.NOT_DECIDED]
else:
    options = list(ArbeidslederKind)
bind.choice(
    "arbeidsleder.kind",
    pick(
        draft,
        you=_("Who will lead your assistants?"),
        other=_("Who will lead the person's assistants?"),
        parent=_("Who will lead your child's assistants?"),
    ),
    options,
    partial(labels.arbeidsleder, speaking_to=voice(draft)),  # picklable, as widgets need
)
with st.container():  # one slot whether or not the name is asked (see bpa_ui.frame)
    if draft.arbeidsleder.kind in LEADER_NAMED:
        bind.text("arbeidsleder.name", _("Name of the leader"))

end("arbeidsleder")
