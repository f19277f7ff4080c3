"""AppTest journeys: every persona from the start page to the result, through the widgets."""

from __future__ import annotations

from fractions import Fraction

import pytest

from bpa_core.draft import Draft
from bpa_core.i18n import gettext_for
from bpa_core.rules import assess
from bpa_ui.interview import only_asked
from bpa_ui.steps import ALL_STEPS
from tests.app.driver import ASSESSED_ON, all_text, draft, fill_everything, heading, new_app
from tests.support import PERSONA_NAMES, persona_draft, persona_expected

OUTCOME_SENTENCES = {
    ("right", "self"): "You probably have a right to BPA.",
    ("right", "other"): "The person probably has a right to BPA.",
    ("right", "parent"): "Your child probably has a right to BPA.",
    ("right_unless_cost", "other"): (
        "The person probably has a right to BPA, unless the municipality shows that BPA would "
        "cost substantially more."
    ),
    ("no_right_can_apply", "self"): (
        "You probably do not have the legal right to BPA, but you can still apply, and the "
        "municipality must consider it."
    ),
    ("unclear", "other"): "We cannot make an estimate yet: some answers are missing.",
}
VOICES = {
    "kari": "self",
    "emil": "parent",
    "aanga": "other",
    "jonas": "other",
    "ragnhild": "self",
    "sofie": "self",
}


def _comparable(d: Draft) -> dict[str, object]:
    data = d.model_dump(mode="json")
    # Not chosen through the widgets: the documents follow the interface (bokmål here).
    data["document_language"] = d.document_language_or("nb")
    data["rows"] = sorted(data["rows"], key=lambda r: (r["category"], r["activity"]))
    return data


def _hours_nb(hours: Fraction, *, up: bool = False) -> str:
    """Hours as the Norwegian page shows them: one decimal, decimal comma; hours counted or
    excluded rounded down, hours still missing (``up``) rounded up."""
    tenths = (hours * 10).__ceil__() if up else (hours * 10).__floor__()
    whole, rest = divmod(tenths, 10)
    return f"{whole},{rest}" if rest else f"{whole}"


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_persona_from_start_to_result(name: str) -> None:
    want = persona_draft(name)
    expected = persona_expected(name)["expected"]
    at = fill_everything(new_app("nb"), want)

    # Every answer given through the widgets landed in the Draft, nothing more, nothing less.
    assert _comparable(draft(at)) == _comparable(only_asked(want, ASSESSED_ON))

    nb = gettext_for("nb")
    page = all_text(at)
    sentence = OUTCOME_SENTENCES[(expected["outcome"], VOICES[name])]
    assert at.header[0].value == nb(sentence)
    assert "not eligible" not in page.lower() and "ikke kvalifisert" not in page.lower()
    assert "Det er kommunen som bestemmer" in page
    counted = Fraction(str(expected["counted_hours"]))
    exact = assess(want, ASSESSED_ON).counted_minutes / 60
    assert abs(exact - counted) < Fraction(1, 20)
    assert f"{_hours_nb(exact)} timer" in page
    for reason_hours in expected.get("excluded_hours", {}).values():
        assert _hours_nb(Fraction(str(reason_hours))) in page
    if "hours_missing" in expected:
        to_25 = Fraction(str(expected["hours_missing"]["to_25"]))
        assert abs(Fraction(25) - exact - to_25) < Fraction(1, 20)
        # Rounded up beside the counted hours rounded down: the two add up (19,2 + 5,8 = 25).
        shown_counted = Fraction((exact * 10).__floor__(), 10)
        assert f"{_hours_nb(Fraction(25) - exact, up=True)} timer til i uka gir 25 timer." in page
        assert f"{_hours_nb(shown_counted)} timer" in page
        assert Fraction(25) - shown_counted == Fraction(
            ((Fraction(25) - exact) * 10).__ceil__(), 10
        )


def test_every_step_has_its_number_and_title_as_h1() -> None:
    at = new_app("en")
    numbered = [s for s in ALL_STEPS if s.section != "appeal"]  # questions, then documents
    assert heading(at) == f"Step 1 of {len(numbered)} – Before you start"
    for n, step in enumerate(numbered[1:], start=2):
        at.switch_page(step.file).run()
        assert heading(at) == f"Step {n} of {len(numbered)} – {step.title}"
    at.switch_page("pages/appeal.py").run()
    assert heading(at) == "Appeal a decision"
