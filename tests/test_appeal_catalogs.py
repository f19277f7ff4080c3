"""Every catalog entry translated in nb, nn and en, with the same placeholders as its msgid.

(``pybabel update --check`` misreports catalogs with msgctxt, so completeness is checked here.)
Also: the bokmål help texts of the appeal page stay plain (LIX ≤ 35).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from bpa_core.deadlines import REASON_NAMES, MoveReason
from bpa_core.i18n import gettext_for

LOCALES = Path(__file__).resolve().parent.parent / "locales"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def entries(lang: str, domain: str) -> list[Message]:
    with (LOCALES / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as fh:
        return [m for m in read_po(fh, locale=lang) if m.id]


@pytest.mark.parametrize("domain", ["messages", "documents"])
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_catalog_complete_with_matching_placeholders(lang: str, domain: str) -> None:
    for m in entries(lang, domain):
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(s.strip() for s in strings), (lang, domain, ids[0])
        assert not m.fuzzy, (lang, domain, ids[0])
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, (lang, domain, ids[0])


def test_every_move_reason_has_a_name_in_every_language() -> None:
    assert set(REASON_NAMES) == set(MoveReason)
    for lang in ("nb", "nn"):
        _ = gettext_for(lang, "documents")
        for reason, name in REASON_NAMES.items():
            assert _(name) != name, (lang, reason)


WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)|\n\s*\n|\n\s*[-•*]\s")


def appeal_page_msgids() -> set[str]:
    """Every msgid the appeal page shows: the page's and bpa_ui/appeal.py's own strings, and the
    words of the appeal's declared questions (bpa_ui/interview.py)."""
    from babel.messages.extract import extract_from_file

    from bpa_ui import interview

    root = LOCALES.parent
    found: set[str] = set()
    for source in (root / "pages" / "appeal.py", root / "bpa_ui" / "appeal.py"):
        for _line, msgid, _comments, _context in extract_from_file(
            "python", str(source), keywords={"_": None, "N_": None, "ngettext": (1, 2)}
        ):
            found.add(msgid[0] if isinstance(msgid, tuple) else msgid)
    for question in interview.of_step("appeal"):
        found.update(question.msgids())
    return found


def test_appeal_page_help_texts_are_plain_bokmal() -> None:
    """The appeal page's bokmål strings, each a passage as tools/lix.py --po reads them."""
    wanted = appeal_page_msgids()
    parts: list[str] = []
    for m in entries("nb", "messages"):
        first = m.id[0] if isinstance(m.id, tuple) else m.id
        if first not in wanted:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        parts.extend(s if re.search(r"[.!?:]\s*$", s) else s + "." for s in strings)
    text = "\n\n".join(parts)
    words = WORD.findall(text)
    sentences = max(1, len(SENTENCE_END.findall(text + " ")))
    long_words = sum(1 for w in words if len(w.replace("-", "").replace("'", "")) > 6)
    score = len(words) / sentences + 100 * long_words / len(words)
    assert len(parts) > 50
    assert score <= 35, score
