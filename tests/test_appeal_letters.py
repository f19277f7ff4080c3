"""The appeal grounds, the appeal letter and the request for access, in three situations.

1. Refused with counted hours in the 25–32 band (Áŋŋá, a counsellor writes for her).
2. Fewer hours than the need, with occasional night help (Kari writes herself).
3. Another service offered instead of BPA (Emil, a child; his mother writes).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpa_core.appeal import (
    GroundId,
    assessment_date_for,
    chosen_grounds,
    ground_text,
    offered_grounds,
)
from bpa_core.deadlines import appeal_deadline
from bpa_core.documents.appeal import access_request, appeal_letter, clean
from bpa_core.documents.application import build_application
from bpa_core.documents.model import BulletList, Document, Heading, Paragraph, Table
from bpa_core.draft import (
    ActivityRow,
    Answer,
    Category,
    DecisionKind,
    Draft,
    FilledInBy,
    NeedLevel,
    Per,
    load_draft,
)
from bpa_core.render import pdf
from bpa_core.rules import assess
from tests.support import load_lix

TODAY = date(2026, 11, 22)
PERSONAS = Path(__file__).parent / "personas"


def lix(text: str) -> float:
    """LIX as ../shared/tools/lix.py measures it: the project's one readability measure."""
    score: float = load_lix().lix(text)[0]
    return score


def persona(name: str) -> Draft:
    return load_draft((PERSONAS / f"{name}.json").read_bytes())


def with_decision(draft: Draft, kind: DecisionKind) -> Draft:
    draft.appeal.decision_received = date(2026, 11, 10)
    draft.appeal.decision_date = date(2026, 11, 6)
    draft.appeal.case_number = "26/1234"
    draft.appeal.decided_by = "Tildelingskontoret"
    draft.appeal.decision_kind = kind
    return draft


def tick_all(draft: Draft) -> None:
    draft.appeal.grounds = [g.id.value for g in offered_grounds(draft, assess(draft, on=TODAY))]


def ids(draft: Draft) -> list[str]:
    return [g.id.value for g in offered_grounds(draft, assess(draft, on=TODAY))]


def section_ids(doc: Document) -> list[str]:
    return [s.id for s in doc.sections]


def plain(text: str) -> str:
    """Non-breaking spaces (they keep "§ 2-1 d" and "20 timer" on one line) as spaces."""
    return text.replace("\xa0", " ")


def texts(doc: Document, section_id: str) -> list[str]:
    out: list[str] = []
    for block in doc.section(section_id).blocks:
        if isinstance(block, Paragraph | Heading):
            out.append(plain(block.text))
        elif isinstance(block, BulletList):
            out.extend(plain(x) for x in block.items)
    return out


# --- situation 1: refused, 25-32 hours, occasional night and two helpers ---------------------


@pytest.fixture
def aanga_refused() -> Draft:
    draft = with_decision(persona("aanga"), DecisionKind.REFUSED)
    draft.appeal.reasons_given = Answer.NO
    draft.appeal.what_is_wrong = "Kommunen har ikke snakket med meg.\n\nDe har ikke sett huset."
    return draft


def test_band_refusal_offers_the_cost_ground_and_the_occasional_grounds(
    aanga_refused: Draft,
) -> None:
    assert ids(aanga_refused) == [
        "cost_not_documented",
        "bpa_in_the_alternative",  # hol. § 3-8 in the alternative for a 25-32 refusal
        "occasional_night",
        "occasional_two_helpers",
        "missing_reasons",
    ]
    grounds = offered_grounds(aanga_refused, assess(aanga_refused, on=TODAY), "nb")
    cost = plain(grounds[0].explanation)
    # 25 h 10 min: said as "25 hours or more", never as the count that shows how near the line
    assert "Ukeplanen viser et behov på 25 timer i uka eller mer som teller med for retten." in cost
    assert "25,1" not in cost
    assert "med mindre kommunen viser at BPA vil koste vesentlig mer enn andre tjenester" in cost
    assert "Det er kommunen som må vise dette." in cost
    alternative = plain(grounds[1].explanation)
    assert "likevel vurdere om BPA er en god måte å gi hjelpen på (hol. § 3-8)" in alternative
    night = plain(grounds[2].explanation)
    assert "ingen grunn til å avslå BPA" in night
    assert "jeg ber om at den blir gitt innenfor BPA-timene." in night
    assert "Timene om natta er omtrent 1 time i uka." in night
    assert plain(grounds[2].title) == (
        "Hjelp om natta av og til er ingen grunn til å avslå eller kutte BPA"
    )
    assert "pbrl_2_1_d" in grounds[0].sources


def test_band_refusal_letter(aanga_refused: Draft) -> None:
    tick_all(aanga_refused)
    doc = appeal_letter(aanga_refused, TODAY, lang="nb")
    assert doc.kind == "appeal"
    assert doc.lang == "nb"
    assert doc.title == "Klage på vedtak om BPA"
    assert doc.subject == "Klage på vedtak om BPA"  # PDF metadata: no case number
    assert doc.dated == TODAY
    assert section_ids(doc) == [
        "decision",
        "grounds",
        "change",
        "attachments",
        "signature",
        "week_plan",
        "power_of_attorney",
    ]
    assert doc.letterhead[0] == "Áŋŋá Máret Gaup"
    assert "Skrevet av: Rådgiver, Brukerorganisasjon" in doc.letterhead
    assert "Til: Tildelingskontoret, Guovdageaidnu / Kautokeino kommune" in doc.letterhead
    assert not any("Dato" in line for line in doc.letterhead)  # the renderer prints doc.dated
    assert not any("Fødselsnummer" in line for line in doc.letterhead)
    decision = texts(doc, "decision")
    assert decision[0] == (
        "Jeg klager på vegne av Áŋŋá Máret Gaup på vedtaket om brukerstyrt personlig "
        "assistanse (BPA)."
    )
    assert "Vedtaket er datert 6. november 2026." in decision[1]
    assert "Saksnummeret er 26/1234." in decision[1]
    assert "Vedtaket er fattet av Tildelingskontoret." in decision[1]
    assert "Áŋŋá Máret Gaup fikk vedtaket 10. november 2026." in decision[1]
    assert "Vedtaket gir avslag på BPA." in decision[1]
    assert "sendt videre til Statsforvalteren (pbrl. § 7-2)" in decision[2]
    grounds = texts(doc, "grounds")
    # the person's own words first, paragraph by paragraph, then each ground under its title
    assert grounds[:2] == ["Kommunen har ikke snakket med meg.", "De har ikke sett huset."]
    assert grounds[2] == "Kommunen har ikke vist at BPA koster vesentlig mer"
    assert "Vedtaket mangler begrunnelse" in grounds
    assert any("forvaltningsloven §§ 24 og 25" in t for t in grounds)
    assert texts(doc, "change") == [
        "Jeg ber om at vedtaket blir endret, slik at Áŋŋá Máret Gaup får BPA for hele behovet."
    ]
    assert texts(doc, "attachments") == [
        "Kopi av vedtaket",
        "Ukeplan (nederst i brevet)",
        "Fullmakt (nederst i brevet)",
    ]
    assert texts(doc, "signature") == [
        "Med vennlig hilsen",
        "_" * 32,
        "Rådgiver",  # name and relation the same: once
        "på vegne av Áŋŋá Máret Gaup",
    ]
    poa = texts(doc, "power_of_attorney")
    assert poa[0] == (
        "Jeg, Áŋŋá Máret Gaup, gir Rådgiver fullmakt til å klage på vedtaket og se "
        "dokumentene i saken min."
    )


