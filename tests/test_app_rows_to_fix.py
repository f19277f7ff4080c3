"""An older draft file with a row longer than its period (refused since draft version 3).

Such a file used to be refused whole ("longer_than_day: rows.1"): all its answers were out of
reach. It opens with every answer; the row is kept apart, not counted, named on the check page
and first on the week step, where it can be fixed (its answers go into the add form) or removed.
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from bpa_core.draft import Per
from bpa_core.rules import assess
from tests.app.driver import ASSESSED_ON, draft, new_app, on_step_id, press
from tests.support import html_text, persona_draft


def older_file(times: int = 100) -> bytes:
    """Kari's file as version 2 saved it, her second row taking 30 min x ``times`` a day."""
    data = json.loads(persona_draft("kari").to_json())
    data["schema_version"] = 2
    data["rows"][1].update(minutes=30, times=times, per="day")
    return json.dumps(data).encode("utf-8")


NAME = persona_draft("kari").rows[1].activity


def opened(lang: str = "en") -> AppTest:
    at = new_app(lang)
    at.file_uploader(key="draft_upload").set_value(("old.json", older_file(), "application/json"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _week(at: AppTest) -> AppTest:
    return at.switch_page("pages/week.py").run()


def counted(at: AppTest) -> object:
    return assess(draft(at), on=ASSESSED_ON).counted_minutes


def test_the_file_opens_with_every_answer_and_the_row_named_on_check_answers() -> None:
    at = opened()
    assert on_step_id(at, "check")
    kari = persona_draft("kari")
    got = draft(at)
    assert [(r.activity, r.minutes, r.times) for r in got.rows_to_fix] == [(NAME, 30, 100)]
    assert got.rows == [r for i, r in enumerate(kari.rows) if i != 1]
    assert got.person == kari.person and got.goals == kari.goals and got.need == kari.need
    assert [w.value for w in at.warning] == [
        "1 activity from the saved file takes more time than it can, and is not counted. "
        "Change it on the step “The week”."
    ]
    shown = "\n".join(html_text(at))
    assert "Activity to fix 1" in shown and NAME in shown
    assert "30 min × 100 per day. The minutes times the number of times are more than a day " in (
        shown
    )


def test_the_week_step_names_the_row_and_fixing_it_makes_it_count() -> None:
    at = _week(opened())
    assert [t.value for t in at.text][:1] == [NAME]  # first on the step, as text
    assert any("It is kept from the saved file, but not counted" in c.value for c in at.caption)
    before = counted(at)
    press(at, "fix:0")
    # Its answers in the add form, the reason under "How many times".
    assert at.text_input(key="add:activity").value == NAME
    assert (at.text_input(key="add:minutes").value, at.text_input(key="add:times").value) == (
        "30",
        "100",
    )
    assert at.selectbox(key="add:per").value == Per.DAY
    assert (
        "How many times: The minutes times the number of times are more than a day has (24 hours)."
        in [e.value for e in at.error]
    )
    assert any("You are changing activity 1 from the saved file" in i.value for i in at.info)
    at.text_input(key="add:times").input("10")
    press(at, "add_row")
    assert not at.error
    assert draft(at).rows_to_fix == []
    assert [(r.minutes, r.times) for r in draft(at).rows if r.activity == NAME] == [(30, 10)]
    assert counted(at) > before  # 35 hours a week more now that it counts
    assert not at.warning or "saved file" not in " ".join(w.value for w in at.warning)


def test_cancelling_the_fix_keeps_the_row_and_another_activity_leaves_it_alone() -> None:
    at = _week(opened())
    press(at, "fix:0")
    press(at, "fix_cancel")
    assert at.text_input(key="add:activity").value == ""
    at.text_input(key="add:activity").input("Tannpuss")
    at.text_input(key="add:minutes").input("5")
    press(at, "add_row")
    assert [r.activity for r in draft(at).rows_to_fix] == [NAME]  # still there, still to fix


def test_removing_the_row_can_be_undone() -> None:
    at = _week(opened())
    press(at, "fix_remove:0")
    assert draft(at).rows_to_fix == []
    press(at, "undo_remove")
    assert [r.activity for r in draft(at).rows_to_fix] == [NAME]


def test_the_row_to_fix_is_told_in_nynorsk_and_bokmal() -> None:
    for lang, warning, reason in (
        ("nn", "1 aktivitet frå den lagra fila tek meir tid enn det er mogleg", "tel ikkje"),
        ("nb", "1 aktivitet fra den lagrede fila tar mer tid enn det er mulig", "teller ikke"),
    ):
        at = _week(opened(lang))
        assert any(w.value.startswith(warning) for w in at.warning), lang
        assert any(reason in c.value for c in at.caption), lang
