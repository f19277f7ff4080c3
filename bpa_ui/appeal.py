"""The appeal page's parts that are not its layout.

The page (``pages/appeal.py``) asks the questions declared in ``bpa_ui.interview`` (step
"appeal", and who the letter is from through ``interview.SENDER``) with ``bpa_ui.bind``, like
every other step. Here: which answers the deadline and the letters use while a day is refused
(``as_shown``), the deadline and what it means today, the grounds that fit (checkboxes with an
editable text each: drawn here, as the week builder draws the week's rows), the letters and their
downloads. Appeal periods are never written out: the texts name them by placeholder
(``{appeal_weeks}``, ``{late_appeal_limit_years}``), filled from ``bpa_core.deadlines.AppealRules``
in force (``appeal_numbers``).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from bpa_core.appeal import Ground, assessment_date_for, offered_grounds
from bpa_core.deadlines import (
    REASON_NAMES,
    Deadline,
    DeadlineStatus,
    appeal_deadline,
    appeal_numbers,
    appeal_rules_for,
    deadline_status,
    late_appeal_limit,
)
from bpa_core.documents.appeal import access_request, appeal_letter
from bpa_core.documents.model import Document
from bpa_core.documents.text import full_date, long_date
from bpa_core.draft import MAX_TEXT, Draft
from bpa_core.i18n import gettext_for
from bpa_core.render.names import pdf_file_name
from bpa_core.rules import SOURCES, Assessment, Outcome, assess
from bpa_ui import bind, interview
from bpa_ui.downloads import link, offer_document
from bpa_ui.i18n import _, current_language, ngettext
from bpa_ui.interview import Question, Situation
from bpa_ui.messages import field_problem

STEP = "appeal"
K = "appeal_"  # keys of the grounds' widgets and the download links
# The decision's days typed as text: while one is refused, the deadline and letters leave it out.
REFUSABLE_DAYS = ("appeal.decision_received", "appeal.decision_date")


def questions(first: str, last: str) -> tuple[Question, ...]:
    """The appeal's declared questions from ``first`` through ``last`` (Draft paths), in the
    declared order: the page draws them in groups, with its headings between."""
    declared = interview.of_step(STEP)
    paths = [q.path for q in declared]
    return declared[paths.index(first) : paths.index(last) + 1]


# --- the answers as the deadline and the letters use them --------------------------------------


def refused_days() -> list[str]:
    """The decision's days whose field holds a refused text (a day after today, no date)."""
    return [path for path in REFUSABLE_DAYS if bind.errors().get(path)]


def as_shown(draft: Draft) -> Draft:
    """The answers as the deadline and the letters use them: while a day's field is refused,
    that day is left out, never the last good day the field no longer shows."""
    refused = refused_days()
    if not refused:
        return draft
    shown = draft.model_copy(deep=True)
    for path in refused:
        setattr(shown.appeal, path.removeprefix("appeal."), None)
    return shown


def situation(draft: Draft) -> Situation:
    """Whom the questions address and which are asked, from the answers as shown (a refused
    day of receipt does not make the appeal late)."""
    return bind.situation(as_shown(draft))


def label(path: str, s: Situation) -> str:
    """A question's words on this page (as ``bind.ask`` draws them)."""
    return bind.say(interview.question(path).wording(s), s)


def show_date_order(draft: Draft, s: Situation) -> None:
    """Under the decision's date: it cannot be after the day the decision came."""
    ap = draft.appeal
    with st.container():  # one slot whether or not the error is shown (docs/ui.md)
        if ap.decision_date and ap.decision_received and ap.decision_date > ap.decision_received:
            st.error(
                field_problem(label("appeal.decision_date", s), "decided_after_received"),
                icon=":material/error:",
            )
            bind.count_error_shown()


# --- the deadline --------------------------------------------------------------------------


