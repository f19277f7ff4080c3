"""File names for downloads: what the file is and the date, never who it is about."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bpa_core.documents.model import Document

# Plain ASCII stems per document kind and language (safe on every file system).
_STEMS: dict[str, dict[str, str]] = {
    "application": {"nb": "bpa-soknad", "nn": "bpa-soknad", "en": "bpa-application"},
    "checklist": {"nb": "bpa-legeerklaering", "nn": "bpa-legeerklaering", "en": "bpa-doctor"},
    "appeal": {"nb": "bpa-klage", "nn": "bpa-klage", "en": "bpa-appeal"},
    "access_request": {"nb": "bpa-innsyn", "nn": "bpa-innsyn", "en": "bpa-access-request"},
}
_BUNDLE = {"nb": "bpa-dokumenter", "nn": "bpa-dokument", "en": "bpa-documents"}


def pdf_file_name(documents: Document | Sequence[Document], on: date | None = None) -> str:
    """'bpa-soknad-2026-11-22.pdf'; several documents: 'bpa-dokumenter-2026-11-22.pdf'."""
    docs = [documents] if isinstance(documents, Document) else list(documents)
    lang = docs[0].lang if docs else "nb"
    day = (on or (docs[0].dated if docs else date.today())).isoformat()
    if len(docs) == 1:
        stem = _STEMS.get(docs[0].kind, {}).get(lang, "bpa-" + _ascii(docs[0].kind))
    else:
        stem = _BUNDLE.get(lang, _BUNDLE["nb"])
    return f"{stem}-{day}.pdf"


def _ascii(text: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-" for c in text.lower())
