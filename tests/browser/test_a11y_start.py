"""The start page in every language: axe-core clean, every control named, page language set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.a11y import axe_violations, unnamed_controls
from tests.browser.conftest import wait_for_app
from tests.browser.server import Server


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_start_page_is_accessible(app_server: Server, page: Any, lang: str) -> None:
    page.goto(f"{app_server.url}/?lang={lang}")
    wait_for_app(page)
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    assert axe_violations(page) == []
    assert unnamed_controls(page) == []
