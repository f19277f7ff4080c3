"""The doctor's checklist: tailored items and the person's own week."""

from __future__ import annotations

import pytest

from bpa_core.documents.checklist import build_checklist
from bpa_core.documents.model import Checklist, Document, Table
from bpa_core.draft import Draft, NeedLevel
from bpa_core.rules import assess
from tests.docs_support import ASSESSED_ON, PERSONAS, lix_module, persona, plain_document

DURATION = "Hvor lenge behovet varer. Skriv om det ventes å vare i mer enn 2 år."
NIGHT = "Behovet for hjelp om natta"
TWO = "Behovet for to hjelpere"
CHILD = "Barnets behov utover det andre barn på samme alder trenger."


def checklist(draft: Draft, lang: str = "nb") -> Document:
    """The checklist, non-breaking spaces as plain spaces (tested in test_pdf.py)."""
    doc = build_checklist(draft, assess(draft, on=ASSESSED_ON), lang, dated=ASSESSED_ON)
    return plain_document(doc)


def items(doc: Document) -> str:
    block = next(b for b in doc.section("points").blocks if isinstance(b, Checklist))
    return "\n".join(block.items)


@pytest.mark.parametrize("name", PERSONAS)
def test_duration_always_and_the_week_of_the_person(name: str) -> None:
    draft = persona(name)
    doc = checklist(draft)
    assert DURATION in items(doc)
    table = next(b for b in doc.section("week").blocks if isinstance(b, Table))
    assert [r[0].split(" (")[0] for r in table.rows] == [r.activity for r in draft.rows]
    assert table.footer and table.footer[0] == "Sum"
    assert "None" not in doc.plain_text()


def test_adult_without_night_or_two_helper_need_gets_no_such_items() -> None:
    text = items(checklist(persona("kari")))
    assert NIGHT not in text
    assert TWO not in text
    assert CHILD not in text
    assert "Jeg søker kommunen om BPA" in checklist(persona("kari")).plain_text()


def test_night_and_two_helper_items_when_given() -> None:
    doc = checklist(persona("aanga"))
    text = items(doc)
    assert NIGHT in text
    assert TWO in text
    assert CHILD not in text
    # The person's answer without the word for the level that does not count: the doctor
    # describes how often (never primed to confirm "occasional").
    assert "Hjelp om natta: trengs. Beskriv gjerne hvor ofte, og hvorfor." in doc.plain_text()
    assert "punktvis" not in doc.section("week").plain_text()
    assert doc.section("week").title == "Uka til Áŋŋá Máret Gaup"


def test_a_flagged_row_alone_brings_the_night_item() -> None:
    draft = persona("aanga")
    draft.night_need = NeedLevel.NONE
    draft.two_helper_need = None
    text = items(checklist(draft))
    assert NIGHT in text
    assert TWO in text


def test_child_item_only_for_a_child() -> None:
    assert CHILD in items(checklist(persona("emil")))
    assert CHILD not in items(checklist(persona("jonas")))


def test_an_empty_draft_still_gives_the_general_items() -> None:
    doc = checklist(Draft())
    assert DURATION in items(doc)
    assert [s.id for s in doc.sections] == ["points", "send"]


def test_nynorsk_and_english() -> None:
    nn = checklist(persona("emil"), "nn")
    assert nn.title == "Til legen: sjekkliste for legeerklæring om BPA"
    assert "Behova til barnet utover det andre barn på same alder treng." in items(nn)
    en = checklist(persona("emil"), "en")
    assert "The child's needs beyond those of other children of the same age." in items(en)


@pytest.mark.parametrize("name", PERSONAS)
def test_bokmal_checklist_is_plain_language(name: str) -> None:
    score = lix_module().lix(checklist(persona(name)).plain_text())[0]
    assert score <= 40, f"LIX {score:.1f} for {name}"


def test_a_child_gets_the_parents_role_and_school_not_work() -> None:
    text = items(checklist(persona("emil")))
    assert "Rollen til foreldrene som arbeidsleder, og om de trenger en medarbeidsleder." in text
    assert "barnehage eller skole" in text
    assert "personen" not in text
    assert "jobb, studier" not in text
    nn = items(checklist(persona("emil"), "nn"))
    assert "Rolla til foreldra som arbeidsleiar" in nn
    assert "barnehage eller skule" in nn


@pytest.mark.parametrize("name", PERSONAS)
def test_the_checklist_keeps_the_voice(name: str) -> None:
    draft = persona(name)
    text = items(checklist(draft))
    assert "personen" not in text  # "jeg" for the person, the name when someone writes for them
    if draft.filled_in_by == "self":
        assert "Om jeg kan være arbeidsleder, eller trenger en medarbeidsleder." in text
    elif name != "emil":
        assert f"Om {draft.person.name} kan være arbeidsleder" in text


# --- the additions of issue 11, per language ---------------------------------------------------

