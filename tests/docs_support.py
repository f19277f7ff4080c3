"""Shared helpers for the document and PDF tests: personas, the shared folder, PDF text."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from bpa_core.documents.model import (
    Block,
    BulletList,
    Checklist,
    Document,
    Fields,
    Heading,
    Paragraph,
)
from tests.support import PERSONA_NAMES as PERSONAS
from tests.support import ROOT as REPO
from tests.support import SHARED
from tests.support import load_lix as lix_module
from tests.support import persona_draft as persona
from tests.support import persona_expected as expected

__all__ = ["PERSONAS", "REPO", "SHARED", "expected", "lix_module", "persona"]

ASSESSED_ON = date(2026, 11, 22)


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_body_text(pdf: bytes, footer_left: str) -> str:
    """The pages' text without their footers (drawn last on each page, after the body)."""
    out = []
    for text in pdf_pages(pdf):
        cut = text.rfind(footer_left)
        out.append(text[:cut] if cut >= 0 else text)
    return "\n".join(out)


_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping and NBSP do not matter for a comparison."""
    return _SPACE.sub("", text)


def plain(text: str) -> str:
    """Non-breaking spaces as plain spaces (``bpa_core.documents.text.keep_together``)."""
    return text.replace("\xa0", " ")


def plain_document(doc: Document) -> Document:
    """The document with its non-breaking spaces as plain spaces, for comparing texts; the
    non-breaking spaces themselves are tested apart (test_pdf.py)."""

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph | Heading):
            return replace(b, text=plain(b.text))
        if isinstance(b, BulletList | Checklist):
            return replace(b, items=tuple(map(plain, b.items)))
        if isinstance(b, Fields):
            return replace(b, items=tuple((plain(k), plain(v)) for k, v in b.items))
        return replace(
            b,
            header=tuple(map(plain, b.header)),
            rows=tuple(tuple(map(plain, r)) for r in b.rows),
            footer=tuple(map(plain, b.footer)) if b.footer is not None else None,
            caption=plain(b.caption),
        )

    sections = tuple(
        replace(s, title=plain(s.title), blocks=tuple(map(block, s.blocks))) for s in doc.sections
    )
    return replace(
        doc,
        title=plain(doc.title),
        subject=plain(doc.subject),
        letterhead=tuple(map(plain, doc.letterhead)),
        sections=sections,
    )
