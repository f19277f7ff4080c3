"""The BPA rules: dated thresholds and sources, exact week arithmetic, and the estimate."""

from bpa_core.rules.eligibility import Assessment, Criterion, Flag, Missing, Outcome, Status, assess
from bpa_core.rules.hours import ExclusionReason, weekly_minutes
from bpa_core.rules.ruleset import SOURCES, RuleSet, Source, ruleset_for

__all__ = [
    "SOURCES",
    "Assessment",
    "Criterion",
    "ExclusionReason",
    "Flag",
    "Missing",
    "Outcome",
    "RuleSet",
    "Source",
    "Status",
    "assess",
    "ruleset_for",
    "weekly_minutes",
]
