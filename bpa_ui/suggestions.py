"""Suggested activities per category, to make the week quick to fill in (English msgids)."""

from __future__ import annotations

from bpa_core.draft import Category
from bpa_core.i18n import N_

SUGGESTIONS: dict[Category, tuple[str, ...]] = {
    Category.PERSONAL_CARE: (
        N_("Getting up and dressing"),
        N_("Washing and shower"),
        N_("Toilet"),
        N_("Going to bed"),
        N_("Hair and teeth"),
    ),
    Category.MEALS: (
        N_("Making breakfast"),
        N_("Making dinner"),
        N_("Help to eat"),
        N_("Packed lunch"),
    ),
    Category.HOUSEHOLD: (
        N_("Cleaning"),
        N_("Laundry"),
        N_("Shopping for food"),
        N_("Errands, post and bank"),
    ),
    Category.MOBILITY: (
        N_("Moving in and out of bed or chair"),
        N_("Going with me to appointments"),
        N_("Going with me to work or school"),
        N_("Walks"),
    ),
    Category.TRAINING: (
        N_("Learning to cook"),
        N_("Learning to plan the day"),
        N_("Learning to use transport"),
    ),
    Category.PARTICIPATION: (
        N_("Meeting friends"),
        N_("Training and sports"),
        N_("Clubs and choirs"),
        N_("Culture and events"),
        N_("Travel and visits to family"),
    ),
    Category.RESPITE: (
        N_("Respite in the afternoon"),
        N_("Respite weekend"),
        N_("Respite evening"),
    ),
    Category.HEALTH: (
        N_("Medicine"),
        N_("Wound care"),
        N_("Tube feeding"),
    ),
    Category.WORK_OR_EDUCATION: (
        N_("Help at work"),
        N_("Help at school"),
        N_("Help at university"),
    ),
}
