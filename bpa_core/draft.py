"""The Draft: every answer the user gives, and the draft file format (a public contract).

The draft file is JSON: ``{"format": "bpa-veiviser-draft", "schema_version": N, ...}``. It is the
only copy of the user's answers; the server never writes it anywhere. Older versions are migrated
on load (``bpa_core.migrations``); newer versions and foreign files are refused with a message id.
The JSON Schema is written to ``docs/draft.schema.json`` (``python -m bpa_core schema``).
"""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from bpa_core import languages, limits

DRAFT_FORMAT = "bpa-veiviser-draft"
SCHEMA_VERSION = 3

# Free text is kept as typed; this only stops a file from growing without bound.
MAX_TEXT = 100_000
MAX_ROWS = 200
# Minutes per occasion: at most a whole day (1440) — a row for a full-day need.
MAX_MINUTES = 1440
MAX_TIMES = 1000
MAX_ACTIVITY = 200  # characters of an activity's name (real ones are under 60)


def _lines_within_limit(text: str) -> str:
    if limits.too_many_lines(text):
        raise ValueError("too_many_lines")
    return text


Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_lines_within_limit)]
# Hours a week as the user writes them (37.5): exact decimals, never floats.
Hours = Annotated[Decimal, Field(ge=0, le=168, max_digits=5, decimal_places=2)]
ShortText = Annotated[str, Field(max_length=500)]


class FilledInBy(StrEnum):
    """Who is answering: the person themself, or someone on their behalf."""

    SELF = "self"
    RELATIVE = "relative"
    GUARDIAN = "guardian"  # verge
    COUNSELLOR = "counsellor"


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"


class Duration(StrEnum):
    """Expected duration of the need (pbrl. § 2-1 d: long-lasting = over 2 years)."""

    OVER_2_YEARS = "over_2_years"
    TWO_YEARS_OR_LESS = "two_years_or_less"
    DONT_KNOW = "dont_know"


class Onset(StrEnum):
    CONGENITAL = "congenital"
    ACQUIRED = "acquired"


class Course(StrEnum):
    STABLE = "stable"
    PROGRESSIVE = "progressive"
    VARYING = "varying"


class NeedLevel(StrEnum):
    """Night need or two-helper need: none, occasional (punktvis) or continuous (kontinuerlig)."""

    NONE = "none"
    OCCASIONAL = "occasional"
    CONTINUOUS = "continuous"


class Category(StrEnum):
    """Activity categories of the week plan (bpa-rules.md § 2.2)."""

    PERSONAL_CARE = "personal_care"
    MEALS = "meals"
    HOUSEHOLD = "household"
    MOBILITY = "mobility"
    TRAINING = "training"  # opplæring
    PARTICIPATION = "participation"
    RESPITE = "respite"  # avlastning for the parents
    HEALTH = "health"
    WORK_OR_EDUCATION = "work_or_education"


class Per(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


# The most minutes a period can hold: a day, a week, the longest month (31 days) and a leap
# year. A row cannot take more time than its period has (30 min x 100 a day is 50 hours a day).
PERIOD_MINUTES: dict[Per, int] = {
    Per.DAY: 24 * 60,
    Per.WEEK: 7 * 24 * 60,
    Per.MONTH: 31 * 24 * 60,
    Per.YEAR: 366 * 24 * 60,
}


class DayPart(StrEnum):
    """When in the day a row's help is given (the night is the row's own ``night`` flag, which
    decides whether the hours count): municipal guidance asks for the need over the whole day."""

    MORNING = "morning"
    DAYTIME = "daytime"
    EVENING = "evening"


class ArbeidslederKind(StrEnum):
    """Arbeidsleder: who leads the assistants day to day."""

    SELF = "self"
    CO_LEADER = "co_leader"  # medarbeidsleder
    GUARDIAN = "guardian"
    NOT_DECIDED = "not_decided"


class DecisionKind(StrEnum):
    """What the municipality decided, for the appeal helper."""

    REFUSED = "refused"
    FEWER_HOURS = "fewer_hours"
    OTHER_SERVICE = "other_service"
    CO_PAYMENT = "co_payment"


def _known_language(value: str) -> str:
    if value not in languages.codes():
        raise ValueError("not_a_choice")
    return value


# A language of the registry (bpa_core/languages.py) by its code ("nb"): checked against the
# registry when read, so the Draft keeps no list of languages of its own. The schema lists the
# registry's codes.
LanguageCode = Annotated[
    str,
    AfterValidator(_known_language),
    WithJsonSchema({"enum": list(languages.codes()), "title": "LanguageCode", "type": "string"}),
]


class _Model(BaseModel):
    # defer_build: validators are built on first use, not on import (import bpa_core stays fast).
    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, defer_build=True
    )


