"""The checklist for the doctor's statement (legeerklæring), tailored to the answers (§ 4).

The doctor sees what the municipality will ask about, and the person's own summary of the week.
The items on night help and two helpers appear only when such a need was given; the item on a
child's needs beyond those of peers only for a child; the duration item always.
"""

from __future__ import annotations

from datetime import date

from bpa_core.documents.application import BLANK, week_blocks
from bpa_core.documents.letter import addressee
from bpa_core.documents.model import Block, Checklist, Document, Fields, Paragraph, Section
from bpa_core.documents.strategy import strategy_for
from bpa_core.documents.text import Writer, one_line
from bpa_core.draft import Draft, NeedLevel
from bpa_core.i18n import N_
from bpa_core.rules import Assessment

# The person's answer on night help and two helpers, for the doctor. Never the word for the level
# that does not count (occasional): the doctor describes how often, in their own words.
_LEVEL: dict[tuple[str, NeedLevel], str] = {
    ("night", NeedLevel.CONTINUOUS): N_("Help at night: every night (continuous)."),
    ("night", NeedLevel.OCCASIONAL): N_(
        "Help at night: needed. Please describe how often, and why."
    ),
    ("two", NeedLevel.CONTINUOUS): N_("Two helpers at once: all the time (continuous)."),
    ("two", NeedLevel.OCCASIONAL): N_(
        "Two helpers at once: needed. Please describe how often, and why."
    ),
}


def _has_need(level: NeedLevel | None, flagged_rows: bool) -> bool:
    return level in (NeedLevel.OCCASIONAL, NeedLevel.CONTINUOUS) or flagged_rows


def checklist_items(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, ...]:
    items = [
        w._("Diagnoses, and when they were made."),
        w._(
            "The reduced function: movement, memory and thinking, the senses and stamina. "
            "Pain and fatigue."
        ),
        w._(
            "What this means in daily life: personal care, dressing, toilet, meals, "
            "housework, moving about and communication."
        ),
        w._(
            "How long everyday tasks take, for example getting dressed or eating, and whether "
            "someone must be there the whole time."
        ),
        w._(
            "How the condition varies: good and bad days, and what a bad day means for the "
            "need for help."
        ),
        w._("The need for supervision (tilsyn), for example because of seizures, falls or risk."),
        w._(
            "How long the need will last and the outlook: that it is expected to last "
            "more than {long_lasting_years} years, and whether it is stable or gets worse."
        ),
    ]
    if _has_need(draft.night_need, any(r.night for r in draft.rows)):
        items.append(w._("The need for help at night, and whether it is continuous or occasional."))
    if _has_need(draft.two_helper_need, any(r.two_helpers for r in draft.rows)):
        items.append(w._("The need for two helpers, and whether it is continuous or occasional."))
    items += [
        w._("Health tasks that trained assistants could do."),
        w._(
            "Preventive needs, such as skin care or extra care during illness. Wear and tear, "
            "late effects and new health problems in recent years."
        ),
    ]
    if assessment.is_child:  # a child goes to kindergarten or school; the parents lead
        items += [
            w._(
                "What BPA would mean for the child's health, for kindergarten or school, and "
                "for taking part in leisure and social life. The need for contact with friends "
                "outside the home."
            ),
            w._(
                "The parents' role as arbeidsleder, and whether they need a co-leader "
                "(medarbeidsleder)."
            ),
        ]
    else:
        items += [
            w._(
                "What BPA would mean for health, work, studies and taking part in society. "
                "The need for social contact outside the home."
            ),
            w.voice(
                N_("Whether I can be arbeidsleder, or need a co-leader (medarbeidsleder)."),
                N_("Whether {name} can be arbeidsleder, or needs a co-leader (medarbeidsleder)."),
            ),
        ]
    if assessment.is_child:
        items.append(w._("The child's needs beyond those of other children of the same age."))
    items.append(w._("Changes in the family, and ageing or strain on relatives who help today."))
    return tuple(items)


