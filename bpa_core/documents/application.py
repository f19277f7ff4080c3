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

from bpa_core.documents.fullmakt import (
    NAME_LINE,
    needs_guardianship_certificate,
    needs_power_of_attorney,
)
from bpa_core.documents.letter import addressee, fullmakt, signer, who_signs
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
from bpa_core.documents.strategy import Basis, Strategy, applied_minutes, strategy_for
from bpa_core.documents.text import Writer, one_line, paragraphs
from bpa_core.draft import (
    ActivityRow,
    ArbeidslederKind,
    Category,
    Course,
    DayPart,
    Draft,
    Duration,
    NeedLevel,
    Onset,
    Per,
)
from bpa_core.i18n import N_
from bpa_core.rules import Assessment, ExclusionReason, weekly_minutes
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


def build_application(draft: Draft, assessment: Assessment, lang: str, *, dated: date) -> Document:
    """The application in ``lang``, dated ``dated`` (the caller's today)."""
    w = Writer.for_draft(draft, lang, on=assessment.assessed_on)
    s = strategy_for(draft, assessment)
    builders: dict[str, Callable[[], tuple[str, tuple[Block, ...]]]] = {
        "personal": lambda: _personal(draft, assessment, w),
        "applied_for": lambda: _applied_for(draft, assessment, s, w),
        "about": lambda: _about(draft, s, w),
        "manages": lambda: _manages(draft, assessment, w),
        "week": lambda: _week(draft, assessment, w),
        "night_two_helpers": lambda: _night_two_helpers(draft, assessment, s, w),
        "why_bpa": lambda: _why_bpa(draft, assessment, s, w),
        "arbeidsleder": lambda: _arbeidsleder(draft, assessment, w),
        "attachments": lambda: _attachments(draft, assessment, s, w),
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
        subject=w._(_SUBJECT[s.basis]),
        dated=dated,
        sections=tuple(sections),
        letterhead=_letterhead(draft, w),
    )


_SUBJECT: dict[Basis, str] = {
    Basis.RIGHT: N_("Application for BPA under pbrl. § 2-1 d"),
    Basis.CONTINUATION: N_("Application for continued BPA under pbrl. § 2-1 d"),
    Basis.MUNICIPAL: N_("Application for BPA under hol. § 3-8"),
}


def _letterhead(draft: Draft, w: Writer) -> tuple[str, ...]:
    person = draft.person
    sender = [x for x in (one_line(person.name), one_line(person.address)) if x]
    office = one_line(draft.application.service_office)
    to = addressee(draft, w, office, unknown=w._("the municipality's service office"))
    return (*sender, w._("To: {addressee}", addressee=to))


# A line to write on by hand: the caseworker needs an address and a phone to book the home visit.
BLANK = "_" * 30


