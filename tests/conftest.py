"""Shared by every test.

AppTest has no browser, so the tab never answers the tab copy's "read" (bpa_ui/tab_copy.py): the
step buttons would stay disabled on a session's first run (``waiting_for_the_tab``). In-process
tests act as a tab that has answered; tests/test_tab_copy.py checks the real rule, and the
browser tests (a real tab, a server in its own process) run it unpatched.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _tab_has_answered(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("real_tab_wait"):
        yield
        return
    from bpa_ui import tab_copy

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tab_copy, "waiting_for_the_tab", lambda: False)
        yield
