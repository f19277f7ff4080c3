"""Legal cases from tests/cases/*.yaml: each a draft, an assessment date and the expected estimate.

A case's draft is merged over an adult base (born 1990, need caused by disability, over 2 years,
no night or two-helper need, 32 hours of personal care). Only the expected keys given are checked;
a given ``flags``, ``missing`` or ``criterion_sources`` list must match exactly.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bpa_core.draft import Draft, field_errors
from bpa_core.rules import SOURCES, assess
from tests.support import as_fraction

CASES_DIR = Path(__file__).parent / "cases"
DEFAULT_DATE = date(2026, 11, 22)

BASE: dict[str, Any] = {
    "filled_in_by": "self",
    "person": {"name": "Testperson", "birth_date": "1990-01-01"},
    "need": {"cause": "yes", "duration": "over_2_years"},
    "night_need": "none",
    "two_helper_need": "none",
    "rows": [
        {"category": "personal_care", "minutes": 1440, "times": 1, "per": "week"},
        {"category": "household", "minutes": 480, "times": 1, "per": "week"},
    ],
}


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and value and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


CASES = _load_cases()


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_case(case: dict[str, Any]) -> None:
    data = _merge(BASE, case.get("draft", {}))
    if "expect_invalid" in case:
        with pytest.raises(ValidationError) as info:
            Draft.model_validate(data)
        assert case["expect_invalid"] in [e.field for e in field_errors(info.value)]
        return
    draft = Draft.model_validate(data)
    on = date.fromisoformat(case["assessed_on"]) if "assessed_on" in case else DEFAULT_DATE
    result = assess(draft, on=on)
    expected = case["expected"]

    assert result.outcome.value == expected["outcome"]
    if "counted_minutes" in expected:
        assert result.counted_minutes == as_fraction(expected["counted_minutes"])
    if "excluded_minutes" in expected:
        got = {r.value: m for r, m in result.excluded_minutes.items()}
        assert got == {k: as_fraction(v) for k, v in expected["excluded_minutes"].items()}
    for key in ("minutes_missing_to_cost_exception", "minutes_missing_to_right"):
        if key in expected:
            assert getattr(result, key) == as_fraction(expected[key])
    if "missing" in expected:
        assert [m.value for m in result.missing] == expected["missing"]
    if "flags" in expected:
        assert sorted(f.value for f in result.flags) == sorted(expected["flags"])
    if "age" in expected:
        assert result.age == expected["age"]
    if "reaches_age_limit_on" in expected:
        assert result.reaches_age_limit_on == date.fromisoformat(expected["reaches_age_limit_on"])
    for criterion_id, status in expected.get("criteria", {}).items():
        assert result.criterion(criterion_id).status.value == status, criterion_id
    for criterion_id, reason in expected.get("reasons", {}).items():
        assert result.criterion(criterion_id).reason == reason, criterion_id
    cited = {SOURCES[s].short for s in result.sources}
    cited |= {SOURCES[s].short for c in result.criteria for s in c.sources}
    for source in expected.get("sources", []):
        assert source in cited
    # A criterion's own sources, exactly: a source dropped from one criterion is caught.
    for criterion_id, shorts in expected.get("criterion_sources", {}).items():
        got = [SOURCES[s].short for s in result.criterion(criterion_id).sources]
        assert got == shorts, criterion_id

    # Invariants of every case: counted + excluded = total, and nothing negative.
    assert result.counted_minutes + sum(result.excluded_minutes.values()) == result.total_minutes
    assert result.minutes_missing_to_right >= result.minutes_missing_to_cost_exception >= 0
