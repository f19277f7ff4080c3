"""Limits a person never meets, so that no draft can stall the server (issue: bounded cost).

A long application is 10–15 pages. The limits below allow many times that, and are applied the
same way everywhere: the Draft refuses a free text of more than ``MAX_LINES`` lines (typing,
loading a file, the command line); ``over_budget`` refuses a draft whose texts together would
print more than ``MAX_PRINTED_LINES`` lines (about 60 pages), checked when a text is typed and
when a file is loaded; the renderer refuses a document past ``MAX_DOCUMENT_LINES`` (a last guard:
a draft within the limits never reaches it).

The printed size is measured as the renderer lays the text out (``render/pdf.py``): each line of
the text broken at spaces into lines of ``LINE_WIDTH`` points of DejaVu Sans at 10,5 pt, with the
font's own character widths (``glyph_widths``), as ReportLab breaks it; a word longer than a line
is broken letter by letter. So "W W W …" counts twice the lines of "i i i …", as it prints, and
"& & …" is no cheaper than it prints. What a PDF costs to render grows with its printed lines
(the renderer lays out every line of user text once, bench/pdf.py), so these limits bound the time
of every PDF and preview. Every character counts at least ``NARROWEST`` (a quarter of an em): a
character that prints nothing (a combining accent) still costs time to lay out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from bpa_core import glyph_widths
from bpa_core.render.safe_text import plain_text

MAX_LINES = 1_000  # lines of one free text (a list of 1 000 lines is some 20 pages)
LINES_PER_PAGE = 50
MAX_PRINTED_LINES = 3_000  # all texts of a draft together: about 60 pages
MAX_DOCUMENT_LINES = MAX_PRINTED_LINES + 4_000  # a document: the user's text and ours

FONT_SIZE = 10.5  # points: the body text
LINE_WIDTH = 470.5  # points: A4 (595,3 pt) less two margins of 22 mm, rounded down
UNITS = 20  # widths are counted in twentieths of an em, whole numbers
NARROWEST = 5  # a quarter em: the least any character counts
SPACE = 7  # the space between two words (0,318 em, rounded up)
WIDEST = glyph_widths.WIDEST


class _Widths(dict[str, int]):
    """Character -> width; a character not in the table is WIDEST (and is not added)."""

    def __missing__(self, char: str) -> int:
        return WIDEST


def _widths() -> _Widths:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    table = _Widths()
    for first, widths in glyph_widths.RANGES:
        for offset, digit in enumerate(widths):
            table[chr(first + offset)] = max(NARROWEST, digits.index(digit))
    return table


_WIDTH = _widths()  # static data: the font's widths, no user text
_width = _WIDTH.__getitem__
# Where ReportLab breaks a line: the spaces it splits words at (never a no-break space U+00A0);
# tabs are spaces by then (plain_text), the line breaks are the text's own lines.
_SPACES = " \u1680\u2000-\u200a\u202f\u205f\u3000"
_BREAK = re.compile(f"[{_SPACES}]+")
_WORD = re.compile(f"[^{_SPACES}]+")


def line_units(width: float, font_size: float = FONT_SIZE) -> int:
    """A line of ``width`` points at ``font_size``, in twentieths of an em (rounded down)."""
    return int(width / font_size * UNITS)


BODY_LINE = line_units(LINE_WIDTH)  # 896: a line of body text
# An activity's name prints in the week table's first column (39 % of the line, less 12 pt of
# padding, at 9,5 pt), and again in the day's rhythm for each part of the day it is in.
ACTIVITY_LINE = line_units(0.39 * LINE_WIDTH - 12, 9.5)
_ROW_NAME = re.compile(r"rows\.(\d+)\.activity")


def text_width(text: str) -> int:
    """The width of ``text`` on one line, in twentieths of an em (an upper bound)."""
    return sum(map(_width, text))


def char_width(char: str) -> int:
    """The width of one character, in twentieths of an em (an upper bound)."""
    return _width(char)


def printed_lines(text: str, width: int = BODY_LINE) -> int:
    """How many lines ``text`` prints in lines of ``width`` twentieths of an em, at most: each of
    its lines broken at spaces as ReportLab breaks them (a word that does not fit starts the next
    line; a word longer than a line fills it letter by letter), every character as wide as its
    glyph (rounded up), never less than NARROWEST. An empty text prints nothing; an empty line in
    a text takes a line."""
    if not text:
        return 0
    return sum(_wrapped(line, width) for line in plain_text(text).split("\n"))


def _wrapped(line: str, width: int) -> int:
    lines, x = 1, -SPACE
    for word in _BREAK.split(line):
        if not word:
            continue
        w = sum(map(_width, word))
        x += SPACE + w
        if x <= width:
            continue
        if w <= width:  # the word starts the next line
            lines += 1
            x = w
        else:  # broken letter by letter: each line holds all but at most one character more
            lines += -(-x // (width - WIDEST)) - 1
            x = width  # the next word starts a new line
    return lines


def prefix_within(line: str, lines: int, width: int = BODY_LINE) -> int:
    """The length of the longest start of ``line`` (one line of text) that prints in at most
    ``lines`` lines as ``printed_lines`` counts them: cut before a word, or inside a word longer
    than a line. At least one character."""
    used, x = 1, -SPACE
    for match in _WORD.finditer(line):
        word = match.group()
        w = sum(map(_width, word))
        x += SPACE + w
        if x <= width:
            continue
        if w <= width:
            used += 1
            x = w
            if used > lines:
                return max(1, match.start())
            continue
        # A long word: printed_lines counts ceil(x / (width - WIDEST)) lines from this line on.
        room = (lines - used + 1) * (width - WIDEST) - (x - w)
        if w > room:
            total = 0
            for i, char in enumerate(word):
                total += _width(char)
                if total > room:
                    return max(1, match.start() + i)
        used += -(-x // (width - WIDEST)) - 1
        x = width
    return len(line)


def texts(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every text of a draft with its dotted path (``goals.goals``, ``application.section_edits.
    about``, ``rows.3.activity``), for the whole-draft budget."""
    for name in type(model).model_fields:
        yield from _texts(getattr(model, name), f"{prefix}{name}")


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Enum):  # a choice, not a text
        return
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from texts(value, f"{path}.")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}.{i}")


def sizes(model: BaseModel) -> list[tuple[int, str]]:
    """(printed lines, path) of every text of a draft: a row's activity in the week table's
    narrow column, and once more in the day's rhythm for each of its parts of the day (and the
    night); every other text at the width of a page."""
    out = []
    for path, text in texts(model):
        size = printed_lines(text)
        if text and (row_name := _ROW_NAME.fullmatch(path)):
            row = getattr(model, "rows", ())[int(row_name.group(1))]
            repeats = len(row.day_parts) + bool(row.night)
            size = printed_lines(text, ACTIVITY_LINE) + repeats * size
        out.append((size, path))
    return out


def over_budget(model: BaseModel) -> str | None:
    """None when the draft's texts fit the budget; else the path of the text that takes most
    of it (the one to shorten, named in the message)."""
    found = sizes(model)
    if sum(size for size, _path in found) <= MAX_PRINTED_LINES:
        return None
    return max(found)[1]


def too_many_lines(text: str) -> bool:
    return text.count("\n") >= MAX_LINES
