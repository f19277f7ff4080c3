"""bpa_ui/server.py without a running server: the policy, the guard's decisions, no address
lookups, log records without exception text, and sessions shut down when their window ends.
(The same against a real server: tests/browser/test_privacy.py.)"""

from __future__ import annotations

import asyncio
import io
import logging
import socket
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from streamlit import config

from bpa_ui import server
from bpa_ui.server import (
    CONTENT_SECURITY_POLICY,
    CSP,
    ExpiringSessionStorage,
    content_security_policy,
    origin_allowed,
    refusal,
)

SECRET = "Hemmelig-diagnose-55XQ"


def run_apart(coroutine: Any) -> None:
    """Run a coroutine on its own event loop in its own thread: the browser tests' Playwright
    (sync API) keeps a loop running in the main thread, where asyncio.run() is refused."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=60)
    if failure:
        raise failure[0]


def test_the_policy_allows_no_eval_and_takes_a_new_source_in_one_place() -> None:
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self' 'unsafe-inline';" in CONTENT_SECURITY_POLICY
    wider = content_security_policy({**CSP, "frame-src": (*CSP["frame-src"], "https://x.test")})
    assert "frame-src 'self' blob: data: https://x.test;" in wider
    assert CSP["frame-src"] == ("'self'", "blob:", "data:")  # the app's own policy is unchanged


@pytest.fixture
def options() -> Iterator[None]:
    """The project's server options, as .streamlit/config.toml sets them."""
    saved = {
        name: config.get_option(name)
        for name in ("server.allowedHosts", "server.corsAllowedOrigins", "server.baseUrlPath")
    }
    config.set_option("server.allowedHosts", ["localhost", "127.0.0.1"])
    config.set_option("server.corsAllowedOrigins", [])
    config.set_option("server.baseUrlPath", "")
    yield
    for name, value in saved.items():
        config.set_option(name, value)


def scope(kind: str, path: str, host: str, **headers: str) -> dict[str, Any]:
    raw = [(b"host", host.encode())] + [
        (k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()
    ]
    return {"type": kind, "path": path, "method": "GET", "headers": raw}


@pytest.mark.usefixtures("options")
def test_the_guard_lets_the_app_through_and_refuses_the_rest() -> None:
    here = "127.0.0.1:8501"
    assert refusal(scope("http", "/", here)) is None
    assert refusal(scope("http", "/", "localhost:8501")) is None
    assert refusal(scope("http", "/", "evil.example")) == 400  # DNS rebinding
    assert refusal(scope("http", "/_stcore/metrics", here)) == 404
    assert refusal(scope("websocket", "/_stcore/stream", here, origin=f"http://{here}")) is None
    assert refusal(scope("websocket", "/_stcore/stream", here)) is None  # no Origin: no page
    for origin in ("https://evil.example", "http://localhost:1", "http://127.0.0.1:1", "null"):
        assert refusal(scope("websocket", "/_stcore/stream", here, origin=origin)) == 403
    # An upload for a session that is not this browser's (here: no running server at all).
    upload = {**scope("http", "/_stcore/upload_file/abc/def", here), "method": "PUT"}
    assert refusal(upload) == 403


@pytest.mark.usefixtures("options")
def test_an_origin_listed_in_the_config_is_allowed() -> None:
    config.set_option("server.corsAllowedOrigins", ["https://bpa.example"])
    assert origin_allowed("https://bpa.example", "127.0.0.1:8501")
    assert origin_allowed("https://bpa.example", "bpa.example")
    assert not origin_allowed("https://other.example", "bpa.example")


def test_streamlit_never_looks_the_machines_address_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit import net_util
    from streamlit.web.server.server_util import is_url_from_allowed_origins

    tried: list[Any] = []

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        tried.append(args[1:] if len(args) > 1 else args)
        raise OSError("no network in this test")

    # Restored after the test, with the lookups as Streamlit has them.
    monkeypatch.setattr(net_util, "get_external_ip", net_util.get_external_ip)
    monkeypatch.setattr(net_util, "get_internal_ip", net_util.get_internal_ip)
    monkeypatch.setattr(net_util, "_external_ip", None)
    monkeypatch.setattr(net_util, "_internal_ip", None)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(config, "get_option", lambda name: name == "server.enableCORS" or [])
    server.no_address_lookups()
    assert is_url_from_allowed_origins("https://evil.example") is False
    assert tried == []


@pytest.fixture
def quiet_logs() -> Iterator[io.StringIO]:
    saved = logging.getLogRecordFactory()
    server.quiet_exception_logs()
    out = io.StringIO()
    yield out
    logging.setLogRecordFactory(saved)


@pytest.mark.parametrize(
    "name",
    [
        "streamlit.runtime.backend_operation_handler",  # "Error executing deferred callable"
        "streamlit.error_util",
        "streamlit.runtime.scriptrunner.script_runner",
        "uvicorn.error",  # "Exception in ASGI application"
        "asyncio",
        "bpa_veiviser",
    ],
)
def test_no_logger_prints_an_exceptions_text(quiet_logs: io.StringIO, name: str) -> None:
    from streamlit.logger import get_logger

    # Streamlit's loggers as Streamlit makes them; the others as their libraries do.
    logger = get_logger(name) if name.startswith("streamlit") else logging.getLogger(name)
    handler = logging.StreamHandler(quiet_logs)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"Callable execution failed: {SECRET}")
        except RuntimeError:
            logger.exception("Error executing deferred callable for file_id %s", "f1")
        logger.warning("stack", stack_info=True)
    finally:
        logger.removeHandler(handler)
    text = quiet_logs.getvalue()
    assert "Error executing deferred callable for file_id f1: RuntimeError at " in text
    assert SECRET not in text and "Traceback" not in text and "Stack (most recent" not in text