def _personal(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    person = draft.person
    facts: list[tuple[str, str]] = []
    if one_line(person.name):
        facts.append((w._("Name"), one_line(person.name)))
    if person.birth_date:
        facts.append((w._("Date of birth"), w.date(person.birth_date)))
    if one_line(person.national_id):
        facts.append((w._("National identity number"), one_line(person.national_id)))
    facts.append((w._("Address"), one_line(person.address) or BLANK))
    if one_line(person.municipality):
        facts.append((w._("Municipality"), one_line(person.municipality)))
    facts.append((w._("Phone"), one_line(person.phone) or BLANK))
    if one_line(person.email):
        facts.append((w._("Email"), one_line(person.email)))
    blocks: list[Block] = [Fields(tuple(facts))]
    if draft.on_behalf:
        blocks.extend(_written_by(draft, assessment, w))
    return w._("Personal details"), tuple(blocks)


def _written_by(draft: Draft, assessment: Assessment, w: Writer) -> list[Block]:
    writer = draft.writer
    relation = one_line(writer.relation) or w.role
    # No name given: a blank line to write it on, so the reader still learns who wrote it.
    writer_name = one_line(writer.name) or NAME_LINE
    blocks: list[Block] = []
    if relation.casefold() == writer_name.casefold():  # "Rådgiver (rådgiver)" says it twice
        text = w._(
            "This application was written by {writer} on behalf of {name}.",
            writer=writer_name,
            name=w.name,
        )
    else:
        text = w._(
            "This application was written by {writer} ({relation}) on behalf of {name}.",
            writer=writer_name,
            relation=relation,
            name=w.name,
        )
    blocks.append(Paragraph(text))
    facts = [
        (label, one_line(value))
        for label, value in (
            (w._("Organisation"), writer.organisation),
            (w._("Phone"), writer.phone),
            (w._("Email"), writer.email),
        )
        if one_line(value)
    ]
    if facts:
        blocks.append(Fields(tuple(facts)))
    if needs_guardianship_certificate(draft, assessment.is_child):
        blocks.append(Paragraph(w._("The guardianship certificate (vergeattest) is attached.")))
    elif needs_power_of_attorney(draft, assessment.is_child):
        blocks.append(
            Paragraph(
                w._(
                    "A power of attorney (fullmakt) from {name} is at the end of the application.",
                    name=w.name,
                )
            )
        )
    return blocks


# What the hours applied for hold besides the help that counts: (night, two helpers) -> sentence.
_INCLUDING: dict[tuple[bool, bool], str] = {
    (True, False): N_("The hours also cover the help at night, which is needed now and then."),
    (False, True): N_(
        "The hours also cover the help with two helpers, which is needed now and then."
    ),
    (True, True): N_(
        "The hours also cover the help at night and the help with two helpers, which are "
        "needed now and then."
    ),
}

# Hours in the week plan besides those applied for (help that other schemes give), each with
# what the application asks.
_BESIDES: dict[ExclusionReason, tuple[str, str]] = {
    ExclusionReason.WORK_OR_EDUCATION: (
        N_(
            "Help at work or school: {hours}. This help usually comes through other schemes. "
            "It is in the week plan to show the whole need."
        ),
        N_(
            "Help at work or school: {hours}. This help usually comes through other schemes. "
            "It is in the week plan to show the whole need."
        ),
    ),
    ExclusionReason.RESPITE_FOR_ADULT: (
        N_(
            "Respite for the relatives who help me: {hours}. I ask that the municipality "
            "considers this too."
        ),
        N_(
            "Respite for the relatives who help {name}: {hours}. The municipality is asked to "
            "consider this too."
        ),
    ),
}


def _health_ask(assessment: Assessment, s: Strategy, w: Writer) -> str:
    """' I ask that the simple health tasks be part of the BPA scheme': after a sentence, when
    the week plan holds health tasks (rundskriv I-9/2015: the municipality may organise them
    within BPA)."""
    if not s.ask_health_in_scheme:
        return ""
    return " " + w.voice(
        N_("I ask that the simple health tasks be part of the BPA scheme (rundskriv I-9/2015)."),
        N_(
            "{name} asks that the simple health tasks be part of the BPA scheme "
            "(rundskriv I-9/2015)."
        ),
    )


def _applied_hours(assessment: Assessment, s: Strategy, w: Writer) -> tuple[Block, ...]:
    """The hours applied for: the whole need BPA can hold, the health tasks asked into the
    scheme among them (bpa-rules.md § 3.1). When the week plan holds more, what the rest is, so
    the figures add up to the table's total."""
    applied = applied_minutes(assessment)
    health = assessment.excluded_minutes.get(ExclusionReason.HEALTH, Fraction(0))
    besides = {r: m for r, m in assessment.excluded_minutes.items() if r in _BESIDES and m > 0}
    if s.ask_health_in_scheme and health > 0:
        sentences = [
            w.voice(
                N_("I apply for {hours} a week, including {health} for the simple health tasks."),
                N_(
                    "{name} applies for {hours} a week, including {health} for the simple "
                    "health tasks."
                ),
                hours=w.hours(applied),
                health=w.hours(health),
            )
        ]
    else:
        sentences = [
            w.voice(
                N_("I apply for {hours} a week."),
                N_("{name} applies for {hours} a week."),
                hours=w.hours(applied),
            )
        ]
    included = (
        ExclusionReason.OCCASIONAL_NIGHT in s.occasional,
        ExclusionReason.OCCASIONAL_TWO_HELPERS in s.occasional,
    )
    if included in _INCLUDING:
        sentences.append(w._(_INCLUDING[included]))
    sentences[-1] += _health_ask(assessment, s, w)
    if s.state_counted_hours and assessment.counted_minutes == applied:
        sentences.append(
            w._(
                "All of these hours count toward the right. A need of {right_hours} hours a "
                "week or more gives the right to BPA (pbrl. § 2-1 d)."
            )
        )
    elif s.state_counted_hours:
        sentences.append(
            w._(
                "The need that counts toward the right is {counted} a week. "
                "A need of {right_hours} hours a week or more gives the right to BPA "
                "(pbrl. § 2-1 d).",
                counted=w.hours(assessment.counted_minutes),
            )
        )
    if not besides:
        return (Paragraph(" ".join(sentences)),)
    sentences.append(
        w._(
            "The week plan below shows {total} a week in all. It also holds:",
            total=w.hours(assessment.total_minutes),
        )
    )
    items = tuple(
        w.voice(*_BESIDES[reason], hours=w.hours(minutes)) for reason, minutes in besides.items()
    )
    return Paragraph(" ".join(sentences)), BulletList(items)


def _applied_for(
    draft: Draft, assessment: Assessment, s: Strategy, w: Writer
) -> tuple[str, tuple[Block, ...]]:
    blocks: list[Block] = list(_basis(draft, s, w))
    wanted = draft.application.hours_per_week
    if wanted is not None and wanted > 0:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("I apply for {hours} a week."),
                    N_("{name} applies for {hours} a week."),
                    hours=w.typed_hours(wanted),
                )
                + _health_ask(assessment, s, w)
            )
        )
    elif applied_minutes(assessment) > 0:
        blocks.extend(_applied_hours(assessment, s, w))
    if s.decide_before is not None:
        blocks.append(
            Paragraph(
                w.voice(
                    N_(
                        "I turn {age_limit} on {date}. I ask that the application is decided "
                        "before that date."
                    ),
                    N_(
                        "{name} turns {age_limit} on {date}. {name} asks that the application is "
                        "decided before that date."
                    ),
                    date=w.date(s.decide_before),
                )
            )
        )
    blocks.append(Paragraph(_start(draft, s, w)))
    return w.voice(N_("What I apply for"), N_("What the application is for")), tuple(blocks)


