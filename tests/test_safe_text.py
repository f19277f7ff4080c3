"""Invisible characters in what the user typed never reach a document: neither the PDF nor the
on-screen preview (bpa_core/render/safe_text.py)."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bpa_core.documents.build import build_documents
from bpa_core.render.pdf import render_pdf
from bpa_core.render.safe_text import FORMAT_RANGES, plain_text
from tests.docs_support import persona
from tests.test_document_pages import html, page, texts
from tests.test_pdf import ASSESSED_ON, pdf_pages

# Right-to-left override, pop, isolates, marks, zero-width space/joiners, word joiner, BOM, tag.
HIDDEN = "\u202e\u202a\u202c\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
HIDDEN += "\u200b\u200c\u200d\u2060\ufeff"
SPOOF = f"Jeg trenger hjelp{HIDDEN} \u202e0001 rk\u202c hver{chr(0xE0041)} dag"
READ = "Jeg trenger hjelp 0001 rk hver dag"


def test_format_ranges_are_every_format_character() -> None:
    listed = {c for a, b in FORMAT_RANGES for c in range(a, b + 1)}
    every = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    assert listed == every


def test_bidi_controls_and_zero_width_characters_are_dropped() -> None:
    assert plain_text(SPOOF) == READ
    assert plain_text("😀 שלום Áŋŋá ŧ") == "😀 שלום Áŋŋá ŧ"  # letters and emoji stay
    assert plain_text("a\x00b\x1bc\x7fd\te\r\nf\u2028g") == "abcd    e\nf\ng"


@given(st.text())
def test_plain_text_leaves_nothing_invisible(text: str) -> None:
    out = plain_text(text)
    assert plain_text(out) == out
    assert not any(unicodedata.category(c) in ("Cf", "Cs") for c in out)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n" for c in out)


def test_the_pdf_prints_no_bidi_control_or_zero_width_character() -> None:
    draft = persona("kari")
    draft.need.description = SPOOF
    draft.person.name = "Kari\u200b Nord\u202emann"
    pdf = render_pdf(build_documents(draft, "application", "nb", on=ASSESSED_ON))
    text = "\n".join(pdf_pages(pdf))
    assert READ in text
    assert "Kari Nordmann" in text
    assert not set(HIDDEN) & set(text)


def test_the_preview_shows_no_bidi_control_or_zero_width_character() -> None:
    draft = persona("kari")
    draft.need.description = SPOOF
    draft.person.name = "Kari\u200b Nord\u202emann"
    at = page("application", draft)
    shown = texts(at) + html(at)
    assert "Kari Nordmann" in shown
    assert not set(HIDDEN) & set(shown)