class FakeSession:
    def __init__(self, session_id: str) -> None:
        self.id = session_id
        self.cleared = False
        self.session_state = SimpleNamespace(clear=self.clear)

    def clear(self) -> None:
        self.cleared = True


def info(session_id: str) -> Any:
    return SimpleNamespace(session=FakeSession(session_id), client=None, script_run_count=0)


def test_a_session_is_shut_down_when_its_reconnect_window_ends() -> None:
    async def scenario() -> None:
        storage = ExpiringSessionStorage(0.05, asyncio.get_running_loop(), maxsize=2)
        gone, back, again = info("gone"), info("back"), info("again")
        for each in (gone, back, again):
            storage.save(each)
        storage.delete("back")  # reconnected within its window: Streamlit takes it back
        storage.save(again)  # disconnected once more: a new window
        assert {i.session.id for i in storage.list()} == {"gone", "again"}
        await asyncio.sleep(0.2)
        assert storage.list() == []
        assert gone.session.cleared and again.session.cleared
        assert not back.session.cleared

    run_apart(scenario())


def test_the_oldest_waiting_session_is_shut_down_when_too_many_wait() -> None:
    async def scenario() -> None:
        storage = ExpiringSessionStorage(60, asyncio.get_running_loop(), maxsize=2)
        first, second, third = info("1"), info("2"), info("3")
        for each in (first, second, third):
            storage.save(each)
        await asyncio.sleep(0.05)
        assert [i.session.id for i in storage.list()] == ["2", "3"]
        assert first.session.cleared and not second.session.cleared

    run_apart(scenario())


