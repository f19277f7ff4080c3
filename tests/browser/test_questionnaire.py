"""The questionnaire in Chromium: what AppTest cannot see — focus, title, page language, the
sidebar on later steps, nothing typed lost on a quick "next", no request leaving 127.0.0.1."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import wait_for_app
from tests.browser.server import Server

NAME = "Áŋŋá Máret <b>Gaup</b>"


def _wait_for_title(page: Any, start: str) -> None:
    page.wait_for_function(f"() => document.title.startsWith({start!r})")
    wait_for_app(page)


def _focus_on_h1(page: Any) -> None:
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.tagName === 'H1'"
        " && document.title.startsWith(document.activeElement.textContent.trim())",
        timeout=5_000,
    )


def test_steps_move_focus_keep_typed_text_and_stay_on_127_0_0_1(
    app_server: Server, page: Any
) -> None:
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith((app_server.url, "data:", "blob:"))
            else None
        ),
    )
    page.goto(f"{app_server.url}/?lang=en")
    wait_for_app(page)
    page.get_by_role("button", name="Start the questions").click()
    _wait_for_title(page, "Step 2 of 14 – The person")
    _focus_on_h1(page)
    assert page.evaluate("document.documentElement.lang") == "en"

    # Type, then go straight to "next": the text is not lost.
    page.get_by_label("Full name").fill(NAME)
    page.get_by_role("button", name="Next: The need for help").click()
    _wait_for_title(page, "Step 3 of 14")
    _focus_on_h1(page)
    page.get_by_role("button", name="Back: The person").click()
    _wait_for_title(page, "Step 2 of 14")
    # The step's heading comes before its fields: wait for the field's value, not just the page.
    expect(page.get_by_label("Full name")).to_have_value(NAME)

    # The sidebar's language switch works on a later step and keeps the answer.
    page.get_by_role("radiogroup", name="Language").get_by_text("Nynorsk").click()
    _wait_for_title(page, "Steg 2 av 14 – Personen")
    page.wait_for_function("() => document.documentElement.lang === 'nn'")
    expect(page.get_by_label("Fullt namn")).to_have_value(NAME)
    assert outside == []


def test_save_my_answers_downloads_a_draft_file_that_restores(
    app_server: Server, page: Any, tmp_path: Any
) -> None:
    from bpa_core.draft import load_draft
    from bpa_ui.week import in_week_order
    from tests.support import PERSONA_DRAFTS, persona_draft

    page.goto(f"{app_server.url}/?lang=en")
    wait_for_app(page)
    page.set_input_files("input[type=file]", str(PERSONA_DRAFTS / "aanga.json"))
    _wait_for_title(page, "Step 10 of 14 – Check your answers")
    with page.expect_download() as download:
        page.get_by_role("link", name="Save my answers (file)").first.click()
    saved = download.value
    assert saved.suggested_filename.startswith("bpa-answers-")
    path = tmp_path / "draft.json"
    saved.save_as(path)
    want = persona_draft("aanga")
    want.rows = in_week_order(want.rows)  # a restore puts the rows in the week's order
    want.interface_language = "en"  # the file keeps the language it was saved in
    assert load_draft(path.read_bytes()) == want


def test_typing_straight_after_arriving_on_a_step_is_kept(app_server: Server, page: Any) -> None:
    """The first run after a step change used to draw one element fewer (the focus script) above
    the fields, so Streamlit drew every field anew and a number typed meanwhile vanished."""
    page.goto(f"{app_server.url}/?lang=en")
    wait_for_app(page)
    page.get_by_role("button", name="Start the questions").click()
    _wait_for_title(page, "Step 2 of 14")
    page.get_by_role("button", name="Next: The need for help").click()
    _wait_for_title(page, "Step 3 of 14")
    page.get_by_role("button", name="Next: The week").click()
    _wait_for_title(page, "Step 4 of 14 – The week")
    activity = page.get_by_label("What the help is for", exact=True)
    minutes = page.get_by_label("Minutes each time", exact=True)
    activity.fill("Stell")
    activity.press("Tab")  # starts a run; type on at once, as a quick keyboard user does
    minutes.fill("45")
    minutes.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name="Add activity", exact=True).click()
    page.get_by_role("heading", name="Activities (1)", exact=True).wait_for()
    assert page.get_by_text("45 min × 1 per day", exact=False).count() == 1


def test_delete_everything_in_the_sidebar_asks_first(app_server: Server, page: Any) -> None:
    from tests.support import PERSONA_DRAFTS

    page.goto(f"{app_server.url}/?lang=en")
    wait_for_app(page)
    page.set_input_files("input[type=file]", str(PERSONA_DRAFTS / "aanga.json"))
    _wait_for_title(page, "Step 10 of 14 – Check your answers")
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("button", name="Delete everything").click()
    # A modal dialog: in view, with focus inside it, whatever the height of the window.
    dialog = page.get_by_role("dialog", name="Delete everything?")
    dialog.get_by_text("Delete all answers in this tab?").wait_for()
    assert dialog.evaluate("d => d.contains(document.activeElement)")
    box = dialog.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900
    dialog.get_by_role("button", name="No, keep my answers").click()
    dialog.wait_for(state="detached")
    assert page.title().startswith("Step 10 of 14")
    # Escape closes it too and keeps the answers; it does not come back on the next run.
    sidebar.get_by_role("button", name="Delete everything").click()
    dialog.wait_for()
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")
    wait_for_app(page)
    page.get_by_role("button", name="Back: Who leads the assistants").click()
    _wait_for_title(page, "Step 9 of 14")
    assert page.get_by_role("dialog").count() == 0
    sidebar.get_by_role("button", name="Delete everything").click()
    dialog.get_by_role("button", name="Yes, delete everything now").click()
    _wait_for_title(page, "Step 1 of 14")
    page.get_by_text("Everything is deleted from this browser tab.").wait_for()
    # Every answer is gone: the person's name and the week's activities.
    page.get_by_role("button", name="Start the questions").click()
    _wait_for_title(page, "Step 2 of 14")
    assert page.get_by_label("Full name", exact=True).input_value() == ""
    page.get_by_role("navigation").get_by_role("link", name="4. The week").click()
    _wait_for_title(page, "Step 4 of 14")
    page.get_by_role("heading", name="Activities (0)", exact=True).wait_for()
