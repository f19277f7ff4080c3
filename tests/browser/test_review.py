"""The review in Chromium: the list and its links on the application and download pages, a link
to the step that asks (focus on its h1) and the way back, axe clean, the PDF still made."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.a11y import axe_violations
from tests.browser.journey import Journey
from tests.browser.server import Server
from tests.support import PERSONA_DRAFTS

FOCUS_ON_H1 = (
    "w => document.activeElement && document.activeElement.tagName === 'H1'"
    " && document.activeElement.textContent.trim().startsWith(w)"
)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_review_links_lead_to_the_step_and_back(app_server: Server, page: Any, lang: str) -> None:
    journey = Journey(page, app_server.url, lang)
    t = journey.t
    journey.open()
    journey.restore(PERSONA_DRAFTS / "emil.json")
    journey.next("check")  # the result
    journey.go_to("application")
    main = page.get_by_role("main")
    main.get_by_role("heading", level=2, name=t("Missing from the application")).wait_for()
    main.get_by_role("heading", level=2, name=t("Answers that do not fit together")).wait_for()
    assert axe_violations(page) == []

    goals = t("Go to step {n}: {title}").format(n=8, title=t("Goals and today's services"))
    links = main.get_by_role("button", name=goals)
    assert links.count() == 5  # goals, not done, why, services today, services replaced
    links.first.click()
    journey.wait_for_step("goals")
    page.wait_for_function(FOCUS_ON_H1, arg=journey.heading("goals"), timeout=5_000)
    back = t("Back to: {title}").format(title=t("The application"))
    page.get_by_role("button", name=back, exact=True).click()
    journey.wait_for_step("application")

    journey.next("application")  # the checklist
    journey.next("checklist")  # download
    main.get_by_role("heading", level=2, name=t("Missing from the application")).wait_for()
    assert axe_violations(page) == []
    # The review never blocks the download.
    data, _name = journey.download_pdf()
    assert data.startswith(b"%PDF")
