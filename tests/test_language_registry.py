"""One language registry: an entry in bpa_core/languages.py is all the code needs to know of a
language. A test-only entry (no catalogs: English msgids show) is accepted by the Draft,
offered by the interface's and the documents' choosers, and sets <html lang> and the PDF's
/Lang from the registry."""

from __future__ import annotations

import io
import json

import pytest
from pydantic import ValidationError
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from bpa_core import languages
from bpa_core.documents.build import build_documents
from bpa_core.draft import DRAFT_FORMAT, Draft
from bpa_core.languages import Language
from bpa_core.render.pdf import render_pdf
from tests.app.driver import ASSESSED_ON
from tests.support import ROOT, persona_draft

EXTRA = Language(
    "se", "se_NO", "se-NO", "Davvisámegiella", document_name="Davvisámegiella (dokumeanttat)"
)


@pytest.fixture
def extra_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languages, "REGISTRY", (*languages.REGISTRY, EXTRA))


def _file(**fields: str) -> str:
    return json.dumps({"format": DRAFT_FORMAT, **fields})


def test_the_draft_knows_only_the_registrys_languages() -> None:
    assert Draft.model_validate_json(_file(document_language="nn")).document_language == "nn"
    with pytest.raises(ValidationError):
        Draft.model_validate_json(_file(document_language="se"))
    with pytest.raises(ValidationError):
        Draft().document_language = "se"


def test_an_added_language_is_accepted_by_the_draft(extra_language: None) -> None:
    draft = Draft.model_validate_json(_file(document_language="se", interface_language="se"))
    assert (draft.document_language, draft.interface_language) == ("se", "se")
    fresh = Draft()
    fresh.document_language = "se"
    assert Draft.model_validate_json(fresh.to_json()).chosen_document_language == "se"
    assert languages.normalize("se-NO") == "se"


def test_an_added_language_is_offered_by_both_choosers(extra_language: None) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "se"
    at.session_state["assess_on"] = ASSESSED_ON
    at.session_state["draft"] = persona_draft("kari")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    chooser = at.radio(key="language_choice_start")
    assert chooser.value == "se"
    assert "Davvisámegiella" in chooser.options and "Bokmål" in chooser.options
    # <html lang> is set from the session's registry entry
    assert any('documentElement.lang = "se"' in h.proto.body for h in at.get("html"))
    at.switch_page("pages/application.py").run()
    assert not at.exception, [e.value for e in at.exception]
    documents = at.selectbox[0]
    assert documents.options[-1] == "Davvisámegiella (dokumeanttat)"
    assert "Norsk nynorsk" in documents.options
    documents.select("nn").run()  # two changes in a row: the second one used to be lost
    assert at.session_state["draft"].document_language == "nn"
    at.selectbox[0].select("se").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["draft"].document_language == "se"


def test_an_added_language_gives_the_pdf_its_tag(extra_language: None) -> None:
    docs = build_documents(persona_draft("kari"), "all", "se", on=ASSESSED_ON)
    assert [d.lang for d in docs] == ["se", "se"]
    root = PdfReader(io.BytesIO(render_pdf(docs))).trailer["/Root"]
    assert root["/Lang"] == "se-NO"
