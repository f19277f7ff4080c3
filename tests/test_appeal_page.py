"""The appeal page as a standalone page script, driven by AppTest.

"Today" is fixed by patching ``bpa_core.deadlines.today_in_norway`` (the page reads it from there),
so the deadline boundaries do not depend on the day the tests run.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bpa_core import deadlines
from bpa_core.draft import DecisionKind, Draft, FilledInBy, load_draft
from bpa_ui.i18n import LANG_KEY
from bpa_ui.state import DRAFT_KEY
from tests.support import download_links, html_text

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "pages" / "appeal.py")


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[date]]:
    """A settable 'today' for the page: ``today[0] = date(...)``."""
    current = [date(2026, 11, 22)]
    monkeypatch.setattr(deadlines, "today_in_norway", lambda: current[0])
    yield current


def page(lang: str = "nb", draft: Draft | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state[LANG_KEY] = lang
    if draft is not None:
        at.session_state[DRAFT_KEY] = draft
    at.run()
    assert not at.exception
    return at


def draft_of(at: AppTest) -> Draft:
    draft = at.session_state[DRAFT_KEY]
    assert isinstance(draft, Draft)
    return draft


def values(elements: object) -> list[str]:
    return [str(e.value) for e in elements]  # type: ignore[attr-defined]


def all_text(at: AppTest) -> str:
    """The letters' text (each letter one html element, bpa_ui.document_view); their
    non-breaking spaces (kept "§ 2-1 d", "20 timer") as spaces."""
    return "\n".join(values(at.text) + html_text(at)).replace("\xa0", " ")


def html(at: AppTest) -> str:
    """The preview's headings, lists and tables (bpa_ui.document_view, escaped HTML)."""
    return "\n".join(str(h.proto.body) for h in at.get("html")).replace("\xa0", " ")


def persona(name: str) -> Draft:
    return load_draft((ROOT / "tests" / "personas" / f"{name}.json").read_bytes())


def test_page_opens_with_headings_and_the_deadline_reminder(today: list[date]) -> None:
    at = page()
    assert values(at.title) == ["Klag på et vedtak"]
    assert values(at.header) == [
        "Vedtaket",
        "Fristen din",
        "Hvem brevet er fra",
        "Det du vil si",
        "Grunner som kan passe",
        "Forhåndsvisning",
        "Last ned",
    ]
    info = values(at.info)
    assert any("Sjekk fristen i brevet med vedtaket." in i for i in info)
    assert any("Pasient- og brukerombudet" in i for i in info)
    # every control has a label
    for widget in [*at.text_input, *at.text_area, *at.radio, *at.checkbox]:
        assert widget.label.strip()


def test_deadline_with_days_left(today: list[date]) -> None:
    at = page()
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    assert not at.exception
    assert draft_of(at).appeal.decision_received == date(2026, 11, 20)
    assert "Fristen din er fredag 18. desember 2026." in values(at.subheader)
    assert values(at.success) == ["26 dager igjen."]
    assert any("Sjekk fristen i brevet med vedtaket." in i for i in values(at.info))
    assert any("Be kommunen om lengre frist før fristen går ut." in m for m in values(at.markdown))


def test_deadline_today_after_christmas(today: list[date]) -> None:
    today[0] = date(2026, 12, 28)
    at = page()
    at.text_input(key="w:appeal.decision_received").input("28.11.2026").run()
    assert "Fristen din er mandag 28. desember 2026." in values(at.subheader)
    assert any(
        "Fristen ville vært lørdag 26. desember 2026, 4 uker etter at du fikk vedtaket. Den "
        "dagen er andre juledag." in m
        for m in values(at.markdown)
    )
    assert values(at.warning) == ["I dag er siste dag. Send klagen i dag."]
    assert not at.error


def test_deadline_passed_yesterday_offers_a_late_appeal(today: list[date]) -> None:
    today[0] = date(2026, 12, 29)
    at = page()
    at.text_input(key="w:appeal.decision_received").input("28.11.2026").run()
    at.text_input(key="w:appeal.decision_date").input("25.11.2026").run()
    assert values(at.error) == ["Fristen er ute."]
    texts = values(at.markdown)
    assert any("Du kan likevel sende klagen." in m for m in texts)
    assert any("For vedtaket ditt er det 25. november 2027." in m for m in texts)
    late = at.text_area(key="w:appeal.late_reason")
    late.input("Jeg var på sykehus.").run()
    assert draft_of(at).appeal.late_reason == "Jeg var på sykehus."
    preview = all_text(at)
    assert "Fristen for å klage var 28. desember 2026." in preview
    assert "Jeg var på sykehus." in preview


