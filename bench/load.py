"""Load: N websocket sessions without a browser against the app and the bare page, in one run.

Each session speaks Streamlit's own protocol (``/_stcore/stream``, protobuf BackMsg/ForwardMsg),
as the browser does, so the server is measured and nothing else: no browser rendering, no
Playwright. For each N in ``--sessions`` (default 1, 10, 25, 50, 100), first the app and then the
bare page (``bench/bare_app.py``) get N sessions at once:

- every session opens the page, and the app's sessions open a persona's draft file (the upload
  goes through ``/_stcore/upload_file`` like the browser's), which lands on "check your answers";
- then, during the measured window, each session waits a think time (uniform ``--think`` seconds,
  a person reading) and does one action, again and again. The app's actions go round the
  journey: "next" to the download step, save the draft file, make the PDF and fetch it, "back"
  to the start, save the draft file, and so on; the bare page's action is a press of "Next";
- an action's time runs from the click to the end of the last script run it causes (and, for a
  download, until the whole file has arrived).

Printed per phase: actions, p50/p95 of the action time, errors (a download that did not
arrive whole, a run that ended with an error on the page, a lost connection, no answer in 60 s),
the server's CPU per action (the server process and its children, e.g. PDF workers, from
/proc) and actions per second. Figures go to ``bench/results/load-<time>.json``.

    python bench/load.py                         # the whole run (a few minutes on 2 cores)
    python bench/load.py --sessions 1,10 --seconds 10
    python bench/load.py --root /tmp/old-checkout  # serve another checkout (before/after)
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import http.client
import json
import os
import random
import re
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser.server import Server, start_server, stop_server  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PERSONA = ROOT / "tests" / "personas" / "kari.json"
ACTION_TIMEOUT = 60.0
# Our own download links (bpa_ui/downloads.py); the old code had Streamlit's deferred buttons.
LINK = re.compile(r'href="(/_bpa/download/[^"]+)"')

_HTTP = concurrent.futures.ThreadPoolExecutor(max_workers=32, thread_name_prefix="load-http")


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def log(message: str) -> None:
    print(f"[load {datetime.now(UTC):%H:%M:%S}, load {load_average()[0]:.2f}] {message}")
    sys.stdout.flush()


# --- the server's CPU ----------------------------------------------------------------------


def _children(pid: int) -> Iterator[int]:
    """pid and every process below it (the PDF workers and their fork server)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    todo = [pid]
    while todo:
        current = todo.pop()
        yield current
        todo.extend(parents.get(current, []))


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the server and its children, alive and reaped."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _children(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime, cutime, cstime (fields 14-17 of stat; index 11-14 after the name)
        total += sum(int(x) for x in fields[11:15])
    return total / ticks


# --- HTTP (blocking, in a thread pool) -----------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str]


def _http(base: str, method: str, path: str, headers: dict[str, str], body: bytes | None) -> Reply:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                cookies[key.strip()] = val.strip()
        return Reply(response.status, dict(response.getheaders()), data, cookies)
    finally:
        conn.close()


async def fetch_http(
    base: str, method: str, path: str, headers: dict[str, str], body: bytes | None = None
) -> Reply:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_HTTP, _http, base, method, path, headers, body)


# --- one session ---------------------------------------------------------------------------


class ActionError(Exception):
    """An action that failed as a user would notice (the message says how)."""


@dataclass
class Page:
    """What the last finished run drew: buttons by key (or label), links, the uploader."""

    buttons: dict[str, str] = field(default_factory=dict)  # key or label -> widget id
    deferred: dict[str, str] = field(default_factory=dict)  # label -> deferred file id
    links: list[str] = field(default_factory=list)
    uploader: str | None = None
    exception: bool = False
    headings: list[str] = field(default_factory=list)


