"""Migrations of older draft files to the current schema version.

Each step takes the JSON object of version N and returns version N + 1. A step never drops an
answer silently: when a field is renamed or split, the old value moves to the new place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bpa_core.draft import SCHEMA_VERSION

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


# version N -> function producing version N + 1.
STEPS: dict[int, Step] = {1: _names_without_values}


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
