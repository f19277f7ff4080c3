"""The review in the interface: a sentence per id in every language and voice, a link to the
step that asks, the panel on the application, download and result pages (never blocking a
download), and the new question "what must you do or avoid to stay as well as possible"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from bpa_core.draft import Draft
from bpa_core.i18n import LANGUAGES
from bpa_core.review import Contradiction, Gap, Weakness, review
from bpa_ui import interview, steps
from bpa_ui.i18n import _LANGUAGE_OVERRIDE
from bpa_ui.review_panel import ABOUT, Item, sentence, step_of
from tests.app.driver import ASSESSED_ON, all_text, draft, heading, new_app, text
from tests.support import ROOT, download_links, persona_draft
from tests.test_review import PERSONA_REVIEWS, complete

ITEMS: list[Item] = [*Gap, *Contradiction, *Weakness]
# One draft per voice: Kari writes herself, Jonas's sister writes for him, Emil's mother for him.
VOICES = {"you": "kari", "other": "jonas", "parent": "emil"}


@pytest.fixture
def language() -> Iterator[None]:
    yield
    _LANGUAGE_OVERRIDE.set(None)


def _sentences(lang: str, voice: str) -> dict[Item, str]:
    _LANGUAGE_OVERRIDE.set(lang)
    d = persona_draft(VOICES[voice])
    return {item: sentence(item, d) for item in ITEMS}


@pytest.mark.usefixtures("language")
def test_every_id_has_a_sentence_in_every_language_and_voice() -> None:
    english = {voice: _sentences("en", voice) for voice in VOICES}
    for lang in LANGUAGES:
        for voice in VOICES:
            said = _sentences(lang, voice)
            assert all(s.strip() for s in said.values())
            assert len(set(said.values())) == len(ITEMS)  # no two ids share a sentence
            if lang != "en":
                assert not [i for i in ITEMS if said[i] == english[voice][i]], (lang, voice)
    # Who fills in is addressed: "du", "personen", "barnet ditt".
    nb = {voice: _sentences("nb", voice) for voice in VOICES}
    assert " du " in nb["you"][Gap.GOALS]
    assert "personen" in nb["other"][Gap.GOALS]
    assert "barnet ditt" in nb["parent"][Gap.GOALS]
    assert "barnet ditt" in _sentences("nn", "parent")[Gap.STAYING_HEALTHY]


def test_every_id_names_declared_questions_and_links_to_a_step_that_exists() -> None:
    """A review id names the question(s) it is about; the link goes to the step that asks the
    first one, found through the declarations (bpa_ui/interview.py)."""
    assert set(ABOUT) == set(ITEMS)
    for item, paths in ABOUT.items():
        assert paths, item
        assert all(interview.find(path) is not None for path in paths), item
    questions = {s.id for s in steps.ALL_STEPS if s.section == steps.Section.QUESTIONS}
    linked = {step_of(item) for item in ITEMS}
    assert linked <= questions - {steps.START, steps.CHECK, steps.RESULT}
    assert step_of(Gap.STAYING_HEALTHY) == "need" and step_of(Gap.ROWS) == "week"


def page(name: str, d: Draft, lang: str = "nb") -> AppTest:
    """A page script alone, as tests/test_document_pages.py runs them."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=60)
    at.session_state["draft"] = d
    at.session_state["lang"] = lang
    at.session_state["assess_on"] = ASSESSED_ON
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _links(at: AppTest) -> list[str]:
    return [b.key for b in at.button if b.key and b.key.startswith("review:")]


@pytest.mark.parametrize("where", ["application", "download"])
def test_the_list_and_its_links_show_before_the_download(where: str) -> None:
    at = page(where, persona_draft("emil"))
    headers = [h.value for h in at.header]
    assert "Dette mangler i søknaden" in headers
    assert "Svar som ikke passer sammen" in headers
    assert "Dette kan bli sterkere" in headers
    expected = PERSONA_REVIEWS["emil"]
    ids = expected["missing"] + expected["contradictions"] + expected["weak"]
    assert _links(at) == [f"review:{where}:{i}" for i in ids]  # one link per id, in order
    link = next(b for b in at.button if b.key == f"review:{where}:goals")
    assert link.label == "Gå til steg 8: Mål og tjenester i dag"
    shown = all_text(at)
    assert "Det mangler hva BPA skal gjøre mulig for barnet ditt og familien." in shown
    assert "For et barn under 18 år gir skolen eller barnehagen den hjelpen." in shown
    if where == "download":  # before the download buttons
        order = [h.value for h in at.header]
        assert order.index("Dette mangler i søknaden") < order.index("Dokumenter som PDF")


def test_the_review_never_blocks_the_download() -> None:
    at = page("download", persona_draft("sofie"))
    assert _links(at)
    next(b for b in at.button if b.label == "Lag PDF").click().run()
    assert not at.exception
    assert download_links(at) == ["Last ned PDF", "Lagre svarene mine (fil)"]


@pytest.mark.parametrize("where", ["application", "download"])
def test_a_complete_draft_says_nothing_is_missing(where: str) -> None:
    at = page(where, complete(), lang="en")
    assert _links(at) == []
    assert "Missing from the application" not in [h.value for h in at.header]
    assert next(s.value for s in at.success).startswith("Nothing is missing.")