def test_national_id_only_when_filled_in(aanga_refused: Draft) -> None:
    aanga_refused.person.national_id = "01018112345"
    doc = appeal_letter(aanga_refused, TODAY, lang="nb")
    assert "Fødselsnummer: 01018112345" in doc.letterhead
    assert "Fødselsnummer" not in access_request(persona("aanga"), TODAY).plain_text()


def test_unticked_grounds_stay_out_and_edits_replace_the_text(aanga_refused: Draft) -> None:
    aanga_refused.appeal.grounds = ["occasional_night", "not_a_ground"]
    aanga_refused.appeal.ground_edits = {
        "occasional_night": "Jeg trenger hjelp om natta noen ganger."
    }
    a = assess(aanga_refused, on=TODAY)
    chosen = chosen_grounds(aanga_refused, a, "nb")
    assert [g.id for g in chosen] == [GroundId.OCCASIONAL_NIGHT]
    assert ground_text(chosen[0], aanga_refused.appeal) == "Jeg trenger hjelp om natta noen ganger."
    grounds = texts(appeal_letter(aanga_refused, TODAY, lang="nb"), "grounds")
    assert "Jeg trenger hjelp om natta noen ganger." in grounds
    assert "Kommunen har ikke vist at BPA koster vesentlig mer" not in grounds
    # a blank edit falls back to the suggested text
    aanga_refused.appeal.ground_edits = {"occasional_night": "  \n "}
    assert ground_text(chosen[0], aanga_refused.appeal) == chosen[0].explanation


# --- situation 2: fewer hours, occasional night help ---------------------------------------------


@pytest.fixture
def kari_fewer() -> Draft:
    draft = with_decision(persona("kari"), DecisionKind.FEWER_HOURS)
    draft.rows.append(
        ActivityRow(
            category=Category.PERSONAL_CARE,
            activity="Snu i senga",
            minutes=30,
            times=4,
            per=Per.WEEK,
            night=True,
        )
    )
    draft.night_need = NeedLevel.OCCASIONAL
    draft.appeal.hours_applied = Decimal("34.5")
    draft.appeal.hours_granted = Decimal("20")
    draft.appeal.reasons_given = Answer.YES
    draft.appeal.new_information = "Jeg har fått en ny diagnose i oktober."
    return draft


def test_fewer_hours_offers_hours_below_need_and_night(kari_fewer: Draft) -> None:
    a = assess(kari_fewer, on=TODAY)
    assert a.counted_minutes == 2070
    assert ids(kari_fewer) == ["hours_below_need", "occasional_night"]
    below = plain(offered_grounds(kari_fewer, a, "nb")[0].explanation)
    # The need as the application applies for it (34,5 counted + 1,75 health tasks asked into
    # the scheme + 2 occasional night hours = 38,25), the counted hours beside it (they give the
    # right). The hours granted and applied for are in the decision section: not said twice.
    assert below.startswith(
        "Ukeplanen viser et behov på 38,2 timer i uka. Av disse teller 34,5 timer med for retten."
    )
    assert "Vedtaket gir" not in below and "Søknaden gjaldt" not in below


def test_hours_below_need_compares_exactly(kari_fewer: Draft) -> None:
    # exactly the 2295 minutes applied for (counted, health tasks and occasional night)
    kari_fewer.appeal.hours_granted = Decimal("38.25")
    assert "hours_below_need" not in ids(kari_fewer)
    kari_fewer.appeal.hours_granted = Decimal("38.24")
    assert "hours_below_need" in ids(kari_fewer)
    kari_fewer.appeal.hours_granted = Decimal("35")  # above the counted 34,5, below the need
    assert "hours_below_need" in ids(kari_fewer)
    # without a week plan, the hours applied for are the measure
    kari_fewer.rows = []
    kari_fewer.appeal.hours_granted = Decimal("30")
    assert "hours_below_need" in ids(kari_fewer)
    kari_fewer.appeal.hours_applied = Decimal("30")
    assert "hours_below_need" not in ids(kari_fewer)


def test_fewer_hours_letter(kari_fewer: Draft) -> None:
    tick_all(kari_fewer)
    doc = appeal_letter(kari_fewer, TODAY, lang="nb")
    assert section_ids(doc) == [
        "decision",
        "grounds",
        "change",
        "new_information",
        "attachments",
        "signature",
        "week_plan",
    ]
    decision = texts(doc, "decision")
    assert decision[0] == "Jeg klager på vedtaket om brukerstyrt personlig assistanse (BPA)."
    assert "Jeg fikk vedtaket 10. november 2026." in decision[1]
    assert "Vedtaket gir 20 timer BPA i uka. Søknaden gjaldt 34,5 timer i uka." in decision[1]
    grounds = texts(doc, "grounds")
    assert grounds[0] == "Timene er satt lavere enn behovet"
    assert "Hjelp om natta av og til er ingen grunn til å avslå eller kutte BPA" in grounds
    assert not any("holdes utenfor" in t for t in grounds)
    assert any("Timene om natta er omtrent 2 timer i uka." in t for t in grounds)
    assert texts(doc, "change") == [
        "Jeg ber om at vedtaket blir endret, slik at jeg får BPA med 34,5 timer i uka."
    ]
    assert texts(doc, "new_information") == ["Jeg har fått en ny diagnose i oktober."]
    assert texts(doc, "signature")[-1] == "Kari Nordmann"
    assert "Fullmakt" not in doc.plain_text()


def test_own_change_wanted_replaces_the_suggestion(kari_fewer: Draft) -> None:
    kari_fewer.appeal.change_wanted = "Jeg vil ha 34,5 timer, også i helgene."
    assert texts(appeal_letter(kari_fewer, TODAY, lang="nb"), "change") == [
        "Jeg vil ha 34,5 timer, også i helgene."
    ]


def test_fewer_hours_letter_in_english(kari_fewer: Draft) -> None:
    tick_all(kari_fewer)
    doc = appeal_letter(kari_fewer, TODAY, lang="en")
    assert doc.lang == "en"
    text = doc.plain_text()
    assert "I appeal the decision on user-controlled personal assistance (BPA)." in text
    assert "The decision grants 20 hours of BPA a week." in text
    assert "upholds its decision" in text
    assert "The application was for 34.5 hours a week." in text
    assert "To: Tildelingskontoret, Bærum municipality" in doc.letterhead
    assert "Statsforvalteren" in text


