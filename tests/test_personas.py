"""Every persona in ../shared/personas gives the outcome and hours its description expects."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest

from bpa_core.rules import assess
from bpa_core.rules.hours import display_hours
from tests.support import PERSONA_DRAFTS, PERSONA_NAMES, cli, persona_draft, persona_expected


def test_every_shared_persona_has_a_draft() -> None:
    from tests.support import SHARED

    shared = sorted(p.stem for p in (SHARED / "personas").glob("*.yaml"))
    assert shared, "no personas found in ../shared/personas"
    assert shared == PERSONA_NAMES


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_persona_outcome_and_hours(name: str) -> None:
    described = persona_expected(name)
    expected = described["expected"]
    result = assess(persona_draft(name), on=described["assessed_on"])

    assert result.outcome.value == expected["outcome"]
    # The personas give hours rounded to one or two decimals: compare within that rounding.
    assert abs(result.counted_minutes / 60 - Fraction(str(expected["counted_hours"]))) < Fraction(
        1, 20
    )
    excluded = {r.value: m / 60 for r, m in result.excluded_minutes.items()}
    want = {k: Fraction(str(v)) for k, v in expected.get("excluded_hours", {}).items()}
    assert excluded == want
    if "missing" in expected:
        assert [m.value for m in result.missing] == expected["missing"]
    for flag in expected.get("flags", []):
        assert flag in [f.value for f in result.flags]
    if "hours_missing" in expected:
        assert result.minutes_missing_to_cost_exception / 60 == Fraction(
            str(expected["hours_missing"]["to_25"])
        )
        assert result.minutes_missing_to_right / 60 == Fraction(
            str(expected["hours_missing"]["to_32"])
        )


def test_persona_draft_names_match_shared_descriptions() -> None:
    for name in PERSONA_NAMES:
        assert persona_draft(name).person.name == persona_expected(name)["person"]["name"]


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_cli_prints_the_expected_outcome(name: str) -> None:
    described = persona_expected(name)
    on = described["assessed_on"]
    assert isinstance(on, date)
    out = cli("assess", str(PERSONA_DRAFTS / f"{name}.json"), "--on", on.isoformat())
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["outcome"] == described["expected"]["outcome"]
    # The CLI's hours (rounded down to a tenth) against the persona's own description (rounded
    # to one or two decimals): within a tenth.
    shown = Fraction(str(data["counted_hours_per_week"]))
    assert abs(shown - Fraction(str(described["expected"]["counted_hours"]))) <= Fraction(1, 10)
    assert shown == display_hours(assess(persona_draft(name), on=on).counted_minutes)