def test_the_result_page_says_the_application_gets_stronger() -> None:
    at = _app_on("result", persona_draft("kari"))
    assert "Gjør søknaden sterkere" in [s.value for s in at.subheader]
    count = sum(len(v) for v in PERSONA_REVIEWS["kari"].values())
    assert f"Søknaden blir sterkere når du svarer på {count} punkter til." in all_text(at)
    assert len(_links(at)) == count
    at = _app_on("result", complete())
    assert "Svarene dekker det kommunen vanligvis spør om." in all_text(at)
    assert _links(at) == []


def test_the_result_page_leaves_the_week_to_what_is_missing_for_the_estimate() -> None:
    d = persona_draft("kari")
    d.rows = []
    at = _app_on("result", d)
    assert "review:result:rows" not in _links(at)
    assert "review:application:rows" in _links(page("application", d))


def _app_on(where: str, d: Draft, lang: str = "nb") -> AppTest:
    at = new_app(lang)
    at.session_state["draft"] = d
    at.switch_page(f"pages/{where}.py").run()
    assert not at.exception
    return at


@pytest.mark.parametrize(
    ("where", "item", "title"),
    [
        ("application", "goals", "Steg 8 av 14 – Mål og tjenester i dag"),
        ("download", "staying_healthy", "Steg 3 av 14 – Behovet for hjelp"),
        ("download", "long_rows_but_no_night_need", "Steg 5 av 14 – Natt og to hjelpere"),
        ("result", "contact", "Steg 2 av 14 – Personen"),
    ],
)
def test_a_link_goes_to_the_step_and_back(where: str, item: str, title: str) -> None:
    at = _app_on(where, persona_draft("emil"))
    at.button(key=f"review:{where}:{item}").click().run()
    assert heading(at) == title
    back = at.button(key="nav_return")
    assert back.label == f"Tilbake til: {steps_title(where)}"
    back.click().run()
    assert heading(at).endswith(steps_title(where))
    at.button(key="nav_back").click().run()  # back where it started: the way back is gone
    assert not heading(at).endswith(steps_title(where))
    assert "nav_return" not in [b.key for b in at.button]


def steps_title(step_id: str) -> str:
    return {"application": "Søknaden", "download": "Last ned", "result": "Resultat"}[step_id]


def test_the_new_question_is_asked_and_shown_in_check_answers() -> None:
    d = persona_draft("emil")  # a mother writes for her son: "barnet ditt"
    at = _app_on("need", d)
    label = "Hva må barnet ditt gjøre eller unngå for å holde seg så friskt som mulig?"
    assert [t.label for t in at.text_area if t.key == "w:need.staying_healthy"] == [label]
    text(at, "need.staying_healthy", "Han må snus to ganger om natta og ha tilsyn ved anfall.")
    at.run()
    assert draft(at).need.staying_healthy.startswith("Han må snus")
    assert "staying_healthy" not in review(draft(at), on=ASSESSED_ON).missing
    at.switch_page("pages/check.py").run()
    shown = all_text(at)
    assert label in shown
    assert "Han må snus to ganger om natta og ha tilsyn ved anfall." in shown


@pytest.mark.parametrize(
    ("who", "question"),
    [
        ("kari", "Kva må du gjere eller unngå for å halde deg så frisk som mogleg?"),
        ("jonas", "Kva må personen gjere eller unngå for å halde seg så frisk som mogleg?"),
    ],
)
def test_the_new_question_speaks_to_whoever_fills_in(who: str, question: str) -> None:
    at = _app_on("need", persona_draft(who), lang="nn")
    assert question in [t.label for t in at.text_area]


def test_the_review_day_is_the_assessment_day() -> None:
    """The panel reviews on the day the estimate is made (tests pin it), like the result."""
    d = persona_draft("emil")
    d.person.birth_date = date(2008, 11, 23)  # 17 on 22 November 2026, 18 the day after
    at = page("application", d)
    assert "review:application:child_work_rows" in _links(at)


# Words that name the level that keeps night and two-helper hours out of the count, and the
# label of the level that counts, per language (bpa_ui/interview.py NEED_LEVELS).
_LOWER = {"nb": ("Av og til", "punktvis"), "nn": ("Av og til", "punktvis"), "en": ("Sometimes",)}
_CONTINUOUS = {
    "nb": "«Hele tida (kontinuerlig)»",
    "nn": "«Heile tida (kontinuerleg)»",
    "en": "“All the time (continuous)”",
}


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_night_and_two_helper_advice_never_points_to_a_lower_level(lang: str) -> None:
    """Emil's 24-hour respite row beside "no help at night": the sentence says what does not fit
    and asks to check both. It never steers to "sometimes" (that answer would take his night
    hours out of the count: 36,0 -> 30,5 hours) nor to marking a counted row as at night; if
    help is needed every night, it names that answer."""
    for voice in VOICES:
        said = _sentences(lang, voice)
        for item in (
            Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED,
            Weakness.NIGHT_NEED_WITHOUT_ROWS,
            Weakness.TWO_HELPER_NEED_WITHOUT_ROWS,
        ):
            text = said[item]
            assert _CONTINUOUS[lang] in text, (lang, voice, item)
            for word in _LOWER[lang]:
                assert word not in text, (lang, voice, item, word)
        long_rows = said[Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED]
        both = {"nb": "Sjekk både raden og svaret.", "nn": "Sjekk både rada og svaret."}
        assert both.get(lang, "Check both the row and the answer.") in long_rows
        own_row = {"nb": "som en egen rad", "nn": "som ei eiga rad", "en": "as a row of its own"}
        assert own_row[lang] in said[Weakness.NIGHT_NEED_WITHOUT_ROWS]
        assert own_row[lang] in said[Weakness.TWO_HELPER_NEED_WITHOUT_ROWS]