# --- situation 3: another service offered (a child; the mother writes) -------------------------


@pytest.fixture
def emil_other() -> Draft:
    draft = with_decision(persona("emil"), DecisionKind.OTHER_SERVICE)
    draft.appeal.service_offered = "Avlastning i bolig\nto helger i måneden"
    return draft


def test_other_service_offers_the_right_and_the_service_ground(emil_other: Draft) -> None:
    assert ids(emil_other) == ["need_gives_right", "other_service_not_enough"]
    grounds = offered_grounds(emil_other, assess(emil_other, on=TODAY), "nb")
    assert "36 timer i uka" in plain(grounds[0].explanation)
    assert plain(grounds[1].explanation).startswith(
        "Kommunen tilbyr dette i stedet for BPA: Avlastning i bolig to helger i måneden."
    )


def test_other_service_letter_for_a_child(emil_other: Draft) -> None:
    tick_all(emil_other)
    doc = appeal_letter(emil_other, TODAY, lang="nb")
    decision = texts(doc, "decision")
    assert decision[0].startswith("Jeg klager på vegne av Emil Hansen på vedtaket")
    assert (
        "Vedtaket gir en annen tjeneste i stedet for BPA: Avlastning i bolig to helger i måneden."
        in decision[1]
    )
    grounds = texts(doc, "grounds")
    assert grounds[0] == "Behovet gir rett til BPA"
    assert "Tilbudet dekker ikke behovet" in grounds
    assert texts(doc, "change") == [
        "Jeg ber om at vedtaket blir endret, slik at Emil Hansen får BPA for hele behovet."
    ]
    # a parent signs for a child: no power of attorney
    assert "power_of_attorney" not in section_ids(doc)
    assert "Fullmakt (nederst i brevet)" not in texts(doc, "attachments")
    assert texts(doc, "signature")[-2:] == ["Line Hansen, mor", "på vegne av Emil Hansen"]


def test_other_service_letter_in_nynorsk(emil_other: Draft) -> None:
    tick_all(emil_other)
    doc = appeal_letter(emil_other, TODAY, lang="nn")
    text = doc.plain_text()
    assert "Eg klagar på vegner av Emil Hansen på vedtaket om brukarstyrt personleg assistanse" in (
        text
    )
    assert "Statsforvaltaren" in text
    assert "Vekeplanen viser eit behov på 36 timar i veka" in text
    assert "Tilbodet dekkjer ikkje behovet" in text
    assert "Med venleg helsing" in text


# --- the request for access -------------------------------------------------------------------


def test_access_request_asks_for_mapping_calculation_and_cost(aanga_refused: Draft) -> None:
    doc = access_request(aanga_refused, TODAY, lang="nb")
    assert doc.kind == "access_request"
    assert doc.title == "Krav om innsyn i saksdokumentene"
    assert section_ids(doc) == ["request", "why", "signature", "power_of_attorney"]
    request = texts(doc, "request")
    assert request[0] == (
        "Jeg ber på vegne av Áŋŋá Máret Gaup om å få se dokumentene i saken om brukerstyrt "
        "personlig assistanse (BPA), jf. forvaltningsloven § 18."
    )
    assert "kartleggingen av behovet for hjelp" in request
    assert "hvordan timene i vedtaket er regnet ut, og hva det bygger på" in request
    assert "en eventuell sammenligning av hva BPA og andre tjenester vil koste" in request
    why = texts(doc, "why")
    assert "Fristen for å klage er 8. desember 2026." in why
    assert any("blir forlenget" in t for t in why)
    assert texts(doc, "power_of_attorney")[0].endswith(
        "gir Rådgiver fullmakt til å se dokumentene i saken min."
    )


def test_access_request_first_person(kari_fewer: Draft) -> None:
    doc = access_request(kari_fewer, TODAY, lang="nb")
    assert texts(doc, "request")[0].startswith("Jeg ber om å få se dokumentene i saken min")
    assert "power_of_attorney" not in section_ids(doc)


# --- after the deadline, and texts that must never appear -------------------------------------


def test_late_appeal_asks_to_be_considered_with_the_reasons(kari_fewer: Draft) -> None:
    kari_fewer.appeal.decision_received = date(2026, 9, 1)  # deadline 29 September 2026
    kari_fewer.appeal.late_reason = "Jeg lå på sykehus i hele september."
    doc = appeal_letter(kari_fewer, TODAY, lang="nb")
    assert "late" in section_ids(doc)
    assert texts(doc, "late") == [
        "Fristen for å klage var 29. september 2026. Jeg ber om at klagen likevel blir "
        "behandlet (forvaltningsloven § 31).",
        "Jeg lå på sykehus i hele september.",
    ]
    assert not any(
        "Fristen for å klage er" in t for t in texts(access_request(kari_fewer, TODAY), "why")
    )
    # on the last day the appeal is in time
    kari_fewer.appeal.decision_received = date(2026, 10, 25)  # deadline 23 November 2026
    assert "late" not in section_ids(appeal_letter(kari_fewer, date(2026, 11, 23), lang="nb"))
    assert "late" in section_ids(appeal_letter(kari_fewer, date(2026, 11, 24), lang="nb"))


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_never_fylkesmannen(
    lang: str, aanga_refused: Draft, kari_fewer: Draft, emil_other: Draft
) -> None:
    for draft in (aanga_refused, kari_fewer, emil_other):
        tick_all(draft)
        for doc in (
            appeal_letter(draft, TODAY, lang=lang),
            access_request(draft, TODAY, lang=lang),
        ):
            assert "fylkesmann" not in doc.plain_text().lower()


def test_letters_are_plain_language_in_bokmal(
    aanga_refused: Draft, kari_fewer: Draft, emil_other: Draft
) -> None:
    for draft in (aanga_refused, kari_fewer, emil_other):
        tick_all(draft)
        for doc in (appeal_letter(draft, TODAY, lang="nb"), access_request(draft, TODAY)):
            assert lix(doc.plain_text()) <= 40, (doc.kind, lix(doc.plain_text()))


def test_letter_uses_the_drafts_document_language(emil_other: Draft) -> None:

    emil_other.document_language = "en"
    assert appeal_letter(emil_other, TODAY).lang == "en"
    assert access_request(emil_other, TODAY).title == "Request to see the case documents"


