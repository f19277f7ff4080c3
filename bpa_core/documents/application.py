"""The application for BPA (søknad), built from the answers (bpa-rules.md § 3).

``build_application(draft, assessment, lang)`` returns a ``Document`` with the sections of § 3 in
order, in the document language. Sections with nothing to say are left out (no empty headings);
a section the user has edited (``draft.application.section_edits[section_id]``) shows the user's
text instead of the generated one. Section ids are stable: the edits and the preview rely on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from bpa_core.documents.fullmakt import NAME_LINE, power_of_attorney
from bpa_core.documents.model import (
    Block,
    BulletList,
    Document,
    Fields,
    Heading,
    Paragraph,
    Section,
    Table,
)
from bpa_core.documents.text import Writer
from bpa_core.draft import (
    ActivityRow,
    ArbeidslederKind,
    Category,
    Course,
    Draft,
    Duration,
    FilledInBy,
    NeedLevel,
    Onset,
    Per,
)
from bpa_core.i18n import N_
from bpa_core.rules import Assessment, ExclusionReason, Flag, Outcome, weekly_minutes
from bpa_core.rules.hours import display_hours

# Section ids in the order of bpa-rules.md § 3, then the counsellor's note and the signature.
SECTION_IDS: tuple[str, ...] = (
    "personal",
    "applied_for",
    "about",
    "manages",
    "week",
    "night_two_helpers",
    "why_bpa",
    "arbeidsleder",
    "attachments",
    "counsellor_note",
    "signature",
    "power_of_attorney",
)
# Sections whose text the user cannot replace (the note is the counsellor's own text).
NOT_EDITABLE: frozenset[str] = frozenset({"counsellor_note", "signature", "power_of_attorney"})


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """User text as paragraphs: blank lines separate them; single newlines stay in the text."""
    parts = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(Paragraph(p) for p in parts if p.strip())


def build_application(
    draft: Draft, assessment: Assessment, lang: str, *, dated: date | None = None
) -> Document:
    """The application in ``lang`` (nb, nn or en), dated ``dated`` (default today)."""
    w = Writer.for_draft(draft, lang)
    dated = dated or date.today()
    builders: dict[str, Callable[[], tuple[str, tuple[Block, ...]]]] = {
        "personal": lambda: _personal(draft, assessment, w),
        "applied_for": lambda: _applied_for(draft, assessment, w),
        "about": lambda: _about(draft, w),
        "manages": lambda: _manages(draft, assessment, w),
        "week": lambda: _week(draft, assessment, w),
        "night_two_helpers": lambda: _night_two_helpers(draft, w),
        "why_bpa": lambda: _why_bpa(draft, assessment, w),
        "arbeidsleder": lambda: _arbeidsleder(draft, w),
        "attachments": lambda: _attachments(draft, assessment, w),
        "counsellor_note": lambda: _counsellor_note(draft, w),
        "signature": lambda: _signature(draft, w),
        "power_of_attorney": lambda: _power_of_attorney(draft, assessment, w),
    }
    sections: list[Section] = []
    for section_id in SECTION_IDS:
        title, blocks = builders[section_id]()
        edited = draft.application.section_edits.get(section_id, "")
        if section_id not in NOT_EDITABLE and edited.strip():
            blocks = paragraphs(edited)
        if blocks:
            sections.append(
                Section(section_id, title, blocks, editable=section_id not in NOT_EDITABLE)
            )
    return Document(
        kind="application",
        lang=lang,
        title=w._("Application for user-controlled personal assistance (BPA)"),
        subject=w._("Application for BPA under pbrl. § 2-1 d"),
        dated=dated,
        sections=tuple(sections),
        letterhead=_letterhead(draft, w),
    )


def _letterhead(draft: Draft, w: Writer) -> tuple[str, ...]:
    person = draft.person
    sender = [x for x in (person.name, person.address) if x.strip()]
    municipality = person.municipality.strip()
    office = draft.application.service_office.strip()
    if office and municipality:
        to = w._(
            "To: {office}, {municipality} municipality", office=office, municipality=municipality
        )
    elif office:
        to = w._("To: {office}", office=office)
    elif municipality:
        to = w._("To: {municipality} municipality", municipality=municipality)
    else:
        to = w._("To: the municipality's service office")
    return (*sender, to)


def _personal(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    person = draft.person
    facts: list[tuple[str, str]] = []
    if person.name.strip():
        facts.append((w._("Name"), person.name))
    if person.birth_date:
        facts.append((w._("Date of birth"), w.date(person.birth_date)))
    if person.national_id.strip():
        facts.append((w._("National identity number"), person.national_id))
    for label, value in (
        (w._("Address"), person.address),
        (w._("Municipality"), person.municipality),
        (w._("Phone"), person.phone),
        (w._("Email"), person.email),
    ):
        if value.strip():
            facts.append((label, value))
    blocks: list[Block] = []
    if facts:
        blocks.append(Fields(tuple(facts)))
    if draft.on_behalf:
        blocks.extend(_written_by(draft, assessment, w))
    return w._("Personal details"), tuple(blocks)


def _written_by(draft: Draft, assessment: Assessment, w: Writer) -> list[Block]:
    writer = draft.writer
    role = {
        FilledInBy.RELATIVE: w._("relative"),
        FilledInBy.GUARDIAN: w._("guardian"),
        FilledInBy.COUNSELLOR: w._("counsellor"),
    }.get(draft.filled_in_by or FilledInBy.RELATIVE, "")
    relation = " ".join(writer.relation.split()) or role
    # No name given: a blank line to write it on, so the reader still learns who wrote it.
    writer_name = " ".join(writer.name.split()) or NAME_LINE
    blocks: list[Block] = []
    facts: list[tuple[str, str]] = []
    if relation.casefold() == writer_name.casefold():  # "Rådgiver (rådgiver)" says it twice
        text = w._(
            "This application is written by {writer} on behalf of {name}.",
            writer=writer_name,
            name=w.name,
        )
    else:
        text = w._(
            "This application is written by {writer} ({relation}) on behalf of {name}.",
            writer=writer_name,
            relation=relation,
            name=w.name,
        )
    blocks.append(Paragraph(text))
    facts += [
        (label, value)
        for label, value in (
            (w._("Organisation"), writer.organisation),
            (w._("Phone"), writer.phone),
            (w._("Email"), writer.email),
        )
        if value.strip()
    ]
    if facts:
        blocks.append(Fields(tuple(facts)))
    if draft.filled_in_by == FilledInBy.GUARDIAN:
        blocks.append(
            Paragraph(w._("The certificate of guardianship (vergefullmakt) is attached."))
        )
    elif _needs_power_of_attorney(draft, assessment):
        blocks.append(
            Paragraph(
                w._(
                    "A power of attorney (fullmakt) from {name} is at the end of the application.",
                    name=w.name,
                )
            )
        )
    return blocks


def _needs_power_of_attorney(draft: Draft, assessment: Assessment) -> bool:
    """Someone other than a guardian writes for an adult: the person signs a fullmakt.

    A guardian (verge) shows the certificate of guardianship; a parent signs for a child.
    """
    return draft.on_behalf and draft.filled_in_by != FilledInBy.GUARDIAN and not assessment.is_child


# Personal assistance that does not count toward the right, but belongs in the scheme.
_APPLIED_TOO = (ExclusionReason.OCCASIONAL_NIGHT, ExclusionReason.OCCASIONAL_TWO_HELPERS)


def applied_minutes(assessment: Assessment) -> Fraction:
    """Hours applied for: the counted hours and the occasional night and two-helper hours.

    Health tasks and help at work or school are left out: other services cover them.
    """
    extra = (assessment.excluded_minutes.get(r, Fraction(0)) for r in _APPLIED_TOO)
    return assessment.counted_minutes + sum(extra, Fraction(0))


# What the hours applied for hold besides the counted hours: (night, two helpers) -> sentence.
_APPLIED_WITH: dict[tuple[bool, bool], str] = {
    (False, False): N_("These are the hours in the week plan below that count toward the right."),
    (True, False): N_(
        "These are the hours in the week plan below that count toward the right, "
        "and the help at night now and then."
    ),
    (False, True): N_(
        "These are the hours in the week plan below that count toward the right, "
        "and the help with two helpers now and then."
    ),
    (True, True): N_(
        "These are the hours in the week plan below that count toward the right, "
        "and the help at night and with two helpers now and then."
    ),
}


def _applied_hours(assessment: Assessment, w: Writer) -> tuple[Block, ...]:
    """The hours applied for, and, when some hours of the week plan are not among them, which
    hours the figure is and what is left out: the figures add up to the table's total."""
    applied = applied_minutes(assessment)
    left_out = {
        r: m for r, m in assessment.excluded_minutes.items() if r not in _APPLIED_TOO and m > 0
    }
    if not left_out:
        return (
            Paragraph(
                w.voice(
                    N_("I apply for {hours} a week. This is the help in my week plan below."),
                    N_(
                        "{name} applies for {hours} a week. "
                        "This is the help in the week plan below."
                    ),
                    hours=w.hours(applied),
                )
            ),
        )
    excluded = assessment.excluded_minutes
    included = tuple(excluded.get(r, Fraction(0)) > 0 for r in _APPLIED_TOO)
    first = w.voice(
        N_("I apply for {hours} a week."),
        N_("{name} applies for {hours} a week."),
        hours=w.hours(applied),
    )
    which = w._(_APPLIED_WITH[included[0], included[1]])
    intro = w._("These hours are left out:")
    items = tuple(w._(_EXCLUDED_TEXT[r], hours=w.hours(m)) for r, m in left_out.items())
    return Paragraph(f"{first} {which} {intro}"), BulletList(items)


