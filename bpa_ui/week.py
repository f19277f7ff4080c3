"""The week builder: add, change and remove activity rows; totals, excluded hours and the chart.

All arithmetic comes from ``bpa_core.rules`` (weekly minutes, what counts, the totals). Rows are
kept grouped by category in the Draft, so the list reads like the application's week table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import streamlit as st
from pydantic import ValidationError

from bpa_core.draft import (
    MAX_ACTIVITY,
    MAX_MINUTES,
    MAX_ROWS,
    MAX_TIMES,
    ActivityRow,
    Category,
    DayPart,
    Draft,
    Per,
    RowToFix,
    field_errors,
)
from bpa_core.i18n import gettext_for
from bpa_core.rules import assess
from bpa_core.rules.eligibility import Assessment
from bpa_core.rules.hours import (
    more_than_a_week,
    weekly_minutes,
)
from bpa_ui import fmt, labels, steps
from bpa_ui.bind import ERRORS_SHOWN_KEY, count_error_shown, parse_whole
from bpa_ui.chart import week_chart
from bpa_ui.context import assessment_date, is_child, lawful, pick
from bpa_ui.document_view import document_language, document_language_name
from bpa_ui.errors import show_friendly_error
from bpa_ui.i18n import _, begin_run, current_language, in_session_language, ngettext
from bpa_ui.messages import field_problem, problem
from bpa_ui.state import get_draft
from bpa_ui.suggestions import SUGGESTIONS

EDITING_KEY = "week_editing"  # index of the row being changed
REMOVED_KEY = "week_removed"  # (index, row) of the last removed row, for "undo"
NOTICE_KEY = "week_notice"
OPEN_KEY = "week_open"  # the category last added to, changed or being changed: its expander opens
FOCUS_KEY = "week_focus"  # after "Add": focus goes back to the activity field
FOCUS_COUNT_KEY = "week_focus_count"
FRAGMENT_KEY = "week_builder"  # the builder's st.fragment (see builder())
ERRORS_KEY = "week_errors"  # field errors the builder showed in its last run
FIXING_KEY = "week_fixing"  # the row to fix (draft.rows_to_fix) whose answers are in the add form
# The row's fields as widgets ``prefix:field``. "When" is four boxes: the three day parts and
# the row's own ``night`` flag (one fact, one place: the box "At night" is the flag).
FIELDS = ("category", "activity", "minutes", "times", "per", "night", "two_helpers")
WHEN = (DayPart.MORNING, DayPart.DAYTIME, DayPart.EVENING)


def forget_week_state() -> None:
    """After a restore: no row is being changed, and "undo" has nothing to bring back."""
    for key in (EDITING_KEY, REMOVED_KEY, NOTICE_KEY, OPEN_KEY, FOCUS_KEY, FIXING_KEY):
        st.session_state.pop(key, None)


def categories(draft: Draft) -> list[Category]:
    """Respite is offered only for a child (it counts only for parents of a child under 18)."""
    return [c for c in Category if c != Category.RESPITE or is_child(draft)]


def field_labels() -> dict[str, str]:
    return {
        "category": _("Kind of help"),
        "activity": _("What the help is for"),
        "minutes": _("Minutes each time"),
        "times": _("How many times"),
        "per": _("How often"),
        DayPart.MORNING.value: _("In the morning"),
        DayPart.DAYTIME.value: _("During the day"),
        DayPart.EVENING.value: _("In the evening"),
        "night": _("At night"),
        "two_helpers": _("Needs two helpers at the same time"),
    }


def day_part(part: DayPart) -> str:
    """A day part as the row list shows it: ``morning``."""
    return {
        DayPart.MORNING: _("morning"),
        DayPart.DAYTIME: _("daytime"),
        DayPart.EVENING: _("evening"),
    }[part]


def in_week_order(rows: list[ActivityRow]) -> list[ActivityRow]:
    """Grouped by category, in the order of the categories; rows of a category keep theirs.
    The list's numbers ("Change 3") are positions in this order, so every way in (adding,
    changing, a restored file) keeps it: a number never moves to another activity."""
    order = {c: i for i, c in enumerate(Category)}
    return sorted(rows, key=lambda r: order[r.category])


def _whole(raw: object, field: str, most: int, problems: dict[str, str]) -> int | None:
    """A whole number typed as text, from 1 to ``most``; else a problem for ``field``. Never
    changed on the way: "12,5" and "12.5" are refused with a message, not read as 125 or 12."""
    try:
        value = parse_whole(raw)
    except ValueError as exc:  # "not_whole" or "not_a_number"
        problems[field] = f"{field}_{exc}"
        return None
    if value is None:
        problems[field] = "required"
    elif not 1 <= value <= most:
        problems[field] = f"{field}_out_of_range"
    else:
        return value
    return None


def _row_from_state(prefix: str) -> tuple[ActivityRow | None, dict[str, str]]:
    """Build a row from the widgets ``prefix:field``; or the problems, field -> message id."""
    ss = st.session_state
    problems: dict[str, str] = {}
    activity = str(ss.get(f"{prefix}:activity") or "").strip()
    if not activity:
        problems["activity"] = "required"
    minutes = _whole(ss.get(f"{prefix}:minutes"), "minutes", MAX_MINUTES, problems)
    times = _whole(ss.get(f"{prefix}:times"), "times", MAX_TIMES, problems)
    if problems or minutes is None or times is None:
        return None, problems
    try:
        row = ActivityRow(
            category=ss[f"{prefix}:category"],
            activity=activity,
            minutes=minutes,
            times=times,
            per=ss[f"{prefix}:per"],
            night=bool(ss.get(f"{prefix}:night")),
            two_helpers=bool(ss.get(f"{prefix}:two_helpers")),
            day_parts=[part for part in WHEN if ss.get(f"{prefix}:{part.value}")],
        )
    except ValidationError as exc:
        # The specific message ids ("too_large", "too_long", ...), as for every other field.
        # A row longer than its period ("longer_than_day") is told at "How many times".
        for found in field_errors(exc):
            field = found.field.split(".")[0] or "times"
            problems[field] = found.message_id
        return None, problems
    return row, {}


def _reset_add() -> None:
    """Every field of the add form back to its start, "How often" too: a form that kept one
    answer while the others went blank saved the next rows "per week" unnoticed."""
    ss = st.session_state
    ss["add:activity"] = ""
    ss["add:minutes"] = ""
    ss["add:times"] = "1"
    ss["add:per"] = Per.DAY
    ss["add:night"] = False
    ss["add:two_helpers"] = False
    for part in WHEN:
        ss[f"add:{part.value}"] = False


def add_row() -> None:
    draft = get_draft()
    row, problems = _row_from_state("add")
    if row is not None and len(draft.rows) >= MAX_ROWS:
        problems = {"activity": "too_many"}
    st.session_state["add:problems"] = problems
    if row is None or problems:
        return
    draft.rows = in_week_order([*draft.rows, row])
    fixed = st.session_state.pop(FIXING_KEY, None)
    if isinstance(fixed, int) and 0 <= fixed < len(draft.rows_to_fix):  # changed: it counts now
        draft.rows_to_fix = [r for i, r in enumerate(draft.rows_to_fix) if i != fixed]
    st.session_state[OPEN_KEY] = row.category
    _reset_add()
    st.session_state[NOTICE_KEY] = "added"
    st.session_state[EDITING_KEY] = None
    st.session_state[FOCUS_KEY] = True


def use_suggestion() -> None:
    """A suggestion goes into the activity field in the documents' language: the field's text
    is printed in the application's week table as it is (an English interface and a bokmål
    application get "Stå opp og kle på seg")."""
    chosen = st.session_state.get("add:suggestion")
    if chosen:
        lang = document_language(get_draft())
        st.session_state["add:activity"] = gettext_for(lang)(str(chosen))
    st.session_state["add:suggestion"] = None


def start_edit(index: int) -> None:
    row = get_draft().rows[index]
    for name in FIELDS:
        st.session_state[f"edit:{name}"] = getattr(row, name)
    # Typed as text: shown as the session writes numbers (no grouping: 1440).
    st.session_state["edit:minutes"] = str(row.minutes)
    st.session_state["edit:times"] = str(row.times)
    for part in WHEN:
        st.session_state[f"edit:{part.value}"] = part in row.day_parts
    st.session_state["edit:problems"] = {}
    st.session_state[EDITING_KEY] = index
    st.session_state[OPEN_KEY] = row.category


def save_edit(index: int) -> None:
    draft = get_draft()
    row, problems = _row_from_state("edit")
    st.session_state["edit:problems"] = problems
    if row is None:
        return
    rows = list(draft.rows)
    rows[index] = row
    draft.rows = in_week_order(rows)
    st.session_state[EDITING_KEY] = None
    st.session_state[OPEN_KEY] = row.category
    st.session_state[NOTICE_KEY] = "changed"


def cancel_edit() -> None:
    st.session_state[EDITING_KEY] = None


def remove_row(index: int) -> None:
    draft = get_draft()
    rows = list(draft.rows)
    removed = rows.pop(index)
    draft.rows = rows
    st.session_state[REMOVED_KEY] = (index, removed.model_dump(mode="json"))
    st.session_state[EDITING_KEY] = None
    st.session_state[NOTICE_KEY] = "removed"


def undo_remove() -> None:
    saved = st.session_state.pop(REMOVED_KEY, None)
    if not saved:
        return
    index, data, *to_fix = saved
    draft = get_draft()
    if to_fix:  # a row to fix, back where it was
        rows_to_fix = list(draft.rows_to_fix)
        rows_to_fix.insert(min(index, len(rows_to_fix)), RowToFix.model_validate(data))
        draft.rows_to_fix = rows_to_fix
        st.session_state[NOTICE_KEY] = "restored"
        return
    rows = list(draft.rows)
    restored = ActivityRow.model_validate(data)
    rows.insert(min(index, len(rows)), restored)
    draft.rows = rows
    st.session_state[OPEN_KEY] = restored.category
    st.session_state[NOTICE_KEY] = "restored"


def numbered_labels(number: int | None) -> dict[str, str]:
    """The fields' labels; when changing activity ``number``, with that number in each label
    ("What the help is for (activity 3)"), so they differ from the add form's."""
    names = field_labels()
    if number is None:
        return names
    return {
        field: _("{field} (activity {n})").format(field=label, n=number)
        for field, label in names.items()
    }


