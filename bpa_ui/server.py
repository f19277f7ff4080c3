"""Server glue for ``st.App``: what the server lets in and out, and what it keeps.

- **Headers** on every response the app controls, the websocket upgrade and its refusal included:
  no framing by other sites, no MIME sniffing, no referrer (the address may carry ?lang=), nothing
  stored by the browser's cache (pages and downloads may hold health data), a content security
  policy that lets scripts talk to this server only (``CSP``: add a source there, not a new header).
- **Who gets in** (``Guard``): only the host names in ``server.allowedHosts``; a websocket only from
  a page of this same origin (or one in ``server.corsAllowedOrigins``), never "any localhost";
  ``/_stcore/metrics`` is not served; an upload (PUT/DELETE) only from the browser whose websocket
  the session is (``same_browser``).
- **No third party**: Streamlit's lookup of the machine's addresses (a request to
  checkip.amazonaws.com, a socket towards 8.8.8.8) returns nothing (``no_address_lookups``).
- **Uploads in memory**: Starlette spools a form part to a temporary file above 1 MiB; the
  threshold is raised above the largest body Streamlit reads (``UPLOAD_SPOOL_BYTES``).
- **Nothing kept**: a session whose tab is gone is shut down when the reconnect window
  (``server.disconnectedSessionTTL``) ends, which frees its answers and uploads (``lifespan``).
- **Logs** never carry an exception's message or traceback (``without_exception_text``), also
  where Streamlit prints a traceback itself instead of logging it (``tracebacks_to_logs``).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
import time
import traceback
import types
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from starlette.middleware import Middleware

if TYPE_CHECKING:
    from streamlit.runtime.session_manager import SessionInfo

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Directive -> sources. Streamlit needs inline scripts and styles (its own, and the small scripts
# of bpa_ui.streamlit_text); it needs no eval. A component that needs more adds a source here.
CSP: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'unsafe-inline'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:", "blob:"),
    "font-src": ("'self'", "data:"),
    # 'self' covers the app's own websocket (CSP 3); no other host, ws or http, is reachable.
    "connect-src": ("'self'",),
    "media-src": ("'self'", "blob:", "data:"),
    "worker-src": ("'self'", "blob:"),
    "frame-src": ("'self'", "blob:", "data:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}


def content_security_policy(directives: Mapping[str, tuple[str, ...]] = CSP) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


CONTENT_SECURITY_POLICY = content_security_policy()

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
_REPLACED = {name for name, _ in SECURITY_HEADERS} | {b"pragma", b"expires", b"etag"}

# The one page the app frames itself: the tab's copy of the answers (bpa_ui/tab_copy.py), a
# Streamlit component in a hidden iframe of the app's own page. It alone may be framed, and only
# by this app ('self'); every other header and directive is the same.
FRAMED_BY_THE_APP = "/component/bpa_ui.tab_copy.tab_copy/"
_FRAMED = {
    b"content-security-policy": CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'"
    ).encode(),
    b"x-frame-options": b"SAMEORIGIN",
}
FRAMED_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (name, _FRAMED.get(name, value)) for name, value in SECURITY_HEADERS
)


def _with_security_headers(
    headers: Any, ours: tuple[tuple[bytes, bytes], ...] = SECURITY_HEADERS
) -> list[tuple[bytes, bytes]]:
    kept = [(k, v) for k, v in headers or [] if k.lower() not in _REPLACED]
    return [*kept, *ours]


class SecurityHeaders:
    """Pure ASGI middleware: the headers above on every HTTP response, on the websocket upgrade
    (``websocket.accept``), and on a refused websocket, sent as a plain 403 response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.app(scope, receive, self._http(scope, send))
        elif scope["type"] == "websocket":
            await self.app(scope, receive, self._websocket(scope, send))
        else:
            await self.app(scope, receive, send)

    @staticmethod
    def _http(scope: Scope, send: Send) -> Send:
        path = app_path(scope)
        framed = path.startswith(FRAMED_BY_THE_APP) and ".." not in path
        headers = FRAMED_HEADERS if framed else SECURITY_HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _with_security_headers(message.get("headers"), headers)
            await send(message)

        return send_with_headers

    @staticmethod
    def _websocket(scope: Scope, send: Send) -> Send:
        can_respond = "websocket.http.response" in scope.get("extensions", {})
        accepted = False

        async def send_with_headers(message: Message) -> None:
            nonlocal accepted
            kind = message["type"]
            if kind == "websocket.accept":
                accepted = True
                message["headers"] = _with_security_headers(message.get("headers"))
            elif kind == "websocket.http.response.start":
                message["headers"] = _with_security_headers(message.get("headers"))
            elif kind == "websocket.close" and not accepted and can_respond:
                # A refusal before the upgrade: the server would answer a bare 403.
                await send(
                    {
                        "type": "websocket.http.response.start",
                        "status": 403,
                        "headers": _with_security_headers(
                            [(b"content-type", b"text/plain; charset=utf-8")]
                        ),
                    }
                )
                await send({"type": "websocket.http.response.body", "body": b"Forbidden"})
                return
            await send(message)

        return send_with_headers


