"""The PDF: headings in order, names round-trip, fonts embedded, metadata, page numbers, CLI."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from bpa_core.documents.build import build_documents
from bpa_core.documents.model import Document, Section, Table
from bpa_core.render.names import pdf_file_name
from bpa_core.render.pdf import clean_text, markup, render_pdf
from tests.docs_support import ASSESSED_ON, PERSONAS, REPO, pdf_pages, persona, squash


def documents(name: str, choice: str = "all", lang: str = "nb") -> list[Document]:
    return build_documents(persona(name), choice, lang, on=ASSESSED_ON)


def fonts(pdf: bytes) -> list[DictionaryObject]:
    """Every font dictionary reachable from the pages (and from form XObjects inside them)."""
    found: dict[int, DictionaryObject] = {}

    def resolve(obj: Any) -> Any:
        return obj.get_object() if isinstance(obj, IndirectObject) else obj

    def walk(resources: Any) -> None:
        resources = resolve(resources)
        if not resources:
            return
        for font in resolve(resources.get("/Font", {})).values():
            font = resolve(font)
            found[id(font)] = font
            for descendant in font.get("/DescendantFonts", []):
                d = resolve(descendant)
                found[id(d)] = d
        for xobject in resolve(resources.get("/XObject", {})).values():
            walk(resolve(xobject).get("/Resources"))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return list(found.values())


@pytest.mark.parametrize("name", PERSONAS)
def test_every_heading_in_order(name: str) -> None:
    docs = documents(name)
    text = squash("\n".join(pdf_pages(render_pdf(docs))))
    position = 0
    for doc in docs:
        for heading in [doc.title, *(s.title for s in doc.sections)]:
            found = text.find(squash(heading), position)
            assert found >= 0, f"{heading!r} missing or out of order"
            position = found + 1


def test_sami_name_round_trips() -> None:
    pages = pdf_pages(render_pdf(documents("aanga")))
    assert "Áŋŋá Máret Gaup" in pages[0]
    assert "Om Áŋŋá Máret Gaup" in "\n".join(pages)
    assert "Guovdageaidnu / Kautokeino" in pages[0]


def test_every_font_is_embedded_and_no_builtin_font_is_referenced() -> None:
    pdf = render_pdf(documents("aanga"))
    found = fonts(pdf)
    assert found
    for font in found:
        if font.get("/Subtype") == "/Type0":
            continue  # its descendant carries the descriptor
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"font without descriptor: {font.get('/BaseFont')}"
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
        assert "DejaVuSans" in str(font.get("/BaseFont"))
    for builtin in (b"Helvetica", b"Times-Roman", b"Courier", b"ZapfDingbats", b"Symbol"):
        assert builtin not in pdf


def test_metadata_title_subject_lang_and_no_personal_data() -> None:
    draft = persona("kari")
    pdf = render_pdf(build_documents(draft, "application", "nb", on=ASSESSED_ON))
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Søknad om brukerstyrt personlig assistanse (BPA)"
    assert meta.subject == "Søknad om BPA etter pbrl. § 2-1 d"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nb-NO"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    values = " ".join(str(v) for v in meta.values())
    for personal in ("Kari", "Nordmann", "1992", "Bærum", "sklerose"):
        assert personal not in values
    assert b"Kari" not in pdf.split(b"/Info")[0][-2000:]  # nothing personal near the Info dict


@pytest.mark.parametrize("kind", ["appeal", "access_request"])
def test_appeal_metadata_has_the_plain_title_and_no_case_data(kind: str) -> None:
    from datetime import date

    from bpa_core.documents.appeal import access_request, appeal_letter
    from bpa_core.draft import DecisionKind

    draft = persona("aanga")
    draft.appeal.decision_kind = DecisionKind.REFUSED
    draft.appeal.case_number = "26/1234"
    draft.appeal.decision_date = date(2026, 11, 6)
    draft.appeal.decision_received = date(2026, 11, 10)
    draft.appeal.decided_by = "Tildelingskontoret"
    build = appeal_letter if kind == "appeal" else access_request
    doc = build(draft, ASSESSED_ON, lang="nb")
    pdf = render_pdf(doc)
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    title = {
        "appeal": "Klage på vedtak om BPA",
        "access_request": "Krav om innsyn i saksdokumentene",
    }
    assert meta.title == title[kind]
    assert meta.subject == title[kind]
    values = " ".join(str(v) for v in meta.values())
    for personal in ("26/1234", "1234", "saksnummer", "Áŋŋá", "Gaup", "Kautokeino", "Tildeling"):
        assert personal not in values, personal
    assert "26/1234" in " ".join(pdf_pages(pdf))  # the case number stays in the letter


def test_page_numbers_and_date_in_the_document_language() -> None:
    nb = pdf_pages(render_pdf(documents("kari")))
    assert "Side 1 av 2" in nb[0]
    assert "Side 2 av 2" in nb[1]
    assert "Side 1 av 2" in nb[2]  # the checklist counts its own pages
    assert "22. november 2026" in nb[0]
    en = pdf_pages(render_pdf(documents("kari", "checklist", "en")))
    assert "Page 1 of 2" in en[0]
    assert "22 November 2026" in en[0]
    nn = pdf_pages(render_pdf(documents("emil", "application", "nn")))
    assert "Søknad om brukarstyrt personleg assistanse (BPA)" in nn[0]
    assert (
        PdfReader(io.BytesIO(render_pdf(documents("emil", "application", "nn")))).trailer["/Root"][
            "/Lang"
        ]
        == "nn-NO"
    )


def test_markup_prints_literally() -> None:
    assert markup("<para>a & b</para>") == "&lt;para&gt;a &amp; b&lt;/para&gt;"
    assert markup("a\nb") == "a<br/>b"
    assert clean_text("a\x00b\x1bc\x7fd\te\r\nf\u2028g") == "abcd    e\nf\ng"
    assert clean_text("😀 שלום Áŋŋá") == "😀 שלום Áŋŋá"


def test_emoji_and_markup_survive_into_the_pdf_text() -> None:
    draft = persona("kari")
    draft.need.description = "Vondt 😀 <para> & <b>fet</b> ŧŋ"
    pdf = render_pdf(build_documents(draft, "application", "nb", on=ASSESSED_ON))
    assert "Vondt 😀 <para> & <b>fet</b> ŧŋ" in "\n".join(pdf_pages(pdf))


def test_long_words_and_long_table_cells_do_not_crash() -> None:
    draft = persona("kari")
    draft.need.description = "x" * 50_000
    draft.rows[0].activity = "\n".join(["a"] * 100)  # a row taller than a page
    draft.rows[1].activity = "y" * 200
    pdf = render_pdf(build_documents(draft, "all", "nb", on=ASSESSED_ON))
    assert squash("".join(pdf_pages(pdf))).count("x") >= 50_000


def test_a_table_cell_of_50000_characters_splits_across_pages() -> None:
    words = " ".join(["ord"] * 12_500)[:50_000]
    doc = Document(
        kind="appeal",
        lang="nb",
        title="T",
        subject="S",
        dated=ASSESSED_ON,
        sections=(
            Section("s", "Tabell", (Table(header=("A", "B"), rows=((words, "z" * 5_000),)),)),
        ),
    )
    pages = pdf_pages(render_pdf(doc))
    assert len(pages) > 5
    assert squash("".join(pages)).count("ord") == words.count("ord")


def test_file_names_hold_no_personal_data() -> None:
    application, checklist = documents("kari")
    assert pdf_file_name(application) == "bpa-soknad-2026-11-22.pdf"
    assert pdf_file_name(checklist) == "bpa-legeerklaering-2026-11-22.pdf"
    assert pdf_file_name([application, checklist]) == "bpa-dokumenter-2026-11-22.pdf"
    en = documents("kari", "application", "en")
    assert pdf_file_name(en) == "bpa-application-2026-11-22.pdf"


def test_render_needs_a_document() -> None:
    with pytest.raises(ValueError):
        render_pdf([])


def test_cli_render(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    args = [sys.executable, "-m", "bpa_core", "render", "tests/personas/emil.json"]
    run = subprocess.run(
        [*args, "--doc", "all", "--lang", "nn", "--on", "2026-11-22", "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    text = "\n".join(pdf_pages(out.read_bytes()))
    assert "Søknad om brukarstyrt personleg assistanse (BPA)" in text
    assert "Til legen: sjekkliste for legeerklæring om BPA" in text
    only = tmp_path / "c.pdf"
    run = subprocess.run([*args, "--doc", "checklist", "-o", str(only)], cwd=REPO)
    assert run.returncode == 0
    checklist_only = "\n".join(pdf_pages(only.read_bytes()))
    assert "Til legen: sjekkliste for legeerklæring om BPA" in checklist_only
    assert "Søknad om" not in checklist_only
    bad = subprocess.run([*args, "--doc", "letter", "-o", str(only)], cwd=REPO, capture_output=True)
    assert bad.returncode == 2
    missing = subprocess.run(
        [sys.executable, "-m", "bpa_core", "render", "nope.json", "-o", str(only)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: cannot read nope.json")


def test_a_very_long_paragraph_is_cut_at_natural_places() -> None:
    from bpa_core import limits
    from bpa_core.render.pdf import CHUNK_LINES, _pieces

    assert _pieces("Kort tekst.") == ["Kort tekst."]
    sentences = "Dette er en setning. " * 600
    pieces = _pieces(sentences)
    assert len(pieces) > 1
    assert all(limits.printed_lines(p) <= CHUNK_LINES for p in pieces)
    assert all(p.endswith(".") for p in pieces[:-1])  # cut after a sentence
    assert squash("".join(pieces)) == squash(sentences)
    lines = ("a" * 100 + "\n") * 100
    assert _pieces(lines) == ["a" * 100] * 100 + [""]  # each line is a piece
    word = "x" * 7_000  # one word (about 98 lines): cut where a piece is full
    assert [limits.printed_lines(p) for p in _pieces(word)] == [CHUNK_LINES] * 3 + [8]
    assert "".join(_pieces(word)) == word


# --- non-breaking spaces: legal references, numbers with units and dates stay on one line ---

NB = "\xa0"


def _appeal_draft(name: str) -> Any:
    from bpa_core.draft import Answer, DecisionKind

    draft = persona(name)
    draft.appeal.decision_kind = DecisionKind.REFUSED
    draft.appeal.decision_date = date(2026, 11, 6)
    draft.appeal.decision_received = date(2026, 11, 10)
    draft.appeal.reasons_given = Answer.NO
    return draft


def _all_letters(name: str, lang: str) -> list[Document]:
    from bpa_core.appeal import offered_grounds
    from bpa_core.documents.appeal import access_request, appeal_letter
    from bpa_core.rules import assess

    draft = _appeal_draft(name)
    draft.appeal.grounds = [g.id.value for g in offered_grounds(draft, assess(draft, on=TODAY))]
    return [
        *documents(name, "all", lang),
        appeal_letter(draft, TODAY, lang=lang),
        access_request(draft, TODAY, lang=lang),
    ]


TODAY = date(2026, 11, 22)


def _texts(doc: Document) -> str:
    """Every text of the document as it is printed (non-breaking spaces kept)."""
    out: list[str] = [*doc.letterhead, doc.title]
    for s in doc.sections:
        out.append(s.title)
        for b in s.blocks:
            if isinstance(b, Table):
                out += [*b.header, *(c for r in b.rows for c in r), *(b.footer or ())]
            elif hasattr(b, "text"):
                out.append(b.text)
            elif hasattr(b, "items"):
                out += [x if isinstance(x, str) else f"{x[0]}: {x[1]}" for x in b.items]
    return "\n".join(out)


@pytest.mark.parametrize(
    ("lang", "kept"),
    [
        (
            "nb",
            [
                f"pbrl.{NB}§{NB}2-1{NB}d",
                f"hol.{NB}§{NB}3-8",
                f"§§{NB}24{NB}og{NB}25",
                f"34,5{NB}timer",
                f"2{NB}år",
                f"10.{NB}november{NB}2026",
                f"1{NB}t{NB}15{NB}min",
            ],
        ),
        ("nn", [f"pbrl.{NB}§{NB}2-1{NB}d", f"§§{NB}24{NB}og{NB}25", f"34,5{NB}timar"]),
        (
            "en",
            [
                f"(pbrl.){NB}§{NB}2-1{NB}d",
                f"§§{NB}24{NB}and{NB}25",
                f"34.5{NB}hours",
                f"10{NB}November{NB}2026",
            ],
        ),
    ],
)
def test_references_numbers_and_dates_are_kept_on_one_line(lang: str, kept: list[str]) -> None:
    text = "\n".join(_texts(d) for d in _all_letters("kari", lang))
    for piece in kept:
        assert piece in text, piece
    for broken in ("pbrl. §", "§ 2-1", "§§ 24", "34,5 timer", "34.5 hours"):
        assert broken not in text, broken


def test_the_users_own_text_keeps_its_spaces() -> None:
    from bpa_core.documents.application import build_application
    from bpa_core.rules import assess

    draft = persona("kari")
    draft.need.description = "Se pbrl. § 2-1 d: 67 år, 3 timer."
    doc = build_application(draft, assess(draft, on=ASSESSED_ON), "nb", dated=ASSESSED_ON)
    assert "Se pbrl. § 2-1 d: 67 år, 3 timer." in _texts(doc)


def test_the_font_prints_nbsp_and_no_line_breaks_inside_the_kept_pieces() -> None:
    from reportlab.pdfbase import pdfmetrics

    from bpa_core.render.pdf import FONT, register_fonts

    register_fonts()
    assert 0xA0 in pdfmetrics.getFont(FONT).face.charToGlyph
    for name in ("kari", "emil", "jonas", "aanga"):
        for lang in ("nb", "en"):
            pages = pdf_pages(render_pdf(_all_letters(name, lang)))
            text = "\n".join(pages).replace(NB, " ")
            assert "pbrl. § 2-1 d" in text or "(pbrl.) § 2-1 d" in text
            for broken in (
                r"(?:pbrl|hol)\.\)?\s*\n\s*§",
                r"§§?\s*\n",
                r"§ \d+(?:-\d+)?\s*\n\s*[a-z]\b",
                r"\d\s*\n\s*(?:timer|time|år|hours|hour|years|og \d|and \d)\b",
                r"\d+\.?\s*\n\s*(?:januar|februar|mars|april|mai|juni|juli|august|september"
                r"|oktober|november|desember|January|February|March|April|May|June|July"
                r"|August|September|October|November|December)\b",
            ):
                assert not re.search(broken, text), (name, lang, broken)


@pytest.mark.parametrize("name", PERSONAS)
def test_the_signature_never_stands_alone_on_a_page(name: str) -> None:
    """Kari's signature fell onto a page of its own: it goes with the section before it."""
    doc = documents(name, "application")[0]
    ids = [s.id for s in doc.sections]
    before = doc.sections[ids.index("signature") - 1]
    pages = pdf_pages(render_pdf(doc))
    page = next(p for p in pages if "Sted og dato:" in p)
    assert squash(before.title) in squash(page), name


def test_keeping_numbers_with_their_words_needs_no_list_of_words() -> None:
    """Any language's unit word stays with its number, and the little word of "§§ 24 og 25":
    adding a language adds no word list to the code."""
    from bpa_core.documents.text import NBSP, keep_together

    assert keep_together("{hours} tiimaa, 4 viikkoa") == f"{{hours}}{NBSP}tiimaa, 4{NBSP}viikkoa"
    assert keep_together("§§ 24 ja 25") == f"§§{NBSP}24{NBSP}ja{NBSP}25"
    assert keep_together("{name} søker") == "{name} søker"  # a name is not a number
