"""bpa_ui/downloads.py without a server: who is admitted to a session's downloads. (The same
through a real server and browser: tests/browser/test_downloads.py.)"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bpa_ui import downloads
from bpa_ui.downloads import COOKIE, Desk, admitted

KEY = "browser-key-of-the-session"


def connected(monkeypatch: pytest.MonkeyPatch, cookies: dict[str, str] | None) -> Desk:
    """A desk whose session is connected by a websocket that came with ``cookies`` (None: the
    session is gone or waits for a reconnect)."""
    from streamlit import runtime

    desk = Desk("session-1")
    clients: dict[str, Any] = {}
    if cookies is not None:
        clients[desk.session_id] = SimpleNamespace(client_context=SimpleNamespace(cookies=cookies))
    instance = SimpleNamespace(get_client=clients.get)
    monkeypatch.setattr(runtime, "exists", lambda: True)
    monkeypatch.setattr(runtime, "get_instance", lambda: instance)
    return desk


def test_the_browser_whose_websocket_it_is_gets_the_download(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk = connected(monkeypatch, {COOKIE: KEY, "_streamlit_xsrf": "x"})
    assert admitted(desk, KEY)


@pytest.mark.parametrize("request_key", [None, "", "someone-else", KEY + "x", "ké", "\udcff"])
def test_another_key_or_none_gets_nothing(
    monkeypatch: pytest.MonkeyPatch, request_key: str | None
) -> None:
    desk = connected(monkeypatch, {COOKIE: KEY})
    assert not admitted(desk, request_key)


@pytest.mark.parametrize("request_key", [None, "", "anything", KEY])
def test_a_session_whose_websocket_came_without_the_key_gets_no_download(
    monkeypatch: pytest.MonkeyPatch, request_key: str | None
) -> None:
    """A client that opened the websocket without ever loading the page (no ``bpa_key``):
    its links would otherwise work for anyone holding them."""
    for cookies in ({}, {COOKIE: ""}, {"_streamlit_xsrf": "x"}):
        desk = connected(monkeypatch, cookies)
        assert not admitted(desk, request_key), (cookies, request_key)


def test_a_session_that_is_gone_or_disconnected_gets_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk = connected(monkeypatch, None)
    assert not admitted(desk, KEY)
    from streamlit import runtime

    monkeypatch.setattr(runtime, "exists", lambda: False)
    assert not admitted(Desk("session-1"), KEY)


def test_the_refusal_is_the_same_404(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the route: a websocket without the key, a request without it, a known token."""
    import asyncio

    desk = connected(monkeypatch, {})
    desk.offers[downloads.DRAFT] = downloads.Offer("a.json", "application/json", data=b"{}")
    downloads._DESKS[desk.token] = desk
    request = SimpleNamespace(
        path_params={"token": desk.token, "name": downloads.DRAFT}, cookies={}
    )
    response = asyncio.run(downloads.serve(request))
    assert response.status_code == 404
    assert response.body == b"Not found"
