"""Legal numbers live only in the rule set: no catalog text writes 32, 25, 67, 18, "2 years" or
"four weeks"; texts name them by placeholder, and a later rule set with other numbers changes
what the interface says (nothing is hard-coded)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from bpa_core import deadlines
from bpa_core.documents.text import law_numbers_on
from bpa_core.rules import ruleset as ruleset_module
from tests.app.driver import ASSESSED_ON, all_text
from tests.support import ROOT, catalog_entries, persona_draft

# Numbers written with a unit only ("2 years", "four weeks"): alone, 1, 2 or 4 are not the law's.
WITH_UNIT = {
    "long_lasting_years": "years",
    "late_appeal_limit_years": "years",
    "appeal_weeks": "weeks",
}
UNIT_WORDS = {
    "years": r"years?|år",
    "weeks": r"weeks?|uker?|veker?",
}
NUMBER_WORDS = {
    1: "one|ett|eitt|ein|en",
    2: "two|to",
    3: "three|tre",
    4: "four|fire",
    6: "six|seks",
}
# A section of a law is a name, not a threshold: "§ 18", "§§ 24 og 25", "§ 2-1 d".
CITATION = re.compile(r"§§?\s*\d+(?:-\d+)?(?:\s+[a-z]\b)?(?:\s+(?:og|and)\s+\d+)?")


def literal_legal_numbers(text: str, on: date = ASSESSED_ON) -> list[str]:
    """The legal numbers in force ``on`` that ``text`` writes out instead of by placeholder."""
    text = CITATION.sub(" ", text)
    found = []
    for key, number in law_numbers_on(on).items():
        if key in WITH_UNIT:
            word = NUMBER_WORDS.get(number)
            spelled = f"{number}|{word}" if word else str(number)
            unit = UNIT_WORDS[WITH_UNIT[key]]
            pattern = rf"(?<![\w.,])(?:{spelled})\s(?:{unit})\b"
        else:
            pattern = rf"(?<![\w.,/-]){number}(?![\w]|[.,]\d)"
        found += [f"{key}: {m.group(0)}" for m in re.finditer(pattern, text, re.IGNORECASE)]
    return found


def test_the_check_finds_written_out_numbers() -> None:
    assert literal_legal_numbers("Under 67 years (or BPA granted before 67)") != []
    assert literal_legal_numbers("Minst 32 timar hjelp i veka (25 timar i nokre tilfelle)") != []
    assert literal_legal_numbers("The need will last more than 2 years") != []
    assert literal_legal_numbers("Behovet varer to år eller kortare.") != []
    assert literal_legal_numbers("you can appeal within four weeks.") != []
    assert literal_legal_numbers("Respite counts only for a child under 18") != []
    # Not the law's numbers: sections of laws, dates, other quantities.
    for fine in (
        "under forvaltningsloven § 18",
        "forvaltningsloven §§ 24 og 25",
        "pbrl. § 2-1 d",
        "For example home help, 2 hours a week",
        "Write how many times as a number, for example 2.",
        "rundskriv I-9/2015",
        "{hours} more a week would reach {right_hours} hours.",
    ):
        assert literal_legal_numbers(fine) == [], fine


def _entries(path: str) -> list[tuple[str, list[str]]]:
    return [
        (ids[0], [*ids, *(s for s in strings if s)])
        for ids, strings, _fuzzy in catalog_entries(ROOT / "locales" / path)
    ]


@pytest.mark.parametrize(
    "path",
    [
        f"{lang}/LC_MESSAGES/{domain}.po" if lang else f"{domain}.pot"
        for domain in ("messages", "documents")
        for lang in ("", "nb", "nn", "en")
    ],
)
def test_no_catalog_text_writes_a_legal_number(path: str) -> None:
    """Interface and documents: msgids and translations name legal numbers by placeholder."""
    found = {
        msgid[:70]: hits
        for msgid, texts in _entries(path)
        for hits in [[h for t in texts for h in literal_legal_numbers(t)]]
        if hits
    }
    assert found == {}


LATER = date(2026, 11, 1)  # before ASSESSED_ON: in force on the session's day


@pytest.fixture
def later_law(monkeypatch: pytest.MonkeyPatch) -> None:
    """A made-up change of law in force from LATER: other thresholds, another appeal period."""
    today = ruleset_module.RULESETS[-1]
    later = replace(
        today,
        valid_from=LATER,
        right_minutes=30 * 60,
        cost_exception_minutes=20 * 60,
        age_limit=70,
        child_age_limit=16,
        long_lasting_years=3,
    )
    monkeypatch.setattr(ruleset_module, "RULESETS", (*ruleset_module.RULESETS, later))
    appeal = replace(deadlines.APPEAL_RULES[-1], valid_from=LATER, appeal_weeks=6)
    monkeypatch.setattr(deadlines, "APPEAL_RULES", (*deadlines.APPEAL_RULES, appeal))
    monkeypatch.setattr(deadlines, "today_in_norway", lambda: ASSESSED_ON)


def _page(name: str, file: str, on: date = ASSESSED_ON) -> str:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state["draft"] = persona_draft(name)
    at.session_state["assess_on"] = on
    at.run()
    at.switch_page(file).run()
    assert not at.exception, [e.value for e in at.exception]
    return all_text(at) + "\n" + "\n".join(str(r.options) for r in at.radio)


def test_the_interface_says_the_numbers_of_the_rules_in_force() -> None:
    """Today's rules: the texts read as they always did."""
    result = _page("ragnhild", "pages/result.py")
    assert "At least 32 hours of help a week (25 hours in some cases)" in result
    assert (
        "BPA was granted as a right before 67. Since 1 July 2020 the right continues after 67."
        in (result)
    )
    assert "you can appeal (klage) within 4 weeks" in result


def test_a_later_rule_set_changes_the_interface_texts(later_law: None) -> None:
    result = _page("ragnhild", "pages/result.py")
    assert "At least 30 hours of help a week (20 hours in some cases)" in result
    assert "Under 70 years (or BPA granted before 70)" in result
    assert "The need will last more than 3 years" in result
    assert "You are under 70." in result  # Ragnhild, 69, is under the later limit
    assert "you can appeal (klage) within 6 weeks" in result
    assert "The dashed lines mark 20 and 30 hours a week." in result
    for old in ("32 hours", "25 hours", "67", "2 years", "4 weeks"):
        assert old not in result, old
    week = _page("kari", "pages/week.py")
    assert re.search(r"more a week would reach 30 hours|The counted hours are 30 or more", week)
    assert "32" not in week
    need = _page("kari", "pages/need.py")
    assert "More than 3 years" in need and "3 years or less" in need
    assert "2 years" not in need
    # The day decides: before the change, the same session's texts name today's numbers.
    before = _page("ragnhild", "pages/result.py", on=date(2026, 10, 1))
    assert "At least 32 hours of help a week (25 hours in some cases)" in before
