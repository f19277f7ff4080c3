"""Figures that need a real server and browser: click to next step, cold start, memory per
session; and the import time of bpa_core (a subprocess, no browser).

Each browser figure is measured for the app and for the bare page (bench/bare_app.py) in the same
run, alternating app and bare where runs repeat, so the ratio says what the app costs on top of
Streamlit itself on this (shared, noisy) machine.
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
from tests.browser.server import Server, start_server, stop_server  # noqa: E402

APP = "app.py"
BARE = "bench/bare_app.py"
PERSONAS = ROOT / "tests" / "personas"
NEXT = ".st-key-nav_next button"


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _idle(page: Any) -> None:
    """Wait until the script run has finished (Streamlit's status widget is gone or empty)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || document.querySelector('[data-testid=\"stStatusWidget\"]').innerText === ''",
        timeout=60_000,
    )


def _h1_starts(page: Any, prefix: str) -> None:
    page.wait_for_function(
        "(p) => Array.from(document.querySelectorAll('h1'))"
        ".some(h => h.textContent.trim().startsWith(p) && h.offsetParent !== null)",
        arg=prefix,
        timeout=60_000,
        polling="raf",
    )


def _open(browser: Any, url: str) -> tuple[Any, Any]:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.wait_for_selector("h1", state="visible", timeout=60_000)
    return context, page


def _load_persona(page: Any, persona: str) -> None:
    """Open the persona's draft file on the start page; the app goes to "check your answers"."""
    page.set_input_files("input[type=file]", str(PERSONAS / f"{persona}.json"))
    _h1_starts(page, "Steg 10 av")
    _idle(page)


# --- click to next step -------------------------------------------------------------------


def _timed_click(page: Any, prefix: str) -> float:
    button = page.locator(NEXT)
    button.wait_for(state="visible")
    start = time.perf_counter()
    button.click()
    _h1_starts(page, prefix)
    elapsed = (time.perf_counter() - start) * 1000
    _idle(page)
    return elapsed


def app_clicks(browser: Any, server: Server, persona: str) -> list[dict[str, Any]]:
    """With the persona's answers loaded: from step 1, press "next" through every step."""
    context, page = _open(browser, server.url + "/?lang=nb")
    try:
        _load_persona(page, persona)
        page.locator("[data-testid='stSidebarNav'] a").first.click()
        _h1_starts(page, "Steg 1 av")
        _idle(page)
        total = int(page.locator("h1").first.inner_text().split(" av ")[1].split()[0])
        rows = []
        for n in range(2, total + 1):
            ms = _timed_click(page, f"Steg {n} av")
            rows.append({"persona": persona, "to_step": n, "ms": round(ms, 1)})
        return rows
    finally:
        context.close()


def bare_clicks(browser: Any, server: Server, presses: int) -> list[float]:
    context, page = _open(browser, server.url)
    try:
        _idle(page)
        return [_timed_click(page, f"Bare page {n}") for n in range(1, presses + 1)]
    finally:
        context.close()


def click_to_next(browser: Any, personas: tuple[str, ...]) -> dict[str, Any]:
    app_server, bare_server = start_server(APP), start_server(BARE)
    try:
        app_rows: list[dict[str, Any]] = []
        bare_ms: list[float] = []
        for persona in personas:  # alternate: one app journey, then as many bare presses
            rows = app_clicks(browser, app_server, persona)
            app_rows += rows
            bare_ms += bare_clicks(browser, bare_server, len(rows))
    finally:
        stop_server(app_server)
        stop_server(bare_server)
    app_ms = [r["ms"] for r in app_rows]
    by_step: dict[int, list[float]] = {}
    for r in app_rows:
        by_step.setdefault(r["to_step"], []).append(r["ms"])
    return {
        "clicks": len(app_ms),
        "personas": list(personas),
        "app_median_ms": round(statistics.median(app_ms), 1),
        "app_max_ms": round(max(app_ms), 1),
        "bare_median_ms": round(statistics.median(bare_ms), 1),
        "ratio": round(statistics.median(app_ms) / statistics.median(bare_ms), 2),
        "by_step_median_ms": {
            str(k): round(statistics.median(v), 1) for k, v in sorted(by_step.items())
        },
    }


# --- the week builder: click to the row painted ---------------------------------------------


def _heading(page: Any, text: str) -> None:
    page.wait_for_function(
        "(t) => Array.from(document.querySelectorAll('h2'))"
        ".some(h => h.textContent.trim() === t && h.offsetParent !== null)",
        arg=text,
        timeout=60_000,
        polling="raf",
    )


def _type(page: Any, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Tab")
    _idle(page)


WEEK_ROUNDS = 8


def week_clicks(browser: Any, rounds: int, root: Path = ROOT) -> dict[str, Any]:
    """On the week step with Kari's answers (8 activities), in nb: "Legg til" (add) to the
    heading "Aktiviteter (9)" painted, and "Fjern n" (remove that row) to "Aktiviteter (8)"
    painted; against "Next" on the bare page, alternating. ``root``: the checkout to serve (for
    before and after)."""
    app_server, bare_server = start_server(APP, cwd=root), start_server(BARE)
    add_ms: list[float] = []
    remove_ms: list[float] = []
    bare_ms: list[float] = []
    try:
        context, page = _open(browser, app_server.url + "/?lang=nb")
        try:
            _load_persona(page, "kari")
            page.locator("[data-testid='stSidebarNav'] a", has_text="4. Uka").click()
            _h1_starts(page, "Steg 4 av")
            _idle(page)
            rows = int(page.locator("h2", has_text="Aktiviteter (").inner_text().split("(")[1][:-1])
            for _ in range(rounds):
                _type(page, "Hva hjelpen gjelder", "Klesvask")
                _type(page, "Minutter hver gang", "45")
                button = page.get_by_role("button", name="Legg til", exact=True)
                start = time.perf_counter()
                button.click()
                _heading(page, f"Aktiviteter ({rows + 1})")
                add_ms.append((time.perf_counter() - start) * 1000)
                _idle(page)
                text = page.get_by_text("Klesvask", exact=False).filter(has_text=". ").first
                number = text.inner_text().split(".")[0].strip()
                button = page.get_by_role("button", name=f"Fjern {number}", exact=True)
                start = time.perf_counter()
                button.click()
                _heading(page, f"Aktiviteter ({rows})")
                remove_ms.append((time.perf_counter() - start) * 1000)
                _idle(page)
                bare_ms += bare_clicks(browser, bare_server, 2)
        finally:
            context.close()
    finally:
        stop_server(app_server)
        stop_server(bare_server)
    bare = statistics.median(bare_ms)
    return {
        "rounds": rounds,
        "add_median_ms": round(statistics.median(add_ms), 1),
        "remove_median_ms": round(statistics.median(remove_ms), 1),
        "bare_median_ms": round(bare, 1),
        "add_ratio": round(statistics.median(add_ms) / bare, 2),
        "remove_ratio": round(statistics.median(remove_ms) / bare, 2),
    }


# --- cold start -----------------------------------------------------------------------------


def _cold_start_once(browser: Any, script: str) -> float:
    start = time.perf_counter()
    server = start_server(script)
    try:
        context, _page = _open(browser, server.url)
        elapsed = time.perf_counter() - start
        context.close()
        return elapsed
    finally:
        stop_server(server)


def cold_start(browser: Any, runs: int) -> dict[str, Any]:
    """Median seconds from `streamlit run` to health ok and the first page's h1 painted."""
    app: list[float] = []
    bare: list[float] = []
    for i in range(runs):  # alternate, and swap who goes first, against order effects
        first, second = (APP, BARE) if i % 2 == 0 else (BARE, APP)
        for script in (first, second):
            (app if script == APP else bare).append(_cold_start_once(browser, script))
    a, b = statistics.median(app), statistics.median(bare)
    return {"runs": runs, "app_s": round(a, 3), "bare_s": round(b, 3), "ratio": round(a / b, 2)}


# --- memory per session ---------------------------------------------------------------------


def _app_session(browser: Any, server: Server, persona: str) -> Any:
    """A session with a persona's answers loaded that has visited the result and the application."""
    context, page = _open(browser, server.url + "/?lang=nb")
    _load_persona(page, persona)
    _timed_click(page, "Steg 11 av")
    _timed_click(page, "Steg 12 av")
    return context


def _bare_session(browser: Any, server: Server, _persona: str) -> Any:
    context, page = _open(browser, server.url)
    _idle(page)
    page.get_by_label("Name").fill("Kari Nordmann")
    _timed_click(page, "Bare page 1")
    return context


def _memory(browser: Any, script: str, sessions: int, personas: tuple[str, ...]) -> float:
    open_session = _app_session if script == APP else _bare_session
    server = start_server(script)
    contexts = []
    try:
        open_session(browser, server, personas[0]).close()  # warm: imports, first session
        time.sleep(2)
        before = rss_kib(server.process.pid)
        for i in range(sessions):
            contexts.append(open_session(browser, server, personas[i % len(personas)]))
        time.sleep(2)
        after = rss_kib(server.process.pid)
        return (after - before) / 1024 / sessions
    finally:
        for context in contexts:
            context.close()
        stop_server(server)


def memory_per_session(browser: Any, sessions: int, personas: tuple[str, ...]) -> dict[str, Any]:
    """Server resident memory added per open session, in MB (one run each: it is slow)."""
    app = _memory(browser, APP, sessions, personas)
    bare = _memory(browser, BARE, sessions, personas)
    return {
        "sessions": sessions,
        "app_mb": round(app, 2),
        "bare_mb": round(bare, 2),
        "extra_mb": round(app - bare, 2),
    }


# --- import ---------------------------------------------------------------------------------

REPORTLAB_CHECK = (
    "import sys, {modules}; print(any(m.split('.')[0] == 'reportlab' for m in sys.modules))"
)
FULL = "bpa_core, bpa_core.draft, bpa_core.rules, bpa_core.documents.build"


def import_time(runs: int) -> dict[str, Any]:
    """Median wall time of `python -c "import bpa_core"` less `python -c pass`, alternating; and
    the same for what the app imports of bpa_core before any PDF is asked for."""
    times: dict[str, list[float]] = {"pass": [], "bpa_core": [], FULL: []}
    codes = (("pass", "pass"), ("bpa_core", "import bpa_core"), (FULL, "import " + FULL))
    for _ in range(runs):
        for name, code in codes:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            times[name].append((time.perf_counter() - start) * 1000)
    bare = statistics.median(times["pass"])

    def reportlab_after(modules: str) -> bool:
        out = subprocess.run(
            [sys.executable, "-c", REPORTLAB_CHECK.format(modules=modules)],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        return out.stdout.strip() == "True"

    return {
        "runs": runs,
        "python_startup_ms": round(bare, 1),
        "import_bpa_core_ms": round(statistics.median(times["bpa_core"]) - bare, 1),
        "import_draft_rules_documents_ms": round(statistics.median(times[FULL]) - bare, 1),
        "reportlab_imported": reportlab_after(FULL),
    }


# --- all browser parts ----------------------------------------------------------------------


def week_figures(log: Any = print) -> dict[str, Any] | None:
    """The week builder's add and remove alone (``run.py --only week``)."""
    path = chromium_path()
    if path is None:
        log("browser parts skipped: no Chromium found (sudo apt-get install chromium)")
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            return {"week_clicks": week_clicks(browser, WEEK_ROUNDS)}
        finally:
            browser.close()


def browser_figures(
    runs: int, sessions: int, personas: tuple[str, ...], log: Any = print
) -> dict[str, Any] | None:
    """Click to next, the week builder's add and remove, cold start and memory; None (with a
    message) when there is no Chromium."""
    path = chromium_path()
    if path is None:
        log("browser parts skipped: no Chromium found (sudo apt-get install chromium)")
        return None
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            log("click to next step ...")
            results["click_to_next"] = click_to_next(browser, personas)
            log("week builder: add and remove ...")
            results["week_clicks"] = week_clicks(browser, WEEK_ROUNDS)
            log("cold start ...")
            results["cold_start"] = cold_start(browser, runs)
            log(f"memory over {sessions} sessions ...")
            results["memory_per_session"] = memory_per_session(browser, sessions, personas)
        finally:
            browser.close()
    return results