def test_any_text_survives(kari_fewer: Draft) -> None:
    nasty = "<para>**fet** ![x](http://e.invalid/a.png) \x00\x07 á č đ ŋ š ŧ ž 😀 {hours} {0}"
    kari_fewer.person.name = nasty
    kari_fewer.person.address = "Gate 1\r\n0001 Oslo\x1b"
    kari_fewer.appeal.what_is_wrong = nasty * 1000
    kari_fewer.appeal.service_offered = nasty
    kari_fewer.appeal.case_number = "{number}"
    kari_fewer.appeal.ground_edits = {"hours_below_need": nasty}
    tick_all(kari_fewer)
    for lang in ("nb", "nn", "en"):
        doc = appeal_letter(kari_fewer, TODAY, lang=lang)
        text = doc.plain_text()
        assert "\x00" not in text and "\x07" not in text and "\x1b" not in text
        assert "á č đ ŋ š ŧ ž 😀 {hours} {0}" in text
        assert "{number}" in text
        assert "{number}" not in doc.subject
        assert "Gate 1" in doc.letterhead and "0001 Oslo" in doc.letterhead
        access_request(kari_fewer, TODAY, lang=lang)


def test_clean_keeps_line_breaks_and_drops_control_characters() -> None:
    assert clean("\r\n a\r\nb\x00c\td \x7f") == "a\nbc\td"


def test_no_decision_kind_offers_no_grounds() -> None:
    draft = persona("kari")
    assert ids(draft) == []
    doc = appeal_letter(draft, TODAY, lang="nb")
    assert texts(doc, "grounds") == ["Jeg sender begrunnelsen for klagen senere."]
    assert doc.dated == TODAY


def test_co_payment_ground_and_change() -> None:
    draft = with_decision(persona("ragnhild"), DecisionKind.CO_PAYMENT)
    assert ids(draft) == ["co_payment"]
    tick_all(draft)
    doc = appeal_letter(draft, TODAY, lang="nb")
    assert "Vedtaket setter en egenandel for tjenesten." in texts(doc, "decision")[1]
    assert texts(doc, "change") == ["Jeg ber om at egenandelen blir fjernet eller satt ned."]
    assert any("aldri kreves for personlig stell" in t for t in texts(doc, "grounds"))


# --- PDF round trip ------------------------------------------------------------------------------


def test_pdf_text_round_trip(aanga_refused: Draft) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    tick_all(aanga_refused)
    letter = appeal_letter(aanga_refused, TODAY, lang="nb")
    access = access_request(aanga_refused, TODAY, lang="nb")
    for docs in (letter, [letter, access]):
        data = pdf.render_pdf(docs)
        assert data.startswith(b"%PDF")
        reader = PdfReader(BytesIO(data))
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
        assert "Klage på vedtak om BPA" in text
        assert "Áŋŋá Máret Gaup" in text
        assert "Statsforvalteren" in text
    assert "Krav om innsyn i saksdokumentene" in text


def test_guardian_attaches_proof_of_guardianship_not_a_power_of_attorney() -> None:
    from bpa_core.draft import FilledInBy

    draft = with_decision(persona("jonas"), DecisionKind.REFUSED)
    draft.filled_in_by = FilledInBy.GUARDIAN
    draft.writer.name = "Per Hansen"
    draft.writer.relation = "verge"
    doc = appeal_letter(draft, TODAY, lang="nn")
    assert "Verjeattest" in texts(doc, "attachments")
    assert "power_of_attorney" not in section_ids(doc)
    assert texts(doc, "signature")[-2] == "Per Hansen, verge"
    assert texts(doc, "signature")[-1].startswith("på vegner av ")


def test_without_the_right_bpa_must_still_be_considered() -> None:
    draft = with_decision(persona("sofie"), DecisionKind.REFUSED)
    assert assess(draft, on=TODAY).outcome.value == "no_right_can_apply"
    assert ids(draft) == ["bpa_not_considered", "whole_need"]
    tick_all(draft)
    grounds = texts(appeal_letter(draft, TODAY, lang="nb"), "grounds")
    assert grounds[0] == "Kommunen må vurdere BPA etter hol. § 3-8"
    assert grounds[1].startswith("Uansett om vilkårene i pbrl. § 2-1 d er oppfylt, må kommunen")
    assert "(hol. § 3-8)" in grounds[1]
    assert "retten til BPA ikke er oppfylt" not in " ".join(grounds)
    # the whole plan she applies for (health tasks too), and what the rest is
    assert grounds[3] == (
        "Ukeplanen viser et behov på 22,7 timer i uka. Resten av ukeplanen, 12 timer, er hjelp "
        "som vanligvis kommer fra andre ordninger. Vedtaket avslår BPA, men viser ikke hvordan "
        "behovet for hjelp skal dekkes. Det er rett til nødvendig hjelp (pbrl. § 2-1 a), og "
        "kommunen må se på hele behovet."
    )
    # granted BPA with fewer hours: no such ground
    draft.appeal.decision_kind = DecisionKind.FEWER_HOURS
    assert "bpa_not_considered" not in ids(draft)


# --- any text, any answers: the letters are always built -----------------------------------------


any_text = st.text(max_size=300)
short_text = st.text(max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=short_text,
    service=any_text,
    wrong=any_text,
    edit=any_text,
    attachments=any_text,
    kind=st.sampled_from([None, *DecisionKind]),
    applied=st.none() | st.decimals(min_value=0, max_value=168, places=2),
    granted=st.none() | st.decimals(min_value=0, max_value=168, places=2),
    received=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=TODAY),
    lang=st.sampled_from(["nb", "nn", "en"]),
)
def test_letters_build_for_any_answers(
    name: str,
    service: str,
    wrong: str,
    edit: str,
    attachments: str,
    kind: DecisionKind | None,
    applied: Decimal | None,
    granted: Decimal | None,
    received: date | None,
    lang: str,
) -> None:
    draft = persona("aanga")
    draft.person.name = name
    ap = draft.appeal
    ap.decision_kind = kind
    ap.service_offered = service
    ap.what_is_wrong = wrong
    ap.attachments = attachments
    ap.hours_applied = applied
    ap.hours_granted = granted
    ap.decision_received = received
    tick_all(draft)
    ap.ground_edits = dict.fromkeys(ap.grounds, edit)
    letter = appeal_letter(draft, TODAY, lang=lang)
    access = access_request(draft, TODAY, lang=lang)
    for doc in (letter, access):
        text = doc.plain_text()
        assert doc.lang == lang
        assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text)
        assert "fylkesmann" not in text.lower()
    assert section_ids(letter)[0] == "decision"
    assert ("late" in section_ids(letter)) == (
        received is not None and appeal_deadline(received).is_passed(TODAY)
    )


@pytest.mark.parametrize(
    ("value", "nb", "en"),
    [
        ("100", "100", "100"),
        ("20.00", "20", "20"),
        ("0.50", "0,5", "0.5"),
        ("37.5", "37,5", "37.5"),
    ],
)
def test_hours_in_words(value: str, nb: str, en: str) -> None:
    from bpa_core.documents.text import Writer
    from bpa_core.rules.hours import display_hours

    nbsp = "\u00a0"
    for lang, want in (("nb", nb), ("en", en)):
        w = Writer.for_draft(Draft(), lang, on=TODAY)
        assert w.typed_hours(Decimal(value)).split(nbsp)[0] == want
    assert display_hours(Fraction(28110, 13)) == Decimal("36.0")  # Emil: 2162.3 minutes
    assert display_hours(Fraction(87)) == Decimal("1.4")  # 1.45 hours: hours had, rounded down


