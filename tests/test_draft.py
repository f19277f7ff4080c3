"""The Draft and its file format: round trip, refusals, migrations, field errors, the schema."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from bpa_core import migrations
from bpa_core.draft import (
    DRAFT_FORMAT,
    SCHEMA_VERSION,
    ActivityRow,
    Draft,
    DraftFileError,
    FilledInBy,
    field_errors,
    json_schema,
    load_draft,
)
from tests.support import PERSONA_NAMES, ROOT, persona_draft


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_round_trip(name: str) -> None:
    draft = persona_draft(name)
    assert load_draft(draft.to_json()) == draft
    assert load_draft(draft.to_json().encode("utf-8")) == draft


def test_free_text_survives_the_file() -> None:
    text = "Áŋŋá Máret <para> & \u0000 \u202e 😀 " + "x" * 50_000
    draft = Draft()
    draft.person.name = "Áŋŋá Máret Gaup"
    draft.manages_alone = text
    assert load_draft(draft.to_json()).manages_alone == text


@pytest.mark.parametrize(
    ("raw", "message_id"),
    [
        (b"\xff\xfe\x00", "not_json"),
        (b"[1, 2, 3]", "not_a_draft"),
        (b'{"schema_version": 1}', "not_a_draft"),
        (b'{"format": "something-else", "schema_version": 1}', "not_a_draft"),
        (json.dumps({"format": DRAFT_FORMAT, "schema_version": "1"}).encode(), "not_a_draft"),
        (json.dumps({"format": DRAFT_FORMAT, "schema_version": True}).encode(), "not_a_draft"),
        (json.dumps({"format": DRAFT_FORMAT, "schema_version": 0}).encode(), "not_a_draft"),
        (
            json.dumps({"format": DRAFT_FORMAT, "schema_version": SCHEMA_VERSION + 1}).encode(),
            "newer_version",
        ),
        (b"[" * 100_000, "not_json"),
    ],
)
def test_refused_files(raw: bytes, message_id: str) -> None:
    with pytest.raises(DraftFileError) as info:
        load_draft(raw)
    assert info.value.message_id == message_id


def test_unknown_field_is_refused_with_its_path() -> None:
    raw = json.dumps({"format": DRAFT_FORMAT, "schema_version": 1, "person": {"shoe_size": 44}})
    with pytest.raises(DraftFileError) as info:
        load_draft(raw)
    assert (info.value.message_id, info.value.field) == ("unknown_field", "person.shoe_size")


@pytest.mark.parametrize(
    ("row", "field", "message_id"),
    [
        ({"minutes": 0}, "minutes", "too_small"),
        ({"minutes": 1441}, "minutes", "too_large"),
        ({"minutes": "lots"}, "minutes", "not_a_whole_number"),
        ({"times": 0}, "times", "too_small"),
        ({"per": "fortnight"}, "per", "not_a_choice"),
        ({"category": "gardening"}, "category", "not_a_choice"),
    ],
)
def test_row_validation_gives_field_and_message_id(
    row: dict[str, Any], field: str, message_id: str
) -> None:
    data = {"category": "meals", "minutes": 30, "times": 1, "per": "day", **row}
    with pytest.raises(ValidationError) as info:
        ActivityRow.model_validate(data)
    errors = field_errors(info.value)
    assert [(e.field, e.message_id) for e in errors] == [(field, message_id)]


def test_field_errors_never_carry_the_input() -> None:
    with pytest.raises(ValidationError) as info:
        Draft.model_validate({"person": {"birth_date": "SECRET-VALUE"}})
    errors = field_errors(info.value)
    assert errors[0].field == "person.birth_date"
    assert "SECRET-VALUE" not in repr(errors)


def test_birth_date_before_1900_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Draft.model_validate({"person": {"birth_date": "1850-01-01"}})
    assert field_errors(info.value)[0].message_id == "birth_date_too_early"


def test_hours_are_exact_decimals() -> None:
    draft = Draft.model_validate({"application": {"hours_per_week": "37.5"}})
    assert str(draft.application.hours_per_week) == "37.5"
    assert '"37.5"' in draft.to_json()
    with pytest.raises(ValidationError):
        Draft.model_validate({"application": {"hours_per_week": "37.555"}})


def test_on_behalf() -> None:
    assert not Draft(filled_in_by=FilledInBy.SELF).on_behalf
    assert Draft(filled_in_by=FilledInBy.COUNSELLOR).on_behalf


def test_migration_steps_run_in_order_and_keep_answers() -> None:
    """The hook: each step lifts one version, and the answers move with it."""

    def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        data["person"] = {"name": data.pop("name")}
        return data

    def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
        data["person"]["municipality"] = data.pop("kommune")
        return data

    old = {"format": DRAFT_FORMAT, "schema_version": 1, "name": "Kari", "kommune": "Bærum"}
    new = migrations.migrate(old, steps={1: v1_to_v2, 2: v2_to_v3}, target=3)
    assert new == {
        "format": DRAFT_FORMAT,
        "schema_version": 3,
        "person": {"name": "Kari", "municipality": "Bærum"},
    }


def test_every_version_below_the_current_has_a_step() -> None:
    assert set(migrations.STEPS) == set(range(1, SCHEMA_VERSION))


def test_schema_file_is_current() -> None:
    written = (ROOT / "docs" / "draft.schema.json").read_text(encoding="utf-8")
    assert written == json_schema(), "run `make schema` to update docs/draft.schema.json"


def test_document_language_follows_the_interface_until_chosen() -> None:

    fresh = Draft()
    assert fresh.chosen_document_language is None
    assert fresh.document_language == "nb"  # the CLI's and documents' default
    assert fresh.document_language_or("nn") == "nn"
    assert json.loads(fresh.to_json())["document_language"] is None
    fresh.document_language = "en"
    assert fresh.document_language_or("nn") == "en"
    assert json.loads(fresh.to_json())["document_language"] == "en"


def test_document_language_of_older_files_loads_as_before() -> None:

    saved = json.loads(Draft().to_json())
    saved["document_language"] = "nb"  # every file saved before the language could follow
    assert load_draft(json.dumps(saved)).document_language_or("en") == "nb"
    del saved["document_language"]
    assert load_draft(json.dumps(saved)).chosen_document_language is None
    saved["document_language"] = "sv"
    with pytest.raises(DraftFileError) as refused:
        load_draft(json.dumps(saved))
    assert (refused.value.message_id, refused.value.field) == ("not_a_choice", "document_language")


def test_day_parts_are_kept_once_each_in_day_order() -> None:
    row = ActivityRow(
        category="meals", minutes=30, times=1, per="day", day_parts=["evening", "morning"]
    )
    assert [p.value for p in row.day_parts] == ["morning", "evening"]
    with pytest.raises(ValidationError):
        ActivityRow(category="meals", minutes=30, times=1, per="day", day_parts=["noon"])


def test_new_answers_round_trip_and_older_files_load_without_them() -> None:
    draft = persona_draft("kari")
    draft.need.staying_healthy = "Unngå trykksår: snu meg om natta."
    draft.interface_language = "nn"  # type: ignore[assignment]
    draft.rows[0].day_parts = ["morning"]  # type: ignore[list-item]
    assert load_draft(draft.to_json()) == draft
    data = json.loads(persona_draft("kari").to_json())
    for row in data["rows"]:
        row.pop("day_parts")
    data["need"].pop("staying_healthy")
    data.pop("interface_language")
    old = load_draft(json.dumps(data))
    assert old.interface_language is None and old.need.staying_healthy == ""


def test_a_row_longer_than_its_period_gets_a_message_id_per_period() -> None:
    """The week builder names the period: '… more than a day has (24 hours)'."""
    from pydantic import ValidationError

    from bpa_core.draft import ActivityRow, field_errors

    cases = {"day": (30, 49), "week": (1440, 8), "month": (1440, 32), "year": (1440, 367)}
    for per, (minutes, times) in cases.items():
        with pytest.raises(ValidationError) as info:
            ActivityRow(category="meals", minutes=minutes, times=times, per=per)
        assert [e.message_id for e in field_errors(info.value)] == [f"longer_than_{per}"]
        ActivityRow(category="meals", minutes=minutes, times=times - 1, per=per)  # fits


def test_rows_adding_up_to_more_than_a_week_are_noticed() -> None:
    from bpa_core.draft import ActivityRow
    from bpa_core.rules.hours import more_than_a_week

    day = ActivityRow(category="meals", minutes=720, times=2, per="day")  # 168 hours
    assert not more_than_a_week([day])
    extra = ActivityRow(category="meals", minutes=1, times=1, per="week")
    assert more_than_a_week([day, extra])


def test_a_version_1_file_is_migrated_to_names_without_legal_numbers() -> None:
    """Version 1 named the age limit in the field (``…_before_67``); version 2 does not, so a
    change of the limit in the rule set leaves the file format alone. Nothing is lost."""
    data = json.loads(persona_draft("ragnhild").to_json())
    data["schema_version"] = 1
    data["person"]["bpa_granted_under_right_before_67"] = data["person"].pop(
        "granted_before_age_limit"
    )
    draft = load_draft(json.dumps(data))
    assert draft.schema_version == SCHEMA_VERSION == 3
    assert draft.person.granted_before_age_limit is True
    assert "_67" not in draft.to_json()


def test_the_command_line_keeps_the_old_keys_for_one_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bpa_core.__main__ import main

    assert (
        main(["assess", str(ROOT / "tests" / "personas" / "sofie.json"), "--on", "2026-11-22"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["minutes_missing_to_cost_exception"] == out["minutes_missing_to_25"]
    assert out["minutes_missing_to_right_exact"] == out["minutes_missing_to_32_exact"]


def _version_2_with(rows: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Kari's file as version 2 wrote it, with some rows changed."""
    data = json.loads(persona_draft("kari").to_json())
    data["schema_version"] = 2
    for index, change in rows.items():
        data["rows"][index].update(change)
    return data