def _applied_for(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    blocks: list[Block] = [
        Paragraph(
            w.voice(
                N_(
                    "I apply for user-controlled personal assistance (BPA). "
                    "I apply under the right in pbrl. § 2-1 d."
                ),
                N_(
                    "{name} applies for user-controlled personal assistance (BPA). "
                    "The application is made under the right in pbrl. § 2-1 d."
                ),
            )
        ),
    ]
    if Flag.CONTINUES_PAST_67 in assessment.flags:
        blocks.append(
            Paragraph(
                w.voice(
                    N_(
                        "I was granted BPA under the right in pbrl. § 2-1 d before I turned 67. "
                        "The right continues after 67."
                    ),
                    N_(
                        "{name} was granted BPA under the right in pbrl. § 2-1 d before turning "
                        "67. The right continues after 67."
                    ),
                )
            )
        )
    blocks.append(
        Paragraph(
            w.voice(
                N_(
                    "If the municipality finds that the right does not apply, "
                    "I ask that BPA be granted under hol. § 3-8."
                ),
                N_(
                    "If the municipality finds that the right does not apply, "
                    "{name} asks that BPA be granted under hol. § 3-8."
                ),
            )
        )
    )
    wanted = draft.application.hours_per_week
    if wanted is not None and wanted > 0:
        minutes = Fraction(wanted) * 60
        blocks.append(
            Paragraph(
                w.voice(
                    N_("I apply for {hours} a week."),
                    N_("{name} applies for {hours} a week."),
                    hours=w.hours(minutes),
                )
            )
        )
    elif applied_minutes(assessment) > 0:
        blocks.extend(_applied_hours(assessment, w))
    if assessment.outcome == Outcome.RIGHT_UNLESS_COST:
        blocks.append(
            Paragraph(
                w._(
                    "The need is between 25 and 32 hours a week. Then the right applies, unless "
                    "the municipality shows that BPA would cost substantially more than other "
                    "services."
                )
            )
        )
    start = draft.application.wished_start
    if start:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("I want BPA to start on {date}."),
                    N_("The wish is that BPA starts on {date}."),
                    date=w.date(start),
                )
            )
        )
    else:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("I want BPA to start as soon as possible."),
                    N_("The wish is that BPA starts as soon as possible."),
                )
            )
        )
    return w._("What I apply for") if w.first_person else w._("What is applied for"), tuple(blocks)