def _problems(
    prefix: str, fields: tuple[str, ...], number: int | None = None, *, rest: bool = False
) -> None:
    """The problems of ``fields``, each naming its field, right under those fields; ``rest``:
    also any problem of a field not shown elsewhere (never one left unsaid)."""
    names = numbered_labels(number)
    found = st.session_state.get(f"{prefix}:problems") or {}
    if rest:
        fields = (*fields, *(f for f in found if f not in (*fields, "activity")))
    # One slot whether or not there are problems: the elements below keep their place.
    with st.container():
        for field in fields:
            if field in found:
                label = names.get(field, names["activity"])
                st.error(field_problem(label, found[field]), icon=":material/error:")
                count_error_shown()


def night_explained(draft: Draft) -> str:
    """What "at night" means and what it decides, as text beside the box: help as a tooltip
    inside a checkbox's label ticked the box when it was opened."""
    return pick(
        draft,
        you=_(
            "At night: when you would otherwise sleep. Whether night help counts is decided "
            "on the next step."
        ),
        other=_(
            "At night: when the person would otherwise sleep. Whether night help counts is "
            "decided on the next step."
        ),
        parent=_(
            "At night: when your child would otherwise sleep. Whether night help counts is "
            "decided on the next step."
        ),
    )


def _row_fields(prefix: str, draft: Draft, number: int | None = None) -> None:
    """The fields of one row (adding, or changing activity ``number``). Keys ``prefix:field``."""
    names = numbered_labels(number)
    ss = st.session_state
    options = categories(draft)
    current = ss.get(f"{prefix}:category")
    fixing = prefix == "add" and ss.get(FIXING_KEY) is not None
    if (prefix == "edit" or fixing) and isinstance(current, Category) and current not in options:
        options.append(current)  # e.g. a respite row in a restored adult's draft
    if ss.get(f"{prefix}:category") not in options:
        ss[f"{prefix}:category"] = Category.PERSONAL_CARE
    if ss.get(f"{prefix}:per") not in list(Per):
        ss[f"{prefix}:per"] = Per.DAY
    ss.setdefault(f"{prefix}:times", "1")
    chosen = st.selectbox(
        names["category"],
        options,
        key=f"{prefix}:category",
        persist_state="session",
        format_func=in_session_language(labels.category),
    )
    st.caption(labels.category_help(chosen))
    if prefix == "add":
        st.pills(
            _("Suggestions (choose one, or write your own below)"),
            list(SUGGESTIONS[chosen]),
            key="add:suggestion",
            on_change=use_suggestion,
            format_func=in_session_language(_),
        )
        with st.container():  # one slot whether or not the languages differ
            lang = document_language(draft)
            if lang != current_language():
                st.caption(
                    _(
                        "A suggestion is written in {language}, the language of the documents. "
                        "You can change the words."
                    ).format(language=document_language_name(lang))
                )
    st.text_input(
        names["activity"], key=f"{prefix}:activity", max_chars=MAX_ACTIVITY, persist_state="session"
    )
    _problems(prefix, ("activity",), number)
    # Whole numbers typed as text: a number field read "12,5" as 125 and cut "12.5" to 12.
    cols = st.columns(3)
    with cols[0]:
        st.text_input(
            names["minutes"], key=f"{prefix}:minutes", max_chars=8, persist_state="session"
        )
    with cols[1]:
        st.text_input(names["times"], key=f"{prefix}:times", max_chars=8, persist_state="session")
    with cols[2]:
        st.selectbox(
            names["per"],
            list(Per),
            key=f"{prefix}:per",
            persist_state="session",
            format_func=in_session_language(labels.per),
        )
    st.caption(_("A whole day is 1440 minutes."))
    _problems(prefix, ("minutes", "times", "per"), number, rest=True)
    # When in the day: four boxes in a row, the fourth being the row's night flag. No help
    # icons in their labels (see night_explained).
    st.markdown(_("When is the help given? Tick all that fit (optional)."))
    when = st.columns(4)
    for col, field in zip(when, [*(p.value for p in WHEN), "night"], strict=True):
        with col:
            st.checkbox(names[field], key=f"{prefix}:{field}", persist_state="session")
    st.caption(night_explained(draft))
    st.checkbox(names["two_helpers"], key=f"{prefix}:two_helpers", persist_state="session")


