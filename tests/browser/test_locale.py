"""The browser's language picks the interface language when the address has no ?lang=:
Chromium in nn-NO lands in nynorsk, en-GB in English, "no" in bokmål; ?lang= wins over it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_app
from tests.browser.server import Server


@pytest.fixture
def open_in(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def opener(locale: str, url: str) -> Any:
        context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(url)
        wait_for_app(page)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize(
    ("locale", "lang", "title"),
    [
        ("nn-NO", "nn", "Steg 1 av 14 – Før du byrjar"),
        ("en-GB", "en", "Step 1 of 14 – Before you start"),
        ("no", "nb", "Steg 1 av 14 – Før du begynner"),
        ("de-DE", "nb", "Steg 1 av 14 – Før du begynner"),
    ],
)
def test_the_browser_locale_chooses_the_language(
    app_server: Server, open_in: Any, locale: str, lang: str, title: str
) -> None:
    page = open_in(locale, app_server.url + "/")
    page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")
    assert page.locator("h1").first.inner_text().strip() == title


def test_the_address_wins_over_the_browser(app_server: Server, open_in: Any) -> None:
    page = open_in("nn-NO", app_server.url + "/?lang=en")
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.locator("h1").first.inner_text().startswith("Step 1 of 14")


def test_streamlits_own_words_follow_the_language(app_server: Server, open_in: Any) -> None:
    """The help icons are named in nynorsk; the English "Press Enter to apply" hint is not
    shown. (The app has no number input since issue 14: numbers are typed as text. The names
    of a number input's +/- buttons are still set by bpa_ui.streamlit_text.)"""
    page = open_in("nb-NO", app_server.url + "/person?lang=nn")
    page.wait_for_function("() => document.documentElement.lang === 'nn'")  # also on a deep link
    want = "Hjelp om «Fødselsdato (dag.månad.år)»"
    page.wait_for_function(
        "w => Array.from(document.querySelectorAll('[aria-label]'))"
        ".some(e => e.getAttribute('aria-label') === w)",
        arg=want,
    )
    labels = page.evaluate(
        "() => Array.from(document.querySelectorAll('[aria-label]'),"
        " e => e.getAttribute('aria-label'))"
    )
    assert not [name for name in labels if name.startswith(("Help", "Increment", "Decrement"))]
    assert page.locator("[data-testid='stNumberInput']").count() == 0
    field = page.get_by_role("textbox").first
    field.fill("Dusj")
    hints = page.locator("[data-testid='InputInstructions']")
    if hints.count():
        assert "Press Enter" not in hints.first.inner_text()


def test_a_too_large_file_is_refused_in_the_sessions_language(
    app_server: Server, open_in: Any
) -> None:
    page = open_in("nb-NO", app_server.url + "/?lang=nn")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "stor.json", "mimeType": "application/json", "buffer": b" " * 1_040_000}]
    )
    # Over 1 MB (Streamlit's limit, server.maxUploadSize = 1; the app's own is the same): the
    # browser refuses it before sending anything, in the session's language. A screen reader
    # hears it (role=alert) with a translated "Error:" before it.
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stFileUploader'] [role='alert']\")"
        "?.textContent === 'Feil: Fila er større enn 1 MB. Vel utkastfila du lagra.'"
    )
    shown = page.locator("[data-testid='stFileUploader']").inner_text()
    assert "or smaller" not in shown and "Error" not in shown


def test_a_file_that_is_not_json_is_refused_in_the_sessions_language(
    app_server: Server, open_in: Any
) -> None:
    page = open_in("nb-NO", app_server.url + "/?lang=nn")
    # After the tab's first answer (the step button is enabled then): a file chosen before it
    # can be dropped by Streamlit, the race docs/ui.md describes ("The first click").
    expect(page.get_by_role("button", name="Start spørsmåla")).to_be_enabled()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "vedtak.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7"}]
    )
    page.locator("[data-testid='stAlertContentError']").filter(has_text="Lagra fil: ").wait_for()
    assert "not allowed" not in page.locator("[data-testid='stFileUploader']").inner_text()


def test_the_sidebar_lists_every_step_without_streamlits_english_view_more(
    app_server: Server, open_in: Any
) -> None:
    page = open_in("nb-NO", app_server.url + "/?lang=nn")
    nav = page.locator("[data-testid='stSidebarNav']")
    nav.get_by_text("11. Resultat").wait_for()
    shown = nav.inner_text()
    assert "View" not in shown and "more" not in shown
    for title in ("12. Søknaden", "14. Last ned", "Klag på eit vedtak"):
        assert title in shown, title


def test_the_uploaders_buttons_are_named_in_the_sessions_language_after_a_file_is_chosen(
    app_server: Server, open_in: Any
) -> None:
    page = open_in("nb-NO", app_server.url + "/?lang=nn")
    uploader = page.locator("[data-testid='stFileUploader']")
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stFileUploaderDropzone'] button\")"
        "?.getAttribute('aria-label') === 'Vel fil'"
    )
    uploader.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "vedtak.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7"}]
    )
    remove = uploader.locator("[data-testid='stFileChipDeleteBtn'] button")
    remove.wait_for()
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stFileChipDeleteBtn'] button\")"
        "?.getAttribute('aria-label') === 'Fjern fila'"
    )
    names = uploader.evaluate(
        "u => Array.from(u.querySelectorAll(\"[data-testid='stFileUploaderDropzone'] button\"),"
        " b => b.getAttribute('aria-label'))"
    )
    assert sorted(names) == ["Fjern fila", "Vel fil"]


def test_the_delete_dialogs_close_button_is_named_in_the_sessions_language(
    app_server: Server, open_in: Any
) -> None:
    page = open_in("nb-NO", app_server.url + "/?lang=nn")
    page.get_by_role("button", name="Slett alt").click()
    dialog = page.get_by_role("dialog", name="Slette alt?")
    dialog.wait_for()
    dialog.get_by_role("button", name="Lukk", exact=True).wait_for()
    assert dialog.get_by_role("button", name="Close", exact=True).count() == 0
