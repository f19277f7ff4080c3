"""Real-browser fixtures: a Streamlit server on 127.0.0.1 and Debian's Chromium via Playwright.

No browser is downloaded: Playwright launches /usr/bin/chromium. Without Chromium, and only when
CI is not set, the tests skip with one loud line; with CI=true a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.server import Server, start_server, stop_server

# A public host name for the site, resolved by Chromium alone to this machine (no DNS, no
# /etc/hosts): the load-balancer test serves the app under it (deploy/replicas.py --host-name).
SITE_NAME = "bpa-veiviser.test"

CHROMIUM_ARGS = [
    f"--host-resolver-rules=MAP {SITE_NAME} 127.0.0.1",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = (
            "BROWSER TESTS NOT RUN: no Chromium found. Install it with "
            "`sudo apt-get install chromium` (Debian/Ubuntu) and run `make test` again."
        )
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set: a missing browser is a failure)")
        print("\n" + "!" * 100 + "\n" + message + "\n" + "!" * 100, file=sys.stderr)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def app_server(chromium: str) -> Iterator[Server]:
    server = start_server()
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


def wait_for_app(page: Any) -> None:
    """Wait until Streamlit has rendered the page and finished running the script: no running
    indicator and no stale element (a stale copy of a field may still take typing, then vanish)."""
    page.wait_for_selector("h1", state="visible")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid^=\"stStatusWidgetRunning\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
    )
