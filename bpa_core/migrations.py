"""Migrations of older draft files to the current schema version.

Each step takes the JSON object of version N and returns version N + 1. A step never drops an
answer silently: when a field is renamed or split, the old value moves to the new place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bpa_core.draft import SCHEMA_VERSION

Step = Callable[[dict[str, Any]], dict[str, Any]]

# version N -> function producing version N + 1. Empty while the format is at version 1.
STEPS: dict[int, Step] = {}


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