def _about(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    need, life = draft.need, draft.life
    health: list[Block] = [*paragraphs(need.description)]
    facts: list[str] = []
    if need.onset == Onset.CONGENITAL:
        facts.append(w._("The disability is congenital."))
    elif need.onset == Onset.ACQUIRED:
        facts.append(w._("The disability is acquired."))
    if need.since.strip() and need.onset != Onset.CONGENITAL:
        facts.append(_since(need.since, w))
    if need.course == Course.STABLE:
        facts.append(w._("The condition is stable."))
    elif need.course == Course.PROGRESSIVE:
        facts.append(w._("The condition gets worse over time."))
    elif need.course == Course.VARYING:
        facts.append(w._("The condition varies from day to day."))
    # How long the need lasts is a condition of the right (over two years): always say it.
    if need.duration == Duration.OVER_2_YEARS:
        facts.append(w._("The need is expected to last more than two years."))
    elif need.duration == Duration.TWO_YEARS_OR_LESS:
        facts.append(w._("The need is expected to last two years or less."))
    elif need.duration == Duration.DONT_KNOW:
        facts.append(
            w._(
                "It is not yet clear how long the need will last. "
                "The doctor's statement will say something about this."
            )
        )
    if facts:
        health.append(Paragraph(" ".join(facts)))

    blocks: list[Block] = []
    if health:
        blocks.extend([Heading(w._("Health and disability")), *health])
    topics = (
        (w._("Education"), life.education),
        (w._("Work"), life.work),
        (w._("Civil status"), life.civil_status),
        (w._("Children"), life.children),
        (w._("Home and family"), life.living_situation),
        (w._("Changes in family and network"), life.family_changes),
    )
    for label, text in topics:
        if text.strip():
            blocks.extend([Heading(label), *paragraphs(text)])
    title = w._("About me") if w.first_person else w._("About {name}", name=w.name)
    return title, tuple(blocks)


def _since(since: str, w: Writer) -> str:
    """When the need started: "2019", "2026-05" or "2026-05-04" in words, other text as typed."""
    text = " ".join(since.split())
    if _YEAR.fullmatch(text):
        return w._("The need for help started in {since}.", since=text)
    month = _YEAR_MONTH.fullmatch(text)
    day = _ISO_DAY.fullmatch(text)
    try:
        if month:
            first = date(int(month[1]), int(month[2]), 1)
            return w._("The need for help started in {since}.", since=w.month_year(first))
        if day:
            return w._(
                "The need for help started on {date}.", date=w.date(date.fromisoformat(text))
            )
    except ValueError:  # "2026-13", "0000-05": not a date after all, so shown as typed
        pass
    # Free text ("after the accident", "birth"): a label, so any wording reads right.
    return w._("The need for help started: {since}.", since=text.removesuffix("."))


_YEAR = re.compile(r"[0-9]{4}")
_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Needs that are not the person's own help in daily life: listed apart or not at all.
_NOT_DAILY_HELP = (Category.HEALTH, Category.WORK_OR_EDUCATION, Category.RESPITE)


def _manages(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    manages = paragraphs(draft.manages_alone)
    needs: tuple[Block, ...] = paragraphs(draft.needs_help_with)
    if not needs:
        categories = [
            w.category(c)
            for c in Category
            if c not in _NOT_DAILY_HELP and any(r.category == c for r in draft.rows)
        ]
        generated: list[Block] = [BulletList(tuple(categories))] if categories else []
        if any(r.category == Category.RESPITE for r in draft.rows):
            # Respite relieves the parents (or relatives): it is not help the person needs.
            generated.append(
                Paragraph(
                    w._("The parents need respite (avlastning).")
                    if assessment.is_child
                    else w._("The relatives who help need respite (avlastning).")
                )
            )
        needs = tuple(generated)
    title = (
        w._("What I manage and what I need help with")
        if w.first_person
        else w._("What {name} manages and needs help with", name=w.name)
    )
    if not manages:  # one part only: the title names that part, never a part that is missing
        return w.voice(N_("What I need help with"), N_("What {name} needs help with")), needs
    if not needs:
        return (
            w.voice(N_("What I manage on my own"), N_("What {name} manages on their own")),
            manages,
        )
    blocks: list[Block] = [
        Heading(w.voice(N_("What I manage on my own"), N_("What {name} manages on their own"))),
        *manages,
    ]
    if needs:
        blocks.append(
            Heading(w.voice(N_("What I need help with"), N_("What {name} needs help with")))
        )
        blocks.extend(needs)
    return title, tuple(blocks)


def _activity(row: ActivityRow, w: Writer) -> str:
    """The row's name (or its category), with a note when the help is at night or needs two."""
    name = row.activity.strip() or w.category(row.category)
    notes = [w._("night")] if row.night else []
    if row.two_helpers:
        notes.append(w._("two helpers"))
    return w._("{activity} ({notes})", activity=name, notes=", ".join(notes)) if notes else name


def week_blocks(draft: Draft, w: Writer, total: Fraction) -> tuple[Block, ...]:
    """The week table, and a note when the rounded rows do not add up to the rounded total.

    Each row, like the total, is rounded down to a tenth on its own (8,75 -> 8,7), so the rows
    added up can come to a tenth or two less than the total (Kari: 36,1 against 36,2).
    """
    table = week_table(draft, w, total)
    rows = sum((display_hours(weekly_minutes(r)) for r in draft.rows), display_hours(Fraction(0)))
    if rows == display_hours(total):
        return (table,)
    note = w._(
        "Each row is rounded down to the nearest tenth. "
        "So the rows added up can be a little less than the total."
    )
    return table, Paragraph(note)


def week_table(draft: Draft, w: Writer, total: Fraction) -> Table:
    """The activity rows with hours a week and the total (used by the checklist too)."""
    rows = tuple(
        (
            _activity(row, w),
            w.duration(row.minutes),
            w.how_often(row),
            w.hours_cell(weekly_minutes(row)),
        )
        for row in draft.rows
    )
    return Table(
        header=(w._("Activity"), w._("Each time"), w._("How often"), w._("Hours a week")),
        rows=rows,
        footer=(w._("Total"), "", "", w.hours_cell(total)),
        caption=w._("Help needed in an ordinary week"),
        numeric_columns=(3,),
    )


_EXCLUDED_TEXT: dict[ExclusionReason, str] = {
    ExclusionReason.HEALTH: N_("Health tasks, such as medicines or wound care: {hours}."),
    ExclusionReason.WORK_OR_EDUCATION: N_(
        "Help at work or school, which other schemes usually cover: {hours}."
    ),
    ExclusionReason.OCCASIONAL_NIGHT: N_("Help at night now and then: {hours}."),
    ExclusionReason.OCCASIONAL_TWO_HELPERS: N_("Two helpers now and then: {hours}."),
    ExclusionReason.RESPITE_FOR_ADULT: N_("Respite for relatives: {hours}."),
}


def _week(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    title = w._("My week") if w.first_person else w._("The week")
    return title, week_section_blocks(draft, assessment, w)


def week_section_blocks(draft: Draft, assessment: Assessment, w: Writer) -> tuple[Block, ...]:
    """The week section: the table, the notes under it, the total, what does not count toward
    the right and the user's variations. The appeal's week-plan attachment uses it too."""
    if not draft.rows:
        return ()
    total = assessment.total_minutes
    blocks: list[Block] = [
        Paragraph(
            w.voice(
                N_("The table shows the help I need in an ordinary week."),
                N_("The table shows the help {name} needs in an ordinary week."),
            )
        ),
        *week_blocks(draft, w, total),
    ]
    if any(r.per in (Per.MONTH, Per.YEAR) for r in draft.rows):
        blocks.append(
            Paragraph(w._("Help needed every month or every year is shown as an average per week."))
        )
    if assessment.excluded_minutes:
        blocks.append(
            Paragraph(
                w._(
                    "In total that is {total} a week. "
                    "Of these, {counted} count toward the right to BPA.",
                    total=w.hours(total),
                    counted=w.hours(assessment.counted_minutes),
                )
            )
        )
        blocks.append(
            BulletList(
                tuple(
                    w._(_EXCLUDED_TEXT[reason], hours=w.hours(minutes))
                    for reason, minutes in assessment.excluded_minutes.items()
                )
            )
        )
    else:
        blocks.append(Paragraph(w._("In total that is {total} a week.", total=w.hours(total))))
    if assessment.is_child:
        blocks.append(
            Paragraph(
                w._("The table only counts help beyond what other children of the same age need.")
            )
        )
    if draft.variations.strip():
        blocks.append(Heading(w._("Bad days and other variations")))
        blocks.extend(paragraphs(draft.variations))
    return tuple(blocks)


def _night_two_helpers(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    blocks: list[Block] = []
    night, two = draft.night_need, draft.two_helper_need
    if night == NeedLevel.CONTINUOUS:
        text = w.voice(
            N_("I need help every night (continuous)."),
            N_("{name} needs help every night (continuous)."),
        )
        blocks.append(Paragraph(text))
    elif night == NeedLevel.OCCASIONAL:
        text = w.voice(
            N_("I need help at night now and then (occasional)."),
            N_("{name} needs help at night now and then (occasional)."),
        )
        blocks.append(Paragraph(text))
    elif night == NeedLevel.NONE:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("I do not need help at night."), N_("{name} does not need help at night.")
                )
            )
        )
    if two == NeedLevel.CONTINUOUS:
        text = w.voice(
            N_("Some tasks always need two helpers (continuous)."),
            N_("Some tasks always need two helpers for {name} (continuous)."),
        )
        blocks.append(Paragraph(text))
    elif two == NeedLevel.OCCASIONAL:
        text = w.voice(
            N_("Now and then I need two helpers at once (occasional)."),
            N_("Now and then {name} needs two helpers at once (occasional)."),
        )
        blocks.append(Paragraph(text))
    elif two == NeedLevel.NONE:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("I do not need two helpers at once."),
                    N_("{name} does not need two helpers at once."),
                )
            )
        )
    if NeedLevel.OCCASIONAL in (night, two):
        blocks.append(
            Paragraph(
                w.voice(
                    N_(
                        "Help that is needed only now and then does not count toward the right. "
                        "I still ask that these hours are part of the BPA scheme."
                    ),
                    N_(
                        "Help that is needed only now and then does not count toward the right. "
                        "{name} still asks that these hours are part of the BPA scheme."
                    ),
                )
            )
        )
    return w._("Help at night and two helpers"), tuple(blocks)


