"""Appeal (klage): the deadline, the grounds that fit, the letter and a request for access.

Works inside the app's navigation and alone (``AppTest.from_file("pages/appeal.py")``). Every
answer is written to the one Draft in the session; user text is shown only as text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from bpa_core.appeal import Ground, assessment_date_for, offered_grounds
from bpa_core.appeal.words import full_date, long_date
from bpa_core.deadlines import (
    REASON_NAMES,
    Deadline,
    DeadlineStatus,
    appeal_deadline,
    deadline_status,
    late_appeal_limit,
)
from bpa_core.documents.appeal import access_request, appeal_letter
from bpa_core.documents.model import (
    Document,
)
from bpa_core.draft import (
    MAX_TEXT,
    Answer,
    DecisionKind,
    Draft,
    FilledInBy,
)
from bpa_core.i18n import N_, gettext_for
from bpa_core.languages import codes
from bpa_core.render.names import pdf_file_name
from bpa_core.rules import SOURCES, Assessment, Outcome, assess
from bpa_ui import bind
from bpa_ui.context import assessment_date
from bpa_ui.document_view import document_language, document_language_name, show_document
from bpa_ui.downloads import link, offer_document
from bpa_ui.frame import begin
from bpa_ui.i18n import _, current_language, ngettext
from bpa_ui.messages import field_problem
from bpa_ui.state import get_draft

K = "appeal_"  # widget keys on this page
SHORT = 500  # ShortText in the Draft
# The decision's days typed as text (bind.day), by Draft field: their labels.
REFUSABLE_DAYS = {
    "decision_received": N_("The day you received the decision"),
    "decision_date": N_("The date of the decision"),
}


def day_label(name: str) -> str:
    """The label of one of the decision's days (``REFUSABLE_DAYS``)."""
    return _(REFUSABLE_DAYS[name])


def init(key: str, value: Any) -> None:
    """Give a widget the Draft's value the first time it is drawn (the Draft is the truth)."""
    if key not in st.session_state and value is not None:
        st.session_state[key] = value


def text_field(
    label: str, key: str, current: str, *, long: bool = False, limit: int | None = None, **kw: Any
) -> str:
    """A text box bound to a Draft field, limited like the field (Streamlit enforces
    ``max_chars`` on the server too), so the Draft never refuses what the box holds."""
    init(K + key, current)
    limit = limit or (MAX_TEXT if long else SHORT)
    widget = st.text_area if long else st.text_input
    return str(widget(label, key=K + key, max_chars=limit, **kw) or "")


def choice(label: str, key: str, current: Any, options: list[Any], labels: dict[Any, str]) -> Any:
    init(K + key, current)
    return st.radio(label, options, index=None, key=K + key, format_func=labels.__getitem__)


