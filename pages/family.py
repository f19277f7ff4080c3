"""Family and network: who the person lives with, work or school, and changes in the family."""

import streamlit as st

from bpa_ui import bind
from bpa_ui.answers import work_question
from bpa_ui.context import is_child, pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("family")
draft = get_draft()

bind.text(
    "life.living_situation",
    pick(
        draft,
        you=_("Do you live alone, or with whom?"),
        other=_("Does the person live alone, or with whom?"),
        parent=_("Who does your child live with?"),
    ),
    area=True,
)
# One slot for either set of questions: the field below keeps its place (see bpa_ui.frame).
with st.container():
    if is_child(draft):
        bind.text("life.education", _("Kindergarten or school"), area=True)
    else:
        bind.text("life.civil_status", _("Civil status, for example married or single"))
        bind.text("life.children", _("Children, and their ages"), area=True)
        bind.text("life.education", _("Education"), area=True)
        bind.text("life.work", work_question(draft), area=True)
bind.text(
    "life.family_changes",
    _("Changes in the family or network, for example relatives who help today and get tired"),
    area=True,
)

end("family")
