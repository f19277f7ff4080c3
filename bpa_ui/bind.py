"""Widgets as views of the Draft.

Each bound widget has the key ``w:<path>`` (``w:person.name``). Before the widget is drawn its
value is seeded from the Draft if the key is absent; its on_change callback writes the new value
back into the Draft, which validates it. A value the Draft refuses stays in the widget (nothing
typed is lost) and an error naming the field is shown under it. Because the Draft is the truth,
leaving a page (which drops the widget's state) and coming back shows the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

import streamlit as st
from babel.numbers import format_decimal
from pydantic import BaseModel, ValidationError

from bpa_core import limits
from bpa_core.draft import MAX_TEXT, Draft, field_errors
from bpa_ui import context, interview
from bpa_ui.fmt import babel_locale
from bpa_ui.i18n import _, in_session_language
from bpa_ui.interview import Kind, Question, Situation
from bpa_ui.messages import field_problem
from bpa_ui.state import get_draft

PREFIX = "w:"
ERRORS_KEY = "field_errors"
SHORT_TEXT = 500

E = TypeVar("E", bound=Enum)


def key_for(path: str) -> str:
    return PREFIX + path


def read(draft: Draft, path: str) -> Any:
    obj: Any = draft
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def assign(draft: Draft, path: str, value: Any) -> None:
    parent: Any = draft
    *parents, last = path.split(".")
    for part in parents:
        parent = getattr(parent, part)
    if not isinstance(parent, BaseModel):
        raise TypeError(path)
    setattr(parent, last, value)


INVALID_KEY = "invalid_values"  # path -> text the Draft refused, kept so nothing typed is lost


def _session_dict(key: str) -> dict[str, str]:
    """A dict kept in this session's state (never in a module global)."""
    found = st.session_state.get(key)
    if not isinstance(found, dict):
        found = {}
        st.session_state[key] = found
    return found


def errors() -> dict[str, str]:
    """Field path -> message id of the values the Draft refused."""
    return _session_dict(ERRORS_KEY)


def set_error(path: str, message_id: str | None) -> None:
    if message_id is None:
        errors().pop(path, None)
    else:
        errors()[path] = message_id


def drop_widget_values() -> None:
    """Drop every bound widget's value (refused texts and their errors stay), so the widgets
    drawn next are seeded from the Draft. On a step change (``frame.begin``): Streamlit counts a
    widget with the same key on another page as another widget (its id names the page), and
    one that finds the key left by the last page started empty instead of showing the Draft
    (the appeal asks the start and person steps' questions)."""
    for key in list(st.session_state.keys()):
        if str(key).startswith(PREFIX):
            del st.session_state[key]


def forget_widgets() -> None:
    """Drop every widget value, so that widgets show the Draft again (after a restore)."""
    drop_widget_values()
    st.session_state[ERRORS_KEY] = {}
    st.session_state[INVALID_KEY] = {}


def _invalid() -> dict[str, str]:
    return _session_dict(INVALID_KEY)


def _seed(path: str, to_widget: Callable[[Any], Any] = lambda v: v) -> str:
    key = key_for(path)
    if key not in st.session_state:
        kept = _invalid().get(path)
        st.session_state[key] = kept if kept is not None else to_widget(read(get_draft(), path))
    return key


def _commit(path: str, from_widget: Callable[[Any], Any]) -> None:
    draft = get_draft()
    before = read(draft, path)
    raw = st.session_state.get(key_for(path))
    try:
        assign(draft, path, from_widget(raw))
    except ValidationError as exc:
        found = field_errors(exc)
        _refuse(path, raw, found[0].message_id if found else "invalid_value")
        return
    if isinstance(before, str) and limits.over_budget(draft) is not None:
        # All the texts together past the limit: the Draft keeps what it had, the field keeps
        # what was typed (nothing lost) and says why (bpa_core.limits).
        assign(draft, path, before)
        _refuse(path, raw, "draft_too_long")
        return
    set_error(path, None)
    _invalid().pop(path, None)


def _refuse(path: str, raw: Any, message_id: str) -> None:
    """A value the Draft refused: the message, and typed text kept for the field (also after
    leaving the step) until the user changes it."""
    set_error(path, message_id)
    if isinstance(raw, str):
        _invalid()[path] = raw


ERRORS_SHOWN_KEY = "errors_shown"  # errors shown on the current page in this run


def count_error_shown() -> None:
    st.session_state[ERRORS_SHOWN_KEY] = int(st.session_state.get(ERRORS_SHOWN_KEY, 0)) + 1


def show_error(path: str, label: str) -> None:
    # One slot whether or not there is an error: the fields below keep their place, so
    # Streamlit does not draw them anew (and drop what is being typed) when an error comes or goes.
    with st.container():
        message_id = errors().get(path)
        if message_id:
            st.error(field_problem(label, message_id), icon=":material/error:")
            count_error_shown()


Check = Callable[[str], str | None]


