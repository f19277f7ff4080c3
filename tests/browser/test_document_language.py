"""The documents' language chooser in a real browser: every change holds, one after another
(with the shown language as the widget's default, every second change was lost)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import wait_for_app
from tests.browser.server import Server

LABEL = "Language of the documents"
TITLES = {
    "Norsk nynorsk": "Søknad om brukarstyrt personleg assistanse (BPA)",
    "English": "Application for user-controlled personal assistance",
    "Norsk bokmål": "Søknad om brukerstyrt personlig assistanse (BPA)",
}


def choose(page: Any, name: str) -> None:
    """Open the chooser and pick ``name``; open it again if a rerun closed the list first."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _attempt in range(3):
        page.get_by_role("combobox", name=LABEL, exact=True).click()
        try:
            page.get_by_role("option", name=name, exact=True).click(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            wait_for_app(page)
    wait_for_app(page)


def test_every_change_of_the_documents_language_holds(app_server: Server, page: Any) -> None:
    page.goto(app_server.url + "/application?lang=en")
    wait_for_app(page)
    main = page.get_by_role("main")
    shown = "English"
    for name in ("Norsk nynorsk", "English", "Norsk bokmål", "Norsk nynorsk"):
        # the last choice still holds when the next is made (the preview may still be drawing:
        # wait for it, up to Playwright's limit, rather than read it once)
        expect(main.get_by_text(TITLES[shown]).first).to_be_visible()
        choose(page, name)
        main.get_by_text(TITLES[name]).first.wait_for()
        shown = name
    wait_for_app(page)
    expect(main.get_by_text(TITLES[shown]).first).to_be_visible()
    assert page.locator("h1").first.inner_text().startswith("Step 12 of 14")  # still English
