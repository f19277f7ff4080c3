"""A language is a registry entry plus its catalogs: proved with a test-only pseudo-locale
(tests/pseudo_locale.py), registered in a separate process so nothing leaks into other tests.
Every page with every persona draft (and an empty one) and every document (application,
checklist, appeal, access request, power of attorney where it belongs, and their PDF): no
exception, and no word outside the markers but the user's own text, numbers, dates, legal
citations and the languages' own names."""

from __future__ import annotations

import subprocess
import sys

from tests import pseudo_locale
from tests.support import ROOT


def test_every_page_and_document_in_a_pseudo_locale() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.pseudo_locale"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    problems = [line for line in done.stdout.splitlines() if line.strip()]
    assert (done.returncode, problems) == (0, []), done.stderr[-2000:]


def test_the_pseudo_strings_and_the_check() -> None:
    text = pseudo_locale.pseudo("Write {hours} a week (pbrl. § 2-1 d)")
    assert text.startswith("⟦") and text.endswith("⟧")
    assert "{hours}" in text and "§ 2-1 d" in text and "Wrîté" in text
    # The check finds words outside the markers, nested texts included ...
    assert pseudo_locale.unmarked("⟦Stép ⟦öñé⟧ öf 14⟧ Hello", []) == ["Hello"]
    assert pseudo_locale.unmarked("⟦à ⟦b⟧ ç⟧ stray ⟦d⟧", []) == ["stray"]
    # ... but not the user's text, numbers, dates, citations or the languages' names.
    allowed = "Kari Nordmann ⟦bôrñ⟧ 14 March 1992, 34.5 pbrl. § 2-1 d, Norsk nynorsk"
    assert pseudo_locale.unmarked(allowed, ["Kari Nordmann"]) == []
