"""The recipes of docs/changing.md, each tried once.

- Add a question: one declaration in ``bpa_ui/interview.py`` (here added for the test) and the
  step asks it, the Draft keeps the answer, "check your answers" lists it in the same words.
- Add a dated threshold: tests/test_strategy.py::test_a_new_dated_threshold_changes_the_texts
  (documents) and the interface test named in docs/changing.md.
- Add a language: the registry test named in docs/changing.md.
"""

from __future__ import annotations

import pytest

from bpa_core.draft import Draft
from bpa_ui import interview
from bpa_ui.interview import Kind, Question, W
from tests.app.driver import ASSESSED_ON, all_text, draft, new_app
from tests.support import persona_draft

LABEL = "Which office decides, if you know it?"


@pytest.fixture
def one_more_question(monkeypatch: pytest.MonkeyPatch) -> Question:
    """Step 2 of the recipe: one declaration (an existing Draft field the steps do not ask)."""
    assert interview.find("application.service_office") is None  # not asked today
    question = Question("application.service_office", "goals", Kind.TEXT, W(LABEL))
    monkeypatch.setattr(interview, "QUESTIONS", (*interview.QUESTIONS, question))
    return question


def test_a_declared_question_is_asked_kept_and_listed(one_more_question: Question) -> None:
    at = new_app("en")
    at.session_state["draft"] = persona_draft("kari")
    at.switch_page("pages/goals.py").run()
    field = at.text_input(key="w:application.service_office")
    assert field.label == LABEL
    field.input("Tildelingskontoret i Bergen").run()
    assert not at.exception, [e.value for e in at.exception]
    d: Draft = draft(at)
    assert d.application.service_office == "Tildelingskontoret i Bergen"
    at.switch_page("pages/check.py").run()
    shown = all_text(at)
    assert LABEL in shown and "Tildelingskontoret i Bergen" in shown
    assert at.session_state["assess_on"] == ASSESSED_ON


def test_without_the_declaration_the_step_does_not_ask() -> None:
    """The test above can fail: the same step without the declaration has no such field."""
    at = new_app("en")
    at.switch_page("pages/goals.py").run()
    assert not [w for w in at.text_input if w.key == "w:application.service_office"]
