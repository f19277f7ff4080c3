"""Writing for the applicant (bpa-rules.md § 3.1): the strategy per estimate, decided once in the
core, and what each document then says, per outcome and per language. Also the letter toolkit's
legal numbers (from the rule set in force) and its plurals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from bpa_core.documents.application import build_application
from bpa_core.documents.checklist import build_checklist
from bpa_core.documents.model import Checklist, Document, Fields
from bpa_core.documents.strategy import Basis, strategy_for
from bpa_core.documents.text import Writer, plural_count
from bpa_core.draft import (
    ActivityRow,
    Answer,
    Category,
    DayPart,
    Draft,
    Duration,
    NeedLevel,
    Per,
)
from bpa_core.rules import ExclusionReason, Outcome, assess
from bpa_core.rules import ruleset as ruleset_module
from tests.docs_support import ASSESSED_ON, PERSONAS, lix_module, persona, plain_document

LANGS = ("nb", "nn", "en")


def application(draft: Draft, lang: str = "nb", on: date = ASSESSED_ON) -> Document:
    return plain_document(build_application(draft, assess(draft, on=on), lang, dated=on))


def checklist(draft: Draft, lang: str = "nb") -> Document:
    doc = build_checklist(draft, assess(draft, on=ASSESSED_ON), lang, dated=ASSESSED_ON)
    return plain_document(doc)


# --- the strategy, per outcome ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "outcome", "basis", "counted", "ask_right"),
    [
        ("kari", Outcome.RIGHT, Basis.RIGHT, True, False),
        ("emil", Outcome.RIGHT, Basis.RIGHT, True, False),
        ("ragnhild", Outcome.RIGHT, Basis.CONTINUATION, True, False),
        ("aanga", Outcome.RIGHT_UNLESS_COST, Basis.RIGHT, False, False),
        ("sofie", Outcome.NO_RIGHT_CAN_APPLY, Basis.MUNICIPAL, False, True),
        ("jonas", Outcome.UNCLEAR, Basis.MUNICIPAL, False, True),  # 17,5 h counted
    ],
)
def test_strategy_per_persona(
    name: str, outcome: Outcome, basis: Basis, counted: bool, ask_right: bool
) -> None:
    draft = persona(name)
    a = assess(draft, on=ASSESSED_ON)
    assert a.outcome == outcome
    s = strategy_for(draft, a)
    assert (s.basis, s.state_counted_hours, s.ask_right_assessed) == (basis, counted, ask_right)


def test_unclear_with_enough_hours_applies_under_the_right() -> None:
    draft = persona("kari")
    draft.need.duration = Duration.DONT_KNOW
    a = assess(draft, on=ASSESSED_ON)
    assert a.outcome == Outcome.UNCLEAR
    assert strategy_for(draft, a).basis == Basis.RIGHT


def test_the_right_is_not_asked_for_when_it_is_ruled_out_whatever_the_hours() -> None:
    for change in ("age", "duration", "cause"):
        draft = persona("sofie")
        if change == "age":
            draft.person.birth_date = date(1950, 1, 1)
        elif change == "duration":
            draft.need.duration = Duration.TWO_YEARS_OR_LESS
        else:
            draft.need.cause = Answer.NO
        s = strategy_for(draft, assess(draft, on=ASSESSED_ON))
        assert s.basis == Basis.MUNICIPAL and not s.ask_right_assessed, change
        text = application(draft).plain_text()
        assert "vurderer retten" not in text, change


# --- what the documents say, per outcome and language --------------------------------------------

_MUNICIPAL_FIRST = {
    "nb": "Jeg søker om brukerstyrt personlig assistanse (BPA) etter hol. § 3-8.",
    "nn": "Eg søkjer om brukarstyrt personleg assistanse (BPA) etter hol. § 3-8.",
    "en": "I am applying for user-controlled personal assistance (BPA) under the Health and "
    "Care Services Act (hol.) § 3-8.",
}
_RIGHT_FIRST = {
    "nb": "Jeg søker om brukerstyrt personlig assistanse (BPA) etter pbrl. § 2-1 d.",
    "nn": "Eg søkjer om brukarstyrt personleg assistanse (BPA) etter pbrl. § 2-1 d.",
    "en": "I am applying for user-controlled personal assistance (BPA) under the Patient and "
    "User Rights Act (pbrl.) § 2-1 d.",
}
_NEVER = {
    "nb": ("søker etter retten", "teller ikke", "holdes utenfor", "ikke med for retten"),
    "nn": ("søkjer etter retten", "tel ikkje", "haldne utanfor", "ikkje med for retten"),
    "en": ("apply under the right", "does not count", "held outside", "left out"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_no_right_leads_with_hol_3_8(lang: str) -> None:
    doc = application(persona("sofie"), lang)
    first = doc.section("applied_for").blocks[0]
    assert first.text.startswith(_MUNICIPAL_FIRST[lang])  # type: ignore[union-attr]
    assert _RIGHT_FIRST[lang] not in doc.plain_text()
    assert "§ 2-1 d" in doc.section("applied_for").plain_text()  # assessed if 25 hours


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_leads_when_the_estimate_gives_it(lang: str) -> None:
    for name in ("kari", "aanga"):
        first = application(persona(name), lang).section("applied_for").blocks[0]
        text = first.text  # type: ignore[union-attr]
        if name == "kari":
            assert text == _RIGHT_FIRST[lang]
        else:
            assert "§ 2-1 d" in text and "§ 3-8" not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PERSONAS)
def test_no_sentence_argues_against_the_applicant(name: str, lang: str) -> None:
    text = application(persona(name), lang).plain_text()
    for phrase in _NEVER[lang]:
        assert phrase not in text, (name, lang, phrase)


# What an unclear estimate must never write against the person: the hours that count toward the
# right (under the threshold for Jonas), and the municipality's discretion in place of the
# purpose of BPA ("Kommunen må vurdere om BPA er en god måte ... veier tungt", printed before).
_UNCLEAR_AGAINST = {
    "nb": ("teller med for retten", "Kommunen må vurdere om BPA", "veier tungt"),
    "nn": ("tel med for retten", "Kommunen må vurdere om BPA", "veg tungt"),
    "en": ("count toward the right", "must weigh whether BPA", "weigh heavily"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_unclear_never_argues_against_the_person(lang: str) -> None:
    draft = persona("jonas")
    assert assess(draft, on=ASSESSED_ON).outcome == Outcome.UNCLEAR
    text = application(draft, lang).plain_text()
    for phrase in _UNCLEAR_AGAINST[lang]:
        assert phrase not in text, (lang, phrase)
    # still unclear when only the duration is open: the duration is never written as short
    draft.need.duration = Duration.DONT_KNOW
    text = application(draft, lang).plain_text()
    for short in ("2 år eller", "to år eller", "or less", "kortere", "shorter"):
        assert short not in text, (lang, short)


@pytest.mark.parametrize(
    ("lang", "applied", "ask"),
    [
        (
            "nb",
            "Jeg søker om 36,2 timer i uka. Av dem er 1,7 timer til de enkle helseoppgavene.",
            "Jeg ber om at de enkle helseoppgavene blir en del av BPA-ordningen",
        ),
        (
            "nn",
            "Eg søkjer om 36,2 timar i veka. Av dei er 1,7 timar til dei enkle helseoppgåvene.",
            "Eg ber om at dei enkle helseoppgåvene blir ein del av BPA-ordninga",
        ),
        (
            "en",
            "I am applying for 36.2 hours a week, including 1.7 hours for the simple health tasks.",
            "I ask that the simple health tasks be part of the BPA scheme",
        ),
    ],
)
def test_health_tasks_are_asked_into_the_scheme_and_their_hours_applied_for(
    lang: str, applied: str, ask: str
) -> None:
    """The ask and the hours agree: the hours applied for hold the health tasks (Kari: 34,5
    counted + 1,7), never the counted hours alone beside an ask for more."""
    text = application(persona("kari"), lang).section("applied_for").plain_text()
    assert applied in text and ask in text
    no_health = persona("kari")
    no_health.rows = [r for r in no_health.rows if r.category != Category.HEALTH]
    assert ask not in application(no_health, lang).plain_text()
    typed = persona("kari")  # hours typed by the user: the ask still goes with them
    typed.application.hours_per_week = Decimal("40")
    assert ask in application(typed, lang).section("applied_for").plain_text()


@pytest.mark.parametrize(
    ("lang", "applied", "besides"),
    [
        (
            "nb",
            "Jeg søker om 22,7 timer i uka. Av dem er 3,5 timer til de enkle helseoppgavene.",
            "Hjelp på jobb eller skole: 12 timer. Denne hjelpen kommer ofte fra andre ordninger.",
        ),
        (
            "nn",
            "Eg søkjer om 22,7 timar i veka. Av dei er 3,5 timar til dei enkle helseoppgåvene.",
            "Hjelp på jobb eller skule: 12 timar.",
        ),
        (
            "en",
            "I am applying for 22.7 hours a week, including 3.5 hours for the simple health tasks.",
            "Help at work or school: 12 hours. This help usually comes through other schemes.",
        ),
    ],
)
def test_under_hol_3_8_the_whole_need_is_applied_for(lang: str, applied: str, besides: str) -> None:
    """Sofie (no right): the counting rules of the right never cut what she applies for. Only
    the help at university (another scheme) is left out, and the application says what it is."""
    text = application(persona("sofie"), lang).section("applied_for").plain_text()
    assert applied in text
    assert besides in text
    assert "19,2" not in text and "19.2" not in text


@pytest.mark.parametrize(
    ("lang", "ask"),
    [
        ("nb", "ber om at hjelpen om natta (1 time i uka) blir en del av BPA-timene."),
        ("nn", "ber om at hjelpa om natta (1 time i veka) blir ein del av BPA-timane."),
        ("en", "asks that the help at night (1 hour a week) be part of the BPA hours."),
    ],
)
def test_occasional_night_hours_are_asked_for(lang: str, ask: str) -> None:
    draft = persona("aanga")
    assert strategy_for(draft, assess(draft, on=ASSESSED_ON)).occasional == (
        ExclusionReason.OCCASIONAL_NIGHT,
        ExclusionReason.OCCASIONAL_TWO_HELPERS,
    )
    assert ask in application(draft, lang).section("night_two_helpers").plain_text()


@pytest.mark.parametrize(
    ("lang", "ask", "included"),
    [
        (
            "nb",
            "Áŋŋá Máret Gaup ber om at hjelpen med to hjelpere (1 time i uka) blir en del av "
            "BPA-timene.",
            "I timene er også hjelpen om natta og hjelpen med to hjelpere, som trengs av og til.",
        ),
        (
            "nn",
            "Áŋŋá Máret Gaup ber om at hjelpa med to hjelparar (1 time i veka) blir ein del av "
            "BPA-timane.",
            "I timane er òg hjelpa om natta og hjelpa med to hjelparar, som trengst av og til.",
        ),
        (
            "en",
            "Áŋŋá Máret Gaup asks that the help with two helpers (1 hour a week) be part of the "
            "BPA hours.",
            "The hours also cover the help at night and the help with two helpers, which are "
            "needed now and then.",
        ),
    ],
)
def test_occasional_two_helper_hours_are_asked_for_and_in_the_hours(
    lang: str, ask: str, included: str
) -> None:
    doc = application(persona("aanga"), lang)
    assert ask in doc.section("night_two_helpers").plain_text()
    applied = doc.section("applied_for").plain_text()
    assert included in applied
    for calque in ("Timene tar med", "Timane tek med", "The hours include"):
        assert calque not in applied


_CONTINUATION = {
    "nb": (
        "Jeg fikk BPA etter retten i pbrl. § 2-1 d før jeg fylte 67 år. Jeg søker om at BPA "
        "fortsetter. Retten gjelder videre etter 67 år. Det tidligere vedtaket om BPA: ____",
        "Jeg ber om at BPA fortsetter uten opphold.",
        "Kopi av vedtaket som ga meg BPA før jeg fylte 67 år",
        "starter",
    ),
    "nn": (
        "Eg fekk BPA etter retten i pbrl. § 2-1 d før eg fylte 67 år. Eg søkjer om at BPA held "
        "fram. Retten gjeld vidare etter 67 år. Det tidlegare vedtaket om BPA: ____",
        "Eg ber om at BPA held fram utan opphald.",
        "Kopi av vedtaket som gav meg BPA før eg fylte 67 år",
        "startar",
    ),
    "en": (
        "I was granted BPA under the right in the Patient and User Rights Act (pbrl.) § 2-1 d "
        "before I turned 67. I am applying for BPA to continue. The right continues after 67. "
        "The earlier decision on BPA: ____",
        "I ask that BPA continue without a break.",
        "Copy of the decision that granted me BPA before I turned 67",
        "to start",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_continuation_past_67_goes_on_without_a_break(lang: str) -> None:
    """Ragnhild (69, BPA under the right before 67): a continuation that names the earlier
    decision (a line to fill in when it is not given), attaches it, and never asks BPA to
    "start"."""
    basis, no_break, attachment, start = _CONTINUATION[lang]
    doc = application(persona("ragnhild"), lang)
    applied = doc.section("applied_for").plain_text()
    assert basis in applied
    assert no_break in applied
    assert start not in applied
    assert attachment in doc.section("attachments").plain_text()
    draft = persona("ragnhild")
    draft.person.earlier_decision = "12.03.2019, sak 19/1234"
    named = application(draft, lang).section("applied_for").plain_text()
    assert "12.03.2019, sak 19/1234" in named and "____" not in named


_DAY_RHYTHM = {
    "nb": ("Gjennom døgnet", "Om morgenen", "Om kvelden", "Om natta", "(morgen)", "(natt)"),
    "nn": ("Gjennom døgnet", "Om morgonen", "Om kvelden", "Om natta", "(morgon)", "(natt)"),
    "en": (
        "Through the day and night",
        "In the morning",
        "In the evening",
        "At night",
        "(morning)",
        "(night)",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_day_rhythm_in_every_language(lang: str) -> None:
    heading, morning, evening, night, row_morning, row_night = _DAY_RHYTHM[lang]
    draft = persona("kari")
    draft.rows[0].day_parts = [DayPart.MORNING]
    draft.rows[1].day_parts = [DayPart.EVENING]
    draft.rows.append(
        ActivityRow(
            category=Category.PERSONAL_CARE, activity="Snu", minutes=10, times=1, per=Per.DAY
        )
    )
    draft.rows[-1].night = True
    week = application(draft, lang).section("week")
    assert heading in week.plain_text()
    fields = next(b for b in week.blocks if isinstance(b, Fields))
    assert fields.items == (
        (morning, "Morgenstell og påkledning"),
        (evening, "Kveldsstell"),
        (night, "Snu"),
    )
    assert f"Morgenstell og påkledning {row_morning}" in week.plain_text()
    assert f"Snu {row_night}" in week.plain_text()


_START = {
    "nb": ("Emil Hansen ønsker at BPA starter så snart som mulig.", "Ønsket er"),
    "nn": ("Emil Hansen ønskjer at BPA startar så snart som mogleg.", "Ønsket er"),
    "en": ("Emil Hansen would like BPA to start as soon as possible.", "The wish is"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_third_person_start_names_who_wishes_it(lang: str) -> None:
    wish, calque = _START[lang]
    text = application(persona("emil"), lang).section("applied_for").plain_text()
    assert wish in text and calque not in text


_PASTED_ROWS = ("Med hjelp kan", "With help", "være med på dette", "vere med på dette")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PERSONAS)
def test_why_bpa_never_pastes_the_row_names_in_a_sentence(name: str, lang: str) -> None:
    """ "Med hjelp kan jeg være med på dette: Styreverv og kulturliv, Besøke ..." read as filler
    (row names with capitals after a colon); the review asks for the goals instead."""
    why = application(persona(name), lang).section("why_bpa").plain_text()
    for phrase in _PASTED_ROWS:
        assert phrase not in why, (name, lang, phrase)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("nb", "Jeg fyller 67 år 20. mai 2027. Jeg ber om at søknaden blir avgjort før den datoen"),
        ("nn", "Eg fyller 67 år 20. mai 2027. Eg ber om at søknaden blir avgjord før den datoen"),
        ("en", "I turn 67 on 20 May 2027. I ask that the application be decided before that date"),
    ],
)
def test_turning_67_soon_asks_for_a_decision_before(lang: str, sentence: str) -> None:
    draft = persona("kari")
    draft.person.birth_date = date(1960, 5, 20)
    assert sentence in application(draft, lang).section("applied_for").plain_text()
    assert "67" not in application(persona("kari"), lang).section("applied_for").plain_text()


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "nb",
            "Jeg fyller 67 år 22. august 2027. Jeg ber om at søknaden blir avgjort før den datoen",
        ),
        (
            "nn",
            "Eg fyller 67 år 22. august 2027. Eg ber om at søknaden blir avgjord før den datoen",
        ),
        (
            "en",
            "I turn 67 on 22 August 2027. I ask that the application be decided before that date",
        ),
    ],
)
def test_66_years_3_months_asks_for_a_decision_before(lang: str, sentence: str) -> None:
    """Nine months before the 67th birthday: past the old six-month window, within twelve
    (bpa-rules.md, "Age"). Exactly twelve months before asks too; one day more does not."""
    draft = persona("kari")
    draft.person.birth_date = date(1960, 8, 22)  # 66 years 3 months on ASSESSED_ON
    assert sentence in application(draft, lang).section("applied_for").plain_text()
    draft.person.birth_date = date(1960, 11, 22)  # 67 on 22 November 2027: twelve months
    assert "67" in application(draft, lang).section("applied_for").plain_text()
    draft.person.birth_date = date(1960, 11, 23)  # twelve months and a day
    assert "67" not in application(draft, lang).section("applied_for").plain_text()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PERSONAS)
def test_address_and_phone_lines_for_the_home_visit(name: str, lang: str) -> None:
    fields = application(persona(name), lang).section("personal").blocks[0]
    assert isinstance(fields, Fields)
    labels = dict(fields.items)
    address, phone = {"nb": ("Adresse", "Telefon"), "nn": ("Adresse", "Telefon")}.get(
        lang, ("Address", "Phone")
    )
    assert labels[address] and labels[phone]  # what was given, else a line to write on


def test_the_guardianship_word_is_vergeattest_everywhere() -> None:
    draft = persona("jonas")
    draft.filled_in_by = "guardian"  # type: ignore[assignment]
    text = application(draft).plain_text()
    assert "Vergeattesten ligger ved." in text and "Vergeattest" in text
    assert "vergefullmakt" not in text.lower()


def test_day_rhythm_over_the_day_and_night() -> None:
    draft = persona("kari")
    draft.rows[0].day_parts = [DayPart.MORNING]
    draft.rows[1].day_parts = [DayPart.EVENING]
    draft.rows.append(
        ActivityRow(
            category=Category.PERSONAL_CARE, activity="Snu", minutes=10, times=1, per=Per.DAY
        )
    )
    draft.rows[-1].night = True
    week = application(draft).section("week")
    fields = next(b for b in week.blocks if isinstance(b, Fields))
    assert fields.items == (
        ("Om morgenen", "Morgenstell og påkledning"),
        ("Om kvelden", "Kveldsstell"),
        ("Om natta", "Snu"),
    )
    assert "Morgenstell og påkledning (morgen)" in week.plain_text()
    assert "Snu (natt)" in week.plain_text()


def test_help_is_described_by_the_persons_own_activities() -> None:
    text = application(persona("kari")).section("manages").plain_text()
    assert "• Personlig stell: Morgenstell og påkledning, Kveldsstell." in text
    ragnhild = application(persona("ragnhild")).section("manages").plain_text()
    assert "• Måltider\n" in ragnhild + "\n"  # the activity is the category's name: said once


# --- the doctor's checklist ------------------------------------------------------------------


def test_checklist_asks_about_variation_supervision_and_time() -> None:
    doc = checklist(persona("kari"))
    items = "\n".join(
        next(b for b in doc.section("points").blocks if isinstance(b, Checklist)).items
    )
    assert "Hvordan tilstanden varierer: gode og dårlige dager" in items
    assert "Behov for tilsyn" in items
    assert "Hvor lang tid daglige gjøremål tar" in items
    assert "Smerter og tretthet." in items and "nedsatt" not in items.lower()
    assert doc.letterhead == ("Kari Nordmann", "Fødselsdato: 14. mars 1992")
    send = doc.section("send").plain_text()
    assert "send den rett til tildelingskontoret i Bærum kommune" in send
    assert "Send den innen: ____" in send


@pytest.mark.parametrize(("name", "named"), [("emil", True), ("aanga", False), ("sofie", False)])
def test_checklist_says_which_hours_count(name: str, named: bool) -> None:
    week = checklist(persona(name)).section("week").plain_text()
    assert "Helseoppgaver og hjelp på skole eller jobb gjør det ikke." in week
    assert ("Av summen teller" in week) == named


# --- the toolkit: legal numbers from the rule set, real plurals ----------------------------------


def test_a_new_dated_threshold_changes_the_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change of law is a new dated rule set: the documents follow it from its date."""
    old = ruleset_module.RULESETS[0]
    new = replace(old, valid_from=date(2027, 1, 1), right_minutes=30 * 60, age_limit=70)
    monkeypatch.setattr(ruleset_module, "RULESETS", (old, new))
    draft = persona("kari")
    before = application(draft).section("applied_for").plain_text()
    assert "Et behov på 32 timer i uka eller mer gir rett til BPA" in before
    after = application(draft, on=date(2027, 2, 1)).section("applied_for").plain_text()
    assert "Et behov på 30 timer i uka eller mer gir rett til BPA" in after
    ragnhild = application(persona("ragnhild"), "nb", on=date(2027, 2, 1)).plain_text()
    assert "før jeg fylte 70 år" in ragnhild