# --- the review's findings: each test fails without its fix ------------------------------------


def test_one_hour_is_singular_in_every_hours_sentence() -> None:
    draft = with_decision(persona("kari"), DecisionKind.FEWER_HOURS)
    draft.rows = [ActivityRow(category=Category.MEALS, minutes=60, times=1, per=Per.WEEK)]
    draft.appeal.hours_applied = Decimal("1")
    draft.appeal.hours_granted = Decimal("0.5")
    tick_all(draft)
    nb = appeal_letter(draft, TODAY, lang="nb").plain_text()
    assert "Vedtaket gir 0,5 timer BPA i uka. Søknaden gjaldt 1 time i uka." in nb
    # under the threshold: the whole need, never "1 time ... som teller med for retten"
    assert "Ukeplanen viser et behov på 1 time i uka." in nb
    assert "som teller med for retten" not in nb
    assert "slik at jeg får BPA med 1 time i uka." in nb
    assert "1 timer" not in nb
    en = appeal_letter(draft, TODAY, lang="en").plain_text()
    assert "The application was for 1 hour a week." in en
    assert "The week plan shows a need of 1 hour a week." in en
    assert "so that I get BPA with 1 hour a week." in en
    assert "1 hours" not in en
    draft.appeal.hours_granted = Decimal("1")
    draft.appeal.hours_applied = Decimal("2")
    draft.rows[0].minutes = 120
    nb = appeal_letter(draft, TODAY, lang="nb").plain_text()
    assert "Vedtaket gir 1 time BPA i uka. Søknaden gjaldt 2 timer i uka." in nb


def test_english_counts_and_once(emil_other: Draft) -> None:
    grounds = offered_grounds(emil_other, assess(emil_other, on=TODAY), "en")
    assert "a need of 36 hours a week that counts toward the right" in plain(grounds[0].explanation)
    tick_all(emil_other)
    week = appeal_letter(emil_other, TODAY, lang="en").section("week_plan")
    table = next(b for b in week.blocks if isinstance(b, Table))
    assert table.rows[0][2] == "once a day"


def test_fullmakt_and_signature_without_the_writers_name() -> None:
    draft = with_decision(persona("jonas"), DecisionKind.REFUSED)  # his sister, no name given
    doc = appeal_letter(draft, TODAY, lang="nb")
    poa = texts(doc, "power_of_attorney")[0]
    assert poa == (
        "Jeg, Jonas Berg, gir ________________________ (navn) fullmakt til å klage på vedtaket "
        "og se dokumentene i saken min."
    )
    assert "den som skriver under" not in doc.plain_text()
    assert texts(doc, "signature")[-3:] == [
        "Navn: " + "_" * 32,
        "søster",
        "på vegne av Jonas Berg",
    ]
    # The letterhead as the application says it: a blank line for the name, then the relation.
    assert "Skrevet av: ________________________ (søster)" in doc.letterhead
    assert "Skrevet av: søster" not in doc.letterhead
    assert "Skrevet av: ________________________ (søster)" in (
        access_request(draft, TODAY, lang="nb").letterhead
    )
    draft.person.name = ""
    poa = texts(access_request(draft, TODAY, lang="nb"), "power_of_attorney")[0]
    assert poa.startswith(
        "Jeg, ________________________ (navn), gir ________________________ (navn)"
    )
    en = texts(appeal_letter(persona_decided("jonas"), TODAY, lang="en"), "power_of_attorney")
    assert en[0].startswith("I, Jonas Berg, give ________________________ (name) power of")


def persona_decided(name: str) -> Draft:
    return with_decision(persona(name), DecisionKind.REFUSED)


def test_attachments_name_the_doctors_statement_when_it_goes_with_the_letter(
    aanga_refused: Draft,
) -> None:
    # Not said to go with it: the letter lists no doctor's statement (and never "if you have one").
    items = texts(appeal_letter(aanga_refused, TODAY, lang="nb"), "attachments")
    assert not [x for x in items if "egeerklæring" in x]
    aanga_refused.appeal.doctor_statement = True
    assert "Legeerklæring" in texts(appeal_letter(aanga_refused, TODAY, lang="nb"), "attachments")
    assert "Statement from the doctor (legeerklæring)" in texts(
        appeal_letter(aanga_refused, TODAY, lang="en"), "attachments"
    )
    # The user's own line names it: listed once, in their words.
    aanga_refused.appeal.attachments = "Legeerklæring fra fastlegen, 1. november 2026"
    items = texts(appeal_letter(aanga_refused, TODAY, lang="nb"), "attachments")
    assert "Legeerklæring" not in items
    assert items[-1] == "Legeerklæring fra fastlegen, 1. november 2026"


def test_the_week_plan_in_the_attachments_is_in_the_letter(aanga_refused: Draft) -> None:
    doc = appeal_letter(aanga_refused, TODAY, lang="nb")
    assert "Ukeplan (nederst i brevet)" in texts(doc, "attachments")
    week = doc.section("week_plan")
    assert week.title == "Vedlegg: ukeplan"
    table = next(b for b in week.blocks if isinstance(b, Table))
    assert [r[0].split(" (")[0] for r in table.rows] == [r.activity for r in aanga_refused.rows]
    assert table.footer and table.footer[0] == "Sum"
    assert "Tabellen viser hjelpen Áŋŋá Máret Gaup trenger i en vanlig uke." in week.plain_text()
    # No week plan: neither the line nor the appendix.
    aanga_refused.rows = []
    doc = appeal_letter(aanga_refused, TODAY, lang="nb")
    assert "week_plan" not in section_ids(doc)
    assert not any("Ukeplan" in t for t in texts(doc, "attachments"))


@pytest.mark.parametrize("name", ["kari", "emil", "aanga", "sofie"])
def test_the_week_plan_attachment_is_the_applications_week_section(name: str) -> None:
    """Same blocks: the excluded hours, the monthly note and the child note are there too."""
    draft = persona_decided(name)
    on = assessment_date_for(draft.appeal, TODAY)
    a = assess(draft, on=on)
    week = appeal_letter(draft, TODAY, lang="nb", assessment=a).section("week_plan")
    application = build_application(draft, a, "nb", dated=TODAY).section("week")
    assert week.blocks == application.blocks


