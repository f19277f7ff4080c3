"""What the person manages alone, and what they need help with."""

from bpa_ui import bind
from bpa_ui.context import pick
from bpa_ui.frame import begin, end
from bpa_ui.i18n import _
from bpa_ui.state import get_draft

begin("alone")
draft = get_draft()

bind.text(
    "manages_alone",
    pick(
        draft,
        you=_("What do you manage on your own?"),
        other=_("What does the person manage on their own?"),
        parent=_("What does your child manage on their own?"),
    ),
    area=True,
    help=_("For example eating when the food is ready, using the phone, paying bills."),
)
bind.text(
    "needs_help_with",
    pick(
        draft,
        you=_("What do you need help with, in your own words?"),
        other=_("What does the person need help with, in your own words?"),
        parent=_("What does your child need help with, in your own words?"),
    ),
    area=True,
)

end("alone")
