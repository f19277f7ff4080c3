"""The steps of the journey, in order: one list that the frame, navigation and pages share.

Pages owned by other parts of the project (the documents after the result, the appeal) are
registered only when their file exists, so they plug in without touching the frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from bpa_core.i18n import N_

ROOT = Path(__file__).resolve().parent.parent


class Section(StrEnum):
    QUESTIONS = "questions"
    DOCUMENTS = "documents"
    APPEAL = "appeal"


@dataclass(frozen=True)
class Step:
    """One page: its id (also the URL path), file, title (an English msgid) and section."""

    id: str
    file: str
    title: str
    section: Section = Section.QUESTIONS

    @property
    def exists(self) -> bool:
        return _is_file(self.file)


@cache
def _is_file(file: str) -> bool:
    """Whether a page file is there: asked dozens of times per run, so looked up once per
    process (a static fact about the code, not about a user)."""
    return (ROOT / file).is_file()


START = "start"
CHECK = "check"
RESULT = "result"

ALL_STEPS: tuple[Step, ...] = (
    Step(START, "pages/start.py", N_("Before you start")),
    Step("person", "pages/person.py", N_("The person")),
    Step("need", "pages/need.py", N_("The need for help")),
    Step("week", "pages/week.py", N_("The week")),
    Step("night", "pages/night.py", N_("Night and two helpers")),
    Step("alone", "pages/alone.py", N_("What works without help")),
    Step("family", "pages/family.py", N_("Family and network")),
    Step("goals", "pages/goals.py", N_("Goals and today's services")),
    Step("arbeidsleder", "pages/arbeidsleder.py", N_("Who leads the assistants")),
    Step(CHECK, "pages/check.py", N_("Check your answers")),
    Step(RESULT, "pages/result.py", N_("Result")),
    # Documents, after the result (other parts of the project own these pages).
    Step("application", "pages/application.py", N_("The application"), Section.DOCUMENTS),
    Step("checklist", "pages/checklist.py", N_("Checklist for the doctor"), Section.DOCUMENTS),
    Step("download", "pages/download.py", N_("Download"), Section.DOCUMENTS),
    # The appeal stands apart: reachable from the start page and the result.
    Step("appeal", "pages/appeal.py", N_("Appeal a decision"), Section.APPEAL),
)


def sequence() -> list[Step]:
    """The numbered steps (questions, then documents) whose page files exist."""
    return [s for s in ALL_STEPS if s.section != Section.APPEAL and s.exists]


def by_id(step_id: str) -> Step:
    return next(s for s in ALL_STEPS if s.id == step_id)


def available(step_id: str) -> bool:
    return any(s.id == step_id and s.exists for s in ALL_STEPS)


def number(step_id: str) -> int:
    """1-based position of a step in the sequence."""
    return [s.id for s in sequence()].index(step_id) + 1


def neighbours(step_id: str) -> tuple[Step | None, Step | None]:
    """The steps before and after; none for a page outside the sequence (the appeal)."""
    steps = sequence()
    ids = [s.id for s in steps]
    if step_id not in ids:
        return None, None
    i = ids.index(step_id)
    return (steps[i - 1] if i > 0 else None, steps[i + 1] if i + 1 < len(steps) else None)
