"""No document ends on a page that holds only its last few lines.

The doctor's checklist ended on a page holding only "teller 51,6 timer med for retten." (Kari
and 21 more rows): the lines after a table, and a paragraph's last line, go over with what comes
before them. Swept over the number of rows, so that the page ends at every place in the week.
"""

from __future__ import annotations

import pytest

from bpa_core.documents.build import build_documents
from bpa_core.documents.model import Document, Paragraph, Section, Table
from bpa_core.draft import ActivityRow, Category, Draft, Per
from bpa_core.render.pdf import render_pdf
from tests.docs_support import ASSESSED_ON, pdf_pages, persona, squash

ADDED_ROWS = range(0, 41)
# A last page with fewer lines than this (pypdf gives each table cell a line of its own) holds
# only a tail, unless it is a whole section that starts there (the power of attorney).
FEW_LINES = 10


def with_rows(draft: Draft, added: int) -> Draft:
    more = [
        ActivityRow(
            category=Category.MEALS, activity=f"Måltid {i}", minutes=7, times=1, per=Per.DAY
        )
        for i in range(added)
    ]
    return draft.model_copy(update={"rows": [*draft.rows, *more]})


def lone_tail(doc: Document, pdf: bytes) -> str | None:
    """The last page's text when it holds only a few lines of what began on the page before."""
    pages = pdf_pages(pdf)
    if len(pages) == 1:
        return None
    last = pages[-1][: pages[-1].rfind(doc.title)]  # without the footer
    lines = [line for line in last.split("\n") if line.strip()]
    if any(squash(last).startswith(squash(s.title)) for s in doc.sections):
        return None
    return last if len(lines) < FEW_LINES else None


def sweep(name: str, choice: str, lang: str) -> list[tuple[int, str]]:
    found = []
    for added in ADDED_ROWS:
        (doc,) = build_documents(with_rows(persona(name), added), choice, lang, on=ASSESSED_ON)
        if (tail := lone_tail(doc, render_pdf(doc))) is not None:
            found.append((added, tail))
    return found


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("choice", ["checklist", "application"])
def test_no_last_page_holds_only_a_tail(choice: str, lang: str) -> None:
    assert sweep("kari", choice, lang) == []


@pytest.mark.parametrize("name", ["aanga", "emil"])
def test_no_checklist_ends_on_its_need_lines_alone(name: str) -> None:
    """Áŋŋá's checklist ends with her night and two-helper lines; Emil's is a child's."""
    assert sweep(name, "checklist", "nb") == []


def test_a_paragraphs_last_line_never_stands_alone_on_the_last_page() -> None:
    """A closing paragraph (the user's own words) that the page cuts one line before its end:
    at least two of its lines go over, never its last line alone."""
    found = []
    for sentences in (6, 8, 10):
        closing = " ".join(f"Setning {i} om hvordan dagen min går." for i in range(sentences))
        for filler in range(28, 36):
            before = tuple(Paragraph(f"Linje {i} av teksten før.") for i in range(filler))
            doc = Document(
                kind="application",
                lang="nb",
                title="Søknad",
                subject="Søknad",
                dated=ASSESSED_ON,
                sections=(Section("day", "Min dag", (*before, Paragraph(closing))),),
            )
            pages = pdf_pages(render_pdf(doc))
            last = pages[-1][: pages[-1].rfind(doc.title)]
            if len(pages) > 1 and len([x for x in last.split("\n") if x.strip()]) < 2:
                found.append((sentences, filler, last))
    assert found == []


def caption_page(doc: Document) -> str | None:
    """The text from the table's caption to the end of its page, when the first two rows of the
    table are not on it."""
    table = next(b for s in doc.sections for b in s.blocks if isinstance(b, Table))
    page = next(p for p in pdf_pages(render_pdf(doc)) if table.caption in p)
    after = page[page.index(table.caption) :]
    return None if all(squash(row[0]) in squash(after) for row in table.rows[:2]) else after


def test_a_tables_caption_stays_with_its_first_rows() -> None:
    """Keeping a table's tail with its last rows must not cut its start from its caption and
    the paragraph before it: the page that shows the caption shows the first two rows too. The
    text before the table grows a line at a time, so that the table starts at every place."""
    table = Table(
        header=("Aktivitet", "Hver gang", "Hvor ofte", "Timer i uka"),
        rows=tuple((f"Rad {i}", "10 min", "1 gang om dagen", "1,2") for i in range(6)),
        footer=("Sum", "", "", "7,0"),
        caption="Hjelp i en vanlig uke",
    )
    found = []
    for lines in range(20, 50):
        blocks = (
            *(Paragraph(f"Linje {i} av teksten før.") for i in range(lines)),
            Paragraph("Dette er hjelpen jeg trenger i en vanlig uke."),
            table,
            Paragraph("Av summen teller 7 timer med for retten."),
        )
        doc = Document(
            "checklist",
            "nb",
            "Sjekkliste",
            "Sjekkliste",
            ASSESSED_ON,
            (Section("week", "Min uke", blocks),),
        )
        if (cut := caption_page(doc)) is not None:
            found.append((lines, cut))
    assert found == []


def test_the_weeks_caption_stays_with_its_first_rows_in_the_application() -> None:
    """The same in the application, the description growing a line at a time."""
    found = []
    for lines in range(0, 60, 2):
        draft = persona("kari")
        draft.need.description = "\n".join(f"Linje {i} om sykdommen." for i in range(lines))
        (doc,) = build_documents(draft, "application", "nb", on=ASSESSED_ON)
        if (cut := caption_page(doc)) is not None:
            found.append((lines, cut))
    assert found == []
