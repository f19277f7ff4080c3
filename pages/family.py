"""Family and network: who the person lives with, work or school, and changes in the family.

The questions are declared in bpa_ui/interview.py; an adult is asked more than a child, each
such question in its own fixed slot.
"""

from bpa_ui import bind
from bpa_ui.frame import begin, end

begin("family")
bind.ask_step("family")
end("family")
