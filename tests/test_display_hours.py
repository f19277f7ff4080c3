"""Hours shown: what the person has rounded down, what is missing rounded up, exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from bpa_core.rules.hours import display_hours

minutes = st.fractions(min_value=0, max_value=10_080, max_denominator=52 * 7)


def test_just_below_a_limit_is_never_shown_as_the_limit() -> None:
    assert display_hours(Fraction(1919)) == Decimal("31.9")
    assert display_hours(Fraction(1919), up=True) == Decimal("32.0")  # missing: 1 minute -> 0,1
    assert display_hours(Fraction(1), up=True) == Decimal("0.1")
    assert display_hours(Fraction(1920)) == Decimal("32.0")
    assert display_hours(Fraction(1155)) == Decimal("19.2")  # Sofie: 19 h 15 min
    assert display_hours(Fraction(345), up=True) == Decimal("5.8")  # and 5 h 45 min to 25


@given(minutes)
def test_down_and_up_bracket_the_exact_hours_within_a_tenth(m: Fraction) -> None:
    down, up = display_hours(m), display_hours(m, up=True)
    exact = m / 60
    assert Fraction(down) <= exact <= Fraction(up)
    assert Fraction(up) - Fraction(down) in (0, Fraction(1, 10))
    assert down.as_tuple().exponent == -1  # always one decimal, exact in Decimal


@given(minutes.filter(lambda m: m <= 1920))
def test_counted_and_missing_as_shown_add_up_to_the_limits(counted: Fraction) -> None:
    for limit in (1500, 1920):
        if counted <= limit:
            shown = display_hours(counted) + display_hours(limit - counted, up=True)
            assert shown == Decimal(limit // 60)