def pending(a: Assessment, index: int) -> bool:
    """Row ``index`` is a night or two-helper row whose question (step 5) is not answered yet:
    whether it counts is not decided, so it is neither counted nor "not counted" (the core's
    per-row result says so)."""
    return a.rows[index].waits_for_answer


def decided_later(on_week: bool) -> str:
    """Where the pending rows are decided: the next step, seen from the week; else by name."""
    if on_week:
        return _("decided on the next step")
    return _("decided on the step “{title}”").format(title=_(steps.by_id("night").title))


def row_summary(
    row: ActivityRow,
    draft: Draft,
    a: Assessment,
    *,
    index: int | None = None,
    on_week: bool = False,
) -> str:
    """``75 min × 1 per day = 8,8 hours a week (morning, evening) · ✓ counts`` (our words and
    numbers only), from the core's result for the row (``index`` in ``draft.rows``, else found
    there). A night or two-helper row before step 5 is answered: "decided on the next step",
    never "not counted"."""
    if index is None:
        index = next(i for i, r in enumerate(draft.rows) if r is row)
    result = a.rows[index]
    base = _("{minutes} min × {times} {per} = {hours} a week").format(
        minutes=fmt.whole(row.minutes),
        times=fmt.whole(row.times),
        per=labels.per(row.per),
        hours=fmt.hours(result.minutes),
    )
    marks = [day_part(part) for part in row.day_parts]
    if row.night:
        marks.append(_("at night"))
    if row.two_helpers:
        marks.append(_("two helpers"))
    if marks:
        base += " (" + ", ".join(marks) + ")"
    if result.reason is None:
        return base + " · " + _("✓ counts")
    if result.waits_for_answer:
        return base + " · " + decided_later(on_week)
    return (
        base + " · " + _("✗ not counted: {reason}").format(reason=labels.exclusion(result.reason))
    )