def test_more_than_a_year_after_the_decision(today: list[date]) -> None:
    today[0] = date(2027, 12, 1)
    at = page()
    at.text_input(key="w:appeal.decision_received").input("28.11.2026").run()
    at.text_input(key="w:appeal.decision_date").input("25.11.2026").run()
    assert any("Det har gått mer enn 1 år siden vedtaket." in e for e in values(at.error))


def test_decision_dated_after_receipt_is_named(today: list[date]) -> None:
    at = page()
    at.text_input(key="w:appeal.decision_received").input("10.11.2026").run()
    at.text_input(key="w:appeal.decision_date").input("12.11.2026").run()
    assert values(at.error) == [
        "Datoen på vedtaket: Vedtaket kan ikke være datert etter dagen det kom."
    ]


def test_hours_bad_input_is_named_and_kept(today: list[date]) -> None:
    at = page()
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.FEWER_HOURS).run()
    at.text_input(key="w:appeal.hours_applied").input("mange").run()
    assert values(at.error) == [
        "Timer i uka det ble søkt om: Skriv et antall timer fra 0 til 168, for eksempel 37,5."
    ]
    assert at.text_input(key="w:appeal.hours_applied").value == "mange"
    assert draft_of(at).appeal.hours_applied is None
    at.text_input(key="w:appeal.hours_applied").input("37,5").run()
    at.text_input(key="w:appeal.hours_granted").input("200").run()
    assert draft_of(at).appeal.hours_applied == Decimal("37.5")
    assert values(at.error) == [
        "Timer i uka i vedtaket: Skriv et antall timer fra 0 til 168, for eksempel 37,5."
    ]
    at.text_input(key="w:appeal.hours_granted").input("20").run()
    assert not at.error
    assert draft_of(at).appeal.hours_granted == Decimal("20")
    assert "Vedtaket gir 20 timer BPA i uka. Søknaden gjaldt 37,5 timer i uka." in all_text(at)


def test_grounds_can_be_ticked_edited_and_reset(today: list[date]) -> None:
    at = page(draft=persona("aanga"))
    assert any("Velg hva kommunen bestemte" in m for m in values(at.markdown))
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()
    assert not any("Noen grunner bygger på anslaget" in i for i in values(at.info))
    labels = [c.label for c in at.checkbox if str(c.key).startswith("appeal_ground_")]
    assert labels == [
        "Kommunen har ikke vist at BPA koster vesentlig mer",
        "BPA må uansett vurderes etter hol. § 3-8",
        "Hjelp om natta av og til er ingen grunn til å avslå eller kutte BPA",
        "To hjelpere av og til er ingen grunn til å avslå eller kutte BPA",
    ]
    assert "Kommunen har ikke vist at BPA koster vesentlig mer" not in all_text(at)
    assert "Kilde: pbrl. § 2-1 d, rundskriv I-9/2015" in values(at.caption)
    at.checkbox(key="appeal_ground_cost_not_documented").check().run()
    assert draft_of(at).appeal.grounds == ["cost_not_documented"]
    assert "Kommunen har ikke vist at BPA koster vesentlig mer</h4>" in html(at)
    assert (
        "Ukeplanen viser et behov på 25 timer i uka eller mer som teller med for retten."
        in all_text(at)
    )
    box = at.text_area(key="appeal_ground_text_cost_not_documented")
    box.input("Kommunen har ikke regnet på kostnaden.").run()
    assert draft_of(at).appeal.ground_edits == {
        "cost_not_documented": "Kommunen har ikke regnet på kostnaden."
    }
    assert "Kommunen har ikke regnet på kostnaden." in all_text(at)
    at.button(key="appeal_ground_reset_cost_not_documented").click().run()
    assert draft_of(at).appeal.ground_edits == {}
    assert at.text_area(key="appeal_ground_text_cost_not_documented").value.startswith(
        "Ukeplanen viser et behov på 25 timer i uka eller mer"
    )


