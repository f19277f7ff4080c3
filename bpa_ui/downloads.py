"""Downloads that cannot go missing, served by the app itself and only to their own session.

Why not ``st.download_button``: with a callable, Streamlit makes the file when the button is
clicked, stores it in its media store referenced by no session, and answers with its address;
the end of *any* session's script run then marks such files, and the next one deletes them. So
when two other sessions finished a run before the browser fetched the file, the browser got
404: under load every error was this one, and the draft file is the user's only copy. Bytes
given to the button at once would sit in the media store for every run of every page.

Here every session has a ``Desk`` in its session state: a random token, the browser key it was
opened with, and what it offers. A download is a link, ``/_bpa/download/<token>/<name>``, drawn
with ``st.html``; ``serve`` (a route of the app, see app.py) answers it:

- the desk is found by its token in a weak index: it lives as long as the session's state and
  no longer (closing the tab or "delete everything" ends it); nothing else holds user data;
- the session must still be connected, and the request must carry the same browser key cookie
  (``bpa_key``, HttpOnly, set on the app's HTML page) as the session's websocket (read from
  Streamlit's ``ClientContext`` at the fetch, so no script run pays for it): a link copied out
  of the browser (history, a proxy's log) does not work elsewhere. Any refusal is the same 404,
  so nothing can be probed;
- the draft file is made from the session's draft when fetched; a PDF made in the run the
  click on "Make the PDF" caused is kept while it matches the answers and the session stays on
  the step; a letter is made when fetched, its PDF by the worker pool;
- first, ``serve`` waits (within ``SETTLE_LIMIT``, without holding up the event loop) until the
  session's script run in progress, and any rerun it was already asked for, has finished: the
  last field typed reaches the session only through the rerun that leaving the field causes,
  and a click on the link leaves it, so the browser's request for the file can come while that
  run is still to store the answer (``wait_for_runs``). The file holds what was typed.

Nothing is written to disk. Repeated clicks work; other sessions' runs cannot remove anything.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import weakref
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote

import streamlit as st
from starlette.middleware import Middleware

from bpa_core import languages
from bpa_core.documents.model import Document
from bpa_core.draft import Draft
from bpa_core.i18n import gettext_for
from bpa_ui.context import assessment_date
from bpa_ui.i18n import _, current_language, run_marker
from bpa_ui.state import get_draft

_log = logging.getLogger("bpa_veiviser")
COOKIE = "bpa_key"
PREFIX = "/_bpa/download"
DESK_KEY = "download_desk"
DRAFT = "draft"

# The links look like Streamlit's buttons; the focus ring and colours keep 4.5:1 contrast.
LINK_STYLE = (
    "<style>"
    ".bpa-download { display: inline-flex; align-items: center; gap: 0.5rem;"
    " min-height: 2.5rem; padding: 0.25rem 0.75rem; border-radius: 0.5rem;"
    " border: 1px solid #8a8d94; background: #ffffff; color: #111111 !important;"
    " text-decoration: none !important; font-weight: 400; line-height: 1.4; }"
    ".bpa-download:hover { border-color: #1d4f91; color: #1d4f91 !important; }"
    ".bpa-download:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }"
    ".bpa-download.bpa-primary { background: #1d4f91; border-color: #1d4f91;"
    " color: #ffffff !important; }"
    ".bpa-download.bpa-primary:hover { background: #163d70; color: #ffffff !important; }"
    ".bpa-download .bpa-icon { font-size: 1.2rem; line-height: 1; }"
    ".bpa-download-help { margin: 0.25rem 0 0; font-size: 0.875rem; color: #4a4a4a; }"
    "</style>"
)
# An arrow to the tray, hidden from screen readers (st.html drops inline SVG).
_ICON = '<span class="bpa-icon" aria-hidden="true">↓</span>'

# Installed once per page with the first link. A click on a link leaves the field the user was
# typing in, and Streamlit's page sends the field's new value to the server in a timer it sets
# then (its widget manager batches changes with setTimeout 0), after the click has already
# started the download: the file's request reached the server ahead of the answer, every time
# in Chromium. So the click is held back (on window: after every handler of the click) and the
# link followed again two timer turns later, after Streamlit's timer (set when the field was
# left, or while the click was handled): the answer goes out first, and ``serve`` waits for the
# run it causes. A click with a modifier key (a new tab, a new window) is left to the browser.
LINK_SCRIPT = (
    "<script>(function(){"
    "if (window.__bpaDownloads) { return; } window.__bpaDownloads = true;"
    "window.addEventListener('click', function(e){"
    "const link = e.target instanceof Element && e.target.closest('a.bpa-download');"
    "if (!link || link.__bpaFollow || e.defaultPrevented || e.button !== 0"
    " || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }"
    "e.preventDefault();"
    "setTimeout(function(){ setTimeout(function(){"
    "link.__bpaFollow = true; try { link.click(); } finally { link.__bpaFollow = false; }"
    "}, 0); }, 0);"
    "});"
    "})();</script>"
)

# token -> Desk, weakly: the session's state owns the desk, this index only finds it.
_DESKS: weakref.WeakValueDictionary[str, Desk] = weakref.WeakValueDictionary()


@dataclass
class Offer:
    """One file a session offers: made already (``data``), made from a document when fetched
    (``document``, as PDF or as text), or the session's draft file (neither)."""

    file_name: str
    mime: str
    data: bytes | None = None
    document: Document | None = None
    as_text: bool = False
    step: str | None = None  # the step that offers it; None: offered on every step
    made_from: object = None  # what ``data`` was made from (see ``still_offered``)


