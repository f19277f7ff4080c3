"""PDFs made in a small pool of worker processes, off the server's interpreter lock.

ReportLab is pure Python: a large PDF (0.4–0.75 s for the 50 000-character application) made in
the server process held the interpreter lock, and every other session's click waited behind it
(p95 of five other sessions 57 → 516 ms). Here the server only sends the built documents to a
worker and waits on a socket, which frees the lock; the bytes come back the same way, in
memory, and nothing is written to disk.

- **Started with the server** (``app.py``'s lifespan calls ``start_in_background()``), or at
  the first PDF when there is no server (AppTest). The command line renders in its own process,
  as before.
- **Each worker is ``python -m bpa_ui.pdf_worker``**, spoken to over an anonymous socket pair.
  Not multiprocessing's forkserver, although it forks warm workers in tens of milliseconds
  (measured: a new worker's first PDF 0.31 s against 0.87 s): its listening socket is a file
  in the temp directory, and the server writes nothing to disk (the privacy test caught it).
  Not ``fork`` of the server (it runs threads), and not multiprocessing's spawn (it re-runs the
  server's main script, ``streamlit``, in every worker). A worker imports only the renderer
  (about 45 MB each), renders one small PDF to warm up, says it is ready, and only then takes
  jobs: its start-up (0.5–0.9 s of CPU) never counts against a user's time limit.
- **A hard time limit per PDF** (``BPA_PDF_TIME_LIMIT``, 20 s): a worker that has not answered
  by then is killed and replaced, and the caller gets ``PdfTimeoutError`` (the page says so,
  translated). No request waits longer than the time limit for a free worker (``PdfBusyError``).
- **Below the server in priority** (``nice`` 10): on a machine with two cores, a worker making
  the largest PDF the app accepts (1–2 s of CPU) all the time took a core from the server, and
  five other sessions' p95 went from 76 to 511 ms; the server's sessions now come first, and a
  PDF takes longer only when the machine is busy (its time limit is generous).
- **Size**: ``BPA_PDF_WORKERS`` workers (2 by default: one pathological draft cannot hold up
  everyone's PDF); each is capped at ``BPA_PDF_MEMORY_MB`` of address space (1 500 MB).

A worker never sends an exception's message back (it may quote the user's text): only its type;
its own output goes nowhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bpa_core.documents.model import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKERS = 2
DEFAULT_TIME_LIMIT = 20.0
DEFAULT_MEMORY_MB = 1500
NICE = 10  # a worker's scheduling priority below the server's
START_LIMIT = 60.0  # a worker that is not ready by then is killed and started again


class PdfError(Exception):
    """The PDF could not be made (the message never holds the user's text)."""


class PdfTimeoutError(PdfError):
    """The worker ran past the time limit and was replaced."""


class PdfBusyError(PdfError):
    """No worker came free within the time limit."""


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Settings:
    workers: int = DEFAULT_WORKERS
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_mb: int = DEFAULT_MEMORY_MB

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(
            workers=int(_env_number("BPA_PDF_WORKERS", DEFAULT_WORKERS)),
            time_limit=_env_number("BPA_PDF_TIME_LIMIT", DEFAULT_TIME_LIMIT),
            memory_mb=int(_env_number("BPA_PDF_MEMORY_MB", DEFAULT_MEMORY_MB)),
        )


# --- in the worker -------------------------------------------------------------------------


def _limit_memory(megabytes: int) -> None:
    import resource

    limit = megabytes * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit is set: keep that
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _warm_up() -> None:
    """One small PDF with every kind of block in each language: fonts, styles and catalogs
    are loaded before the first user waits for them (a fresh worker's first PDF took 0.35 s,
    later ones 0.13 s)."""
    from datetime import date

    from bpa_core.documents import model
    from bpa_core.render.pdf import render_pdf

    blocks = (
        model.Paragraph("Åse Ŋ ŧ"),
        model.Heading("Uke"),
        model.Table(("a", "b"), (("1", "2"),), ("3", "4"), "c", (1,)),
        model.Checklist(("x",)),
        model.BulletList(("y",)),
        model.Fields((("n", "v"),)),
    )
    for lang in ("nb", "nn", "en"):
        section = model.Section("s", "S", blocks)
        render_pdf(model.Document("application", lang, "T", "S", date(2026, 1, 1), (section,)))


def serve(conn: Connection, memory_mb: int) -> None:
    """A worker's life: warm up, say ``("ready", pid)``, then one job after another until the
    connection closes or the worker is killed. A job is ``("pdf", documents)``; the answer
    ``("ok", bytes)`` or ``("error", exception type name)``."""
    _limit_memory(memory_mb)
    os.nice(NICE)  # the server's sessions come first (see the module's docstring)
    from bpa_core.render.pdf import render_pdf

    # A warm-up that fails must not take the worker down: the jobs will say why.
    with contextlib.suppress(Exception):
        _warm_up()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        kind, payload = job
        try:
            if kind == "pdf":
                answer: tuple[str, Any] = ("ok", render_pdf(payload))
            else:
                answer = ("error", "UnknownJob")
        except Exception as exc:  # the type only: the message may quote the user's text
            answer = ("error", type(exc).__name__)
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return


def main(argv: list[str]) -> None:
    """``python -m bpa_ui.pdf_worker FD MEMORY_MB``: serve on the inherited socket FD."""
    fd, memory_mb = int(argv[0]), int(argv[1])
    serve(Connection(fd), memory_mb)


# --- in the server -------------------------------------------------------------------------


class _Worker:
    """One worker process and its end of the socket pair."""

    def __init__(self, memory_mb: int) -> None:
        ours, theirs = socket.socketpair()
        try:
            command = [
                sys.executable,
                "-m",
                "bpa_ui.pdf_worker",
                str(theirs.fileno()),
                str(memory_mb),
            ]
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
                command,
                pass_fds=[theirs.fileno()],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # a worker's traceback could quote the user's text
            )
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())

    def wait_ready(self, limit: float) -> bool:
        try:
            return bool(self.conn.poll(limit)) and self.conn.recv()[0] == "ready"
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(EOFError, OSError):
            self.conn.send(None)
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
        self.conn.close()