@pytest.mark.parametrize(
    ("lang", "term"),
    [("nb", "vesentlig mer"), ("nn", "vesentleg meir"), ("en", "substantially more")],
)
def test_the_cost_exception_in_the_laws_words_everywhere(
    aanga_refused: Draft, lang: str, term: str
) -> None:
    """pbrl. § 2-1 d says "vesentlig økt kostnad": the appeal uses the law's words; the
    application never names the exception (bpa-rules.md § 3.1)."""
    a = assess(aanga_refused, on=TODAY)
    cost = offered_grounds(aanga_refused, a, lang)[0]
    assert cost.id == GroundId.COST_NOT_DOCUMENTED
    assert term in plain(cost.title) and term in plain(cost.explanation)
    tick_all(aanga_refused)
    letter = appeal_letter(aanga_refused, TODAY, lang=lang, assessment=a).plain_text()
    application = build_application(aanga_refused, a, lang, dated=TODAY).plain_text()
    assert term in letter
    assert term not in application
    for text in (letter, application):
        for loose in ("much more", "mye mer", "mykje meir", "Extra cost"):
            assert loose not in text


@pytest.mark.parametrize(
    ("lang", "why"),
    [
        ("nb", "Jeg trenger dokumentene for å kunne utdype klagen."),
        ("nn", "Eg treng dokumenta for å kunne utdjupe klaga."),
        ("en", "I need the documents to complete the appeal."),
    ],
)
def test_the_access_request_fits_the_appeal_sent_with_it(
    aanga_refused: Draft, lang: str, why: str
) -> None:
    """The appeal is already written ("I may send more"): the documents are to complete it."""
    assert texts(access_request(aanga_refused, TODAY, lang=lang), "why")[0] == why


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("name", ["kari", "aanga"])
def test_no_two_brackets_in_a_row(name: str, lang: str) -> None:
    """ "(BPA) (forvaltningsloven § 18)" reads badly: the second one is ", jf. …"."""
    draft = persona_decided(name)
    tick_all(draft)
    for doc in (appeal_letter(draft, TODAY, lang=lang), access_request(draft, TODAY, lang=lang)):
        assert not re.search(r"\)\s*\(", plain(doc.plain_text())), (name, lang)
    forward = texts(appeal_letter(draft, TODAY, lang="en"), "decision")[-1]
    assert forward.endswith("to the County Governor (Statsforvalteren, pbrl. § 7-2).")
    opening = texts(access_request(draft, TODAY, lang="nn"), "request")[0]
    assert opening.endswith("assistanse (BPA), jf. forvaltningslova § 18.")


def test_the_week_plan_attachment_names_counted_hours_only_where_they_give_the_right() -> None:
    emil = appeal_letter(persona_decided("emil"), TODAY, lang="nb").section("week_plan")
    text = emil.plain_text()
    # 32 hours or more: the counted hours help the appeal and are named.
    assert "Til sammen er det 61 timer i uka. Av disse teller 36 timer med for retten til BPA." in (
        text
    )
    assert "Hjelp som trengs hver måned eller hvert år, er regnet om til et snitt per uke." in text
    assert "Tabellen viser bare hjelp utover det andre barn på samme alder trenger." in text
    # 25-32 hours: the total only, never the count that shows how near the line it is.
    aanga = appeal_letter(persona_decided("aanga"), TODAY, lang="nb").section("week_plan")
    assert "Til sammen er det 27,1 timer i uka." in aanga.plain_text()
    assert "teller" not in aanga.plain_text()


def test_the_access_sentence_only_when_a_request_goes_with_the_appeal(
    aanga_refused: Draft,
) -> None:
    assert "access" not in section_ids(appeal_letter(aanga_refused, TODAY, lang="nb"))
    aanga_refused.appeal.access_request = True
    doc = appeal_letter(aanga_refused, TODAY, lang="nb")
    assert section_ids(doc)[3] == "access"
    assert texts(doc, "access")[0].startswith(
        "Jeg har også bedt om å få se dokumentene i saken (forvaltningsloven § 18)."
    )


def test_a_counsellor_quotes_the_persons_own_words_as_theirs(aanga_refused: Draft) -> None:
    grounds = texts(appeal_letter(aanga_refused, TODAY, lang="nb"), "grounds")
    assert grounds[0] == "Kommunen har ikke snakket med meg."  # the counsellor's own words
    aanga_refused.appeal.own_words = True
    for lang, lead in (
        ("nb", "Áŋŋá Máret Gaup forteller det slik:"),
        ("nn", "Áŋŋá Máret Gaup fortel det slik:"),
        ("en", "In the words of Áŋŋá Máret Gaup:"),
    ):
        grounds = texts(appeal_letter(aanga_refused, TODAY, lang=lang), "grounds")
        assert grounds[:2] == [lead, "Kommunen har ikke snakket med meg."], lang
    # The person writing themself: their words are theirs already, no lead.
    aanga_refused.filled_in_by = FilledInBy.SELF
    grounds = texts(appeal_letter(aanga_refused, TODAY, lang="nb"), "grounds")
    assert grounds[0] == "Kommunen har ikke snakket med meg."


def test_the_need_gives_right_ground_does_not_overstate_the_law(emil_other: Draft) -> None:
    """The right is about how the help is organised: the municipality cannot refuse BPA because
    it prefers another service, but it still decides the content and the hours."""
    ground = offered_grounds(emil_other, assess(emil_other, on=TODAY), "nb")[0]
    text = plain(ground.explanation)
    assert "kan ikke kommunen gi en annen tjeneste i stedet" not in text
    assert "Kommunen kan ikke avslå BPA fordi den heller vil gi en annen tjeneste." in text
    assert "Kommunen bestemmer fortsatt innholdet og antall timer" in text


def test_an_appeal_from_someone_turning_67_soon_asks_for_a_decision_before() -> None:
    draft = persona_decided("kari")
    draft.person.birth_date = date(1960, 5, 20)  # 66 on TODAY, 67 on 20 May 2027
    draft.appeal.decision_date = date(2026, 11, 6)
    decision = texts(appeal_letter(draft, TODAY, lang="nb"), "decision")
    assert decision[-1] == (
        "Jeg fyller 67 år 20. mai 2027. Jeg ber om at klagen blir avgjort før den datoen."
    )
    draft.person.birth_date = date(1990, 5, 20)
    assert "fyller" not in appeal_letter(draft, TODAY, lang="nb").plain_text()


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "nb",
            "Jeg fyller 67 år 22. august 2027. Jeg ber om at klagen blir avgjort før den datoen.",
        ),
        ("nn", "Eg fyller 67 år 22. august 2027. Eg ber om at klaga blir avgjord før den datoen."),
        ("en", "I turn 67 on 22 August 2027. I ask that the appeal be decided before that date."),
    ],
)
def test_an_appeal_at_66_years_3_months_asks_for_a_decision_before(
    lang: str, sentence: str
) -> None:
    """Nine months before the 67th birthday (the window is twelve months, not six)."""
    draft = persona_decided("kari")
    draft.person.birth_date = date(1960, 8, 22)  # 66 years 3 months on TODAY
    draft.appeal.decision_date = date(2026, 11, 6)
    assert texts(appeal_letter(draft, TODAY, lang=lang), "decision")[-1] == sentence


