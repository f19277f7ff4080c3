"""The list of steps: numbering, neighbours, and pages that plug in when their file exists."""

from __future__ import annotations

import pytest

from bpa_ui import steps


def test_the_questionnaire_has_eleven_numbered_steps_from_start_to_result() -> None:
    sequence = steps.sequence()
    assert sequence[0].id == "start" and sequence[-1].id in ("result", "download")
    assert steps.number("start") == 1
    assert steps.number("check") == 10 and steps.number("result") == 11
    assert steps.neighbours("start")[0] is None
    assert steps.neighbours("person") == (steps.by_id("start"), steps.by_id("need"))


def test_document_pages_plug_in_after_the_result_and_the_appeal_stands_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(steps.Step, "exists", property(lambda self: True))
    ids = [s.id for s in steps.sequence()]
    assert ids[-4:] == ["result", "application", "checklist", "download"]
    assert "appeal" not in ids and steps.available("appeal")
    assert steps.neighbours("result")[1] == steps.by_id("application")
    assert steps.number("download") == 14


def test_missing_pages_are_left_out() -> None:
    for step in steps.ALL_STEPS:
        if step.section == steps.Section.QUESTIONS:
            assert step.exists, step.file
    ids = [s.id for s in steps.sequence()]
    for other in ("application", "checklist", "download"):
        assert (other in ids) == steps.by_id(other).exists