class _RowAnswers(_Model):
    """The answers of one line of the week plan (``ActivityRow``, ``RowToFix``)."""

    category: Category
    # The activity's name: a label in the week table (a long one costs a narrow column many lines).
    activity: Annotated[str, Field(max_length=MAX_ACTIVITY)] = ""
    minutes: int = Field(ge=1, le=MAX_MINUTES)
    times: int = Field(ge=1, le=MAX_TIMES)
    per: Per
    night: bool = False
    two_helpers: bool = False
    # Optional: morning, daytime, evening (each at most once, in that order when shown).
    day_parts: list[DayPart] = Field(default_factory=list, max_length=len(DayPart))

    @field_validator("day_parts")
    @classmethod
    def _day_parts_once_each(cls, value: list[DayPart]) -> list[DayPart]:
        return [part for part in DayPart if part in value]

    def longer_than_its_period(self) -> bool:
        return self.minutes * self.times > PERIOD_MINUTES[self.per]


class ActivityRow(_RowAnswers):
    """One line of the week plan: what, how long each time, how often."""

    @model_validator(mode="after")
    def _fits_its_period(self) -> ActivityRow:
        """Message ids ``longer_than_day``, ``…_week``, ``…_month``, ``…_year``."""
        if self.longer_than_its_period():
            raise ValueError(f"longer_than_{self.per.value}")
        return self


class RowToFix(_RowAnswers):
    """A row of a file saved before such rows were refused (version 2 and older) that takes
    more time than its period has (30 min x 100 a day): kept as it was, never counted, until
    the user changes it on the week step (then it is an ``ActivityRow``) or removes it."""

    @model_validator(mode="after")
    def _longer_than_its_period(self) -> RowToFix:
        if not self.longer_than_its_period():
            raise ValueError("invalid_value")  # a row that fits belongs in ``rows``
        return self


class Person(_Model):
    name: ShortText = ""
    birth_date: date | None = None
    municipality: ShortText = ""
    address: ShortText = ""
    phone: ShortText = ""
    email: ShortText = ""
    # The user's choice to fill in; never required, never shown in PDF metadata.
    national_id: ShortText = ""
    # BPA granted under the right (pbrl. § 2-1 d) before the age limit: the right continues.
    # (Version 1 of the file called it ``bpa_granted_under_right_before_67``; migrations.py.)
    granted_before_age_limit: bool = False
    # That decision (date or case number), for a continuation past 67: the application names it.
    earlier_decision: ShortText = ""

    @field_validator("birth_date")
    @classmethod
    def _birth_date_plausible(cls, value: date | None) -> date | None:
        if value is not None and value.year < 1900:
            raise ValueError("birth_date_too_early")
        return value


class Writer(_Model):
    """Someone writing on the person's behalf (relative, guardian, counsellor)."""

    name: ShortText = ""
    relation: ShortText = ""  # "mother", "sister", organisation and role
    organisation: ShortText = ""
    phone: ShortText = ""
    email: ShortText = ""


class Need(_Model):
    cause: Answer | None = None  # caused by illness, injury or disability?
    description: Text = ""
    onset: Onset | None = None
    since: ShortText = ""  # free: "2019", "birth", "May 2026"
    duration: Duration | None = None
    course: Course | None = None
    # What the person must do or avoid to stay as well as possible (municipal guidance asks).
    staying_healthy: Text = ""


class Life(_Model):
    """About me: education, work, family and network (application section 3)."""

    education: Text = ""
    work: Text = ""
    civil_status: ShortText = ""
    children: Text = ""
    living_situation: Text = ""
    family_changes: Text = ""


class Goals(_Model):
    """Why BPA (application section 7)."""

    goals: Text = ""
    not_done_today: Text = ""
    why_today_not_enough: Text = ""
    current_services: Text = ""
    services_bpa_replaces: Text = ""


class Arbeidsleder(_Model):
    kind: ArbeidslederKind | None = None
    name: ShortText = ""


class Application(_Model):
    """What is applied for, and the user's own edits of the generated sections."""

    hours_per_week: Hours | None = None
    wished_start: date | None = None
    service_office: ShortText = ""  # tildelingskontoret, forvaltningskontoret, ...
    counsellor_note: Text = ""
    # Section id -> the user's edited text, replacing the generated text of that section.
    section_edits: dict[Annotated[str, Field(max_length=64)], Text] = Field(default_factory=dict)