# --- Who gets in -----------------------------------------------------------------------------

XSRF_COOKIE = "_streamlit_xsrf"
CLOSED_PATHS = ("/_stcore/metrics",)  # public usage figures: not served (docs: README)
UPLOAD_PREFIX = "/_stcore/upload_file/"


def _base_path() -> str:
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def app_path(scope: Scope) -> str:
    """The request's path inside the app: without ``server.baseUrlPath`` when it is set."""
    path = str(scope.get("path", ""))
    base = _base_path()
    if base and (path == base or path.startswith(base + "/")):
        return path[len(base) :]
    return path


def host_allowed(host: str | None) -> bool:
    """The Host header names one of ``server.allowedHosts`` (DNS rebinding stops here)."""
    from streamlit.web.server.starlette.starlette_websocket import is_host_allowed

    return is_host_allowed(host)


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """A websocket's Origin is this very site (scheme aside: a proxy may end TLS), or one listed
    in ``server.corsAllowedOrigins``. No Origin: not a browser, so no page can be riding on the
    user's tab. Streamlit itself admits any localhost or own-IP origin (and looks the machine's
    public address up on the internet to decide): refused here, before Streamlit is asked."""
    if origin is None:
        return True
    from streamlit import config

    if origin in {o.strip() for o in config.get_option("server.corsAllowedOrigins")}:
        return True
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:
        return False
    return bool(host) and netloc.lower() == str(host).lower()


def _xsrf_token(cookie_value: str | None) -> bytes | None:
    from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

    if not cookie_value:
        return None
    token, _ = decode_xsrf_token_string(cookie_value)
    return token