def test_user_text_is_shown_as_text_never_as_markdown(today: list[date]) -> None:
    at = page()
    nasty = "![bilde](http://e.invalid/x.png) **fet** <b>html</b> á č đ ŋ š ŧ ž"
    at.text_area(key="w:appeal.what_is_wrong").input(nasty).run()
    at.text_input(key="w:person.name").input("<script>x</script> Áŋŋá").run()
    assert not at.exception
    assert nasty in all_text(at)  # the letters show the text as it is…
    assert "<script>x</script> Áŋŋá" in all_text(at)
    bodies = [str(h.proto.body) for h in at.get("html")]
    assert not any("<script>x" in b or "<b>html" in b or "<img" in b for b in bodies)  # …escaped
    for markdown in values(at.markdown):
        assert "e.invalid" not in markdown
        assert "<script>" not in markdown


def test_on_behalf_asks_for_the_writer(today: list[date]) -> None:
    at = page()
    assert not [t for t in at.text_input if t.key == "w:writer.name"]
    at.radio(key="w:filled_in_by").set_value(FilledInBy.RELATIVE).run()
    at.text_input(key="w:person.name").input("Ola Nordmann").run()
    at.text_input(key="w:writer.name").input("Kari Nordmann").run()
    at.text_input(key="w:writer.relation").input("datter").run()
    draft = draft_of(at)
    assert draft.writer.name == "Kari Nordmann"
    assert draft.on_behalf
    text = all_text(at)
    assert "Jeg klager på vegne av Ola Nordmann på vedtaket" in text
    assert "Kari Nordmann, datter" in text


def test_interface_in_english_and_letters_in_nynorsk(today: list[date]) -> None:
    at = page(lang="en")
    assert values(at.title) == ["Appeal a decision"]
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    assert "Your deadline is Friday, 18 December 2026." in values(at.subheader)
    assert values(at.success) == ["26 days left."]
    at.selectbox[0].select("nn").run()
    assert draft_of(at).document_language == "nn"
    assert "Klage på vedtak om BPA</h2>" in html(at)
    assert "Eg fekk vedtaket 20. november 2026." in all_text(at)


def test_nynorsk_interface(today: list[date]) -> None:
    at = page(lang="nn")
    assert values(at.title) == ["Klag på eit vedtak"]
    # four weeks after Saturday 21 November is Saturday 19 December: moved to Monday 21st
    at.text_input(key="w:appeal.decision_received").input("21.11.2026").run()
    assert "Fristen din er måndag 21. desember 2026." in values(at.subheader)
    assert any("Den dagen er ein laurdag." in m for m in values(at.markdown))
    assert values(at.success) == ["29 dagar att."]


def test_answers_from_the_draft_are_shown_and_kept(today: list[date]) -> None:
    draft = persona("kari")
    draft.appeal.case_number = "26/999"
    draft.appeal.decision_received = date(2026, 11, 2)
    at = page(draft=draft)
    assert at.text_input(key="w:appeal.case_number").value == "26/999"
    assert at.text_input(key="w:appeal.decision_received").value == "02.11.2026"
    assert at.text_input(key="w:person.name").value == "Kari Nordmann"
    assert draft_of(at).appeal.case_number == "26/999"
    assert "Saksnummeret er 26/999." in all_text(at)
    assert "\n22. november 2026" in all_text(at)  # the letters' date, under the letterhead


def test_downloads(today: list[date]) -> None:
    at = page()
    labels = download_links(at)
    assert "Last ned klagen som tekst" in labels
    assert "Last ned kravet om innsyn som tekst" in labels
    if importlib.util.find_spec("bpa_core.render.pdf") is None:
        assert any("PDF er ikke klar ennå." in i for i in values(at.info))
    else:
        assert "Last ned klagen som PDF" in labels