def test_the_grounds_build_on_the_day_of_the_decision() -> None:
    """66 when refused, 67 today: the need still gave a right on the day of the decision."""
    draft = Draft(
        filled_in_by=FilledInBy.SELF,
        rows=[ActivityRow(category=Category.PERSONAL_CARE, minutes=300, times=1, per=Per.DAY)],
    )
    draft.person.name = "Eva Li"
    draft.person.birth_date = date(1959, 10, 1)
    draft.need.cause = Answer.YES
    draft.need.duration = "over_2_years"  # type: ignore[assignment]
    draft.appeal.decision_kind = DecisionKind.REFUSED
    draft.appeal.decision_date = date(2026, 9, 1)
    draft.appeal.decision_received = date(2026, 9, 3)
    assert assessment_date_for(draft.appeal, TODAY) == date(2026, 9, 1)
    on_decision = assess(draft, on=assessment_date_for(draft.appeal, TODAY))
    assert "need_gives_right" in [g.id.value for g in offered_grounds(draft, on_decision)]
    draft.appeal.grounds = ["need_gives_right"]
    letter = appeal_letter(draft, TODAY, lang="nb")  # no assessment given: the letter decides
    assert "Behovet gir rett til BPA" in texts(letter, "grounds")
    # The fallbacks: the day received, then today; never a day after today.
    draft.appeal.decision_date = None
    assert assessment_date_for(draft.appeal, TODAY) == date(2026, 9, 3)
    draft.appeal.decision_received = None
    assert assessment_date_for(draft.appeal, TODAY) == TODAY
    draft.appeal.decision_date = date(2027, 1, 1)
    assert assessment_date_for(draft.appeal, TODAY) == TODAY


def test_letterhead_says_a_name_once() -> None:
    draft = persona_decided("aanga")
    draft.writer.relation = "RÅDGIVER"
    assert "Skrevet av: Rådgiver, Brukerorganisasjon" in appeal_letter(draft, TODAY).letterhead


def test_no_occasional_ground_when_the_person_answered_no_such_need(aanga_refused: Draft) -> None:
    # A row marked "at night" while the night need is answered "none": it is held outside (and
    # flagged on the week), but the letter must not say that help is needed "now and then".
    aanga_refused.night_need = NeedLevel.NONE
    assert "occasional_night" not in ids(aanga_refused)
    assert "occasional_two_helpers" in ids(aanga_refused)
    aanga_refused.night_need = None  # not answered: the rows held outside speak for themselves
    assert "occasional_night" in ids(aanga_refused)


def test_the_addressee_names_the_municipality_once() -> None:
    """'Tildelingskontoret, Trondheim kommune, Trondheim municipality' says it twice."""
    draft = persona_decided("jonas")
    draft.appeal.decided_by = "Tildelingskontoret, Trondheim kommune"
    for lang in ("nb", "nn", "en"):
        assert (
            appeal_letter(draft, TODAY, lang=lang)
            .letterhead[-1]
            .endswith(": Tildelingskontoret, Trondheim kommune")
        ), lang
    draft.appeal.decided_by = "Tildelingskontoret"
    assert appeal_letter(draft, TODAY, lang="en").letterhead[-1] == (
        "To: Tildelingskontoret, Trondheim municipality"
    )


# --- the caseworker reading of issue 11: grounds that argue for the person, per language -------

