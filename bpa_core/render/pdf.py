"""Render Documents to PDF with ReportLab.

- One font family, DejaVu Sans (regular and bold), embedded; it covers Norwegian and Sámi letters
  (á č đ ŋ š ŧ ž) and NBSP. It is the canvas's initial font and the font of every style, bullet,
  table cell and footer, so no built-in (non-embedded) font such as Helvetica is ever referenced.
- User text is plain text (``render.safe_text.plain_text``): control characters (except newline
  and tab), lone surrogates and invisible format characters (bidi controls, zero-width
  characters) are dropped, the rest is XML-escaped before it reaches ReportLab's paragraph markup.
- Metadata: title, subject, language and DisplayDocTitle; never the person's name or other answers.
- "Page X of Y" in each document's language, counted per document when several share one file.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _Container, _ContainerSpace, _listWrapOn

from bpa_core import languages, limits
from bpa_core.documents import model
from bpa_core.documents.text import long_date
from bpa_core.i18n import gettext_for
from bpa_core.render.safe_text import plain_text

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_DIR = Path(__file__).resolve().parent / "fonts"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 22 * mm
BOTTOM_MARGIN = 24 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
HEADER_FILL = colors.HexColor("#eeeeee")
SHORT_SECTION = 600  # characters
CELL_PADDING = 3  # points above and below a table cell's text
CELL_SIDE_PADDING = 6  # points left and right of it (ReportLab's default)
FIELD_LINES = 3  # lines of a field's value beside its bold label, at most (see _field)
CHUNK_LINES = 30  # printed lines of one paragraph flowable, at most (a page holds about 50)
KEPT_ROWS = 3  # a table's last rows (the total and two before it) that go over with its tail

# User text as it should print: nothing invisible, tabs as spaces, one kind of newline.
clean_text = plain_text


def markup(text: str) -> str:
    """Plain text -> ReportLab paragraph markup that prints it literally (newlines kept).

    Non-breaking spaces are kept: the documents put them where a line must not break ("pbrl.
    § 2-1 d", "67 år", dates; ``documents.text.keep_together``), never in the user's text."""
    return escape(clean_text(text)).replace("\n", "<br/>")


def _metadata(text: str) -> str:
    """A title for the PDF's metadata and outline: plain spaces."""
    return clean_text(text).replace("\u00a0", " ")


# One line of a ToUnicode CMap whose target lies outside the Basic Multilingual Plane.
_NON_BMP_TARGET = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16_target(match: re.Match[str]) -> str:
    utf16 = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"{match.group(1)}<{utf16}>"


def _fix_to_unicode_cmaps() -> None:
    """ReportLab writes a non-BMP character (an emoji) as <1F600> in the font's ToUnicode
    map; PDF wants UTF-16 (<D83DDE00>). Without this, copying or extracting such a character
    from the PDF gives garbage. Wraps ReportLab's function once."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "bpa_fixed", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        return _NON_BMP_TARGET.sub(_utf16_target, original(fontname, subset))

    make_to_unicode_cmap.bpa_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


@cache
def register_fonts() -> None:
    """Register DejaVu Sans once per process (static data, no user data)."""
    _fix_to_unicode_cmaps()
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    # Italic maps to the upright faces: the family never falls back to a built-in font.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10.5,
        leading=14,
        spaceAfter=4,
        bulletFontName=FONT,
        splitLongWords=1,
        allowWidows=0,  # never a paragraph's last line alone at the top of a page
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0)
    cell_bold = ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD)
    return {
        "body": base,
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=9, leading=12, textColor=GREY, keepWithNext=1
        ),
        "intro": ParagraphStyle("intro", parent=base, keepWithNext=1),
        "joined": ParagraphStyle("joined", parent=base, spaceAfter=0),  # a piece of a paragraph
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=10
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            spaceBefore=9,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=4,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "item": ParagraphStyle(
            "item", parent=base, leftIndent=16, bulletIndent=2, spaceAfter=3, bulletFontSize=10.5
        ),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_bold": cell_bold,
        "cell_bold_right": ParagraphStyle("cell_bold_right", parent=cell_bold, alignment=TA_RIGHT),
    }


class _DocumentStart(Flowable):  # type: ignore[misc]
    """Invisible marker: the pages from here on belong to document ``index`` (page numbers)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bpa_document = self.index


class _Bookmark(Paragraph):  # type: ignore[misc]
    """A heading that also becomes an entry in the PDF outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(text, style)
        self.outline = (level, key)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end so each footer can say 'Page X of Y' of its document."""

    def __init__(self, *args: Any, footers: Sequence[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footers = footers  # per document: (left text, "Page {page} of {pages}" template)
        self._saved: list[dict[str, Any]] = []
        self.bpa_document = 0

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state["bpa_document"] for state in self._saved)
        seen: Counter[int] = Counter()
        for state in self._saved:
            self.__dict__.update(state)
            index = state["bpa_document"]
            seen[index] += 1
            self._footer(index, seen[index], totals[index])
            super().showPage()
        super().save()

    def _footer(self, index: int, page: int, pages: int) -> None:
        left, template = self._footers[index]
        self.saveState()
        self.setFont(FONT, 8.5)
        self.setFillColor(GREY)
        self.setStrokeColor(RULE)
        self.line(MARGIN, BOTTOM_MARGIN - 8 * mm, PAGE_WIDTH - MARGIN, BOTTOM_MARGIN - 8 * mm)
        y = BOTTOM_MARGIN - 12 * mm
        self.drawString(MARGIN, y, left)
        self.drawRightString(PAGE_WIDTH - MARGIN, y, template.format(page=page, pages=pages))
        self.restoreState()


class _TableWithTail(Flowable):  # type: ignore[misc]
    """A table and the few lines after it in its section (the rounding note, the hours that
    count): when the page ends near the table's end, the table's last rows go over with those
    lines, so they never stand alone on a page (the doctor's checklist ended on a page holding
    only "teller 51,6 timer med for retten.").

    The table is wrapped and split as it would be alone; the tail is short (``_short_tail``):
    no more work than the table's own. Drawn as ReportLab's containers draw their content, but
    not one of them: a caption or heading with keepWithNext still keeps with it (ReportLab never
    puts a container in a KeepTogether)."""

    drawOn = _Container.drawOn  # noqa: N815 - ReportLab's name
    getSpaceBefore = _ContainerSpace.getSpaceBefore  # noqa: N815
    getSpaceAfter = _ContainerSpace.getSpaceAfter  # noqa: N815

    def __init__(self, table: Table, tail: list[Flowable]) -> None:
        super().__init__()
        self._table = table
        self._tail = tail
        self._content = [table, *tail]

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        self.width, self.height = _listWrapOn(self._content, width, self.canv)
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Flowable]:
        if getattr(self._table, "availWidth", None) != width:  # a frame wraps before a split
            self._table.wrap(width, height)
        heights = self._table._rowHeights  # the header row first (repeated on the next page)
        if sum(heights) > height:  # the table goes on over the page
            parts: list[Flowable] = self._table.split(width, height)
            if not parts:  # not even a row fits: the frame tries the next page
                return []
            if len(parts) == 2 and len(parts[1]._cellvalues) > 1 + KEPT_ROWS:
                return [parts[0], _TableWithTail(parts[1], self._tail)]  # its rest comes here
        # The table ends on this page or just after it: its last rows go over with the tail.
        if len(heights) <= 1 + KEPT_ROWS:
            return [KeepTogether(self._content)]
        parts = self._table.split(width, min(height, sum(heights[:-KEPT_ROWS]) + 0.01))
        if len(parts) != 2:
            return [KeepTogether(self._content)]
        return [parts[0], KeepTogether([parts[1], *self._tail])]


class _Template(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        outline = getattr(flowable, "outline", None)
        if outline:
            level, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(_metadata(flowable.getPlainText()), key, level=level)


class DocumentTooLongError(ValueError):
    """A document past ``limits.MAX_DOCUMENT_LINES``: refused before any work is done. A draft
    within the limits (``limits.over_budget``) never gets here; the message carries no text."""


def printed_lines(doc: model.Document) -> int:
    """How many lines of body text (14 pt each) the document's blocks take in print, at most: each
    text measured as the renderer lays it out (``limits.printed_lines`` at its block's width and
    font size), with the spacing between blocks. What a PDF costs to render grows with this."""
    return math.ceil(_estimate(doc)[0] / BODY_LEADING)


def most_pages(doc: model.Document) -> int:
    """How many pages the document prints, at most: its printed lines, and the room that blocks
    kept together (a heading with what follows it, a short section, a table with its
    introduction) may leave empty at the foot of a page, on pages that lose a few lines more to
    paragraphs and table rows that do not split at their last line. An upper bound
    (tests/test_limits.py renders the worst drafts against it)."""
    height, kept = _estimate(doc)
    return max(1, math.ceil((height + kept) / (FRAME_HEIGHT - PAGE_SLACK)))


BODY_LEADING = 14.0  # points: a line of body text
FRAME_HEIGHT = float(PAGE_HEIGHT - MARGIN - BOTTOM_MARGIN)
# A page may end up to this much short of full: a paragraph's first line that cannot stand alone
# at the foot, the room below a table row, the table's header row repeated on the next page.
PAGE_SLACK = 5 * BODY_LEADING
BOLD_WIDER = 1.3  # DejaVu Sans Bold is at most this much wider (our own headings and labels)


def _estimate(doc: model.Document) -> tuple[float, float]:
    """(height of the document's content, room its kept-together blocks may leave empty), in
    points: the flowables ``_document`` makes, block by block."""
    height = sum(_height(line, "body") for line in doc.letterhead)
    height += _height(long_date(doc.dated, doc.lang), "right") + 4 * mm
    height += _height(doc.title, "h1", bold=True)
    kept = 0.0
    for section in doc.sections:
        title = _height(section.title, "h2", bold=True)
        blocks = [_block_height(block) for block in section.blocks]
        height += title + sum(whole for whole, _first in blocks)
        if _short(section) or section.id == "signature":  # kept together (with the one before)
            kept += min(FRAME_HEIGHT, 2 * (title + sum(whole for whole, _first in blocks)))
        elif blocks:  # the title stays with the first piece of its first block
            kept += min(FRAME_HEIGHT, title + blocks[0][1])
        for i, block in enumerate(section.blocks):
            if isinstance(block, model.Heading | model.Table) and i + 1 < len(blocks):
                # a sub-heading stays with what follows it; a table's introduction with the table
                kept += min(FRAME_HEIGHT, blocks[i][0] + blocks[i + 1][0])
    return height, kept


def _height(text: str, style: str, *, width: float = TEXT_WIDTH, bold: bool = False) -> float:
    """The height of ``text`` in ``style``, one paragraph per line (``_text``), at most."""
    st = styles()[style]
    units = limits.line_units(width - st.leftIndent - st.rightIndent, st.fontSize)
    if bold:
        units = int(units / BOLD_WIDER)
    text = clean_text(text)
    lines = max(1, limits.printed_lines(text, units))
    paragraphs = text.count("\n") + 1
    return float(lines * st.leading + paragraphs * (st.spaceBefore + st.spaceAfter))


def _block_height(block: model.Block) -> tuple[float, float]:
    """(height of the block, height of its first piece) in points, at most."""
    if isinstance(block, model.Paragraph):
        pieces = [_height(piece, "joined") for piece in _pieces(clean_text(block.text))]
        return sum(pieces) + styles()["body"].spaceAfter, pieces[0]
    if isinstance(block, model.Heading):
        height = _height(block.text, "h3", bold=True)
        return height, height
    if isinstance(block, model.Fields):
        items = [_height(f"{label}: {value}", "body", bold=True) for label, value in block.items]
        return sum(items), items[0] if items else 0.0
    if isinstance(block, model.Checklist | model.BulletList):
        items = [_height(item, "item") for item in block.items]
        return sum(items) + 2 * mm, items[0] if items else 0.0
    return _table_height(block)


def _table_height(block: model.Table) -> tuple[float, float]:
    columns = len(block.header)
    if not columns:
        return 0.0, 0.0
    widths = _column_widths(columns)

    def row(cells: Sequence[str], bold: bool) -> float:
        lines = max(
            limits.printed_lines(cells[i] if i < len(cells) else "", _cell_units(widths[i], bold))
            for i in range(columns)
        )
        return float(max(1, lines) * styles()["cell"].leading + 2 * CELL_PADDING)

    header = row(block.header, True)
    height = header + sum(row(r, False) for r in block.rows) + 3 * mm
    if block.footer:
        height += row(block.footer, True)
    caption = _height(block.caption, "caption") if block.caption else 0.0
    return caption + height, caption + header


def _cell_units(width: float, bold: bool) -> int:
    units = limits.line_units(width - 2 * CELL_SIDE_PADDING, styles()["cell"].fontSize)
    return int(units / BOLD_WIDER) if bold else units


def render_pdf(documents: model.Document | Sequence[model.Document]) -> bytes:
    """One PDF with the documents in order, each starting on a new page.

    Raises ``DocumentTooLongError`` for documents that would print more than the limit: the cost of
    a render is bounded whatever it is handed."""
    docs = [documents] if isinstance(documents, model.Document) else list(documents)
    if not docs:
        raise ValueError("render_pdf needs at least one document")
    if sum(printed_lines(doc) for doc in docs) > limits.MAX_DOCUMENT_LINES * len(docs):
        raise DocumentTooLongError("document_too_long")
    register_fonts()
    first = docs[0]
    buffer = io.BytesIO()
    template = _Template(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=" / ".join(_metadata(d.title) for d in docs),
        subject=_metadata(first.subject),
        author="",
        creator="BPA-veiviser",
        lang=languages.language(first.lang).tag,
        displayDocTitle=True,
        initialFontName=FONT,
        initialFontSize=10.5,
        initialLeading=14,
    )
    frame = Frame(
        MARGIN, BOTTOM_MARGIN, TEXT_WIDTH, PAGE_HEIGHT - MARGIN - BOTTOM_MARGIN, id="body"
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story: list[Flowable] = []
    for index, doc in enumerate(docs):
        if index:
            story.append(PageBreak())
        story.append(_DocumentStart(index))
        story.extend(_document(doc, index))
    footers = [_footer_texts(doc) for doc in docs]
    template.build(story, canvasmaker=partial(_NumberedCanvas, footers=footers))
    return buffer.getvalue()


def _locale(lang: str) -> str:
    return languages.language(lang).babel_locale


def _footer_texts(doc: model.Document) -> tuple[str, str]:
    _ = gettext_for(doc.lang, "documents")
    return clean_text(doc.title), _("Page {page} of {pages}")


def _document(doc: model.Document, index: int) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    for line in doc.letterhead:
        out.extend(_paragraph(line, "body"))
    out.append(
        Paragraph(
            escape(long_date(doc.dated, doc.lang)),
            st["right"],
        )
    )
    out.append(Spacer(1, 4 * mm))
    out.append(_Bookmark(markup(doc.title), st["h1"], 0, f"d{index}"))
    kept_before: list[Flowable] | None = None  # the last section, when kept together
    for n, section in enumerate(doc.sections):
        flowables: list[Flowable] = [_Bookmark(markup(section.title), st["h2"], 1, f"d{index}s{n}")]
        blocks = section.blocks
        tail_from = _short_tail(blocks)
        for i, block in enumerate(blocks):
            # A paragraph that introduces a table stays on the table's page.
            before_table = i + 1 < len(blocks) and isinstance(blocks[i + 1], model.Table)
            if i == tail_from and len(flowables) > 2 and isinstance(flowables[-2], Table):
                *_, table, space = flowables  # the table, then the space after it
                tail = [f for b in blocks[i:] for f in _block(b)]
                flowables[-2:] = [_TableWithTail(table, [space, *tail])]
                break
            flowables.extend(_block(block, keep_with_next=before_table))
        if section.id == "signature" and kept_before is not None:
            # A signature never stands alone on a page: it goes with the short section before it.
            out.pop()
            out.append(KeepTogether([*kept_before, *flowables]))
            kept_before = None
        elif _short(section):
            out.append(KeepTogether(flowables))  # e.g. the signature: never split off a line
            kept_before = flowables
        else:
            out.extend(flowables)
            kept_before = None
    return out


def _pieces(text: str) -> list[str]:
    """A paragraph's text as the pieces the renderer lays out one by one: its lines, and a line
    that prints more than CHUNK_LINES lines cut after a sentence, else at a space (else, one long
    word, anywhere), so that every piece fits on a page.

    ReportLab wraps a paragraph again on every page it spills onto, so one paragraph many pages
    long costs time that grows with the square of its length (50 000 short lines: over a
    minute); and a paragraph of several lines (``<br/>`` in its markup) or with an escaped
    ``&amp;``/``&lt;`` is many fragments, which ReportLab lays out word by word at several times
    the cost of a single one ("& & & …": 60 ms a page, against 5 ms). One fragment per piece,
    each fitting on a page: the cost grows linearly with the printed lines, whatever the text
    (bench/pdf.py)."""
    pieces: list[str] = []
    for line in text.split("\n"):
        pieces.extend(_long_line_pieces(line))
    return pieces


def _long_line_pieces(line: str, lines: int = CHUNK_LINES) -> list[str]:
    """One line that prints more than ``lines`` lines, in pieces that each print at most that
    many (``limits.prefix_within``): cut after a sentence in the second half of a piece, else
    before the word that does not fit, else (one long word) where the piece is full."""
    if len(line) * limits.WIDEST <= lines * (limits.BODY_LINE - limits.WIDEST):
        return [line]  # even of the widest letters, it could not print more
    pieces = []
    while (end := limits.prefix_within(line, lines)) < len(line):
        cut = line.rfind(". ", end // 2, end) + 1 or end
        pieces.append(line[:cut].rstrip(" "))
        line = line[cut:].lstrip(" ")
    return [*pieces, line]


def _short_tail(blocks: Sequence[model.Block]) -> int | None:
    """Where the few lines after a section's last table start (None: no table, nothing after
    it, or more than a few lines)."""
    tables = [i for i, b in enumerate(blocks) if isinstance(b, model.Table)]
    if not tables or tables[-1] + 1 == len(blocks):
        return None
    tail = blocks[tables[-1] + 1 :]
    return (
        tables[-1] + 1
        if len(model.Section("", "", tuple(tail)).plain_text()) < SHORT_SECTION
        else None
    )


def _short(section: model.Section) -> bool:
    """A few lines without a table: better moved whole to the next page than split."""
    return len(section.plain_text()) < SHORT_SECTION and not any(
        isinstance(b, model.Table) for b in section.blocks
    )


def _block(block: model.Block, *, keep_with_next: bool = False) -> list[Flowable]:
    if isinstance(block, model.Paragraph):
        return _paragraph(block.text, "intro" if keep_with_next else "body")
    if isinstance(block, model.Heading):
        return _lines(block.text, "h3")
    if isinstance(block, model.Fields):
        return [flowable for label, value in block.items for flowable in _field(label, value)]
    if isinstance(block, model.Checklist | model.BulletList):
        bullet = "☐" if isinstance(block, model.Checklist) else "•"
        items: list[Flowable] = []
        for item in block.items:
            items.extend(_lines(item, "item", bullet=bullet))
        return [*items, Spacer(1, 2 * mm)]
    return _table(block)


def _paragraph(text: str, style: str) -> list[Flowable]:
    """A paragraph of plain text as its pieces (``_pieces``), the last one in ``style``."""
    *first, last = _pieces(clean_text(text))
    return [*(_text(piece, "joined") for piece in first), _text(last, style)]


def _field(label: str, value: str) -> list[Flowable]:
    """A field, "Label: value", the label in bold: two fragments, which ReportLab lays out word
    by word, so only the value's first FIELD_LINES lines share the label's paragraph; the rest
    of a long value follows in pieces of one fragment, as a paragraph's."""
    label = clean_text(label) + ":"
    first, *rest = _pieces(clean_text(value))
    head, *tail = _long_line_pieces(first, FIELD_LINES - 1)
    if tail:
        rest = [*_pieces(" ".join(tail)), *rest]
    frags = [_fragment("bold").clone(text=label), _fragment("body").clone(text=" " + head)]
    paragraph = _Text(f"{label} {head}", styles()["joined" if rest else "body"], frags=frags)
    return [paragraph, *_paragraph("\n".join(rest), "body")] if rest else [paragraph]


class _Text(Paragraph):  # type: ignore[misc]
    """A paragraph that lays its lines out once per width. A table wraps every cell of the rows
    left again on each page it spills onto, and a block kept together is wrapped more than once:
    200 rows of a week table over 20 pages cost 20 times their lines (ReportLab keeps the split
    rows' cells, so they remember)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # Paragraph.split forgets the lines (del self.blPara) when it moves the whole paragraph on.
        if self._wrapped is not None and self._wrapped[0] == availWidth and "blPara" in vars(self):
            return self._wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


@cache
def _fragment(style: str) -> Any:
    """A parsed text fragment of ``style`` (static: the letter x). A copy of it with a piece of
    the user's text is a paragraph that ReportLab never parses as markup: nothing to escape,
    one fragment to lay out."""
    return Paragraph("x", styles()[style]).frags[0]


def _text(piece: str, style: str, bullet: str | None = None) -> Flowable:
    """One line of plain text (no newline) as a paragraph of one fragment; a line with nothing
    to print takes the room of an empty line, as a line break in the text does."""
    if not piece.strip():
        return Spacer(1, styles()[style].leading)
    return _Text(
        piece, styles()[style], bulletText=bullet, frags=[_fragment(style).clone(text=piece)]
    )


def _lines(text: str, style: str, bullet: str | None = None) -> list[Flowable]:
    """A short text (a heading, a list item, a table cell) as a paragraph per line."""
    first, *rest = clean_text(text).split("\n")
    return [_text(first, style, bullet), *(_text(line, style) for line in rest)]


def _column_widths(columns: int) -> list[float]:
    ratios = [0.39, 0.16, 0.25, 0.20] if columns == 4 else [1 / columns] * columns
    return [TEXT_WIDTH * r for r in ratios]


def _table(block: model.Table) -> list[Flowable]:
    st = styles()
    columns = len(block.header)
    if not columns:
        return []

    def row(cells: Sequence[str], bold: bool) -> list[Flowable | list[Flowable]]:
        out = []
        for i in range(columns):
            right = i in block.numeric_columns
            name = ("cell_bold" if bold else "cell") + ("_right" if right else "")
            cell = _lines(cells[i] if i < len(cells) else "", name)
            out.append(cell[0] if len(cell) == 1 else cell)
        return out

    data = [row(block.header, True), *(row(r, False) for r in block.rows)]
    if block.footer:
        data.append(row(block.footer, True))
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
    ]
    if block.footer:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
    table = Table(
        data,
        colWidths=_column_widths(columns),
        repeatRows=1,
        splitInRow=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )
    after = Spacer(1, 3 * mm)
    if block.caption:
        return [Paragraph(markup(block.caption), st["caption"]), table, after]
    return [table, after]
