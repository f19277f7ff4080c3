"""The review of a draft (bpa_core.review): every id present and absent, the order by estimate,
the personas' reviews pinned, and the command line ``python -m bpa_core review``."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bpa_core.__main__ import main
from bpa_core.draft import (
    ActivityRow,
    ArbeidslederKind,
    Category,
    Course,
    DayPart,
    Draft,
    Duration,
    FilledInBy,
    NeedLevel,
    Per,
    RowToFix,
)
from bpa_core.review import (
    Contradiction,
    Gap,
    Review,
    Weakness,
    gap_order,
    review,
    says_none,
    weak_order,
)
from bpa_core.rules import Outcome, assess
from tests.support import PERSONA_DRAFTS, PERSONA_NAMES, persona_draft

ON = date(2026, 11, 22)
SENTENCE = "Jeg vil beholde jobben min og trene to ganger i uka med venner."


def complete() -> Draft:
    """Kari with every answer that bpa-rules.md § 3 asks for."""
    d = persona_draft("kari")
    d.person.address = "Storgata 1, 1300 Sandvika"
    d.person.phone = "900 00 000"
    d.need.description = "Multippel sklerose. Lite kraft i bein og armer, blir fort sliten."
    d.need.staying_healthy = "Hvile etter trening, unngå varme og ta medisinene til faste tider."
    d.manages_alone = "Spise selv når maten er ferdig, bruke PC og telefon."
    d.needs_help_with = "Stell morgen og kveld, middag, rengjøring, handling og å komme meg ut."
    d.variations = "Dårlige dager tar morgenstellet dobbelt så lang tid."
    d.goals.goals = SENTENCE
    d.goals.not_done_today = "Jeg dusjer bare to ganger i uka og kommer sjelden på korpsøvelse."
    d.goals.why_today_not_enough = (
        "Hjemmetjenesten kommer til faste tider som ikke passer med jobben min om morgenen."
    )
    d.goals.current_services = "Hjemmehjelp 2 timer i uka, hjemmesykepleie morgen."
    d.goals.services_bpa_replaces = "Hjemmehjelpen og hjemmesykepleien om morgenen."
    d.life.family_changes = "Far er blitt syk og kan ikke hjelpe lenger."
    for row in d.rows:
        row.day_parts = [DayPart.MORNING]
    return d


def complete_child() -> Draft:
    """Emil (8) with every answer asked of a parent; no school rows, no 24-hour row."""
    d = persona_draft("emil")
    d.rows = [r for r in d.rows if r.category != Category.WORK_OR_EDUCATION and r.minutes < 960]
    for row in d.rows:
        row.day_parts = [DayPart.EVENING]
    d.writer.phone = "900 00 000"  # the mother's phone: enough to book the home visit
    d.need.description = "Cerebral parese, sitter i rullestol, trenger hjelp til alt stell."
    d.need.staying_healthy = "Han må snus og strekkes hver dag og ha tilsyn ved anfall."
    d.manages_alone = "Han spiser selv med tilpasset skje og styrer rullestolen inne."
    d.needs_help_with = "Stell, mating, forflytning, turer og aktiviteter etter skolen."
    d.goals.goals = "Emil skal kunne gå på fotball med venner, og vi skal orke jobben."
    d.goals.not_done_today = "Han kommer ikke på fritidsaktiviteter, og søsteren blir ofte alene."
    d.goals.why_today_not_enough = (
        "Avlastningsboligen har faste dager som ikke passer med turnusen til faren."
    )
    d.goals.current_services = "Ingen."
    d.arbeidsleder.name = ""  # the parents lead a child's assistants
    return d


def ids(draft: Draft) -> Review:
    return review(draft, on=ON)


def test_a_complete_draft_has_nothing_to_review() -> None:
    assert ids(complete()).to_dict() == {"missing": [], "contradictions": [], "weak": []}
    assert not ids(complete())


def test_a_complete_draft_for_a_child_has_nothing_to_review() -> None:
    assert ids(complete_child()).to_dict() == {"missing": [], "contradictions": [], "weak": []}


def _set(path: str, value: object) -> Callable[[Draft], None]:
    def change(d: Draft) -> None:
        *parents, last = path.split(".")
        obj: object = d
        for part in parents:
            obj = getattr(obj, part)
        setattr(obj, last, value)

    return change


def _no_day_parts(d: Draft) -> None:
    for row in d.rows:
        row.day_parts = []


def _on_behalf_unnamed(d: Draft) -> None:
    d.filled_in_by = FilledInBy.RELATIVE
    d.writer.relation = "mor"


def _add(**fields: object) -> Callable[[Draft], None]:
    def change(d: Draft) -> None:
        base: dict[str, object] = {
            "category": Category.PERSONAL_CARE,
            "activity": "Tilsyn",
            "minutes": 60,
            "times": 1,
            "per": Per.WEEK,
            "day_parts": [DayPart.DAYTIME],
        }
        d.rows.append(ActivityRow.model_validate(base | fields))

    return change


def _row_to_fix(d: Draft) -> None:
    """An older file's row of 30 minutes 100 times a day: kept apart, not counted."""
    d.rows_to_fix.append(
        RowToFix.model_validate(
            {
                "category": Category.PERSONAL_CARE,
                "activity": "Tilsyn",
                "minutes": 30,
                "times": 100,
                "per": Per.DAY,
            }
        )
    )


