"""Who the questions speak to, and the day the estimate is made for."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import streamlit as st

from bpa_core.draft import Draft, FilledInBy
from bpa_core.rules.ages import age_on
from bpa_core.rules.ruleset import ruleset_for

# Tests pin the assessment day here; users always get today.
ASSESS_ON_KEY = "assess_on"


def assessment_date() -> date:
    pinned = st.session_state.get(ASSESS_ON_KEY)
    return pinned if isinstance(pinned, date) else date.today()


def age(draft: Draft) -> int | None:
    birth = draft.person.birth_date
    return age_on(birth, assessment_date()) if birth else None


def is_child(draft: Draft) -> bool:
    """Under 18 on the assessment day (respite counts; questions speak to the parent)."""
    years = age(draft)
    return years is not None and years < ruleset_for(assessment_date()).child_age_limit


class Voice(StrEnum):
    """Whom the questions address."""

    SELF = "self"  # "you"
    PARENT = "parent"  # a parent or guardian of a child: "your child"
    OTHER = "other"  # a relative, guardian or counsellor of an adult: "the person"


def voice(draft: Draft) -> Voice:
    if draft.filled_in_by in (None, FilledInBy.SELF):
        return Voice.SELF
    if is_child(draft) and draft.filled_in_by in (FilledInBy.RELATIVE, FilledInBy.GUARDIAN):
        return Voice.PARENT
    return Voice.OTHER


def pick(draft: Draft, *, you: str, other: str, parent: str) -> str:
    """The already translated variant for whoever fills in."""
    return {Voice.SELF: you, Voice.OTHER: other, Voice.PARENT: parent}[voice(draft)]
