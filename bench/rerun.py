"""Step rerun: the server-side script time of each step with a persona's answers loaded, in
AppTest, against the bare page (bench/bare_app.py) measured in the same loop.

The time is that of Streamlit's ScriptRunner running the script (what a server spends per
rerun), not AppTest's own bookkeeping around it. Two things AppTest does unlike a server are
undone while the benchmark runs, so that each timed run is what the server runs:

- AppTest compiles the scripts anew on every run: both apps get one shared script cache.
- AppTest resets Streamlit's multipage mode before every run, and with a ``pages/`` folder that
  means the old mode: a switched-to page ran alone, without app.py's frame (sidebar, navigation
  of 15 pages, language). The server switches the old mode off (bpa_ui/server.py,
  ``use_entrypoint_navigation``): so does the benchmark, and every timed run is app.py's.

``frame_runs`` counts the runs of the frame, to show it.

The time is CPU time of the thread that runs the script (``time.thread_time``), not wall time:
on a shared machine wall time measured the other engineers' load as much as the app (the same
code gave medians 11 and 15 ms in two runs a minute apart).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BARE = ROOT / "bench" / "bare_app.py"
ASSESSED_ON = date(2026, 11, 22)


class ScriptTimer:
    """Times ScriptRunner._run_script (one whole rerun of the script, CPU time of its thread)
    while installed."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.frame_runs = 0  # runs of app.py's frame (bpa_ui.frame.run)
        self._undo: Callable[[], None] | None = None

    def attach(self) -> None:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.runtime.scriptrunner import script_runner
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import app_test, local_script_runner

        original = script_runner.ScriptRunner._run_script
        shared = ScriptCache()
        times = self.times
        original_init = PagesManager.__init__
        from bpa_ui import frame

        original_frame = frame.run

        def counted_frame() -> None:
            self.frame_runs += 1
            original_frame()

        def entrypoint_navigation(manager: Any, *args: Any, **kwargs: Any) -> None:
            original_init(manager, *args, **kwargs)
            PagesManager.uses_pages_directory = False  # as the server (see the docstring)

        def timed(runner: Any, *args: Any, **kwargs: Any) -> None:
            start = time.thread_time()
            try:
                original(runner, *args, **kwargs)
            finally:
                times.append((time.thread_time() - start) * 1000)

        script_runner.ScriptRunner._run_script = timed  # type: ignore[method-assign]
        local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
        app_test.ScriptCache = lambda: shared  # type: ignore[assignment,misc] - the pages'
        PagesManager.__init__ = entrypoint_navigation  # type: ignore[method-assign]
        frame.run = counted_frame

        def undo() -> None:
            script_runner.ScriptRunner._run_script = original  # type: ignore[method-assign]
            local_script_runner.ScriptCache = ScriptCache  # type: ignore[misc]
            app_test.ScriptCache = ScriptCache  # type: ignore[misc]
            PagesManager.__init__ = original_init  # type: ignore[method-assign]
            PagesManager.uses_pages_directory = None
            frame.run = original_frame

        self._undo = undo

    def uninstall(self) -> None:
        if self._undo is not None:
            self._undo()
            self._undo = None

    def last(self) -> float:
        return self.times[-1]


def _app_with(persona: str, lang: str, draft: Any = None) -> Any:
    from streamlit.testing.v1 import AppTest

    from bpa_core.draft import load_draft

    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = lang
    at.session_state["assess_on"] = ASSESSED_ON
    at.session_state["tab_copy_state"] = "keeping"  # as after the tab's first answer
    at.session_state["draft"] = draft or load_draft(
        (ROOT / "tests" / "personas" / f"{persona}.json").read_bytes()
    )
    return at.run()


WORST_STEPS = ("check", "application", "checklist", "goals", "week")


