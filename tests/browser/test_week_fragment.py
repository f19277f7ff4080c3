"""The week builder is an st.fragment (issue 15), in Chromium against a real server: using it
never runs the frame (sidebar, navigation, heading, back and next), and the user sees no
difference: the row is added, the tab keeps the new answers, focus goes back to the activity
field, "How often" starts afresh, errors are announced and the note above "Next" follows them.

The server is started by a test-only launcher that writes a line each time the frame runs
(tests/browser/counting_server.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.counting_server import MARK
from tests.browser.journey import Journey
from tests.browser.server import Server, start_server, stop_server

COPY = "bpa-veiviser:draft"


@pytest.fixture(scope="module")
def counting_server(chromium: str) -> Iterator[Server]:
    server = start_server(launcher="tests.browser.counting_server")
    try:
        yield server
    finally:
        stop_server(server)


def frame_runs(server: Server) -> int:
    return sum(line.startswith(MARK) for line in list(server.output))


def test_the_week_builder_never_runs_the_frame_and_loses_nothing(
    counting_server: Server, page: Any
) -> None:
    journey = Journey(page, counting_server.url, "nb")
    t = journey.t
    page.goto(f"{counting_server.url}/week?lang=nb")
    journey.wait_for_step("week")
    last = t("Needs two helpers at the same time")
    page.get_by_role("checkbox", name=last, exact=True).wait_for()  # the whole form is there
    # The tab has answered (its answer runs the whole page once): the step buttons are enabled.
    back = page.get_by_role("button", name=journey.back_name("week"), exact=True)
    expect(back).to_be_enabled()
    wait_for_app(page)
    before = frame_runs(counting_server)
    assert before > 0  # the launcher counts

    journey.select("How often", "per week")
    journey.type("What the help is for", "Klesvask")
    journey.type("Minutes each time", "60")
    page.get_by_role("button", name=t("Add activity"), exact=True).click()
    page.get_by_role("heading", name=t("Activities ({count})").format(count=1)).wait_for()
    wait_for_app(page)
    assert page.get_by_text("60 min × 1 per uke", exact=False).count() == 1
    # Focus is back on the activity field, the form has started afresh ("How often" too).
    page.wait_for_function(
        "l => document.activeElement && document.activeElement.getAttribute('aria-label') === l",
        arg=t("What the help is for"),
        timeout=5_000,
    )
    how_often = page.get_by_role("combobox", name=t("How often"), exact=True)
    assert how_often.input_value() == t("per day")
    # The tab's copy has the new row, written by the fragment's own run.
    page.wait_for_function(
        "([k, t]) => (sessionStorage.getItem(k) || '').includes(t)", arg=[COPY, "Klesvask"]
    )
    assert frame_runs(counting_server) == before  # four runs, none of them the frame's

    # A refused row: the alert names the field, and the note above "Next" comes (the whole
    # page runs once for it).
    journey.type("What the help is for", "Dusj")
    page.get_by_role("button", name=t("Add activity"), exact=True).click()
    alert = page.get_by_role("alert").filter(has_text=t("Minutes each time"))
    alert.wait_for()
    assert t("This must be filled in.") in alert.inner_text()
    note = t("Some answers above need a look. They are kept as you wrote them.")
    page.get_by_text(note, exact=True).wait_for()
    wait_for_app(page)
    assert frame_runs(counting_server) > before
    refused = frame_runs(counting_server)

    journey.type("Minutes each time", "15")
    assert frame_runs(counting_server) == refused  # typing runs the builder alone
    page.get_by_role("button", name=t("Add activity"), exact=True).click()
    page.get_by_role("heading", name=t("Activities ({count})").format(count=2)).wait_for()
    wait_for_app(page)
    assert page.get_by_text(note, exact=True).count() == 0  # the note went with the error
    page.wait_for_function(
        "([k, t]) => (sessionStorage.getItem(k) || '').includes(t)", arg=[COPY, "Dusj"]
    )

    journey.next("week")  # the step buttons still run the whole page
    assert frame_runs(counting_server) > refused
    journey.back(steps.neighbours("week")[1].id)  # type: ignore[union-attr]
    page.get_by_role("heading", name=t("Activities ({count})").format(count=2)).wait_for()

    # Saved to a file, then a row removed by the builder alone: leaving asks again (the tab's
    # "answers of now" came from the builder's run).
    with page.expect_download():
        page.get_by_test_id("stSidebar").get_by_role(
            "link", name=t("Save my answers (file)")
        ).click()
    shown = frame_runs(counting_server)
    number = page.get_by_text(re.compile(r"^\d+\. Dusj$")).inner_text().split(".")[0]
    page.get_by_role("button", name=t("Remove {n}").format(n=number), exact=True).click()
    page.get_by_role("heading", name=t("Activities ({count})").format(count=1)).wait_for()
    wait_for_app(page)
    assert frame_runs(counting_server) == shown
    prompts: list[str] = []

    def answer(dialog: Any) -> None:
        prompts.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.close(run_before_unload=True)
    page.wait_for_timeout(1_000)
    assert prompts == ["beforeunload"] and not page.is_closed()  # asked, and stayed