_ADDITIONS = {
    "nb": (
        "Hvordan tilstanden varierer: gode og dårlige dager",
        "Behov for tilsyn",
        "Hvor lang tid daglige gjøremål tar",
        "Fødselsdato: 14. mars 1992",
        "Send den innen: ____",
        "Helseoppgaver og hjelp på skole eller jobb gjør det ikke. Av summen teller 34,5 timer "
        "med for retten. Søknaden ber om at de enkle helseoppgavene blir en del av "
        "BPA-ordningen.",
    ),
    "nn": (
        "Korleis tilstanden varierer: gode og dårlege dagar",
        "Behov for tilsyn",
        "Kor lang tid daglege gjeremål tek",
        "Fødselsdato: 14. mars 1992",
        "Send ho innan: ____",
        "Helseoppgåver og hjelp på skule eller jobb gjer det ikkje. Av summen tel 34,5 timar med "
        "for retten. Søknaden ber om at dei enkle helseoppgåvene blir ein del av BPA-ordninga.",
    ),
    "en": (
        "How the condition varies: good and bad days",
        "The need for supervision (tilsyn)",
        "How long everyday tasks take",
        "Date of birth: 14 March 1992",
        "Please send it by: ____",
        "Health tasks and help at school or work do not. Of the total, 34.5 hours count toward "
        "the right. The application asks that the simple health tasks be part of the BPA scheme.",
    ),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_additions_in_every_language(lang: str) -> None:
    """Variation, supervision, time, the date of birth, by when, and which hours count (with the
    health tasks the application asks into the scheme, so the two documents agree)."""
    doc = checklist(persona("kari"), lang)
    text = "\n".join((*doc.letterhead, doc.plain_text()))
    for phrase in _ADDITIONS[lang]:
        assert phrase in text, (lang, phrase)


_NIGHT_ANSWER = {
    "nb": (
        "Hjelp om natta: trengs. Beskriv gjerne hvor ofte, og hvorfor.",
        "To hjelpere samtidig: trengs. Beskriv gjerne hvor ofte, og hvorfor.",
        "Hjelp om natta: hver natt (kontinuerlig).",
        ("punktvis", "av og til"),
    ),
    "nn": (
        "Hjelp om natta: trengst. Skildre gjerne kor ofte, og kvifor.",
        "To hjelparar samtidig: trengst. Skildre gjerne kor ofte, og kvifor.",
        "Hjelp om natta: kvar natt (kontinuerleg).",
        ("punktvis", "av og til"),
    ),
    "en": (
        "Help at night: needed. Please describe how often, and why.",
        "Two helpers at once: needed. Please describe how often, and why.",
        "Help at night: every night (continuous).",
        ("occasional", "now and then"),
    ),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_doctor_is_never_primed_toward_the_level_that_does_not_count(lang: str) -> None:
    """Occasional night or two-helper help does not count toward the right: the week summary
    asks the doctor to describe how often, and never names that level for them to confirm."""
    night, two, every_night, never = _NIGHT_ANSWER[lang]
    week = checklist(persona("aanga"), lang).section("week").plain_text()
    assert night in week and two in week
    for word in never:
        assert word not in week, (lang, word)
    draft = persona("aanga")
    draft.night_need = NeedLevel.CONTINUOUS
    assert every_night in checklist(draft, lang).section("week").plain_text()


_TO_THE_PARENTS = {
    "nb": ("Gi gjerne erklæringen til foreldrene til Emil Hansen,", "til Emil Hansen eller"),
    "nn": ("Gi gjerne fråsegna til foreldra til Emil Hansen,", "til Emil Hansen eller"),
    "en": ("Please give the statement to the parents of Emil Hansen,", "to Emil Hansen or"),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_childs_statement_goes_to_the_parents(lang: str) -> None:
    to_parents, to_child = _TO_THE_PARENTS[lang]
    send = checklist(persona("emil"), lang).section("send").plain_text()
    assert to_parents in send
    assert to_child not in send
    adult = checklist(persona("jonas"), lang).section("send").plain_text()
    assert "Jonas Berg" in adult and to_parents.split(" Emil")[0] not in adult


@pytest.mark.parametrize(
    ("municipality", "office", "lang", "to"),
    [
        (
            "Trondheim",
            "Tildelingskontoret, Trondheim kommune",
            "nb",
            "Tildelingskontoret, Trondheim kommune.",
        ),
        (
            "Trondheim",
            "Tildelingskontoret, Trondheim kommune",
            "nn",
            "Tildelingskontoret, Trondheim kommune.",
        ),
        (
            "Trondheim",
            "Tildelingskontoret, Trondheim kommune",
            "en",
            "Tildelingskontoret, Trondheim kommune.",
        ),
        ("Trondheim", "Tildelingskontoret", "en", "Tildelingskontoret, Trondheim municipality."),
        ("Bærum kommune", "", "nb", "tildelingskontoret i Bærum kommune."),
        ("Bærum kommune", "", "nn", "tildelingskontoret i Bærum kommune."),
        ("Bærum kommune", "", "en", "the service office of Bærum kommune."),
        ("Bærum", "", "nb", "tildelingskontoret i Bærum kommune."),
        ("Bærum", "", "en", "the service office of Bærum municipality."),
        ("Nes", "Tjenestekontoret", "nb", "Tjenestekontoret, Nes kommune."),
        ("", "", "nb", "kommunens tildelingskontor."),
    ],
)
def test_send_to_names_the_municipality_once(
    municipality: str, office: str, lang: str, to: str
) -> None:
    """ "Tildelingskontoret, Trondheim kommune, Trondheim kommune" and "Bærum kommune kommune":
    the checklist addresses the municipality as the letters do (documents/letter.addressee)."""
    draft = persona("kari")
    draft.person.municipality = municipality
    draft.application.service_office = office
    text = checklist(draft, lang).section("send").plain_text()
    assert f" {to} " in text, text
    for twice in ("kommune kommune", "kommune, Trondheim", "municipality municipality"):
        assert twice not in text
