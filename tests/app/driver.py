"""Drive the app in AppTest the way a user does: fill widgets on each step, press next."""

from __future__ import annotations

from datetime import date
from typing import Any

from streamlit.testing.v1 import AppTest

from bpa_core.draft import ActivityRow, DayPart, Draft
from bpa_ui import interview, steps
from bpa_ui.bind import read
from bpa_ui.interview import Kind, Question
from tests.support import ROOT, html_text

ASSESSED_ON = date(2026, 11, 22)


def new_app(lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = lang
    at.session_state["assess_on"] = ASSESSED_ON
    return at.run()


def heading(at: AppTest) -> str:
    assert not at.exception, [e.value for e in at.exception]
    return str(at.title[0].value)


def on_step(at: AppTest, n: int) -> bool:
    return heading(at).startswith((f"Step {n} of", f"Steg {n} av"))


def draft(at: AppTest) -> Draft:
    value = at.session_state["draft"]
    assert isinstance(value, Draft)
    return value


def press(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    return at.run()


def next_step(at: AppTest) -> AppTest:
    return press(at, "nav_next")


def back_step(at: AppTest) -> AppTest:
    return press(at, "nav_back")


def text(at: AppTest, path: str, value: str) -> None:
    key = "w:" + path
    widgets = [w for w in at.text_input if w.key == key] + [w for w in at.text_area if w.key == key]
    assert widgets, f"no text field {key}"
    widgets[0].input(value) if value else widgets[0].set_value(value)


def choose(at: AppTest, path: str, value: Any) -> None:
    at.radio(key="w:" + path).set_value(value)


def texts_if_given(at: AppTest, values: dict[str, str]) -> None:
    for path, value in values.items():
        if value:
            text(at, path, value)


def add_row(at: AppTest, row: ActivityRow) -> AppTest:
    at.selectbox(key="add:category").set_value(row.category)
    at.run()
    at.text_input(key="add:activity").input(row.activity)
    at.text_input(key="add:minutes").input(str(row.minutes))
    at.text_input(key="add:times").input(str(row.times))
    at.selectbox(key="add:per").set_value(row.per)
    at.checkbox(key="add:night").set_value(row.night)
    at.checkbox(key="add:two_helpers").set_value(row.two_helpers)
    for part in DayPart:
        at.checkbox(key=f"add:{part.value}").set_value(part in row.day_parts)
    return press(at, "add_row")


def on_step_id(at: AppTest, step_id: str) -> bool:
    return on_step(at, steps.number(step_id))


def _widget(at: AppTest, key: str) -> Any:
    """The widget with ``key`` on the page, or None (a question not asked)."""
    for kind in ("text_input", "text_area", "radio", "checkbox"):
        found = [w for w in getattr(at, kind) if w.key == key]
        if found:
            return found[0]
    return None


def answer(at: AppTest, q: Question, want: Draft) -> None:
    """Answer one declared question as in ``want`` (skipped when the page does not ask it)."""
    if q.kind == Kind.WEEK:
        for row in want.rows:
            add_row(at, row)
            assert not at.error, [e.value for e in at.error]
        return
    value = read(want, q.path)
    widget = _widget(at, "w:" + q.path)
    if widget is None or value is None or value == "":
        return
    if q.kind == Kind.DAY:
        widget.input(value.strftime("%d.%m.%Y"))
    elif q.kind in (Kind.TEXT, Kind.AREA, Kind.HOURS):
        widget.input(str(value))
    elif q.kind in (Kind.CHOICE, Kind.YES_NO, Kind.TICK):
        widget.set_value(value)
    at.run()  # a later question may be asked only after this answer


def fill_everything(at: AppTest, want: Draft) -> AppTest:
    """From the start page to the result, answering every question the steps ask as in ``want``:
    the steps and their questions come from bpa_ui.steps and bpa_ui.interview (no step numbers or
    field lists here)."""
    for step in steps.sequence():
        if step.id in (steps.CHECK, steps.RESULT):
            break
        assert on_step_id(at, step.id), (step.id, heading(at))
        for q in interview.of_step(step.id):
            answer(at, q, want)
        next_step(at)
    assert on_step_id(at, steps.CHECK), heading(at)
    next_step(at)
    assert on_step_id(at, steps.RESULT), heading(at)
    return at


def all_text(at: AppTest) -> str:
    """Every piece of text on the page, for "is it shown" checks."""
    parts: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "text",
        "info",
        "success",
        "warning",
        "error",
    ):
        parts += [str(e.value) for e in getattr(at, kind)]
    # Read-only blocks drawn as one html element each (check answers, document previews).
    parts += html_text(at)
    return "\n".join(parts)
