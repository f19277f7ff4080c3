"""Privacy in Chromium, over a whole journey: nothing leaves 127.0.0.1, the server writes no file,
what the user types never reaches the server's output (nor a cookie, localStorage or an address:
the tab's copy is in sessionStorage only), two tabs never share answers, and Markdown or HTML
typed into a field is shown as text.

The server here runs with its own empty HOME and TMPDIR (so ``tempfile.gettempdir()`` in the
server is a directory only it uses: other programs on this machine write to /tmp as they please).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.journey import Journey, pdf_text
from tests.browser.server import ROOT, Server, start_server, stop_server

CANARY = "Kanarifugl-7Q3ZX"
SKIPPED_DIRS = {".pytest_cache", "__pycache__", ".mypy_cache", ".ruff_cache", ".git"}


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (not following links): path -> (size, mtime in ns)."""
    found: dict[str, tuple[int, int]] = {}
    for directory, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        for name in files:
            path = os.path.join(directory, name)
            try:
                st = os.lstat(path)
            except FileNotFoundError:
                continue
            found[os.path.relpath(path, root)] = (st.st_size, st.st_mtime_ns)
    return found


class Watched:
    def __init__(self, server: Server, home: Path, tmp: Path) -> None:
        self.server = server
        self.home = home
        self.tmp = tmp


@pytest.fixture(scope="module")
def watched(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Watched]:
    base = tmp_path_factory.mktemp("server-env")
    home, tmp = base / "home", base / "tmp"
    home.mkdir()
    tmp.mkdir()
    before = snapshot(ROOT)
    server = start_server(env={"HOME": str(home), "TMPDIR": str(tmp), "TEMP": str(tmp)})
    try:
        yield Watched(server, home, tmp)
    finally:
        stop_server(server)
    after = snapshot(ROOT)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert changed == [], f"files in the project changed while the server ran: {changed}"
    assert snapshot(home) == {}, "the server wrote to its HOME"
    assert snapshot(tmp) == {}, "the server wrote to its temp directory"


def record_requests(page: Any) -> list[str]:
    outside: list[str] = []

    def record(request: Any) -> None:
        url = urlparse(request.url)
        if url.scheme not in ("data", "blob") and url.hostname != "127.0.0.1":
            outside.append(request.url[:200])

    page.on("request", record)
    return outside


def open_expanders(page: Any) -> None:
    closed = page.get_by_role("main").locator("details:not([open]) > summary")
    for _ in range(10):
        if not closed.count():
            return
        closed.first.click()
        wait_for_app(page)


def fill_every_text_field(journey: Journey, value: str) -> int:
    """Type ``value`` into every text field in the page (expanders opened first)."""
    page = journey.page
    boxes = page.get_by_role("main").get_by_role("textbox")
    index = 0
    while True:
        open_expanders(page)  # a redraw may close them again
        wait_for_app(page)
        if index >= boxes.count():
            return index
        box = boxes.nth(index)
        box.fill(value)
        box.press("Tab") if box.evaluate("e => e.tagName") == "INPUT" else box.blur()
        wait_for_app(page)
        index += 1


def test_whole_journey_keeps_everything_private(watched: Watched, page: Any) -> None:
    outside = record_requests(page)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    journey = Journey(page, watched.server.url, "en")
    journey.open()
    journey.choose("Who is filling in?", "I am a counsellor filling in with a client")
    step_id = journey.next(steps.START)
    filled = 0
    while step_id != steps.CHECK:
        if step_id == "week":
            journey.type("Minutes each time", "45")
        filled += fill_every_text_field(journey, CANARY)
        if step_id == "week":
            page.get_by_role("button", name="Add activity", exact=True).click()
            page.get_by_role("heading", name="Activities (1)", exact=True).wait_for()
            wait_for_app(page)
        step_id = journey.next(step_id)
    assert filled >= 20  # every free-text question of the journey
    assert page.get_by_role("main").get_by_text(CANARY, exact=True).count() >= 20
    journey.next(steps.CHECK)

    journey.go_to("application")
    page.get_by_role("main").get_by_label("Note from the counsellor", exact=True).fill(CANARY)
    page.get_by_role("button", name="Save the note", exact=True).click()
    wait_for_app(page)
    journey.next("application")
    journey.next("checklist")
    data, _ = journey.download_pdf()
    assert CANARY in pdf_text(data)  # the typed words reach the user's PDF…

    journey.back("download")
    journey.back("checklist")
    journey.back("application")
    journey.go_to("appeal")
    fill_every_text_field(journey, CANARY)

    output = watched.server.text_output()
    assert CANARY not in output  # …and never the server's output
    assert CANARY.lower() not in output.lower()
    assert outside == []
    # The tab's copy (bpa_ui/tab_copy.py) lives in this tab's sessionStorage only: never
    # localStorage, never a cookie, never the address.
    assert CANARY in page.evaluate("() => JSON.stringify(Object.values(sessionStorage))")
    # (Streamlit keeps its theme and sidebar state in localStorage, and an XSRF cookie.)
    assert CANARY not in page.evaluate("() => JSON.stringify(localStorage)")
    assert not page.evaluate("() => Object.keys(localStorage).some(k => k.startsWith('bpa'))")
    assert all(CANARY not in c["value"] for c in page.context.cookies())
    assert CANARY not in page.url and all(CANARY not in url for url in requested)


def test_two_tabs_never_see_each_others_answers(watched: Watched, browser: Any) -> None:
    tabs = []
    for name in ("Ola Først", "Sara Andre"):
        context = browser.new_context(locale="nb-NO")
        page = context.new_page()
        page.set_default_timeout(30_000)
        journey = Journey(page, watched.server.url, "en")
        journey.open()
        tabs.append((context, journey, name))
    try:
        for _, journey, _name in tabs:
            journey.next(steps.START)
        for _, journey, name in tabs:  # typed in turn, while both sessions are live
            journey.type("Full name", name)
            journey.type("Municipality (kommune) where you live", name + " kommune")
        for _, journey, name in tabs:
            journey.next("person")
            journey.back("need")
            other = next(n for _, _, n in tabs if n != name)
            assert journey.page.get_by_label("Full name", exact=True).input_value() == name
            body = journey.page.locator("body").inner_text()
            assert other not in body
    finally:
        for context, _, _ in tabs:
            context.close()


MARKUP = (
    "![bilde](https://evil.example/pixel.png) [lenke](https://evil.example/) "
    '<img src="https://evil.example/i.png"> <a href="https://evil.example/">a</a> **fet** # H'
)


def test_markdown_and_html_render_literally(watched: Watched, page: Any) -> None:
    outside = record_requests(page)
    journey = Journey(page, watched.server.url, "en")
    journey.open()
    journey.next(steps.START)
    journey.type("Full name", MARKUP)
    journey.next("person")
    journey.type("Describe the illness, injury or disability in your own words", MARKUP)
    journey.go_to_check()
    main = page.get_by_role("main")
    assert main.get_by_text(MARKUP, exact=True).count() >= 2
    assert page.locator("img[src*='evil.example'], a[href*='evil.example']").count() == 0
    assert main.locator("strong", has_text="fet").count() == 0
    journey.next(steps.CHECK)
    assert page.locator("img[src*='evil.example'], a[href*='evil.example']").count() == 0
    assert outside == []