def decision_inputs(draft: Draft, today: date) -> None:
    ap = draft.appeal
    st.header(_("The decision"))
    # bind's fields: a refused date or number stays in the field (also after leaving the page)
    # with the shared message naming the field; the Draft keeps its last good value.
    bind.day(
        "appeal.decision_received",
        day_label("decision_received"),
        max_value=today,
        help=_("The deadline counts from this day."),
    )
    decided_label = day_label("decision_date")
    bind.day(
        "appeal.decision_date",
        decided_label,
        max_value=today,
        help=_("The date written on the decision letter (vedtaket)."),
    )
    with st.container():  # one slot whether or not the error is shown (see bpa_ui.frame)
        if ap.decision_date and ap.decision_received and ap.decision_date > ap.decision_received:
            st.error(
                field_problem(decided_label, "decided_after_received"), icon=":material/error:"
            )
    ap.case_number = text_field(_("Case number"), "case_number", ap.case_number)
    ap.decided_by = text_field(
        _("Who made the decision"),
        "decided_by",
        ap.decided_by,
        help=_("For example the office (tildelingskontoret) or the name of the case officer."),
    )
    kinds = {
        DecisionKind.REFUSED: _("BPA was refused"),
        DecisionKind.FEWER_HOURS: _("BPA, but fewer hours than the need"),
        DecisionKind.OTHER_SERVICE: _("Another service instead of BPA"),
        DecisionKind.CO_PAYMENT: _("A co-payment (egenandel)"),
    }
    ap.decision_kind = choice(
        _("What did the municipality decide?"), "kind", ap.decision_kind, list(kinds), kinds
    )
    # Fixed slots: the fields below keep their place whichever kind is chosen.
    with st.container():
        if ap.decision_kind == DecisionKind.FEWER_HOURS:
            bind.hours("appeal.hours_applied", _("Hours a week applied for"))
            bind.hours("appeal.hours_granted", _("Hours a week granted"))
    with st.container():
        if ap.decision_kind == DecisionKind.OTHER_SERVICE:
            ap.service_offered = text_field(
                _("What was offered instead of BPA?"),
                "service_offered",
                ap.service_offered,
                long=True,
                help=_("For example home care (hjemmetjenester) at fixed times, or a day centre."),
            )
    answers = {
        Answer.YES: _("Yes"),
        Answer.NO: _("No"),
        Answer.DONT_KNOW: _("I am not sure"),
    }
    ap.reasons_given = choice(
        _(
            "Does the decision explain how the hours or the refusal build on the mapping of "
            "the need?"
        ),
        "reasons",
        ap.reasons_given,
        list(answers),
        answers,
    )


# --- the deadline ---------------------------------------------------------------------------


def refused_days() -> list[str]:
    """The decision's days whose field holds a refused text (a day after today, no date)."""
    return [name for name in REFUSABLE_DAYS if bind.errors().get(f"appeal.{name}")]


def as_shown(draft: Draft) -> Draft:
    """The answers as the deadline and the letters use them: while a day's field is refused,
    that day is left out, never the last good day the field no longer shows."""
    refused = refused_days()
    if not refused:
        return draft
    shown = draft.model_copy(deep=True)
    for name in refused:
        setattr(shown.appeal, name, None)
    return shown


def show_deadline(draft: Draft, today: date) -> DeadlineStatus | None:
    st.header(_("Your deadline"))
    lang = current_language()
    check = _(
        "Check the deadline in your decision letter. That deadline is the one that counts for you."
    )
    received = draft.appeal.decision_received
    if received is None:
        if "decision_received" in refused_days():
            st.write(
                _(
                    "The day you received the decision is not a date we can use. Correct it "
                    "above to see your deadline."
                )
            )
        else:
            st.write(_("Fill in the day you received the decision to see your deadline."))
        st.info(check, icon=":material/info:")
        return None
    deadline = appeal_deadline(received)
    st.subheader(
        _("Your deadline is {date}.").format(date=full_date(deadline.deadline, lang)),
        anchor=False,
    )
    st.write(_("The deadline is four weeks after the day you received the decision (pbrl. § 7-5)."))
    if deadline.moved_from is not None and deadline.reason is not None:
        reason = gettext_for(lang, "documents")(REASON_NAMES[deadline.reason])
        st.write(
            _(
                "Four weeks after that day is {date}. That day is {reason}, so the deadline moves "
                "to the next working day."
            ).format(date=full_date(deadline.moved_from, lang), reason=reason)
        )
    status = deadline_status(deadline, today, draft.appeal.decision_date)
    show_status(deadline, status, today, draft.appeal.decision_date)
    st.info(check, icon=":material/info:")
    return status