def _commit_checked(path: str, check: Check) -> None:
    """A checked text: refused (kept in the field, with the message) when ``check`` names a
    problem; else written to the Draft."""
    raw = str(st.session_state.get(key_for(path)) or "")
    message_id = check(raw)
    if message_id is None:
        _commit(path, lambda v: v or "")
    else:
        set_error(path, message_id)
    if errors().get(path):
        _invalid()[path] = raw
    else:
        _invalid().pop(path, None)


def _recheck(path: str, check: Check) -> None:
    """Check again what the field holds: a refused text that fits now (the other answer it is
    compared with changed) goes into the Draft; the Draft's value may no longer fit."""
    kept = _invalid().get(path)
    if kept is None:
        set_error(path, check(str(read(get_draft(), path))))
        return
    message_id = check(kept)
    set_error(path, message_id)
    if message_id is None:
        _commit(path, lambda _value: kept)
        _invalid().pop(path, None)


def text(
    path: str,
    label: str,
    *,
    area: bool = False,
    help: str | None = None,
    max_chars: int | None = None,
    placeholder: str | None = None,
    check: Check | None = None,
) -> None:
    """A text field bound to a str field of the Draft; ``check`` (text -> message id or None)
    refuses what does not fit, and runs again on every run, since it may compare with other
    answers (a fødselsnummer with the date of birth, changed later)."""
    key = _seed(path)
    if check is not None:
        _recheck(path, check)
        _text_widget(key, label, area, help, max_chars, placeholder, _commit_checked, (path, check))
    else:
        _text_widget(
            key, label, area, help, max_chars, placeholder, _commit, (path, lambda v: v or "")
        )
    show_error(path, label)


def _text_widget(
    key: str,
    label: str,
    area: bool,
    help: str | None,
    max_chars: int | None,
    placeholder: str | None,
    on_change: Callable[..., None],
    args: tuple[Any, ...],
) -> None:
    if area:
        st.text_area(
            label,
            key=key,
            help=help,
            max_chars=max_chars or MAX_TEXT,
            placeholder=placeholder,
            height=110,
            on_change=on_change,
            args=args,
        )
    else:
        st.text_input(
            label,
            key=key,
            help=help,
            max_chars=max_chars or SHORT_TEXT,
            placeholder=placeholder,
            on_change=on_change,
            args=args,
        )


def choice(
    path: str,
    label: str,
    options: Sequence[Any],
    labels: Callable[[Any], str],
    *,
    help: str | None = None,
    captions: Sequence[str] | None = None,
    horizontal: bool = False,
) -> None:
    """Radio buttons bound to an enum (or bool) field; nothing chosen until the user chooses."""
    key = _seed(path, lambda v: v if v in options else None)
    st.radio(
        label,
        list(options),
        index=None,
        key=key,
        format_func=in_session_language(labels),
        help=help,
        captions=list(captions) if captions else None,
        horizontal=horizontal,
        on_change=_commit,
        args=(path, lambda v: v),
    )
    show_error(path, label)


def parse_day(raw: str) -> date | None:
    """``14.03.1992``, ``14/3/1992``, ``14-03-1992`` or ``1992-03-14``; '' is no date.

    Raises ValueError("no_such_date") for a date written right that does not exist
    (31.02.1990), ValueError("not_a_date") for anything else.
    """
    cleaned = raw.strip().replace(" ", "")
    if not cleaned:
        return None
    parts = cleaned.replace("/", ".").replace("-", ".").split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError("not_a_date")
    if len(parts[0]) == 4:
        year, month, day_ = parts
    else:
        day_, month, year = parts
    if len(year) != 4:
        raise ValueError("not_a_date")
    try:
        return date(int(year), int(month), int(day_))
    except ValueError:
        raise ValueError("no_such_date") from None


def show_day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _commit_day(path: str, max_value: date) -> None:
    raw = str(st.session_state.get(key_for(path)) or "")
    try:
        value = parse_day(raw)
    except ValueError as exc:
        set_error(path, str(exc))
    else:
        if value is not None and value > max_value:
            set_error(path, "date_in_future")
        else:
            _commit(path, lambda _raw: value)
    if errors().get(path):
        _invalid()[path] = raw
    else:
        _invalid().pop(path, None)


def day(path: str, label: str, *, max_value: date, help: str | None = None) -> None:
    """A date typed as text (day.month.year): large targets, any keyboard, a clear error."""
    key = _seed(path, show_day)
    st.text_input(
        label,
        key=key,
        help=help,
        max_chars=12,
        placeholder=_("dd.mm.yyyy"),
        on_change=_commit_day,
        args=(path, max_value),
    )
    show_error(path, label)


_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+[.,][0-9]*|[.,][0-9]+)")


def parse_whole(raw: object) -> int | None:
    """A whole number typed as text: ``12``, `` 1 440 ``; '' is no number.

    Never changes what was typed: a decimal (``12,5`` or ``12.5``) raises ValueError
    ("not_whole") rather than becoming 125 or 12; ``12,0`` is 12. Anything else raises
    ValueError("not_a_number"). The range is the caller's to check.
    """
    text = str(raw if raw is not None else "").strip()
    text = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if not text:
        return None
    if _WHOLE.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        value = Decimal(text.replace(",", "."))
        if value == value.to_integral_value():
            return int(value)
        raise ValueError("not_whole")
    raise ValueError("not_a_number")