def _no_contact(d: Draft) -> None:
    d.person.address = ""
    d.person.phone = ""


def _continuation_unnamed(d: Draft) -> None:
    """68 on ``ON``, granted BPA under the right before 67, the decision not named."""
    d.person.birth_date = date(1958, 5, 1)
    d.person.granted_before_age_limit = True
    d.person.earlier_decision = " "


def _varying_without_words(d: Draft) -> None:
    d.need.course = Course.VARYING
    d.variations = ""


GAPS: dict[Gap, Callable[[Draft], None]] = {
    Gap.PERSONAL_DETAILS: _set("person.name", " "),
    Gap.EARLIER_DECISION: _continuation_unnamed,
    Gap.ROWS: _set("rows", []),
    Gap.GOALS: _set("goals.goals", ""),
    Gap.WHY_SERVICES_INSUFFICIENT: _set("goals.why_today_not_enough", "\n"),
    Gap.NOT_DONE_TODAY: _set("goals.not_done_today", ""),
    Gap.CURRENT_SERVICES: _set("goals.current_services", ""),
    Gap.SERVICES_REPLACED: _set("goals.services_bpa_replaces", ""),
    Gap.MANAGES_ALONE: _set("manages_alone", ""),
    Gap.DAY_RHYTHM: _no_day_parts,
    Gap.NIGHT: _set("night_need", None),
    Gap.CAUSE_AND_DURATION: _set("need.duration", None),
    Gap.STAYING_HEALTHY: _set("need.staying_healthy", ""),
    Gap.FAMILY: _set("life.living_situation", ""),
    Gap.ARBEIDSLEDER: _set("arbeidsleder.kind", None),
    Gap.CONTACT: _no_contact,
}
CONTRADICTIONS: dict[Contradiction, Callable[[Draft], None]] = {
    # Kari's week and a whole day, every day: more than the week has.
    Contradiction.WEEK_OVER_168: _add(minutes=1440, times=1, per=Per.DAY, night=True),
    Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED: _add(minutes=960, times=1, per=Per.MONTH),
    Contradiction.TWO_HELPER_ROWS_BUT_NO_NEED: _add(two_helpers=True),
    Contradiction.CHILD_WORK_ROWS: _add(category=Category.WORK_OR_EDUCATION),
    Contradiction.ROWS_TO_FIX: _row_to_fix,
}
WEAK: dict[Weakness, Callable[[Draft], None]] = {
    Weakness.GOALS_THIN: _set("goals.goals", "Jobbe og trene."),
    Weakness.WHY_SERVICES_INSUFFICIENT_THIN: _set("goals.why_today_not_enough", "For lite."),
    Weakness.NOT_DONE_TODAY_THIN: _set("goals.not_done_today", "Dusje, trene."),
    Weakness.NEED_DESCRIPTION_THIN: _set("need.description", "MS."),
    Weakness.NEEDS_HELP_WITH_THIN: _set("needs_help_with", "Alt mulig."),
    Weakness.ROWS_UNNAMED: _add(activity=" "),
    Weakness.NIGHT_NEED_WITHOUT_ROWS: _set("night_need", NeedLevel.OCCASIONAL),
    Weakness.TWO_HELPER_NEED_WITHOUT_ROWS: _set("two_helper_need", NeedLevel.CONTINUOUS),
    Weakness.VARIATIONS_UNSTATED: _varying_without_words,
    Weakness.ARBEIDSLEDER_NOT_DECIDED: _set("arbeidsleder.kind", ArbeidslederKind.NOT_DECIDED),
}