def same_browser(cookies: Mapping[str, str], session_id: str) -> bool:
    """True if these request cookies are those of the browser whose websocket is ``session_id``:
    the same XSRF token (a random secret in a cookie of this site, which another client cannot
    read). An upload or a download for a session is served to that browser only."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return False
    client = Runtime.instance().get_client(session_id)
    if client is None:
        return False
    context = client.client_context
    ours = _xsrf_token(cookies.get(XSRF_COOKIE))
    theirs = _xsrf_token(context.cookies.get(XSRF_COOKIE)) if context is not None else None
    return ours is not None and theirs is not None and hmac.compare_digest(ours, theirs)


def _cookies(scope: Scope) -> dict[str, str]:
    """The request's cookies, read as Streamlit reads its websocket's (Starlette's parser)."""
    from starlette.requests import cookie_parser

    for name, value in scope.get("headers", []):
        if name.lower() == b"cookie":
            return cookie_parser(value.decode("latin-1"))
    return {}


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers", []):
        if name.lower() == wanted:
            return str(value.decode("latin-1"))
    return None


def refusal(scope: Scope) -> int | None:
    """The HTTP status with which to refuse this request, or None to let it through."""
    if not host_allowed(_header(scope, b"host")):
        return 400
    path = app_path(scope)
    if scope["type"] == "websocket":
        if not origin_allowed(_header(scope, b"origin"), _header(scope, b"host")):
            return 403
        return None
    if path.rstrip("/") in CLOSED_PATHS:
        return 404
    if path.startswith(UPLOAD_PREFIX) and scope.get("method") in ("PUT", "DELETE"):
        session_id = path[len(UPLOAD_PREFIX) :].split("/", 1)[0]
        if not same_browser(_cookies(scope), session_id):
            return 403
    return None


class Guard:
    """Pure ASGI middleware: refuses what ``refusal`` names, before Streamlit sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        status = refusal(scope) if scope["type"] in ("http", "websocket") else None
        if status is None:
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
        else:
            body = {400: b"Bad Request", 403: b"Forbidden", 404: b"Not Found"}[status]
            headers = [(b"content-type", b"text/plain; charset=utf-8")]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})


# SecurityHeaders first: it wraps the Guard, so a refusal carries the headers too.
MIDDLEWARE = [Middleware(SecurityHeaders), Middleware(Guard)]


# --- No third party ---------------------------------------------------------------------------


def _no_address() -> str | None:
    return None


def no_address_lookups() -> None:
    """Streamlit asks checkip.amazonaws.com for the machine's public address (to print it, and
    to decide whether a websocket origin is "this machine"), and opens a socket towards 8.8.8.8
    for its local address. Both answer None here: the server never calls out."""
    from streamlit import net_util

    net_util.get_external_ip = _no_address
    net_util.get_internal_ip = _no_address


# --- Uploads stay in memory --------------------------------------------------------------------

# Starlette's multipart parser writes a file part to a temporary file once it passes 1 MiB. The
# largest body Streamlit reads is server.maxUploadSize (1 MiB) plus 1 MiB of framing; a part
# never reaches this size, so it never leaves memory (tests/test_config.py checks the sum).
UPLOAD_SPOOL_BYTES = 8 * 1024 * 1024


def uploads_in_memory() -> None:
    from starlette.formparsers import MultiPartParser

    MultiPartParser.spool_max_size = UPLOAD_SPOOL_BYTES


# --- Nothing kept after the tab closes ---------------------------------------------------------


class ExpiringSessionStorage:
    """Streamlit's store of disconnected sessions (kept for a reconnect), which shuts a session
    down when its reconnect window ends, or when more than ``maxsize`` are waiting (oldest
    first). Streamlit's own store (``MemorySessionStorage``) only forgets such a session, without
    shutting it down: its uploads stayed in the upload store and its state in memory.

    The shutdown goes through ``Runtime.close_session`` on the server's event loop, as Streamlit
    closes any session. Implements ``streamlit.runtime.session_manager.SessionStorage``."""

    def __init__(
        self, ttl_seconds: float, loop: asyncio.AbstractEventLoop, maxsize: int = 128
    ) -> None:
        self._ttl = ttl_seconds
        self._loop = loop
        self._maxsize = maxsize
        self._lock = threading.Lock()
        self._sessions: OrderedDict[str, tuple[SessionInfo, float]] = OrderedDict()

    def get(self, session_id: str) -> SessionInfo | None:
        with self._lock:
            entry = self._sessions.get(session_id)
        return entry[0] if entry is not None else None

    def save(self, session_info: SessionInfo) -> None:
        session_id = session_info.session.id
        deadline = time.monotonic() + self._ttl
        with self._lock:
            self._sessions.pop(session_id, None)
            self._sessions[session_id] = (session_info, deadline)
            over = list(self._sessions)[: max(0, len(self._sessions) - self._maxsize)]
        self._later(self._ttl, self._close_if_expired, session_id, deadline)
        for oldest in over:
            self._later(0, self._close, oldest)

    def delete(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def list(self) -> list[SessionInfo]:
        with self._lock:
            return [info for info, _ in self._sessions.values()]

    def _later(self, delay: float, callback: Callable[..., None], *args: Any) -> None:
        # Never at once: the session manager calls save() holding its own lock, which closing
        # a session takes again.
        try:
            self._loop.call_soon_threadsafe(self._loop.call_later, delay, callback, *args)
        except RuntimeError:  # the server is stopping: Streamlit closes every session itself
            if not self._loop.is_closed():
                raise

    def _close_if_expired(self, session_id: str, deadline: float) -> None:
        with self._lock:
            entry = self._sessions.get(session_id)
        if entry is not None and entry[1] == deadline:  # not reconnected, not saved again
            self._close(session_id)

    def _close(self, session_id: str) -> None:
        from streamlit.runtime import Runtime

        info = self.get(session_id)
        if info is None:
            return
        if Runtime.exists():
            Runtime.instance().close_session(session_id)  # deletes it here, shuts it down
        self.delete(session_id)
        # Streamlit's runtime loop may still refer to the last session it sent messages to
        # (a local variable, until another tab's messages are sent): keep nothing in it.
        info.session.session_state.clear()


def install_expiring_session_storage() -> ExpiringSessionStorage:
    """Put an ExpiringSessionStorage in place of Streamlit's, before any session exists (called
    on the server's event loop, from ``lifespan``)."""
    from streamlit import config
    from streamlit.runtime import Runtime
    from streamlit.runtime.memory_session_storage import MemorySessionStorage

    # Private attributes: st.App offers no way to pass a session storage. A Streamlit that
    # renames them stops the server here, loudly, rather than keep sessions silently.
    manager = Runtime.instance()._session_mgr
    old = manager._session_storage  # type: ignore[attr-defined]
    if not isinstance(old, MemorySessionStorage) or old.list():
        raise RuntimeError("unexpected session storage: sessions would not be shut down")
    storage = ExpiringSessionStorage(
        float(config.get_option("server.disconnectedSessionTTL")), asyncio.get_running_loop()
    )
    manager._session_storage = storage  # type: ignore[attr-defined]
    return storage


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """``st.App(lifespan=...)``: runs once the runtime has started, before the first session:
    sessions shut down when their tab is gone, and the PDF workers (bpa_ui/pdf_worker.py) start
    with the server and stop with it."""
    from bpa_ui import pdf_worker

    install_expiring_session_storage()
    async with pdf_worker.lifespan(app):
        yield


