"""The Norwegian national identity number (fødselsnummer, or D-nummer): is it well formed?

Sources: folkeregisterloven § 2-2 (identity numbers in the population register), and
Skatteetaten's description of the number and of the change from 2032 ("Nytt fødselsnummer fra
2032", Folkeregisteret's API documentation): eleven digits, the date of birth as DDMMYY, a
three-digit individual number and two control digits computed with modulus 11. A D-nummer is
given to people who are not settled in Norway: its first digit is the day's first digit plus 4
(born 01.01.85: 410185…).

Decisions (also in docs/ui.md):
- Both control digits are checked. The first one as from 2032: the weighted sum's remainder
  may be 0, 1, 2 or 3 below the classic rule's, so the new numbers pass (older numbers use the
  first of the four). The second control digit has one right value, and it catches any single
  wrong digit the first one lets through.
- A fødselsnummer's first six digits must be the date of birth given (day, month and the
  year's last two digits), when a date of birth is given.
- A D-nummer's date must be a real date, but it is not compared with the date of birth: when
  no D-nummer is free for the birth date, the registration date is used instead (UDI: "Mitt
  d-nummer stemmer ikke med fødselsdatoen min").
- Spaces are allowed ("010190 12345"); what the user typed is kept as typed.
- Refused: H-numbers (month + 40) and synthetic test numbers (month + 80); they are not given
  to people for an application to the municipality.
"""

from __future__ import annotations

from datetime import date

SOURCES = (
    "folkeregisterloven § 2-2 (https://lovdata.no/lov/2016-12-09-88/§2-2)",
    "Skatteetaten, Nytt fødselsnummer fra 2032 "
    "(https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/)",
)

_K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def first_control_digits(digits: list[int]) -> set[int]:
    """The first control digit's allowed values for the first nine digits: 11 minus the
    weighted sum modulo 11, plus 0 to 3 (from 2032), modulo 11; 10 is never a digit."""
    rest = sum(d * w for d, w in zip(digits[:9], _K1_WEIGHTS, strict=True)) % 11
    found = {(11 + extra - rest) % 11 for extra in range(4)}
    return found - {10}


def second_control_digit(digits: list[int]) -> int | None:
    """The second control digit for the first ten digits; None when it would be 10 (no such
    number is given out)."""
    value = (11 - sum(d * w for d, w in zip(digits[:10], _K2_WEIGHTS, strict=True)) % 11) % 11
    return None if value == 10 else value


def _is_a_date(day: int, month: int, two_digit_year: int) -> bool:
    """A real day in some century (29.02.00 is real: 2000 was a leap year)."""
    for century in (2000, 1900):
        try:
            date(century + two_digit_year, month, day)
        except ValueError:
            continue
        return True
    return False


def national_id_problem(text: str, birth_date: date | None = None) -> str | None:
    """None when ``text`` is empty or a well-formed number; else a message id:

    ``national_id_digits`` (not eleven digits), ``national_id_not_a_date`` (the first six
    digits are no date), ``national_id_control`` (the control digits do not fit: a digit is
    wrong), ``national_id_birth_date`` (a fødselsnummer whose date is not ``birth_date``).
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if len(cleaned) != 11 or not cleaned.isascii() or not cleaned.isdigit():
        return "national_id_digits"
    digits = [int(c) for c in cleaned]
    day, month, year = (digits[i] * 10 + digits[i + 1] for i in (0, 2, 4))
    d_number = day > 40
    if d_number:
        day -= 40
    if not _is_a_date(day, month, year):
        return "national_id_not_a_date"
    if digits[9] not in first_control_digits(digits) or digits[10] != second_control_digit(digits):
        return "national_id_control"
    born = (birth_date.day, birth_date.month, birth_date.year % 100) if birth_date else None
    if born is not None and not d_number and (day, month, year) != born:
        return "national_id_birth_date"
    return None
