"""Privacy in Chromium and against a client without a browser: nothing leaves 127.0.0.1, the server
writes no file, what the user types never reaches the server's output (nor a cookie, localStorage
or an address: the tab's copy is in sessionStorage only), two tabs never share answers, Markdown
or HTML typed into a field is shown as text, and nothing of a session is kept after its tab is
closed.

The server here runs with its own empty HOME and TMPDIR (so ``tempfile.gettempdir()`` in the
server is a directory only it uses: other programs on this machine write to /tmp as they please),
from tests/browser/watched_server.py: outbound connections and DNS lookups are refused and
reported, every temporary file (also O_TMPFILE, which no directory listing shows) is reported,
and a probe tells what the process still holds. Its reconnect window is TTL seconds.
"""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.journey import Journey, pdf_text
from tests.browser.raw_client import (
    delete,
    new_cookie,
    open_session,
    probe,
    rss_mib,
    run,
    upload,
)
from tests.browser.server import ROOT, Server, start_server, stop_server

CANARY = "Kanarifugl-7Q3ZX"
TTL = 3  # seconds a closed tab's session waits for a reconnect (deployed: 120, config.toml)
MiB = 1024 * 1024
# Test tools' caches: other test processes (hypothesis's .hypothesis/unicode_data/…, pytest,
# mypy, ruff) write there while this server runs. Only these, by name; plus bytecode and git.
TEST_TOOL_CACHES = {".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
SKIPPED_DIRS = TEST_TOOL_CACHES | {"__pycache__", ".git"}


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` (not following links): path -> (size, mtime in ns), but for
    the directories in ``SKIPPED_DIRS``."""
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
    server = start_server(
        env={"HOME": str(home), "TMPDIR": str(tmp), "TEMP": str(tmp)},
        launcher="tests.browser.watched_server",
        extra_args=["--server.disconnectedSessionTTL", str(TTL)],
    )
    try:
        yield Watched(server, home, tmp)
    finally:
        stop_server(server)
    assert reported(server) == [], "the server tried to call out or made a temporary file"
    after = snapshot(ROOT)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert changed == [], f"files in the project changed while the server ran: {changed}"
    assert snapshot(home) == {}, "the server wrote to its HOME"
    assert snapshot(tmp) == {}, "the server wrote to its temp directory"


def test_the_watcher_skips_test_tool_caches_and_sees_everything_else(tmp_path: Path) -> None:
    """Another test process writing its cache (e.g. hypothesis's unicode data) while the
    server runs is not the server writing; any other new file still counts."""
    for cache in (".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache"):
        (tmp_path / cache / "unicode_data" / "15.0.0").mkdir(parents=True)
        (tmp_path / cache / "unicode_data" / "15.0.0" / "charmap.json.gz").write_bytes(b"x")
    seen = ["notes.txt", ".hypothesis-like/a", ".cache/b", "hypothesis/c", "data/.hypothesisx"]
    for name in seen:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("answers")
    assert sorted(snapshot(tmp_path)) == sorted(seen)


def reported(server: Server) -> list[str]:
    """What the watched server reported: calls out, temporary files."""
    lines = server.text_output().splitlines()
    return [line for line in lines if line.startswith(("OUTBOUND", "TEMPFILE"))]


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


CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  [e.violatedDirective, e.blockedURI, (e.sourceFile || '').split('/').pop()].join(' ')));
"""
# protobuf.js's Long tries a tiny WebAssembly module for 64-bit arithmetic, in a try/catch, and
# falls back to plain JavaScript: the one refusal a page may show, harmlessly.
LONG_JS_WASM = re.compile(r"^script-src wasm-eval protobuf\.[\w-]+\.js$")


def test_whole_journey_keeps_everything_private(watched: Watched, page: Any) -> None:
    outside = record_requests(page)
    page.add_init_script(CSP_VIOLATIONS)  # the policy has no 'unsafe-eval': nothing needs it
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
    violations = page.evaluate("window.__cspViolations")
    assert [v for v in violations if not LONG_JS_WASM.match(v)] == []
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


# --- Nothing kept after the tab closes ------------------------------------------------------

CANARY_DRAFT = "Kanarifugl-utkast-5RW2P"


def canary_draft() -> bytes:
    from tests.support import persona_draft

    draft = persona_draft("kari")
    draft.person.name = CANARY_DRAFT
    draft.need.description = f"{CANARY_DRAFT} har MS."
    return draft.to_json().encode("utf-8")


def restore_canary(journey: Journey) -> None:
    journey.open()
    journey.page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "utkast.json", "mimeType": "application/json", "buffer": canary_draft()}]
    )
    journey.wait_for_step(steps.CHECK)
    journey.page.get_by_role("main").get_by_text(CANARY_DRAFT, exact=True).wait_for()


def wait_until_forgotten(server: Server, seconds: float) -> dict[str, Any]:
    """Ask the probe until the process holds no session, no upload and no canary."""
    deadline = time.monotonic() + seconds
    while True:
        report = probe(server, CANARY_DRAFT)
        if report == {"sessions": 0, "active": 0, "uploads": 0, "holds": False}:
            return report
        if time.monotonic() > deadline:
            return report
        time.sleep(1)


def test_an_uploaded_draft_is_gone_from_the_server_when_its_tab_has_closed(
    watched: Watched, browser: Any
) -> None:
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        restore_canary(Journey(page, watched.server.url, "en"))
        report = probe(watched.server, CANARY_DRAFT)
        assert report["holds"] is True  # the probe sees the answers while the tab is open…
        assert report["uploads"] == 0  # …but the file left the upload store once it was read
    finally:
        context.close()
    # After the reconnect window (and a margin for a busy machine), the session is shut down:
    # Streamlit's registry, its upload store and every live object are free of the canary.
    report = wait_until_forgotten(watched.server, TTL + 30)
    assert report == {"sessions": 0, "active": 0, "uploads": 0, "holds": False}


def test_delete_everything_frees_the_uploaded_draft_at_once(watched: Watched, page: Any) -> None:
    journey = Journey(page, watched.server.url, "en")
    restore_canary(journey)
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_role("dialog").get_by_role("button", name="Yes, delete everything now").click()
    journey.wait_for_step(steps.START)
    page.get_by_text("Everything is deleted from this browser tab.").wait_for()
    report = probe(watched.server, CANARY_DRAFT)
    assert report["holds"] is False  # the tab is still open: only its answers are gone
    assert report["uploads"] == 0


# --- A client without a browser --------------------------------------------------------------


async def _websocket(server: Server, origin: str) -> tuple[int, dict[str, str]]:
    """The status and headers the server answers a websocket upgrade from ``origin`` with."""
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    try:
        async with connect(
            server.url.replace("http", "ws", 1) + "/_stcore/stream",
            origin=origin,  # type: ignore[arg-type]
            subprotocols=["streamlit"],  # type: ignore[list-item]
            open_timeout=20,
        ) as websocket:
            assert websocket.response is not None
            return websocket.response.status_code, dict(websocket.response.headers)
    except InvalidStatus as refused:
        return refused.response.status_code, dict(refused.response.headers)


def assert_security_headers(headers: dict[str, str]) -> None:
    from bpa_ui.server import SECURITY_HEADERS

    lower = {k.lower(): v for k, v in headers.items()}
    for name, value in SECURITY_HEADERS:
        assert lower.get(name.decode()) == value.decode(), name


def test_a_foreign_origin_is_refused_and_the_server_calls_no_one(watched: Watched) -> None:
    """Streamlit itself looked up checkip.amazonaws.com for such a request, and accepted any
    localhost or 127.0.0.1 origin on any port."""
    port = watched.server.url.rsplit(":", 1)[1]
    origins = (
        "https://evil.example",
        "http://localhost:1",
        "http://127.0.0.1:1",
        f"http://localhost:{port}",  # same port, another host name: another origin
        "null",
    )
    answers = {origin: run(_websocket(watched.server, origin)) for origin in origins}
    assert reported(watched.server) == []  # no DNS lookup, no connection, no datagram
    assert {origin: status for origin, (status, _) in answers.items()} == dict.fromkeys(
        origins, 403
    )
    for _, headers in answers.values():
        assert_security_headers(headers)


def test_the_websocket_upgrade_carries_the_security_headers(watched: Watched) -> None:
    status, headers = run(_websocket(watched.server, watched.server.url))
    assert status == 101
    assert_security_headers(headers)


def test_a_host_name_the_app_does_not_serve_is_refused(watched: Watched) -> None:
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1."""
    request = urllib.request.Request(watched.server.url + "/", headers={"Host": "evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400


def test_the_metrics_endpoint_is_not_served(watched: Watched) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(watched.server.url + "/_stcore/metrics", timeout=10)
    assert refused.value.code == 404
    assert_security_headers(dict(refused.value.headers.items()))


def test_an_upload_over_the_limit_reaches_neither_memory_nor_disk(watched: Watched) -> None:
    async def attempt() -> tuple[int, int, int]:
        cookie = new_cookie(watched.server)
        session = await open_session(watched.server, cookie)
        try:
            url = session.upload_url
            big = b" " * (3 * MiB // 2)
            with_length = upload(watched.server, url, cookie, big)
            chunked = upload(watched.server, url, cookie, big, chunked=True)
            small = upload(watched.server, url, cookie, b" " * 900_000)
            return with_length, chunked, small
        finally:
            await session.websocket.close()

    with_length, chunked, small = run(attempt())
    assert with_length == 413  # refused on its Content-Length, before a byte is read
    assert chunked == 413  # no length: read into memory up to the limit, then refused
    assert small == 204
    assert reported(watched.server) == []  # no temporary file, not even an unnamed one
    assert snapshot(watched.tmp) == {}


def test_another_client_cannot_put_or_delete_on_a_sessions_upload(watched: Watched) -> None:
    async def attempt() -> list[int]:
        owner, other = new_cookie(watched.server), new_cookie(watched.server)
        session = await open_session(watched.server, owner)
        try:
            url = session.upload_url
            return [
                upload(watched.server, url, other, b"{}"),
                delete(watched.server, url, other),
                upload(watched.server, url, owner, b"{}"),
                delete(watched.server, url, owner),
            ]
        finally:
            await session.websocket.close()

    assert run(attempt()) == [403, 403, 204, 204]


def test_fifty_refused_uploads_do_not_grow_the_servers_memory(watched: Watched) -> None:
    """Each of 50 sessions sends a 1.5 MB file and leaves: Streamlit kept such files until
    another session disconnected (30 MB for 20 of them)."""
    big = b" " * (3 * MiB // 2)

    async def sessions(count: int) -> list[int]:
        statuses = []
        for _ in range(count):
            cookie = new_cookie(watched.server)
            session = await open_session(watched.server, cookie)
            statuses.append(upload(watched.server, session.upload_url, cookie, big))
            await session.websocket.close()
        return statuses

    run(sessions(3))  # warm up: the first sessions allocate what every session needs
    before = rss_mib(watched.server)
    statuses = run(sessions(50))
    grown = rss_mib(watched.server) - before
    assert grown < 6, f"the server grew by {grown:.1f} MiB"
    assert set(statuses) == {413}


def test_a_file_over_1_mib_is_refused_in_the_browser_in_the_sessions_language(
    watched: Watched, page: Any
) -> None:
    """Streamlit's own refusal (its limit is 1 MiB): nothing is sent, and what a screen reader
    reads out (role=alert) is in the session's language, "Error:" included."""
    uploads: list[str] = []
    page.on("request", lambda r: uploads.append(r.url) if "upload_file" in r.url else None)
    journey = Journey(page, watched.server.url, "nb")
    journey.open()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "stor.json", "mimeType": "application/json", "buffer": b" " * 1_500_000}]
    )
    alert = page.locator("[data-testid='stFileUploader'] [role='alert']")
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stFileUploader'] [role='alert']\")"
        "?.textContent.startsWith('Feil: ')"
    )
    assert alert.text_content() == "Feil: Filen er større enn 1 MB. Velg utkastfilen du lagret."
    shown = page.locator("[data-testid='stFileUploader']").inner_text()
    assert "Error" not in shown and "or smaller" not in shown
    assert uploads == []
