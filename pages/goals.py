"""Goals and today's services: why BPA, and what the municipality gives today."""

from bpa_ui import bind
from bpa_ui.answers import not_done_question
from bpa_ui.context import pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("goals")
draft = get_draft()

bind.text(
    "goals.goals",
    pick(
        draft,
        you=_("What do you want BPA to make possible?"),
        other=_("What should BPA make possible for the person?"),
        parent=_("What should BPA make possible for your child and your family?"),
    ),
    area=True,
    help=_("For example work, studies, friends, training, or being a parent."),
)
bind.text("goals.not_done_today", not_done_question(draft), area=True)
bind.text(
    "goals.why_today_not_enough",
    _("Why is the help of today not flexible enough?"),
    area=True,
)
bind.text(
    "goals.current_services",
    _("Which services are given today? For example home help, 2 hours a week"),
    area=True,
)
bind.text("goals.services_bpa_replaces", _("Which of these services could BPA replace?"), area=True)

end("goals")