class Desk:
    """One session's downloads. Lives in the session state, so it ends with the session."""

    def __init__(self, session_id: str) -> None:
        self.token = secrets.token_urlsafe(32)
        self.session_id = session_id
        self.lang = "nb"
        self.draft: Draft | None = None
        self.offers: dict[str, Offer] = {}
        self.refreshed: object | None = None  # the run that last refreshed the above

    def __getstate__(self) -> dict[str, Any]:
        # Session state must pickle (runner.enforceSerializableSessionState). The draft is a
        # reference to the session's own draft, which is pickled under its own key already.
        state = self.__dict__.copy()
        state["draft"] = None
        state["refreshed"] = None
        return state

    def url(self, name: str) -> str:
        return f"{_base_path()}{PREFIX}/{self.token}/{quote(name, safe='')}"

    def leave_other_steps(self, step_id: str) -> None:
        """Forget what another step offered (its PDF): the user has left that step."""
        for name in [n for n, o in self.offers.items() if o.step not in (None, step_id)]:
            del self.offers[name]


def _base_path() -> str:
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def desk() -> Desk:
    """This session's desk (made on first use), with the current draft and language (looked up
    once per run: a page draws several links)."""
    found = st.session_state.get(DESK_KEY)
    if not isinstance(found, Desk) or _DESKS.get(found.token) is not found:
        found = Desk(_session_id())
        st.session_state[DESK_KEY] = found
        _DESKS[found.token] = found
    marker = run_marker()
    if marker is None or found.refreshed is not marker:
        found.lang = current_language()
        found.draft = get_draft()
        found.refreshed = marker
    return found


def leave_other_steps(step_id: str) -> None:
    """Called by the frame when a step begins."""
    found = st.session_state.get(DESK_KEY)
    if isinstance(found, Desk):
        found.leave_other_steps(step_id)


# --- drawing the links ---------------------------------------------------------------------


def link(
    name: str, label: str, *, key: str, primary: bool = False, help: str | None = None
) -> None:
    """The download link of an offer: one element, a real link (keyboard, screen readers),
    with its help as visible text tied to it by aria-describedby (``key`` names that text:
    unique on the page, e.g. the sidebar's and the page's own save links)."""
    d = desk()
    offer = d.offers[name]
    css = "bpa-download bpa-primary" if primary else "bpa-download"
    described = ""
    help_html = ""
    if help:
        help_id = f"bpa-help-{escape(key)}"
        described = f' aria-describedby="{help_id}"'
        help_html = f'<p class="bpa-download-help" id="{help_id}">{escape(help)}</p>'
    with st.container(key=key):  # "st-key-save_…": the tab's copy sees a save (watch.js)
        st.html(
            f'<a class="{css}" href="{escape(d.url(name))}" '
            f'download="{escape(offer.file_name)}"{described}>{_ICON}'
            f"<span>{escape(label)}</span></a>{help_html}{LINK_SCRIPT}",
            unsafe_allow_javascript=True,  # LINK_SCRIPT; every other part is escaped
        )


