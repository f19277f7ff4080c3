"""Narrow screens (phones): the sidebar closes when a step is chosen in it.

On a narrow screen Streamlit's sidebar lies over the page (300 of 390 px on a phone) and stays
open after a step is chosen in it, so the new step is hidden. A listener on the sidebar's step
links closes it with its own button, as the user would, right after the click (or Enter) that
chose the step: tied to the user's own action, so a sidebar the user opens is never closed by a
timer. Installed once per browser tab (drawn in the frame's focus slot, on a step change; the
first run of a tab is one). On a wide screen nothing happens.
"""

from __future__ import annotations

import streamlit as st

# Streamlit lays the sidebar over the page below its "md" breakpoint (768 px).
NARROW = "(max-width: 768px)"

_SCRIPT = (
    "<script>(function(){"
    "if (window.__bpaCloseSidebar) { return; } window.__bpaCloseSidebar = true;"
    "document.addEventListener('click', function(e){"
    "const link = e.target.closest && e.target.closest(\"[data-testid='stSidebarNav'] a\");"
    f"if (!link || !window.matchMedia('{NARROW}').matches) {{ return; }}"
    "setTimeout(function(){"
    "const open = document.querySelector("
    "\"[data-testid='stSidebarCollapseButton'] button[aria-expanded='true']\");"
    "if (open) { open.click(); }}, 0);"
    "}, true);"
    "})();</script>"
)


def close_sidebar_on_narrow_screen(count: int) -> None:
    """``count`` makes the element new on each step change (a tab reloaded gets it again)."""
    st.html(_SCRIPT.replace("<script>", f"<script>/* {count} */", 1), unsafe_allow_javascript=True)