class Appeal(_Model):
    """A decision the person wants to appeal (klage), and what they want to say."""

    decision_received: date | None = None  # the deadline counts from this day
    decision_date: date | None = None
    case_number: ShortText = ""
    decided_by: ShortText = ""  # the office or officer that made the decision
    decision_kind: DecisionKind | None = None
    hours_applied: Hours | None = None
    hours_granted: Hours | None = None
    service_offered: Text = ""  # what was offered instead of BPA
    reasons_given: Answer | None = None  # did the decision explain the hours from the mapping?
    what_is_wrong: Text = ""
    change_wanted: Text = ""
    new_information: Text = ""
    doctor_statement: bool = False  # a doctor's statement (legeerklæring) goes with the appeal
    access_request: bool = False  # a request to see the case documents goes with the appeal
    # Written on the person's behalf: ``what_is_wrong`` holds the person's own words (quoted).
    own_words: bool = False
    attachments: Text = ""  # further attachments, one per line
    late_reason: Text = ""  # why the appeal comes after the deadline (forvaltningsloven § 31)
    grounds: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list)
    ground_edits: dict[Annotated[str, Field(max_length=64)], Text] = Field(default_factory=dict)


class Draft(_Model):
    """All answers of one user. The single schema for the UI, the draft file and the CLI."""

    # The file's key is "document_language"; the attribute of that name is a property (below)
    # that never gives None, so code written for a required language keeps working.
    model_config = ConfigDict(
        **_Model.model_config,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )

    format: str = DRAFT_FORMAT
    schema_version: int = SCHEMA_VERSION
    filled_in_by: FilledInBy | None = None
    writer: Writer = Field(default_factory=Writer)
    person: Person = Field(default_factory=Person)
    need: Need = Field(default_factory=Need)
    rows: list[ActivityRow] = Field(default_factory=list, max_length=MAX_ROWS)
    rows_to_fix: list[RowToFix] = Field(
        default_factory=list,
        max_length=MAX_ROWS,
        description="Rows of an older file that take more time than their period has: kept, "
        "not counted, until they are changed on the week step (migrations.py, 2 -> 3).",
    )
    variations: Text = ""  # bad days, longer mornings; monthly and yearly needs
    night_need: NeedLevel | None = None
    two_helper_need: NeedLevel | None = None
    manages_alone: Text = ""
    needs_help_with: Text = ""
    life: Life = Field(default_factory=Life)
    goals: Goals = Field(default_factory=Goals)
    arbeidsleder: Arbeidsleder = Field(default_factory=Arbeidsleder)
    application: Application = Field(default_factory=Application)
    appeal: Appeal = Field(default_factory=Appeal)
    # The language the user chose for the documents; None (not chosen yet): the interface's
    # language in the app, bokmål for the CLI and wherever no interface language is known.
    # The interface language the draft was saved in: a restored file (or the tab's copy) opens
    # in it unless the address says otherwise (?lang=). None: not known (older files).
    interface_language: LanguageCode | None = None
    chosen_document_language: LanguageCode | None = Field(
        default=None,
        alias="document_language",
        description="The documents' language as chosen by the user; null: not chosen yet "
        "(the app uses the interface language, the command line bokmål).",
    )

    @field_validator("format")
    @classmethod
    def _is_our_format(cls, value: str) -> str:
        if value != DRAFT_FORMAT:
            raise ValueError("not_a_draft")
        return value

    @property
    def document_language(self) -> str:
        """The documents' language: the one chosen, else the default language (bokmål: the
        CLI's and the documents' default)."""
        return self.document_language_or(languages.DEFAULT_LANGUAGE)

    @document_language.setter
    def document_language(self, value: str | None) -> None:
        self.chosen_document_language = value  # checked against the registry on assignment

    def document_language_or(self, default: str) -> str:
        """The chosen document language, or ``default`` (the interface's language) if none is
        chosen yet: the one place that decides, for the app, the CLI and the documents."""
        return self.chosen_document_language or _known_language(default)

    @property
    def on_behalf(self) -> bool:
        """True when someone else writes for the person (third person in documents)."""
        return self.filled_in_by not in (None, FilledInBy.SELF)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)


class DraftFileError(ValueError):
    """A draft file that cannot be loaded. ``message_id`` is translated by the UI.

    The message never contains the file's content (it may be health data).
    """

    def __init__(self, message_id: str, field: str = "") -> None:
        super().__init__(message_id if not field else f"{message_id}: {field}")
        self.message_id = message_id
        self.field = field


