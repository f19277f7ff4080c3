"""Who the questions speak to, and the one "today" of the interface.

Facts about the person come from the core (``bpa_core.rules.eligibility``), never decided here:
a birth date after today is an unknown age there, and so it is here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import streamlit as st

from bpa_core import deadlines
from bpa_core.documents.text import law_numbers_on
from bpa_core.draft import Draft
from bpa_core.rules import eligibility
from bpa_ui.interview import voice_of

# Tests pin the day here; users always get today in Norway.
ASSESS_ON_KEY = "assess_on"


def assessment_date() -> date:
    """The interface's one "today": the estimate, the documents' date, file names and the
    appeal's deadlines all use it. Today in Norway (Europe/Oslo, whatever the server's zone),
    unless a test pinned a day in the session (``assess_on``)."""
    pinned = st.session_state.get(ASSESS_ON_KEY)
    return pinned if isinstance(pinned, date) else deadlines.today_in_norway()


def law() -> dict[str, int]:
    """The legal numbers in force on the interface's day, for the placeholders of interface
    texts (``{right_hours}``, ``{cost_hours}``, ``{age_limit}``, ``{child_age_limit}``,
    ``{long_lasting_years}``, ``{appeal_weeks}``): a message says "{right_hours} hours", never
    "32 hours", so a new dated rule set changes the words from its date."""
    return law_numbers_on(assessment_date())


def lawful(text: str, **values: object) -> str:
    """A translated text with its legal numbers (and any other ``values``) filled in."""
    return text.format(**law(), **values)


def age(draft: Draft) -> int | None:
    """The person's age today, as the core counts it (None: unknown)."""
    return eligibility.age_of(draft, assessment_date())


def is_child(draft: Draft) -> bool:
    """A child today, as the core decides (respite counts; questions speak to the parent)."""
    return eligibility.is_child(draft, assessment_date())


class Voice(StrEnum):
    """Whom the questions address."""

    SELF = "self"  # "you"
    PARENT = "parent"  # a parent or guardian of a child: "your child"
    OTHER = "other"  # a relative, guardian or counsellor of an adult: "the person"


def voice(draft: Draft) -> Voice:
    """Whom the questions address today (``bpa_ui.interview.voice_of``)."""
    return Voice(voice_of(draft, is_child(draft)))


def pick(draft: Draft, *, you: str, other: str, parent: str) -> str:
    """The already translated variant for whoever fills in."""
    return {Voice.SELF: you, Voice.OTHER: other, Voice.PARENT: parent}[voice(draft)]