def test_every_id_has_a_test() -> None:
    assert set(GAPS) == set(Gap)
    assert set(CONTRADICTIONS) == set(Contradiction)
    assert set(WEAK) == set(Weakness)


@pytest.mark.parametrize("gap", list(Gap))
def test_each_missing_id(gap: Gap) -> None:
    draft = complete()
    assert gap not in ids(draft).missing
    GAPS[gap](draft)
    assert gap in ids(draft).missing


@pytest.mark.parametrize("item", list(Contradiction))
def test_each_contradiction(item: Contradiction) -> None:
    draft = complete_child() if item == Contradiction.CHILD_WORK_ROWS else complete()
    assert ids(draft).contradictions == ()
    CONTRADICTIONS[item](draft)
    assert item in ids(draft).contradictions


@pytest.mark.parametrize("item", list(Weakness))
def test_each_weak_id(item: Weakness) -> None:
    draft = complete()
    assert ids(draft).weak == ()
    WEAK[item](draft)
    assert item in ids(draft).weak


# Each id's boundary: what is just enough, and what a person who is not asked never sees.


def test_personal_details_include_the_writer_when_someone_writes_for_the_person() -> None:
    draft = complete()
    _on_behalf_unnamed(draft)
    assert Gap.PERSONAL_DETAILS in ids(draft).missing
    draft.writer.name = "Line Hansen"
    assert Gap.PERSONAL_DETAILS not in ids(draft).missing
    draft.person.birth_date = None
    assert Gap.PERSONAL_DETAILS in ids(draft).missing


def test_services_replaced_is_not_asked_when_there_are_no_services_today() -> None:
    draft = complete()
    draft.goals.services_bpa_replaces = ""
    for none in ("Ingen.", "ingen", "Inga", "None", "nothing!", " ingen  tjenester "):
        draft.goals.current_services = none
        assert Gap.SERVICES_REPLACED not in ids(draft).missing, none
    draft.goals.current_services = "Ingen hjemmehjelp, men hjemmesykepleie hver kveld."
    assert Gap.SERVICES_REPLACED in ids(draft).missing
    assert says_none("Ingen.") and not says_none("Ingen om kvelden")


def test_day_rhythm_needs_half_of_the_counted_rows_to_say_when() -> None:
    draft = complete()  # eight rows: seven counted, one health row (never counted)
    _no_day_parts(draft)
    counted = [r for r in draft.rows if r.category != Category.HEALTH]
    for row in counted[:3]:
        row.day_parts = [DayPart.EVENING]
    draft.rows[-1].day_parts = [DayPart.MORNING]  # the health row: not among those counted
    assert draft.rows[-1].category == Category.HEALTH
    assert Gap.DAY_RHYTHM in ids(draft).missing  # 3 of 7
    counted[3].night = True  # the night flag says when too (and is then held outside)
    draft.night_need = NeedLevel.CONTINUOUS  # continuous: the row still counts
    assert Gap.DAY_RHYTHM not in ids(draft).missing  # 4 of 7


def test_day_rhythm_half_of_the_rows_is_enough() -> None:
    draft = complete()
    draft.rows = [r for r in draft.rows if r.category == Category.PERSONAL_CARE]
    assert len(draft.rows) == 2
    draft.rows[0].day_parts = []
    assert Gap.DAY_RHYTHM not in ids(draft).missing  # 1 of 2
    draft.rows[1].day_parts = []
    assert Gap.DAY_RHYTHM in ids(draft).missing


def test_day_rhythm_of_a_week_where_nothing_counts_uses_every_row() -> None:
    draft = complete()
    draft.rows = [r for r in draft.rows if r.category == Category.HEALTH]
    assert Gap.DAY_RHYTHM not in ids(draft).missing
    _no_day_parts(draft)
    assert Gap.DAY_RHYTHM in ids(draft).missing


