"""Fixtures shared by AppTest modules that need the app as the server runs it.

Import them into a test module to use them there (autouse applies in that module only):
``as_the_server`` makes every run app.py's frame around the page; ``record_the_component``
records what each run gives the tab's copy (bpa_ui/tab_copy.py) in ``SENT``, through the real
component."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.runtime.pages_manager import PagesManager

from bpa_ui import tab_copy

SENT: list[tuple[str, dict[str, Any]]] = []  # (key, arguments) of each tab-copy component drawn


@pytest.fixture(autouse=True)
def as_the_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every run is app.py's frame around the page, as on the server (AppTest would otherwise
    treat pages/ as old-style pages)."""
    original = PagesManager.__init__

    def entrypoint_navigation(manager: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(manager, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", entrypoint_navigation)
    yield
    PagesManager.uses_pages_directory = None


@pytest.fixture(autouse=True)
def record_the_component(monkeypatch: pytest.MonkeyPatch) -> None:
    """What each run gives the tab: the arguments, as the browser would get them."""
    real = tab_copy._component
    SENT.clear()

    def recorded(**kwargs: Any) -> Any:
        args = {k: v for k, v in kwargs.items() if k not in ("key", "default", "on_change")}
        SENT.append((kwargs["key"], json.loads(json.dumps(args))))
        return real(**kwargs)

    monkeypatch.setattr(tab_copy, "_component", recorded)
