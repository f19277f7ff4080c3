"""The three walkthroughs of issue 14, typed in full in Chromium, one per language, each ending
with the PDF (the application and the doctor's checklist) read back: it says what was typed.

- nynorsk: a mother fills in for her son of 9 (from birth, a night row held outside);
- bokmål: a counsellor with a man of 66 years and 3 months with ALS (told the day he turns 67);
- English: a woman of 31 who works 60 % (help at work held outside, a suggestion chip).

The PDFs are read back for the typed words, and for the typed numbers as the week table prints
them (each row's minutes, times and hours a week: "12,5" once became 125) and the birth date.

Dates are counted from today, as the server does (its assessment day is today).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date

from bpa_core import languages
from bpa_core.draft import (
    ActivityRow,
    Answer,
    Arbeidsleder,
    ArbeidslederKind,
    Category,
    Course,
    DayPart,
    Draft,
    Duration,
    FilledInBy,
    Goals,
    Life,
    Need,
    NeedLevel,
    Onset,
    Per,
    Person,
    Writer,
)
from bpa_core.rules import assess
from bpa_core.rules.ages import add_months
from bpa_core.rules.hours import display_hours
from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.journey import LABELS, Journey, pdf_text
from tests.browser.server import Server

TODAY = date.today()
MORNING, DAYTIME, EVENING = DayPart.MORNING, DayPart.DAYTIME, DayPart.EVENING


def years_ago(years: int, months: int = 0) -> date:
    """A birth date: ``years`` and ``months`` before today, a few days more (never a birthday
    today, whichever day the tests run)."""
    return add_months(TODAY, -(12 * years + months)).replace(day=1)


def _control(digits: list[int], weights: tuple[int, ...]) -> int:
    return (11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11) % 11


def fodselsnummer(birth: date) -> str:
    """A well-formed number for ``birth``: the first individual number whose two control
    digits (modulus 11, the classic weights) are digits. Computed here, not by the app."""
    start = birth.strftime("%d%m%y")
    first = 0 if birth.year < 2000 else 500
    for individual in range(first, first + 500):
        digits = [int(c) for c in f"{start}{individual:03d}"]
        k1 = _control(digits, (3, 7, 6, 1, 8, 9, 4, 5, 2))
        k2 = _control([*digits, k1], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if k1 < 10 and k2 < 10:
            return f"{start}{individual:03d}{k1}{k2}"
    raise AssertionError("no number found")


def _row(category: Category, activity: str, minutes: int, times: int, per: Per, **kw: Any) -> Any:
    return ActivityRow(
        category=category, activity=activity, minutes=minutes, times=times, per=per, **kw
    )


def mother_nn() -> Draft:
    birth = years_ago(9, 2)
    return Draft(
        filled_in_by=FilledInBy.RELATIVE,
        writer=Writer(
            name="Ingrid Haugen", relation="mor", phone="912 34 567", email="ingrid@example.no"
        ),
        person=Person(
            name="Sindre Haugen",
            birth_date=birth,
            municipality="Voss",
            address="Vangsgata 12, 5700 Voss",
            national_id=fodselsnummer(birth),
        ),
        need=Need(
            cause=Answer.YES,
            description="Cerebral parese. Sindre sit i rullestol og har lite kraft i armane.",
            onset=Onset.CONGENITAL,
            duration=Duration.OVER_2_YEARS,
            course=Course.STABLE,
        ),
        rows=[
            _row(Category.PERSONAL_CARE, "Morgonstell", 45, 1, Per.DAY, day_parts=[MORNING]),
            _row(Category.MEALS, "Mating", 20, 3, Per.DAY, day_parts=[MORNING, DAYTIME, EVENING]),
            _row(Category.PARTICIPATION, "Fotball", 120, 2, Per.WEEK, day_parts=[EVENING]),
            _row(Category.PERSONAL_CARE, "Snuing", 10, 2, Per.DAY, night=True),
        ],
        variations="Når han er forkjøla, treng han meir hjelp heile dagen.",
        night_need=NeedLevel.OCCASIONAL,
        two_helper_need=NeedLevel.NONE,
        manages_alone="Han et sjølv når maten er skoren opp.",
        needs_help_with="Stell, forflytting og å vere med venner.",
        life=Life(
            living_situation="Bur heime med mor, far og ei syster på 6 år.",
            education="Går i 4. klasse på Voss barneskule.",
        ),
        goals=Goals(goals="At Sindre kan vere med på fotball og bursdagar som andre born."),
        arbeidsleder=Arbeidsleder(kind=ArbeidslederKind.GUARDIAN, name="Ingrid Haugen"),
    )


def counsellor_nb() -> Draft:
    return Draft(
        filled_in_by=FilledInBy.COUNSELLOR,
        writer=Writer(
            name="Mona Lie",
            organisation="Brukerorganisasjonen",
            relation="rådgiver",
            phone="22 33 44 55",
            email="mona@example.no",
        ),
        person=Person(
            name="Per Olav Dahl",
            birth_date=years_ago(66, 3),
            municipality="Drammen",
            phone="980 76 543",
        ),
        need=Need(
            cause=Answer.YES,
            description="ALS (amyotrofisk lateral sklerose). Kreftene i armer og bein svinner.",
            onset=Onset.ACQUIRED,
            since="2024",
            duration=Duration.OVER_2_YEARS,
            course=Course.PROGRESSIVE,
        ),
        rows=[
            _row(Category.PERSONAL_CARE, "Morgenstell", 60, 1, Per.DAY, day_parts=[MORNING]),
            _row(Category.MEALS, "Måltider", 30, 3, Per.DAY, day_parts=[MORNING, DAYTIME]),
            _row(Category.HOUSEHOLD, "Husarbeid", 120, 3, Per.WEEK, day_parts=[DAYTIME]),
            _row(Category.MOBILITY, "Forflytning", 10, 6, Per.DAY, two_helpers=True),
        ],
        night_need=NeedLevel.NONE,
        two_helper_need=NeedLevel.CONTINUOUS,
        goals=Goals(goals="Bo hjemme og være med barnebarna så lenge det går."),
        arbeidsleder=Arbeidsleder(kind=ArbeidslederKind.SELF),
    )


def woman_en() -> Draft:
    birth = years_ago(31, 4)
    return Draft(
        filled_in_by=FilledInBy.SELF,
        person=Person(
            name="Sarah Olsen",
            birth_date=birth,
            municipality="Stavanger",
            email="sarah@example.no",
            national_id=fodselsnummer(birth),
        ),
        need=Need(
            cause=Answer.YES,
            description="Spinal cord injury (C6) after a skiing accident.",
            onset=Onset.ACQUIRED,
            since="2019",
            duration=Duration.OVER_2_YEARS,
            course=Course.STABLE,
        ),
        rows=[
            # The first activity's words come from a suggestion chip (see the test).
            _row(Category.PERSONAL_CARE, "", 60, 1, Per.DAY, day_parts=[MORNING]),
            _row(Category.MEALS, "Dinner", 45, 1, Per.DAY, day_parts=[EVENING]),
            _row(Category.HOUSEHOLD, "Cleaning", 90, 2, Per.WEEK),
            _row(Category.WORK_OR_EDUCATION, "Office", 60, 3, Per.WEEK, day_parts=[DAYTIME]),
        ],
        night_need=NeedLevel.NONE,
        two_helper_need=NeedLevel.NONE,
        life=Life(work="Engineer, 60 % position at an energy company."),
        goals=Goals(goals="Keep my job at 60 % and train twice a week."),
        arbeidsleder=Arbeidsleder(kind=ArbeidslederKind.SELF),
    )


def _download(journey: Journey) -> str:
    journey.go_to("download")
    data, _media = journey.download_pdf()
    assert data.startswith(b"%PDF")
    return pdf_text(data)


def _numbers_are_printed(text: str, want: Draft, lang: str, rows: list[str]) -> None:
    """The week table's rows as typed (activity, when, each time, how often, hours a week:
    written out here, not by the app) and the birth date, in both documents."""
    missing = [row for row in rows if row not in text]
    assert missing == [], missing
    assert want.person.birth_date is not None
    born = format_date(
        want.person.birth_date, format="long", locale=languages.language(lang).babel_locale
    )
    label = {"nb": "Fødselsdato:", "nn": "Fødselsdato:", "en": "Date of birth:"}[lang]
    assert text.count(f"{label} {born}") == 2, born  # the application and the checklist


def _typed_is_printed(text: str, want: Draft) -> None:
    """Every typed answer that the documents print, as typed."""
    values = [
        want.person.name,
        want.person.municipality,
        want.person.address,
        want.person.phone,
        want.person.email,
        want.person.national_id,
        want.writer.name,
        want.writer.phone,
        want.writer.email,
        want.need.description,
        want.goals.goals,
        *(row.activity for row in want.rows),
    ]
    missing = [v for v in values if v and v not in text]
    assert missing == [], missing


def test_nynorsk_mother_of_a_boy_of_9(app_server: Server, page: Any) -> None:
    want = mother_nn()
    journey = Journey(page, app_server.url, "nn")
    journey.open()
    journey.fill(want)
    journey.wait_for_step(steps.RESULT)
    main = page.get_by_role("main")
    # A child is never told "under 67 år": the age criterion in a child's words.
    main.get_by_text("Kravet om alder er oppfylt for barnet ditt.", exact=False).wait_for()
    assert main.get_by_text("under 67 år", exact=False).count() == 0
    text = _download(journey)
    _typed_is_printed(text, want)
    assert "Snuing" in text  # the occasional night row is in the week, held outside the count
    _numbers_are_printed(
        text,
        want,
        "nn",
        [
            "Morgonstell (morgon) 45 min 1 gong om dagen 5,2",
            "Mating (morgon, dag, kveld) 20 min 3 gonger om dagen 7,0",
            "Fotball (kveld) 2 t 2 gonger i veka 4,0",
            "Snuing (natt) 10 min 2 gonger om dagen 2,3",
            "Sum 18,5",
        ],
    )
    # The mother leads as a parent, never as a guardian (verje).
    assert "verje" not in text.lower()
    # "Frå fødselen" says since when: the question is not there (not only left unanswered).
    need = f"{steps.number('need')}. {journey.t(steps.by_id('need').title)}"
    wait_for_app(page)
    page.get_by_role("navigation").get_by_role("link", name=need, exact=True).click()
    journey.wait_for_step("need")
    from_birth = journey.t(LABELS["onset"][Onset.CONGENITAL.value])
    assert page.get_by_role("radio", name=from_birth, exact=True).is_checked()
    since = journey.t("Since when? For example a year")
    assert page.get_by_label(since, exact=True).count() == 0
    assert main.get_by_text(since, exact=False).count() == 0
    assert "unexpected error" not in app_server.text_output()


def test_bokmal_counsellor_with_a_man_of_66_with_als(app_server: Server, page: Any) -> None:
    want = counsellor_nb()
    assert want.person.birth_date is not None
    journey = Journey(page, app_server.url, "nb")
    journey.open()
    journey.fill(want)
    journey.wait_for_step(steps.RESULT)
    a = assess(want, TODAY)
    assert a.reaches_age_limit_on is not None
    day = format_date(a.reaches_age_limit_on, format="long", locale="nb_NO")
    main = page.get_by_role("main")
    main.get_by_text(f"Personen fyller 67 år {day}.", exact=False).wait_for()
    # Two-helper rows count when the need is continuous: on the result, all of it.
    hours = f"{display_hours(a.counted_minutes).normalize():f}".replace(".", ",")
    main.get_by_text(f"Teller med for retten til BPA: {hours} timer", exact=False).wait_for()
    # Check-answers shows the counsellor's phone and e-mail, as the application prints them.
    journey.go_to_check()
    assert main.get_by_text(want.writer.phone, exact=True).count() == 1
    assert main.get_by_text(want.writer.email, exact=True).count() == 1
    journey.next(steps.CHECK)
    text = _download(journey)
    _typed_is_printed(text, want)
    _numbers_are_printed(
        text,
        want,
        "nb",
        [
            "Morgenstell (morgen) 1 t 1 gang om dagen 7,0",
            "Måltider (morgen, dag) 30 min 3 ganger om dagen 10,5",
            "Husarbeid (dag) 2 t 3 ganger i uka 6,0",
            "Forflytning (to hjelpere) 10 min 6 ganger om dagen 7,0",
            "Sum 30,5",
        ],
    )
    # 66 years 3 months: the application asks for a decision before the 67th birthday.
    asks = (
        f"Per Olav Dahl fyller 67 år {day}. Per Olav Dahl ber om at søknaden blir avgjort før "
        "den datoen."
    )
    assert asks in text.replace("\xa0", " ")
    assert "unexpected error" not in app_server.text_output()


def test_english_woman_of_31_working_60_percent(app_server: Server, page: Any) -> None:
    want = woman_en()
    journey = Journey(page, app_server.url, "en")
    journey.open()
    # The first activity from the suggestion chip "Getting up and dressing": the documents
    # follow the interface (English), so the words go in in English.
    first = want.rows[0]
    original = want.rows
    want.rows = original[1:]
    journey.fill_until_week(want)
    journey.select("Kind of help", "Personal care")
    page.get_by_role("radio", name="Getting up and dressing", exact=True).click()
    wait_for_app(page)
    journey.type("Minutes each time", str(first.minutes))
    journey.tick("In the morning", True)
    page.get_by_role("button", name="Add activity", exact=True).click()
    page.get_by_role("heading", name="Activities (1)", exact=True).wait_for()
    journey.fill_from_week(want, start=2)
    want.rows = [first.model_copy(update={"activity": "Getting up and dressing"}), *want.rows]
    journey.wait_for_step(steps.RESULT)
    main = page.get_by_role("main")
    main.get_by_role(
        "heading", name="You probably do not have the legal right to BPA", exact=False
    ).wait_for()
    # Help at work is held outside, with the reason.
    main.get_by_text("Work, school or studies: covered by other schemes", exact=False).wait_for()
    text = _download(journey)
    _typed_is_printed(text, want)
    _numbers_are_printed(
        text,
        want,
        "en",
        [
            "Getting up and dressing (morning) 1 h once a day 7.0",
            "Dinner (evening) 45 min once a day 5.2",
            "Cleaning 1 h 30 min twice a week 3.0",
            "Office (day) 1 h 3 times a week 3.0",
            "Total 18.2",
        ],
    )
    assert "60 %" in text
    assert "unexpected error" not in app_server.text_output()
