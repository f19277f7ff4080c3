"""Downloads never fail while other sessions use the server (issue 15), and are served to their
own session only.

Streamlit's download button stored a file made on click in its media store with no session
holding it, and any two other sessions' script runs removed it before the browser fetched it:
404, and the draft file is the user's only copy. Here one browser session saves its draft file
and downloads its PDF 50 times while two other sessions (websocket clients, no browser) rerun
the app without pause.
"""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.journey import Journey
from tests.browser.server import Server
from tests.support import PERSONA_DRAFTS, persona_draft

TRIES = 50


class Rerunners:
    """Sessions without a browser that go "next" and "back" through the steps without pause,
    each press a script run (and a switch of page), in a thread of their own. Entering waits
    until every one of them is running (has finished a run of its own)."""

    def __init__(self, url: str, sessions: int) -> None:
        self.url = url
        self.sessions = sessions
        self.runs_each = [0] * sessions  # script runs of each session
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self._ready = threading.Event()

    @property
    def runs(self) -> int:
        return sum(self.runs_each)

    def _ran(self, index: int) -> None:
        self.runs_each[index] += 1
        if all(self.runs_each):
            self._ready.set()

    async def _one(self, index: int) -> None:
        from bench.load import Session

        session = Session(self.url, lang="en")
        try:
            await session.open()
            while not self._stop.is_set():
                forward = "nav_next" in session.page.buttons
                await session.click("nav_next" if forward else "nav_back")
                self._ran(index)
                if "nav_next" not in session.page.buttons:  # the last step: go back down
                    while "nav_back" in session.page.buttons and not self._stop.is_set():
                        await session.click("nav_back")
                        self._ran(index)
        except Exception as exc:
            self.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            await session.close()

    async def _main(self) -> None:
        await asyncio.gather(*(self._one(i) for i in range(self.sessions)))

    def __enter__(self) -> Rerunners:
        self._thread.start()
        if not self._ready.wait(120):
            self.__exit__()
            raise AssertionError(
                f"not every other session started: runs {self.runs_each}, {self.errors}"
            )
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=120)


@contextmanager
def others_rerunning(url: str, sessions: int = 2) -> Iterator[Rerunners]:
    with Rerunners(url, sessions) as others:
        yield others
    assert others.errors == []


def _download(page: Any, name: str) -> tuple[bytes | None, str | None]:
    """Click the download called ``name`` in the page's main part; (bytes, failure).

    A pause after each click, as a person makes: Chromium stops a page's downloads that come
    faster (the eleventh of a burst of clicks 50 ms apart never starts, whatever the server)."""
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("main").get_by_text(name, exact=True).first.click()
    page.wait_for_timeout(250)
    download = info.value
    failure = download.failure()
    if failure:
        return None, failure
    with open(download.path(), "rb") as f:
        return f.read(), None


def test_draft_file_and_pdf_download_every_time_while_others_rerun(
    app_server: Server, page: Any
) -> None:
    journey = Journey(page, app_server.url, "nb")
    journey.open()
    journey.restore(PERSONA_DRAFTS / "kari.json")
    journey.next(steps.CHECK)
    journey.go_to("download")
    page.get_by_role("button", name=journey.t("Make the PDF"), exact=True).click()
    pdf_name = journey.t("Download the PDF")
    page.get_by_role("main").get_by_text(pdf_name, exact=True).first.wait_for()
    wait_for_app(page)
    want = persona_draft("kari")

    failures: list[str] = []
    with others_rerunning(app_server.url) as others:  # both of them running from here on
        before = list(others.runs_each)
        for i in range(TRIES):
            data, failure = _download(page, journey.t("Save my answers (file)"))
            if failure or data is None or json.loads(data)["person"]["name"] != want.person.name:
                failures.append(f"draft file {i}: {failure or 'wrong content'}")
            data, failure = _download(page, pdf_name)
            if failure or data is None or not data.startswith(b"%PDF"):
                failures.append(f"PDF {i}: {failure or 'not a PDF'}")
        ran = [now - then for now, then in zip(others.runs_each, before, strict=True)]
    # Each of the two kept rerunning through the tries: at least one run per try each.
    assert min(ran) >= TRIES, f"the other sessions ran only {ran} times"
    assert failures == [], f"{len(failures)} of {2 * TRIES} downloads failed: {failures[:5]}"


TYPED_TRIES = 30


def test_the_draft_file_holds_the_answer_typed_just_before_the_click(
    app_server: Server, page: Any
) -> None:
    """A field is typed into and "Save my answers (file)" clicked at once: the click leaves the
    field, and only the rerun that causes stores the answer, while the browser is already
    asking for the file. With the machine busy (two other sessions rerunning), the file held
    the answer before; it must hold what was typed, every time."""
    journey = Journey(page, app_server.url, "en")
    journey.open()
    journey.choose("Who is filling in?", "I am filling in for myself")
    journey.next(steps.START)
    box = page.get_by_label("Full name", exact=True)
    save = page.locator("[data-testid='stSidebar']").get_by_role(
        "link", name="Save my answers (file)", exact=True
    )

    wrong: list[str] = []
    with others_rerunning(app_server.url):
        for i in range(TYPED_TRIES):
            typed = f"Kari Nordmann {i}"
            box.fill(typed)  # no Tab, no wait: the click on the link is what leaves the field
            with page.expect_download(timeout=30_000) as info:
                save.click()
            download = info.value
            failure = download.failure()
            if failure:
                wrong.append(f"try {i}: {failure}")
            else:
                with open(download.path(), "rb") as f:
                    saved = json.loads(f.read())["person"]["name"]
                if saved != typed:
                    wrong.append(f"try {i}: {saved!r}")
            page.wait_for_timeout(250)  # Chromium drops a burst of downloads (see _download)
            wait_for_app(page)
    assert wrong == [], f"{len(wrong)} of {TYPED_TRIES} files missed the answer: {wrong[:5]}"


def _status(url: str, cookie: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_a_download_link_works_for_its_own_browser_and_session_only(
    app_server: Server, page: Any
) -> None:
    journey = Journey(page, app_server.url, "en")
    journey.open()
    link = page.get_by_role("link", name="Save my answers (file)").first
    href = link.get_attribute("href")
    assert href is not None and href.startswith("/_bpa/download/")
    url = app_server.url + href
    key = next(c for c in page.context.cookies() if c["name"] == "bpa_key")
    assert key["httpOnly"] and key["sameSite"] == "Lax"
    assert _status(url, f"bpa_key={key['value']}") == 200  # the browser's own key
    assert _status(url) == 404  # the link without the browser: refused
    assert _status(url, "bpa_key=someone-else") == 404
    assert _status(url.rsplit("/", 1)[0] + "/nothing", f"bpa_key={key['value']}") == 404
    # The session ends with its tab: the link stops working.
    page.goto("about:blank")
    page.wait_for_timeout(1000)
    assert _status(url, f"bpa_key={key['value']}") == 404
