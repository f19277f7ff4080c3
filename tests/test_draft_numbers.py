"""A hostile draft file's numbers and keys: load_draft refuses them with a message id and the
field, never a traceback (Python's int-string limit, NaN/Infinity, float overflow, duplicate keys).
The app keeps the answers and shows a translated message; the CLI prints one line."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpa_core.draft import Draft, DraftFileError, load_draft
from tests.docs_support import persona
from tests.test_cli import run

KARI = persona("kari").to_json()
BIG = "9" * 5000  # over Python's 4300-digit limit for reading an int
# Every place in Kari's file where a number is, with the value itself.
NUMBER = re.compile(r'("(?:minutes|times|schema_version)": )(\d+)')


def _with_number(text: str, index: int) -> tuple[str, str]:
    """Kari's file with the ``index``-th number replaced by ``text``, and that field's path."""
    matches = list(NUMBER.finditer(KARI))
    match = matches[index % len(matches)]
    raw = KARI[: match.start(2)] + text + KARI[match.end(2) :]
    return raw, match.group(1).strip('": ')


def _loads_or_refuses(raw: str | bytes) -> Draft | DraftFileError:
    try:
        return load_draft(raw)
    except DraftFileError as exc:  # anything else fails the test
        assert exc.message_id and str(exc).startswith(exc.message_id)
        return exc


MALFORMED = ["NaN", "Infinity", "-Infinity", "1e999", "-1E400", BIG, "-" + BIG, "1" * 101]


@pytest.mark.parametrize("number", MALFORMED)
def test_a_malformed_number_is_refused_with_its_field(number: str) -> None:
    raw, _ = _with_number(number, 1)
    with pytest.raises(DraftFileError) as info:
        load_draft(raw)
    assert info.value.message_id == "invalid_value"
    assert re.fullmatch(r"rows\.\d+\.(minutes|times)", info.value.field)


def test_big_int_in_a_text_field_or_a_new_key_is_refused_too() -> None:
    data = KARI.replace('"name": "Kari Nordmann"', f'"name": {BIG}')
    with pytest.raises(DraftFileError) as info:
        load_draft(data)
    assert (info.value.message_id, info.value.field) == ("invalid_value", "person.name")
    data = KARI.replace("{", '{"extra": [1, 2, NaN],', 1)
    with pytest.raises(DraftFileError) as info:
        load_draft(data)
    assert (info.value.message_id, info.value.field) == ("invalid_value", "extra.2")


def test_a_foreign_file_with_a_malformed_number_is_not_a_draft() -> None:
    for raw in (f'{{"a": {BIG}}}', "[NaN]", "Infinity", '{"format": 1, "format": 2}'):
        with pytest.raises(DraftFileError) as info:
            load_draft(raw)
        assert info.value.message_id == "not_a_draft"


numbers = st.one_of(
    st.integers().map(str),
    st.one_of(st.integers(1, 6000), st.sampled_from([100, 101, 4300, 4301, 5000])).map(
        lambda n: "9" * n
    ),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.tuples(
        st.integers(-(10**6), 10**6), st.integers(0, 10**6), st.integers(-(10**6), 10**6)
    ).map(lambda t: f"{t[0]}.{t[1]}e{t[2]}"),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "-0", "0.0", "1E400", "-1e-400", "1e1"]),
)


def _malformed(number: str) -> bool:
    """Not JSON (NaN, Infinity), too large for a float, or an int of over 100 digits."""
    if number in ("NaN", "Infinity", "-Infinity"):
        return True
    if re.fullmatch(r"-?\d+", number):
        return len(number.lstrip("-")) > 100
    return not math.isfinite(float(number))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(number=numbers, index=st.integers(0, 1000))
def test_any_json_number_anywhere_loads_or_is_refused_with_a_message_id(
    number: str, index: int
) -> None:
    raw, _ = _with_number(number, index)
    result = _loads_or_refuses(raw)
    if _malformed(number):
        assert isinstance(result, DraftFileError)
        assert result.message_id in ("invalid_value", "not_a_draft")  # not_a_draft: schema_version


def _paths(value: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The path of every object in ``value``."""
    out = [path] if isinstance(value, dict) and value else []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else []
    )
    for key, child in items:
        out += _paths(child, (*path, str(key)))
    return out


def _duplicate(value: Any, path: tuple[str, ...], key_index: int) -> tuple[str, str]:
    """JSON text of ``value`` with one key of the object at ``path`` written twice."""
    if not path:
        keys = list(value)
        key = keys[key_index % len(keys)]
        parts = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in value.items()]
        parts.append(f"{json.dumps(key)}: {json.dumps(value[key])}")
        return "{" + ", ".join(parts) + "}", key
    head, *rest = path
    if isinstance(value, dict):
        inner, where = _duplicate(value[head], tuple(rest), key_index)
        parts = [
            f"{json.dumps(k)}: {inner if k == head else json.dumps(v)}" for k, v in value.items()
        ]
        return "{" + ", ".join(parts) + "}", f"{head}.{where}"
    inner, where = _duplicate(value[int(head)], tuple(rest), key_index)
    items = [inner if i == int(head) else json.dumps(v) for i, v in enumerate(value)]
    return "[" + ", ".join(items) + "]", f"{head}.{where}"


KARI_DATA = json.loads(KARI)
OBJECTS = _paths(KARI_DATA)


@settings(max_examples=150, deadline=None)
@given(where=st.sampled_from(OBJECTS), key_index=st.integers(0, 100))
def test_a_duplicate_key_is_refused_with_its_field(where: tuple[str, ...], key_index: int) -> None:
    raw, field = _duplicate(KARI_DATA, where, key_index)
    assert json.loads(raw) == KARI_DATA  # Python alone reads it, silently: the last one wins
    with pytest.raises(DraftFileError) as info:
        load_draft(raw)
    expected = ("not_a_draft", "") if field == "format" else ("invalid_value", field)
    assert (info.value.message_id, info.value.field) == expected


@pytest.mark.parametrize("number", ["NaN", BIG, "1e999"])
def test_the_cli_prints_one_line_for_a_malformed_number(tmp_path: Path, number: str) -> None:
    raw, _ = _with_number(number, 1)
    path = tmp_path / "bad.json"
    path.write_text(raw, encoding="utf-8")
    out = run("assess", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    (line,) = out.stderr.strip().splitlines()
    assert "invalid_value (field: rows." in line
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("number", [BIG, "NaN"])
def test_the_app_keeps_the_answers_and_names_the_field(number: str) -> None:
    from tests.app.driver import draft, new_app, on_step_id
    from tests.test_app_flow import _upload

    at = new_app("nb")
    before = draft(at).model_dump()
    raw, _ = _with_number(number, 1)
    _upload(at, raw.encode())
    assert not at.exception
    assert on_step_id(at, "start")
    (error,) = [e.value for e in at.error]
    assert error.startswith("Den lagrede filen har et svar på «Aktivitet ")
    assert "som vi ikke kan lese." in error and "Svarene du har nå, er ikke endret." in error
    assert draft(at).model_dump() == before
    assert at.file_uploader(key="draft_upload") is not None