def test_letters_are_made_on_click_never_on_a_run(
    today: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text and PDF files are made when their links are fetched (bpa_ui/downloads.py):
    nothing is made while the page is drawn."""
    import bpa_core.render.pdf as pdf
    from bpa_core.documents.model import Document

    made: list[str] = []

    def making(what: str, result: object) -> object:
        made.append(what)
        return result

    monkeypatch.setattr(Document, "plain_text", lambda self: making("text", ""))
    monkeypatch.setattr(pdf, "render_pdf", lambda doc: making("pdf", b""))
    at = page(draft=persona("aanga"))
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()
    assert not at.exception
    assert len(download_links(at)) == 4
    assert made == []


def test_suggested_text_follows_the_letters_language_unless_rewritten(today: list[date]) -> None:
    at = page(draft=persona("aanga"))
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()
    at.checkbox(key="appeal_ground_occasional_night").check().run()
    at.selectbox[0].select("nn").run()
    assert draft_of(at).appeal.ground_edits == {}
    night = at.text_area(key="appeal_ground_text_occasional_night").value
    assert night.startswith("Hjelp om natta trengst av og til. Det er ingen grunn til å avslå")
    grounds = [c.label for c in at.checkbox if str(c.key).startswith("appeal_ground_")]
    assert grounds[2] == "Hjelp om natta av og til er ingen grunn til å avslå eller kutte BPA"
    # a rewritten text stays as written when the language changes
    at.text_area(key="appeal_ground_text_occasional_night").input("Eigen tekst.").run()
    at.selectbox[0].select("nb").run()
    assert at.text_area(key="appeal_ground_text_occasional_night").value == "Eigen tekst."
    assert draft_of(at).appeal.ground_edits == {"occasional_night": "Eigen tekst."}
    assert "Eigen tekst." in all_text(at)
    # ticks survive a change of decision kind and back
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.CO_PAYMENT).run()
    assert draft_of(at).appeal.grounds == ["occasional_night"]
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()
    assert at.checkbox(key="appeal_ground_occasional_night").value is True


def test_text_longer_than_the_field_never_breaks_the_page(today: list[date]) -> None:
    at = page(draft=persona("kari"))
    long_address = "Gate " * 120  # 600 characters; the field holds 500
    at.text_input(key="w:person.address").set_value(long_address).run()  # past max_chars
    assert not at.exception
    assert not at.error
    assert draft_of(at).person.address == long_address[:500]


def test_grounds_that_need_the_estimate_are_explained(today: list[date]) -> None:
    at = page()  # an empty draft: no age, cause, duration or week plan
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()
    assert any("Noen grunner bygger på anslaget av retten din" in i for i in values(at.info))
    # An unclear estimate refused still gets grounds: hol. § 3-8 and the whole need.
    labels = [c.label for c in at.checkbox if str(c.key).startswith("appeal_ground_")]
    assert labels == ["Kommunen må vurdere BPA etter hol. § 3-8", "Hele behovet må dekkes"]
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.FEWER_HOURS).run()
    assert any("Ingen ferdige grunner passer" in m for m in values(at.markdown))


@pytest.mark.parametrize(
    "typed", ["20.11.2026", "20/11/2026", "20-11-2026", "2026-11-20", " 20.11.2026 "]
)
def test_dates_typed_in_common_forms(today: list[date], typed: str) -> None:
    at = page()
    at.text_input(key="w:appeal.decision_received").input(typed).run()
    assert not at.error
    assert draft_of(at).appeal.decision_received == date(2026, 11, 20)


def test_bad_or_future_dates_are_named_and_kept(today: list[date]) -> None:
    at = page()
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    at.text_input(key="w:appeal.decision_received").input("20.11").run()
    assert values(at.error) == [
        "Dagen du fikk vedtaket: Skriv datoen som dag.måned.år, for eksempel 14.03.1992."
    ]
    assert at.text_input(key="w:appeal.decision_received").value == "20.11"
    assert draft_of(at).appeal.decision_received == date(2026, 11, 20)  # the last good date
    at.text_input(key="w:appeal.decision_received").input("31.02.2026").run()
    assert values(at.error) == [
        "Dagen du fikk vedtaket: Den datoen finnes ikke. Sjekk dagen og måneden."
    ]
    at.text_input(key="w:appeal.decision_received").input("23.11.2026").run()
    assert values(at.error) == ["Dagen du fikk vedtaket: Datoen kan ikke være etter i dag."]
    assert draft_of(at).appeal.decision_received == date(2026, 11, 20)
    at.text_input(key="w:appeal.decision_received").input("").run()
    assert not at.error
    assert draft_of(at).appeal.decision_received is None


def test_a_refused_date_or_number_is_kept_after_leaving_the_page(today: list[date]) -> None:
    """The appeal's dates and hours are bind fields: a refused value stays in its field, with
    the shared message, also after a visit to another step."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "nb"
    at.run()
    at.switch_page("pages/appeal.py").run()
    at.text_input(key="w:appeal.decision_received").input("31.02.2026").run()
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.FEWER_HOURS).run()
    at.text_input(key="w:appeal.hours_applied").input("mange").run()
    at.switch_page("pages/start.py").run()
    at.switch_page("pages/appeal.py").run()
    assert not at.exception
    assert at.text_input(key="w:appeal.decision_received").value == "31.02.2026"
    assert at.text_input(key="w:appeal.hours_applied").value == "mange"
    assert values(at.error) == [
        "Dagen du fikk vedtaket: Den datoen finnes ikke. Sjekk dagen og måneden.",
        "Timer i uka det ble søkt om: Skriv et antall timer fra 0 til 168, for eksempel 37,5.",
    ]


