"""Shared helpers for the document and PDF tests: personas, the shared folder, PDF text."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

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
