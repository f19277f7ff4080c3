"""The `documents` catalogs: every string translated in nb, nn and en, placeholders intact."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from tests.docs_support import REPO
from tests.support import catalog_entries

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def entries(lang: str) -> list[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    return catalog_entries(REPO / "locales" / lang / "LC_MESSAGES" / "documents.po")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_document_string_is_translated(lang: str) -> None:
    found = entries(lang)
    assert len(found) > 100
    for ids, strings, fuzzy in found:
        assert not fuzzy, ids
        assert all(s.strip() for s in strings), f"{lang}: untranslated {ids[0]!r}"
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, f"{lang}: placeholders in {ids[0]!r}"


def test_the_template_lists_what_the_catalogs_have() -> None:
    with (REPO / "locales" / "documents.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    for lang in ("nb", "nn", "en"):
        assert {ids[0] if len(ids) == 1 else ids for ids, _s, _f in entries(lang)} == template


def test_english_says_toward_the_right_throughout() -> None:
    """One phrase for hours that count: "count toward the right", never "for the right"."""
    texts = [s for _ids, strings, _f in entries("en") for s in strings]
    assert [s for s in texts if re.search(r"\bfor the right\b|towards the right", s)] == []
    assert sum("toward the right" in s for s in texts) >= 5
