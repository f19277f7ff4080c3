"""Three personas from the start page to the result and the PDF, in Chromium.

Kari (an adult applying herself) is typed in full, answer by answer; Emil (a child, filled in by
his mother) and Áŋŋá (with a counsellor) continue from their saved draft files. Each ends with
the PDF from the download page, read back with pypdf.
"""

from __future__ import annotations

import urllib.request
from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from bpa_core.documents.strategy import applied_minutes
from bpa_core.rules import assess
from bpa_core.rules.hours import display_hours
from bpa_ui import steps
from tests.browser.journey import Journey, pdf_text
from tests.browser.server import Server
from tests.support import PERSONA_DRAFTS, persona_draft, persona_expected

OUTCOME = {
    "right": "You probably have a right to BPA.",
    "right_unless_cost": "probably has a right to BPA, unless the municipality shows",
}


def _result_and_pdf(journey: Journey, name: str, server: Server, *, doc_lang: str = "nb") -> None:
    page = journey.page
    expected = persona_expected(name)["expected"]
    draft = persona_draft(name)
    # Counted hours are shown rounded down to a tenth (Áŋŋá: 25 h 10 min, 25.2 in her description).
    assessment = assess(draft, on=date.today())
    counted = assessment.counted_minutes
    assert abs(counted / 60 - Fraction(str(expected["counted_hours"]))) <= Fraction(1, 20)
    hours_en = f"{display_hours(counted).normalize():f}"
    main = page.get_by_role("main")
    assert main.get_by_text(f"Counted toward the right to BPA: {hours_en} hours").count() == 1

    journey.go_to("download")
    data, url = journey.download_pdf()
    assert data.startswith(b"%PDF")
    # The app serves the download itself, to this browser's session: with the page's headers.
    assert "/_bpa/download/" in url
    request = urllib.request.Request(url, headers={"Cookie": journey.browser_key()})
    with urllib.request.urlopen(request, timeout=10) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
        assert response.read() == data
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["content-type"] == "application/pdf"
    text = pdf_text(data)
    assert draft.person.name in text
    assert draft.person.municipality in text
    # The application names the hours applied for (the whole need BPA can hold); the counted
    # hours only where they give the right (never Áŋŋá's 25,1, minutes above the line).
    applied = f"{display_hours(applied_minutes(assessment)).normalize():f}"
    if doc_lang == "en":  # no document language chosen: the documents follow the interface
        assert f"{applied} hours a week" in text
    else:
        assert f"{applied.replace('.', ',')} timer i uka" in text
    if expected["outcome"] == "right_unless_cost":
        assert hours_en not in text and hours_en.replace(".", ",") not in text
    assert "§ 2-1 d" in text  # the right is what is applied for
    assert "unexpected error" not in server.text_output()


def test_kari_typed_in_full(app_server: Server, page: Any) -> None:
    journey = Journey(page, app_server.url, "en")
    journey.open()
    journey.fill(persona_draft("kari"))
    journey.wait_for_step(steps.RESULT)
    heading = page.get_by_role("heading", level=2, name="You probably have a right to BPA.")
    assert heading.count() == 1
    _result_and_pdf(journey, "kari", app_server, doc_lang="en")


@pytest.mark.parametrize("name", ["emil", "aanga"])
def test_persona_from_draft_file(app_server: Server, page: Any, name: str) -> None:
    journey = Journey(page, app_server.url, "en")
    journey.open()
    journey.restore(PERSONA_DRAFTS / f"{name}.json")
    journey.next(steps.CHECK)
    _result_and_pdf(journey, name, app_server)
