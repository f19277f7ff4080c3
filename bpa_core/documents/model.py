"""A neutral document model: what a document says, not how it looks.

Text in these blocks is plain text (never markup): a renderer escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (the section's own title is level 2 in the PDF)."""

    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footer: tuple[str, ...] | None = None  # e.g. the weekly total
    caption: str = ""
    numeric_columns: tuple[int, ...] = ()  # right-aligned columns


@dataclass(frozen=True)
class Checklist:
    items: tuple[str, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Labelled facts, one a line: "Name: Kari Nordmann"."""

    items: tuple[tuple[str, str], ...]


Block = Paragraph | Heading | Table | Checklist | BulletList | Fields


@dataclass(frozen=True)
class Section:
    """One section: a stable id (used for the user's edits), a title and its blocks."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    editable: bool = True

    def plain_text(self) -> str:
        """The blocks as plain text, without the title: where a user's edit of it starts.

        Non-breaking spaces (``text.keep_together``) are plain spaces here: they matter for
        line breaks in print, not in a text someone edits or copies."""
        return _plain("\n\n".join(t for t in map(_block_text, self.blocks) if t))


@dataclass(frozen=True)
class Document:
    kind: str  # "application", "checklist", "appeal", "access_request"
    lang: str  # document language: nb, nn or en
    title: str
    subject: str
    dated: date
    sections: tuple[Section, ...]
    # Lines above the title: sender and addressee, as in a letter.
    letterhead: tuple[str, ...] = field(default=())

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def plain_text(self) -> str:
        """The whole document as plain text: for tests, LIX and the preview's copy (non-breaking
        spaces as plain spaces, as in ``Section.plain_text``)."""
        out: list[str] = [*self.letterhead, self.title]
        for s in self.sections:
            out.append(s.title)
            out.extend(_block_text(b) for b in s.blocks)
        return _plain("\n\n".join(x for x in out if x))


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _block_text(block: Block) -> str:
    if isinstance(block, Paragraph | Heading):
        return block.text
    if isinstance(block, Table):
        lines = [" | ".join(block.header), *(" | ".join(r) for r in block.rows)]
        if block.footer:
            lines.append(" | ".join(block.footer))
        return "\n".join(lines)
    if isinstance(block, Fields):
        return "\n".join(f"{label}: {value}" for label, value in block.items)
    prefix = "☐ " if isinstance(block, Checklist) else "• "
    return "\n".join(prefix + item for item in block.items)
