"""The PDF worker pool (bpa_ui/pdf_worker.py): PDFs made in other processes, a hard time limit
after which the worker is killed and replaced, and a dead worker replaced too."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from datetime import date

import pytest

from bpa_core.documents.build import build_documents
from bpa_core.documents.model import Document
from bpa_core.render.pdf import render_pdf
from bpa_ui import pdf_worker
from tests.browser.journey import pdf_text
from tests.support import persona_draft


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return build_documents(persona_draft("kari"), "all", "nn", on=date(2026, 11, 22))


@pytest.fixture
def pool() -> Iterator[pdf_worker.PdfPool]:
    started = pdf_worker.PdfPool(pdf_worker.Settings(workers=1, time_limit=60)).start()
    try:
        yield started
    finally:
        started.stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is not alive
        return f.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_a_worker_makes_the_same_pdf_in_another_process(
    pool: pdf_worker.PdfPool, documents: list[Document]
) -> None:
    (pid,) = pool.pids()
    assert pid != os.getpid()
    made = pool.render(documents)
    assert made.startswith(b"%PDF")
    assert pdf_text(made) == pdf_text(render_pdf(documents))


def test_a_worker_runs_below_the_server_in_priority(pool: pdf_worker.PdfPool) -> None:
    """The largest PDF the app accepts takes a core for a second or two: the server's sessions
    come first (bench/README.md, "Issue 16": others' p95 6.7-8.3x without, 1.1-2.1x with)."""
    (pid,) = pool.pids()
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, pid) == min(19, ours + pdf_worker.NICE) > ours


def test_past_the_time_limit_the_worker_is_killed_and_replaced(
    pool: pdf_worker.PdfPool, documents: list[Document]
) -> None:
    (old,) = pool.pids()
    pool.settings = pdf_worker.Settings(workers=1, time_limit=0.005)  # no PDF is that fast
    with pytest.raises(pdf_worker.PdfTimeoutError):
        pool.render(documents)
    assert pool.replaced == 1
    assert not _alive(old)
    pool.settings = pdf_worker.Settings(workers=1, time_limit=60)
    assert pool.render(documents).startswith(b"%PDF")  # by the new worker
    (new,) = pool.pids()
    assert new != old


def test_a_worker_that_died_is_replaced(
    pool: pdf_worker.PdfPool, documents: list[Document]
) -> None:
    (old,) = pool.pids()
    os.kill(old, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _alive(old) and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(pdf_worker.PdfError):
        pool.render(documents)
    assert pool.render(documents).startswith(b"%PDF")
    assert pool.pids() != [old]


def test_no_free_worker_within_the_time_limit_is_refused(
    pool: pdf_worker.PdfPool, documents: list[Document]
) -> None:
    pool.settings = pdf_worker.Settings(workers=1, time_limit=0.2)
    busy = pool._idle.get(timeout=60)  # the only worker, taken as a long PDF would
    try:
        with pytest.raises(pdf_worker.PdfBusyError):
            pool.render(documents)
    finally:
        pool._idle.put(busy)


def test_stop_ends_every_worker(documents: list[Document]) -> None:
    started = pdf_worker.PdfPool(pdf_worker.Settings(workers=2, time_limit=60)).start()
    pids = started.pids()
    assert len(pids) == 2
    started.stop()
    assert not any(_alive(pid) for pid in pids)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BPA_PDF_WORKERS", "3")
    monkeypatch.setenv("BPA_PDF_TIME_LIMIT", "7.5")
    monkeypatch.setenv("BPA_PDF_MEMORY_MB", "nonsense")
    assert pdf_worker.Settings.from_environment() == pdf_worker.Settings(3, 7.5, 1500)


def _pdf_workers_of(pid: int) -> list[int]:
    """The PDF worker processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                command = f.read().split(b"\0")
        except OSError:  # gone meanwhile
            continue
        if parent == pid and b"bpa_ui.pdf_worker" in command and _alive(int(entry)):
            found.append(int(entry))
    return found


def test_the_server_starts_the_pool_with_the_app_and_stops_it_with_the_app() -> None:
    """app.py's lifespan starts the workers when the server starts, before any PDF is asked
    for (the first PDF does not pay for the start-up), and stops them when the server stops."""
    from tests.browser.server import start_server, stop_server

    server = start_server(env={"BPA_PDF_WORKERS": "3"})  # not the default: these are ours
    try:
        deadline = time.monotonic() + 60
        workers = _pdf_workers_of(server.process.pid)
        while len(workers) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _pdf_workers_of(server.process.pid)
        assert len(workers) == 3, server.text_output()
    finally:
        stop_server(server)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
