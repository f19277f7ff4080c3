"""Errors the user should never see as tracebacks, and logging that never carries their answers."""

from __future__ import annotations

import logging
import traceback

import streamlit as st

from bpa_ui.i18n import _

_log = logging.getLogger("bpa_veiviser")


def where(exc: BaseException) -> str:
    """File and line of the innermost frame: enough to find a bug, with no values from the user."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


def show_friendly_error(exc: BaseException) -> None:
    """Log the error's type and place (never its message), and tell the user calmly."""
    _log.error("unexpected error %s at %s", type(exc).__name__, where(exc))
    st.error(
        _(
            "Something went wrong on our side. Your answers are still here. "
            "Try again, or save your answers and start again later."
        ),
        icon=":material/error:",
    )
