"""File names for downloads: what the file is and the date, never who it is about."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bpa_core.documents.model import Document
from bpa_core.i18n import N_, gettext_for

# The file name's stem per document kind, translated with the documents (a new language is its
# catalog, nothing here). Plain ASCII whatever the translation says: safe on every file system.
_STEMS: dict[str, str] = {
    # TRANSLATORS: a file name: lower case a-z, digits and hyphens only.
    "application": N_("bpa-application"),
    # TRANSLATORS: a file name: lower case a-z, digits and hyphens only.
    "checklist": N_("bpa-doctor"),
    # TRANSLATORS: a file name: lower case a-z, digits and hyphens only.
    "appeal": N_("bpa-appeal"),
    # TRANSLATORS: a file name: lower case a-z, digits and hyphens only.
    "access_request": N_("bpa-access-request"),
}
# TRANSLATORS: a file name of several documents: lower case a-z, digits and hyphens only.
_BUNDLE = N_("bpa-documents")


def pdf_file_name(documents: Document | Sequence[Document], on: date | None = None) -> str:
    """'bpa-soknad-2026-11-22.pdf'; several documents: 'bpa-dokumenter-2026-11-22.pdf'.
    The day is ``on``, else the documents' own date (never the server's clock)."""
    docs = [documents] if isinstance(documents, Document) else list(documents)
    if not docs:
        raise ValueError("no documents to name")
    lang = docs[0].lang
    _ = gettext_for(lang, "documents")
    day = (on or docs[0].dated).isoformat()
    if len(docs) == 1:
        kind = docs[0].kind
        stem = _(_STEMS[kind]) if kind in _STEMS else "bpa-" + kind
    else:
        stem = _(_BUNDLE)
    return f"{_ascii(stem)}-{day}.pdf"


def _ascii(text: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-" for c in text.lower())