def test_no_week_is_missing_rows_not_day_rhythm() -> None:
    draft = complete()
    draft.rows = []
    assert Gap.ROWS in ids(draft).missing and Gap.DAY_RHYTHM not in ids(draft).missing


def test_contact_is_an_address_or_a_phone_or_the_writers_phone() -> None:
    draft = complete()
    draft.person.address = ""
    assert Gap.CONTACT not in ids(draft).missing  # the phone
    draft.person.phone = ""
    draft.person.email = "kari@example.no"
    assert Gap.CONTACT in ids(draft).missing  # an e-mail books no home visit
    draft.writer.phone = "22 22 22 22"
    assert Gap.CONTACT in ids(draft).missing  # Kari writes herself: no writer
    _on_behalf_unnamed(draft)
    draft.writer.name = "Line Hansen"
    assert Gap.CONTACT not in ids(draft).missing  # the writer can be called
    draft.writer.phone = ""
    draft.person.address = "Storgata 1"
    assert Gap.CONTACT not in ids(draft).missing


def test_family_asks_an_adult_about_civil_status_and_children_too() -> None:
    adult = complete()
    adult.life.living_situation = ""
    adult.life.civil_status = "Gift"
    assert Gap.FAMILY not in ids(adult).missing
    child = complete_child()
    child.life.living_situation = ""
    child.life.civil_status = "Gift"  # from an older file: a child is never asked this
    child.life.children = "Ingen"
    assert Gap.FAMILY in ids(child).missing


def test_arbeidsleder_of_a_child() -> None:
    child = complete_child()
    assert child.arbeidsleder.kind == ArbeidslederKind.GUARDIAN
    assert Gap.ARBEIDSLEDER not in ids(child).missing  # the parents, no name needed
    child.arbeidsleder.kind = ArbeidslederKind.SELF  # not offered to a child: unanswered
    assert Gap.ARBEIDSLEDER in ids(child).missing
    child.arbeidsleder.kind = ArbeidslederKind.CO_LEADER
    assert Gap.ARBEIDSLEDER in ids(child).missing
    child.arbeidsleder.name = "Tante Siri"
    assert Gap.ARBEIDSLEDER not in ids(child).missing


def test_arbeidsleder_of_an_adult_needs_the_leaders_name() -> None:
    draft = complete()
    draft.arbeidsleder.kind = ArbeidslederKind.GUARDIAN
    assert Gap.ARBEIDSLEDER in ids(draft).missing
    draft.arbeidsleder.name = "Ola Nordmann"
    assert Gap.ARBEIDSLEDER not in ids(draft).missing
    draft.arbeidsleder.kind = ArbeidslederKind.NOT_DECIDED
    r = ids(draft)
    assert Gap.ARBEIDSLEDER not in r.missing and Weakness.ARBEIDSLEDER_NOT_DECIDED in r.weak


def test_night_needs_both_answers() -> None:
    draft = complete()
    draft.two_helper_need = None
    assert Gap.NIGHT in ids(draft).missing


def test_dont_know_is_an_answer_not_a_gap() -> None:
    draft = complete()
    draft.need.duration = Duration.DONT_KNOW  # Jonas: too early to say
    assert Gap.CAUSE_AND_DURATION not in ids(draft).missing


def test_long_rows_start_at_16_hours_and_need_the_answer_none() -> None:
    draft = complete()
    _add(minutes=959)(draft)
    assert ids(draft).contradictions == ()
    draft.rows[-1].minutes = 960
    assert ids(draft).contradictions == (Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED,)
    draft.night_need = NeedLevel.OCCASIONAL
    assert ids(draft).contradictions == ()
    draft.night_need = None  # unanswered: the question is missing, not contradicted
    r = ids(draft)
    assert r.contradictions == () and Gap.NIGHT in r.missing


def test_a_night_row_beside_no_night_need_contradicts() -> None:
    draft = complete()
    draft.rows[0].night = True
    assert Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED in ids(draft).contradictions


def test_two_helper_rows_beside_occasional_need_are_fine() -> None:
    draft = complete()
    _add(two_helpers=True)(draft)
    draft.two_helper_need = NeedLevel.OCCASIONAL
    assert ids(draft).contradictions == ()


