"""Test-only launcher: Streamlit that says each time the frame runs.

``python -m tests.browser.counting_server run app.py …`` wraps, inside the server process only,
``st.navigation`` (called by app.py's frame, ``bpa_ui.frame.run``, once per run of the frame) and
``st.title`` (a step's heading, ``bpa_ui.frame.begin``) so each call writes a line ``FRAME
navigation`` or ``FRAME title``, then runs Streamlit's own command line. A test counts the lines
to see which clicks run the frame (the week builder's must not: it is an st.fragment). Nothing
of the app is imported here: the tab copy's component registers only when its module is first
imported inside a script run. Nothing of this is in the app.
"""

from __future__ import annotations

import sys
from typing import Any

MARK = "FRAME "


def _say(what: str) -> None:
    sys.stderr.write(MARK + what + "\n")
    sys.stderr.flush()


def main() -> None:
    import streamlit as st
    from streamlit.web.cli import main as streamlit_main

    navigation, title = st.navigation, st.title

    def counted_navigation(*args: Any, **kwargs: Any) -> Any:
        _say("navigation")
        return navigation(*args, **kwargs)

    def counted_title(*args: Any, **kwargs: Any) -> Any:
        _say("title")
        return title(*args, **kwargs)

    st.navigation = counted_navigation
    st.title = counted_title
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
