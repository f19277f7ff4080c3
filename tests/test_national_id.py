"""The fødselsnummer check (bpa_core.national_id): digits, date, control digits, birth date.

Valid and invalid examples are the public test numbers of NAV's validator (navikt/fnrvalidator),
not anyone's number.
"""

from __future__ import annotations

from datetime import date

import pytest

from bpa_core.national_id import national_id_problem

VALID = [
    "13097248022",  # 13.09.72
    "29029648784",  # a leap day
    "29020075838",  # 29.02.00: 2000 was a leap year
    "15021951940",  # a control digit of 11 becomes 0
    "53097248016",  # D-nummer: 13.09.72 with 4 added to the first digit
    "02013299997",  # the first control digit as from 2032
    "30108299920",  # two numbers for the same person from 2032: remainder 0 ...
    "30108299939",  # ... and 1
]


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers_pass(number: str) -> None:
    assert national_id_problem(number) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("abcdefghijk", "national_id_digits"),
        ("123", "national_id_digits"),
        ("1309724802", "national_id_digits"),
        ("130972480222", "national_id_digits"),
        ("1309724802A", "national_id_digits"),
        ("１３０９７２４８０２２", "national_id_digits"),  # full-width digits are not ours
        ("13097248032", "national_id_control"),  # first control digit wrong
        ("13097248023", "national_id_control"),  # second control digit wrong
        ("32127248022", "national_id_not_a_date"),
        ("13137248022", "national_id_not_a_date"),
        ("29020112345", "national_id_not_a_date"),  # 29.02.01 does not exist
        ("13527248013", "national_id_not_a_date"),  # an H-number: month + 40
    ],
)
def test_bad_numbers_name_the_problem(text: str, problem: str) -> None:
    assert national_id_problem(text) == problem


def test_empty_is_no_answer_and_spaces_are_allowed() -> None:
    assert national_id_problem("") is None
    assert national_id_problem("   ") is None
    assert national_id_problem(" 130972 48022 ") is None


@pytest.mark.parametrize("number", ["13097248022", "02013299997"])
def test_every_single_wrong_digit_is_caught(number: str) -> None:
    for position in range(11):
        for digit in "0123456789":
            if digit == number[position]:
                continue
            changed = number[:position] + digit + number[position + 1 :]
            assert national_id_problem(changed) is not None, changed


def test_the_date_part_must_be_the_birth_date() -> None:
    assert national_id_problem("13097248022", date(1972, 9, 13)) is None
    assert national_id_problem("13097248022", date(1972, 9, 14)) == "national_id_birth_date"
    assert national_id_problem("13097248022", date(1973, 9, 13)) == "national_id_birth_date"
    # A D-nummer may carry the registration date: never compared with the birth date.
    assert national_id_problem("53097248016", date(1985, 1, 1)) is None