def test_the_old_multipage_mode_is_switched_off_and_a_missing_switch_stops_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The one private Streamlit setting the app sets (``use_entrypoint_navigation``): set, and
    checked, so an upgrade that renames it fails at start instead of serving frameless pages."""
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    server.use_entrypoint_navigation()
    assert PagesManager.uses_pages_directory is False
    monkeypatch.delattr(PagesManager, "uses_pages_directory")
    with pytest.raises(RuntimeError, match="uses_pages_directory"):
        server.use_entrypoint_navigation()


def test_the_runtime_loops_own_traceback_goes_through_the_log_filter(
    quiet_logs: io.StringIO, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit's runtime loop prints the traceback of the error that ends it
    (``traceback.print_exc()``, past logging). Here the real loop meets an error while it
    flushes a tab's messages: stderr gets the error's type and place, never its text."""
    from streamlit.logger import get_logger
    from streamlit.runtime import runtime as runtime_module
    from streamlit.runtime.runtime import Runtime, RuntimeState

    monkeypatch.setattr(runtime_module, "traceback", runtime_module.traceback)  # restored after
    for other in ("use_entrypoint_navigation", "no_address_lookups", "uploads_in_memory"):
        monkeypatch.setattr(server, other, lambda: None)  # tested above; process-wide
    server.prepare_server()  # as the server process does (app.py)
    server.prepare_server()  # twice (a second import of app.py): still one stand-in
    assert runtime_module.traceback.__dict__["print_exc"].__module__ == "bpa_ui.server"
    logger = get_logger("streamlit.runtime.runtime")
    handler = logging.StreamHandler(quiet_logs)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger.addHandler(handler)

    def flush() -> list[Any]:
        raise ValueError(f"could not send {SECRET}")

    async def scenario() -> BaseException | None:
        loop = asyncio.get_running_loop()
        objs = SimpleNamespace(
            started=loop.create_future(),
            stopped=loop.create_future(),
            must_stop=asyncio.Event(),
            need_send_data=asyncio.Event(),
            has_connection=asyncio.Event(),
            eventloop=loop,
        )
        tab = SimpleNamespace(session=SimpleNamespace(flush_browser_queue=flush), client=None)
        runtime = object.__new__(Runtime)  # the real loop, on a runtime made of stand-ins
        runtime._async_objs = objs  # type: ignore[attr-defined]
        runtime._state = RuntimeState.ONE_OR_MORE_SESSIONS_CONNECTED  # type: ignore[attr-defined]
        runtime._session_mgr = SimpleNamespace(list_active_sessions=lambda: [tab])  # type: ignore[attr-defined]
        await runtime._loop_coroutine()
        return objs.stopped.exception()  # type: ignore[no-any-return]

    try:
        stopped: list[BaseException | None] = []

        async def keep() -> None:
            stopped.append(await scenario())

        run_apart(keep())
    finally:
        logger.removeHandler(handler)
    assert isinstance(stopped[0], ValueError)  # the loop did end on it
    out, err = capfd.readouterr()
    printed = out + err + quiet_logs.getvalue()
    assert SECRET not in printed and "Traceback" not in printed
    assert "unexpected error: ValueError at test_server_guard.py:" in quiet_logs.getvalue()


# What prints a traceback (or formats one, to print or log it) other than through logging.
TRACEBACK_PRINTS = (
    "print_exc",
    "print_exception",
    "print_tb",
    "print_stack",
    "print_last",
    "format_exc",
    "format_exception",
    "format_tb",
    "format_stack",
    "stderr.write",
    "__stderr__.write",
)


def test_streamlit_prints_no_other_traceback_past_the_logs() -> None:
    """Every place in Streamlit's source that prints or formats a traceback (or writes to
    stderr) itself is in ``server.PRINTS_TRACEBACKS``: a Streamlit upgrade that adds one fails
    here, before it can print a user's text."""
    import ast
    from pathlib import Path

    import streamlit

    root = Path(streamlit.__file__).parent
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if parts[0] in (".agents", "testing"):  # coding-agent scripts; AppTest: not the server
            continue
        module = "streamlit." + ".".join(parts).removesuffix(".py").removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = ast.unparse(node.func)
            to_file = called == "print" and any(k.arg == "file" for k in node.keywords)
            if to_file or called.endswith(TRACEBACK_PRINTS):
                found.append(f"{module}:{node.lineno} {called}")
    outside = [f for f in found if f.split(":")[0] not in server.PRINTS_TRACEBACKS]
    assert outside == [], "Streamlit prints past the logs: add to server.PRINTS_TRACEBACKS"
    assert found, "the search found not even the known print: check it"


def test_a_streamlit_without_the_traceback_module_stops_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from streamlit.runtime import runtime as runtime_module

    monkeypatch.delattr(runtime_module, "traceback")
    with pytest.raises(RuntimeError, match="PRINTS_TRACEBACKS"):
        server.tracebacks_to_logs()