def _notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    texts = {
        "added": _("The activity is added."),
        "changed": _("The activity is changed."),
        "restored": _("The activity is back."),
    }
    if notice in texts:
        st.success(texts[notice], icon=":material/check:")
    elif notice == "removed":
        cols = st.columns([3, 1], vertical_alignment="center")
        cols[0].info(_("The activity is removed."), icon=":material/delete:")
        cols[1].button(_("Undo"), key="undo_remove", on_click=undo_remove)


def rows_list(draft: Draft, a: Assessment) -> None:
    editing = st.session_state.get(EDITING_KEY)
    if not draft.rows:
        st.info(_("No activities yet. Add the first one above."), icon=":material/info:")
        return
    # One expander per category, its hours in the title: a long week stays short on screen.
    # Open: the category last added to or changed, or where a row is being changed.
    by_category: dict[Category, list[int]] = {}
    for index, row in enumerate(draft.rows):
        by_category.setdefault(row.category, []).append(index)
    for category, indexes in by_category.items():
        opened = editing in indexes or category == st.session_state.get(OPEN_KEY)
        waiting = any(pending(a, i) for i in indexes)
        title = category_title(category, len(indexes), a, waiting=waiting)
        with st.expander(title, expanded=opened):
            for index in indexes:
                _row(draft, a, index, editing)