def test_grounds_are_assessed_on_the_day_of_the_decision(today: list[date]) -> None:
    """66 when refused, 67 now: the grounds are those of the decision day (assessment_date_for)."""
    draft = persona("aanga")
    draft.person.birth_date = date(1959, 11, 1)
    at = page(draft=draft)
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()
    at.text_input(key="w:appeal.decision_received").input("05.10.2026").run()
    at.text_input(key="w:appeal.decision_date").input("01.10.2026").run()
    assert not at.exception
    keys = [c.key for c in at.checkbox]
    assert "appeal_ground_cost_not_documented" in keys
    assert "appeal_ground_bpa_not_considered" not in keys


def test_a_doctors_statement_is_listed_only_when_ticked(today: list[date]) -> None:
    draft = persona("kari")
    draft.appeal.decision_received = date(2026, 11, 2)
    at = page(draft=draft)
    assert ">Legeerklæring</li>" not in html(at)
    at.checkbox(key="w:appeal.doctor_statement").check().run()
    assert not at.exception
    assert draft_of(at).appeal.doctor_statement is True
    assert ">Legeerklæring</li>" in html(at)
    assert "hvis du har en" not in html(at) + all_text(at)


def test_the_access_sentence_follows_the_tick(today: list[date]) -> None:
    draft = persona("kari")
    draft.appeal.decision_received = date(2026, 11, 2)
    at = page(draft=draft)
    sentence = "Jeg har også bedt om å få se dokumentene i saken"
    assert sentence not in all_text(at)
    at.checkbox(key="w:appeal.access_request").check().run()
    assert not at.exception
    assert draft_of(at).appeal.access_request is True
    assert sentence in all_text(at)


def test_a_writer_can_quote_the_persons_own_words(today: list[date]) -> None:
    draft = persona("aanga")
    draft.appeal.what_is_wrong = "Kommunen har ikke snakket med meg."
    at = page(draft=draft)
    assert "Áŋŋá Máret Gaup forteller det slik:" not in all_text(at)
    at.checkbox(key="w:appeal.own_words").check().run()
    assert draft_of(at).appeal.own_words is True
    assert "Áŋŋá Máret Gaup forteller det slik:" in all_text(at)
    # The person writing themself is never asked: the words are theirs already.
    assert not [c for c in page(draft=persona("kari")).checkbox if c.key == "w:appeal.own_words"]


def test_a_refused_day_received_clears_the_deadline_and_the_letters_date(
    today: list[date],
) -> None:
    """Issue 14, item 8: a day after today is refused, and the page stops showing the deadline
    and the letter of the last good day while the field shows the refused text."""
    at = page("en")
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    assert any(s.startswith("Your deadline is") for s in values(at.subheader))
    assert "20 November 2026" in all_text(at)
    at.text_input(key="w:appeal.decision_received").input("20.12.2026").run()  # after today
    assert any(
        e.startswith("The day you received the decision: The date cannot be after today.")
        for e in values(at.error)
    )
    assert not any(s.startswith("Your deadline is") for s in values(at.subheader))
    assert any("Correct it above to see your deadline." in m for m in values(at.markdown))
    assert "20 November 2026" not in all_text(at)  # not in the letter either
    assert any("leave out “The day you received the decision”" in w for w in values(at.warning))
    at.text_input(key="w:appeal.decision_received").input("21.11.2026").run()
    assert any(s.startswith("Your deadline is") for s in values(at.subheader))
    assert not at.warning


def test_the_doctor_statement_box_has_no_help_inside_its_label(today: list[date]) -> None:
    """A help icon inside a checkbox's label ticks the box when clicked: text beside it."""
    at = page("en")
    assert all(not c.help for c in at.checkbox)
    assert any("The doctor can say what help is needed" in c for c in values(at.caption))


# --- the page is laid out like every step (issue 13, point 1) ---------------------------------


