"""An error on our side, in Chromium: a calm, translated message, no traceback, and nothing of
what the user typed in the page or in the server's output. The failures are forced by a test-only
launcher (tests/browser/crashing_server.py); the app itself has no switch that makes it fail."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bpa_ui import steps
from tests.browser.crashing_server import SECRET
from tests.browser.journey import Journey
from tests.browser.server import Server, start_server, stop_server
from tests.support import PERSONA_DRAFTS

FRIENDLY = (
    "Something went wrong on our side. Your answers are still here. "
    "Try again, or save your answers and start again later."
)
NEVER_SHOWN = ("Traceback", "RuntimeError", "forced failure", SECRET, ".py")


@pytest.fixture(scope="module")
def crashing_server(chromium: str) -> Iterator[Server]:
    server = start_server(launcher="tests.browser.crashing_server")
    try:
        yield server
    finally:
        stop_server(server)


def assert_friendly(journey: Journey) -> None:
    page = journey.page
    alert = page.get_by_role("alert").filter(has_text=journey.t(FRIENDLY))
    alert.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('[data-testid^=\"stStatusWidgetRunning\"]')"
    )
    body = page.locator("body").inner_text()
    for text in NEVER_SHOWN:
        assert text not in body


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_an_error_in_a_page_is_friendly_and_translated(
    crashing_server: Server, page: Any, lang: str
) -> None:
    journey = Journey(page, crashing_server.url, lang)
    journey.open()
    journey.restore(PERSONA_DRAFTS / "kari.json")
    # The result page fails half-way (so it has no back and next buttons to wait for).
    page.get_by_role("button", name=journey.next_name(steps.CHECK), exact=True).click()
    page.wait_for_function("w => document.title.startsWith(w)", arg=journey.heading(steps.RESULT))
    assert_friendly(journey)
    # The answers are still here: back to the check, which shows them.
    journey.go_to_check()
    assert page.get_by_role("main").get_by_text("Kari Nordmann", exact=True).count() == 1
    output = crashing_server.text_output()
    assert "unexpected error RuntimeError" in output  # logged: the type and the place…
    assert SECRET not in output  # …never the message
    assert "Traceback" not in output


def test_an_error_in_a_callback_is_friendly(crashing_server: Server, page: Any) -> None:
    journey = Journey(page, crashing_server.url, "nn")
    journey.open()
    journey.next(steps.START)
    journey.next("person")
    journey.next("need")
    journey.type("What the help is for", "Dusj")
    journey.type("Minutes each time", "30")
    page.get_by_role("button", name=journey.t("Add activity"), exact=True).click()
    assert_friendly(journey)
    # Nothing typed is lost: the step shows the activity and minutes again.
    week = f"{steps.number('week')}. {journey.t(steps.by_id('week').title)}"
    page.get_by_role("navigation").get_by_role("link", name=week, exact=True).click()
    journey.wait_for_step("week")
    assert page.get_by_label(journey.t("What the help is for"), exact=True).input_value() == "Dusj"
    assert page.get_by_label(journey.t("Minutes each time"), exact=True).input_value() == "30"
    output = crashing_server.text_output()
    assert SECRET not in output
    assert "Traceback" not in output