def category_title(category: Category, count: int, a: Assessment, *, waiting: bool = False) -> str:
    """``Personal care – 3 activities, 12,5 hours counted``; ``waiting``: some rows are
    decided on the next step (night or two helpers not answered yet)."""
    activities = ngettext("{n} activity", "{n} activities", count).format(n=fmt.whole(count))
    counted = a.counted_by_category.get(category.value)
    if counted:
        return _("{category} – {activities}, {hours} counted").format(
            category=labels.category(category), activities=activities, hours=fmt.hours(counted)
        )
    if waiting:
        return _("{category} – {activities}, decided on the next step").format(
            category=labels.category(category), activities=activities
        )
    return _("{category} – {activities}, not counted").format(
        category=labels.category(category), activities=activities
    )


def _row(draft: Draft, a: Assessment, index: int, editing: object) -> None:
    """One activity: its summary with "change" and "remove", or the form that changes it."""
    row = draft.rows[index]
    with st.container(border=True):
        if editing == index:
            st.markdown(_("**Change activity {n}**").format(n=index + 1))
            _row_fields("edit", draft, index + 1)
            c1, c2 = st.columns(2)
            c1.button(
                _("Save activity {n}").format(n=index + 1),
                key=f"save:{index}",
                type="primary",
                on_click=save_edit,
                args=(index,),
            )
            c2.button(_("Cancel"), key=f"cancel:{index}", on_click=cancel_edit)
            return
        _listed(
            index,
            f"{index + 1}. {row.activity}",
            row_summary(row, draft, a, index=index, on_week=True),
            change=(_("Change {n}"), "edit", start_edit),
            remove=(_("Remove {n}"), "remove", remove_row),
        )


# A button of a listed row: its label ("{n}" is the row's number), key prefix and callback.
RowButton = tuple[str, str, Callable[[int], None]]