def forget_uploads(file_id: str | None = None) -> None:
    """Drop this session's uploaded file ``file_id`` (or all of them) from Streamlit's upload
    store, where it would stay until the session ends. Call it once the file is read."""
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    store = ctx.uploaded_file_mgr
    if file_id is not None and isinstance(store, MemoryUploadedFileManager):
        store.remove_file(ctx.session_id, file_id)
    else:
        store.remove_session_files(ctx.session_id)


# --- Logs -------------------------------------------------------------------------------------

_log = logging.getLogger("bpa_veiviser")


def without_exception_text(record: logging.LogRecord) -> logging.LogRecord:
    """A log record with the error's type and place in place of its message and traceback: an
    exception's message may hold what the user typed (e.g. "Callable execution failed: …")."""
    if record.exc_info and record.exc_info[1] is not None:
        from bpa_ui.errors import where

        exc = record.exc_info[1]
        try:
            text = record.getMessage()
        except Exception:  # a malformed log call: keep its format string only
            text = str(record.msg)
        record.msg = f"{text}: {type(exc).__name__} at {where(exc)}"
        record.args = ()
    record.exc_info = None
    record.exc_text = None
    record.stack_info = None
    return record


def quiet_exception_logs() -> None:
    """Every log record made in this process, by any logger (Streamlit's many, uvicorn's,
    asyncio's, ours), goes through ``without_exception_text`` as it is made."""
    make = logging.getLogRecordFactory()
    if getattr(make, "quiet", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return without_exception_text(make(*args, **kwargs))

    factory.quiet = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


# Streamlit modules that print a traceback to stderr themselves (``traceback.print_exc``), past
# logging and so past the filter above. Streamlit 1.67 has one: ``Runtime._loop_coroutine``,
# when an error ends the runtime's loop (while it sends a tab its messages, sets aside a tab
# whose socket closed, or shuts the sessions down at exit); its message could be anything.
# tests/test_server_guard.py reads Streamlit's source for any other such print.
PRINTS_TRACEBACKS = ("streamlit.runtime.runtime",)


def traceback_to_log(logger_name: str) -> types.ModuleType:
    """A stand-in for the ``traceback`` module: ``print_exc`` and ``print_exception`` log the
    error on ``logger_name`` (so as its type and place) instead of printing it; the rest is the
    real module."""
    log = logging.getLogger(logger_name)
    stand_in = types.ModuleType("traceback", traceback.__doc__)
    stand_in.__dict__.update({k: v for k, v in vars(traceback).items() if not k.startswith("__")})

    def print_exc(*_args: Any, **_kwargs: Any) -> None:
        log.error("unexpected error", exc_info=True)

    def print_exception(exc: Any, /, *args: Any, **_kwargs: Any) -> None:
        error = exc if isinstance(exc, BaseException) else (args[0] if args else None)
        log.error("unexpected error", exc_info=error if isinstance(error, BaseException) else True)

    vars(stand_in).update(print_exc=print_exc, print_exception=print_exception, to_log=True)
    return stand_in


def tracebacks_to_logs() -> None:
    """Each module in ``PRINTS_TRACEBACKS`` gets ``traceback_to_log`` as its ``traceback``. A
    Streamlit that no longer imports ``traceback`` there stops the server here (check it)."""
    import importlib

    for name in PRINTS_TRACEBACKS:
        module = importlib.import_module(name)
        found = getattr(module, "traceback", None)
        if getattr(found, "to_log", False):
            continue
        if found is not traceback:
            raise RuntimeError(
                f"{name} no longer uses the traceback module: check "
                "bpa_ui.server.PRINTS_TRACEBACKS against this Streamlit version"
            )
        vars(module)["traceback"] = traceback_to_log(name)


def on_script_error(exc: Exception) -> bool:
    """Last resort for errors the frame did not catch (e.g. in widget callbacks).

    Shows a friendly, translated message instead of a traceback. The exception's message is
    never shown or logged here: it may contain what the user typed.
    """
    from bpa_ui.errors import show_friendly_error

    show_friendly_error(exc)
    return True


def use_entrypoint_navigation() -> None:
    """Always run app.py's st.navigation, also for a first request to a step's own address.

    Streamlit still has its old multipage mode for apps with a ``pages/`` folder: until some run
    has called ``st.navigation``, a request for ``/week`` would run ``pages/week.py`` alone, with
    no frame (no language switch, no save or delete, file names in the sidebar). This app always
    navigates from app.py, so the old mode is switched off before the first session starts.

    Streamlit documents the effect ("as soon as any session executes st.navigation, the app
    ignores the pages/ directory, across all sessions") but offers no public switch for it before
    the first session; its own advice is to rename ``pages/``, which this project's layout keeps.
    So the one private setting is set here, and checked: if a Streamlit upgrade renames it, the
    server refuses to start instead of silently serving frameless pages (docs/ui.md, "Deep
    links"; tests/test_server_guard.py).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if "uses_pages_directory" not in vars(PagesManager):
        raise RuntimeError(
            "streamlit.runtime.pages_manager.PagesManager.uses_pages_directory is gone: "
            "check bpa_ui.server.use_entrypoint_navigation against this Streamlit version"
        )
    PagesManager.uses_pages_directory = False


def prepare_server() -> None:
    """Everything above that is not middleware, for the server process (app.py calls it)."""
    use_entrypoint_navigation()
    no_address_lookups()
    uploads_in_memory()
    quiet_exception_logs()
    tracebacks_to_logs()
