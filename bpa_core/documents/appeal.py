"""The appeal letter (klage) and the request for access to the case documents (innsyn).

Both are ``Document``s in the document language (bpa-rules.md § 5). The appeal goes to the
municipality, which forwards it to Statsforvalteren if it keeps its decision (pbrl. § 7-2). It
holds who appeals, which decision, what is wrong and why (the user's words and the grounds they
ticked), what change is wanted, new information, attachments and a signature, with a power of
attorney when someone else signs for an adult. The request for access (forvaltningsloven § 18)
asks for the mapping, the hour calculation and any cost comparison.

Voice: the writer is "I". When someone writes on the person's behalf, the letter names the
person ("on behalf of Kari Nordmann"), as the application does (``Draft.filled_in_by``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from bpa_core.appeal.grounds import assessment_date_for, chosen_grounds, ground_text
from bpa_core.deadlines import Deadline, appeal_deadline
from bpa_core.documents.application import week_section_blocks
from bpa_core.documents.fullmakt import (
    NAME_LINE,
    SIGNATURE_LINE,
    needs_guardianship_certificate,
    needs_power_of_attorney,
)
from bpa_core.documents.letter import addressee, distinct, fullmakt, who_signs
from bpa_core.documents.model import (
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    Section,
    Table,
)
from bpa_core.documents.strategy import strategy_for
from bpa_core.documents.text import Writer, clean, keep_together, one_line, paragraphs
from bpa_core.draft import DecisionKind, Draft
from bpa_core.i18n import N_
from bpa_core.rules.eligibility import Assessment, Flag, assess

__all__ = ["SIGNATURE_LINE", "access_request", "appeal_letter", "clean"]


@dataclass(frozen=True)
class _Context:
    """One letter: the answers, the day it is written, the estimate on the decision's day, and
    the writer (the one letter toolkit, ``documents.text.Writer``)."""

    draft: Draft
    w: Writer
    today: date
    is_child: bool

    @property
    def lang(self) -> str:
        return self.w.lang

    def _(self, message: str, **values: object) -> str:
        return self.w._(message, **values)

    def hours(self, hours: Decimal) -> str:
        """Hours as typed, with their unit: "37,5 timer", "1 time"."""
        return self.w.typed_hours(hours)

    @property
    def on_behalf(self) -> bool:
        return self.draft.on_behalf

    @property
    def person(self) -> str:
        return one_line(self.draft.person.name) or self._("the applicant")

    @property
    def writer(self) -> str:
        return one_line(self.draft.writer.name)

    @property
    def deadline(self) -> Deadline | None:
        received = self.draft.appeal.decision_received
        return appeal_deadline(received) if received else None

    @property
    def needs_power_of_attorney(self) -> bool:
        return needs_power_of_attorney(self.draft, self.is_child)


def assess_for_appeal(draft: Draft, today: date) -> Assessment:
    """The estimate on the day of the decision (see ``assessment_date_for``), not today."""
    return assess(draft, on=assessment_date_for(draft.appeal, today))


def _context(draft: Draft, today: date, lang: str | None, a: Assessment | None) -> _Context:
    lang = lang or draft.document_language
    a = a or assess_for_appeal(draft, today)
    return _Context(draft, Writer.for_draft(draft, lang, on=a.assessed_on), today, a.is_child)


def letterhead(c: _Context) -> tuple[str, ...]:
    """Sender (the person, and the writer when someone writes for them) and addressee."""
    _ = c._
    p, w = c.draft.person, c.draft.writer
    lines: list[str] = []
    if one_line(p.name):
        lines.append(one_line(p.name))
    lines.extend(one_line(x) for x in clean(p.address).split("\n") if x.strip())
    if one_line(p.phone):
        lines.append(_("Phone: {phone}", phone=one_line(p.phone)))
    if one_line(p.email):
        lines.append(_("E-mail: {email}", email=one_line(p.email)))
    if one_line(p.national_id):
        lines.append(_("National identity number: {number}", number=one_line(p.national_id)))
    if c.on_behalf:
        relation, organisation = one_line(w.relation), one_line(w.organisation)
        if c.writer:
            who = ", ".join(distinct(c.writer, relation, organisation))
        else:  # as the application: a blank line to write the name on, then the relation
            relation = relation or c.w.role
            blank = f"{NAME_LINE} ({relation})" if relation else NAME_LINE
            who = ", ".join(distinct(blank, organisation))
        lines.append(_("Written by: {writer}", writer=who))
        if one_line(w.phone):
            lines.append(_("Phone: {phone}", phone=one_line(w.phone)))
        if one_line(w.email):
            lines.append(_("E-mail: {email}", email=one_line(w.email)))
    # The appeal goes to the municipality first (pbrl. § 7-2): to the office that decided, if named.
    office = one_line(c.draft.appeal.decided_by) or one_line(c.draft.application.service_office)
    to = addressee(c.draft, c.w, office, unknown=_("The municipality"))
    lines.append(_("To: {addressee}", addressee=to))
    return tuple(lines)  # the date is Document.dated: the renderer prints it


def _decision_facts(c: _Context) -> list[str]:
    """Which decision: date, case number, who made it, when it was received."""
    _ = c._
    ap = c.draft.appeal
    out: list[str] = []
    if ap.decision_date:
        out.append(_("The decision is dated {date}.", date=c.w.date(ap.decision_date)))
    if one_line(ap.case_number):
        out.append(_("The case number is {number}.", number=one_line(ap.case_number)))
    if one_line(ap.decided_by):
        out.append(_("The decision was made by {who}.", who=one_line(ap.decided_by)))
    if ap.decision_received:
        when = c.w.date(ap.decision_received)
        if c.on_behalf:
            out.append(_("{person} received the decision on {date}.", person=c.person, date=when))
        else:
            out.append(_("I received the decision on {date}.", date=when))
    return out


def _what_was_decided(c: _Context) -> list[str]:
    _ = c._
    ap = c.draft.appeal
    kind = ap.decision_kind
    out: list[str] = []
    if kind == DecisionKind.REFUSED:
        out.append(_("The decision refuses BPA."))
    elif kind == DecisionKind.FEWER_HOURS:
        if ap.hours_granted is not None:
            out.append(
                _("The decision grants {hours} of BPA a week.", hours=c.hours(ap.hours_granted))
            )
        else:
            out.append(_("The decision grants fewer hours than applied for."))
        if ap.hours_applied is not None:
            out.append(
                _("The application was for {hours} a week.", hours=c.hours(ap.hours_applied))
            )
    elif kind == DecisionKind.OTHER_SERVICE:
        service = one_line(ap.service_offered)
        if service:
            out.append(
                _("The decision gives another service instead of BPA: {service}.", service=service)
            )
        else:
            out.append(_("The decision gives another service instead of BPA."))
    elif kind == DecisionKind.CO_PAYMENT:
        out.append(_("The decision sets a co-payment for the service."))
    return out


def _decision_section(c: _Context) -> Section:
    _ = c._
    if c.on_behalf:
        opening = _(
            "On behalf of {person}, I appeal the decision on user-controlled personal "
            "assistance (BPA).",
            person=c.person,
        )
    else:
        opening = _("I appeal the decision on user-controlled personal assistance (BPA).")
    facts = " ".join(_decision_facts(c) + _what_was_decided(c))
    forward = _(
        "I ask the municipality to look at the case again. If the municipality upholds its "
        "decision, I ask that the appeal is sent on to Statsforvalteren (pbrl. § 7-2)."
    )
    blocks = [Paragraph(opening)]
    if facts:
        blocks.append(Paragraph(facts))
    blocks.append(Paragraph(forward))
    decide_before = _decide_before(c)
    if decide_before:
        blocks.append(Paragraph(decide_before))
    return Section("decision", _("The decision I appeal"), tuple(blocks), editable=False)


def _decide_before(c: _Context) -> str:
    """The person turns 67 within the window (bpa-rules.md "Age"): ask for a decision before."""
    birthday = strategy_for(c.draft, assess(c.draft, on=c.today)).decide_before
    if birthday is None:
        return ""
    if c.on_behalf:
        return c._(
            "{person} turns {age_limit} on {date}. I ask that the appeal is decided before "
            "that date.",
            person=c.person,
            date=c.w.date(birthday),
        )
    return c._(
        "I turn {age_limit} on {date}. I ask that the appeal is decided before that date.",
        date=c.w.date(birthday),
    )


def _grounds_section(c: _Context, a: Assessment) -> Section:
    _ = c._
    own = paragraphs(c.draft.appeal.what_is_wrong)
    blocks: list[Block] = []
    if own and c.on_behalf and c.draft.appeal.own_words:
        # The person's own words, quoted as theirs: never read as the writer's.
        blocks.append(Paragraph(_("{person} describes it like this:", person=c.person)))
    blocks.extend(own)
    for ground in chosen_grounds(c.draft, a, c.lang):
        # The grounds are plain text, for the page to edit; unedited, they print kept together.
        blocks.append(Heading(keep_together(ground.title)))
        text = ground_text(ground, c.draft.appeal)
        blocks.extend(paragraphs(keep_together(text) if text == ground.explanation else text))
    if not blocks:
        blocks.append(Paragraph(_("I will send the reasons for the appeal later.")))
    return Section("grounds", _("What is wrong, and why"), tuple(blocks), editable=False)


def _default_change(c: _Context) -> str:
    _ = c._
    ap = c.draft.appeal
    applied = ap.hours_applied
    if ap.decision_kind == DecisionKind.CO_PAYMENT:
        return _("I ask that the co-payment is removed or set lower.")
    if applied is not None and ap.decision_kind is not None:
        if c.on_behalf:
            return _(
                "I ask that the decision be changed so that {person} gets BPA with {hours} a week.",
                person=c.person,
                hours=c.hours(applied),
            )
        return _(
            "I ask that the decision be changed so that I get BPA with {hours} a week.",
            hours=c.hours(applied),
        )
    if c.on_behalf:
        return _(
            "I ask that the decision be changed so that {person} gets BPA for the whole need.",
            person=c.person,
        )
    return _("I ask that the decision be changed so that I get BPA for the whole need.")


def _change_section(c: _Context) -> Section:
    own = paragraphs(c.draft.appeal.change_wanted)
    blocks = own or (Paragraph(_default_change(c)),)
    return Section("change", c._("What I ask for"), blocks, editable=False)


def _late_section(c: _Context) -> Section | None:
    deadline = c.deadline
    if deadline is None or not deadline.is_passed(c.today):
        return None
    _ = c._
    first = Paragraph(
        _(
            "The deadline to appeal was {date}. I ask that the appeal is still considered "
            "(forvaltningsloven § 31).",
            date=c.w.date(deadline.deadline),
        )
    )
    blocks = (first, *paragraphs(c.draft.appeal.late_reason))
    return Section("late", _("The appeal comes after the deadline"), blocks, editable=False)


# TRANSLATORS: words that, in a line the user typed, name a doctor's statement; separated by |.
_DOCTOR_WORDS = N_("doctor|GP")


def _names_a_doctor(c: _Context, line: str) -> bool:
    """The user's own attachment line names a doctor's statement already (the words come from
    the document language's catalog: no list of words per language in the code)."""
    words = [re.escape(w.strip()) for w in c._(_DOCTOR_WORDS).split("|") if w.strip()]
    return bool(words) and re.search(rf"\b(?:{'|'.join(words)})", line, re.IGNORECASE) is not None


def _attachments(c: _Context, a: Assessment) -> tuple[str, ...]:
    _ = c._
    own = [one_line(x) for x in clean(c.draft.appeal.attachments).split("\n") if x.strip()]
    items = [_("A copy of the decision")]
    if Flag.CONTINUES_PAST_AGE_LIMIT in a.flags:  # the continued right rests on it
        items.append(_("A copy of the decision that granted BPA before {age_limit}"))
    # Listed when the user says one goes with the letter, unless their own lines name it already.
    if c.draft.appeal.doctor_statement and not any(_names_a_doctor(c, x) for x in own):
        items.append(_("Statement from the doctor (legeerklæring)"))
    if c.draft.rows:
        items.append(_("The week plan (at the end of this letter)"))
    if needs_guardianship_certificate(c.draft, c.is_child):
        items.append(_("Guardianship certificate (vergeattest)"))
    if c.needs_power_of_attorney:
        items.append(_("Power of attorney (at the end of this letter)"))
    items.extend(own)
    return tuple(items)


def _week_plan(c: _Context, a: Assessment) -> Section | None:
    """The week plan the attachments list names: the application's table, after the letter."""
    if not c.draft.rows:
        return None
    w = replace(c.w, name=c.person)
    blocks: list[Block] = []
    for block in week_section_blocks(c.draft, a, w):  # the application's week section
        if isinstance(block, Table):  # activity names are the user's text
            rows = tuple((one_line(row[0]), *row[1:]) for row in block.rows)
            block = replace(block, rows=rows)
        elif isinstance(block, Paragraph):
            block = Paragraph(clean(block.text))
        blocks.append(block)
    return Section("week_plan", c._("Attachment: the week plan"), tuple(blocks), editable=False)


def _signature(c: _Context) -> Section:
    _ = c._
    blocks: list[Block] = [Paragraph(_("Kind regards")), Paragraph(SIGNATURE_LINE)]
    if c.on_behalf and not c.writer:  # a line to print the name on: a signature alone may not
        blocks.append(Paragraph(_("Name:") + " " + SIGNATURE_LINE))  # be readable
    blocks.extend(who_signs(c.draft, c.w))
    return Section("signature", _("Signature"), tuple(blocks), editable=False)


def _power_of_attorney(c: _Context, what: str) -> Section | None:
    return fullmakt(c.draft, c.w, c.is_child, what)


def appeal_letter(
    draft: Draft,
    today: date,
    *,
    lang: str | None = None,
    assessment: Assessment | None = None,
) -> Document:
    """The appeal to the municipality, in the document language (default: the draft's).

    The grounds build on the estimate on the day of the decision (``assess_for_appeal``) unless
    the caller gives one.
    """
    a = assessment or assess_for_appeal(draft, today)
    c = _context(draft, today, lang, a)
    _ = c._
    new_information = paragraphs(draft.appeal.new_information)
    optional_sections = (
        Section("new_information", _("New information"), new_information)
        if new_information
        else None,
        _late_section(c),
        _access_section(c),
    )
    sections = [
        _decision_section(c),
        _grounds_section(c, a),
        _change_section(c),
        *(s for s in optional_sections if s is not None),
        Section("attachments", _("Attachments"), (BulletList(_attachments(c, a)),), editable=False),
        _signature(c),
    ]
    week_plan = _week_plan(c, a)
    if week_plan is not None:
        sections.append(week_plan)
    return _letter(
        c,
        "appeal",
        _("Appeal against a decision on BPA"),
        sections,
        today,
        _power_of_attorney(c, _("appeal this decision and to see the documents in my case")),
    )


def _access_section(c: _Context) -> Section | None:
    """Only when a request for access goes with the appeal (``Appeal.access_request``): a sent
    letter never says something was asked that was not."""
    if not c.draft.appeal.access_request:
        return None
    text = c._(
        "I have also asked to see the documents in the case (forvaltningsloven § 18). "
        "I may send more when I have seen them."
    )
    return Section(
        "access", c._("Access to the case documents"), (Paragraph(text),), editable=False
    )


def access_request(draft: Draft, today: date, *, lang: str | None = None) -> Document:
    """A request to see the case documents (innsyn, forvaltningsloven § 18)."""
    c = _context(draft, today, lang, None)
    _ = c._
    if c.on_behalf:
        opening = _(
            "On behalf of {person}, I ask to see the documents in the case on user-controlled "
            "personal assistance (BPA), under forvaltningsloven § 18.",
            person=c.person,
        )
    else:
        opening = _(
            "I ask to see the documents in my case on user-controlled personal assistance (BPA), "
            "under forvaltningsloven § 18."
        )
    facts = " ".join(_decision_facts(c))
    wanted = BulletList(
        (
            _("the mapping of the need for help (kartlegging)"),
            _("how the hours in the decision were counted, and what the count builds on"),
            _("any comparison of what BPA and other services would cost"),
            _("other documents the decision builds on, such as notes and statements"),
        )
    )
    request_blocks: list[Block] = [Paragraph(opening)]
    if facts:
        request_blocks.append(Paragraph(facts))
    request_blocks += [Paragraph(_("I ask for these documents:")), wanted]
    why: list[Block] = [Paragraph(_("I need the documents to complete the appeal."))]
    deadline = c.deadline
    if deadline is not None and not deadline.is_passed(today):
        why.append(
            Paragraph(_("The deadline to appeal is {date}.", date=c.w.date(deadline.deadline)))
        )
    why.append(
        Paragraph(
            _(
                "Please send the documents as soon as you can. If they do not come in good time "
                "before the deadline, I ask that the deadline to appeal is extended."
            )
        )
    )
    why.append(
        Paragraph(_("Please send them in a secure way, for example by digital mail, or by post."))
    )
    sections = [
        Section("request", _("What I ask for"), tuple(request_blocks), editable=False),
        Section("why", _("Why I ask"), tuple(why), editable=False),
        _signature(c),
    ]
    return _letter(
        c,
        "access_request",
        _("Request to see the case documents"),
        sections,
        today,
        _power_of_attorney(c, _("see the documents in my case")),
    )


def _letter(
    c: _Context,
    kind: str,
    title: str,
    sections: list[Section],
    today: date,
    power_of_attorney: Section | None,
) -> Document:
    """A letter from the person (or on their behalf): letterhead, sections, fullmakt last."""
    if power_of_attorney is not None:
        sections = [*sections, power_of_attorney]
    return Document(
        kind=kind,
        lang=c.lang,
        title=title,
        subject=title,  # PDF metadata: never a case number or anything else about the person
        dated=today,
        sections=tuple(sections),
        letterhead=letterhead(c),
    )
