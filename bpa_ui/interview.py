"""The interview as data: every question of the steps and of the appeal, declared once.

A question is one Draft field (its path is its id), the step that asks it, how it is asked
(``Kind``), its words as message ids (translated where they are shown, in the voice of whoever
fills in: "you", "the person", "your child"), its options, and when it is asked. Everything else
reads these declarations:

- the pages draw their questions from here (``bpa_ui.bind.ask`` / ``ask_step``), each
  conditional question in its own fixed slot;
- "check your answers" lists exactly the questions asked, in the same words (``bpa_ui.answers``);
- a bad field of a saved draft file is named by its question (``bpa_ui.answers.field_label``);
- the review's links go to the step that asks (``bpa_ui.review_panel``).

This module is data: it never imports Streamlit. Words that name a legal number carry a
placeholder (``{age_limit}``, ``{long_lasting_years}``, the names of
``bpa_core.documents.text.law_numbers``) filled from the rule set in force on the day asked about.
docs/changing.md ("Add a question") says how to add one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from bpa_core.deadlines import DeadlineStatus, appeal_deadline, deadline_status
from bpa_core.documents.text import law_numbers_on
from bpa_core.draft import (
    Answer,
    ArbeidslederKind,
    Course,
    DecisionKind,
    Draft,
    Duration,
    FilledInBy,
    NeedLevel,
    Onset,
)
from bpa_core.i18n import N_
from bpa_core.national_id import national_id_problem
from bpa_core.rules import eligibility


class Kind(StrEnum):
    """How a question is asked (``bpa_ui.bind.ask`` draws each kind)."""

    TEXT = "text"  # one line of text
    AREA = "area"  # several lines of text
    CHOICE = "choice"  # radio buttons: one of the options, nothing chosen at first
    YES_NO = "yes_no"  # radio buttons Yes / No for a bool
    DAY = "day"  # a date typed as text (day.month.year), not after the day asked about
    HOURS = "hours"  # hours a week typed as text (37,5 or 37.5)
    TICK = "tick"  # a checkbox, its explanation beside it (never help inside its label)
    WEEK = "week"  # the week's rows: drawn by the week builder (bpa_ui/week.py)
    GROUNDS = "grounds"  # the appeal's grounds: drawn by the appeal page


@dataclass(frozen=True)
class Words:
    """One message id per voice: ``you`` (the person fills in), ``other`` (someone fills in
    for an adult: "the person"), ``parent`` (a parent or guardian for a child: "your child").
    ``other`` and ``parent`` default to ``you`` where the wording does not differ."""

    you: str
    other: str | None = None
    parent: str | None = None

    def pick(self, voice: str) -> str:
        """The msgid for a voice (``bpa_ui.context.Voice``: "self", "other", "parent")."""
        if voice == "other":
            return self.other or self.you
        if voice == "parent":
            return self.parent or self.you
        return self.you

    def msgids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m for m in (self.you, self.other, self.parent) if m))


@dataclass(frozen=True)
class Situation:
    """What decides which questions are asked, and in which words: the answers, the day asked
    about (age, the rule set in force), whom the questions address, and the person's age."""

    draft: Draft
    on: date
    voice: str = "self"  # bpa_ui.context.Voice
    child: bool = False
    age: int | None = None

    @property
    def law(self) -> dict[str, int]:
        """The legal numbers in force on the day asked about (placeholders in the words)."""
        return law_numbers_on(self.on)


Predicate = Callable[[Situation], bool]
# A text's check: (text, the answers) -> a message id (bpa_ui.messages.problem) or None.
TextCheck = Callable[[str, Draft], str | None]


@dataclass(frozen=True)
class Option:
    """One answer of a choice: its value in the Draft, its words, and a caption under it."""

    value: Any
    label: Words
    caption: str = ""


@dataclass(frozen=True)
class Variant:
    """Other words for a question in some situations (the first variant that holds wins)."""

    when: Predicate
    label: Words


