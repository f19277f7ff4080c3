"""Fragment runs in AppTest, as a browser asks for them.

A browser that uses a widget drawn inside an ``st.fragment`` asks the server to run that fragment
only; the rest of the page stays as it was drawn. AppTest (Streamlit 1.67) runs the fragment's
code as part of every whole run, but a click in AppTest always runs the whole script again.
``FragmentRuns.run(at, key)`` does what the browser does: it runs the fragment registered as
``@st.fragment(key=key)`` alone, with every widget's value as the page holds it, and the page
AppTest shows afterwards is the old page with the fragment's part drawn anew (as in the browser).
When no such fragment was drawn (code without the fragment), it runs the whole script, as the
browser would.

Used by the tests (tests/test_week_fragment.py) and by the benchmark (bench/rerun.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from streamlit.errors import StreamlitAPIException
from streamlit.testing.v1 import AppTest, local_script_runner
from streamlit.testing.v1.local_script_runner import LocalScriptRunner


class FragmentRuns:
    """Installed while in use (``with FragmentRuns() as runs:``): every AppTest run keeps its
    messages (per AppTest: its session state, the same object in each of its runs), so that a
    fragment's run can start from the page as that session's last run left it."""

    def __init__(self) -> None:
        self._last: dict[int, list[Any]] = {}  # per session (AppTest): its last run's messages
        self._queue: list[str] = []
        self._undo: list[Callable[[], None]] = []

    def __enter__(self) -> FragmentRuns:
        original_init = LocalScriptRunner.__init__
        original_run = LocalScriptRunner.run
        original_data = local_script_runner.RerunData
        runs = self

        def init(runner: LocalScriptRunner, *args: Any, **kwargs: Any) -> None:
            original_init(runner, *args, **kwargs)
            if runs._queue:  # the browser still shows the page of the last run
                for msg in runs._last.get(id(runner.session_state), []):
                    runner.forward_msg_queue.enqueue(msg)

        def run(runner: LocalScriptRunner, *args: Any, **kwargs: Any) -> Any:
            tree = original_run(runner, *args, **kwargs)
            runs._last[id(runner.session_state)] = list(runner.forward_msgs())
            return tree

        def data(*args: Any, **kwargs: Any) -> Any:
            if runs._queue:
                kwargs["fragment_id_queue"] = list(runs._queue)
            return original_data(*args, **kwargs)

        LocalScriptRunner.__init__ = init  # type: ignore[method-assign]
        LocalScriptRunner.run = run  # type: ignore[method-assign]
        local_script_runner.RerunData = data  # type: ignore[misc,assignment]

        def undo() -> None:
            LocalScriptRunner.__init__ = original_init  # type: ignore[method-assign]
            LocalScriptRunner.run = original_run  # type: ignore[method-assign]
            local_script_runner.RerunData = original_data  # type: ignore[misc]

        self._undo.append(undo)
        return self

    def __exit__(self, *exc: object) -> None:
        while self._undo:
            self._undo.pop()()

    @staticmethod
    def fragment_ids(at: AppTest, key: str) -> list[str]:
        """The ids of the fragment ``key`` drawn by the app so far ([] when there is none)."""
        try:
            found: list[str] = at._fragment_storage.resolve_target(key)
        except StreamlitAPIException:
            return []
        return found

    def run(self, at: AppTest, key: str) -> AppTest:
        """Run as the browser does after a widget of fragment ``key`` was used: that fragment
        only, or the whole script when the page drew no such fragment."""
        self._queue = self.fragment_ids(at, key)
        try:
            return at.run()
        finally:
            self._queue = []

    def click(self, at: AppTest, button: str, key: str) -> AppTest:
        """Press the button ``button`` drawn in fragment ``key``."""
        at.button(key=button).click()
        return self.run(at, key)