class PdfPool:
    """A fixed number of worker processes; ``render`` borrows a ready one, waits for its
    answer within the time limit, and gives it back (or has a fresh one started in its
    place). Thread-safe."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_environment()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._stopped = False
        self.replaced = 0  # workers killed and replaced (for tests and the benchmark)

    def start(self, *, wait: bool = True) -> PdfPool:
        """Start the workers; with ``wait``, until every one is ready."""
        starters = [self._add() for _ in range(self.settings.workers)]
        if wait:
            for starter in starters:
                starter.join()
        return self

    def _add(self) -> threading.Thread:
        """Start a worker; a thread puts it among the idle ones once it says it is ready."""

        def bring_up() -> None:
            for _ in range(3):
                worker = _Worker(self.settings.memory_mb)
                with self._lock:
                    if self._stopped:
                        worker.stop()
                        return
                    self._all.append(worker)
                if worker.wait_ready(START_LIMIT):
                    self._idle.put(worker)
                    return
                self._forget(worker)

        thread = threading.Thread(target=bring_up, name="bpa-pdf-worker-start", daemon=True)
        thread.start()
        return thread

    def _forget(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        self._forget(worker)
        with self._lock:
            self.replaced += 1
            stopped = self._stopped
        if not stopped:
            self._add()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all]

    def run(self, kind: str, payload: Any) -> bytes:
        """One job on a free worker; raises PdfBusyError, PdfTimeoutError or PdfError."""
        limit = self.settings.time_limit
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise PdfBusyError("no PDF worker came free in time") from None
        try:
            worker.conn.send((kind, payload))
            if not worker.conn.poll(limit):
                self._replace(worker)
                raise PdfTimeoutError(f"the PDF took more than {limit:g} s")
            status, answer = worker.conn.recv()
        except (EOFError, OSError):  # the worker died (e.g. out of memory)
            self._replace(worker)
            raise PdfError("the PDF worker stopped") from None
        self._idle.put(worker)
        if status != "ok":
            raise PdfError(f"the PDF could not be made ({answer})")
        return bytes(answer)

    def render(self, documents: Document | Sequence[Document]) -> bytes:
        docs = [documents] if isinstance(documents, Document) else list(documents)
        return self.run("pdf", docs)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


_pool: PdfPool | None = None
_pool_lock = threading.Lock()


def start(settings: Settings | None = None) -> PdfPool:
    """The process's pool (a static thing: processes, never user data), started once. Does
    not wait for the workers: a PDF asked for meanwhile waits for the first one ready."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = PdfPool(settings).start(wait=False)
        return _pool


def stop() -> None:
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.stop()


def render(documents: Document | Sequence[Document]) -> bytes:
    """A PDF of the documents, made by a worker (the pool starts if the server did not)."""
    return start().render(documents)


@contextlib.asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """st.App's lifespan: the pool starts with the server and stops with it."""
    start()
    try:
        yield None
    finally:
        await asyncio.to_thread(stop)


if __name__ == "__main__":
    main(sys.argv[1:])
