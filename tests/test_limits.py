"""No single draft can stall the server: limits a person never meets, the same when typing, when
loading a file, on the command line and in the renderer; a printed size measured as ReportLab lays
the text out (an upper bound, checked against ReportLab itself); and a renderer whose cost grows
linearly (pieces of one fragment that fit on a page). Speed itself is in bench/pdf.py."""

from __future__ import annotations

import io
import json
import math
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.pdf import FREE_TEXTS, WORST_LINES, full_line, worst_accepted
from bpa_core import glyph_widths, limits
from bpa_core.__main__ import main
from bpa_core.documents.build import build_documents
from bpa_core.documents.model import Document, Paragraph, Section
from bpa_core.draft import (
    MAX_ACTIVITY,
    MAX_ROWS,
    ActivityRow,
    Category,
    DayPart,
    Draft,
    DraftFileError,
    Per,
    load_draft,
)
from bpa_core.render.pdf import (
    CHUNK_LINES,
    FONT,
    TEXT_WIDTH,
    DocumentTooLongError,
    _block,
    _pieces,
    _text,
    most_pages,
    printed_lines,
    register_fonts,
    render_pdf,
)
from bpa_core.render.safe_text import plain_text as clean_text
from tests.support import persona_draft

ON = date(2026, 11, 22)
# The free texts of the issue's attack: nine answers of 49 000 short lines (the same nine the
# benchmark's worst drafts fill).
NINE = FREE_TEXTS


def draft_file(lines_per_field: int, fields: int, line: str = "a") -> str:
    data = json.loads(persona_draft("kari").to_json())
    for path in NINE[:fields]:
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = (line + "\n") * lines_per_field
    return json.dumps(data)


@pytest.mark.parametrize(("lines", "fields"), [(49_000, 9), (50_000, 1)])
def test_the_issues_drafts_are_refused_naming_the_field(lines: int, fields: int) -> None:
    raw = draft_file(lines, fields)  # every field within its 100 000 characters
    with pytest.raises(DraftFileError) as refused:
        load_draft(raw)
    assert refused.value.message_id == "too_many_lines"
    assert refused.value.field in {".".join(p) for p in NINE[:fields]}
    assert "a\n" not in str(refused.value)  # the message never carries the text


def test_many_long_answers_together_are_refused_by_the_budget() -> None:
    raw = draft_file(limits.MAX_LINES - 1, 9)  # each within its own limit
    with pytest.raises(DraftFileError) as refused:
        load_draft(raw)
    assert refused.value.message_id == "draft_too_long"
    assert refused.value.field in {".".join(p) for p in NINE}


def test_the_command_line_refuses_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.json"
    path.write_text(draft_file(50_000, 1), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "too_many_lines" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_typing_obeys_the_same_line_limit() -> None:
    draft = Draft()
    draft.manages_alone = "a\n" * (limits.MAX_LINES - 1)
    with pytest.raises(ValueError, match="too_many_lines"):
        draft.manages_alone = "a\n" * limits.MAX_LINES
    assert draft.manages_alone.count("\n") == limits.MAX_LINES - 1  # nothing lost


def test_the_largest_accepted_draft_stays_within_the_documents_limit() -> None:
    """Every free text full, the budget nearly spent: the documents stay under the renderer's
    limit, so a draft the app accepts always renders (in linear time, see bench/pdf.py)."""
    draft = persona_draft("kari")
    draft.rows = [
        ActivityRow(
            category=Category.MEALS, activity="m" * MAX_ACTIVITY, minutes=1, times=1, per=Per.WEEK
        )
    ] * MAX_ROWS
    while sum(size for size, _path in limits.sizes(draft)) > limits.MAX_PRINTED_LINES // 2:
        draft.rows.pop()
    used = sum(size for size, _path in limits.sizes(draft))
    per_field = (limits.MAX_PRINTED_LINES - used) // len(NINE)
    for path in NINE:
        target = draft
        for part in path[:-1]:
            target = getattr(target, part)
        line = full_line("xxxx ")  # a full printed line of words
        setattr(target, path[-1], "\n".join([line] * (per_field - 1)))
    assert limits.over_budget(draft) is None
    draft = load_draft(draft.to_json())  # the file is accepted as well
    for doc in build_documents(draft, "all", "nb", on=ON):
        assert printed_lines(doc) <= limits.MAX_DOCUMENT_LINES


@pytest.mark.parametrize("kind", list(WORST_LINES))
def test_the_worst_accepted_drafts_stay_within_the_documents_limit(kind: str) -> None:
    """The largest drafts the app accepts, of every alphabet (the nine free texts full of its
    lines, the rows full of its letters): accepted, and their documents within the renderer's
    limit, so they render (bench/pdf.py times them)."""
    line = WORST_LINES[kind]
    for row in (None, line[:10] + " "):
        draft = worst_accepted(line, row)
        for doc in build_documents(draft, "all", "nb", on=ON):
            assert printed_lines(doc) <= limits.MAX_DOCUMENT_LINES


def pdf_pages(doc: Document) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(render_pdf(doc))).pages)


