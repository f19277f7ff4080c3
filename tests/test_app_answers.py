"""Every answer means what the user meant (issue 14), in AppTest: the week's numbers typed as
text, rows longer than their period, the add form after "Add", rows decided on the next step,
the "when" of a row, suggestions in the documents' language, the fødselsnummer, check-answers,
the need's "since when", a child's age criterion and the twelve-month age flag."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from bpa_core.draft import (
    ActivityRow,
    Category,
    DayPart,
    FilledInBy,
    NeedLevel,
    Onset,
    Per,
)
from bpa_core.i18n import gettext_for
from tests.app.driver import all_text, choose, draft, new_app, next_step, press, text
from tests.support import html_text, persona_draft


def _week(lang: str = "en") -> AppTest:
    at = new_app(lang)
    at.switch_page("pages/week.py").run()
    return at


def _type_number(at: AppTest, key: str, value: str) -> None:
    """Type into a number field as a person does. (Before issue 14 these were number inputs,
    which took no text at all: kept so the tests can be run against that code.)"""
    if any(t.key == key for t in at.text_input):
        at.text_input(key=key).input(value)
    else:
        at.number_input(key=key).set_value(int(float(value.replace(",", "."))))


def _fill_add(at: AppTest, activity: str, minutes: str, times: str = "1") -> None:
    at.text_input(key="add:activity").input(activity)
    _type_number(at, "add:minutes", minutes)
    _type_number(at, "add:times", times)


def _add(at: AppTest, row: ActivityRow) -> AppTest:
    """Add a row through the form (as tests.app.driver.add_row, with _type_number)."""
    at.selectbox(key="add:category").set_value(row.category)
    at.run()
    _fill_add(at, row.activity, str(row.minutes), str(row.times))
    at.selectbox(key="add:per").set_value(row.per)
    at.checkbox(key="add:night").set_value(row.night)
    at.checkbox(key="add:two_helpers").set_value(row.two_helpers)
    for part in DayPart:
        if any(c.key == f"add:{part.value}" for c in at.checkbox):
            at.checkbox(key=f"add:{part.value}").set_value(part in row.day_parts)
    return press(at, "add_row")


def _errors(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.error]


# --- 2 and 6: the minutes and times as typed ---------------------------------------------------


@pytest.mark.parametrize("typed", ["12,5", "12.5"])
def test_a_decimal_in_the_minutes_is_refused_with_a_message_and_kept(typed: str) -> None:
    at = _week()
    _fill_add(at, "Toilet", typed)
    press(at, "add_row")
    assert draft(at).rows == []  # never 125, never 12
    assert "Minutes each time: Write whole minutes, without decimals, for example 12 or 13." in (
        _errors(at)
    )
    assert at.text_input(key="add:minutes").value == typed  # nothing typed is lost


@pytest.mark.parametrize("typed", ["0", "2000", "-5"])
def test_minutes_out_of_range_say_the_real_reason_in_every_language(typed: str) -> None:
    for lang, wanted in {
        "en": "Minutes each time: Write a number of minutes from 1 to 1440.",
        "nb": "Minutter hver gang: Skriv et antall minutter fra 1 til 1440.",
        "nn": "Minutt kvar gong: Skriv eit tal på minutt frå 1 til 1440.",
    }.items():
        at = _week(lang)
        _fill_add(at, "Stell", typed)
        press(at, "add_row")
        assert _errors(at) == [wanted], lang
        assert draft(at).rows == []


@pytest.mark.parametrize("lang", ["en", "nb", "nn"])
def test_the_limits_the_messages_name_are_taken_as_written(lang: str) -> None:
    """The English message said "from 1 to 1,440", and "1,440" typed is refused as a decimal:
    the highest number each message names, typed as it is written there, makes a row."""
    at = _week(lang)
    _fill_add(at, "Stell", "2000", "2000")
    press(at, "add_row")
    most_minutes, most_times = (_LAST_NUMBER.findall(m)[-1] for m in _errors(at))
    _type_number(at, "add:minutes", most_minutes)
    _type_number(at, "add:times", "1")
    press(at, "add_row")
    assert not _errors(at), (lang, most_minutes)
    _fill_add(at, "Tilsyn", "1", most_times)
    at.selectbox(key="add:per").set_value(Per.YEAR)
    press(at, "add_row")
    assert not _errors(at), (lang, most_times)
    assert [(r.minutes, r.times) for r in draft(at).rows] == [(1440, 1), (1, 1000)]
    assert (most_minutes, most_times) == ("1440", "1000")  # the same way in every language


_LAST_NUMBER = re.compile(r"\d(?:[\d,.\s]*\d)?")


def test_times_are_whole_numbers_too() -> None:
    at = _week()
    _fill_add(at, "Toilet", "10", "2,5")
    press(at, "add_row")
    assert _errors(at) == ["How many times: Write a whole number of times, without decimals."]


# --- 3: a row cannot take more time than its period; a week over 168 hours is told -------------


def test_a_row_longer_than_a_day_is_refused_naming_the_field() -> None:
    at = _week()
    _fill_add(at, "Toilet", "30", "100")
    press(at, "add_row")
    assert draft(at).rows == []
    assert _errors(at) == [
        "How many times: The minutes times the number of times are more than a day has (24 hours)."
    ]
    # A whole day is possible.
    _type_number(at, "add:times", "48")
    press(at, "add_row")
    assert not _errors(at)
    assert len(draft(at).rows) == 1


def test_a_week_over_168_hours_is_warned_about() -> None:
    at = new_app("en")
    draft(at).rows = [
        ActivityRow(category=Category.PERSONAL_CARE, minutes=720, times=2, per=Per.DAY),
        ActivityRow(category=Category.MEALS, minutes=60, times=1, per=Per.WEEK),
    ]
    at.switch_page("pages/week.py").run()
    warning = "The activities add up to 169 hours a week, more than the 168 hours a week has."
    assert any(w.value.startswith(warning) for w in at.warning)
    draft(at).rows = draft(at).rows[:1]
    at.run()
    assert not any(w.value.startswith("The activities add up to") for w in at.warning)


# --- 4: the add form starts afresh -----------------------------------------------------------


def test_how_often_is_reset_with_the_other_fields_after_add() -> None:
    at = _week()
    _add(
        at,
        ActivityRow(
            category=Category.HOUSEHOLD, activity="Cleaning", minutes=60, times=1, per=Per.WEEK
        ),
    )
    assert at.selectbox(key="add:per").value == Per.DAY
    assert not at.checkbox(key="add:night").value
    # The next row, typed without touching "How often", is per day, as the form shows.
    _fill_add(at, "Toilet", "10", "6")
    press(at, "add_row")
    assert draft(at).rows[-1].per == Per.DAY


# --- 5: night and two-helper rows before step 5 is answered ------------------------------------


def test_night_rows_are_decided_on_the_next_step_not_excluded() -> None:
    at = new_app("en")
    draft(at).rows = [
        ActivityRow(category=Category.MEALS, activity="Dinner", minutes=60, times=1, per=Per.DAY),
        ActivityRow(
            category=Category.PERSONAL_CARE,
            activity="Turning",
            minutes=30,
            times=2,
            per=Per.DAY,
            night=True,
        ),
    ]
    at.switch_page("pages/week.py").run()
    page = all_text(at)
    live = [m.value for m in at.markdown if m.value.startswith("Counted so far:")]
    assert live == ["Counted so far: 7 hours a week · 7 hours decided on the next step"]
    assert "not counted" not in page
    assert "Personal care – 1 activity, decided on the next step" in [e.label for e in at.expander]
    assert any("decided on the next step" in c.value for c in at.caption)
    # Once answered, the step decides: occasional is held outside, with the reason.
    draft(at).night_need = NeedLevel.OCCASIONAL
    at.run()
    live = [m.value for m in at.markdown if m.value.startswith("Counted so far:")]
    assert live == ["Counted so far: 7 hours a week · 7 hours not counted"]
    draft(at).night_need = NeedLevel.CONTINUOUS
    at.run()
    live = [m.value for m in at.markdown if m.value.startswith("Counted so far:")]
    assert live == ["Counted so far: 14 hours a week"]


# --- day rhythm: when in the day, the fourth box being the night flag ------------------------


def test_a_row_says_when_and_the_night_box_is_the_rows_night_flag() -> None:
    at = _week()
    labels = [at.checkbox(key=f"add:{k}").label for k in ("morning", "daytime", "evening", "night")]
    assert labels == ["In the morning", "During the day", "In the evening", "At night"]
    row = ActivityRow(
        category=Category.PERSONAL_CARE,
        activity="Toilet",
        minutes=10,
        times=6,
        per=Per.DAY,
        day_parts=[DayPart.MORNING, DayPart.EVENING],
        night=True,
    )
    _add(at, row)
    assert draft(at).rows == [row]
    summary = [c.value for c in at.caption if c.value.startswith("10 min × 6 per day")]
    assert summary and "(morning, evening, at night)" in summary[0]
    press(at, "edit:0")  # the change form shows the row's own "when"
    assert [at.checkbox(key=f"edit:{k}").value for k in ("morning", "daytime", "evening")] == [
        True,
        False,
        True,
    ]
    assert at.checkbox(key="edit:night").value is True
    at.checkbox(key="edit:night").uncheck()
    at.checkbox(key="edit:daytime").check()
    press(at, "save:0")
    saved = draft(at).rows[0]
    assert saved.day_parts == [DayPart.MORNING, DayPart.DAYTIME, DayPart.EVENING]
    assert saved.night is False


def test_no_checkbox_on_the_week_has_help_inside_its_label() -> None:
    """A help icon inside a checkbox's label ticks the box when clicked (seen in Chromium):
    the night explanation is text beside the boxes."""
    at = _week()
    assert all(not c.help for c in at.checkbox)
    assert any(c.value.startswith("At night: when you would otherwise sleep.") for c in at.caption)


# --- 12: suggestions in the documents' language --------------------------------------------


def test_a_suggestion_goes_in_in_the_documents_language() -> None:
    at = new_app("en")
    draft(at).document_language = "nb"
    at.switch_page("pages/week.py").run()
    assert any("written in Norsk bokmål" in c.value for c in at.caption)
    at.button_group[0].set_value("Getting up and dressing").run()
    wanted = gettext_for("nb")("Getting up and dressing")
    assert wanted != "Getting up and dressing"
    assert at.text_input(key="add:activity").value == wanted
    # The chip itself reads in the interface's language.
    assert "Getting up and dressing" in at.button_group[0].options


# --- 7: the fødselsnummer --------------------------------------------------------------------


def _person(lang: str = "en", birth: str = "13.09.1972") -> AppTest:
    at = new_app(lang)
    choose(at, "filled_in_by", FilledInBy.SELF)
    next_step(at)
    text(at, "person.birth_date", birth)
    return at.run()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abcdefghijk", "Write all 11 digits"),
        ("123", "Write all 11 digits"),
        ("13097248032", "This is not a valid number."),
        ("32127248022", "The first six digits must be the date of birth"),
        ("29029648784", "The first six digits do not match the date of birth."),
    ],
)
def test_a_wrong_national_id_is_refused_naming_the_field(typed: str, message: str) -> None:
    at = _person()
    text(at, "person.national_id", typed)
    at.run()
    label = "National identity number (fødselsnummer)"
    assert [e for e in _errors(at) if e.startswith(f"{label}: {message}")], _errors(at)
    assert draft(at).person.national_id == ""  # not printed in the application
    assert at.text_input(key="w:person.national_id").value == typed  # kept as typed


def test_a_valid_national_id_is_kept_and_a_later_birth_date_change_is_told() -> None:
    at = _person()
    text(at, "person.national_id", "130972 48022")
    at.run()
    assert not _errors(at)
    assert draft(at).person.national_id == "130972 48022"
    text(at, "person.birth_date", "14.09.1972")
    at.run()
    assert any("do not match the date of birth" in e for e in _errors(at))
    text(at, "person.birth_date", "13.09.1972")
    at.run()
    assert not _errors(at)


def test_national_id_messages_are_translated() -> None:
    at = _person("nn")
    text(at, "person.national_id", "123")
    at.run()
    assert _errors(at) and _errors(at)[0].startswith("Fødselsnummer")
    assert "11" in _errors(at)[0]


# --- 10 and 11: check-answers and the need step ---------------------------------------------


def test_check_answers_shows_the_writers_phone_and_email() -> None:
    from bpa_ui.answers import by_step
    from tests.app.driver import ASSESSED_ON

    at = new_app("en")
    d = persona_draft("aanga")
    d.writer.phone = "915 00 000"
    d.writer.email = "radgiver@example.no"
    at.session_state["draft"] = d
    at.switch_page("pages/check.py").run()
    shown = "\n".join(html_text(at))  # check answers: one html element a step
    assert "\n915 00 000\n" in shown
    assert "\nradgiver@example.no\n" in shown
    assert ASSESSED_ON  # the check page is drawn on the pinned day
    assert by_step  # the same list the page draws


def test_since_when_is_not_asked_after_from_birth() -> None:
    at = new_app("en")
    at.switch_page("pages/need.py").run()
    keys = [t.key for t in at.text_input]
    assert "w:need.since" in keys
    choose(at, "need.onset", Onset.CONGENITAL)
    at.run()
    assert "w:need.since" not in [t.key for t in at.text_input]
    at.switch_page("pages/check.py").run()
    questions = "\n".join(html_text(at))  # check answers: one html element a step
    assert "Since when? For example a year" not in questions
    assert "\nWhen did it start?\n" in questions


def test_a_child_is_told_the_age_criterion_in_a_childs_words() -> None:
    at = new_app("nb")
    at.session_state["draft"] = persona_draft("emil")
    at.switch_page("pages/result.py").run()
    page = all_text(at)
    assert "under 67" not in page.replace("BPA ble innvilget som en rett før 67", "")
    assert "**Alder**" in [m.value for m in at.markdown]


# --- 17: the age flag, twelve months ahead, with the day --------------------------------------


def test_a_man_of_66_years_and_3_months_is_told_the_day_he_turns_67() -> None:
    at = new_app("nb")
    d = persona_draft("aanga")
    d.person.birth_date = date(1960, 8, 22)  # 66 years and 3 months on 22 November 2026
    at.session_state["draft"] = d
    at.switch_page("pages/result.py").run()
    page = all_text(at)
    assert "fyller 67 år 22. august 2027" in page
    assert "før den datoen" in page


def test_a_rows_when_comes_back_from_a_saved_file() -> None:
    """Day rhythm: a restored file shows each row's "when" in the list and in its change form."""
    import json

    d = persona_draft("kari")
    d.rows = [
        ActivityRow(
            category=Category.PERSONAL_CARE,
            activity="Kveldsstell",
            minutes=40,
            times=1,
            per=Per.DAY,
            day_parts=[DayPart.EVENING],
            night=True,
        )
    ]
    at = new_app("en")
    raw = json.dumps(json.loads(d.to_json())).encode("utf-8")
    at.file_uploader(key="draft_upload").set_value(("draft.json", raw, "application/json"))
    at.run()
    assert draft(at).rows[0].day_parts == [DayPart.EVENING]
    at.switch_page("pages/week.py").run()
    assert any("(evening, at night)" in c.value for c in at.caption)
    press(at, "edit:0")
    assert [at.checkbox(key=f"edit:{k}").value for k in ("morning", "daytime", "evening")] == [
        False,
        False,
        True,
    ]
    assert at.checkbox(key="edit:night").value is True