@dataclass(frozen=True)
class Question:
    """One question: one Draft field, asked on one step.

    ``summary``: the words in "check your answers" where they are shorter than the question
    (else the question's own words). A saved file's bad field is named by the summary (or
    label) in the "other" voice: a file may not say who fills in. ``asked``: the question is
    asked (and listed in check-answers) only when this holds; on the page it sits in a fixed
    slot. ``offered``: which options, in which order (default: all). ``secret``: check-answers
    shows dots, never the answer.
    """

    path: str
    step: str
    kind: Kind
    label: Words
    summary: Words | None = None
    help: Words | None = None
    options: tuple[Option, ...] = ()
    offered: Callable[[Situation], Sequence[Any]] | None = None
    asked: Predicate | None = None
    variants: tuple[Variant, ...] = ()
    horizontal: bool = False
    caption: Words | None = None  # beside a tick box
    check: TextCheck | None = None
    secret: bool = False

    @property
    def id(self) -> str:
        """A question's id is its Draft path: one question per field."""
        return self.path

    def is_asked(self, s: Situation) -> bool:
        return self.asked is None or self.asked(s)

    def wording(self, s: Situation) -> str:
        """The question's msgid in this situation."""
        for variant in self.variants:
            if variant.when(s):
                return variant.label.pick(s.voice)
        return self.label.pick(s.voice)

    def summary_wording(self, s: Situation) -> str:
        """The msgid check-answers shows."""
        return self.summary.pick(s.voice) if self.summary else self.wording(s)

    def name(self) -> str:
        """The msgid that names the question in a message about a saved file."""
        return (self.summary or self.label).pick("other")

    def options_for(self, s: Situation) -> tuple[Option, ...]:
        if self.offered is None:
            return self.options
        return tuple(self.option(value) for value in self.offered(s))

    def option(self, value: Any) -> Option:
        return next(o for o in self.options if o.value == value)

    def msgids(self) -> tuple[str, ...]:
        """Every msgid of the question (for tests: each is in the catalogs)."""
        words = [self.label, self.summary, self.help, self.caption]
        words += [v.label for v in self.variants] + [o.label for o in self.options]
        found = [m for w in words if w for m in w.msgids()]
        found += [o.caption for o in self.options if o.caption]
        return tuple(dict.fromkeys(found))


def W(you: str, other: str | None = None, parent: str | None = None) -> Words:  # noqa: N802
    return Words(you, other, parent)


# --- shared options and conditions -----------------------------------------------------------

YES_NO = (Option(True, W(N_("Yes"))), Option(False, W(N_("No"))))


def on_behalf(s: Situation) -> bool:
    """Someone writes for the person (relative, guardian, counsellor)."""
    return s.draft.on_behalf


def by_counsellor(s: Situation) -> bool:
    return s.draft.filled_in_by == FilledInBy.COUNSELLOR


def is_child(s: Situation) -> bool:
    return s.child


def is_adult(s: Situation) -> bool:
    return not s.child


# "Granted before the age limit" is asked from this age (or once answered yes): a question for
# those near or past the limit, not for everyone.
ASK_GRANTED_FROM_AGE = 60


def near_age_limit(s: Situation) -> bool:
    return s.draft.person.granted_before_age_limit or (
        s.age is not None and s.age >= ASK_GRANTED_FROM_AGE
    )


def granted_before(s: Situation) -> bool:
    """BPA was granted under the right before the age limit: the earlier decision is asked."""
    return s.draft.person.granted_before_age_limit


def since_asked(s: Situation) -> bool:
    """ "From birth" already says since when."""
    return s.draft.need.onset != Onset.CONGENITAL


# The leader is named only when someone else leads.
LEADER_NAMED = (ArbeidslederKind.CO_LEADER, ArbeidslederKind.GUARDIAN)


def leader_named(s: Situation) -> bool:
    return s.draft.arbeidsleder.kind in LEADER_NAMED


def leaders_offered(s: Situation) -> tuple[ArbeidslederKind, ...]:
    """A child's assistants are led by the parents (or a co-leader): "the child" is not offered."""
    if s.child:
        return (ArbeidslederKind.GUARDIAN, ArbeidslederKind.CO_LEADER, ArbeidslederKind.NOT_DECIDED)
    return tuple(ArbeidslederKind)