def parse_hours(text: str) -> Decimal | None:
    """``37,5`` or ``37.5`` -> Decimal; empty -> None. Raises ValueError on anything else."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError("not_hours") from None
    if not value.is_finite():
        raise ValueError("not_hours")
    return value


def _commit_hours(path: str) -> None:
    raw = str(st.session_state.get(key_for(path)) or "")
    try:
        assign(get_draft(), path, parse_hours(raw))
    except (ValueError, ValidationError):  # not a number, below 0, above 168, three decimals
        set_error(path, "not_hours")
        _invalid()[path] = raw
    else:
        set_error(path, None)
        _invalid().pop(path, None)


def hours(path: str, label: str, *, help: str | None = None) -> None:
    """Hours a week typed as text (37,5 or 37.5) for a Decimal field; a refused value stays."""
    # The language's own decimal sign, no grouping: 37,5 (nb, nn) or 37.5 (en).
    key = _seed(
        path, lambda v: "" if v is None else format_decimal(v, "0.##", locale=babel_locale())
    )
    st.text_input(label, key=key, help=help, max_chars=12, on_change=_commit_hours, args=(path,))
    show_error(path, label)


def tick(path: str, label: str, *, caption: str | None = None) -> None:
    """A checkbox bound to a bool field; its explanation as a caption beside it, never as help
    inside the label (Streamlit puts the help icon in the label, and a click on it ticked)."""
    key = _seed(path, bool)
    st.checkbox(label, key=key, on_change=_commit, args=(path, bool))
    if caption:
        st.caption(caption)


def not_answered() -> str:
    return _("Not answered")


# --- questions declared in bpa_ui.interview ---------------------------------------------------


def situation(draft: Draft | None = None, *, on: date | None = None) -> Situation:
    """What decides which questions are asked and in which words: the answers (the session's
    Draft unless given) on the day asked about (the assessment day unless given)."""
    draft = draft if draft is not None else get_draft()
    return interview.situation_on(draft, on or context.assessment_date())


def say(msgid: str, s: Situation) -> str:
    """A declared msgid in the session's language, the legal numbers in force filled in."""
    return _filled(_(msgid), s.law)


def _filled(text: str, law: dict[str, int]) -> str:
    """A translated text with the legal numbers in force in its placeholders."""
    return text.format(**law) if "{" in text else text


class OptionWords:
    """A declared choice's format function: an option's words in one voice. A picklable
    object (as widget format functions must be), looked up in the declarations when called."""

    def __init__(self, path: str, voice: str, law: dict[str, int]) -> None:
        self.path = path
        self.voice = voice
        self.law = law

    def __call__(self, value: Any) -> str:
        return _filled(
            _(interview.question(self.path).option(value).label.pick(self.voice)), self.law
        )


def _text_check(question: Question) -> Check | None:
    declared = question.check
    if declared is None:
        return None
    return lambda text: declared(text, get_draft())


def _draw(q: Question, s: Situation) -> None:
    label = say(q.wording(s), s)
    help = say(q.help.pick(s.voice), s) if q.help else None
    if q.kind in (Kind.TEXT, Kind.AREA):
        text(q.path, label, area=q.kind == Kind.AREA, help=help, check=_text_check(q))
    elif q.kind in (Kind.CHOICE, Kind.YES_NO):
        options = q.options_for(s)
        captions = [say(o.caption, s) if o.caption else "" for o in options]
        choice(
            q.path,
            label,
            [o.value for o in options],
            OptionWords(q.path, s.voice, s.law),
            help=help,
            captions=captions if any(captions) else None,
            horizontal=q.horizontal,
        )
    elif q.kind == Kind.DAY:
        day(q.path, label, max_value=s.on, help=help)
    elif q.kind == Kind.HOURS:
        hours(q.path, label, help=help)
    elif q.kind == Kind.TICK:
        tick(q.path, label, caption=say(q.caption.pick(s.voice), s) if q.caption else None)
    else:  # the week's rows, the appeal's grounds: drawn by their own page
        raise ValueError(f"{q.path} is drawn by its own page")


def ask(which: Question | str, s: Situation | None = None) -> None:
    """One declared question (by its Draft path), drawn as its kind says. A question asked only
    sometimes sits in its own slot, drawn every run (docs/ui.md, "Fixed slots")."""
    q = interview.question(which) if isinstance(which, str) else which
    s = s if s is not None else situation()
    if q.asked is None:
        _draw(q, s)
        return
    with st.container():
        if q.is_asked(s):
            _draw(q, s)


def ask_step(step_id: str, s: Situation | None = None) -> None:
    """Every declared question of a step, in order."""
    s = s if s is not None else situation()
    for q in interview.of_step(step_id):
        ask(q, s)
