"""The checklist for the doctor's statement (legeerklæring), tailored to the answers (§ 4).

The doctor sees what the municipality will ask about, and the person's own summary of the week.
The items on night help and two helpers appear only when such a need was given; the item on a
child's needs beyond those of peers only for a child; the duration item always.
"""

from __future__ import annotations

from datetime import date

from bpa_core.documents.application import week_blocks
from bpa_core.documents.model import Block, Checklist, Document, Paragraph, Section
from bpa_core.documents.text import Writer
from bpa_core.draft import Draft, NeedLevel
from bpa_core.i18n import N_
from bpa_core.rules import Assessment

_LEVEL = {
    NeedLevel.CONTINUOUS: N_("continuous"),
    NeedLevel.OCCASIONAL: N_("occasional"),
}


def _has_need(level: NeedLevel | None, flagged_rows: bool) -> bool:
    return level in (NeedLevel.OCCASIONAL, NeedLevel.CONTINUOUS) or flagged_rows


def checklist_items(draft: Draft, assessment: Assessment, w: Writer) -> tuple[str, ...]:
    items = [
        w._("Diagnoses, and when they were made."),
        w._(
            "The reduced function: movement, memory and thinking, senses, stamina, "
            "pain and fatigue."
        ),
        w._(
            "What this means in daily life: personal care, dressing, toilet, meals, "
            "housework, moving about and communication."
        ),
        w._(
            "How long the need will last and the outlook: that it is expected to last "
            "more than 2 years, and whether it is stable or gets worse."
        ),
    ]
    if _has_need(draft.night_need, any(r.night for r in draft.rows)):
        items.append(w._("The need for help at night, and whether it is continuous or occasional."))
    if _has_need(draft.two_helper_need, any(r.two_helpers for r in draft.rows)):
        items.append(w._("The need for two helpers, and whether it is continuous or occasional."))
    items += [
        w._("Health tasks that trained assistants could do."),
        w._(
            "Preventive needs, such as skin care or extra care during illness. Wear, late "
            "effects and new health problems in recent years."
        ),
    ]
    if assessment.is_child:  # a child goes to kindergarten or school; the parents lead
        items += [
            w._(
                "What BPA would mean for the child's health, for kindergarten or school, and "
                "for taking part in leisure and social life. The need for contact with friends "
                "outside the home."
            ),
            w._(
                "The parents' role as arbeidsleder, and whether they need a co-leader "
                "(medarbeidsleder)."
            ),
        ]
    else:
        items += [
            w._(
                "What BPA would mean for health, work, studies and taking part in society. "
                "The need for social contact outside the home."
            ),
            w.voice(
                N_("Whether I can be arbeidsleder, or need a co-leader (medarbeidsleder)."),
                N_("Whether {name} can be arbeidsleder, or needs a co-leader (medarbeidsleder)."),
            ),
        ]
    if assessment.is_child:
        items.append(w._("The child's needs beyond those of other children of the same age."))
    items.append(w._("Changes in the family, and ageing or wear on relatives who help today."))
    return tuple(items)


def build_checklist(
    draft: Draft, assessment: Assessment, lang: str, *, dated: date | None = None
) -> Document:
    """The doctor's checklist in ``lang`` (nb, nn or en)."""
    w = Writer.for_draft(draft, lang)
    intro = w.voice(
        N_(
            "I am applying to the municipality for BPA (user-controlled personal assistance). "
            "A statement from you (legeerklæring) makes the application stronger. "
            "Please write about the points below."
        ),
        N_(
            "{name} is applying to the municipality for BPA (user-controlled personal "
            "assistance). A statement from you (legeerklæring) makes the application stronger. "
            "Please write about the points below."
        ),
    )
    sections = [
        Section(
            "points",
            w._("What the statement should cover"),
            (Paragraph(intro), Checklist(checklist_items(draft, assessment, w))),
            editable=False,
        )
    ]
    week = _week_summary(draft, assessment, w)
    if week:
        sections.append(
            Section(
                "week",
                w.voice(N_("My week"), N_("The week of {name}")),
                week,
                editable=False,
            )
        )
    return Document(
        kind="checklist",
        lang=lang,
        title=w._("For the doctor: checklist for a statement about BPA"),
        subject=w._("Checklist for the doctor's statement (legeerklæring)"),
        dated=dated or date.today(),
        sections=tuple(sections),
        letterhead=(draft.person.name,) if draft.person.name.strip() else (),
    )


def _week_summary(draft: Draft, assessment: Assessment, w: Writer) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if draft.rows:
        blocks.append(
            Paragraph(
                w.voice(
                    N_("This is the help I need in an ordinary week, as I describe it myself."),
                    N_("This is the help {name} needs in an ordinary week."),
                )
            )
        )
        blocks.extend(week_blocks(draft, w, assessment.total_minutes))
    for label, level in (
        (N_("Help at night: {level}."), draft.night_need),
        (N_("Two helpers at once: {level}."), draft.two_helper_need),
    ):
        if level is not None and level in _LEVEL:
            blocks.append(Paragraph(w._(label, level=w._(_LEVEL[level]))))
    return tuple(blocks)