def decided(kind: DecisionKind) -> Predicate:
    return lambda s: s.draft.appeal.decision_kind == kind


def appeal_late(s: Situation) -> bool:
    """The deadline has passed (``s.on`` is today): the appeal must say why it comes late."""
    received = s.draft.appeal.decision_received
    if received is None:
        return False
    status = deadline_status(appeal_deadline(received), s.on, s.draft.appeal.decision_date)
    return status in (DeadlineStatus.PASSED, DeadlineStatus.TOO_LATE)


def national_id_check(text: str, draft: Draft) -> str | None:
    """Eleven digits, the control digits, and the date of birth (bpa_core.national_id)."""
    return national_id_problem(text, draft.person.birth_date)


NEED_LEVELS = (
    Option(NeedLevel.NONE, W(N_("No"))),
    Option(NeedLevel.OCCASIONAL, W(N_("Sometimes (occasional)"))),
    Option(NeedLevel.CONTINUOUS, W(N_("All the time (continuous)"))),
)


def need_levels(occasional: str, continuous: str) -> tuple[Option, ...]:
    """The three need levels, with an example under the two that are a need."""
    none, some, always = NEED_LEVELS
    return (
        none,
        Option(some.value, some.label, occasional),
        Option(always.value, always.label, continuous),
    )


# --- the questions, step by step, in the order they are asked ---------------------------------

