"""Properties of the estimate that must hold for any week plan (hypothesis)."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpa_core.__main__ import main as cli_main
from bpa_core.draft import PERIOD_MINUTES, ActivityRow, Category, Draft, NeedLevel, Per
from bpa_core.rules import Outcome, assess

ON = date(2026, 11, 22)
RANK = {
    Outcome.UNCLEAR: -1,
    Outcome.NO_RIGHT_CAN_APPLY: 0,
    Outcome.RIGHT_UNLESS_COST: 1,
    Outcome.RIGHT: 2,
}


@st.composite
def _minutes_times_per(draw: st.DrawFn) -> dict[str, object]:
    """Minutes, times and period of a possible row: never more time than the period has."""
    per = draw(st.sampled_from(list(Per)))
    minutes = draw(st.integers(1, 1440))
    times = draw(st.integers(1, min(30, PERIOD_MINUTES[per] // minutes)))
    return {"minutes": minutes, "times": times, "per": per}


def _rows(categories: list[Category], *, flags: bool) -> st.SearchStrategy[ActivityRow]:
    extra = {"night": st.booleans(), "two_helpers": st.booleans()} if flags else {}
    return st.builds(
        lambda base, **kw: ActivityRow(**base, **kw),
        _minutes_times_per(),
        category=st.sampled_from(categories),
        activity=st.text(max_size=20),
        **extra,
    )


rows = _rows(list(Category), flags=True)
levels = st.sampled_from(list(NeedLevel))
births = st.dates(min_value=date(1930, 1, 1), max_value=date(2026, 11, 1))


def _draft(birth: date, plan: list[ActivityRow], night: NeedLevel, two: NeedLevel) -> Draft:
    return Draft.model_validate(
        {
            "person": {"birth_date": birth},
            "need": {"cause": "yes", "duration": "over_2_years"},
            "rows": [r.model_dump() for r in plan],
            "night_need": night,
            "two_helper_need": two,
        }
    )


@settings(max_examples=150, deadline=None)
@given(births, st.lists(rows, max_size=12), levels, levels, st.randoms())
def test_row_order_never_changes_the_result(birth, plan, night, two, rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(plan)
    rnd.shuffle(shuffled)
    a = assess(_draft(birth, plan, night, two), on=ON)
    b = assess(_draft(birth, shuffled, night, two), on=ON)
    assert (a.outcome, a.counted_minutes, a.excluded_minutes, a.flags) == (
        b.outcome,
        b.counted_minutes,
        b.excluded_minutes,
        b.flags,
    )


counted_row = _rows(
    [
        Category.PERSONAL_CARE,
        Category.MEALS,
        Category.HOUSEHOLD,
        Category.MOBILITY,
        Category.TRAINING,
        Category.PARTICIPATION,
    ],
    flags=False,
)


@settings(max_examples=150, deadline=None)
@given(births, st.lists(rows, min_size=1, max_size=12), counted_row, levels, levels)
def test_adding_a_counted_row_never_lowers_the_outcome(birth, plan, extra, night, two) -> None:  # type: ignore[no-untyped-def]
    before = assess(_draft(birth, plan, night, two), on=ON)
    after = assess(_draft(birth, [*plan, extra], night, two), on=ON)
    assert RANK[after.outcome] >= RANK[before.outcome]
    assert after.counted_minutes > before.counted_minutes


@settings(max_examples=150, deadline=None)
@given(births, st.lists(rows, max_size=12), levels, levels)
def test_counted_plus_excluded_is_the_total(birth, plan, night, two) -> None:  # type: ignore[no-untyped-def]
    result = assess(_draft(birth, plan, night, two), on=ON)
    from bpa_core.rules import weekly_minutes

    total = sum((weekly_minutes(r) for r in plan), Fraction(0))
    assert result.total_minutes == total
    assert result.counted_minutes + sum(result.excluded_minutes.values(), Fraction(0)) == total
    assert sum(Fraction(m) for m in result.counted_by_category.values()) == result.counted_minutes


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(births, st.lists(rows, max_size=8), levels, levels)
def test_cli_and_assess_agree(tmp_path: Path, capsys, birth, plan, night, two) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(birth, plan, night, two)
    path = tmp_path / "draft.json"
    path.write_text(draft.to_json(), encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["assess", str(path), "--on", ON.isoformat()]) == 0
    printed = json.loads(capsys.readouterr().out)
    result = assess(draft, on=ON)
    assert printed["outcome"] == result.outcome.value
    assert Fraction(printed["counted_minutes_per_week_exact"]) == result.counted_minutes
    assert {k: Fraction(v) for k, v in printed["excluded_minutes_by_reason_exact"].items()} == {
        r.value: m for r, m in result.excluded_minutes.items()
    }
    assert printed["flags"] == [f.value for f in result.flags]
    assert printed["missing"] == [m.value for m in result.missing]
    assert Fraction(printed["minutes_missing_to_right_exact"]) == result.minutes_missing_to_right
