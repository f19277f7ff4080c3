"""What every user meets before any answer: headers, page language, no third-party requests."""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import wait_for_app
from tests.browser.server import Server

REQUIRED_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


@pytest.mark.parametrize("path", ["/", "/_stcore/health"])
def test_security_headers(app_server: Server, path: str) -> None:
    with urllib.request.urlopen(app_server.url + path, timeout=10) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
    for name, value in REQUIRED_HEADERS.items():
        assert headers.get(name) == value, name
    policy = dict(d.partition(" ")[::2] for d in headers["content-security-policy"].split("; "))
    assert policy["frame-ancestors"] == "'none'"
    # Scripts may only talk to this server: no ws:, wss: or other host to send answers to.
    assert policy["connect-src"] == "'self'"


def test_static_assets_carry_the_headers_too(app_server: Server) -> None:
    with urllib.request.urlopen(app_server.url + "/", timeout=10) as response:
        html = response.read().decode("utf-8")
    start = html.index('src="') + len('src="')
    asset = html[start : html.index('"', start)]
    with urllib.request.urlopen(app_server.url + "/" + asset.lstrip("./"), timeout=10) as response:
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(("query", "lang"), [("", "nb"), ("?lang=nn", "nn"), ("?lang=en", "en")])
def test_html_lang_follows_the_session_language(
    app_server: Server, page: Any, query: str, lang: str
) -> None:
    page.goto(app_server.url + "/" + query)
    wait_for_app(page)
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")


def test_no_request_leaves_the_machine(app_server: Server, page: Any) -> None:
    outside: list[str] = []
    seen: list[str] = []

    def record(request: Any) -> None:
        url = urlparse(request.url)
        seen.append(request.url)
        # data: and blob: URLs are made in the page itself; anything else must be this server.
        if url.scheme not in ("data", "blob") and url.hostname != "127.0.0.1":
            outside.append(request.url[:200])

    page.on("request", record)
    page.goto(app_server.url + "/")
    wait_for_app(page)
    page.wait_for_timeout(1500)
    assert seen
    assert outside == []


def test_a_steps_own_address_runs_inside_the_frame(page: Any) -> None:
    """A fresh server whose first request is a step's address (a bookmark, a reload)."""
    from tests.browser.server import start_server, stop_server

    server = start_server()
    try:
        page.goto(f"{server.url}/week?lang=nn")
        wait_for_app(page)
        page.wait_for_function("() => document.title.startsWith('Steg 4 av')")
        sidebar = page.get_by_test_id("stSidebar")
        # The frame's sidebar (language switch), not the old list of page file names.
        sidebar.get_by_role("radiogroup").wait_for()
        assert "arbeidsleder" not in sidebar.inner_text()
    finally:
        stop_server(server)