QUESTIONS: tuple[Question, ...] = (
    # Before you start
    Question(
        "filled_in_by",
        "start",
        Kind.CHOICE,
        W(N_("Who is filling in?")),
        help=W(N_("We use this to ask the questions in the right way.")),
        options=(
            Option(FilledInBy.SELF, W(N_("I am filling in for myself"))),
            Option(
                FilledInBy.RELATIVE,
                W(N_("I am a relative (for example a parent) filling in for someone")),
            ),
            Option(FilledInBy.GUARDIAN, W(N_("I am a guardian (verge) filling in for someone"))),
            Option(FilledInBy.COUNSELLOR, W(N_("I am a counsellor filling in with a client"))),
        ),
    ),
    # The person: first whoever writes on the person's behalf
    Question("writer.name", "person", Kind.TEXT, W(N_("Your name")), asked=on_behalf),
    Question(
        "writer.organisation",
        "person",
        Kind.TEXT,
        W(N_("Your organisation")),
        asked=by_counsellor,
    ),
    Question(
        "writer.relation",
        "person",
        Kind.TEXT,
        W(N_("Your relation to the person, for example mother or son")),
        asked=on_behalf,
        variants=(Variant(by_counsellor, W(N_("Your role, for example adviser"))),),
    ),
    Question("writer.phone", "person", Kind.TEXT, W(N_("Your phone number")), asked=on_behalf),
    Question("writer.email", "person", Kind.TEXT, W(N_("Your e-mail address")), asked=on_behalf),
    Question("person.name", "person", Kind.TEXT, W(N_("Full name"))),
    Question(
        "person.birth_date",
        "person",
        Kind.DAY,
        W(N_("Date of birth (day.month.year)")),
        summary=W(N_("Date of birth")),
        help=W(N_("Age matters: the right to BPA is for people under {age_limit}.")),
    ),
    Question(
        "person.municipality",
        "person",
        Kind.TEXT,
        W(
            N_("Municipality (kommune) where you live"),
            N_("Municipality (kommune) where the person lives"),
            N_("Municipality (kommune) where your child lives"),
        ),
    ),
    Question(
        "person.granted_before_age_limit",
        "person",
        Kind.YES_NO,
        W(
            N_("Were you granted BPA as a right before you turned {age_limit}?"),
            N_("Was the person granted BPA as a right before turning {age_limit}?"),
            N_("Was your child granted BPA as a right before turning {age_limit}?"),
        ),
        summary=W(N_("BPA granted as a right before {age_limit}")),
        help=W(N_("If so, the right goes on after {age_limit}.")),
        options=YES_NO,
        asked=near_age_limit,
        horizontal=True,
    ),
    Question(
        "person.earlier_decision",
        "person",
        Kind.TEXT,
        W(
            N_("Which decision granted you BPA before {age_limit}?"),
            N_("Which decision granted the person BPA before {age_limit}?"),
            N_("Which decision granted your child BPA before {age_limit}?"),
        ),
        summary=W(N_("The decision that granted BPA before {age_limit}")),
        help=W(
            N_(
                "Write the date of the decision and the municipality that made it. Add the case "
                "number if you have it. The application names the decision. Attach a copy."
            )
        ),
        asked=granted_before,
    ),
    Question("person.address", "person", Kind.TEXT, W(N_("Address"))),
    Question("person.phone", "person", Kind.TEXT, W(N_("Phone number"))),
    Question("person.email", "person", Kind.TEXT, W(N_("E-mail address"))),
    Question(
        "person.national_id",
        "person",
        Kind.TEXT,
        W(N_("National identity number (fødselsnummer)")),
        check=national_id_check,
        secret=True,
    ),
    # The need for help
    Question(
        "need.cause",
        "need",
        Kind.CHOICE,
        W(
            N_("Is your need for help caused by illness, injury or disability?"),
            N_("Is the person's need for help caused by illness, injury or disability?"),
            N_("Is your child's need for help caused by illness, injury or disability?"),
        ),
        summary=W(N_("Caused by illness, injury or disability")),
        options=(
            Option(Answer.YES, W(N_("Yes"))),
            Option(Answer.NO, W(N_("No"))),
            Option(Answer.DONT_KNOW, W(N_("I don't know"))),
        ),
        horizontal=True,
    ),
    Question(
        "need.description",
        "need",
        Kind.AREA,
        W(N_("Describe the illness, injury or disability in your own words")),
        help=W(N_("For example the diagnosis, and what is hard to do because of it.")),
    ),
    Question(
        "need.onset",
        "need",
        Kind.CHOICE,
        W(N_("When did it start?")),
        options=(
            Option(Onset.CONGENITAL, W(N_("From birth"))),
            Option(Onset.ACQUIRED, W(N_("Came later in life"))),
        ),
        horizontal=True,
    ),
    Question(
        "need.since",
        "need",
        Kind.TEXT,
        W(N_("Since when? For example a year")),
        asked=since_asked,
    ),
    Question(
        "need.duration",
        "need",
        Kind.CHOICE,
        W(N_("How long will the need for help last?")),
        help=W(
            N_("The right to BPA is for a need that lasts more than {long_lasting_years} years.")
        ),
        options=(
            Option(Duration.OVER_2_YEARS, W(N_("More than {long_lasting_years} years"))),
            Option(Duration.TWO_YEARS_OR_LESS, W(N_("{long_lasting_years} years or less"))),
            Option(Duration.DONT_KNOW, W(N_("I don't know yet"))),
        ),
    ),
    Question(
        "need.course",
        "need",
        Kind.CHOICE,
        W(N_("How does the need change?")),
        options=(
            Option(Course.STABLE, W(N_("Mostly the same"))),
            Option(Course.PROGRESSIVE, W(N_("Getting worse over time"))),
            Option(Course.VARYING, W(N_("Varies a lot"))),
        ),
    ),
    Question(
        "need.staying_healthy",
        "need",
        Kind.AREA,
        W(
            N_("What must you do or avoid to stay as well as possible?"),
            N_("What must the person do or avoid to stay as well as possible?"),
            N_("What must your child do or avoid to stay as well as possible?"),
        ),
        help=W(
            N_(
                "For example rest after activity, keep warm, do exercises every day, or have "
                "someone near in case of a seizure."
            )
        ),
    ),
    # The week: the rows come from the week builder
    Question("rows", "week", Kind.WEEK, W(N_("The week"))),
    Question(
        "variations",
        "week",
        Kind.AREA,
        W(
            N_(
                "Does the need vary? For example bad days, long mornings, or needs a few times "
                "a year"
            )
        ),
        summary=W(N_("Good days and bad days")),
    ),
    # Night and two helpers
    Question(
        "night_need",
        "night",
        Kind.CHOICE,
        W(
            N_("Do you need help at night?"),
            N_("Does the person need help at night?"),
            N_("Does your child need help at night?"),
        ),
        summary=W(N_("Help at night")),
        options=need_levels(
            N_("For example a few times a week, or on bad nights."),
            N_("Someone must be there or ready every night."),
        ),
    ),
    Question(
        "two_helper_need",
        "night",
        Kind.CHOICE,
        W(
            N_("Do you need two helpers at the same time?"),
            N_("Does the person need two helpers at the same time?"),
            N_("Does your child need two helpers at the same time?"),
        ),
        summary=W(N_("Two helpers at the same time")),
        options=need_levels(
            N_("For example only when moving to the bath."),
            N_("Two helpers are needed for most of the help."),
        ),
    ),
    # What works without help
    Question(
        "manages_alone",
        "alone",
        Kind.AREA,
        W(
            N_("What do you manage on your own?"),
            N_("What does the person manage on their own?"),
            N_("What does your child manage on their own?"),
        ),
        help=W(N_("For example eating when the food is ready, using the phone, paying bills.")),
    ),
    Question(
        "needs_help_with",
        "alone",
        Kind.AREA,
        W(
            N_("What do you need help with, in your own words?"),
            N_("What does the person need help with, in your own words?"),
            N_("What does your child need help with, in your own words?"),
        ),
    ),
    # Family and network
    Question(
        "life.living_situation",
        "family",
        Kind.AREA,
        W(
            N_("Do you live alone, or with whom?"),
            N_("Does the person live alone, or with whom?"),
            N_("Who does your child live with?"),
        ),
        summary=W(N_("Lives with")),
    ),
    Question(
        "life.civil_status",
        "family",
        Kind.TEXT,
        W(N_("Civil status, for example married or single")),
        asked=is_adult,
    ),
    Question(
        "life.children",
        "family",
        Kind.AREA,
        W(N_("Children, and their ages")),
        asked=is_adult,
    ),
    Question(
        "life.education",
        "family",
        Kind.AREA,
        W(N_("Education")),
        variants=(Variant(is_child, W(N_("Kindergarten or school"))),),
    ),
    Question(
        "life.work",
        "family",
        Kind.AREA,
        W(
            N_("Work now, or work you plan"),
            N_("Work now, or work the person plans"),
            N_("Work now, or work your child plans"),
        ),
        asked=is_adult,
    ),
    Question(
        "life.family_changes",
        "family",
        Kind.AREA,
        W(
            N_(
                "Changes in the family or network, for example relatives who help today and "
                "get tired"
            )
        ),
        summary=W(N_("Changes in the family or network")),
    ),
    # Goals and today's services
    Question(
        "goals.goals",
        "goals",
        Kind.AREA,
        W(
            N_("What do you want BPA to make possible?"),
            N_("What should BPA make possible for the person?"),
            N_("What should BPA make possible for your child and your family?"),
        ),
        summary=W(N_("Goals with BPA")),
        help=W(N_("For example work, studies, friends, training, or being a parent.")),
    ),
    Question(
        "goals.not_done_today",
        "goals",
        Kind.AREA,
        W(
            N_("What is not done today, for lack of help?"),
            N_("What is not done today, because the person lacks help?"),
            N_("What is not done today, because your child lacks help?"),
        ),
    ),
    Question(
        "goals.why_today_not_enough",
        "goals",
        Kind.AREA,
        W(N_("Why is the help of today not flexible enough?")),
    ),
    Question(
        "goals.current_services",
        "goals",
        Kind.AREA,
        W(N_("Which services are given today? For example home help, 2 hours a week")),
        summary=W(N_("Services today")),
    ),
    Question(
        "goals.services_bpa_replaces",
        "goals",
        Kind.AREA,
        W(N_("Which of these services could BPA replace?")),
    ),
    # Who leads the assistants
    Question(
        "arbeidsleder.kind",
        "arbeidsleder",
        Kind.CHOICE,
        W(
            N_("Who will lead your assistants?"),
            N_("Who will lead the person's assistants?"),
            N_("Who will lead your child's assistants?"),
        ),
        summary=W(N_("Who leads the assistants")),
        options=(
            Option(
                ArbeidslederKind.SELF,
                W(N_("Myself"), N_("The person themself"), N_("The child themself")),
            ),
            Option(
                ArbeidslederKind.CO_LEADER, W(N_("Someone else, as co-leader (medarbeidsleder)"))
            ),
            Option(ArbeidslederKind.GUARDIAN, W(N_("A parent or guardian"))),
            Option(ArbeidslederKind.NOT_DECIDED, W(N_("Not decided yet"))),
        ),
        offered=leaders_offered,
    ),
    Question(
        "arbeidsleder.name",
        "arbeidsleder",
        Kind.TEXT,
        W(N_("Name of the leader")),
        asked=leader_named,
    ),
    # The appeal (not numbered): the decision ...
    Question(
        "appeal.decision_received",
        "appeal",
        Kind.DAY,
        W(N_("The day you received the decision")),
        help=W(N_("The deadline counts from this day.")),
    ),
    Question(
        "appeal.decision_date",
        "appeal",
        Kind.DAY,
        W(N_("The date of the decision")),
        help=W(N_("The date written on the decision letter (vedtaket).")),
    ),
    Question("appeal.case_number", "appeal", Kind.TEXT, W(N_("Case number"))),
    Question(
        "appeal.decided_by",
        "appeal",
        Kind.TEXT,
        W(N_("Who made the decision")),
        help=W(N_("For example the office (tildelingskontoret) or the name of the case officer.")),
    ),
    Question(
        "appeal.decision_kind",
        "appeal",
        Kind.CHOICE,
        W(N_("What did the municipality decide?")),
        options=(
            Option(DecisionKind.REFUSED, W(N_("BPA was refused"))),
            Option(DecisionKind.FEWER_HOURS, W(N_("BPA, but fewer hours than the need"))),
            Option(DecisionKind.OTHER_SERVICE, W(N_("Another service instead of BPA"))),
            Option(DecisionKind.CO_PAYMENT, W(N_("A co-payment (egenandel)"))),
        ),
    ),
    Question(
        "appeal.hours_applied",
        "appeal",
        Kind.HOURS,
        W(N_("Hours a week applied for")),
        asked=decided(DecisionKind.FEWER_HOURS),
    ),
    Question(
        "appeal.hours_granted",
        "appeal",
        Kind.HOURS,
        W(N_("Hours a week granted")),
        asked=decided(DecisionKind.FEWER_HOURS),
    ),
    Question(
        "appeal.service_offered",
        "appeal",
        Kind.AREA,
        W(N_("What was offered instead of BPA?")),
        help=W(N_("For example home care (hjemmetjenester) at fixed times, or a day centre.")),
        asked=decided(DecisionKind.OTHER_SERVICE),
    ),
    Question(
        "appeal.reasons_given",
        "appeal",
        Kind.CHOICE,
        W(
            N_(
                "Does the decision explain how the hours or the refusal build on the mapping "
                "of the need?"
            )
        ),
        options=(
            Option(Answer.YES, W(N_("Yes"))),
            Option(Answer.NO, W(N_("No"))),
            Option(Answer.DONT_KNOW, W(N_("I am not sure"))),
        ),
    ),
    # ... and what the person wants to say
    Question(
        "appeal.what_is_wrong",
        "appeal",
        Kind.AREA,
        W(N_("What is wrong in the decision, and why?")),
        help=W(N_("In your own words. You can also tick ready-made grounds below.")),
    ),
    Question(
        "appeal.own_words",
        "appeal",
        Kind.TICK,
        W(N_("These are the person's own words: the letter quotes them as theirs")),
        caption=W(
            N_(
                "Tick this when you write down what the person told you. The letter then says "
                "that these are the person's words, not yours."
            )
        ),
        asked=on_behalf,
    ),
    Question(
        "appeal.change_wanted",
        "appeal",
        Kind.AREA,
        W(N_("What do you want the municipality to change?")),
        help=W(
            N_(
                "If you leave this empty, the letter asks for BPA for the hours applied for, or "
                "for the whole need."
            )
        ),
    ),
    Question(
        "appeal.new_information",
        "appeal",
        Kind.AREA,
        W(N_("New information since the decision (optional)")),
    ),
    Question(
        "appeal.doctor_statement",
        "appeal",
        Kind.TICK,
        W(N_("A statement from the doctor (legeerklæring) goes with the appeal")),
        caption=W(
            N_(
                "The doctor can say what help is needed and why. It often helps. The letter "
                "then lists it as an attachment."
            )
        ),
    ),
    Question(
        "appeal.access_request",
        "appeal",
        Kind.TICK,
        W(N_("I also ask to see the documents in the case (the request is below)")),
        caption=W(
            N_(
                "Tick this when you send the request to see the documents, found further down. "
                "The appeal then says so, and that you may send more."
            )
        ),
    ),
    Question(
        "appeal.attachments",
        "appeal",
        Kind.AREA,
        W(N_("Other attachments, one on each line (optional)")),
        help=W(N_("For example a statement from an occupational therapist or a physiotherapist.")),
    ),
    Question(
        "appeal.late_reason",
        "appeal",
        Kind.AREA,
        W(N_("Why does the appeal come late?")),
        help=W(N_("For example illness, a stay in hospital, or that you did not get the letter.")),
        asked=appeal_late,
    ),
    Question("appeal.grounds", "appeal", Kind.GROUNDS, W(N_("Grounds that may fit"))),
)