def _start(draft: Draft, s: Strategy, w: Writer) -> str:
    """When BPA should start; a continuation asks that it goes on without a break (it has
    started already)."""
    start = draft.application.wished_start
    if s.basis == Basis.CONTINUATION:
        if start:
            return w.voice(
                N_("I ask that BPA continue without a break from {date}."),
                N_("{name} asks that BPA continue without a break from {date}."),
                date=w.date(start),
            )
        return w.voice(
            N_("I ask that BPA continue without a break."),
            N_("{name} asks that BPA continue without a break."),
        )
    if start:
        return w.voice(
            N_("I want BPA to start on {date}."),
            N_("{name} wants BPA to start on {date}."),
            date=w.date(start),
        )
    return w.voice(
        N_("I want BPA to start as soon as possible."),
        N_("{name} wants BPA to start as soon as possible."),
    )


def _basis(draft: Draft, s: Strategy, w: Writer) -> tuple[Block, ...]:
    """What the application applies under (bpa-rules.md § 3.1): the right, its continuation
    past 67, or hol. § 3-8 first with the person's reasons."""
    if s.basis == Basis.MUNICIPAL:
        text = w.voice(
            N_(
                "I apply for user-controlled personal assistance (BPA) under hol. § 3-8. "
                "Every municipality must offer BPA. Below I explain why BPA is the right help "
                "for me."
            ),
            N_(
                "{name} applies for user-controlled personal assistance (BPA) under hol. § 3-8. "
                "Every municipality must offer BPA. Below it is explained why BPA is the right "
                "help for {name}."
            ),
        )
        blocks: list[Block] = [Paragraph(text)]
        if s.ask_right_assessed:
            blocks.append(
                Paragraph(
                    w.voice(
                        N_(
                            "If the municipality's own mapping finds a need of {cost_hours} hours "
                            "a week or more, I ask that my right to BPA under pbrl. § 2-1 d is "
                            "assessed too."
                        ),
                        N_(
                            "If the municipality's own mapping finds a need of {cost_hours} hours "
                            "a week or more, {name} asks that the right to BPA under "
                            "pbrl. § 2-1 d is assessed too."
                        ),
                    )
                )
            )
        return tuple(blocks)
    alternative = Paragraph(
        w.voice(
            N_(
                "If the municipality finds that the right does not apply, "
                "I apply for BPA under hol. § 3-8."
            ),
            N_(
                "If the municipality finds that the right does not apply, "
                "{name} applies for BPA under hol. § 3-8."
            ),
        )
    )
    if s.basis == Basis.CONTINUATION:
        text = w.voice(
            N_(
                "I was granted BPA under the right in pbrl. § 2-1 d before I turned {age_limit}. "
                "I apply for BPA to continue. The right continues after {age_limit}."
            ),
            N_(
                "{name} was granted BPA under the right in pbrl. § 2-1 d before turning "
                "{age_limit}. {name} applies for BPA to continue. The right continues after "
                "{age_limit}."
            ),
        )
        # Not named: a line to write the date or case number on by hand, as the letters do.
        earlier = one_line(draft.person.earlier_decision) or w._(
            "{line} (date or case number)", line=BLANK
        )
        decision = w._(
            "The earlier decision on BPA: {decision}. A copy is attached.", decision=earlier
        )
        return Paragraph(f"{text} {decision}"), alternative
    return (
        Paragraph(
            w.voice(
                N_("I apply for user-controlled personal assistance (BPA) under pbrl. § 2-1 d."),
                N_(
                    "{name} applies for user-controlled personal assistance (BPA) under "
                    "pbrl. § 2-1 d."
                ),
            )
        ),
        alternative,
    )


