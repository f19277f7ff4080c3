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
    assert "Hjelp om natta: punktvis, av og til." in doc.plain_text()
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