def draft_file_name() -> str:
    return _("bpa-answers-{day}.json").format(day=assessment_date().isoformat())


def save_link(key: str, *, primary: bool = False) -> None:
    """ "Save my answers (file)": the draft file, made from the answers when it is fetched."""
    desk().offers[DRAFT] = Offer(draft_file_name(), "application/json")
    link(
        DRAFT,
        _("Save my answers (file)"),
        key=key,
        primary=primary,
        help=_(
            "Your answers are saved as a file on this device. Open it on the start page to "
            "go on later. Keep it safe: it holds health information."
        ),
    )


def offer_bytes(
    name: str, data: bytes, file_name: str, mime: str, *, step: str, made_from: object = None
) -> None:
    """A file made already, kept until the session leaves ``step``; ``made_from`` (a copy of
    what it was made from, compared with ``==``) lets a later run ask whether it still fits."""
    desk().offers[name] = Offer(file_name, mime, data=data, step=step, made_from=made_from)


def still_offered(name: str, made_from: object) -> bool:
    """Whether this session offers ``name``, made from what equals ``made_from`` now: then its
    link can be drawn in this run too. An offer made from anything else (the answers or the
    choices changed since) is dropped, as its file no longer fits them."""
    d = desk()
    offer = d.offers.get(name)
    if offer is None:
        return False
    if offer.made_from != made_from:
        del d.offers[name]
        return False
    return True


def offer_document(
    name: str, document: Document, file_name: str, *, as_text: bool, step: str
) -> None:
    """A document to be made when fetched: its PDF (by the worker pool) or its plain text."""
    mime = "text/plain; charset=utf-8" if as_text else "application/pdf"
    desk().offers[name] = Offer(file_name, mime, document=document, as_text=as_text, step=step)


# --- serving them --------------------------------------------------------------------------


def admitted(found: Desk, request_key: str | None) -> bool:
    """The desk's session is connected, and its websocket came with the same browser key as
    this request. A session whose websocket came without the key (a client that never loaded
    the app's page) gets no download at all: its links would work for anyone holding them."""
    from streamlit import runtime

    if not runtime.exists():
        return False
    client = runtime.get_instance().get_client(found.session_id)
    if client is None:  # gone, or disconnected for now
        return False
    context = getattr(client, "client_context", None)
    session_key = context.cookies.get(COOKIE) if context is not None else None
    if not session_key or not request_key:
        return False
    # As bytes: compare_digest refuses str with non-ASCII characters (a forged cookie).
    ours = str(session_key).encode("utf-8", "surrogatepass")
    return hmac.compare_digest(ours, request_key.encode("utf-8", "surrogatepass"))


def content_disposition(file_name: str) -> str:
    """``attachment`` with an ASCII name and the exact UTF-8 name (RFC 6266 / 5987)."""
    ascii_name = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in file_name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def _make(found: Desk, name: str, offer: Offer) -> bytes:
    """The bytes of an offer (in a worker thread: the event loop stays free)."""
    if offer.data is not None:
        return offer.data
    if offer.document is not None:
        if offer.as_text:
            return offer.document.plain_text().encode("utf-8")
        from bpa_ui import pdf_worker

        return pdf_worker.render(offer.document)
    if name == DRAFT and found.draft is not None:
        from bpa_ui.tab_copy import file_bytes  # the file keeps the interface language

        return file_bytes(found.draft, found.lang)
    raise LookupError(name)


def failure_text(lang: str) -> str:
    """What the browser shows when a PDF could not be made (rare: the page says it too)."""
    gettext = gettext_for(lang if lang in languages.codes() else languages.DEFAULT_LANGUAGE)
    return gettext(
        "The file could not be made just now. Your answers are kept. Go back to the page and "
        "try again."
    )


# --- waiting for the session's own run ------------------------------------------------------

# How long a download waits for its session's run in progress (a PDF being made can take its
# own time limit): then the file is made from the answers as they are at that moment.
SETTLE_LIMIT = 10.0

# The one place that relies on Streamlit's runtime beyond its documented API: the AppSession of
# a session (``Runtime.get_app_session``) and its settle tracking (``track_settling``,
# ``wait_until_settled``: "no ScriptRunner exists or is queued to run, and every message the
# last run chain enqueued has been sent"; public methods of AppSession, which Streamlit made
# for its agent API, but AppSession itself is internal).
_RUN_TRACKING = {
    "streamlit.runtime.runtime.Runtime": ("get_app_session",),
    "streamlit.runtime.app_session.AppSession": ("track_settling", "wait_until_settled"),
}


