"""bpa_ui/downloads.py without a server: who is admitted to a session's downloads, and the wait
for the session's run (the Streamlit API it relies on is checked at start; the wait is bounded and
never holds up the event loop).

The whole path through a real server and browser (a field typed, the link clicked at once, the
file holding what was typed): tests/browser/test_downloads.py."""

from __future__ import annotations

import asyncio
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


def test_the_streamlit_api_the_wait_uses_is_there_and_checked_at_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streamlit.runtime.app_session import AppSession

    downloads.require_run_tracking()
    assert downloads.routes()  # what app.py calls at start
    monkeypatch.delattr(AppSession, "wait_until_settled")
    with pytest.raises(RuntimeError, match="wait_until_settled"):
        downloads.require_run_tracking()
    with pytest.raises(RuntimeError, match=r"check bpa_ui\.downloads\.wait_for_runs"):
        downloads.routes()


class FakeSession:
    """An AppSession as far as the wait sees it: a run chain that ends after ``run_for``."""

    def __init__(self, run_for: float) -> None:
        self.run_for = run_for
        self.tracked = 0

    def track_settling(self) -> None:
        self.tracked += 1

    async def wait_until_settled(self) -> None:
        await asyncio.sleep(self.run_for)


class FakeRuntime:
    def __init__(self, sessions: dict[str, Any]) -> None:
        self.sessions = sessions

    def get_app_session(self, session_id: str) -> Any:
        return self.sessions.get(session_id)


def _with_runtime(monkeypatch: pytest.MonkeyPatch, sessions: dict[str, Any]) -> None:
    from streamlit import runtime

    monkeypatch.setattr(runtime, "exists", lambda: True)
    monkeypatch.setattr(runtime, "get_instance", lambda: FakeRuntime(sessions))


def test_the_wait_ends_with_the_run_and_leaves_the_event_loop_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = FakeSession(run_for=0.3)
    _with_runtime(monkeypatch, {"a": session})

    async def scenario() -> tuple[bool, int]:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        ticker = asyncio.create_task(tick())
        settled = await downloads.wait_for_runs("a", limit=5)
        ticker.cancel()
        return settled, ticks

    settled, ticks = asyncio.run(scenario())
    assert settled and session.tracked == 1
    assert ticks >= 10  # other work went on while the download waited


def test_the_wait_has_a_time_limit_and_a_session_gone_is_not_waited_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_runtime(monkeypatch, {"stuck": FakeSession(run_for=60)})

    async def scenario() -> tuple[bool, bool, float]:
        loop = asyncio.get_running_loop()
        start = loop.time()
        stuck = await downloads.wait_for_runs("stuck", limit=0.2)
        gone = await downloads.wait_for_runs("gone", limit=0.2)
        return stuck, gone, loop.time() - start

    stuck, gone, took = asyncio.run(scenario())
    assert not stuck and not gone
    assert took < 5
