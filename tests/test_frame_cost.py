"""Lighter steps (issue 15): what every run of the frame used to redo is done once.

- the navigation's pages are built once per language in the process, and each run gets copies
  of its own (st.navigation marks the pages it returns, and sessions run at the same time);
- the session's language is read from the session state once per run, not by every ``_()``;
- read-only blocks are one element each: a step on "check your answers", a document preview.

AppTest resets Streamlit's multipage mode before each run and, with a ``pages/`` folder, picks
the old one: a page then runs without app.py's frame. The server never does (bpa_ui/server.py,
``use_entrypoint_navigation``), so these tests switch it off as the server does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.runtime.state.session_state_proxy import SessionStateProxy

from bpa_ui import frame
from bpa_ui.i18n import LANG_KEY
from bpa_ui.state import DRAFT_KEY
from tests.app.driver import new_app, press
from tests.app.server_like import as_the_server  # noqa: F401 (autouse fixture)
from tests.support import html_text, persona_draft


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The languages the pages were built for, from a process with none built yet."""
    langs: list[str] = []
    original = frame._build_pages

    def counted() -> list[Any]:
        langs.append(frame.current_language())
        return original()

    monkeypatch.setattr(frame, "_PAGES", {})
    monkeypatch.setattr(frame, "_build_pages", counted)
    yield langs


def test_pages_are_built_once_per_language(built: list[str]) -> None:
    at = new_app("nb")
    at.run()
    at.run()
    other = new_app("nb")  # another session in the same process
    assert built == ["nb"]
    at.radio(key="language_choice_start").set_value("en").run()
    at.run()
    other.run()
    assert built == ["nb", "en"]
    assert sorted(frame._PAGES) == ["en", "nb"]


def test_each_run_gets_its_own_copies_of_the_pages(built: list[str]) -> None:
    new_app("en")
    first, second = frame._pages("en"), frame._pages("en")
    assert [p.title for p in first] == [p.title for p in second]
    assert first[0].title == "1. Before you start"
    assert not any(a is b for a, b in zip(first, second, strict=True))
    assert not any(a is b for a, b in zip(first, frame._PAGES["en"], strict=True))


@pytest.fixture
def language_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the language was read from the session state (one count per read)."""
    reads: list[int] = []
    original = SessionStateProxy.__getitem__

    def counted(self: SessionStateProxy, key: str) -> Any:
        if key == LANG_KEY:
            reads.append(1)
        return original(self, key)

    monkeypatch.setattr(SessionStateProxy, "__getitem__", counted)
    return reads


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (None, "Step 1 of 14 – Before you start"),  # the frame and sidebar
        ("pages/week.py", "Step 4 of 14 – The week"),  # the most strings: 526 _() per run
    ],
)
def test_the_language_is_read_once_per_run(
    language_reads: list[int], page: str | None, title: str
) -> None:
    at = new_app("en")
    at.session_state[DRAFT_KEY] = persona_draft("kari")
    if page is not None:
        at.switch_page(page).run()
    language_reads.clear()
    at.run()  # hundreds of strings translated
    assert not at.exception
    assert at.title[0].value == title
    if page == "pages/week.py":  # the week's rows and its form are drawn, not just the frame
        assert at.get("html") and at.button(key="nav_next")
        rows = len(persona_draft("kari").rows)
        assert f"Activities ({rows})" in [h.value for h in at.header]
    assert len(language_reads) == 1


def test_a_language_chosen_in_a_callback_counts_for_the_run_it_causes() -> None:
    at = new_app("nb")
    at.radio(key="language_choice_start").set_value("nn").run()
    assert at.title[0].value == "Steg 1 av 14 – Før du byrjar"
    press(at, "nav_next")
    assert at.title[0].value.startswith("Steg 2 av 14")


def test_check_answers_draws_each_step_as_one_element() -> None:
    at = new_app("en")
    at.session_state[DRAFT_KEY] = persona_draft("kari")
    at.switch_page("pages/check.py").run()
    blocks = [t for t in html_text(at) if "\n" in t]
    assert len(blocks) == 10  # the ten steps before "check your answers"
    assert blocks[1].startswith("The person\n")
    assert "Full name\n\nKari Nordmann" in blocks[1]
    assert not at.text and not at.subheader  # no element per answer any more