def test_work_rows_of_an_adult_are_no_contradiction() -> None:
    draft = complete()
    _add(category=Category.WORK_OR_EDUCATION)(draft)
    assert ids(draft).contradictions == ()
    draft.person.birth_date = date(2009, 11, 23)  # 16 on the day: a child
    assert Contradiction.CHILD_WORK_ROWS in ids(draft).contradictions
    draft.person.birth_date = date(2008, 11, 22)  # 18 on the day
    assert Contradiction.CHILD_WORK_ROWS not in ids(draft).contradictions


def test_the_week_may_hold_exactly_168_hours() -> None:
    draft = complete()
    draft.night_need = NeedLevel.CONTINUOUS
    draft.rows = [
        ActivityRow(category=Category.PERSONAL_CARE, activity="Tilsyn", minutes=1440, times=1,
                    per=Per.DAY, night=True, day_parts=list(DayPart))
    ]  # fmt: skip
    assert ids(draft).contradictions == ()
    _add(minutes=1, times=1)(draft)
    assert ids(draft).contradictions == (Contradiction.WEEK_OVER_168,)


def test_an_empty_description_is_weak_too() -> None:
    draft = complete()
    draft.need.description = " "
    assert Weakness.NEED_DESCRIPTION_THIN in ids(draft).weak
    draft.needs_help_with = "Alt."
    assert Weakness.NEEDS_HELP_WITH_THIN in ids(draft).weak


def test_no_own_words_on_the_help_is_weak_only_when_the_rows_have_no_names() -> None:
    """Without the person's words the application lists the help by category in the rows'
    own names: that is enough; rows without names leave only category names."""
    draft = complete()
    draft.needs_help_with = ""
    assert Weakness.NEEDS_HELP_WITH_THIN not in ids(draft).weak
    for row in draft.rows:
        row.activity = ""
    assert Weakness.NEEDS_HELP_WITH_THIN in ids(draft).weak


def test_a_varying_need_with_its_bad_days_described_is_not_weak() -> None:
    draft = complete()
    draft.need.course = Course.VARYING
    assert draft.variations and Weakness.VARIATIONS_UNSTATED not in ids(draft).weak


def test_thin_means_fewer_than_eight_words() -> None:
    draft = complete()
    draft.goals.goals = "Jobbe, trene, være med venner og i korpset."  # 8 words
    assert Weakness.GOALS_THIN not in ids(draft).weak
    draft.goals.goals = "Jobbe, trene, være med venner i korpset 2027."  # 7 words (and a year)
    assert Weakness.GOALS_THIN in ids(draft).weak
    draft.goals.goals = ""  # empty: missing, not thin
    r = ids(draft)
    assert Gap.GOALS in r.missing and Weakness.GOALS_THIN not in r.weak


def test_no_night_rows_without_any_rows_is_only_missing_rows() -> None:
    draft = complete()
    draft.night_need = NeedLevel.CONTINUOUS
    draft.rows = []
    assert ids(draft).weak == ()


# The order: what decides the case first.


def _gaps_for(outcome: Outcome) -> tuple[Gap, ...]:
    draft = complete()
    for change in (Gap.GOALS, Gap.DAY_RHYTHM, Gap.SERVICES_REPLACED, Gap.MANAGES_ALONE):
        GAPS[change](draft)
    if outcome == Outcome.NO_RIGHT_CAN_APPLY:
        draft.need.duration = Duration.TWO_YEARS_OR_LESS
    elif outcome == Outcome.RIGHT_UNLESS_COST:
        draft.rows = [r for r in draft.rows if r.category != Category.PARTICIPATION]
    a = assess(draft, ON)
    assert a.outcome == outcome
    return review(draft, a).missing


def test_under_hol_3_8_the_reasons_come_first() -> None:
    assert _gaps_for(Outcome.NO_RIGHT_CAN_APPLY) == (
        Gap.GOALS,
        Gap.SERVICES_REPLACED,
        Gap.MANAGES_ALONE,
        Gap.DAY_RHYTHM,
    )


def test_where_the_right_holds_the_week_comes_first() -> None:
    assert _gaps_for(Outcome.RIGHT) == (
        Gap.DAY_RHYTHM,
        Gap.MANAGES_ALONE,
        Gap.GOALS,
        Gap.SERVICES_REPLACED,
    )