def show_deadline(draft: Draft, today: date) -> None:
    """The deadline, and what the person can do today. ``draft`` as shown (``as_shown``)."""
    lang = current_language()
    check = _(
        "Check the deadline in your decision letter. That deadline is the one that counts for you."
    )
    received = draft.appeal.decision_received
    if received is None:
        if "appeal.decision_received" in refused_days():
            st.write(
                _(
                    "The day you received the decision is not a date we can use. Correct it "
                    "above to see your deadline."
                )
            )
        else:
            st.write(_("Fill in the day you received the decision to see your deadline."))
        st.info(check, icon=":material/info:")
        return
    deadline = appeal_deadline(received)
    numbers = appeal_numbers(appeal_rules_for(received))
    weeks = numbers["appeal_weeks"]
    st.subheader(
        _("Your deadline is {date}.").format(date=full_date(deadline.deadline, lang)),
        anchor=False,
    )
    st.write(
        ngettext(
            "The deadline is {appeal_weeks} week after the day you received the decision "
            "(pbrl. § 7-5).",
            "The deadline is {appeal_weeks} weeks after the day you received the decision "
            "(pbrl. § 7-5).",
            weeks,
        ).format(**numbers)
    )
    if deadline.moved_from is not None and deadline.reason is not None:
        reason = gettext_for(lang, "documents")(REASON_NAMES[deadline.reason])
        st.write(
            ngettext(
                "The deadline would be {date}, {appeal_weeks} week after you received the "
                "decision. That day is {reason}, so the deadline moves to the next working day.",
                "The deadline would be {date}, {appeal_weeks} weeks after you received the "
                "decision. That day is {reason}, so the deadline moves to the next working day.",
                weeks,
            ).format(date=full_date(deadline.moved_from, lang), reason=reason, **numbers)
        )
    status = deadline_status(deadline, today, draft.appeal.decision_date)
    show_status(deadline, status, today, draft.appeal.decision_date)
    st.info(check, icon=":material/info:")


def show_status(
    deadline: Deadline, status: DeadlineStatus, today: date, decided: date | None
) -> None:
    lang = current_language()
    # The late limit counts from the decision (else the day it came, as deadline_status does).
    numbers = appeal_numbers(appeal_rules_for(decided or deadline.received))
    years = numbers["late_appeal_limit_years"]
    if status == DeadlineStatus.OPEN:
        days = deadline.days_left(today)
        st.success(
            ngettext("{n} day left.", "{n} days left.", days).format(n=days),
            icon=":material/event:",
        )
    elif status == DeadlineStatus.LAST_DAY:
        st.warning(_("Today is the last day. Send the appeal today."), icon=":material/warning:")
    elif status == DeadlineStatus.PASSED:
        st.error(_("The deadline has passed."), icon=":material/error:")
        st.write(
            _(
                "You can still send the appeal. Write why it comes late. The municipality can "
                "still consider it when there are special reasons (forvaltningsloven § 31)."
            )
        )
        never = ngettext(
            "A late appeal is never considered more than {late_appeal_limit_years} year after "
            "the decision.",
            "A late appeal is never considered more than {late_appeal_limit_years} years after "
            "the decision.",
            years,
        ).format(**numbers)
        limit = (
            _("For your decision, that is {date}.").format(
                date=long_date(late_appeal_limit(decided), lang)
            )
            if decided
            else ""
        )
        st.write(f"{never} {limit}".strip())
    else:
        st.error(
            ngettext(
                "More than {late_appeal_limit_years} year has passed since the decision. The "
                "appeal cannot be considered now. You can apply again, or ask the municipality "
                "to look at the decision again on its own.",
                "More than {late_appeal_limit_years} years have passed since the decision. The "
                "appeal cannot be considered now. You can apply again, or ask the municipality "
                "to look at the decision again on its own.",
                years,
            ).format(**numbers),
            icon=":material/error:",
        )
    if status in (DeadlineStatus.OPEN, DeadlineStatus.LAST_DAY):
        st.write(
            _(
                "The appeal is in time if you send or post it no later than the last day. "
                "Need more time? Ask the municipality for a longer deadline before it runs out. "
                "If you ask for the reasons for the decision, the deadline waits until you get "
                "them."
            )
        )


# --- grounds --------------------------------------------------------------------------------


def assessment(draft: Draft, today: date) -> Assessment:
    """The right as on the day of the decision (else the day it came, else today)."""
    return assess(draft, on=assessment_date_for(as_shown(draft).appeal, today))


def reset_ground(draft: Draft, ground: Ground) -> None:
    """Callback: back to the suggested text (runs before the widgets are drawn again)."""
    draft.appeal.ground_edits = {
        k: v for k, v in draft.appeal.ground_edits.items() if k != ground.id.value
    }
    st.session_state[K + "ground_text_" + ground.id.value] = ground.explanation
    st.session_state[K + "ground_base_" + ground.id.value] = ground.explanation


