"""The week builder is an ``st.fragment`` (issue 15): adding, changing or removing an activity
runs the builder alone, not the frame around the page (sidebar, navigation, heading, back and
next), and still does everything the whole page did: the tab gets the new answers, the form
starts afresh and focus goes to the activity field, errors are told (and the note above "Next"
follows them), and the result counts the new row.

A browser runs only the fragment whose widget was used; AppTest runs the whole script on every
click, so ``tests.app.fragments.FragmentRuns`` runs the fragment alone, as the browser asks.
Every run here is app.py's frame around the page, as on the server (see test_frame_cost.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.runtime.state.session_state_proxy import SessionStateProxy
from streamlit.testing.v1 import AppTest

from bpa_core.draft import Per, load_draft
from bpa_ui import frame, tab_copy, week
from bpa_ui.i18n import LANG_KEY
from bpa_ui.state import DRAFT_KEY
from tests.app.driver import draft, new_app
from tests.app.fragments import FragmentRuns
from tests.app.server_like import (  # noqa: F401 (autouse fixtures)
    SENT,
    as_the_server,
    record_the_component,
)
from tests.support import persona_draft

BUILDER = week.FRAGMENT_KEY


@pytest.fixture
def frame_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry per run of the frame: "run" (app.py's frame) and "begin" (the step's heading)."""
    runs: list[str] = []
    original_run, original_begin = frame.run, frame.begin

    def run() -> None:
        runs.append("run")
        original_run()

    def begin(step_id: str) -> None:
        runs.append("begin")
        original_begin(step_id)

    monkeypatch.setattr(frame, "run", run)
    monkeypatch.setattr(frame, "begin", begin)
    return runs


@pytest.fixture
def runs() -> Iterator[FragmentRuns]:
    with FragmentRuns() as installed:
        yield installed


