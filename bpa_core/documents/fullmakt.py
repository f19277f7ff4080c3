"""The power of attorney (fullmakt) at the end of a letter written for an adult.

Shared by the application and the appeal letters: the person gives the writer power of attorney
to do what the letter does. A name nobody gave is a blank line to fill in by hand, never a
placeholder word such as "the applicant".
"""

from __future__ import annotations

from collections.abc import Callable

from bpa_core.documents.model import Paragraph, Section
from bpa_core.draft import Draft, FilledInBy

SIGNATURE_LINE = "_" * 32
NAME_LINE = "_" * 24


def name_or_blank(name: str, gettext: Callable[[str], str]) -> str:
    """The name, or a blank line with "(name)" under it to write the name on."""
    return name or gettext("{line} (name)").format(line=NAME_LINE)


def power_of_attorney(
    gettext: Callable[[str], str], person: str, writer: str, what: str
) -> Section:
    """The fullmakt: "I, <person>, give <writer> power of attorney to <what>.", place, signature.

    ``person`` and ``writer`` are names as typed (one line each), empty when not given.
    """
    _ = gettext
    text = _("I, {person}, give {writer} power of attorney to {what}.").format(
        person=name_or_blank(person, _), writer=name_or_blank(writer, _), what=what
    )
    blocks = (
        Paragraph(text),
        Paragraph(_("Place and date:") + " " + SIGNATURE_LINE),
        Paragraph(_("Signature:") + " " + SIGNATURE_LINE),
    )
    return Section("power_of_attorney", _("Power of attorney"), blocks, editable=False)


def needs_power_of_attorney(draft: Draft, is_child: bool) -> bool:
    """A relative or counsellor writing for an adult: the person signs a fullmakt.

    A guardian (verge) shows the certificate of guardianship instead; a parent signs for a child.
    The one rule for the application and the appeal letters.
    """
    return draft.filled_in_by in (FilledInBy.RELATIVE, FilledInBy.COUNSELLOR) and not is_child


def needs_guardianship_certificate(draft: Draft, is_child: bool) -> bool:
    """A guardian (verge) writing for an adult attaches the certificate (vergeattest); a child's
    parents are its guardians by law and need none."""
    return draft.filled_in_by == FilledInBy.GUARDIAN and not is_child