@pytest.mark.parametrize("kind", ["& & &", "i i i", "long words of W"])
def test_the_estimate_bounds_the_pages_of_the_worst_drafts(kind: str) -> None:
    """The document model's printed size (``most_pages``) is never fewer pages than the PDF
    has, for the worst drafts (rendered: about a second each)."""
    line = WORST_LINES[kind]
    draft = worst_accepted(line, line[:10] + " ")
    for doc in build_documents(draft, "all", "nb", on=ON):
        assert pdf_pages(doc) <= most_pages(doc)


def test_a_rows_name_counts_each_time_it_prints() -> None:
    """An activity's name prints in the week table's narrow column and again in the day's rhythm
    for each part of the day: 200 rows of long names in every part of the day and the night
    printed some 120 pages (and took 23 s) while the budget counted 600 lines."""
    draft = persona_draft("kari")
    draft.rows = [
        ActivityRow(
            category=Category.MEALS,
            activity=(f"{i} " + "& " * MAX_ACTIVITY)[:MAX_ACTIVITY],
            minutes=1,
            times=1,
            per=Per.WEEK,
            night=True,
            day_parts=list(DayPart),
        )
        for i in range(MAX_ROWS)
    ]
    with pytest.raises(DraftFileError) as refused:
        load_draft(draft.to_json())
    assert refused.value.message_id == "draft_too_long"
    assert refused.value.field.startswith("rows.") and refused.value.field.endswith(".activity")
    while limits.over_budget(draft):
        draft.rows.pop()
    for doc in build_documents(load_draft(draft.to_json()), "all", "nb", on=ON):
        assert printed_lines(doc) <= limits.MAX_DOCUMENT_LINES


def test_the_renderer_refuses_a_document_past_its_limit_before_any_work() -> None:
    big = Paragraph("\n".join(["x"] * (limits.MAX_DOCUMENT_LINES + 1)))
    doc = Document("application", "nb", "T", "S", ON, (Section("s", "S", (big,)),))
    with pytest.raises(DocumentTooLongError) as refused:
        render_pdf(doc)
    assert "x" not in str(refused.value)


ALPHABETS = ["ab ", "& ", "< >", "\u2039 ", "W ", "i ", "ŋŧáčđšž ", "😀 ", "\u0301 ", "x", "\xa0a"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(ALPHABETS).flatmap(lambda a: st.text(alphabet=a, max_size=400)),
            st.text(alphabet="a", min_size=2_500, max_size=7_500),  # one long word
            st.text(alphabet="W. ", min_size=2_500, max_size=7_500),
            st.just(""),
        ),
        max_size=300,
    )
)
def test_every_piece_of_a_paragraph_fits_on_a_page(lines: list[str]) -> None:
    """The cost of a paragraph is linear only if no piece spills over a page (ReportLab wraps a
    spilling paragraph again on every page): each piece one line of the text, within CHUNK_LINES
    printed lines, and nothing lost."""
    text = "\n".join(lines)
    pieces = _pieces(text)
    assert all("\n" not in p and limits.printed_lines(p) <= CHUNK_LINES for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace("\n", "").replace(" ", "")


def reportlab_lines(text: str, style: str = "body", width: float = TEXT_WIDTH) -> int:
    """How many lines ReportLab itself breaks ``text`` (one line) into."""
    flowable = _text(text, style)  # the whole line as one paragraph
    flowable.wrap(width, 10**6)
    return len(flowable.blPara.lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(ALPHABETS).flatmap(lambda a: st.text(alphabet=a, max_size=60)),
            st.sampled_from(["&", "W", "i", "😀", "ŋ", "\u2031", "\u0301", "漢", "\ufb17"]),
            st.text(min_size=1, max_size=12),
        ),
        min_size=1,
        max_size=120,
    ).map(" ".join)
)
@example(("& " * 45)[:89])  # the old size counted 1 line of 90 characters; it prints 2
@example("\u2031" * 89)
def test_the_printed_size_is_never_less_than_reportlab_prints(line: str) -> None:
    """``limits.printed_lines`` is an upper bound: ReportLab never breaks a line into more lines
    (it failed when the size counted characters: "& & …" of 89 characters printed on two lines,
    "‱‱‱…" on four)."""
    line = clean_text(line).replace("\n", " ")
    if not line.strip():
        return
    assert reportlab_lines(line) <= limits.printed_lines(line)


@pytest.mark.parametrize(
    "line",
    [
        full_line("& "),
        full_line("W "),
        "Kari trenger hjelp til å stå opp, dusje og kle på seg hver morgen. " * 20,
        "Áŋŋá Máret Gáup dárbbaša veahki juohke iđit ja eahkes. " * 20,
        "https://example.no/" + "a" * 3000,
    ],
    ids=["amp", "W", "nb", "se", "link"],
)
def test_the_printed_size_of_real_text_is_close_to_what_prints(line: str) -> None:
    """An upper bound, and a close one: a real person's text is not counted much longer than it
    prints (the limits stay ones a person never meets)."""
    real = reportlab_lines(line)
    assert real <= limits.printed_lines(line) <= real * 1.1 + 1


