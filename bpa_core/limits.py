"""Limits a person never meets, so that no draft can stall the server (issue: bounded cost).

A long application is 10–15 pages. The limits below allow many times that, and are applied the
same way everywhere: the Draft refuses a free text of more than ``MAX_LINES`` lines (typing,
loading a file, the command line); ``over_budget`` refuses a draft whose free texts together
would print more than ``MAX_PRINTED_LINES`` lines (about 60 pages), checked when a text is
typed and when a file is loaded; the renderer refuses a document past ``MAX_DOCUMENT_LINES``
(a last guard: a draft within the limits never reaches it). What a page costs to render grows
with its printed lines (bench/pdf.py), so these bound the time of every PDF and preview.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

MAX_LINES = 1_000  # lines of one free text (a list of 1 000 lines is some 20 pages)
LINE_CHARS = 90  # characters of a printed line, about, at 10,5 pt on A4
LINES_PER_PAGE = 50
MAX_PRINTED_LINES = 3_000  # all free texts of a draft together: about 60 pages
MAX_DOCUMENT_LINES = MAX_PRINTED_LINES + 4_000  # a document: the user's text and ours


LONG_WORD = 40  # characters without a space: ReportLab breaks such a word letter by letter
LONG_WORD_WEIGHT = 4  # ... at about four times the cost of ordinary text
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


def printed_lines(text: str) -> int:
    """About how many lines ``text`` takes in print, weighted by what they cost to lay out:
    each line wrapped at LINE_CHARS, an unbroken run of characters (a long link, a row of
    letters) counted LONG_WORD_WEIGHT times."""
    if not text:
        return 0
    extra = sum(len(m) for m in _LONG_WORD.findall(text)) * (LONG_WORD_WEIGHT - 1)
    return sum(1 + len(line) // LINE_CHARS for line in text.split("\n")) + extra // LINE_CHARS


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


def over_budget(model: BaseModel) -> str | None:
    """None when the draft's texts fit the budget; else the path of its longest text (the one
    to shorten, named in the message)."""
    sizes = [(printed_lines(text), path) for path, text in texts(model)]
    if sum(size for size, _path in sizes) <= MAX_PRINTED_LINES:
        return None
    return max(sizes)[1]


def too_many_lines(text: str) -> bool:
    return text.count("\n") >= MAX_LINES