def _listed(index: int, name: str, summary: str, *, change: RowButton, remove: RowButton) -> None:
    """A row in a list: its name as text (the user's words), a summary, "change" and "remove"."""
    text_col, change_col, remove_col = st.columns([6, 2, 2], vertical_alignment="center")
    with text_col:
        st.text(name)
        st.caption(summary)
    for col, (label, prefix, callback), icon in (
        (change_col, change, ":material/edit:"),
        (remove_col, remove, ":material/delete:"),
    ):
        col.button(
            label.format(n=index + 1),
            key=f"{prefix}:{index}",
            on_click=callback,
            args=(index,),
            icon=icon,
        )


def to_fix_summary(row: RowToFix) -> str:
    """``30 min × 100 per day. The minutes times … more than a day has (24 hours). It is kept
    …``: why a row to fix is not counted (our words and numbers only)."""
    numbers = _("{minutes} min × {times} {per}.").format(
        minutes=fmt.whole(row.minutes), times=fmt.whole(row.times), per=labels.per(row.per)
    )
    kept = _("It is kept from the saved file, but not counted until you change it.")
    return f"{numbers} {problem(f'longer_than_{row.per.value}')} {kept}"


def to_fix_name(row: RowToFix) -> str:
    return row.activity or labels.category(row.category)


def change_row_to_fix(index: int) -> None:
    """The row's answers go into the add form, with the reason under "How many times"; the row
    stays a row to fix until that activity is added (nothing is lost if the user leaves)."""
    row = get_draft().rows_to_fix[index]
    ss = st.session_state
    for name in FIELDS:
        ss[f"add:{name}"] = getattr(row, name)
    ss["add:minutes"] = str(row.minutes)
    ss["add:times"] = str(row.times)
    for part in WHEN:
        ss[f"add:{part.value}"] = part in row.day_parts
    ss["add:problems"] = {"times": f"longer_than_{row.per.value}"}
    ss[FIXING_KEY] = index
    ss[EDITING_KEY] = None
    ss[FOCUS_KEY] = True


def cancel_fix() -> None:
    st.session_state.pop(FIXING_KEY, None)
    st.session_state["add:problems"] = {}
    _reset_add()


def remove_row_to_fix(index: int) -> None:
    draft = get_draft()
    rows = list(draft.rows_to_fix)
    removed = rows.pop(index)
    draft.rows_to_fix = rows
    fixing = st.session_state.get(FIXING_KEY)
    if fixing == index:
        cancel_fix()
    elif isinstance(fixing, int) and fixing > index:
        st.session_state[FIXING_KEY] = fixing - 1
    st.session_state[REMOVED_KEY] = (index, removed.model_dump(mode="json"), "to_fix")
    st.session_state[NOTICE_KEY] = "removed"


def rows_to_fix(draft: Draft) -> None:
    """Rows of an older file that take more time than their period has (``draft.rows_to_fix``),
    first on the step: each named, with why it is not counted, "Fix" and "Remove"."""
    with st.container():  # one slot whether or not there are rows to fix
        if not draft.rows_to_fix:
            return
        count = len(draft.rows_to_fix)
        st.warning(
            ngettext(
                "{n} activity from the saved file takes more time than it can: change it, or "
                "remove it. Until then it is not counted.",
                "{n} activities from the saved file take more time than they can: change them, "
                "or remove them. Until then they are not counted.",
                count,
            ).format(n=fmt.whole(count)),
            icon=":material/warning:",
        )
        for index, row in enumerate(draft.rows_to_fix):
            with st.container(border=True):
                _listed(
                    index,
                    to_fix_name(row),
                    to_fix_summary(row),
                    change=(_("Fix activity {n} from the file"), "fix", change_row_to_fix),
                    remove=(
                        _("Remove activity {n} from the file"),
                        "fix_remove",
                        remove_row_to_fix,
                    ),
                )


def _fixing(draft: Draft) -> None:
    """In the add form, while a row to fix is in it: which one, and a way out."""
    with st.container():  # one slot whether or not a row to fix is being changed
        index = st.session_state.get(FIXING_KEY)
        if not isinstance(index, int) or not 0 <= index < len(draft.rows_to_fix):
            return
        st.info(
            _(
                "You are changing activity {n} from the saved file. It is counted when you add "
                "it, and leaves the list of activities to fix."
            ).format(n=index + 1),
            icon=":material/edit:",
        )
        st.button(_("Cancel the change"), key="fix_cancel", on_click=cancel_fix)