def _about(draft: Draft, s: Strategy, w: Writer) -> tuple[str, tuple[Block, ...]]:
    need, life = draft.need, draft.life
    health: list[Block] = [*paragraphs(need.description)]
    facts: list[str] = []
    if need.onset == Onset.CONGENITAL:
        facts.append(w._("The disability is congenital."))
    elif need.onset == Onset.ACQUIRED:
        facts.append(w._("The disability is acquired."))
    if one_line(need.since) and need.onset != Onset.CONGENITAL:
        facts.append(_since(need.since, w))
    if need.course == Course.STABLE:
        facts.append(w._("The condition is stable."))
    elif need.course == Course.PROGRESSIVE:
        facts.append(w._("The condition gets worse over time."))
    elif need.course == Course.VARYING:
        facts.append(w._("The condition varies from day to day."))
    # How long the need lasts is a condition of the right: said when it helps or is still open,
    # never as a sentence against the claim (bpa-rules.md § 3.1).
    if s.state_duration and need.duration == Duration.OVER_2_YEARS:
        facts.append(w._("The need is expected to last more than {long_lasting_years} years."))
    elif s.state_duration:
        facts.append(
            w._("The doctor's statement will say more about how the need is expected to develop.")
        )
    if facts:
        health.append(Paragraph(" ".join(facts)))

    blocks: list[Block] = []
    if health:
        blocks.extend([Heading(w._("Health and disability")), *health])
    staying_healthy = paragraphs(need.staying_healthy)
    if staying_healthy:
        heading = w.voice(
            N_("What I must do or avoid to stay as well as possible"),
            N_("What {name} must do or avoid to stay as well as possible"),
        )
        blocks.extend([Heading(heading), *staying_healthy])
    topics = (
        (w._("Education"), life.education),
        (w._("Work"), life.work),
        (w._("Civil status"), life.civil_status),
        (w._("Children"), life.children),
        (w._("Home and family"), life.living_situation),
        (w._("Changes in family and network"), life.family_changes),
    )
    for label, text in topics:
        if one_line(text):
            blocks.extend([Heading(label), *paragraphs(text)])
    return w.voice(N_("About me"), N_("About {name}")), tuple(blocks)


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