# The questions the appeal asks about who the letter is from: the same questions as the start
# and person steps (their words, checks and conditions), in the letterhead's order.
SENDER: tuple[str, ...] = (
    "filled_in_by",
    "writer.name",
    "writer.organisation",
    "writer.relation",
    "writer.phone",
    "writer.email",
    "person.name",
    "person.address",
    "person.phone",
    "person.email",
    "person.national_id",
    "person.municipality",
)


def find(path: str) -> Question | None:
    """The question that asks for a Draft field, or None."""
    return next((q for q in QUESTIONS if q.path == path), None)


def question(path: str) -> Question:
    found = find(path)
    if found is None:
        raise KeyError(path)
    return found


def of_step(step_id: str) -> tuple[Question, ...]:
    """The questions of one step, in the order they are asked."""
    return tuple(q for q in QUESTIONS if q.step == step_id)


def step_of(path: str) -> str:
    """The step that asks for a Draft field."""
    return question(path).step


def asking(path: str) -> Question | None:
    """The question behind a Draft field path or one of its parts (``appeal.grounds.2``)."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        found = find(".".join(parts[:end]))
        if found is not None:
            return found
    return None


def voice_of(draft: Draft, child: bool) -> str:
    """Whom the questions address (``bpa_ui.context.Voice``): "self" when the person fills in,
    "parent" for a relative or guardian of a child, else "other"."""
    if draft.filled_in_by in (None, FilledInBy.SELF):
        return "self"
    if child and draft.filled_in_by in (FilledInBy.RELATIVE, FilledInBy.GUARDIAN):
        return "parent"
    return "other"


def situation_on(draft: Draft, on: date) -> Situation:
    """The situation of ``draft`` on the day ``on``, the person's age and childhood as the core
    counts them."""
    child = eligibility.is_child(draft, on)
    return Situation(draft, on, voice_of(draft, child), child, eligibility.age_of(draft, on))


def only_asked(draft: Draft, on: date) -> Draft:
    """A copy of ``draft`` without answers to questions it would not be asked (a draft file
    may hold them: a hidden answer is kept, but it is not an answer the steps gave)."""
    out = draft.model_copy(deep=True)
    s = situation_on(out, on)
    for q in QUESTIONS:
        if q.step != "appeal" and not q.is_asked(s):
            *parents, last = q.path.split(".")
            parent: Any = out
            for part in parents:
                parent = getattr(parent, part)
            default = type(parent).model_fields[last].get_default(call_default_factory=True)
            setattr(parent, last, default)
    return out