def running_total(a: Assessment) -> str:
    """``Counted so far: 34,5 hours a week · 2 hours decided on the next step · 2 hours not
    counted``."""
    line = _("Counted so far: {hours} a week").format(hours=fmt.hours(a.counted_minutes))
    waiting = a.waiting_minutes
    if waiting:
        line += " · " + _("{hours} {decided}").format(
            hours=fmt.hours(waiting), decided=decided_later(on_week=True)
        )
    excluded = sum(a.not_counted_minutes.values(), Fraction(0))
    if excluded:
        line += " · " + _("{hours} not counted").format(hours=fmt.hours(excluded))
    return line


def over_a_week(draft: Draft) -> None:
    """A warning when the rows add up to more than the 168 hours a week has (in a fixed slot)."""
    with st.container():
        if more_than_a_week(draft.rows):
            total = sum((weekly_minutes(r) for r in draft.rows), Fraction(0))
            st.warning(
                _(
                    "The activities add up to {hours} a week, more than the 168 hours a week "
                    "has. Check the minutes and how often, and whether an activity is written "
                    "twice."
                ).format(hours=fmt.hours(total)),
                icon=":material/warning:",
            )


def totals(a: Assessment, *, on_week: bool = False) -> None:
    draft = get_draft()
    st.header(_("Hours a week"), anchor=False)
    st.markdown(
        _("**Counted toward the right to BPA: {hours}**").format(hours=fmt.hours(a.counted_minutes))
    )
    over_a_week(draft)
    with st.container():  # one slot whether or not some rows wait for step 5
        waiting = a.waiting_minutes
        if waiting:
            st.markdown(
                _(
                    "Help at night or with two helpers, {decided}: {hours}. It counts if the "
                    "need is there all the time."
                ).format(decided=decided_later(on_week), hours=fmt.hours(waiting))
            )
    with st.container():  # one slot whether or not something is left out
        not_counted = a.not_counted_minutes
        if not_counted:
            st.markdown(_("Not counted, with the reason:"))
            st.markdown(
                "\n".join(
                    f"- {labels.exclusion(reason)}: {fmt.hours(minutes)}"
                    for reason, minutes in not_counted.items()
                )
            )
    # Its own paragraph, not a bullet under the excluded hours: where the counted hours stand.
    missing: list[str] = []
    # Missing hours rounded up beside the counted hours rounded down: they add up to the limit.
    to_25, to_32 = a.minutes_missing_to_cost_exception, a.minutes_missing_to_right
    if to_25:
        missing.append(
            lawful(
                _("{hours} more a week would reach {cost_hours} hours."),
                hours=fmt.hours(to_25, up=True),
            )
        )
    if to_32:
        missing.append(
            lawful(
                _("{hours} more a week would reach {right_hours} hours."),
                hours=fmt.hours(to_32, up=True),
            )
        )
    else:
        missing.append(lawful(_("The counted hours are {right_hours} or more a week.")))
    st.markdown(" ".join(missing))
    if a.counted_by_category:
        week_chart(a)


def focus_activity(label: str, count: int) -> None:
    """After "Add": focus on the activity field, in view, for the next activity. ``label`` is
    an interface string, JSON-encoded. Streamlit may draw the field anew just after the run,
    which drops focus to <body>: for a short while, focus it again then, and only then (never
    taking focus from anything the user chose meanwhile)."""
    st.html(
        "<script>(function(){"
        f"const want = {json.dumps(label)}; let tries = 0; let done = false; /* {count} */"
        "function go(){"
        "const box = document.querySelector('input[aria-label=' + JSON.stringify(want) + ']');"
        "const a = document.activeElement;"
        "if (box && a !== box && (!done || !a || a === document.body || !a.isConnected)) {"
        "box.focus({preventScroll: true}); box.scrollIntoView({block: 'center'}); }"
        "if (box) { done = true; }"
        "if (tries++ < 20) { setTimeout(go, 50); }}"
        "go();})();</script>",
        unsafe_allow_javascript=True,
    )