def test_an_older_file_with_a_row_longer_than_its_period_opens_with_the_row_to_fix() -> None:
    """Version 2 took 30 min x 100 a day; version 3 refuses such a row. A file saved before
    still opens with every answer: the row is kept as it was, apart, and not counted."""
    from bpa_core.rules import assess

    data = _version_2_with({1: {"minutes": 30, "times": 100, "per": "day"}})
    kept = dict(data["rows"][1])
    draft = load_draft(json.dumps(data))
    kari = persona_draft("kari")
    assert [r.model_dump(mode="json") for r in draft.rows_to_fix] == [kept]
    assert draft.rows == [r for i, r in enumerate(kari.rows) if i != 1]
    assert draft.model_dump(exclude={"rows", "rows_to_fix"}) == kari.model_dump(
        exclude={"rows", "rows_to_fix"}
    )
    alone = kari.model_copy(update={"rows": draft.rows})
    on = date(2026, 11, 22)
    assert assess(draft, on=on).total_minutes == assess(alone, on=on).total_minutes
    # Saved again (version 3), it opens the same, the row still apart.
    again = load_draft(draft.to_json())
    assert again == draft and json.loads(draft.to_json())["schema_version"] == 3


def test_only_rows_longer_than_their_period_are_kept_apart() -> None:
    # Another bad answer in the row: refused as before, naming the field in ``rows``.
    data = _version_2_with({2: {"minutes": 0, "times": 100, "per": "day"}})
    with pytest.raises(DraftFileError) as refused:
        load_draft(json.dumps(data))
    assert (refused.value.message_id, refused.value.field) == ("too_small", "rows.2.minutes")
    # A version 3 file never holds such a row in ``rows``: the app did not write it.
    data = _version_2_with({2: {"minutes": 30, "times": 100, "per": "day"}})
    data["schema_version"] = 3
    with pytest.raises(DraftFileError) as refused:
        load_draft(json.dumps(data))
    assert (refused.value.message_id, refused.value.field) == ("longer_than_day", "rows.2")
    # A row to fix that fits its period is no row to fix (a tampered file).
    data = json.loads(persona_draft("kari").to_json())
    data["rows_to_fix"] = [data["rows"][0]]
    with pytest.raises(DraftFileError) as refused:
        load_draft(json.dumps(data))
    assert (refused.value.message_id, refused.value.field) == ("invalid_value", "rows_to_fix.0")


@pytest.mark.parametrize("per", ["day", "week", "month", "year"])
def test_every_period_has_its_rows_to_fix(per: str) -> None:
    from bpa_core.draft import PERIOD_MINUTES, Per

    data = _version_2_with({0: {"minutes": 1440, "times": PERIOD_MINUTES[Per(per)] // 1440 + 1}})
    data["rows"][0]["per"] = per
    draft = load_draft(json.dumps(data))
    assert [r.per.value for r in draft.rows_to_fix] == [per]