def test_the_width_table_is_the_fonts() -> None:
    """bpa_core/glyph_widths.py holds DejaVu Sans' widths rounded up to a twentieth of an em, and
    no glyph outside its ranges is wider than WIDEST."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def twentieths(code: int) -> int:
        width = face.getCharWidth(code) if code in face.charToGlyph else face.defaultWidth
        return math.ceil(width / 50 - 1e-9)

    in_table = set()
    for first, widths in glyph_widths.RANGES:
        expected = "".join(digits[twentieths(first + i)] for i in range(len(widths)))
        assert widths == expected, f"range {first:#x}"
        in_table.update(range(first, first + len(widths)))
    assert all(twentieths(c) <= limits.WIDEST for c in face.charToGlyph)
    assert twentieths(ord(" ")) == limits.SPACE
    assert limits.LINE_WIDTH <= TEXT_WIDTH
    assert limits.char_width("\u0301") == limits.NARROWEST  # prints nothing, costs something
    assert limits.char_width("\U0001f600") == limits.WIDEST  # outside the table


def test_a_paragraph_is_laid_out_as_one_fragment_per_line_whatever_it_holds() -> None:
    """ReportLab lays out a paragraph of several fragments (``<br/>``, ``&amp;``) word by word at
    several times the cost of one fragment; the user's text never reaches its markup parser."""
    text = "\n".join([full_line("& "), "<b>x</b> &amp; <br/>", "", full_line("< ")] * 50)
    flowables = _block(Paragraph(text))
    paragraphs = [f for f in flowables if hasattr(f, "frags")]
    assert len(paragraphs) == 150  # the blank lines are spacers
    assert all(len(p.frags) == 1 for p in paragraphs)
    assert paragraphs[1].frags[0].text == "<b>x</b> &amp; <br/>"  # printed as typed


def test_typing_past_the_budget_is_refused_with_a_message_and_nothing_is_lost() -> None:
    from tests.app.driver import draft as draft_of
    from tests.app.driver import new_app
    from tests.app.driver import text as type_text

    at = new_app("nb")
    kari = persona_draft("kari")
    line = full_line("ord ")  # one printed line
    spent = limits.MAX_PRINTED_LINES - 300  # the budget nearly spent, each text within its own
    kari.goals.goals = "\n".join([line] * (spent // 3))
    kari.goals.not_done_today = "\n".join([line] * (spent // 3))
    kari.goals.why_today_not_enough = "\n".join([line] * (spent // 3 - 40))
    assert limits.over_budget(kari) is None
    at.session_state["draft"] = kari
    at.switch_page("pages/goals.py").run()
    more = "\n".join([line] * 999)
    type_text(at, "goals.services_bpa_replaces", more)
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("for lange" in e and "sider" in e for e in errors), errors
    assert draft_of(at).goals.services_bpa_replaces == ""  # the Draft keeps what it had
    field = next(w for w in at.text_area if w.key == "w:goals.services_bpa_replaces")
    assert field.value == more  # the field keeps what was typed
    type_text(at, "goals.services_bpa_replaces", "Hjemmehjelp")
    at.run()
    assert draft_of(at).goals.services_bpa_replaces == "Hjemmehjelp"
    assert not [e for e in at.error if "for lange" in str(e.value)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "Det lengste er svaret på «{field}». Dette verktøyet kan ikke åpne filen."),
        ("nn", "Det lengste er svaret på «{field}». Dette verktøyet kan ikkje opne fila."),
        ("en", "The longest is the answer to “{field}”. This tool cannot open the file."),
    ],
)
def test_a_file_too_long_altogether_is_refused_naming_its_longest_answer(
    lang: str, said: str
) -> None:
    from bpa_ui.answers import field_label
    from bpa_ui.i18n import _LANGUAGE_OVERRIDE
    from tests.app.driver import new_app

    data = json.loads(draft_file(300, 9, full_line("ord ")))
    data["goals"]["goals"] = "\n".join([full_line("ord ")] * (limits.MAX_LINES - 1))
    with pytest.raises(DraftFileError) as refused:
        load_draft(json.dumps(data))
    assert refused.value.field == "goals.goals"  # the one that takes most of the room
    token = _LANGUAGE_OVERRIDE.set(lang)
    try:
        label = field_label("goals.goals")
    finally:
        _LANGUAGE_OVERRIDE.reset(token)
    assert label
    at = new_app(lang)
    at.file_uploader(key="draft_upload").set_value(
        ("d.json", json.dumps(data).encode(), "application/json")
    )
    at.run()
    errors = [str(e.value) for e in at.error]
    assert any(said.format(field=label) in e for e in errors), errors
