"""Any text in any free-text field: building the documents and the PDF never raises, and the text
survives into the PDF (control characters aside; characters DejaVu Sans has no glyph for print as
a box and are not compared)."""

from __future__ import annotations

import io
import json
import os
import unicodedata
from collections import Counter
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bpa_core import limits
from bpa_core.documents.application import NOT_EDITABLE, SECTION_IDS
from bpa_core.documents.build import build_documents
from bpa_core.draft import (
    MAX_ACTIVITY,
    MAX_ROWS,
    MAX_TEXT,
    ArbeidslederKind,
    DayPart,
    Draft,
    DraftFileError,
    FilledInBy,
    load_draft,
)
from bpa_core.render.pdf import (
    FONT,
    clean_text,
    most_pages,
    printed_lines,
    register_fonts,
    render_pdf,
)
from tests.docs_support import ASSESSED_ON, pdf_body_text, persona, squash

# (path in the draft, longest text the Draft accepts). Row 0's activity is a table cell.
FIELDS: tuple[tuple[tuple[str | int, ...], int], ...] = (
    (("person", "name"), 500),
    (("person", "municipality"), 500),
    (("person", "address"), 500),
    (("person", "phone"), 500),
    (("person", "email"), 500),
    (("person", "national_id"), 500),
    (("writer", "name"), 500),
    (("writer", "relation"), 500),
    (("writer", "organisation"), 500),
    (("writer", "phone"), 500),
    (("writer", "email"), 500),
    (("need", "description"), MAX_TEXT),
    (("need", "since"), 500),
    (("rows", 0, "activity"), MAX_ACTIVITY),
    (("variations",), MAX_TEXT),
    (("manages_alone",), MAX_TEXT),
    (("needs_help_with",), MAX_TEXT),
    (("life", "education"), MAX_TEXT),
    (("life", "work"), MAX_TEXT),
    (("life", "civil_status"), 500),
    (("life", "children"), MAX_TEXT),
    (("life", "living_situation"), MAX_TEXT),
    (("life", "family_changes"), MAX_TEXT),
    (("goals", "goals"), MAX_TEXT),
    (("goals", "not_done_today"), MAX_TEXT),
    (("goals", "why_today_not_enough"), MAX_TEXT),
    (("goals", "current_services"), MAX_TEXT),
    (("goals", "services_bpa_replaces"), MAX_TEXT),
    (("arbeidsleder", "name"), 500),
    (("application", "service_office"), 500),
    (("application", "counsellor_note"), MAX_TEXT),
    (("application", "section_edits", "about"), MAX_TEXT),
)
LONG_FIELDS = [path for path, limit in FIELDS if limit == MAX_TEXT]

TOKENS = [
    "<para>",
    "</para>",
    "<para",
    "<b>",
    "<br/>",
    "<font name='Helvetica'>",
    "&",
    "&amp;",
    "&#0;",
    "<![CDATA[",
    "]]>",
    "{name}",
    "{}",
    "%s",
    "\\",
    '"',
    "'",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeff",
    "\u200f",
    "\u202e",
    "😀",
    "👩🏽‍🦽",
    "שלום",
    "مرحبا",
    "Áŋŋá Máret",
    "čđŋšŧž",
    "ÆØÅ æøå",
    "\u00a0",
    "§ 2-1 d",
    "ord",
    " ",
    "x" * 80,
]
text_strategy = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(TOKENS), max_size=30).map("".join),
)


