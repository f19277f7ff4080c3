"""What only a browser shows (issue 14): reading help never ticks a box, a decimal comma is not
multiplied by ten, focus after "Add", the sidebar on a phone, and no English anchors or chart
menu. One server for the whole browser suite (``app_server``)."""

from __future__ import annotations

import re
from typing import Any

from bpa_core.i18n import gettext_for
from tests.browser.conftest import wait_for_app
from tests.browser.server import Server
from tests.support import PERSONA_DRAFTS

NB = gettext_for("nb")
ACTIVITY = NB("What the help is for")  # "Hva hjelpen gjelder"
MINUTES = NB("Minutes each time")


def _wait_for_title(page: Any, start: str) -> None:
    page.wait_for_function(f"() => document.title.startsWith({start!r})")
    wait_for_app(page)


def _week(page: Any, url: str) -> None:
    page.goto(f"{url}/week?lang=nb")
    _wait_for_title(page, "Steg 4 av")
    # The whole add form is there: its last box.
    page.get_by_role("checkbox", name=NB("Needs two helpers at the same time")).wait_for()


def _add(page: Any, activity: str, minutes: str) -> None:
    page.get_by_label(ACTIVITY, exact=True).fill(activity)
    box = page.get_by_label(MINUTES, exact=True)
    box.click()
    box.press("Control+a")
    page.keyboard.type(minutes)  # typed key by key, as a person does (not set as a value)
    box.press("Tab")
    wait_for_app(page)
    page.get_by_role("button", name=NB("Add activity"), exact=True).click()
    wait_for_app(page)


def test_reading_the_help_never_ticks_a_box(app_server: Server, page: Any) -> None:
    """Item 1: Streamlit put the (?) inside the checkbox's label, so opening the night help
    ticked "Om natta" and the next row was saved as night help, not counted."""
    _week(page, app_server.url)
    main = page.get_by_role("main")
    boxes = main.get_by_role("checkbox")
    assert boxes.count() >= 2  # "when" (four since issue 14) and two helpers
    icons = main.locator("label:has(input[type=checkbox]) [data-testid='stTooltipHoverTarget']")
    for index in range(icons.count()):  # any help beside a box: open it, close it
        icons.nth(index).click()
        page.keyboard.press("Escape")
        wait_for_app(page)
    # Read every box at one moment (a rerun may redraw the page between two separate reads).
    ticked = boxes.evaluate_all("boxes => boxes.map(box => box.checked)")
    assert len(ticked) >= 2 and not any(ticked), ticked
    # What "at night" means is there to read, without a click.
    assert main.get_by_text("Om natta: når du ellers ville sove.", exact=False).is_visible()
    _add(page, "Toalett", "10")
    page.get_by_role("heading", name="Aktiviteter (1)", exact=True).wait_for()
    row = main.get_by_text("10 min × 1 per dag", exact=False)
    assert row.count() == 1
    assert "natta" not in row.inner_text()  # not at night, and counted
    assert "✓" in row.inner_text()


def test_a_decimal_comma_is_refused_not_multiplied(app_server: Server, page: Any) -> None:
    """Item 2: "12,5" in a number field became 125 minutes in a nb-NO browser."""
    _week(page, app_server.url)
    _add(page, "Toalett", "12,5")
    main = page.get_by_role("main")
    main.get_by_text(
        "Minutter hver gang: Skriv hele minutter, uten desimaler, for eksempel 12 eller 13."
    ).wait_for()
    assert page.get_by_label(MINUTES, exact=True).input_value() == "12,5"
    assert main.get_by_role("heading", name="Aktiviteter (0)", exact=True).count() == 1


def test_after_add_focus_is_on_the_activity_field_in_view(app_server: Server, page: Any) -> None:
    """Item 4: the next activity can be typed at once, and the form starts afresh."""
    _week(page, app_server.url)
    page.get_by_role("combobox", name=NB("How often"), exact=True).click()
    page.get_by_role("option", name=NB("per week"), exact=True).click()
    wait_for_app(page)
    _add(page, "Vask av klær", "60")
    page.get_by_role("heading", name="Aktiviteter (1)", exact=True).wait_for()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.getAttribute('aria-label')"
        f" === {ACTIVITY!r}",
        timeout=5_000,
    )
    in_view = page.evaluate(
        "() => { const r = document.activeElement.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    assert in_view
    page.keyboard.type("Toalett")  # straight on, as a keyboard user does
    assert page.get_by_label(ACTIVITY, exact=True).input_value() == "Toalett"
    how_often = page.get_by_role("combobox", name=NB("How often"), exact=True)
    assert how_often.input_value() == "per dag"


def test_on_a_phone_the_sidebar_closes_after_choosing_a_step(
    app_server: Server, browser: Any
) -> None:
    """Item 16: at 390×844 the sidebar covered 300 of 390 px after a step was chosen in it."""
    context = browser.new_context(
        locale="nb-NO", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{app_server.url}/?lang=nb")
        _wait_for_title(page, "Steg 1 av")
        page.get_by_role("button", name="Expand sidebar").click()
        page.wait_for_function(
            "() => document.querySelector(\"[data-testid='stSidebar']\")"
            ".getBoundingClientRect().left >= 0"
        )
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_role("link", name="4. Uka", exact=True).wait_for()
        sidebar.get_by_role("link", name="4. Uka", exact=True).click()
        _wait_for_title(page, "Steg 4 av")
        page.wait_for_function(
            "() => { const b = document.querySelector(\"[data-testid='stSidebar']\")"
            ".getBoundingClientRect(); return b.right <= 0 || b.width === 0; }",
            timeout=5_000,
        )
        heading = page.get_by_role("heading", level=1)
        box = heading.bounding_box()
        assert box is not None and box["x"] < 100  # the step is in view, not under the sidebar
    finally:
        context.close()


def test_no_english_chart_menu(app_server: Server, page: Any) -> None:
    """Item 15: the chart's "Download as PNG", "Copy Vega-Lite spec", "Fullscreen" were shown
    in English in nb and nn."""
    page.goto(f"{app_server.url}/?lang=nn")
    wait_for_app(page)
    page.set_input_files("input[type=file]", str(PERSONA_DRAFTS / "kari.json"))
    _wait_for_title(page, "Steg 10 av")
    page.get_by_role("navigation").get_by_role("link", name="11. Resultat", exact=True).click()
    _wait_for_title(page, "Steg 11 av")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for()
    chart.hover()
    english = re.compile(r"^(Download as PNG|Copy Vega-Lite spec|Fullscreen)")
    buttons = page.get_by_role("button", name=english)
    assert [b for b in buttons.all() if b.is_visible()] == []


def test_no_english_heading_anchors(app_server: Server, page: Any) -> None:
    """Item 15: headings showed an English "Link to heading" anchor on hover (the appeal's)."""
    page.goto(f"{app_server.url}/appeal?lang=nn")
    _wait_for_title(page, "Klag på eit vedtak")
    # The whole page is drawn (its last heading): the title comes before the rest of the run.
    page.get_by_role("heading", name=gettext_for("nn")("Download"), exact=True).wait_for()
    for heading in page.get_by_role("main").get_by_role("heading").all()[:4]:
        heading.hover()
        links = page.get_by_role("link", name="Link to heading")
        assert [a for a in links.all() if a.is_visible()] == []