def in_app(lang: str = "nb", draft: Draft | None = None) -> AppTest:
    """The whole app (frame, navigation), on the appeal page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    if draft is not None:
        at.session_state[DRAFT_KEY] = draft
    at.run()
    at.switch_page("pages/appeal.py").run()
    assert not at.exception
    return at


def test_typed_answers_survive_a_rerun_and_a_page_switch(today: list[date]) -> None:
    """The appeal's fields are bind fields (``w:<path>``, seeded from the Draft): what is typed
    is in the Draft at once, stays on a rerun, and is shown again after a visit to another
    step, on the appeal and on the step that asks the same question."""
    at = in_app()
    at.radio(key="w:filled_in_by").set_value(FilledInBy.RELATIVE).run()
    at.text_input(key="w:appeal.case_number").input("26/4711").run()
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.OTHER_SERVICE).run()
    at.text_area(key="w:appeal.service_offered").input("Hjemmetjenester to ganger om dagen").run()
    at.text_area(key="w:appeal.what_is_wrong").input("Timene er for få.").run()
    at.text_input(key="w:person.name").input("Ola Nordmann").run()
    at.text_input(key="w:writer.name").input("Kari Nordmann").run()
    at.checkbox(key="w:appeal.doctor_statement").check().run()
    at.run()  # a rerun with nothing new
    typed = {
        "w:appeal.case_number": "26/4711",
        "w:appeal.service_offered": "Hjemmetjenester to ganger om dagen",
        "w:appeal.what_is_wrong": "Timene er for få.",
        "w:person.name": "Ola Nordmann",
        "w:writer.name": "Kari Nordmann",
    }

    def shown() -> dict[str, str]:
        fields = [*at.text_input, *at.text_area]
        return {str(f.key): str(f.value) for f in fields if f.key in typed}

    assert shown() == typed
    at.switch_page("pages/start.py").run()
    at.switch_page("pages/appeal.py").run()
    assert not at.exception
    assert shown() == typed
    assert at.radio(key="w:appeal.decision_kind").value == DecisionKind.OTHER_SERVICE
    assert at.radio(key="w:filled_in_by").value == FilledInBy.RELATIVE
    assert at.checkbox(key="w:appeal.doctor_statement").value is True
    draft = draft_of(at)
    assert (draft.appeal.case_number, draft.person.name, draft.writer.name) == (
        "26/4711",
        "Ola Nordmann",
        "Kari Nordmann",
    )
    assert draft.appeal.doctor_statement is True
    # One question, one field: the person step shows what was typed on the appeal.
    at.switch_page("pages/person.py").run()
    assert at.text_input(key="w:person.name").value == "Ola Nordmann"
    assert at.text_input(key="w:writer.name").value == "Kari Nordmann"


def test_who_the_letter_is_from_asks_the_declared_sender_questions(today: list[date]) -> None:
    from bpa_ui import interview

    at = page("en")
    keys = {str(w.key) for w in [*at.text_input, *at.text_area, *at.radio]}
    on_behalf = {p for p in interview.SENDER if p.startswith("writer.")}
    assert {f"w:{p}" for p in interview.SENDER if p not in on_behalf} <= keys
    assert not {f"w:{p}" for p in on_behalf} & keys  # asked only for someone writing for another
    at.radio(key="w:filled_in_by").set_value(FilledInBy.COUNSELLOR).run()
    keys = {str(w.key) for w in [*at.text_input, *at.text_area, *at.radio]}
    assert {f"w:{p}" for p in interview.SENDER} <= keys
    # The same words as the person step (the counsellor's variant of the relation question).
    assert at.text_input(key="w:writer.relation").label == "Your role, for example adviser"
    assert at.radio(key="w:filled_in_by").label == "Who is filling in?"


def test_the_document_language_control_is_the_shared_one(
    today: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letters' language is chosen with bpa_ui.document_view's control, the one the
    application, checklist and download pages use: the same label, the same choice."""
    from bpa_ui import document_view

    calls: list[Draft] = []
    shared = document_view.document_language_select

    def recorded(draft: Draft) -> str:
        calls.append(draft)
        return shared(draft)

    monkeypatch.setattr(document_view, "document_language_select", recorded)
    at = in_app("en", persona("kari"))
    assert calls, "the appeal page did not draw the shared document-language control"
    assert [s.label for s in at.selectbox] == ["Language of the documents"]
    assert not [r for r in at.radio if "anguage" in r.label]  # no language control of its own
    at.selectbox[0].select("nn").run()
    assert draft_of(at).document_language == "nn"
    assert "Eg klagar på vedtaket" in all_text(at)
    at.switch_page("pages/application.py").run()
    assert at.selectbox[0].value == "nn"


