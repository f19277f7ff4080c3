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


@pytest.mark.parametrize("lang", LANGS)
def test_unclear_never_says_the_need_is_short(lang: str) -> None:
    draft = persona("jonas")
    short = {"nb": "ikke klart", "nn": "ikkje klart", "en": "not yet clear"}[lang]
    assert short not in application(draft, lang).plain_text()


@pytest.mark.parametrize(
    ("lang", "ask"),
    [
        ("nb", "Jeg ber også om at de enkle helseoppgavene blir en del av BPA-ordningen"),
        ("nn", "Eg ber òg om at dei enkle helseoppgåvene blir ein del av BPA-ordninga"),
        ("en", "I also ask that the simple health tasks are part of the BPA scheme"),
    ],
)
def test_health_tasks_are_asked_into_the_scheme(lang: str, ask: str) -> None:
    assert ask in application(persona("kari"), lang).section("applied_for").plain_text()
    no_health = persona("kari")
    no_health.rows = [r for r in no_health.rows if r.category != Category.HEALTH]
    assert ask not in application(no_health, lang).plain_text()


@pytest.mark.parametrize(
    ("lang", "ask"),
    [
        ("nb", "ber om at hjelpen om natta (1 time i uka) blir en del av BPA-timene."),
        ("nn", "ber om at hjelpa om natta (1 time i veka) blir ein del av BPA-timane."),
        ("en", "asks that the help at night (1 hour a week) is part of the BPA hours."),
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
    ("lang", "sentence"),
    [
        ("nb", "Jeg fyller 67 år 20. mai 2027. Jeg ber om at søknaden blir avgjort før den datoen"),
        ("nn", "Eg fyller 67 år 20. mai 2027. Eg ber om at søknaden blir avgjord før den datoen"),
        ("en", "I turn 67 on 20 May 2027. I ask that the application is decided before that date"),
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
            "I turn 67 on 22 August 2027. I ask that the application is decided before that date",
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
