"""The application, checklist and download pages, driven as standalone page scripts (AppTest)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from bpa_core.draft import Draft, FilledInBy
from tests.docs_support import PERSONAS, REPO, persona
from tests.support import download_links, html_text


def page(name: str, draft: Draft, lang: str = "nb") -> AppTest:
    at = AppTest.from_file(str(REPO / "pages" / f"{name}.py"), default_timeout=60)
    at.session_state["draft"] = draft
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def texts(at: AppTest) -> str:
    """The text shown: st.text, and the previews' text (one html element per section)."""
    return "\n".join([t.value for t in at.text] + html_text(at))


def submit(at: AppTest, form: str) -> AppTest:
    button = next(b for b in at.button if b.key and b.key.startswith(f"FormSubmitter:{form}-"))
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("name", PERSONAS)
def test_application_page_shows_every_section(name: str) -> None:
    at = page("application", persona(name))
    assert at.title[0].value == "Steg 12 av 14 – Søknaden"
    shown = html(at)
    assert "Søknad om brukerstyrt personlig assistanse (BPA)" in shown
    for title in ("Personopplysninger", "Min uke" if name in ("kari",) else "Vedlegg"):
        assert f"{title}</h3>" in shown
    assert "<table" in shown and "<caption>Hjelp i en vanlig uke</caption>" in shown


def test_editing_a_section_is_kept_in_the_draft_and_can_be_undone() -> None:
    draft = persona("kari")
    at = page("application", draft)
    at.text_area(key="text_about_nb_0").input("Jeg har MS.\n\nJeg jobber halv tid.")
    submit(at, "edit_about_0")
    assert draft.application.section_edits == {"about": "Jeg har MS.\n\nJeg jobber halv tid."}
    assert "Jeg har MS." in texts(at)
    assert "Du har endret teksten i denne delen." in [c.value for c in at.caption]
    reset = next(b for b in at.button if b.label == "Bruk forslaget igjen")
    reset.click().run()
    assert draft.application.section_edits == {}
    assert "Multippel sklerose, diagnostisert 2019." in texts(at)


def test_saving_the_suggested_text_unchanged_makes_no_edit() -> None:
    draft = persona("kari")
    at = page("application", draft)
    submit(at, "edit_why_bpa_0")
    assert draft.application.section_edits == {}


def test_counsellor_note_only_for_a_counsellor() -> None:
    assert not [t for t in page("application", persona("kari")).text_area if "note" in t.key]
    draft = persona("aanga")
    assert draft.filled_in_by == FilledInBy.COUNSELLOR
    at = page("application", draft)
    at.text_area(key="counsellor_note_text_0").input("Jeg kjenner saken godt.")
    submit(at, "counsellor_note_0")
    assert draft.application.counsellor_note == "Jeg kjenner saken godt."
    assert ". Merknad fra rådgiver</h3>" in html(at)
    assert "Jeg kjenner saken godt." in texts(at)


def test_document_language_is_chosen_apart_from_the_interface() -> None:
    draft = persona("kari")
    at = page("application", draft, lang="en")
    assert at.title[0].value == "Step 12 of 14 – The application"
    assert "Søknad om brukerstyrt personlig assistanse (BPA)" in html(at)
    at.selectbox[0].select("nn").run()
    assert draft.document_language == "nn"
    assert "Søknad om brukarstyrt personleg assistanse (BPA)" in html(at)
    assert at.title[0].value == "Step 12 of 14 – The application"


def test_user_text_is_shown_as_text_never_as_markup() -> None:
    draft = persona("jonas")  # third person: the name is in a section title too
    draft.person.name = "![x](https://example.com/t.png) <b>Kari</b> **fet**"
    draft.goals.goals = "<script>alert(1)</script> [lenke](https://example.com)"
    at = page("application", draft)
    assert "![x](https://example.com/t.png) <b>Kari</b> **fet**" in texts(at)
    assert "<script>alert(1)</script> [lenke](https://example.com)" in texts(at)
    shown = html(at)
    assert "<script>alert" not in shown and "<b>Kari" not in shown
    assert "&lt;b&gt;Kari&lt;/b&gt;" in shown  # in the section title "Om ...", escaped
    for md in at.markdown:
        assert "example.com" not in md.value
    # Labels read Markdown (and link bare web addresses): they never carry user text.
    labels = [e.label for e in at.expander] + [t.label for t in at.text_area]
    assert labels and not [label for label in labels if "example.com" in label]


def test_checklist_page_is_tailored() -> None:
    shown = html(page("checklist", persona("aanga")))
    assert "Til legen: sjekkliste for legeerklæring om BPA" in shown
    assert "Behovet for hjelp om natta" in shown
    assert "Barnets behov" not in shown
    assert "Barnets behov" in html(page("checklist", persona("emil")))


def _make_pdf(at: AppTest) -> None:
    next(b for b in at.button if b.label == "Lag PDF").click().run()
    assert not at.exception
    assert download_links(at) == ["Last ned PDF", "Lagre svarene mine (fil)"]
    assert at.success[0].value.startswith("PDF-en er klar.")