def test_in_the_cost_band_what_bpa_replaces_comes_early() -> None:
    assert _gaps_for(Outcome.RIGHT_UNLESS_COST) == (
        Gap.DAY_RHYTHM,
        Gap.SERVICES_REPLACED,
        Gap.MANAGES_ALONE,
        Gap.GOALS,
    )


def test_every_order_holds_every_id_once() -> None:
    for outcome in Outcome:
        assert sorted(gap_order(outcome)) == sorted(Gap)
        assert sorted(weak_order(outcome)) == sorted(Weakness)
    assert weak_order(Outcome.NO_RIGHT_CAN_APPLY)[0] == Weakness.GOALS_THIN
    assert weak_order(Outcome.RIGHT)[0] == Weakness.NEED_DESCRIPTION_THIN


def test_an_assessment_given_is_used() -> None:
    draft = persona_draft("sofie")
    a = assess(draft, ON)
    assert review(draft, a) == review(draft, on=ON)


# The personas, as a caseworker would read their drafts (issue 11).

PERSONA_REVIEWS: dict[str, dict[str, list[str]]] = {
    "aanga": {
        "missing": [
            "day_rhythm",
            "current_services",
            "services_replaced",
            "manages_alone",
            "goals",
            "not_done_today",
            "why_services_insufficient",
            "staying_healthy",
            "contact",
        ],
        "contradictions": [],
        "weak": ["need_description_thin"],
    },
    "emil": {
        "missing": [
            "day_rhythm",
            "manages_alone",
            "goals",
            "not_done_today",
            "why_services_insufficient",
            "current_services",
            "services_replaced",
            "staying_healthy",
            "contact",
        ],
        "contradictions": ["long_rows_but_no_night_need", "child_work_rows"],
        "weak": ["need_description_thin"],
    },
    "jonas": {
        "missing": [
            "personal_details",
            "day_rhythm",
            "manages_alone",
            "goals",
            "not_done_today",
            "why_services_insufficient",
            "current_services",
            "services_replaced",
            "staying_healthy",
            "family",
            "contact",
        ],
        "contradictions": [],
        "weak": ["need_description_thin"],
    },
    "kari": {
        "missing": [
            "day_rhythm",
            "not_done_today",
            "why_services_insufficient",
            "services_replaced",
            "staying_healthy",
            "contact",
        ],
        "contradictions": [],
        "weak": [],
    },
    "ragnhild": {
        "missing": [
            "earlier_decision",
            "day_rhythm",
            "manages_alone",
            "goals",
            "not_done_today",
            "why_services_insufficient",
            "current_services",
            "services_replaced",
            "staying_healthy",
            "family",
            "contact",
        ],
        "contradictions": ["long_rows_but_no_night_need"],
        "weak": ["need_description_thin"],
    },
    "sofie": {
        "missing": [
            "goals",
            "why_services_insufficient",
            "not_done_today",
            "current_services",
            "services_replaced",
            "family",
            "manages_alone",
            "day_rhythm",
            "staying_healthy",
            "contact",
        ],
        "contradictions": [],
        "weak": ["need_description_thin"],
    },
}


def test_every_persona_is_pinned() -> None:
    assert sorted(PERSONA_REVIEWS) == PERSONA_NAMES


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_persona_review_on_the_command_line(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = PERSONA_DRAFTS / f"{name}.json"
    assert main(["review", str(path), "--on", ON.isoformat()]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert json.loads(out.out) == PERSONA_REVIEWS[name]


def test_cli_review_keys_and_a_complete_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "complete.json"
    path.write_text(complete().to_json(), encoding="utf-8")
    assert main(["review", str(path), "--on", "2026-11-22"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "missing": [],
        "contradictions": [],
        "weak": [],
    }


def test_cli_review_of_a_bad_file_or_day_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b"not json")
    assert main(["review", str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip() == f"error: {path}: not_json"
    assert main(["review", str(PERSONA_DRAFTS / "kari.json"), "--on", "2019-01-01"]) == 2
    assert "no rule set" in capsys.readouterr().err


def test_cli_review_defaults_to_today(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(PERSONA_DRAFTS / "kari.json")]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"missing", "contradictions", "weak"}
