"""Test-only launcher: Streamlit with two places that fail, to see what the user gets.

``python -m tests.browser.crashing_server run app.py …`` patches, inside the server process only,
the result page's outcome sentence (an error while a page runs) and the week builder's "add
activity" (an error in a widget callback), then runs Streamlit's own command line. Both errors
carry ``SECRET`` in their message, as if it were something the user typed. Nothing of this is
in the app: the app has no switch that makes it fail.
"""

from __future__ import annotations

from typing import Any, NoReturn

SECRET = "Hemmelig-diagnose-91KQ"


def fail(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise RuntimeError(f"forced failure with the user's words: {SECRET}")


def main() -> None:
    from streamlit.web.cli import main as streamlit_main

    import bpa_ui.explain
    import bpa_ui.week

    bpa_ui.explain.outcome_sentence = fail  # type: ignore[assignment]
    bpa_ui.week.add_row = fail
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