def _why_bpa(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    g = draft.goals
    if assessment.is_child and not w.first_person:  # for a child, the parents lead the scheme
        lead = w._("With BPA the parents decide who helps {name}, with what and when.", name=w.name)
    else:
        lead = w.voice(
            N_("With BPA I decide who helps me, with what and when."),
            N_("With BPA {name} decides who helps, with what and when."),
        )
    blocks: list[Block] = [Paragraph(lead)]
    topics = (
        (w.voice(N_("My goals"), N_("The goals of {name}")), g.goals),
        (w._("What is not done today for lack of help"), g.not_done_today),
        (w._("Why the help today is not flexible enough"), g.why_today_not_enough),
        (w._("Services today"), g.current_services),
        (w._("Services BPA would replace"), g.services_bpa_replaces),
    )
    for label, text in topics:
        if text.strip():
            blocks.extend([Heading(label), *paragraphs(text)])
    return w._("Why BPA"), tuple(blocks)


# Someone else leads with or for the person: (named leader, no name first person, third person).
_OTHER_LEADER: dict[ArbeidslederKind, tuple[str, str, str]] = {
    ArbeidslederKind.CO_LEADER: (
        N_("{leader} will be co-leader (medarbeidsleder) together with {name}."),
        N_("I will have a co-leader (medarbeidsleder)."),
        N_("{name} will have a co-leader (medarbeidsleder)."),
    ),
    ArbeidslederKind.GUARDIAN: (
        N_("{leader} will be the arbeidsleder as guardian for {name}."),
        N_("My guardian will be the arbeidsleder."),
        N_("The guardian of {name} will be the arbeidsleder."),
    ),
}


def _arbeidsleder(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    kind, leader = draft.arbeidsleder.kind, draft.arbeidsleder.name.strip()
    text = ""
    if kind == ArbeidslederKind.SELF:
        text = w.voice(
            N_("I will be the arbeidsleder myself. I will lead the assistants day to day."),
            N_("{name} will be the arbeidsleder and lead the assistants day to day."),
        )
    elif kind in _OTHER_LEADER:
        named, first, third = _OTHER_LEADER[kind]
        person = w._("me") if w.first_person else w.name
        text = w._(named, leader=leader, name=person) if leader else w.voice(first, third)
    elif kind == ArbeidslederKind.NOT_DECIDED:
        text = w.voice(
            N_("I have not decided who will be the arbeidsleder. I would like advice on this."),
            N_(
                "It is not decided yet who will be the arbeidsleder. "
                "The application also asks for advice on this."
            ),
        )
    return w._("Arbeidsleder"), (Paragraph(text),) if text else ()


def _attachments(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    items = [
        w._("Statement from the doctor (legeerklæring)"),
        w._("Other statements, for example from an occupational therapist or physiotherapist"),
    ]
    if draft.rows:
        items.append(w._("Week plan (the table in this application)"))
    if draft.filled_in_by == FilledInBy.GUARDIAN:
        items.append(w._("Certificate of guardianship (vergefullmakt)"))
    elif _needs_power_of_attorney(draft, assessment):
        items.append(w._("Power of attorney (fullmakt, at the end of the application)"))
    return w._("Attachments"), (BulletList(tuple(items)),)


def _counsellor_note(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    return w._("Note from the counsellor"), paragraphs(draft.application.counsellor_note)


def _signature(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    lines = [
        (w._("Place and date"), "_" * 30),
        (w._("Signature"), "_" * 30),
    ]
    signer = " ".join((draft.writer.name if draft.on_behalf else draft.person.name).split())
    if not signer:  # a line to print the name on: a signature alone may not be readable
        lines.append((w._("Name"), "_" * 30))
    blocks: list[Block] = [Fields(tuple(lines))]
    # Who signs, as the appeal signs: "Line Hansen, mor"; without a name, the relation alone.
    relation = " ".join(draft.writer.relation.split()) if draft.on_behalf else ""
    parts = [signer] if signer else []
    if relation and relation.casefold() != signer.casefold():
        parts.append(relation)
    if parts:
        blocks.append(Paragraph(", ".join(parts)))
    if draft.on_behalf:
        blocks.append(Paragraph(w._("on behalf of {person}", person=w.name)))
    return w._("Signature"), tuple(blocks)


def _power_of_attorney(
    draft: Draft, assessment: Assessment, w: Writer
) -> tuple[str, tuple[Block, ...]]:
    """The fullmakt the personal details refer to, for the person to sign (an adult only)."""
    if not _needs_power_of_attorney(draft, assessment):
        return w._("Power of attorney"), ()
    section = power_of_attorney(
        w.gettext,
        " ".join(draft.person.name.split()),
        " ".join(draft.writer.name.split()),
        w._("apply for BPA for me and to see the documents in my case"),
    )
    return section.title, section.blocks