def _help_by_category(draft: Draft, w: Writer) -> tuple[str, ...]:
    """'Personal care: getting up, shower.' — the person's daily help, by category, in the
    person's own words for each activity (health, work and respite are named elsewhere)."""
    items: list[str] = []
    for category in Category:
        if category in _NOT_DAILY_HELP:
            continue
        rows = [r for r in draft.rows if r.category == category]
        if not rows:
            continue
        title = w.category(category)
        names = [n for n in dict.fromkeys(one_line(r.activity) for r in rows) if n]
        if names and [n.casefold() for n in names] != [title.casefold()]:
            items.append(
                w._(
                    "{category}: {activities}.",
                    category=title,
                    activities=", ".join(names).rstrip("."),
                )
            )
        else:
            items.append(title)
    return tuple(items)


def _manages(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    manages = paragraphs(draft.manages_alone)
    needs: tuple[Block, ...] = paragraphs(draft.needs_help_with)
    if not needs:
        categories = _help_by_category(draft, w)
        generated: list[Block] = [BulletList(categories)] if categories else []
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
    title = w.voice(
        N_("What I manage and what I need help with"), N_("What {name} manages and needs help with")
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
        Heading(w.voice(N_("What I need help with"), N_("What {name} needs help with"))),
        *needs,
    ]
    return title, tuple(blocks)


_DAY_PART_NAMES: dict[DayPart, str] = {
    DayPart.MORNING: N_("morning"),
    DayPart.DAYTIME: N_("daytime"),
    DayPart.EVENING: N_("evening"),
}


def _activity(row: ActivityRow, w: Writer) -> str:
    """The row's name (or its category), with when in the day and whether it needs two:
    "Stell (morgen, kveld)", "Snu i senga (natt, to hjelpere)"."""
    name = one_line(row.activity) or w.category(row.category)
    notes = [w._(_DAY_PART_NAMES[part]) for part in row.day_parts]
    if row.night:
        notes.append(w._("night"))
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


def day_rhythm(draft: Draft, w: Writer) -> tuple[Block, ...]:
    """The need over the 24-hour day, as municipal guidance asks: the activities of each part of
    the day (morning, daytime, evening, night), when the rows say when."""
    parts: list[tuple[str, list[str]]] = [
        (w._(_DAY_PART_TITLES[p]), [_name(r, w) for r in draft.rows if p in r.day_parts])
        for p in DayPart
    ]
    parts.append((w._("At night"), [_name(r, w) for r in draft.rows if r.night]))
    facts = tuple((title, ", ".join(dict.fromkeys(names))) for title, names in parts if names)
    if not facts:
        return ()
    return Heading(w._("Through the day and night")), Fields(facts)


_DAY_PART_TITLES: dict[DayPart, str] = {
    DayPart.MORNING: N_("In the morning"),
    DayPart.DAYTIME: N_("During the day"),
    DayPart.EVENING: N_("In the evening"),
}


def _name(row: ActivityRow, w: Writer) -> str:
    return one_line(row.activity) or w.category(row.category)


def _week(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    return w.voice(N_("My week"), N_("The week")), week_section_blocks(draft, assessment, w)


def week_section_blocks(draft: Draft, assessment: Assessment, w: Writer) -> tuple[Block, ...]:
    """The week section: the table, the notes under it, the total, the day's rhythm and the
    user's variations. The appeal's week-plan attachment uses it too.

    The hours that count toward the right are named only when they clearly give it
    (``Strategy.state_counted_hours``); what else the plan holds is said where the hours applied
    for are (``_applied_hours``), in the applicant's favour."""
    if not draft.rows:
        return ()
    s = strategy_for(draft, assessment)
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
    if s.state_counted_hours and assessment.counted_minutes != total:
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
    else:
        blocks.append(Paragraph(w._("In total that is {total} a week.", total=w.hours(total))))
    if assessment.is_child:
        blocks.append(
            Paragraph(
                w._("The table shows only help beyond what other children of the same age need.")
            )
        )
    blocks.extend(day_rhythm(draft, w))
    if one_line(draft.variations):
        blocks.append(Heading(w._("Bad days and other variations")))
        blocks.extend(paragraphs(draft.variations))
    return tuple(blocks)


_LEVEL_TEXT: dict[tuple[str, NeedLevel], tuple[str, str]] = {
    ("night", NeedLevel.CONTINUOUS): (
        N_("I need help every night (continuous)."),
        N_("{name} needs help every night (continuous)."),
    ),
    ("night", NeedLevel.OCCASIONAL): (
        N_("I need help at night now and then."),
        N_("{name} needs help at night now and then."),
    ),
    ("two", NeedLevel.CONTINUOUS): (
        N_("Some tasks always need two helpers (continuous)."),
        N_("Some tasks always need two helpers for {name} (continuous)."),
    ),
    ("two", NeedLevel.OCCASIONAL): (
        N_("Now and then I need two helpers at once."),
        N_("Now and then {name} needs two helpers at once."),
    ),
}

# Occasional hours are asked for within BPA, never conceded (bpa-rules.md § 3.1).
_ASK_OCCASIONAL: dict[ExclusionReason, tuple[str, str]] = {
    ExclusionReason.OCCASIONAL_NIGHT: (
        N_("I ask that the help at night ({hours} a week) be part of the BPA hours."),
        N_("{name} asks that the help at night ({hours} a week) be part of the BPA hours."),
    ),
    ExclusionReason.OCCASIONAL_TWO_HELPERS: (
        N_("I ask that the help with two helpers ({hours} a week) be part of the BPA hours."),
        N_("{name} asks that the help with two helpers ({hours} a week) be part of the BPA hours."),
    ),
}


def _night_two_helpers(
    draft: Draft, assessment: Assessment, s: Strategy, w: Writer
) -> tuple[str, tuple[Block, ...]]:
    """Only the needs there are: a sentence that there is no night need helps nobody, and beside
    a long row it reads as a contradiction (the review of the draft flags those)."""
    blocks: list[Block] = []
    for key, level in (("night", draft.night_need), ("two", draft.two_helper_need)):
        if level is not None and (key, level) in _LEVEL_TEXT:
            blocks.append(Paragraph(w.voice(*_LEVEL_TEXT[key, level])))
    for reason in s.occasional:
        minutes = assessment.excluded_minutes[reason]
        blocks.append(Paragraph(w.voice(*_ASK_OCCASIONAL[reason], hours=w.hours(minutes))))
    title = {
        (True, False): N_("Help at night"),
        (False, True): N_("Two helpers"),
    }.get(
        (draft.night_need in _NEED, draft.two_helper_need in _NEED),
        N_("Help at night and two helpers"),
    )
    return w._(title), tuple(blocks)


_NEED = (NeedLevel.OCCASIONAL, NeedLevel.CONTINUOUS)


def _why_bpa(
    draft: Draft, assessment: Assessment, s: Strategy, w: Writer
) -> tuple[str, tuple[Block, ...]]:
    g = draft.goals
    if assessment.is_child and not w.first_person:  # for a child, the parents lead the scheme
        lead = w._("With BPA the parents decide who helps {name}, with what and when.", name=w.name)
    else:
        lead = w.voice(
            N_("With BPA I decide who helps me, with what and when."),
            N_("With BPA {name} decides who helps, with what and when."),
        )
    blocks: list[Block] = [Paragraph(lead)]
    if s.basis == Basis.MUNICIPAL:  # the purpose of BPA, never the municipality's discretion
        blocks.append(
            Paragraph(
                w._(
                    "BPA is meant to give an active and as independent a life as possible, with "
                    "work, studies and taking part in society (rundskriv I-9/2015)."
                )
            )
        )
    topics = (
        (w.voice(N_("My goals"), N_("The goals of {name}")), g.goals),
        (w._("What is not done today for lack of help"), g.not_done_today),
        (w._("Why the help today is not flexible enough"), g.why_today_not_enough),
        (w._("Services today"), g.current_services),
        (w._("Services BPA would replace"), g.services_bpa_replaces),
    )
    for label, text in topics:
        if one_line(text):
            blocks.extend([Heading(label), *paragraphs(text)])
    return w._("Why BPA"), tuple(blocks)


# Someone else leads with or for the person: (named, first person, third person) for each kind.
_OTHER_LEADER: dict[ArbeidslederKind, tuple[tuple[str, str], tuple[str, str]]] = {
    ArbeidslederKind.CO_LEADER: (
        (
            N_("{leader} will be co-leader (medarbeidsleder) together with me."),
            N_("{leader} will be co-leader (medarbeidsleder) together with {name}."),
        ),
        (
            N_("I will have a co-leader (medarbeidsleder)."),
            N_("{name} will have a co-leader (medarbeidsleder)."),
        ),
    ),
    ArbeidslederKind.GUARDIAN: (
        (
            N_("My guardian, {leader}, will be the arbeidsleder."),
            N_("{leader} will be the arbeidsleder as guardian for {name}."),
        ),
        (
            N_("My guardian will be the arbeidsleder."),
            N_("The guardian of {name} will be the arbeidsleder."),
        ),
    ),
}


def _arbeidsleder(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, tuple[Block, ...]]:
    kind, leader = draft.arbeidsleder.kind, one_line(draft.arbeidsleder.name)
    text = ""
    if kind == ArbeidslederKind.SELF:
        text = w.voice(
            N_("I will be the arbeidsleder myself. I will lead the assistants day to day."),
            N_("{name} will be the arbeidsleder and lead the assistants day to day."),
        )
    elif kind == ArbeidslederKind.GUARDIAN and assessment.is_child:
        # A child's parents are its guardians by law: they lead, not "as guardian" (verge).
        text = (
            w._("{leader} will be the arbeidsleder for {name}.", leader=leader, name=w.name)
            if leader
            else w._("The parents will be the arbeidsleder for {name}.", name=w.name)
        )
    elif kind in _OTHER_LEADER:
        named, unnamed = _OTHER_LEADER[kind]
        text = w.voice(*named, leader=leader) if leader else w.voice(*unnamed)
    elif kind == ArbeidslederKind.NOT_DECIDED:
        text = w.voice(
            N_("I have not decided who will be the arbeidsleder. I would like advice on this."),
            N_(
                "It is not decided yet who will be the arbeidsleder. "
                "The application also asks for advice on this."
            ),
        )
    return w._("Arbeidsleder"), (Paragraph(text),) if text else ()


def _attachments(
    draft: Draft, assessment: Assessment, s: Strategy, w: Writer
) -> tuple[str, tuple[Block, ...]]:
    items = [
        w._("Statement from the doctor (legeerklæring)"),
        w._("Other statements, for example from an occupational therapist or physiotherapist"),
    ]
    if s.basis == Basis.CONTINUATION:
        items.insert(
            0,
            w.voice(
                N_("Copy of the decision that granted me BPA before I turned {age_limit}"),
                N_("Copy of the decision that granted {name} BPA before turning {age_limit}"),
            ),
        )
    if draft.rows:
        items.append(w._("Week plan (the table in this application)"))
    if needs_guardianship_certificate(draft, assessment.is_child):
        items.append(w._("Guardianship certificate (vergeattest)"))
    elif needs_power_of_attorney(draft, assessment.is_child):
        items.append(w._("Power of attorney (fullmakt, at the end of the application)"))
    return w._("Attachments"), (BulletList(tuple(items)),)


def _counsellor_note(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    return w._("Note from the counsellor"), paragraphs(draft.application.counsellor_note)


def _signature(draft: Draft, w: Writer) -> tuple[str, tuple[Block, ...]]:
    lines = [
        (w._("Place and date"), "_" * 30),
        (w._("Signature"), "_" * 30),
    ]
    if not signer(draft, w):  # a line to print the name on: a signature alone may not be readable
        lines.append((w._("Name"), "_" * 30))
    return w._("Signature"), (Fields(tuple(lines)), *who_signs(draft, w))


def _power_of_attorney(
    draft: Draft, assessment: Assessment, w: Writer
) -> tuple[str, tuple[Block, ...]]:
    """The fullmakt the personal details refer to, for the person to sign (an adult only)."""
    section = fullmakt(
        draft,
        w,
        assessment.is_child,
        w._("apply for BPA for me and to see the documents in my case"),
    )
    return (section.title, section.blocks) if section else (w._("Power of attorney"), ())