_ASK_WITHIN = {
    "nb": (
        "Hjelpen om natta er en del av behovet, og jeg ber om at den blir gitt innenfor "
        "BPA-timene.",
        "Hjelpen med to hjelpere er en del av behovet, og jeg ber om at den blir gitt innenfor "
        "BPA-timene.",
        ("ikke med når timene", "bør gis", "teller ikke"),
    ),
    "nn": (
        "Hjelpa om natta er ein del av behovet, og eg ber om at ho blir gitt innanfor BPA-timane.",
        "Hjelpa med to hjelparar er ein del av behovet, og eg ber om at ho blir gitt innanfor "
        "BPA-timane.",
        ("ikkje med når timane", "bør givast", "tel ikkje"),
    ),
    "en": (
        "The help at night is part of the need, and I ask that it be granted within the BPA hours.",
        "The help with two helpers is part of the need, and I ask that it be granted within the "
        "BPA hours.",
        ("not part of the count", "should be given", "do not count"),
    ),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_occasional_hours_are_asked_for_within_bpa_never_conceded(
    aanga_refused: Draft, lang: str
) -> None:
    night, two, concessions = _ASK_WITHIN[lang]
    grounds = {
        g.id: plain(g.explanation)
        for g in offered_grounds(aanga_refused, assess(aanga_refused, on=TODAY), lang)
    }
    assert night in grounds[GroundId.OCCASIONAL_NIGHT]
    assert two in grounds[GroundId.OCCASIONAL_TWO_HELPERS]
    both = grounds[GroundId.OCCASIONAL_NIGHT] + grounds[GroundId.OCCASIONAL_TWO_HELPERS]
    for concession in concessions:
        assert concession not in both, (lang, concession)
    assert "pbrl. § 2-1 d" not in both  # no claim about the count to concede or to overstate


_WHETHER_OR_NOT = {
    "nb": "Uansett om vilkårene i pbrl. § 2-1 d er oppfylt, må kommunen vurdere",
    "nn": "Uansett om vilkåra i pbrl. § 2-1 d er oppfylte, må kommunen vurdere",
    "en": "Whether or not the conditions in pbrl. § 2-1 d are met, the municipality must consider",
}
_PURPOSE = {
    "nb": "BPA skal gi et aktivt og mest mulig uavhengig liv, med arbeid, studier og deltakelse "
    "i samfunnet (rundskriv I-9/2015).",
    "nn": "BPA skal gi eit aktivt og mest mogleg uavhengig liv, med arbeid, studium og deltaking "
    "i samfunnet (rundskriv I-9/2015).",
    "en": "BPA is meant to give an active and as independent a life as possible, with work, "
    "studies and taking part in society (rundskriv I-9/2015).",
}
_OVERSTATED = ("veier tungt", "veg tungt", "weigh heavily", "retten til BPA ikke er oppfylt")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_hol_3_8_grounds_concede_nothing_and_cite_what_says_it(lang: str) -> None:
    sofie = with_decision(persona("sofie"), DecisionKind.REFUSED)
    aanga = with_decision(persona("aanga"), DecisionKind.REFUSED)
    texts_ = {
        g.id: plain(g.explanation)
        for d in (sofie, aanga)
        for g in offered_grounds(d, assess(d, on=TODAY), lang)
    }
    assert texts_[GroundId.BPA_NOT_CONSIDERED].startswith(_WHETHER_OR_NOT[lang])
    for ground in (GroundId.BPA_NOT_CONSIDERED, GroundId.BPA_IN_THE_ALTERNATIVE):
        assert _PURPOSE[lang] in texts_[ground]
        for phrase in _OVERSTATED:
            assert phrase not in texts_[ground], (lang, ground, phrase)


_PLAN_NOT_COUNT = {
    "nb": ("Ukeplanen viser et behov på 22,7 timer i uka.", "teller med for retten"),
    "nn": ("Vekeplanen viser eit behov på 22,7 timar i veka.", "tel med for retten"),
    "en": ("The week plan shows a need of 22.7 hours a week.", "counts toward the right"),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_under_the_threshold_the_appeal_gives_the_whole_plan_not_the_counted_hours(
    lang: str,
) -> None:
    """Sofie (19,2 hours count, no right): the appeal never reminds the municipality that she is
    under 25; it gives the need her application applies for (health tasks too)."""
    draft = with_decision(persona("sofie"), DecisionKind.FEWER_HOURS)
    draft.appeal.hours_applied = Decimal("22.7")
    draft.appeal.hours_granted = Decimal("10")
    tick_all(draft)
    assert "hours_below_need" in draft.appeal.grounds
    text = plain(appeal_letter(draft, TODAY, lang=lang).section("grounds").plain_text())
    plan, counted = _PLAN_NOT_COUNT[lang]
    assert plan in text
    assert counted not in text


def test_the_hours_of_the_decision_are_said_once(kari_fewer: Draft) -> None:
    tick_all(kari_fewer)
    text = plain(appeal_letter(kari_fewer, TODAY, lang="nb").plain_text())
    assert text.count("20 timer") == 1
    assert text.count("Søknaden gjaldt") == 1


_UNCLEAR_NEVER = {
    "nb": "Jeg sender begrunnelsen for klagen senere.",
    "nn": "Eg sender grunngivinga for klaga seinare.",
    "en": "I will send the reasons for the appeal later.",
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_an_unclear_estimate_refused_still_gets_grounds(lang: str) -> None:
    """Jonas (unclear, 17,5 counted hours) refused: hol. § 3-8 and the whole need, never only
    "I will send the reasons later"."""
    draft = with_decision(persona("jonas"), DecisionKind.REFUSED)
    assert assess(draft, on=TODAY).outcome.value == "unclear"
    assert ids(draft) == ["bpa_not_considered", "whole_need"]
    tick_all(draft)
    text = plain(appeal_letter(draft, TODAY, lang=lang).section("grounds").plain_text())
    assert _WHETHER_OR_NOT[lang] in text
    assert _UNCLEAR_NEVER[lang] not in text


def test_an_unclear_estimate_is_argued_by_its_counted_hours() -> None:
    """The open question (here: how long the need lasts) decides nothing against the person:
    32 hours or more counted give the right's ground, 25 to 32 the cost ground, and hol. § 3-8
    always."""
    from bpa_core.draft import Duration

    kari = with_decision(persona("kari"), DecisionKind.REFUSED)
    kari.need.duration = Duration.DONT_KNOW
    assert assess(kari, on=TODAY).outcome.value == "unclear"
    assert ids(kari) == ["need_gives_right", "bpa_not_considered", "whole_need"]
    aanga = with_decision(persona("aanga"), DecisionKind.REFUSED)
    aanga.need.duration = Duration.DONT_KNOW
    assert ids(aanga)[:2] == ["cost_not_documented", "bpa_in_the_alternative"]
    assert "whole_need" in ids(aanga)


_PAST_67 = {
    "nb": (
        "Retten til BPA gjelder videre etter 67 år",
        "Når BPA er innvilget etter retten før 67 år, gjelder retten videre etter 67 år "
        "(pbrl. § 2-1 d).",
        "Kopi av vedtaket som ga BPA før 67 år",
    ),
    "nn": (
        "Retten til BPA gjeld vidare etter 67 år",
        "Når BPA er innvilga etter retten før 67 år, gjeld retten vidare etter 67 år "
        "(pbrl. § 2-1 d).",
        "Kopi av vedtaket som gav BPA før 67 år",
    ),
    "en": (
        "The right to BPA continues after 67",
        "When BPA was granted under the right before 67, the right continues after 67 "
        "(pbrl. § 2-1 d).",
        "A copy of the decision that granted BPA before the age of 67",
    ),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("kind", [DecisionKind.FEWER_HOURS, DecisionKind.REFUSED])
def test_a_continuation_past_67_says_first_that_the_right_continues(
    lang: str, kind: DecisionKind
) -> None:
    draft = with_decision(persona("ragnhild"), kind)  # 69, BPA under the right before 67
    draft.appeal.hours_applied = Decimal("35.8")
    draft.appeal.hours_granted = Decimal("20")
    assert ids(draft)[0] == "right_continues_past_age_limit"
    tick_all(draft)
    doc = appeal_letter(draft, TODAY, lang=lang)
    title, text, attachment = _PAST_67[lang]
    grounds = texts(doc, "grounds")
    assert grounds[0] == title
    assert text in grounds[1]
    assert attachment in texts(doc, "attachments")
    kari = with_decision(persona("kari"), kind)
    assert "right_continues_past_age_limit" not in ids(kari)


@pytest.mark.parametrize(
    ("lang", "sent_on"),
    [
        ("nb", "ber jeg om at klagen blir sendt videre til Statsforvalteren"),
        ("nn", "ber eg om at klaga blir send vidare til Statsforvaltaren"),
        ("en", "I ask that the appeal be sent on to the County Governor"),
    ],
)
def test_the_appeal_asks_to_be_sent_on_in_good_language(
    aanga_refused: Draft, lang: str, sent_on: str
) -> None:
    assert sent_on in plain(appeal_letter(aanga_refused, TODAY, lang=lang).plain_text())


@pytest.mark.parametrize(
    ("lang", "certificate"),
    [
        ("nb", "Vergeattest"),
        ("nn", "Verjeattest"),
        ("en", "Guardianship certificate (vergeattest)"),
    ],
)
def test_one_name_for_the_vergeattest_in_application_and_appeal(
    lang: str, certificate: str
) -> None:
    draft = with_decision(persona("jonas"), DecisionKind.REFUSED)
    draft.filled_in_by = FilledInBy.GUARDIAN
    appeal = texts(appeal_letter(draft, TODAY, lang=lang), "attachments")
    application = build_application(draft, assess(draft, on=TODAY), lang, dated=TODAY)
    listed = application.section("attachments").plain_text()
    assert certificate in appeal and certificate in listed
    if lang == "en":
        assert "The guardianship certificate (vergeattest) is attached." in plain(
            application.plain_text()
        )
        for other in ("Proof of guardianship", "Certificate of guardianship"):
            assert other not in plain(application.plain_text()) + " ".join(appeal)