@cache
def covered() -> frozenset[int]:
    """Code points DejaVu Sans has a glyph for."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def with_text(path: tuple[str | int, ...], text: str) -> Draft:
    """A persona with ``text`` in one field, and the answers that make that field show."""
    data: dict[str, Any] = persona("kari").model_dump(mode="json")
    data["filled_in_by"] = FilledInBy.RELATIVE.value  # the writer's fields show
    data["arbeidsleder"]["kind"] = ArbeidslederKind.CO_LEADER.value  # the leader's name shows
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = text
    return Draft.model_validate(data)


def expected_chars(text: str) -> str:
    """What should print: covered characters, without soft hyphens (a line-break hint only)."""
    font = covered()
    return "".join(c for c in clean_text(text) if ord(c) in font and c != "\xad")


# Zero-width characters (combining marks) are compared by count, not position: text extraction
# places a zero-width glyph before or after its neighbour at will.
_ZERO_WIDTH = ("Mn", "Me")


def visible(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) not in _ZERO_WIDTH)


def order_is_comparable(text: str) -> bool:
    """pypdf reorders right-to-left runs, and runs around format characters (U+FEFF)."""
    return not any(
        unicodedata.category(c) == "Cf" or unicodedata.bidirectional(c) in ("R", "AL", "AN")
        for c in text
    )


def assert_survives(text: str, pdf: bytes, title: str) -> None:
    want = squash(expected_chars(text))
    got = squash(pdf_body_text(pdf, title)).replace("\x00", "")  # \x00: glyphless characters
    missing = Counter(want) - Counter(got)
    assert not missing, f"lost characters: {sorted(missing)[:10]}"
    if order_is_comparable(want):
        assert visible(want) in visible(got)


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "30")),  # modest: the suite stays fast
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(field=st.sampled_from(FIELDS), text=text_strategy)
def test_any_text_in_any_field_builds_and_survives(
    field: tuple[tuple[str | int, ...], int], text: str
) -> None:
    path, limit = field
    text = text[:limit]
    docs = build_documents(with_text(path, text), "all", "nb", on=ASSESSED_ON)
    pdf = render_pdf(docs)
    assert_survives(text, pdf, docs[0].title)


STRESS = ("Áŋŋá <para> & 😀 שלום " * 400 + "Ordsomaldrisluttertilsistogsåletterdetaldrimer" * 2000)[
    :50_000
]


@pytest.mark.parametrize("path", LONG_FIELDS, ids=lambda p: ".".join(map(str, p)))
def test_50000_characters_in_the_document(path: tuple[str | int, ...]) -> None:
    (doc,) = build_documents(with_text(path, STRESS), "application", "nb", on=ASSESSED_ON)
    assert squash(clean_text(STRESS)) in squash(doc.plain_text())


# The PDF of a 50 000-character text takes about a second: a sample of the fields.
@pytest.mark.parametrize("path", LONG_FIELDS[::4], ids=lambda p: ".".join(map(str, p)))
def test_50000_characters_in_the_pdf(path: tuple[str | int, ...]) -> None:
    docs = build_documents(with_text(path, STRESS), "application", "nb", on=ASSESSED_ON)
    assert_survives(STRESS, render_pdf(docs), docs[0].title)


def test_every_field_at_once() -> None:
    nasty = "<para>&amp; \x00\x1b 😀 שלום Áŋŋá\n\n" + "y" * 300
    data: dict[str, Any] = persona("aanga").model_dump(mode="json")
    for path, limit in FIELDS:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = nasty[:limit]
    data["arbeidsleder"]["kind"] = ArbeidslederKind.GUARDIAN.value
    draft = Draft.model_validate(data)
    for lang in ("nb", "nn", "en"):
        docs = build_documents(draft, "all", lang, on=ASSESSED_ON)
        assert_survives(nasty, render_pdf(docs), docs[0].title)


@settings(max_examples=200, deadline=None)
@given(
    since=st.one_of(
        st.from_regex(r"\A[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?\Z"),
        st.from_regex(r"\A\s*\d{4}-\d{2}\s*\Z"),
        st.text(max_size=40),
    ),
    lang=st.sampled_from(["nb", "nn", "en"]),
)
def test_when_the_need_started_never_breaks_the_application(since: str, lang: str) -> None:
    """Year, month or day in any shape ("0000-05", "2026-02-30", other digits): a sentence."""
    from bpa_core.documents.application import build_application
    from bpa_core.documents.text import one_line
    from bpa_core.rules import assess

    draft = persona("jonas")
    draft.need.since = since
    about = build_application(
        draft, assess(draft, on=ASSESSED_ON), lang, dated=ASSESSED_ON
    ).section("about")
    text = about.plain_text()
    if one_line(since):  # control characters alone are nothing to say
        assert any(
            phrase in text
            for phrase in ("startet", "starta", "started")  # nb, nn, en
        )


# --- fuzz by size: drafts near every limit, of every alphabet (bpa_core/limits.py) ---

SIZE_UNITS = ["ord ", "a", "& ", "< > ", "\u2039 ", "W ", "i ", "ŋŧáčđšž ", "😀 ", "\u0301 "]
SIZE_UNITS += ["x", "W"]  # unbroken words
EDITABLE_SECTIONS = [s for s in SECTION_IDS if s not in NOT_EDITABLE]


@st.composite
def sized_drafts(draw: st.DrawFn, most_lines: int = limits.MAX_LINES + 5) -> dict[str, Any]:
    """A draft file near the limits: up to 200 rows named in one alphabet, in any parts of the
    day, then free texts and edits of the application's real sections, all of lines of that
    alphabet (short, full, longer than a line, unbroken), together filling from nothing to a
    little past the whole-draft budget."""
    unit = draw(st.sampled_from(SIZE_UNITS))
    line = unit * draw(st.integers(min_value=1, max_value=400))
    data: dict[str, Any] = persona("kari").model_dump(mode="json")
    name = (unit * MAX_ACTIVITY)[: draw(st.integers(min_value=1, max_value=MAX_ACTIVITY))]
    row = {"category": "meals", "activity": name, "minutes": 1, "times": 1, "per": "week"}
    row["day_parts"] = draw(st.lists(st.sampled_from(list(DayPart)), unique=True))
    row["night"] = draw(st.booleans())
    data["rows"] = [row] * draw(st.integers(min_value=0, max_value=MAX_ROWS))
    fields = draw(st.lists(st.sampled_from(LONG_FIELDS), unique=True, min_size=1, max_size=9))
    edits = draw(st.lists(st.sampled_from(EDITABLE_SECTIONS), unique=True))
    share = draw(st.floats(min_value=0, max_value=1.2))
    each = share * limits.MAX_PRINTED_LINES / (len(fields) + len(edits))
    text = "\n".join([line] * min(most_lines, int(each / limits.printed_lines(line))))
    for path in fields:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = text
    data["application"]["section_edits"] = dict.fromkeys(edits, text)
    return data


def accepted(data: dict[str, Any]) -> Draft | None:
    try:
        draft = load_draft(json.dumps(data))
    except DraftFileError as refused:
        assert refused.message_id in ("too_many_lines", "draft_too_long", "too_long")
        event(f"refused: {refused.message_id}")
        return None
    used = sum(size for size, _path in limits.sizes(draft))
    event(f"accepted, {10 * used // limits.MAX_PRINTED_LINES * 10} % of the budget")
    return draft


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=sized_drafts())
def test_fuzz_by_size_every_accepted_draft_stays_within_the_caps(data: dict[str, Any]) -> None:
    """Either refused with a message id, or within the whole-draft budget and every document
    within the renderer's limit (which the estimate of each document bounds)."""
    draft = accepted(data)
    if draft is None:
        return
    assert sum(size for size, _path in limits.sizes(draft)) <= limits.MAX_PRINTED_LINES
    for doc in build_documents(draft, "all", "nb", on=ASSESSED_ON):
        assert printed_lines(doc) <= limits.MAX_DOCUMENT_LINES


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=sized_drafts(most_lines=300))
def test_fuzz_by_size_the_pdf_has_no_more_pages_than_estimated(data: dict[str, Any]) -> None:
    """Real output for a few of them: each document's PDF has no more pages than its estimate,
    and the text of every field survives."""
    from pypdf import PdfReader

    draft = accepted(data)
    if draft is None:
        return
    for doc in build_documents(draft, "all", "nb", on=ASSESSED_ON):
        pdf = render_pdf(doc)
        assert len(PdfReader(io.BytesIO(pdf)).pages) <= most_pages(doc)
        if doc.kind == "application" and draft.rows:
            assert_survives(draft.rows[0].activity, pdf, doc.title)