def build_checklist(draft: Draft, assessment: Assessment, lang: str, *, dated: date) -> Document:
    """The doctor's checklist in ``lang``, dated ``dated`` (the caller's today)."""
    w = Writer.for_draft(draft, lang, on=assessment.assessed_on)
    intro = w.voice(
        N_(
            "I am applying to the municipality for BPA (user-controlled personal assistance). "
            "A statement from you (legeerklæring) makes the application stronger. "
            "Please write about the points below."
        ),
        N_(
            "{name} is applying to the municipality for BPA (user-controlled personal "
            "assistance). A statement from you (legeerklæring) makes the application stronger. "
            "Please write about the points below."
        ),
    )
    hours_note = w._(
        "You do not need to count hours. Describe what is hard, how long tasks take, and why "
        "help is needed."
    )
    sections = [
        Section(
            "points",
            w._("What the statement should cover"),
            (
                Paragraph(intro),
                Checklist(checklist_items(draft, assessment, w)),
                Paragraph(hours_note),
            ),
            editable=False,
        ),
        Section(
            "send",
            w._("Where to send the statement"),
            _send_to_parents(draft, w)
            if assessment.is_child and not w.first_person
            else _send_to(draft, w),
            editable=False,
        ),
    ]
    week = _week_summary(draft, assessment, w)
    if week:
        sections.append(
            Section(
                "week",
                w.voice(N_("My week"), N_("The week of {name}")),
                week,
                editable=False,
            )
        )
    return Document(
        kind="checklist",
        lang=lang,
        title=w._("For the doctor: checklist for a statement about BPA"),
        subject=w._("Checklist for the doctor's statement (legeerklæring)"),
        dated=dated,
        sections=tuple(sections),
        letterhead=_letterhead(draft, w),
    )


def _letterhead(draft: Draft, w: Writer) -> tuple[str, ...]:
    """Whom the statement is about: the name and the date of birth, as the doctor files it."""
    lines = [one_line(draft.person.name)] if one_line(draft.person.name) else []
    if draft.person.birth_date:
        lines.append(w._("Date of birth: {date}", date=w.date(draft.person.birth_date)))
    return tuple(lines)


def _office(draft: Draft, w: Writer) -> str:
    """The service office the statement may go straight to, as the letters address it
    (``letter.addressee``: the municipality named once)."""
    office = one_line(draft.application.service_office)
    if office or not one_line(draft.person.municipality):
        return addressee(draft, w, office, unknown=w._("the municipality's service office"))
    # "tildelingskontoret i Bærum kommune"
    municipality = addressee(draft, w, "", unknown="")
    return w._("the service office of {municipality}", municipality=municipality)


def _send_to(draft: Draft, w: Writer) -> tuple[Block, ...]:
    """Where and by when: to the person (or the writer), or straight to the municipality's
    service office, marked with the name and date of birth; a line for the date by which."""
    to = _office(draft, w)
    text = w.voice(
        N_(
            "Please give the statement to me, or send it straight to {to}. Mark it with my "
            "name and date of birth."
        ),
        N_(
            "Please give the statement to {name} or to the person who helps with the application, "
            "or send it straight to {to}. Mark it with the name and date of birth of {name}."
        ),
        to=to,
    )
    return (Paragraph(text), Fields(((w._("Please send it by"), BLANK),)))


def _send_to_parents(draft: Draft, w: Writer) -> tuple[Block, ...]:
    """A child's statement goes to the parents, never to the child; the office as the letters
    address it. ``_send_to`` words it for an adult."""
    to = _office(draft, w)
    text = w._(
        "Please give the statement to the parents of {name}, or send it straight to {to}. "
        "Mark it with the name and date of birth of {name}.",
        name=w.name,
        to=to,
    )
    return (Paragraph(text), Fields(((w._("Please send it by"), BLANK),)))


def _week_summary(draft: Draft, assessment: Assessment, w: Writer) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if draft.rows:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("This is the help I need in an ordinary week, as I describe it myself."),
                    N_("This is the help {name} needs in an ordinary week."),
                )
            )
        )
        blocks.extend(week_blocks(draft, w, assessment.total_minutes))
        blocks.append(Paragraph(_which_hours_count(draft, assessment, w)))
    for key, level in (("night", draft.night_need), ("two", draft.two_helper_need)):
        if level is not None and (key, level) in _LEVEL:
            blocks.append(Paragraph(w._(_LEVEL[key, level])))
    return tuple(blocks)


def _which_hours_count(draft: Draft, assessment: Assessment, w: Writer) -> str:
    """The table's total is not the hours that count: say which help counts toward the right,
    and (only where it clearly gives the right) how many hours that is."""
    rule = w._(
        "Help with personal care, meals, housework, moving about, training and leisure counts "
        "toward the right to BPA. Health tasks and help at school or work do not."
    )
    s = strategy_for(draft, assessment)
    sentences = [rule]
    if s.state_counted_hours:
        sentences.append(
            w._(
                "Of the total, {counted} count toward the right.",
                counted=w.hours(assessment.counted_minutes),
            )
        )
    if s.ask_health_in_scheme:  # as the application: health tasks are applied for, not dropped
        sentences.append(
            w._("The application asks that the simple health tasks be part of the BPA scheme.")
        )
    return " ".join(sentences)
