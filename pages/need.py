"""The need: its cause, since when, how long it will last, and whether it changes.

The questions are declared in bpa_ui/interview.py.
"""

from bpa_ui import bind
from bpa_ui.frame import begin, end

begin("need")
bind.ask_step("need")
end("need")