def worst_reruns(kind: str | None = None, runs: int = 5, lang: str = "nb") -> dict[str, Any]:
    """Script time per rerun of the steps that show every answer (check your answers, the
    application, the checklist) and two that hold many (goals, the week), with the worst draft
    the app accepts loaded (bench/pdf.py ``worst_draft``: every text at the whole-draft budget).
    Target: 0.5 s a rerun (the bounded-cost issue)."""
    from bench.pdf import WORST_KIND, worst_draft
    from bpa_ui import steps

    kind = kind or WORST_KIND
    timer = ScriptTimer()
    timer.attach()
    try:
        at = _app_with("kari", lang, worst_draft(kind))
        rows = []
        for step_id in WORST_STEPS:
            if not steps.available(step_id):
                continue
            at.switch_page(steps.by_id(step_id).file).run()
            if at.exception:
                raise RuntimeError(f"step {step_id} raised: {[e.value for e in at.exception]}")
            at.run()
            times = []
            for _ in range(runs):
                at.run()
                times.append(timer.last())
            rows.append(
                {
                    "step": step_id,
                    "median_ms": round(statistics.median(times), 1),
                    "max_ms": round(max(times), 1),
                    "elements": element_count(at._tree),
                }
            )
            if step_id == "goals":  # a text typed: the whole-draft budget is checked again
                field = next(w for w in at.text_area if w.key == "w:goals.goals")
                times = []
                for i in range(runs):
                    field.input(str(field.value)[: -1 - i % 2]).run()
                    times.append(timer.last())
                rows.append(
                    {
                        "step": "goals, a text typed",
                        "median_ms": round(statistics.median(times), 1),
                        "max_ms": round(max(times), 1),
                        "elements": element_count(at._tree),
                    }
                )
    finally:
        timer.uninstall()
    return {"draft": kind, "lang": lang, "runs_per_step": runs, "target_ms": 500.0, "steps": rows}


def element_count(node: Any) -> int:
    """Streamlit elements drawn (leaves of the page's tree: main part, sidebar, dialogs)."""
    children = getattr(node, "children", None)
    if not children:
        return 1
    return sum(element_count(child) for child in children.values())


def step_reruns(persona: str = "kari", runs: int = 7, lang: str = "nb") -> dict[str, Any]:
    """Median script time per step (app) and of the bare page, alternating app and bare runs."""
    from streamlit.testing.v1 import AppTest

    from bpa_ui import steps

    timer = ScriptTimer()
    timer.attach()
    try:
        bare = AppTest.from_file(str(BARE), default_timeout=60).run()
        at = _app_with(persona, lang)
        rows = []
        bare_all: list[float] = []
        for step in steps.sequence():
            at.switch_page(step.file).run()
            if at.exception:
                raise RuntimeError(f"step {step.id} raised: {[e.value for e in at.exception]}")
            at.run()  # warm: the first run after a switch sets up the page's widgets
            bare.run()
            app_times, bare_times = [], []
            for _ in range(runs):
                frames = timer.frame_runs
                at.run()
                app_times.append(timer.last())
                if timer.frame_runs != frames + 1:
                    raise RuntimeError(f"step {step.id}: the timed run did not run app.py's frame")
                bare.run()
                bare_times.append(timer.last())
            title = str(at.title[0].value)
            app_ms, bare_ms = statistics.median(app_times), statistics.median(bare_times)
            bare_all += bare_times
            rows.append(
                {
                    "step": step.id,
                    "heading": title,
                    "app_ms": round(app_ms, 2),
                    "bare_ms": round(bare_ms, 2),
                    "ratio": round(app_ms / bare_ms, 2),
                    "elements": element_count(at._tree),
                }
            )
    finally:
        timer.uninstall()
    ratios = [r["ratio"] for r in rows]
    return {
        "persona": persona,
        "lang": lang,
        "runs_per_step": runs,
        "steps": rows,
        "bare_ms": round(statistics.median(bare_all), 2),
        "median_app_ms": round(statistics.median(r["app_ms"] for r in rows), 2),
        "median_ratio": round(statistics.median(ratios), 2),
        "max_ratio": max(ratios),
        "bare_elements": element_count(bare._tree),
    }


def next_clicks(persona: str = "kari", runs: int = 5, lang: str = "nb") -> dict[str, Any]:
    """Server script time of one press of "next" on each step (every run it causes, summed),
    against a press of "Next" on the bare page, alternating."""
    from streamlit.testing.v1 import AppTest

    from bpa_ui import steps

    timer = ScriptTimer()
    timer.attach()
    try:
        bare = AppTest.from_file(str(BARE), default_timeout=60).run()
        at = _app_with(persona, lang)
        app_times: list[float] = []
        bare_times: list[float] = []
        for step in steps.sequence()[:-1]:
            for _ in range(runs):
                at.switch_page(step.file).run()
                at.run()
                mark = len(timer.times)
                at.button(key="nav_next").click().run()
                app_times.append(sum(timer.times[mark:]))
                if at.exception or str(at.title[0].value) == "":
                    raise RuntimeError(f"next from {step.id} failed")
                mark = len(timer.times)
                bare.button(key="nav_next").click().run()
                bare_times.append(sum(timer.times[mark:]))
    finally:
        timer.uninstall()
    app_ms, bare_ms = statistics.median(app_times), statistics.median(bare_times)
    return {
        "persona": persona,
        "presses": len(app_times),
        "app_ms": round(app_ms, 2),
        "bare_ms": round(bare_ms, 2),
        "ratio": round(app_ms / bare_ms, 2),
    }


