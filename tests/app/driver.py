"""Drive the app in AppTest the way a user does: fill widgets on each step, press next."""

from __future__ import annotations

from datetime import date
from typing import Any

from streamlit.testing.v1 import AppTest

from bpa_core.draft import ActivityRow, ArbeidslederKind, DayPart, Draft
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


def fill_everything(at: AppTest, want: Draft) -> AppTest:
    """From the start page to the result, answering every question as in ``want``."""
    assert on_step(at, 1)
    choose(at, "filled_in_by", want.filled_in_by)
    next_step(at)

    assert on_step(at, 2)
    if want.on_behalf:
        texts_if_given(
            at,
            {
                "writer.name": want.writer.name,
                "writer.relation": want.writer.relation,
                "writer.organisation": want.writer.organisation,
            },
        )
    p = want.person
    texts_if_given(at, {"person.name": p.name, "person.municipality": p.municipality})
    text(at, "person.birth_date", p.birth_date.strftime("%d.%m.%Y") if p.birth_date else "")
    at.run()
    if p.granted_before_age_limit:
        choose(at, "person.granted_before_age_limit", True)
    next_step(at)

    assert on_step(at, 3)
    n = want.need
    choose(at, "need.cause", n.cause)
    choose(at, "need.onset", n.onset)
    choose(at, "need.duration", n.duration)
    choose(at, "need.course", n.course)
    texts_if_given(
        at,
        {
            "need.description": n.description,
            "need.since": n.since,
            "need.staying_healthy": n.staying_healthy,
        },
    )
    next_step(at)

    assert on_step(at, 4)
    for row in want.rows:
        add_row(at, row)
        assert not at.error, [e.value for e in at.error]
    texts_if_given(at, {"variations": want.variations})
    next_step(at)

    assert on_step(at, 5)
    choose(at, "night_need", want.night_need)
    choose(at, "two_helper_need", want.two_helper_need)
    next_step(at)

    assert on_step(at, 6)
    texts_if_given(
        at, {"manages_alone": want.manages_alone, "needs_help_with": want.needs_help_with}
    )
    next_step(at)

    assert on_step(at, 7)
    texts_if_given(at, {f"life.{k}": v for k, v in want.life.model_dump().items()})
    next_step(at)

    assert on_step(at, 8)
    texts_if_given(at, {f"goals.{k}": v for k, v in want.goals.model_dump().items()})
    next_step(at)

    assert on_step(at, 9)
    choose(at, "arbeidsleder.kind", want.arbeidsleder.kind)
    at.run()
    if want.arbeidsleder.kind in (ArbeidslederKind.CO_LEADER, ArbeidslederKind.GUARDIAN):
        texts_if_given(at, {"arbeidsleder.name": want.arbeidsleder.name})
    next_step(at)

    assert on_step(at, 10)
    next_step(at)
    assert on_step(at, 11)
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