def show_status(
    deadline: Deadline, status: DeadlineStatus, today: date, decided: date | None
) -> None:
    lang = current_language()
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
        limit = (
            _("For your decision, that is {date}.").format(
                date=long_date(late_appeal_limit(decided), lang)
            )
            if decided
            else ""
        )
        st.write(
            (
                _("A late appeal is never considered more than one year after the decision.")
                + " "
                + limit
            ).strip()
        )
    else:
        st.error(
            _(
                "More than one year has passed since the decision. The appeal cannot be "
                "considered now. You can apply again, or ask the municipality to look at the "
                "decision again on its own."
            ),
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


# --- who writes, and the letter's language -------------------------------------------------


def sender_inputs(draft: Draft) -> None:
    st.header(_("Who the letter is from"))
    who = {
        FilledInBy.SELF: _("I write for myself"),
        FilledInBy.RELATIVE: _("I am a relative writing for the person"),
        FilledInBy.GUARDIAN: _("I am the guardian (verge)"),
        FilledInBy.COUNSELLOR: _("I am a counsellor writing with the person"),
    }
    draft.filled_in_by = choice(
        _("Who is writing?"), "filled_in_by", draft.filled_in_by, list(who), who
    )
    p = draft.person
    p.name = text_field(_("Name of the person the decision is about"), "name", p.name)
    p.address = text_field(_("Address"), "address", p.address, long=True, limit=SHORT, height=80)
    p.phone = text_field(_("Phone"), "phone", p.phone)
    p.national_id = text_field(
        _("National identity number (optional)"),
        "national_id",
        p.national_id,
        help=_("Only if you want it in the letter. The appeal is valid without it."),
    )
    p.municipality = text_field(_("Municipality"), "municipality", p.municipality)
    if draft.on_behalf:
        w = draft.writer
        w.name = text_field(_("Your name"), "writer_name", w.name)
        w.relation = text_field(
            _("Your role"),
            "writer_relation",
            w.relation,
            help=_("For example mother, son, guardian, or counsellor at an organisation."),
        )
    languages = {code: document_language_name(code) for code in codes()}
    # Until the user picks one, the letters follow the interface language (nothing stored).
    if draft.chosen_document_language is None:
        st.session_state[K + "doc_lang"] = document_language(draft)

    def chosen() -> None:
        draft.document_language = st.session_state.get(K + "doc_lang")

    st.radio(
        _("Language of the letters"),
        list(languages),
        key=K + "doc_lang",
        format_func=languages.__getitem__,
        horizontal=True,
        on_change=chosen,
    )


# --- the person's own words ----------------------------------------------------------------


def words_inputs(draft: Draft, status: DeadlineStatus | None) -> None:
    ap = draft.appeal
    st.header(_("What you want to say"))
    ap.what_is_wrong = text_field(
        _("What is wrong in the decision, and why?"),
        "what_is_wrong",
        ap.what_is_wrong,
        long=True,
        help=_("In your own words. You can also tick ready-made grounds below."),
    )
    with st.container():  # one slot whether or not someone writes on the person's behalf
        if draft.on_behalf:
            init(K + "own_words", ap.own_words)
            ap.own_words = st.checkbox(
                _("These are the person's own words: the letter quotes them as theirs"),
                key=K + "own_words",
            )
            st.caption(
                _(
                    "Tick this when you write down what the person told you. The letter then "
                    "says that these are the person's words, not yours."
                )
            )
    ap.change_wanted = text_field(
        _("What do you want the municipality to change?"),
        "change_wanted",
        ap.change_wanted,
        long=True,
        help=_(
            "If you leave this empty, the letter asks for BPA for the hours applied for, or for "
            "the whole need."
        ),
    )
    ap.new_information = text_field(
        _("New information since the decision (optional)"),
        "new_information",
        ap.new_information,
        long=True,
    )
    init(K + "doctor_statement", ap.doctor_statement)
    # The explanation as text, not as help inside the box's label (a click on it ticked it).
    ap.doctor_statement = st.checkbox(
        _("A statement from the doctor (legeerklæring) goes with the appeal"),
        key=K + "doctor_statement",
    )
    st.caption(
        _(
            "The doctor can say what help is needed and why. It often helps. The letter then "
            "lists it as an attachment."
        )
    )
    init(K + "access_request", ap.access_request)
    ap.access_request = st.checkbox(
        _("I also ask to see the documents in the case (the request is below)"),
        key=K + "access_request",
    )
    st.caption(
        _(
            "Tick this when you send the request to see the documents, found further down. The "
            "appeal then says so, and that you may send more."
        )
    )
    ap.attachments = text_field(
        _("Other attachments, one on each line (optional)"),
        "attachments",
        ap.attachments,
        long=True,
        help=_("For example a statement from an occupational therapist or a physiotherapist."),
    )
    if status in (DeadlineStatus.PASSED, DeadlineStatus.TOO_LATE):
        ap.late_reason = text_field(
            _("Why does the appeal come late?"),
            "late_reason",
            ap.late_reason,
            long=True,
            help=_("For example illness, a stay in hospital, or that you did not get the letter."),
        )


# --- grounds --------------------------------------------------------------------------------


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


def ground_inputs(draft: Draft, assessment: Assessment, lang: str) -> None:
    ap = draft.appeal
    st.header(_("Grounds that may fit"))
    if ap.decision_kind is None:
        st.write(_("Choose what the municipality decided to see the grounds that may fit."))
        return
    if assessment.outcome == Outcome.UNCLEAR:
        st.info(
            _(
                "Some grounds build on the estimate of your right: your age, the cause and how "
                "long the need lasts, and the hours in your week plan. Answer those questions "
                "to see them."
            ),
            icon=":material/info:",
        )
    grounds = offered_grounds(draft, assessment, lang)
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
        init(K + "ground_" + gid, gid in ap.grounds)
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


# --- preview and download -------------------------------------------------------------------


def downloads(letter: Document, access: Document) -> None:
    """Links served to this session only (bpa_ui/downloads.py); each file is made when it is
    fetched (the PDF by a worker process), never while the page is drawn."""
    st.header(_("Download"))
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
            offer_document(key, document, file_name, as_text=as_text, step="appeal")
            link(key, text_label if as_text else pdf_label, key=key)


def main() -> None:
    draft = get_draft()
    today = assessment_date()
    begin("appeal")
    st.write(
        _(
            "Did you get a decision you do not agree with? You can appeal (klage). Here you "
            "find your deadline and grounds that may fit. You also get a letter, and a request "
            "to see the papers in your case."
        )
    )
    st.info(
        _(
            "The municipality must help you write the appeal if you ask. The patient and user "
            "ombudsman (pasient- og brukerombudet) can also help, free of charge."
        ),
        icon=":material/support_agent:",
    )
    decision_inputs(draft, today)
    status = show_deadline(as_shown(draft), today)
    sender_inputs(draft)
    words_inputs(draft, status)
    # The right as on the day of the decision (else the day it came, else today).
    assessment = assess(draft, on=assessment_date_for(as_shown(draft).appeal, today))
    lang = document_language(draft)
    ground_inputs(draft, assessment, lang)
    shown = as_shown(draft)
    letter = appeal_letter(shown, today, lang=lang, assessment=assessment)
    access = access_request(shown, today, lang=lang)
    st.header(_("Preview"))
    with st.container():  # one slot whether or not a day is left out
        refused = refused_days()
        if refused:
            st.warning(
                _("The letters leave out {fields} until the field is corrected above.").format(
                    fields=", ".join(f"“{_(REFUSABLE_DAYS[name])}”" for name in refused)
                ),
                icon=":material/warning:",
            )
    st.write(
        _(
            "Send the appeal to the municipality. If the municipality keeps its decision, it "
            "sends the appeal on to Statsforvalteren."
        )
    )
    tab_letter, tab_access = st.tabs([_("The appeal"), _("Request to see the documents")])
    with tab_letter:
        show_document(letter, letter=True)
    with tab_access:
        show_document(access, letter=True)
    downloads(letter, access)


main()