class Session:
    def __init__(self, base: str, lang: str = "en") -> None:
        self.base = base
        self.lang = lang
        self.cookies: dict[str, str] = {}
        self.session_id = ""
        self.page_hash = ""
        self.page = Page()
        self._next_page = Page()
        self._finished: asyncio.Event = asyncio.Event()
        self._waiting: dict[str, asyncio.Future[Any]] = {}
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self.closed_reason: str | None = None

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    async def open(self) -> None:
        from websockets.asyncio.client import connect

        reply = await fetch_http(self.base, "GET", "/", {})
        self.cookies.update(reply.cookies)
        reply = await fetch_http(
            self.base, "GET", "/_stcore/health", {"Cookie": self.cookie_header()}
        )
        self.cookies.update(reply.cookies)
        xsrf = self.cookies.get("_streamlit_xsrf", "")
        ws_url = "ws" + self.base.removeprefix("http") + "/_stcore/stream"
        self._ws = await connect(
            ws_url,
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],  # type: ignore[list-item]
            additional_headers={"Cookie": self.cookie_header(), "Origin": self.base},
            max_size=None,
            open_timeout=60,
            ping_interval=None,
        )
        self._reader = asyncio.create_task(self._read())
        await self.rerun([])

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader

    async def _read(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        try:
            async for raw in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                self._handle(msg)
        except Exception as exc:  # the connection dropped
            self.closed_reason = type(exc).__name__
        if self.closed_reason is None:
            self.closed_reason = "closed"
        self._finished.set()
        for fut in self._waiting.values():
            if not fut.done():
                fut.set_exception(ActionError("connection closed"))

    def _handle(self, msg: Any) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.session_id = msg.new_session.initialize.session_id
            self.page_hash = msg.new_session.page_script_hash
            self._next_page = Page()
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element)
        elif kind == "script_finished":
            from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

            status = msg.script_finished
            if status in (
                ForwardMsg.FINISHED_SUCCESSFULLY,
                ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
            ):
                self.page = self._next_page
                self._next_page = Page()
                self._finished.set()
            else:  # ended early for a rerun (a page switch): the next run follows
                self._next_page = Page()
        elif kind in ("file_urls_response", "backend_operation_response"):
            rid = (
                msg.file_urls_response.response_id
                if kind == "file_urls_response"
                else msg.backend_operation_response.request_id
            )
            fut = self._waiting.pop(rid, None)
            if fut is not None and not fut.done():
                fut.set_result(getattr(msg, kind))

    def _element(self, element: Any) -> None:
        page = self._next_page
        kind = element.WhichOneof("type")
        if kind == "button":
            wid = element.button.id
            key = wid.rsplit("-", 1)[-1] if wid.count("-") >= 2 else ""
            page.buttons[element.button.label] = wid
            if key and not key.startswith("$"):
                page.buttons[key] = wid
        elif kind == "download_button" and element.download_button.deferred_file_id:
            page.deferred[element.download_button.label] = element.download_button.deferred_file_id
        elif kind in ("html", "markdown"):
            body = element.html.body if kind == "html" else element.markdown.body
            page.links.extend(LINK.findall(body))
        elif kind == "file_uploader":
            page.uploader = element.file_uploader.id
        elif kind == "exception":
            page.exception = True
        elif kind == "heading":
            page.headings.append(element.heading.body)
        elif kind == "alert" and element.alert.format == 1:  # ERROR: our friendly error?
            body = element.alert.body
            page.exception = page.exception or "went wrong" in body or "gikk galt" in body

    async def _send(self, back: Any) -> None:
        await self._ws.send(back.SerializeToString())

    async def rerun(self, widget_states: list[Any]) -> None:
        """One client rerun (a click): returns when the last script run it causes has ended."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        back = BackMsg()
        state = back.rerun_script
        state.query_string = f"lang={self.lang}"
        state.page_script_hash = self.page_hash
        state.context_info.locale = "en-GB"
        state.context_info.timezone = "Europe/Oslo"
        state.context_info.url = self.base + "/"
        for ws in widget_states:
            state.widget_states.widgets.append(ws)
        self._finished.clear()
        await self._send(back)
        await self._wait_finished()
        if self.page.exception:
            raise ActionError("the page showed an error")

    async def _wait_finished(self) -> None:
        # A page switch ends one run early and starts another: wait for a quiet moment after
        # a finished run, so that the run a switch starts is included.
        await asyncio.wait_for(self._finished.wait(), ACTION_TIMEOUT)
        if self.closed_reason:
            raise ActionError(f"connection {self.closed_reason}")

    async def click(self, name: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.page.buttons.get(name)
        if wid is None:
            raise ActionError(f"no button {name!r} on the page")
        ws = WidgetState(id=wid, trigger_value=True)
        await self.rerun([ws])

    async def _request(self, back: Any, rid: str) -> Any:
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[rid] = fut
        await self._send(back)
        return await asyncio.wait_for(fut, ACTION_TIMEOUT)

    async def upload(self, name: str, data: bytes) -> None:
        """Open a draft file on the start page, as the browser's file uploader does."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        if self.page.uploader is None:
            raise ActionError("no file uploader on the page")
        rid = uuid.uuid4().hex
        back = BackMsg()
        back.file_urls_request.request_id = rid
        back.file_urls_request.session_id = self.session_id
        back.file_urls_request.file_names.append(name)
        urls = (await self._request(back, rid)).file_urls[0]
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="{name}"\r\nContent-Type: application/json\r\n\r\n'
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": self.cookie_header(),
            "X-Xsrftoken": self.cookies.get("_streamlit_xsrf", ""),
            "Origin": self.base,
        }
        reply = await fetch_http(self.base, "PUT", urlsplit(urls.upload_url).path, headers, body)
        if reply.status != 204 and reply.status != 200:
            raise ActionError(f"upload refused: HTTP {reply.status}")
        ws = WidgetState(id=self.page.uploader)
        info = ws.file_uploader_state_value.uploaded_file_info.add()
        info.name = name
        info.size = len(data)
        info.file_id = urls.file_id
        info.file_urls.CopyFrom(urls)
        await self.rerun([ws])

    async def fetch(self, path: str) -> bytes:
        reply = await fetch_http(self.base, "GET", path, {"Cookie": self.cookie_header()})
        if reply.status != 200 or not reply.body:
            raise ActionError(f"download: HTTP {reply.status}")
        return reply.body

    async def download(self, label: str, link_part: str) -> bytes:
        """A download as the browser does it: our link, or Streamlit's deferred button (the
        old code): ask the server to make the file, then fetch the address it gives."""
        for link in self.page.links:
            if link_part in link:
                return await self.fetch(link.replace("&amp;", "&"))
        file_id = self.page.deferred.get(label)
        if file_id is None:
            raise ActionError(f"no download {label!r} on the page")
        from streamlit.proto.BackMsg_pb2 import BackMsg

        rid = uuid.uuid4().hex
        back = BackMsg()
        back.backend_operation_request.request_id = rid
        back.backend_operation_request.session_id = self.session_id
        back.backend_operation_request.deferred_file.file_id = file_id
        response = await self._request(back, rid)
        if response.error_msg:
            raise ActionError("download: the server could not make the file")
        return await self.fetch(response.deferred_file.url)


