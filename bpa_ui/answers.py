"""Every answer as (question, answer text), grouped by step: the "check your answers" page.

Read from the declarations (``bpa_ui.interview``): exactly the questions the steps ask this
person, in the same order and words (``summary`` where check-answers says it shorter). The week's
rows come from the week builder (``bpa_ui.week``).
"""

from __future__ import annotations

from datetime import date

from bpa_core.draft import Draft
from bpa_core.rules import assess
from bpa_ui import fmt, interview, steps
from bpa_ui.bind import OptionWords, read, say, situation
from bpa_ui.context import lawful
from bpa_ui.i18n import _
from bpa_ui.interview import Kind, Question, Situation
from bpa_ui.week import field_labels, row_summary, to_fix_name, to_fix_summary

Answers = list[tuple[str, str]]

SECRET = "•" * 6  # a fødselsnummer is never shown again, only that there is one


def answer_text(q: Question, s: Situation) -> str:
    """The answer to one question as check-answers shows it; '' when not answered."""
    value = read(s.draft, q.path)
    if q.secret:
        return SECRET if value else ""
    if value is None or value == "":
        return ""
    if q.kind in (Kind.CHOICE, Kind.YES_NO):
        return OptionWords(q.path, s.voice, s.law)(value)
    if q.kind == Kind.TICK:
        return _("Yes") if value else _("No")
    if q.kind == Kind.DAY and isinstance(value, date):
        return fmt.long_date(value)
    return str(value)


def _week(s: Situation) -> Answers:
    a = assess(s.draft, s.on)
    rows: Answers = [
        (_("Activity {n}").format(n=i + 1), f"{row.activity}\n{row_summary(row, s.draft, a)}")
        for i, row in enumerate(s.draft.rows)
    ]
    rows += [  # rows of an older file that take more time than their period: not counted
        (_("Activity to fix {n}").format(n=i + 1), f"{to_fix_name(row)}\n{to_fix_summary(row)}")
        for i, row in enumerate(s.draft.rows_to_fix)
    ]
    rows.append((_("Counted hours a week"), fmt.hours(a.counted_minutes)))
    return rows


def question_steps() -> list[str]:
    """The steps with declared questions, in the order of the journey (the appeal apart)."""
    return [
        step.id
        for step in steps.ALL_STEPS
        if step.section == steps.Section.QUESTIONS and interview.of_step(step.id)
    ]


def step_answers(step_id: str, s: Situation) -> Answers:
    """(question, answer) for every question the step asks in this situation."""
    items: Answers = []
    for q in interview.of_step(step_id):
        if not q.is_asked(s):
            continue
        if q.kind == Kind.WEEK:
            items += _week(s)
        else:
            items.append((say(q.summary_wording(s), s), answer_text(q, s)))
    return items


def by_step(draft: Draft) -> list[tuple[str, Answers]]:
    """(step id, [(question, answer)]) for every step with questions; empty answers stay ''."""
    s = situation(draft)
    return [(step_id, step_answers(step_id, s)) for step_id in question_steps()]


def field_label(path: str) -> str | None:
    """The label of the question behind a Draft field path (``rows.2.minutes`` -> "Activity 3 –
    Minutes each time"); None when no question asks for it. The words are the "other" voice's:
    a file that cannot be read may not say who fills in."""
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] == "rows" and parts[1].isdigit():
        activity = _("Activity {n}").format(n=int(parts[1]) + 1)
        field = field_labels().get(parts[2]) if len(parts) > 2 else None
        return f"{activity} – {field}" if field else activity
    q = interview.asking(path)
    if q is None:
        return None
    text = _(q.name())
    return lawful(text) if "{" in text else text