class _Unreadable:
    """Stands, in parsed JSON, for a value no field accepts: NaN or ±Infinity, a number too large
    for a float, an integer of more than MAX_INT_DIGITS digits, the second value of a duplicate
    key. ``parse_draft_json`` then names the first one's field (message id ``invalid_value``)."""

    __slots__ = ()


_UNREADABLE = _Unreadable()
# No answer is a number this long; Python itself refuses to read ints over 4300 digits (a
# ValueError, not a JSON error) and may be told to refuse shorter ones (PYTHONINTMAXSTRDIGITS).
MAX_INT_DIGITS = 100


def _int(text: str) -> int | _Unreadable:
    return int(text) if len(text.lstrip("-")) <= MAX_INT_DIGITS else _UNREADABLE


def _float(text: str) -> float | _Unreadable:
    value = float(text)
    return value if math.isfinite(value) else _UNREADABLE


def _constant(_name: str) -> _Unreadable:
    return _UNREADABLE  # NaN, Infinity, -Infinity: Python reads them, JSON has no such numbers


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        out[key] = _UNREADABLE if key in out else value  # a duplicate key: which one is meant?
    return out


def _first_unreadable(data: Any) -> str | None:
    """The dotted path of the first unreadable value, in the file's order, or None."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if value is _UNREADABLE:
            return ".".join(path)
        if isinstance(value, dict):
            stack.extend((v, (*path, str(k))) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, (*path, str(i))) for i, v in reversed(list(enumerate(value))))
    return None


def parse_draft_json(raw: bytes | str) -> Any:
    """The file's JSON, strictly: a DraftFileError (``not_json``, or ``invalid_value`` with the
    field) for anything that is not JSON or holds a number or duplicate key no answer can be."""
    try:
        data: Any = json.loads(
            raw,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
            object_pairs_hook=_object,
        )
    except (ValueError, RecursionError) as exc:  # ValueError: JSONDecodeError, UnicodeDecodeError
        raise DraftFileError("not_json") from exc
    where = _first_unreadable(data)
    if where is not None:
        if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
            raise DraftFileError("not_a_draft")
        raise DraftFileError("invalid_value", where)
    return data


def load_draft(raw: bytes | str) -> Draft:
    """Parse, migrate and validate a draft file. Raises DraftFileError, never anything else."""
    from bpa_core.migrations import migrate  # local: migrations imports this module

    data = parse_draft_json(raw)
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        raise DraftFileError("not_a_draft")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DraftFileError("not_a_draft")
    if version > SCHEMA_VERSION:
        raise DraftFileError("newer_version")
    data = migrate(data)
    from pydantic import ValidationError

    try:
        draft = Draft.model_validate(data)
    except ValidationError as exc:
        errors = field_errors(exc)
        first = errors[0] if errors else FieldError(field="", message_id="invalid_value")
        raise DraftFileError(first.message_id, first.field) from None
    longest = limits.over_budget(draft)
    if longest is not None:
        raise DraftFileError("draft_too_long", longest)
    return draft


class FieldError(BaseModel):
    """A validation problem: the field's dotted path and a message id for the UI to translate."""

    field: str
    message_id: str


def field_errors(exc: Any) -> list[FieldError]:
    """Turn a pydantic ValidationError into field paths and message ids, without the input value."""
    out: list[FieldError] = []
    for err in exc.errors(include_input=False, include_url=False):
        path = ".".join(str(p) for p in err.get("loc", ()))
        kind = str(err.get("type", "value_error"))
        message_id = _MESSAGE_IDS.get(kind, "invalid_value")
        if kind == "value_error":
            ctx = err.get("ctx") or {}
            message_id = str(ctx.get("error", "invalid_value"))
        out.append(FieldError(field=path, message_id=message_id))
    return out


_MESSAGE_IDS = {
    "greater_than_equal": "too_small",
    "less_than_equal": "too_large",
    "int_parsing": "not_a_whole_number",
    "int_from_float": "not_a_whole_number",
    "int_type": "not_a_whole_number",
    "float_parsing": "not_a_number",
    "decimal_parsing": "not_a_number",
    "decimal_max_places": "too_many_decimals",
    "decimal_max_digits": "too_large",
    "date_from_datetime_parsing": "not_a_date",
    "date_parsing": "not_a_date",
    "date_type": "not_a_date",
    "enum": "not_a_choice",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "missing": "required",
    "extra_forbidden": "unknown_field",
}


def json_schema() -> str:
    """The draft file's JSON Schema, as written to docs/draft.schema.json."""
    schema = Draft.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "BPA-veiviser draft file"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
