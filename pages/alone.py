"""What the person manages alone, and what they need help with.

The questions are declared in bpa_ui/interview.py.
"""

from bpa_ui import bind
from bpa_ui.frame import begin, end

begin("alone")
bind.ask_step("alone")
end("alone")
