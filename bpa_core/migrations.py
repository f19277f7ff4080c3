"""Migrations of older draft files to the current schema version.

Each step takes the JSON object of version N and returns version N + 1. A step never drops an
answer silently: when a field is renamed or split, the old value moves to the new place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bpa_core.draft import MAX_MINUTES, MAX_TIMES, PERIOD_MINUTES, SCHEMA_VERSION, Per

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _names_without_values(data: dict[str, Any]) -> dict[str, Any]:
    """1 -> 2: names stop encoding legal numbers (the age limit is the rule set's, not 67):
    ``person.bpa_granted_under_right_before_67`` is ``person.granted_before_age_limit``."""
    person = data.get("person")
    if isinstance(person, dict) and "bpa_granted_under_right_before_67" in person:
        person = dict(person)
        person["granted_before_age_limit"] = person.pop("bpa_granted_under_right_before_67")
        data["person"] = person
    return data


def _whole(value: Any, most: int) -> int | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= most
    return value if ok else None


def _longer_than_its_period(row: Any) -> bool:
    """A row whose answers are each right but whose minutes x times exceed its period."""
    if not isinstance(row, dict) or row.get("per") not in tuple(p.value for p in Per):
        return False
    minutes = _whole(row.get("minutes"), MAX_MINUTES)
    times = _whole(row.get("times"), MAX_TIMES)
    if minutes is None or times is None:
        return False  # refused as before, naming its field in ``rows``
    return minutes * times > PERIOD_MINUTES[Per(row["per"])]


def _rows_to_fix(data: dict[str, Any]) -> dict[str, Any]:
    """2 -> 3: a row that takes more time than its period has (30 min x 100 a day), which the
    app refuses since version 3, moves from ``rows`` to ``rows_to_fix`` as it was: the file
    opens with every answer, and the week step asks to change the row (it is not counted)."""
    rows = data.get("rows")
    if isinstance(rows, list) and any(_longer_than_its_period(r) for r in rows):
        data["rows"] = [r for r in rows if not _longer_than_its_period(r)]
        data["rows_to_fix"] = [r for r in rows if _longer_than_its_period(r)]
    return data


# version N -> function producing version N + 1.
STEPS: dict[int, Step] = {1: _names_without_values, 2: _rows_to_fix}


def migrate(
    data: dict[str, Any], steps: dict[int, Step] | None = None, target: int = SCHEMA_VERSION
) -> dict[str, Any]:
    """Bring a draft object from its schema_version up to ``target``, one step at a time."""
    table = STEPS if steps is None else steps
    version = int(data["schema_version"])
    while version < target:
        data = table[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data