def test_plural_forms_follow_the_real_count() -> None:
    assert plural_count(Decimal("1"), "nb_NO") == 1
    assert plural_count(Decimal("2"), "nb_NO") == 2
    # a fraction is CLDR "other": a whole number of that category, never the dual's 2
    assert plural_count(Decimal("1.5"), "se_NO") not in (1, 2)
    assert plural_count(Decimal("0.5"), "fr_FR") in (0, 1)  # French: 0,5 is singular
    w = Writer.for_draft(persona("kari"), "nb", on=ASSESSED_ON)
    nbsp = "\u00a0"  # a number stays on one line with its unit
    assert w.typed_hours(Decimal("1")) == f"1{nbsp}time"
    assert w.typed_hours(Decimal("1.5")) == f"1,5{nbsp}timer"
    en = Writer.for_draft(persona("kari"), "en", on=ASSESSED_ON)
    assert en.typed_hours(Decimal("0.5")) == f"0.5{nbsp}hours"


@pytest.mark.parametrize("name", PERSONAS)
def test_every_outcome_stays_plain_language(name: str) -> None:
    for doc in (application(persona(name)), checklist(persona(name))):
        score, *_ = lix_module().lix(doc.plain_text())
        assert score <= 40, (name, doc.kind, score)


def test_night_need_none_with_a_continuous_two_helper_need() -> None:
    draft = persona("kari")
    draft.night_need = NeedLevel.NONE
    draft.two_helper_need = NeedLevel.CONTINUOUS
    section = application(draft).section("night_two_helpers")
    assert section.title == "To hjelpere"
    assert section.plain_text() == "Noen oppgaver krever alltid to hjelpere (kontinuerlig)."


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("nb", "Hvorfor hjelpen i dag ikke er fleksibel nok"),
        ("nn", "Kvifor hjelpa i dag ikkje er fleksibel nok"),
        ("en", "Why the help today is not flexible enough"),
    ],
)
def test_the_heading_on_todays_help_is_a_question_not_a_conclusion(lang: str, heading: str) -> None:
    draft = persona("kari")
    draft.goals.why_today_not_enough = (
        "Hjemmetjenesten kommer til faste tider, ikke når jeg trenger det."
    )
    why = application(draft, lang).section("why_bpa")
    assert any(getattr(b, "text", None) == heading for b in why.blocks)
