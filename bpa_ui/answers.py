"""Every answer as (question, answer text), grouped by step: the "check your answers" page."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from bpa_core.draft import ArbeidslederKind, Draft, FilledInBy, Onset
from bpa_core.rules import assess
from bpa_ui import fmt, labels
from bpa_ui.context import age, assessment_date, is_child, pick, voice
from bpa_ui.i18n import _
from bpa_ui.week import field_labels, row_summary

Answers = list[tuple[str, str]]

# The leader is named only when someone else leads (the arbeidsleder step asks only then).
LEADER_NAMED = (ArbeidslederKind.CO_LEADER, ArbeidslederKind.GUARDIAN)


def municipality_question(draft: Draft) -> str:
    return pick(
        draft,
        you=_("Municipality (kommune) where you live"),
        other=_("Municipality (kommune) where the person lives"),
        parent=_("Municipality (kommune) where your child lives"),
    )


def work_question(draft: Draft) -> str:
    return pick(
        draft,
        you=_("Work now, or work you plan"),
        other=_("Work now, or work the person plans"),
        parent=_("Work now, or work your child plans"),
    )


def not_done_question(draft: Draft) -> str:
    return pick(
        draft,
        you=_("What is not done today, for lack of help?"),
        other=_("What is not done today, because the person lacks help?"),
        parent=_("What is not done today, because your child lacks help?"),
    )


def staying_healthy_question(draft: Draft) -> str:
    return pick(
        draft,
        you=_("What must you do or avoid to stay as well as possible?"),
        other=_("What must the person do or avoid to stay as well as possible?"),
        parent=_("What must your child do or avoid to stay as well as possible?"),
    )


def _text(value: str) -> str:
    return value


def _enum(fn: Callable[[Any], str]) -> Callable[[Enum | None], str]:
    return lambda v: fn(v) if v is not None else ""


def by_step(draft: Draft) -> list[tuple[str, Answers]]:
    """(step id, [(question, answer)]) for every step with questions; empty answers stay ''."""
    p = draft.person
    person: Answers = []
    # Only the rows the steps asked for: no organisation for a parent, no leader's name when
    # the person leads the assistants.
    if draft.on_behalf:
        person.append((_("Your name"), draft.writer.name))
        if draft.filled_in_by == FilledInBy.COUNSELLOR:
            person += [
                (_("Your organisation"), draft.writer.organisation),
                (_("Your role, for example adviser"), draft.writer.relation),
            ]
        else:
            person.append(
                (_("Your relation to the person, for example mother or son"), draft.writer.relation)
            )
        person += [  # printed in the application: shown here too
            (_("Your phone number"), draft.writer.phone),
            (_("Your e-mail address"), draft.writer.email),
        ]
    person += [
        (_("Full name"), p.name),
        (_("Date of birth"), fmt.long_date(p.birth_date) if p.birth_date else ""),
        (municipality_question(draft), p.municipality),
    ]
    years = age(draft)
    if p.granted_before_age_limit or (years is not None and years >= 60):
        granted = labels.yes_no(p.granted_before_age_limit)
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
    ]
    if n.onset != Onset.CONGENITAL:  # the step asks "since when" only then
        need.append((_("Since when? For example a year"), n.since))
    need += [
        (_("How long will the need for help last?"), _enum(labels.duration)(n.duration)),
        (_("How does the need change?"), _enum(labels.course)(n.course)),
        (staying_healthy_question(draft), n.staying_healthy),
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
        (
            pick(
                draft,
                you=_("What do you manage on your own?"),
                other=_("What does the person manage on their own?"),
                parent=_("What does your child manage on their own?"),
            ),
            draft.manages_alone,
        ),
        (
            pick(
                draft,
                you=_("What do you need help with, in your own words?"),
                other=_("What does the person need help with, in your own words?"),
                parent=_("What does your child need help with, in your own words?"),
            ),
            draft.needs_help_with,
        ),
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
            (work_question(draft), life.work),
        ]
    family.append((_("Changes in the family or network"), life.family_changes))
    g = draft.goals
    goals: Answers = [
        (_("Goals with BPA"), g.goals),
        (not_done_question(draft), g.not_done_today),
        (_("Why is the help of today not flexible enough?"), g.why_today_not_enough),
        (_("Services today"), g.current_services),
        (_("Which of these services could BPA replace?"), g.services_bpa_replaces),
    ]
    kind = draft.arbeidsleder.kind
    leader: Answers = [
        (_("Who leads the assistants"), labels.arbeidsleder(kind, voice(draft)) if kind else ""),
    ]
    if kind in LEADER_NAMED:
        leader.append((_("Name of the leader"), draft.arbeidsleder.name))
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


def _field_labels() -> dict[str, str]:
    """Draft field path -> the question's label (the words the user saw), for file errors."""
    return {
        "filled_in_by": _("Who is filling in?"),
        "writer.name": _("Your name"),
        "writer.relation": _("Your relation to the person, for example mother or son"),
        "writer.organisation": _("Your organisation"),
        "writer.phone": _("Your phone number"),
        "writer.email": _("Your e-mail address"),
        "person.name": _("Full name"),
        "person.birth_date": _("Date of birth"),
        "person.municipality": _("Municipality"),
        "person.address": _("Address"),
        "person.phone": _("Phone number"),
        "person.email": _("E-mail address"),
        "person.national_id": _("National identity number (fødselsnummer)"),
        "person.granted_before_age_limit": _("BPA granted as a right before 67"),
        "need.cause": _("Caused by illness, injury or disability"),
        "need.description": _("Describe the illness, injury or disability in your own words"),
        "need.onset": _("When did it start?"),
        "need.since": _("Since when? For example a year"),
        "need.duration": _("How long will the need for help last?"),
        "need.course": _("How does the need change?"),
        "need.staying_healthy": _("What the person must do or avoid to stay as well as possible"),
        "rows": _("The week"),
        "variations": _("Good days and bad days"),
        "night_need": _("Help at night"),
        "two_helper_need": _("Two helpers at the same time"),
        "manages_alone": _("What the person manages alone"),
        "needs_help_with": _("What the person needs help with"),
        "life.living_situation": _("Lives with"),
        "life.education": _("Education"),
        "life.civil_status": _("Civil status, for example married or single"),
        "life.children": _("Children, and their ages"),
        "life.work": _("Work"),
        "life.family_changes": _("Changes in the family or network"),
        "goals.goals": _("Goals with BPA"),
        "goals.not_done_today": _("What is not done today, for lack of help?"),
        "goals.why_today_not_enough": _("Why is the help of today not flexible enough?"),
        "goals.current_services": _("Services today"),
        "goals.services_bpa_replaces": _("Which of these services could BPA replace?"),
        "arbeidsleder.kind": _("Who leads the assistants"),
        "arbeidsleder.name": _("Name of the leader"),
    }


def field_label(path: str) -> str | None:
    """The label of the question behind a Draft field path (``rows.2.minutes`` -> "Activity 3 –
    Minutes each time"); None when no question asks for it."""
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] == "rows" and parts[1].isdigit():
        activity = _("Activity {n}").format(n=int(parts[1]) + 1)
        field = field_labels().get(parts[2]) if len(parts) > 2 else None
        return f"{activity} – {field}" if field else activity
    return _field_labels().get(path)