# --- the earlier decision, for BPA granted before the age limit (issue 13) --------------------


def test_the_earlier_decision_is_asked_only_when_bpa_was_granted_before_the_age_limit() -> None:
    """Asked in its own slot on the person step only when "granted before 67" is yes; then it
    is in the Draft, in check-answers, and named by the application (a continuation)."""
    at = new_app("en")
    at.switch_page("pages/person.py").run()
    text(at, "person.birth_date", "01.03.1958")  # 68 on the pinned day
    at.run()

    def asked() -> list[str]:
        return [str(t.label) for t in at.text_input if t.key == "w:person.earlier_decision"]

    assert asked() == []  # "granted before 67?" is asked, not yet answered
    shown_before = [str(w.key) for w in [*at.text_input, *at.radio]]
    choose(at, "person.granted_before_age_limit", True)
    at.run()
    assert asked() == ["Which decision granted you BPA before 67?"]
    field = at.text_input(key="w:person.earlier_decision")
    assert "municipality" in str(field.help)
    # Nothing else came or went (bind.ask draws it in its own slot, docs/ui.md).
    now = [str(w.key) for w in [*at.text_input, *at.radio]]
    assert [k for k in now if k != "w:person.earlier_decision"] == shown_before
    earlier = "Vedtak 12.03.2019 fra Trondheim kommune, sak 19/1234"
    field.input(earlier).run()
    assert draft(at).person.earlier_decision == earlier
    at.switch_page("pages/check.py").run()
    shown = "\n".join(html_text(at))
    assert f"\nThe decision that granted BPA before 67\n\n{earlier}\n" in shown
    at.switch_page("pages/application.py").run()
    application = "\n".join(html_text(at))
    assert f"The earlier decision on BPA: {earlier}. A copy is attached." in application
    # No: not asked, not listed (the typed text stays in the Draft, and comes back on yes).
    at.switch_page("pages/person.py").run()
    choose(at, "person.granted_before_age_limit", False)
    at.run()
    assert asked() == []
    at.switch_page("pages/check.py").run()
    assert "The decision that granted BPA before 67" not in "\n".join(html_text(at))


def test_the_earlier_decision_is_asked_in_the_voice_of_whoever_fills_in() -> None:
    at = new_app("nn")
    d = persona_draft("ragnhild")
    d.filled_in_by = FilledInBy.RELATIVE
    d.person.granted_before_age_limit = True
    at.session_state["draft"] = d
    at.switch_page("pages/person.py").run()
    field = at.text_input(key="w:person.earlier_decision")
    assert field.label == "Kva vedtak gav personen BPA før 67 år?"