def render() -> Any:
    draft = get_draft()
    a = assess(draft, assessment_date())
    # One slot whether or not there is a notice: the fields below keep their place in the page,
    # so Streamlit never shows a stale copy of a field beside the new one (typing went into it).
    with st.container():
        _notice()
    rows_to_fix(draft)
    with st.container(border=True):
        st.header(_("Add an activity"), anchor=False)
        _fixing(draft)
        _row_fields("add", draft)
        st.button(
            _("Add activity"),
            key="add_row",
            on_click=add_row,
            icon=":material/add:",
            type="primary",
        )
        # Always drawn (a fixed slot): the counted total, live, without scrolling to the end.
        st.markdown(running_total(a))
        over_a_week(draft)
    with st.container():  # one slot whether or not focus moves
        if st.session_state.pop(FOCUS_KEY, False):
            count = int(st.session_state.get(FOCUS_COUNT_KEY, 0)) + 1
            st.session_state[FOCUS_COUNT_KEY] = count
            focus_activity(field_labels()["activity"], count)
    st.header(_("Activities ({count})").format(count=fmt.whole(len(draft.rows))), anchor=False)
    rows_list(draft, a)
    totals(a, on_week=True)
    return a


def fragment_only_run() -> bool:
    """This script run runs fragments only (a widget of the builder was used), not the page:
    the frame (sidebar, navigation, heading, back and next) is not run and stays as drawn."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and ctx.fragment_ids_this_run)


@st.fragment(key=FRAGMENT_KEY)
def builder() -> None:
    """The week builder (the add form, the rows, the totals) as a fragment: adding, changing or
    removing a row runs this function only, not the frame around the page.

    What the frame does after the page is done here when only the fragment runs: the language
    is looked up once for the run, and the tab gets the answers of now (``tab_copy.keep`` is
    never reached). The note above "Next" ("Some answers above need a look") is outside the
    fragment: when the builder's errors come or go, the whole page runs again so it is right;
    what this run took from the session state for the page (the notice, the focus after "Add")
    is put back for that run. So it is while the step buttons wait for the tab's first answer
    (their next run enables them). An error in the builder is told here, once, as the frame tells
    one in a page (Streamlit's own handling of a fragment's error, then the frame's, gave two).

    Whether only fragments run is read from Streamlit's run context
    (``fragment_ids_this_run``, not a public API): tests/test_week_fragment.py fails if it is
    gone (the tab would no longer get the copy from a run of the builder alone)."""
    # Imported in the run, not with this module: the tab copy's component is registered only
    # when its module is first imported inside a script run (a test launcher imports this
    # module before Streamlit starts, and the component's files then answered 404).
    from bpa_ui import tab_copy

    alone = fragment_only_run()
    if alone:
        begin_run()
    ss = st.session_state
    before = int(ss.get(ERRORS_SHOWN_KEY, 0))
    kept = {key: ss[key] for key in (NOTICE_KEY, FOCUS_KEY) if key in ss}
    try:
        render()
    except Exception as exc:  # as the frame does for a page: one calm message, no traceback
        show_friendly_error(exc)
    shown = int(ss.get(ERRORS_SHOWN_KEY, 0)) - before
    had = int(ss.get(ERRORS_KEY, 0))
    ss[ERRORS_KEY] = shown
    if alone:
        ss[ERRORS_SHOWN_KEY] = before  # the page's count, as its last run left it
        # The step buttons are drawn disabled in the session's first run until the tab answers,
        # or until the next run (tab_copy.waiting_for_the_tab): a tab that never answers must
        # not keep them disabled while only the builder runs.
        if (shown > 0) != (had > 0) or tab_copy.waiting_for_the_tab():
            ss.update(kept)
            st.rerun(scope="app")
    tab_copy.keep_in_fragment(fragment_only=alone)
