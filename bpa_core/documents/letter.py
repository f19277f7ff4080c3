"""The parts every letter shares: whom it is to, who signs it, and the power of attorney.

The application, the appeal and the request for access are letters to the municipality from the
person or from someone writing for them. What they say about the addressee, the signer and the
fullmakt is decided once, here (with ``documents.text.Writer`` for voice, words and numbers, and
``documents.fullmakt`` for when a fullmakt or vergeattest is needed).
"""

from __future__ import annotations

import re

from bpa_core.documents.fullmakt import NAME_LINE, needs_power_of_attorney, power_of_attorney
from bpa_core.documents.model import Block, Paragraph, Section
from bpa_core.documents.text import Writer, one_line
from bpa_core.draft import Draft


def distinct(*parts: str) -> list[str]:
    """The non-empty parts, each once: "Rådgiver, rådgiver" says one thing twice."""
    out: list[str] = []
    for part in parts:
        if part and part.casefold() not in (x.casefold() for x in out):
            out.append(part)
    return out


def names_a_municipality(w: Writer, name: str) -> bool:
    """ "Trondheim kommune" says it already: the official Norwegian word, or the document
    language's own word (from its catalog, never a list per language here)."""
    word = w._("{name} municipality", name="").strip().casefold()
    return any(x and x in name.casefold() for x in (word, "kommune"))


def _names(text: str, name: str) -> bool:
    """``name`` as a whole word of ``text``: "Tjenestekontoret i Nes" names Nes,
    "Tjenestekontoret" does not (nor "Holmestrand" Hol)."""
    return re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", text.casefold()) is not None


def addressee(draft: Draft, w: Writer, office: str, *, unknown: str) -> str:
    """ "Tildelingskontoret, Trondheim kommune": the office, and the municipality unless the
    office already names it as a word (never "Trondheim kommune, Trondheim municipality", never
    "Bærum kommune kommune"). ``unknown``: the words when neither is known."""
    name = one_line(draft.person.municipality)
    if name and office and _names(office, name):
        return office
    if not name:
        return office or unknown
    municipality = name if names_a_municipality(w, name) else w._("{name} municipality", name=name)
    return ", ".join(x for x in (office, municipality) if x)


def signer(draft: Draft, w: Writer) -> str:
    """The name of whoever signs: the writer when someone writes for the person."""
    return one_line(draft.writer.name if draft.on_behalf else draft.person.name)


def who_signs(draft: Draft, w: Writer) -> tuple[Block, ...]:
    """Under the signature line: "Line Hansen, mor" and "on behalf of Kari Nordmann"; without a
    name, the relation alone (a line to print the name on comes with the signature)."""
    name = signer(draft, w)
    relation = one_line(draft.writer.relation) if draft.on_behalf else ""
    blocks: list[Block] = []
    parts = distinct(name, relation)
    if parts:
        blocks.append(Paragraph(", ".join(parts)))
    if draft.on_behalf:
        blocks.append(Paragraph(w._("on behalf of {person}", person=w.name)))
    return tuple(blocks)


def fullmakt(draft: Draft, w: Writer, is_child: bool, what: str) -> Section | None:
    """The power of attorney at the end of a letter someone writes for an adult (None when the
    person writes, a parent writes for a child, or a guardian shows the vergeattest). A name not
    given is a line to write it on ("gir ____ (navn) fullmakt"), never "søkeren"."""
    if not needs_power_of_attorney(draft, is_child):
        return None
    return power_of_attorney(
        w.gettext, one_line(draft.person.name), one_line(draft.writer.name), what
    )


__all__ = [
    "NAME_LINE",
    "addressee",
    "distinct",
    "fullmakt",
    "names_a_municipality",
    "signer",
    "who_signs",
]
