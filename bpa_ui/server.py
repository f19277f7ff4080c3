"""Server glue for ``st.App``: security headers on every HTTP response, and a quiet error handler.

Headers: no framing by other sites, no MIME sniffing, no referrer (the address may carry ?lang=),
and nothing stored by the browser's cache: pages and downloads may hold health data.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.middleware import Middleware

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        # 'self' covers the app's own websocket (CSP 3); no other host, ws or http, is reachable.
        "connect-src 'self'",
        "media-src 'self' blob: data:",
        "worker-src 'self' blob:",
        "frame-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

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


class SecurityHeaders:
    """Pure ASGI middleware: sets the headers above on every HTTP response (not websockets)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        path = str(scope.get("path", ""))
        framed = path.startswith(FRAMED_BY_THE_APP) and ".." not in path
        headers = FRAMED_HEADERS if framed else SECURITY_HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _REPLACED]
                message["headers"] = [*kept, *headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)


MIDDLEWARE = [Middleware(SecurityHeaders)]

_log = logging.getLogger("bpa_veiviser")


class WithoutExceptionText(logging.Filter):
    """Streamlit logs an uncaught error (e.g. in a widget callback) with its traceback and
    message before ``on_script_error`` runs: the message may hold what the user typed. Keep the
    log line, with the error's type and place instead of the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            from bpa_ui.errors import where

            exc = record.exc_info[1]
            record.msg = f"{record.getMessage()}: {type(exc).__name__} at {where(exc)}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


# Streamlit's logger for uncaught errors in the app (streamlit/error_util.py).
STREAMLIT_ERROR_LOGGERS = ("streamlit.error_util",)


def quiet_streamlit_error_logs() -> None:
    for name in STREAMLIT_ERROR_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithoutExceptionText) for f in logger.filters):
            logger.addFilter(WithoutExceptionText())


quiet_streamlit_error_logs()


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
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
