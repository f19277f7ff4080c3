"""Narrow screens (phones): the sidebar closes after a step change.

On a narrow screen Streamlit's sidebar lies over the page (300 of 390 px on a phone) and stays
open after a step is chosen in it, so the new step is hidden. Drawn on a step change only (in
the frame's focus slot): if the screen is narrow and the sidebar is open, close it with its own
button, as the user would. Nothing else is touched; on a wide screen nothing happens.
"""

from __future__ import annotations

import streamlit as st

# Streamlit lays the sidebar over the page below its "md" breakpoint (768 px).
NARROW = "(max-width: 768px)"


def close_sidebar_on_narrow_screen(count: int) -> None:
    """``count`` makes each step change's script new, so the browser runs it again."""
    st.html(
        "<script>(function(){"
        f"let tries = 0; /* {count} */"
        f"if (!window.matchMedia('{NARROW}').matches) {{ return; }}"
        "function go(){"
        "const open = document.querySelector("
        "\"[data-testid='stSidebarCollapseButton'] button[aria-expanded='true']\");"
        "if (open) { open.click(); return; }"
        # Closed already: done, so a sidebar opened by the user a moment later stays open.
        "if (document.querySelector(\"[data-testid='stExpandSidebarButton']\")) { return; }"
        "if (tries++ < 20) { setTimeout(go, 50); }}"
        "go();})();</script>",
        unsafe_allow_javascript=True,
    )