# --- the journeys --------------------------------------------------------------------------


SAVE = "Save my answers (file)"
MAKE_PDF = "Make the PDF"
PDF = "Download the PDF"


class AppUser:
    """Round the journey: "next" to the download step (save, make and fetch the PDF), "back"
    to the start (save), again. Starts on "check your answers" after opening the draft."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.plan: list[str] = []

    async def prepare(self) -> None:
        await self.s.open()
        await self.s.upload("kari.json", PERSONA.read_bytes())

    async def act(self) -> str:
        if not self.plan:
            self.plan = self._plan()
        action = self.plan.pop(0)
        if action == "save":
            data = await self.s.download(SAVE, "/draft")
            if not data.startswith(b"{"):
                raise ActionError("the draft file is not JSON")
        elif action == "make_pdf":
            await self.s.click(MAKE_PDF)
        elif action == "fetch_pdf":
            data = await self.s.download(PDF, "/pdf")
            if not data.startswith(b"%PDF"):
                raise ActionError("the PDF is not a PDF")
        else:
            await self.s.click(action)
        return action

    def _plan(self) -> list[str]:
        page = self.s.page
        forward = getattr(self, "_forward", True)
        if MAKE_PDF in page.buttons:  # the download step: the end of the way forward
            self._forward = False
            return ["save", "make_pdf", "fetch_pdf", "nav_back"]
        if "nav_back" not in page.buttons:  # the start: the end of the way back
            self._forward = True
            return ["save", "nav_next"]
        return ["nav_next" if forward else "nav_back"]


def stress_draft(kind: str = "stress") -> bytes:
    """The large PDF's draft: "stress", Kari's draft with 50 000 characters in one free-text
    field, or "worst" (or a kind of bench/pdf.py's WORST_LINES), the worst draft the app
    accepts (every text at the whole-draft budget)."""
    from bench.pdf import WORST_KIND, stress, worst_draft

    if kind == "stress":
        return stress().to_json().encode("utf-8")
    return worst_draft(WORST_KIND if kind == "worst" else kind).to_json().encode("utf-8")


class PdfMaker(AppUser):
    """Opens the large draft (``--stall-draft``), goes to the download step and makes the PDF of
    the application and the checklist again and again (no think time)."""

    def __init__(self, session: Session, draft: str = "worst") -> None:
        super().__init__(session)
        self.draft = draft

    async def prepare(self) -> None:
        await self.s.open()
        await self.s.upload("stress.json", stress_draft(self.draft))
        while MAKE_PDF not in self.s.page.buttons:
            await self.s.click("nav_next")

    async def act(self) -> str:
        await self.s.click(MAKE_PDF)
        data = await self.s.download(PDF, "/pdf")
        if not data.startswith(b"%PDF"):
            raise ActionError("the PDF is not a PDF")
        return "stress_pdf"


class BareUser:
    def __init__(self, session: Session) -> None:
        self.s = session

    async def prepare(self) -> None:
        await self.s.open()

    async def act(self) -> str:
        await self.s.click("nav_next")
        return "next"


@dataclass
class Phase:
    target: str
    sessions: int
    times: list[tuple[str, float]] = field(default_factory=list)  # (action, ms)
    errors: list[str] = field(default_factory=list)
    setup_errors: list[str] = field(default_factory=list)
    wall_s: float = 0.0
    cpu_s: float = 0.0
    large_pdfs_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        ms = sorted(t for _, t in self.times)
        done = len(ms)

        def pct(p: float) -> float:
            if not ms:
                return float("nan")
            return round(ms[min(done - 1, int(p * done))], 1)

        per_kind: dict[str, list[float]] = {}
        for kind, t in self.times:
            per_kind.setdefault(kind, []).append(t)
        return {
            "target": self.target,
            "sessions": self.sessions,
            "actions": done,
            "p50_ms": round(statistics.median(ms), 1) if ms else None,
            "p95_ms": pct(0.95),
            "max_ms": round(ms[-1], 1) if ms else None,
            "errors": len(self.errors) + len(self.setup_errors),
            "error_kinds": sorted(set(self.errors + self.setup_errors)),
            "cpu_ms_per_action": round(self.cpu_s * 1000 / done, 1) if done else None,
            "actions_per_s": round(done / self.wall_s, 1) if self.wall_s else None,
            "large_pdfs": len(self.large_pdfs_ms),
            "large_pdf_p50_ms": (
                round(statistics.median(self.large_pdfs_ms)) if self.large_pdfs_ms else None
            ),
            "per_action_p50_ms": {
                k: round(statistics.median(v), 1) for k, v in sorted(per_kind.items())
            },
        }


async def run_phase(
    server: Server,
    target: str,
    n: int,
    seconds: float,
    think: tuple[float, float],
    seed: int,
    *,
    pdf_maker: bool = False,
    pdf_draft: str = "worst",
) -> Phase:
    """N sessions of ``target`` for ``seconds``; with ``pdf_maker`` one more session makes the
    large PDF all the time (its own actions are not counted, its CPU is)."""
    phase = Phase(target + (" + large PDF" if pdf_maker else ""), n)
    rng = random.Random(seed)  # noqa: S311 - think times, not secrets
    users: list[AppUser | BareUser] = []
    for _ in range(n):
        session = Session(server.url)
        users.append(AppUser(session) if target == "app" else BareUser(session))
    maker = PdfMaker(Session(server.url), pdf_draft) if pdf_maker else None
    made: list[float] = []

    # Open every session (a few at a time, as people arrive), then measure.
    gate = asyncio.Semaphore(10)

    async def prepare(user: AppUser | BareUser) -> bool:
        async with gate:
            try:
                await user.prepare()
                return True
            except Exception as exc:
                phase.setup_errors.append(f"setup: {exc or type(exc).__name__}")
                return False

    ready = [
        u for u, ok in zip(users, await asyncio.gather(*map(prepare, users)), strict=True) if ok
    ]
    if maker is not None:
        await maker.prepare()
    stop = asyncio.Event()

    async def make_pdfs() -> None:
        assert maker is not None
        while not stop.is_set():
            start = time.perf_counter()
            try:
                await maker.act()
            except (ActionError, TimeoutError) as exc:  # counted with the others' errors
                phase.errors.append(f"large PDF: {exc or 'no answer in 60 s'}")
                await asyncio.sleep(1.0)
                continue
            made.append((time.perf_counter() - start) * 1000)

    async def loop(user: AppUser | BareUser, delay: float) -> None:
        await asyncio.sleep(delay)
        while not stop.is_set():
            start = time.perf_counter()
            try:
                action = await user.act()
                phase.times.append((action, (time.perf_counter() - start) * 1000))
            except (ActionError, TimeoutError) as exc:
                phase.errors.append(str(exc) or "no answer in 60 s")
                if user.s.closed_reason:  # the connection is gone: this user is done
                    return
                # Otherwise the person goes on (clicks again, or on): every phase keeps its N
                # sessions busy, whether a download failed or not.
            if stop.is_set():
                return
            await asyncio.sleep(rng.uniform(*think))

    cpu0 = cpu_seconds(server.process.pid)
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(loop(u, rng.uniform(0, think[1]))) for u in ready]
    if maker is not None:
        tasks.append(asyncio.create_task(make_pdfs()))
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks)  # the actions under way finish (each bounded by 60 s)
    phase.wall_s = time.perf_counter() - t0
    phase.cpu_s = cpu_seconds(server.process.pid) - cpu0
    phase.large_pdfs_ms = made
    everyone = users + ([maker] if maker is not None else [])
    await asyncio.gather(*(u.s.close() for u in everyone), return_exceptions=True)
    return phase


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default="1,10,25,50,100", help="N values, comma-separated")
    parser.add_argument("--seconds", type=float, default=12.0, help="measured window per phase")
    parser.add_argument("--think", default="1.0,2.0", help="think time between actions: lo,hi s")
    parser.add_argument("--only", choices=["app", "bare"], action="append", help="one target")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument(
        "--stall-sessions",
        type=int,
        default=5,
        help="the large-PDF test: this many app sessions, without and with one session making "
        "the large PDF all the time (0: skip)",
    )
    parser.add_argument(
        "--stall-draft",
        default="worst",
        help="the large PDF's draft: worst (the worst accepted draft, bench/pdf.py), stress "
        "(50 000 characters in one answer) or a kind of bench/pdf.py's WORST_LINES",
    )
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results/")
    return parser.parse_args(argv)


TARGETS = {"cpu_ratio": 2.0, "p95_ms_at_50": 1000.0, "errors_at_100": 0, "stall_p95_ratio": 2.0}


def verdicts(rows: list[dict[str, Any]]) -> list[str]:
    """The issue's targets (benchmark targets, never tests), from the phases that ran."""
    by = {(r["target"], r["sessions"]): r for r in rows}
    lines = []
    app_cpu = [r["cpu_ms_per_action"] for r in rows if r["target"] == "app" and r["actions"]]
    bare_cpu = [r["cpu_ms_per_action"] for r in rows if r["target"] == "bare" and r["actions"]]
    if app_cpu and bare_cpu:
        ratio = statistics.median(app_cpu) / statistics.median(bare_cpu)
        ok = ratio <= TARGETS["cpu_ratio"]
        lines.append(
            f"CPU per action, median over N: app {statistics.median(app_cpu):.1f} ms, bare "
            f"{statistics.median(bare_cpu):.1f} ms: {ratio:.1f}x (target <= "
            f"{TARGETS['cpu_ratio']:.0f}x) {'ok' if ok else 'MISSED'}"
        )
    if ("app", 50) in by:
        p95 = by[("app", 50)]["p95_ms"]
        ok = p95 is not None and p95 <= TARGETS["p95_ms_at_50"]
        lines.append(f"p95 at 50 sessions: {p95} ms (target <= 1000 ms) {'ok' if ok else 'MISSED'}")
    if ("app", 100) in by:
        errors = by[("app", 100)]["errors"]
        lines.append(
            f"errors at 100 sessions: {errors} (target 0) {'ok' if not errors else 'MISSED'}"
        )
    stall = next((r for r in rows if "large PDF" in r["target"]), None)
    if stall is not None:
        calm = [r for r in rows if r["target"] == "app" and r["sessions"] == stall["sessions"]][-1]
        ratio = (stall["p95_ms"] or 0) / (calm["p95_ms"] or 1)
        ok = ratio <= TARGETS["stall_p95_ratio"]
        lines.append(
            f"p95 of {stall['sessions']} sessions while the large PDF is made: {calm['p95_ms']} -> "
            f"{stall['p95_ms']} ms, {ratio:.1f}x (target <= 2x) {'ok' if ok else 'MISSED'}"
        )
    return lines


def table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        f"{'target':<18} {'N':>4} {'actions':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} "
        f"{'CPU ms/action':>14} {'actions/s':>10}"
    ]
    for r in rows:
        lines.append(
            f"{r['target']:<18} {r['sessions']:>4} {r['actions']:>8} {r['p50_ms'] or 0:>8.0f} "
            f"{r['p95_ms'] or 0:>8.0f} {r['errors']:>7} {r['cpu_ms_per_action'] or 0:>14.1f} "
            f"{r['actions_per_s'] or 0:>10.1f}"
        )
    return lines


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    counts = [int(x) for x in args.sessions.split(",") if x.strip()]
    lo, hi = (float(x) for x in args.think.split(","))
    targets = args.only or ["app", "bare"]
    scripts = {"app": "app.py", "bare": str(ROOT / "bench" / "bare_app.py")}
    servers = {t: start_server(scripts[t], cwd=args.root) for t in targets}
    started = datetime.now(UTC)
    load_start = load_average()
    rows: list[dict[str, Any]] = []
    try:
        for n in counts:
            for target in targets:  # app and bare alternate, one N at a time
                log(f"{target}: {n} sessions, {args.seconds:.0f} s")
                phase = await run_phase(
                    servers[target], target, n, args.seconds, (lo, hi), args.seed
                )
                row = phase.summary()
                rows.append(row)
                log(table([row])[1] + (f"  {row['error_kinds']}" if row["errors"] else ""))
                await asyncio.sleep(1.0)
        if args.stall_sessions and "app" in targets:
            for with_pdf in (False, True):
                n = args.stall_sessions
                log(f"app: {n} sessions{' while the large PDF is made' if with_pdf else ''}")
                phase = await run_phase(
                    servers["app"],
                    "app",
                    n,
                    2 * args.seconds,  # few sessions: a longer window for a steadier p95
                    (lo, hi),
                    args.seed,
                    pdf_maker=with_pdf,
                    pdf_draft=args.stall_draft,
                )
                row = phase.summary()
                rows.append(row)
                log(table([row])[1] + (f"  large PDFs: {row['large_pdfs']}" if with_pdf else ""))
                await asyncio.sleep(1.0)
    finally:
        for server in servers.values():
            stop_server(server)
    return {
        "started": started.isoformat(timespec="seconds"),
        "root": str(args.root),
        "cpus": os.cpu_count(),
        "load_start": load_start,
        "load_end": load_average(),
        "seconds": args.seconds,
        "think_s": [lo, hi],
        "phases": rows,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    t0 = time.perf_counter()
    result = asyncio.run(main_async(args))
    result["wall_s"] = round(time.perf_counter() - t0, 1)
    print()
    print(
        f"load average {result['load_start']} -> {result['load_end']}, "
        f"{result['cpus']} CPUs, {result['wall_s']:.0f} s in all"
    )
    print("\n".join(table(result["phases"])))
    print("\n".join(verdicts(result["phases"])))
    if not args.no_save:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"load-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
        out.write_text(json.dumps(result, indent=2))
        print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
