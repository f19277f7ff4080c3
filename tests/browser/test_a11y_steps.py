"""Every step in nb, nn and en, in Chromium: axe-core finds nothing, <html lang> is the language,
focus lands on the new step's h1 after next and back, each step has its own title, every control
has a name, and a bad value gives an alert that names the field."""

from __future__ import annotations

from typing import Any

import pytest

from bpa_ui import steps
from tests.browser.a11y import axe_violations, unnamed_controls
from tests.browser.conftest import wait_for_app
from tests.browser.journey import Journey
from tests.browser.server import Server
from tests.support import PERSONA_DRAFTS

FOCUS_ON_H1 = (
    "w => document.activeElement && document.activeElement.tagName === 'H1'"
    " && document.activeElement.textContent.trim().startsWith(w)"
)


def check_step(journey: Journey, step_id: str, titles: dict[str, str]) -> None:
    page = journey.page
    assert page.evaluate("document.documentElement.lang") == journey.lang, step_id
    assert axe_violations(page) == [], step_id
    assert unnamed_controls(page) == [], step_id
    titles[step_id] = page.title()


def focus_on_h1(journey: Journey, step_id: str) -> None:
    journey.page.wait_for_function(FOCUS_ON_H1, arg=journey.heading(step_id), timeout=5_000)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_step_is_accessible(app_server: Server, page: Any, lang: str) -> None:
    journey = Journey(page, app_server.url, lang)
    journey.open()
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    titles: dict[str, str] = {}
    check_step(journey, steps.START, titles)

    # Áŋŋá (with a counsellor) has an answer on every step: rows, chart, writer's fields.
    journey.restore(PERSONA_DRAFTS / "aanga.json")
    page.get_by_role(
        "button",
        name=journey.t("Change: {title}").format(title=journey.t("The person")),
        exact=True,
    ).click()
    journey.wait_for_step("person")
    step_id = "person"
    check_step(journey, step_id, titles)
    step_id = journey.next(step_id)
    focus_on_h1(journey, step_id)
    step_id = journey.back(step_id)
    focus_on_h1(journey, step_id)
    while True:
        _, forward = steps.neighbours(step_id)
        if forward is None:
            break
        step_id = journey.next(step_id)
        focus_on_h1(journey, step_id)
        check_step(journey, step_id, titles)
    step_id = journey.back(step_id)
    focus_on_h1(journey, step_id)

    if steps.available("appeal"):
        journey.back(step_id)
        journey.back("application")
        journey.go_to("appeal")
        check_step(journey, "appeal", titles)

    assert set(titles) >= {s.id for s in steps.sequence()}
    assert len(set(titles.values())) == len(titles), titles


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_bad_values_are_announced_and_name_the_field(
    app_server: Server, page: Any, lang: str
) -> None:
    journey = Journey(page, app_server.url, lang)
    t = journey.t
    journey.open()
    journey.next(steps.START)

    date_label = t("Date of birth (day.month.year)")
    journey.type("Date of birth (day.month.year)", "31.02.1990")
    alert = page.get_by_role("alert").filter(has_text=date_label)
    alert.wait_for()
    # Written right, but no such day: said so (issue 14), not "write as day.month.year".
    assert t("That date does not exist. Check the day and the month.") in alert.inner_text()
    assert page.get_by_label(date_label, exact=True).input_value() == "31.02.1990"  # kept
    assert axe_violations(page) == []

    journey.next("person")
    journey.next("need")
    # An activity without minutes: the alert names the field, the typed activity stays.
    journey.type("What the help is for", "Dusj <b>x</b>")
    page.get_by_role("button", name=t("Add activity"), exact=True).click()
    wait_for_app(page)
    minutes = t("Minutes each time")
    alert = page.get_by_role("alert").filter(has_text=minutes)
    alert.wait_for()
    assert t("This must be filled in.") in alert.inner_text()
    assert page.get_by_label(t("What the help is for"), exact=True).input_value() == "Dusj <b>x</b>"
    assert axe_violations(page) == []