def on_the_week(lang: str = "en") -> AppTest:
    at = new_app(lang)
    at.session_state[tab_copy.STATE_KEY] = tab_copy.KEEPING  # the tab has answered
    at.session_state[DRAFT_KEY] = persona_draft("kari")
    at.switch_page("pages/week.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value.startswith(("Step 4 of 14", "Steg 4 av 14"))
    return at


def type_in(runs: FragmentRuns, at: AppTest, field: str, value: str) -> None:
    """Type into a field of the add form and leave it (a run, as in the browser)."""
    at.text_input(key=f"add:{field}").input(value)
    runs.run(at, BUILDER)
    assert not at.exception, [e.value for e in at.exception]


def focus_moved(at: AppTest) -> bool:
    """The page as drawn now holds the script that moves focus to the activity field."""
    count = at.session_state[week.FOCUS_COUNT_KEY]
    return any(
        f"/* {count} */" in str(h.proto.body) and "What the help is for" in str(h.proto.body)
        for h in at.get("html")
    )


def headers(at: AppTest) -> list[str]:
    return [str(h.value) for h in at.header]


def test_adding_changing_and_removing_a_row_never_runs_the_frame(
    runs: FragmentRuns, frame_runs: list[str]
) -> None:
    at = on_the_week()
    assert runs.fragment_ids(at, BUILDER), "the week builder is not drawn as a fragment"
    rows = len(draft(at).rows)
    frame_runs.clear()

    at.selectbox(key="add:per").set_value(Per.WEEK)
    runs.run(at, BUILDER)
    type_in(runs, at, "activity", "Klesvask")
    type_in(runs, at, "minutes", "60")
    runs.click(at, "add_row", BUILDER)
    assert frame_runs == []  # neither app.py's frame nor the step's begin() ran
    assert len(draft(at).rows) == rows + 1
    assert f"Activities ({rows + 1})" in headers(at)
    assert [s.value for s in at.success] == ["The activity is added."]
    assert at.title[0].value == "Step 4 of 14 – The week"  # the frame's part stays as drawn
    # The form starts afresh, "How often" too, and focus goes back to the activity field.
    assert at.text_input(key="add:activity").value == ""
    assert at.selectbox(key="add:per").value == Per.DAY
    assert focus_moved(at)

    index = next(i for i, r in enumerate(draft(at).rows) if r.activity == "Klesvask")
    runs.click(at, f"edit:{index}", BUILDER)
    at.text_input(key="edit:minutes").input("90")
    runs.click(at, f"save:{index}", BUILDER)
    assert draft(at).rows[index].minutes == 90
    runs.click(at, f"remove:{index}", BUILDER)
    assert len(draft(at).rows) == rows
    runs.click(at, "undo_remove", BUILDER)
    assert len(draft(at).rows) == rows + 1
    assert frame_runs == []


def test_the_tab_gets_the_new_answers_from_a_run_of_the_builder_alone(
    runs: FragmentRuns, frame_runs: list[str]
) -> None:
    """tab_copy.keep() is in the frame, after the page: a run of the fragment alone never gets
    there, so the builder gives the tab the answers itself."""
    at = on_the_week()
    # In a run of the whole page the frame's component writes, the builder's stands by.
    assert [key for key, _ in SENT[-2:]] == [tab_copy.HERE_KEY, tab_copy.KEEP_KEY]
    assert SENT[-2][1] == {"passive": True}
    whole_page_hash = SENT[-1][1]["hash"]
    frame_runs.clear()
    SENT.clear()

    type_in(runs, at, "activity", "Klesvask")
    type_in(runs, at, "minutes", "60")
    runs.click(at, "add_row", BUILDER)
    assert frame_runs == []
    key, args = SENT[-1]
    assert key == tab_copy.HERE_KEY
    assert args["answers"] is True and args["hash"] != whole_page_hash
    copy = load_draft(args["copy"])
    assert copy.rows == draft(at).rows
    assert "Klesvask" in [r.activity for r in copy.rows]

    # The next whole run: the frame's component gets the same hash and no second copy.
    at.run()
    assert frame_runs == ["run", "begin"]
    assert SENT[-1] == (tab_copy.KEEP_KEY, {"hash": args["hash"], "answers": True})
    assert SENT[-2] == (tab_copy.HERE_KEY, {"passive": True})


def test_the_builders_component_that_missed_a_copy_gets_it_again(runs: FragmentRuns) -> None:
    at = on_the_week()
    type_in(runs, at, "activity", "Klesvask")
    runs.run(at, BUILDER)
    assert "copy" not in SENT[-1][1]
    at.session_state[tab_copy.SENT_KEY] = "a copy the tab never drew"  # as _on_missing_here
    runs.run(at, BUILDER)
    assert SENT[-1][0] == tab_copy.HERE_KEY and "copy" in SENT[-1][1]


def test_before_the_tab_answered_the_builder_writes_nothing(runs: FragmentRuns) -> None:
    """The first run of a new session must not wipe the copy it is about to read."""
    at = on_the_week()
    at.session_state[tab_copy.STATE_KEY] = None
    type_in(runs, at, "activity", "Klesvask")
    assert SENT[-1] == (tab_copy.HERE_KEY, {"passive": True})


def test_errors_are_told_and_the_note_above_next_follows_them(
    runs: FragmentRuns, frame_runs: list[str]
) -> None:
    """The note above "Next" is the frame's, outside the fragment: when the builder's errors
    come or go, the whole page runs again; the notice and the focus of a good "Add" survive."""
    note = "Some answers above need a look. They are kept as you wrote them."
    at = on_the_week()
    frame_runs.clear()
    type_in(runs, at, "activity", "Klesvask")
    runs.click(at, "add_row", BUILDER)  # no minutes
    assert [e.value for e in at.error] == ["Minutes each time: This must be filled in."]
    assert [w.value for w in at.warning] == [note]
    assert frame_runs == ["run", "begin"]  # once, for the note

    frame_runs.clear()
    at.text_input(key="add:minutes").input("12,5")
    runs.click(at, "add_row", BUILDER)  # another error: the note stays, the frame is not run
    assert frame_runs == []
    assert [e.value for e in at.error] == [
        "Minutes each time: Write whole minutes, without decimals, for example 12 or 13."
    ]

    at.text_input(key="add:minutes").input("12")
    runs.click(at, "add_row", BUILDER)
    assert frame_runs == ["run", "begin"]  # the note goes
    assert not at.error and not at.warning
    assert [s.value for s in at.success] == ["The activity is added."]
    assert focus_moved(at)


def test_a_run_of_the_builder_alone_reads_the_language_once(
    runs: FragmentRuns, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = on_the_week("nn")
    at.text_input(key="add:activity").input("Klesvask")
    reads: list[int] = []
    original = SessionStateProxy.__getitem__

    def counted(self: SessionStateProxy, key: str) -> Any:
        if key == LANG_KEY:
            reads.append(1)
        return original(self, key)

    monkeypatch.setattr(SessionStateProxy, "__getitem__", counted)
    runs.run(at, BUILDER)
    assert not at.exception
    assert len(reads) == 1
    assert "Legg til ein aktivitet" in headers(at)


def test_the_result_counts_a_row_added_by_the_builder_alone(runs: FragmentRuns) -> None:
    at = on_the_week()
    at.switch_page("pages/result.py").run()
    before = [m.value for m in at.markdown if "Counted toward" in m.value]
    at.switch_page("pages/week.py").run()
    type_in(runs, at, "activity", "Trening")
    type_in(runs, at, "minutes", "600")
    runs.click(at, "add_row", BUILDER)
    at.switch_page("pages/result.py").run()
    after = [m.value for m in at.markdown if "Counted toward" in m.value]
    assert before and after and before != after


def test_the_builders_component_asks_again_for_a_copy_it_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import streamlit as st

    state: dict[str, Any] = {tab_copy.SENT_KEY: "abc"}
    monkeypatch.setattr(st, "session_state", state)
    tab_copy._on_missing_here()
    assert state == {}


def test_the_week_module_leaves_the_tab_copys_component_to_the_script_run() -> None:
    """The tab copy's component is registered only when its module is first imported inside a
    script run: a launcher that imports the week builder before Streamlit starts (the test
    servers with forced failures) must not take it along, or its files answer 404."""
    import subprocess
    import sys

    from tests.support import ROOT

    code = "import sys, bpa_ui.week; print('bpa_ui.tab_copy' in sys.modules)"
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"


def test_an_error_in_the_builder_is_told_once_calmly(
    runs: FragmentRuns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the frame does for a page: one friendly message, never a traceback (the fragment's
    own handling and then the frame's gave two)."""
    friendly = (
        "Something went wrong on our side. Your answers are still here. "
        "Try again, or save your answers and start again later."
    )
    at = on_the_week()

    def fail(*_args: Any) -> None:
        raise RuntimeError("forced failure with the user's words: Klesvask")

    monkeypatch.setattr(week, "rows_list", fail)
    at.run()  # the whole page
    assert not at.exception
    assert [e.value for e in at.error] == [friendly]
    at.text_input(key="add:activity").input("Klesvask")
    runs.run(at, BUILDER)  # the builder alone
    assert not at.exception
    assert [e.value for e in at.error] == [friendly]


@pytest.mark.real_tab_wait
def test_a_tab_that_never_answers_never_keeps_next_disabled(
    runs: FragmentRuns, frame_runs: list[str]
) -> None:
    """The step buttons are disabled in a session's first run until the tab answers, and the
    next run enables them (tab_copy.waiting_for_the_tab). On a step's own address (/week) that
    next run may be the builder's alone: it runs the whole page so "Next" is enabled."""
    at = on_the_week()
    at.session_state[tab_copy.STATE_KEY] = None  # the tab has not answered (and never will)
    at.session_state[tab_copy.RUNS_KEY] = 0
    at.run()  # as the session's first run
    assert at.button(key="nav_next").disabled
    frame_runs.clear()
    type_in(runs, at, "activity", "Klesvask")
    assert frame_runs == ["run", "begin"]
    assert not at.button(key="nav_next").disabled
    assert at.text_input(key="add:activity").value == "Klesvask"