def _pdf_offered(at: AppTest) -> bool:
    return "pdf" in at.session_state["download_desk"].offers


def test_download_makes_the_pdf_on_click_only() -> None:
    at = page("download", persona("emil"))
    assert download_links(at) == ["Lagre svarene mine (fil)"]  # no PDF before it is asked for
    _make_pdf(at)


def test_the_pdf_link_stays_while_the_pdf_fits_the_answers_and_choices() -> None:
    """Any other run (a click elsewhere, the tab's copy) keeps the link: the PDF is the same.
    A changed answer, choice of documents or documents' language removes it, and the PDF with
    it: it no longer fits."""
    at = page("download", persona("emil"))
    _make_pdf(at)
    at.run()
    at.run()
    assert download_links(at) == ["Last ned PDF", "Lagre svarene mine (fil)"]
    assert not at.success  # said once, when it was made
    at.session_state["draft"].person.municipality = "Bodø"  # an answer changed in place
    at.run()
    assert download_links(at) == ["Lagre svarene mine (fil)"] and not _pdf_offered(at)

    _make_pdf(at)
    at.radio(key="download_choice").set_value("checklist").run()
    assert download_links(at) == ["Lagre svarene mine (fil)"] and not _pdf_offered(at)

    _make_pdf(at)
    at.selectbox[0].set_value("nn").run()  # the documents' language
    assert not at.exception
    assert download_links(at) == ["Lagre svarene mine (fil)"] and not _pdf_offered(at)
    _make_pdf(at)
    at.run()
    assert download_links(at) == ["Last ned PDF", "Lagre svarene mine (fil)"]


def test_download_files_are_made_by_a_worker_or_when_fetched_never_while_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The draft file is made only when its link is fetched; the PDF in the run the click on
    "Make the PDF" causes, by a worker process: this process never renders it."""
    import bpa_core.render.pdf as pdf

    made: list[str] = []

    def making(what: str, result: object) -> object:
        made.append(what)
        return result

    monkeypatch.setattr(Draft, "to_json", lambda self: making("draft", "{}"))
    monkeypatch.setattr(pdf, "render_pdf", lambda docs: making("pdf", b""))
    at = page("download", persona("emil"))
    next(b for b in at.button if b.label == "Lag PDF").click().run()
    assert not at.exception
    assert download_links(at) == ["Last ned PDF", "Lagre svarene mine (fil)"]
    assert made == []
    offer = at.session_state["download_desk"].offers["pdf"]
    assert offer.data.startswith(b"%PDF") and offer.file_name.endswith(".pdf")


def test_a_pdf_past_its_time_limit_is_stopped_and_the_user_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 15/16: a render that runs past the hard limit is killed, its worker replaced, and
    the page says so in the user's language; the next PDF is made by the fresh worker."""
    from bpa_ui import pdf_worker

    pool = pdf_worker.PdfPool(pdf_worker.Settings(workers=1, time_limit=0.005)).start()
    monkeypatch.setattr(pdf_worker, "_pool", pool)
    try:
        before = pool.pids()
        at = page("download", persona("emil"), lang="nn")
        next(b for b in at.button if b.label == "Lag PDF").click().run()
        assert not at.exception
        assert at.error[0].value.startswith("Det tok for lang tid å lage PDF-en")
        assert download_links(at) == ["Lagre svara mine (fil)"]
        assert pool.replaced == 1 and pool.pids() != before
        pool.settings = pdf_worker.Settings(workers=1, time_limit=60)
        next(b for b in at.button if b.label == "Lag PDF").click().run()
        assert download_links(at) == ["Last ned PDF", "Lagre svara mine (fil)"]
    finally:
        pool.stop()


def test_delete_everything_asks_first_and_then_forgets_all() -> None:
    draft = persona("emil")
    at = page("download", draft)
    submit(at, "delete_everything")
    assert at.error[0].value.startswith("Kryss av i boksen")
    assert at.session_state["draft"] is draft
    at.checkbox[0].check()
    submit(at, "delete_everything")
    assert at.success[0].value == "Alt du skrev inn, er slettet fra denne økten."
    assert "draft" not in at.session_state or at.session_state["draft"] is not draft
    assert at.session_state["lang"] == "nb"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("nn", "Søknad om brukarstyrt personleg assistanse (BPA)"),
        ("en", "Application for user-controlled personal assistance (BPA)"),
    ],
)
def test_documents_follow_the_interface_language_until_one_is_chosen(lang: str, title: str) -> None:
    draft = persona("kari")
    draft.document_language = None
    at = page("application", draft, lang=lang)
    assert title in html(at)
    assert draft.chosen_document_language is None  # nothing chosen: it keeps following
    at.selectbox[0].select("nb").run()
    assert draft.document_language == "nb"
    assert "Søknad om brukerstyrt personlig assistanse (BPA)" in html(at)
