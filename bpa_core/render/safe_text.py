"""User text as it may be printed or shown in a document: what is invisible cannot deceive.

``plain_text`` is the one function every renderer calls on text before it lays it out (the PDF in
``render/pdf.py``, the on-screen preview in ``bpa_ui/document_view.py``); the document builders
may call it too, it is idempotent. It

- drops C0/C1 control characters except tab and newline, DEL and lone surrogates (they break the
  PDF or print as boxes);
- makes CR/LF and the Unicode line and paragraph separators plain newlines, and a tab four spaces;
- drops every *format* character (Unicode category Cf): the bidirectional controls (U+202A–U+202E,
  U+2066–U+2069, U+200E, U+200F, U+061C), which can turn "kr 1 000" into "000 1 rk" or make a
  sentence read differently in print than it was typed; the zero-width characters (U+200B–U+200D,
  U+2060, U+FEFF), which hide text from a reader and from search; soft hyphens, tag characters
  and the other invisible marks.

Letters, emoji, right-to-left letters (Hebrew, Arabic) and Sámi letters are kept as typed.
"""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline; DEL; lone surrogates.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"

# Every code point of category Cf in Unicode 14 (Python 3.11's unicodedata), as ranges;
# tests/test_safe_text.py checks this list against unicodedata.
FORMAT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)

_FORMAT = "".join(
    re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
    for a, b in FORMAT_RANGES
)
_DROPPED = re.compile(f"[{_CONTROL}{_FORMAT}]")


def plain_text(text: str) -> str:
    """``text`` as it should be printed or shown: nothing invisible, one kind of newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _DROPPED.sub("", text).replace("\t", "    ")