def require_run_tracking() -> None:
    """Refuse to start when a Streamlit upgrade removed what ``wait_for_runs`` uses: without
    it a saved draft file could miss the last answer typed, silently."""
    import importlib

    for path, names in _RUN_TRACKING.items():
        module, _dot, cls_name = path.rpartition(".")
        cls = getattr(importlib.import_module(module), cls_name, None)
        missing = [n for n in names if not callable(getattr(cls, n, None))]
        if missing:
            raise RuntimeError(
                f"{path} lacks {', '.join(missing)}: check bpa_ui.downloads.wait_for_runs "
                "against this Streamlit version (a draft file could miss the last answer typed)"
            )


async def wait_for_runs(session_id: str, limit: float = SETTLE_LIMIT) -> bool:
    """Wait until the session has no script run in progress or asked for (a rerun already
    requested included), on the event loop, without blocking it; at most ``limit`` seconds.
    False if the time ran out or the session is gone."""
    from streamlit import runtime

    if not runtime.exists():
        return False
    session = runtime.get_instance().get_app_session(session_id)
    if session is None:
        return False
    # Idempotent. Called during a run it starts unsettled; the run chain's end settles it.
    session.track_settling()
    try:
        async with asyncio.timeout(limit):
            await session.wait_until_settled()
    except TimeoutError:
        return False
    return True


async def serve(request: Any) -> Any:
    """GET /_bpa/download/<token>/<name>: the offer's bytes, to its own session only, once the
    session's run in progress has stored what the user typed last."""
    from starlette.responses import PlainTextResponse, Response

    from bpa_ui.pdf_worker import PdfError

    found = _DESKS.get(str(request.path_params["token"]))
    name = str(request.path_params["name"])
    offer = found.offers.get(name) if found is not None else None
    if found is None or offer is None or not admitted(found, request.cookies.get(COOKIE)):
        return PlainTextResponse("Not found", status_code=404)
    # Past the limit, the answers as they are then: a file now is better than none.
    await wait_for_runs(found.session_id)
    # The run may have offered the file anew (a letter made from the answers of now).
    offer = found.offers.get(name, offer)
    try:
        data = await asyncio.to_thread(_make, found, name, offer)
    except Exception as exc:  # PdfError (e.g. its time limit) or a bug: never a traceback
        if not isinstance(exc, PdfError):
            _log.error("download failed: %s", type(exc).__name__)
        return PlainTextResponse(failure_text(found.lang), status_code=503)
    return Response(
        data,
        media_type=offer.mime,
        headers={"Content-Disposition": content_disposition(offer.file_name)},
    )


def routes() -> list[Any]:
    """The download route, for ``st.App(routes=...)`` (at start: the Streamlit API it relies on
    is checked here, see ``require_run_tracking``)."""
    from starlette.routing import Route

    require_run_tracking()
    return [Route(PREFIX + "/{token}/{name}", serve, methods=["GET"])]


# --- the browser key cookie ----------------------------------------------------------------


class BrowserKey:
    """ASGI middleware: give the browser a random key cookie with the app's HTML page, if it
    has none. Only on the HTML page, which comes first: a key set on a later response (a script
    or image fetched while the websocket opens) could differ from the websocket's."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or _has_key(scope):
            await self.app(scope, receive, send)
            return
        secure = scope.get("scheme") == "https" or _header(scope, b"x-forwarded-proto") == b"https"

        async def send_with_key(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = dict((k.lower(), v) for k, v in headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    value = f"{COOKIE}={secrets.token_urlsafe(32)}; Path=/; HttpOnly; SameSite=Lax"
                    if secure:
                        value += "; Secure"
                    headers.append((b"set-cookie", value.encode("latin-1")))
                    message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_key)


def _header(scope: Any, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return None


def _has_key(scope: Any) -> bool:
    cookie = _header(scope, b"cookie") or b""
    return any(part.strip().startswith(COOKIE.encode() + b"=") for part in cookie.split(b";"))


MIDDLEWARE = Middleware(BrowserKey)