# What one use of the week builder costs the server: each widget a user touches to add, change
# and remove an activity, on the week step with the persona's rows. A browser runs only the
# fragment the widget is in (bpa_ui/week.py, ``builder``); AppTest would run the whole script,
# so the actions run through tests.app.fragments.FragmentRuns, as the browser asks. On a tree
# without the fragment the same actions run the whole page, as they did there.
BUILDER_ACTIONS = (
    "type the activity",
    "type the minutes",
    "press Add",
    "press Change",
    "press Save",
    "press Remove",
)
WHOLE_STEP = "the whole step (any other answer)"  # for comparison: the page and its frame
WEEK_ACTIONS = (*BUILDER_ACTIONS, WHOLE_STEP)


def week_actions(persona: str = "kari", rounds: int = 7, lang: str = "nb") -> dict[str, Any]:
    """Server script time of each week-builder action (every run it causes, summed) and how
    often it ran the frame, against a press of "Next" on the bare page, alternating; and a run
    of the whole step for comparison. The medians are of the builder's actions."""
    from streamlit.testing.v1 import AppTest

    from tests.app.fragments import FragmentRuns

    key = "week_builder"
    timer = ScriptTimer()
    timer.attach()
    times: dict[str, list[float]] = {name: [] for name in WEEK_ACTIONS}
    frames: dict[str, int] = dict.fromkeys(WEEK_ACTIONS, 0)
    bare_times: list[float] = []
    try:
        with FragmentRuns() as runs:
            bare = AppTest.from_file(str(BARE), default_timeout=60).run()
            at = _app_with(persona, lang)
            at.switch_page("pages/week.py").run()
            at.run()
            fragment = bool(runs.fragment_ids(at, key))

            def act(name: str, do: Callable[[], Any]) -> None:
                mark, frame_runs = len(timer.times), timer.frame_runs
                do()
                if at.exception or at.error:
                    raise RuntimeError(f"week: {name} failed: {[e.value for e in at.error]}")
                times[name].append(sum(timer.times[mark:]))
                frames[name] += timer.frame_runs - frame_runs
                mark = len(timer.times)
                bare.button(key="nav_next").click().run()
                bare_times.append(sum(timer.times[mark:]))

            def typed(field: str, value: str) -> Callable[[], Any]:
                def do() -> Any:
                    at.text_input(key=f"add:{field}").input(value)
                    return runs.run(at, key)

                return do

            def pressed(button: str) -> Callable[[], Any]:
                return lambda: runs.click(at, button, key)

            for _ in range(rounds):
                rows = len(at.session_state["draft"].rows)
                act("type the activity", typed("activity", "Klesvask"))
                act("type the minutes", typed("minutes", "45"))
                act("press Add", pressed("add_row"))
                index = next(
                    i
                    for i, row in enumerate(at.session_state["draft"].rows)
                    if row.activity == "Klesvask"
                )
                act("press Change", pressed(f"edit:{index}"))
                act("press Save", pressed(f"save:{index}"))
                act("press Remove", pressed(f"remove:{index}"))
                act(WHOLE_STEP, at.run)
                if len(at.session_state["draft"].rows) != rows:
                    raise RuntimeError("week: the round did not leave the rows as they were")
    finally:
        timer.uninstall()
    bare_ms = statistics.median(bare_times)
    actions = [
        {
            "action": name,
            "app_ms": round(statistics.median(times[name]), 2),
            "frame_runs": round(frames[name] / rounds, 2),
            "ratio": round(statistics.median(times[name]) / bare_ms, 2),
        }
        for name in WEEK_ACTIONS
    ]
    every = [t for name in BUILDER_ACTIONS for t in times[name]]
    return {
        "persona": persona,
        "lang": lang,
        "rounds": rounds,
        "fragment": fragment,
        "actions": actions,
        "median_app_ms": round(statistics.median(every), 2),
        "bare_ms": round(bare_ms, 2),
        "median_ratio": round(statistics.median(every) / bare_ms, 2),
    }
