"""Server-side figures that need a real server and browser: cold start and memory per session.

Each is measured for the app and for the bare page (bench/bare_app.py) in the same run, so the
ratio says what the app costs on top of Streamlit itself on this machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.browser.server import start_server, stop_server  # noqa: E402

APP = "app.py"
BARE = "bench/bare_app.py"


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _first_paint(browser: Any, url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("h1", state="visible", timeout=60_000)
    context.close()


def cold_start(browser: Any, script: str, runs: int) -> float:
    """Median seconds from `streamlit run` to health ok and the first page's h1 painted."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        server = start_server(script)
        try:
            _first_paint(browser, server.url)
            times.append(time.perf_counter() - t0)
        finally:
            stop_server(server)
    return statistics.median(times)


def memory_per_session(browser: Any, script: str, sessions: int) -> float:
    """Server resident memory added per open browser session, in MB (median of nothing: one run)."""
    server = start_server(script)
    contexts = []
    try:
        _first_paint(browser, server.url)  # warm: the first session loads modules
        time.sleep(1)
        before = rss_kib(server.process.pid)
        for _ in range(sessions):
            context = browser.new_context()
            page = context.new_page()
            page.goto(server.url)
            page.wait_for_selector("h1", state="visible", timeout=60_000)
            contexts.append(context)
        time.sleep(2)
        after = rss_kib(server.process.pid)
        return (after - before) / 1024 / sessions
    finally:
        for context in contexts:
            context.close()
        stop_server(server)


def import_time(runs: int) -> dict[str, Any]:
    """Median wall time of `python -c "import bpa_core"`, against bare `python -c pass`."""

    def median_of(code: str) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    bare = median_of("pass")
    full = median_of("import bpa_core, bpa_core.draft, bpa_core.rules, bpa_core.documents")
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, bpa_core, bpa_core.draft, bpa_core.rules, bpa_core.documents;"
            "print(any(m.startswith('reportlab') for m in sys.modules))",
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return {
        "import_bpa_core_ms": round((full - bare) * 1000, 1),
        "python_startup_ms": round(bare * 1000, 1),
        "reportlab_imported": check.stdout.strip() == "True",
    }


def run(runs: int = 3, sessions: int = 20) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {"import": import_time(max(runs, 5))}
    path = chromium_path()
    if path is None:
        print("browser parts skipped: no Chromium (sudo apt-get install chromium)")
        return results
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            app, bare = cold_start(browser, APP, runs), cold_start(browser, BARE, runs)
            results["cold_start_s"] = {
                "app": round(app, 3),
                "bare": round(bare, 3),
                "ratio": round(app / bare, 2),
            }
            app_mb = memory_per_session(browser, APP, sessions)
            bare_mb = memory_per_session(browser, BARE, sessions)
            results["memory_per_session_mb"] = {
                "app": round(app_mb, 2),
                "bare": round(bare_mb, 2),
                "sessions": sessions,
            }
        finally:
            browser.close()
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
