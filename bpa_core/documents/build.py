"""Which documents to build for a download: the application, the checklist, or both."""

from __future__ import annotations

from datetime import date

from bpa_core.documents.application import build_application
from bpa_core.documents.checklist import build_checklist
from bpa_core.documents.model import Document
from bpa_core.draft import Draft
from bpa_core.rules import assess


def build_documents(draft: Draft, choice: str, lang: str, *, on: date) -> list[Document]:
    """The chosen documents in ``lang``, assessed and dated ``on`` (the caller's today)."""
    assessment = assess(draft, on=on)
    docs: list[Document] = []
    if choice in ("application", "all"):
        docs.append(build_application(draft, assessment, lang, dated=on))
    if choice in ("checklist", "all"):
        docs.append(build_checklist(draft, assessment, lang, dated=on))
    if not docs:
        raise ValueError(f"unknown document choice: {choice!r}")
    return docs
