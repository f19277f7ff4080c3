"""The command line: JSON with stable keys, and one clear line for a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import PERSONA_DRAFTS, CliResult, cli

STABLE_KEYS = {
    "outcome",
    "counted_minutes_per_week",
    "counted_hours_per_week",
    "excluded_minutes_by_reason",
    "missing",
    "flags",
    "criteria",
    "minutes_missing_to_cost_exception",
    "minutes_missing_to_right",
    "reaches_age_limit_on",
}


def run(*args: str) -> CliResult:
    return cli(*args)


def test_assess_prints_the_stable_keys() -> None:
    out = run("assess", str(PERSONA_DRAFTS / "sofie.json"), "--on", "2026-11-22")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= STABLE_KEYS
    assert data["outcome"] == "no_right_can_apply"
    assert data["minutes_missing_to_cost_exception"] == 345
    assert data["minutes_missing_to_right"] == 765
    assert {c["id"] for c in data["criteria"]} == {"age", "cause", "duration", "hours"}
    assert data["criteria"][0]["sources"] == ["pbrl. § 2-1 d"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json at all", "not_json"),
        (b'{"hello": "world"}', "not_a_draft"),
        (b'{"format": "bpa-veiviser-draft", "schema_version": 99}', "newer_version"),
        (
            b'{"format": "bpa-veiviser-draft", "schema_version": 1, '
            b'"rows": [{"category": "x", "minutes": 5, "times": 1, "per": "day"}]}',
            "rows.0.category",
        ),
        (
            b'{"format": "bpa-veiviser-draft", "schema_version": 1, '
            b'"rows": [{"category": "meals", "minutes": 5000, "times": 1, "per": "day"}]}',
            "rows.0.minutes",
        ),
    ],
)
def test_bad_file_exits_non_zero_with_one_line(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    out = run("assess", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert expected in lines[0]
    assert "Traceback" not in out.stderr


def test_bad_value_is_never_echoed(tmp_path: Path) -> None:
    canary = "HEMMELIG-DIAGNOSE-1234"
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {"format": "bpa-veiviser-draft", "schema_version": 1, "person": {"birth_date": canary}}
        ),
        encoding="utf-8",
    )
    out = run("assess", str(path))
    assert out.returncode == 2
    assert "person.birth_date" in out.stderr
    assert canary not in out.stderr


def test_missing_file_and_bad_date() -> None:
    out = run("assess", "/nonexistent/draft.json")
    assert out.returncode == 2 and "cannot read" in out.stderr
    out = run("assess", str(PERSONA_DRAFTS / "kari.json"), "--on", "22.11.2026")
    assert out.returncode == 2 and "not a date" in out.stderr


def test_date_before_the_rules_is_a_clear_error() -> None:
    out = run("assess", str(PERSONA_DRAFTS / "kari.json"), "--on", "2019-01-01")
    assert out.returncode == 2
    assert "no rule set before 2020-07-01" in out.stderr