def ground_text_state(ground: Ground, edited: str | None) -> None:
    """Put the ground's text in its box: the user's own text, else the suggested text.

    The suggested text changes with the letters' language and with the hours. A box the user
    has not rewritten follows it; a rewritten one is never touched.
    """
    key, base = K + "ground_text_" + ground.id.value, K + "ground_base_" + ground.id.value
    if key not in st.session_state:
        st.session_state[key] = edited or ground.explanation
    elif st.session_state.get(base) != ground.explanation and not edited:
        st.session_state[key] = ground.explanation
    st.session_state[base] = ground.explanation


def ground_inputs(draft: Draft, assessed: Assessment, lang: str) -> None:
    """The grounds that fit the answers (``Appeal.grounds``, ``Appeal.ground_edits``): a tick
    and an editable text in the letters' language each."""
    ap = draft.appeal
    if ap.decision_kind is None:
        st.write(_("Choose what the municipality decided to see the grounds that may fit."))
        return
    if assessed.outcome == Outcome.UNCLEAR:
        st.info(
            _(
                "Some grounds build on the estimate of your right: your age, the cause and how "
                "long the need lasts, and the hours in your week plan. Answer those questions "
                "to see them."
            ),
            icon=":material/info:",
        )
    grounds = offered_grounds(draft, assessed, lang)
    if not grounds:
        st.write(
            _("No ready-made grounds fit your answers. Write what is wrong in your own words.")
        )
        return
    st.write(
        _(
            "Tick the grounds you want in the letter. You can change the text. The text is in "
            "the language of the letters."
        )
    )
    offered = {g.id.value for g in grounds}
    # Ticks of grounds not offered now are kept: they come back if the answers change back.
    chosen = [g for g in ap.grounds if g not in offered]
    edits = dict(ap.ground_edits)
    for ground in grounds:
        gid = ground.id.value
        if K + "ground_" + gid not in st.session_state:
            st.session_state[K + "ground_" + gid] = gid in ap.grounds
        if st.checkbox(ground.title, key=K + "ground_" + gid):
            chosen.append(gid)
        cited = ", ".join(SOURCES[source].short for source in ground.sources)
        st.caption(_("Source: {sources}").format(sources=cited))
        ground_text_state(ground, edits.get(gid))
        text = st.text_area(
            _("Text in the letter: {ground}").format(ground=ground.title),
            key=K + "ground_text_" + gid,
            max_chars=MAX_TEXT,
            height=150,
        )
        if text.strip() and text.strip() != ground.explanation.strip():
            edits[gid] = text
        else:
            edits.pop(gid, None)
        st.button(
            _("Use the suggested text"),
            key=K + "ground_reset_" + gid,
            on_click=reset_ground,
            args=(draft, ground),
        )
    ap.grounds = chosen
    ap.ground_edits = edits


# --- the letters ----------------------------------------------------------------------------


def letters(
    draft: Draft, today: date, lang: str, assessed: Assessment
) -> tuple[Document, Document]:
    """The appeal and the request to see the documents, from the answers as shown."""
    shown = as_shown(draft)
    return (
        appeal_letter(shown, today, lang=lang, assessment=assessed),
        access_request(shown, today, lang=lang),
    )


def show_left_out(s: Situation) -> None:
    """Above the preview: which refused day the letters leave out."""
    with st.container():  # one slot whether or not a day is left out
        refused = refused_days()
        if refused:
            st.warning(
                _("The letters leave out {fields} until the field is corrected above.").format(
                    fields=", ".join(f"“{label(path, s)}”" for path in refused)
                ),
                icon=":material/warning:",
            )


def downloads(letter: Document, access: Document) -> None:
    """Links served to this session only (bpa_ui/downloads.py); each file is made when it is
    fetched (the PDF by a worker process), never while the page is drawn."""
    files = (
        (letter, "letter", _("Download the appeal as PDF"), _("Download the appeal as text")),
        (access, "access", _("Download the request to see the documents as PDF"),
         _("Download the request to see the documents as text")),
    )  # fmt: skip
    for as_text in (False, True):
        for document, name, pdf_label, text_label in files:
            file_name = pdf_file_name(document)
            if as_text:
                file_name = file_name.removesuffix(".pdf") + ".txt"
            key = f"{K}{'txt' if as_text else 'pdf'}_{name}"
            offer_document(key, document, file_name, as_text=as_text, step=STEP)
            link(key, text_label if as_text else pdf_label, key=key)
