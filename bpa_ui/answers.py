"""Every answer as (question, answer text), grouped by step: the "check your answers" page."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from bpa_core.draft import Draft
from bpa_core.rules import assess
from bpa_ui import fmt, labels
from bpa_ui.context import age, assessment_date, is_child
from bpa_ui.i18n import _
from bpa_ui.week import row_summary

Answers = list[tuple[str, str]]


def _text(value: str) -> str:
    return value


def _enum(fn: Callable[[Any], str]) -> Callable[[Enum | None], str]:
    return lambda v: fn(v) if v is not None else ""


def by_step(draft: Draft) -> list[tuple[str, Answers]]:
    """(step id, [(question, answer)]) for every step with questions; empty answers stay ''."""
    p = draft.person
    person: Answers = []
    if draft.on_behalf:
        person += [
            (_("Your name"), draft.writer.name),
            (_("Your relation to the person, for example mother or son"), draft.writer.relation),
            (_("Your organisation"), draft.writer.organisation),
        ]
    person += [
        (_("Full name"), p.name),
        (_("Date of birth"), fmt.long_date(p.birth_date) if p.birth_date else ""),
        (_("Municipality (kommune) where the person lives"), p.municipality),
    ]
    years = age(draft)
    if p.bpa_granted_under_right_before_67 or (years is not None and years >= 60):
        granted = labels.yes_no(p.bpa_granted_under_right_before_67)
        person.append((_("BPA granted as a right before 67"), granted))
    person += [
        (_("Address"), p.address),
        (_("Phone number"), p.phone),
        (_("E-mail address"), p.email),
        (_("National identity number (fødselsnummer)"), "•" * 6 if p.national_id else ""),
    ]
    n = draft.need
    need: Answers = [
        (_("Caused by illness, injury or disability"), _enum(labels.answer)(n.cause)),
        (_("Describe the illness, injury or disability in your own words"), n.description),
        (_("When did it start?"), _enum(labels.onset)(n.onset)),
        (_("Since when? For example a year"), n.since),
        (_("How long will the need for help last?"), _enum(labels.duration)(n.duration)),
        (_("How does the need change?"), _enum(labels.course)(n.course)),
    ]
    a = assess(draft, assessment_date())
    week: Answers = [
        (_("Activity {n}").format(n=i + 1), f"{row.activity}\n{row_summary(row, draft, a)}")
        for i, row in enumerate(draft.rows)
    ]
    week.append((_("Counted hours a week"), fmt.hours(a.counted_minutes)))
    week.append((_("Good days and bad days"), draft.variations))
    night: Answers = [
        (_("Help at night"), _enum(labels.need_level)(draft.night_need)),
        (_("Two helpers at the same time"), _enum(labels.need_level)(draft.two_helper_need)),
    ]
    alone: Answers = [
        (_("What the person manages alone"), draft.manages_alone),
        (_("What the person needs help with"), draft.needs_help_with),
    ]
    life = draft.life
    family: Answers = [(_("Lives with"), life.living_situation)]
    if is_child(draft):
        family.append((_("Kindergarten or school"), life.education))
    else:
        family += [
            (_("Civil status, for example married or single"), life.civil_status),
            (_("Children, and their ages"), life.children),
            (_("Education"), life.education),
            (_("Work now, or work you plan"), life.work),
        ]
    family.append((_("Changes in the family or network"), life.family_changes))
    g = draft.goals
    goals: Answers = [
        (_("Goals with BPA"), g.goals),
        (_("What is not done today, for lack of help?"), g.not_done_today),
        (_("Why is the help of today not flexible enough?"), g.why_today_not_enough),
        (_("Services today"), g.current_services),
        (_("Which of these services could BPA replace?"), g.services_bpa_replaces),
    ]
    leader: Answers = [
        (_("Who leads the assistants"), _enum(labels.arbeidsleder)(draft.arbeidsleder.kind)),
        (_("Name of the leader"), draft.arbeidsleder.name),
    ]
    start: Answers = [(_("Who is filling in?"), _enum(labels.filled_in_by)(draft.filled_in_by))]
    return [
        ("start", start),
        ("person", person),
        ("need", need),
        ("week", week),
        ("night", night),
        ("alone", alone),
        ("family", family),
        ("goals", goals),
        ("arbeidsleder", leader),
    ]
