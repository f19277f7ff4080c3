"""Goals and today's services: why BPA, and what the municipality gives today.

The questions are declared in bpa_ui/interview.py.
"""

from bpa_ui import bind
from bpa_ui.frame import begin, end

begin("goals")
bind.ask_step("goals")
end("goals")