PAGE_ELEMENTS = {"write", "info", "header", "subheader", "caption", "container", "tabs"}


def test_the_page_only_lays_out() -> None:
    """pages/appeal.py binds no widget of its own, imports nothing from the core (no
    bpa_core.render) and touches no session state: its questions are bind.ask's, its language
    control document_view's, its logic bpa_ui/appeal.py's."""
    import ast

    tree = ast.parse(Path(PAGE).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)] + [
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    ]
    assert not [m for m in imported if m.startswith("bpa_core")], imported
    st_calls = {
        n.func.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and isinstance(n.func.value, ast.Name)
        and n.func.value.id == "st"
    }
    # Layout only: headings, text, a fixed slot, the two previews' tabs. No st.text_input,
    # st.radio, st.checkbox, st.selectbox…
    assert st_calls <= PAGE_ELEMENTS, st_calls - PAGE_ELEMENTS
    source = Path(PAGE).read_text(encoding="utf-8")
    assert "session_state" not in source
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]


def test_appeal_periods_come_from_the_rules_in_force(
    today: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The texts name the periods of bpa_core.deadlines.AppealRules in force: a change of law
    (here: six weeks and two years for decisions received from 1 November 2026) is a change of
    data, and the page says it."""
    changed = deadlines.AppealRules(
        valid_from=date(2026, 11, 1), appeal_weeks=6, late_appeal_limit_years=2
    )
    monkeypatch.setattr(deadlines, "APPEAL_RULES", (*deadlines.APPEAL_RULES, changed))
    at = page("en")
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    assert "Your deadline is Monday, 4 January 2027." in values(at.subheader)  # past New Year
    assert any(
        "The deadline is 6 weeks after the day you received the decision" in m
        for m in values(at.markdown)
    )
    moved = "The deadline would be Friday, 1 January 2027, 6 weeks after you received the decision."
    assert any(moved in m for m in values(at.markdown))
    today[0] = date(2029, 1, 2)
    at = page("nn")
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    assert any("Det har gått meir enn 2 år sidan vedtaket." in e for e in values(at.error))
    today[0] = date(2027, 3, 1)
    at = page("nb")
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()
    assert any("aldri behandlet mer enn 2 år etter vedtaket" in m for m in values(at.markdown))
    # Before the change: four weeks, one year.
    at = page("nb")
    at.text_input(key="w:appeal.decision_received").input("20.10.2026").run()
    assert any("Fristen er 4 uker etter dagen du fikk vedtaket" in m for m in values(at.markdown))
    assert any("aldri behandlet mer enn 1 år etter vedtaket" in m for m in values(at.markdown))


def top_level_place(at: AppTest, key: str) -> int:
    """Which of the page's top-level elements holds the widget with this key: Streamlit draws
    a field anew (dropping what is being typed) when its place changes."""
    for index, child in at.main.children.items():
        stack = [child]
        while stack:
            node = stack.pop()
            if getattr(node, "key", None) == key:
                return int(index)
            stack.extend(getattr(node, "children", {}).values())
    raise KeyError(key)


def test_the_fields_keep_their_place_whatever_the_deadline_says(today: list[date]) -> None:
    """The deadline section and the grounds say more or less as the answers change; each sits
    in one slot, so the fields after them keep their place (docs/ui.md, "Fixed slots")."""
    at = page(draft=persona("aanga"))
    fields = ("w:person.name", "w:appeal.what_is_wrong", "w:appeal.attachments")
    before = [top_level_place(at, k) for k in fields]
    at.text_input(key="w:appeal.decision_received").input("20.11.2026").run()  # days left
    assert [top_level_place(at, k) for k in fields] == before
    at.text_input(key="w:appeal.decision_received").input("28.11.2025").run()  # too late
    at.text_input(key="w:appeal.decision_date").input("25.11.2025").run()
    assert values(at.error)
    assert [top_level_place(at, k) for k in fields] == before
    late = top_level_place(at, "w:appeal.late_reason")
    at.radio(key="w:appeal.decision_kind").set_value(DecisionKind.REFUSED).run()  # grounds
    assert [top_level_place(at, k) for k in (*fields, "w:appeal.late_reason")] == [*before, late]
