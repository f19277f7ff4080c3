"""The appeal helper (klage): the grounds that fit a decision, in words the user can edit.

The deadline is in ``bpa_core.deadlines``; the letters in ``bpa_core.documents.appeal``.
"""

from bpa_core.appeal.grounds import (
    Ground,
    GroundId,
    assessment_date_for,
    chosen_grounds,
    ground_text,
    offered_grounds,
)

__all__ = [
    "Ground",
    "GroundId",
    "assessment_date_for",
    "chosen_grounds",
    "ground_text",
    "offered_grounds",
]
