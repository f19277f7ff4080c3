"""The week builder: add, change and remove activity rows; totals, excluded hours and the chart.

All arithmetic comes from ``bpa_core.rules`` (weekly minutes, what counts, the totals). Rows are
kept grouped by category in the Draft, so the list reads like the application's week table.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import streamlit as st
from pydantic import ValidationError

from bpa_core.draft import (
    MAX_MINUTES,
    MAX_ROWS,
    MAX_TIMES,
    ActivityRow,
    Category,
    Draft,
    Per,
    field_errors,
)
from bpa_core.rules import assess
from bpa_core.rules.eligibility import Assessment
from bpa_core.rules.hours import exclusion_reason, weekly_minutes
from bpa_core.rules.ruleset import ruleset_for
from bpa_ui import fmt, labels
from bpa_ui.bind import SHORT_TEXT, count_error_shown
from bpa_ui.chart import week_chart
from bpa_ui.context import assessment_date, is_child, pick
from bpa_ui.i18n import _, in_session_language, ngettext
from bpa_ui.messages import field_problem
from bpa_ui.state import get_draft
from bpa_ui.suggestions import SUGGESTIONS

EDITING_KEY = "week_editing"  # index of the row being changed
REMOVED_KEY = "week_removed"  # (index, row) of the last removed row, for "undo"
NOTICE_KEY = "week_notice"
OPEN_KEY = "week_open"  # the category last added to, changed or being changed: its expander opens
FIELDS = ("category", "activity", "minutes", "times", "per", "night", "two_helpers")


def forget_week_state() -> None:
    """After a restore: no row is being changed, and "undo" has nothing to bring back."""
    for key in (EDITING_KEY, REMOVED_KEY, NOTICE_KEY, OPEN_KEY):
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
        "night": _("At night"),
        "two_helpers": _("Needs two helpers at the same time"),
    }


def in_week_order(rows: list[ActivityRow]) -> list[ActivityRow]:
    """Grouped by category, in the order of the categories; rows of a category keep theirs.
    The list's numbers ("Change 3") are positions in this order, so every way in (adding,
    changing, a restored file) keeps it: a number never moves to another activity."""
    order = {c: i for i, c in enumerate(Category)}
    return sorted(rows, key=lambda r: order[r.category])


def _row_from_state(prefix: str) -> tuple[ActivityRow | None, dict[str, str]]:
    """Build a row from the widgets ``prefix:field``; or the problems, field -> message id."""
    ss = st.session_state
    problems: dict[str, str] = {}
    activity = str(ss.get(f"{prefix}:activity") or "").strip()
    if not activity:
        problems["activity"] = "required"
    if ss.get(f"{prefix}:minutes") is None:
        problems["minutes"] = "required"
    if ss.get(f"{prefix}:times") is None:
        problems["times"] = "required"
    if problems:
        return None, problems
    try:
        row = ActivityRow(
            category=ss[f"{prefix}:category"],
            activity=activity,
            minutes=int(ss[f"{prefix}:minutes"]),
            times=int(ss[f"{prefix}:times"]),
            per=ss[f"{prefix}:per"],
            night=bool(ss.get(f"{prefix}:night")),
            two_helpers=bool(ss.get(f"{prefix}:two_helpers")),
        )
    except ValidationError as exc:
        # The specific message ids ("too_large", "too_long", ...), as for every other field.
        for found in field_errors(exc):
            problems[found.field.split(".")[0] or "activity"] = found.message_id
        return None, problems
    return row, {}


def _reset_add() -> None:
    ss = st.session_state
    ss["add:activity"] = ""
    ss["add:minutes"] = None
    ss["add:times"] = 1
    ss["add:night"] = False
    ss["add:two_helpers"] = False


def add_row() -> None:
    draft = get_draft()
    row, problems = _row_from_state("add")
    if row is not None and len(draft.rows) >= MAX_ROWS:
        problems = {"activity": "too_many"}
    st.session_state["add:problems"] = problems
    if row is None or problems:
        return
    draft.rows = in_week_order([*draft.rows, row])
    st.session_state[OPEN_KEY] = row.category
    _reset_add()
    st.session_state[NOTICE_KEY] = "added"
    st.session_state[EDITING_KEY] = None


def use_suggestion() -> None:
    chosen = st.session_state.get("add:suggestion")
    if chosen:
        st.session_state["add:activity"] = chosen
    st.session_state["add:suggestion"] = None


def start_edit(index: int) -> None:
    row = get_draft().rows[index]
    for name in FIELDS:
        st.session_state[f"edit:{name}"] = getattr(row, name)
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
    index, data = saved
    draft = get_draft()
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


def _problems(prefix: str, number: int | None = None) -> None:
    names = numbered_labels(number)
    # One slot whether or not there are problems: the elements below keep their place.
    with st.container():
        for field, message_id in (st.session_state.get(f"{prefix}:problems") or {}).items():
            st.error(field_problem(names.get(field, field), message_id), icon=":material/error:")
            count_error_shown()


def _row_fields(prefix: str, draft: Draft, number: int | None = None) -> None:
    """The fields of one row (adding, or changing activity ``number``). Keys ``prefix:field``."""
    names = numbered_labels(number)
    ss = st.session_state
    options = categories(draft)
    current = ss.get(f"{prefix}:category")
    if prefix == "edit" and isinstance(current, Category) and current not in options:
        options.append(current)  # e.g. a respite row in a restored adult's draft
    if ss.get(f"{prefix}:category") not in options:
        ss[f"{prefix}:category"] = Category.PERSONAL_CARE
    if ss.get(f"{prefix}:per") not in list(Per):
        ss[f"{prefix}:per"] = Per.DAY
    ss.setdefault(f"{prefix}:times", 1)
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
            [_(s) for s in SUGGESTIONS[chosen]],
            key="add:suggestion",
            on_change=use_suggestion,
        )
    st.text_input(
        names["activity"], key=f"{prefix}:activity", max_chars=SHORT_TEXT, persist_state="session"
    )
    cols = st.columns(3)
    with cols[0]:
        st.number_input(
            names["minutes"],
            min_value=1,
            max_value=MAX_MINUTES,
            step=5,
            key=f"{prefix}:minutes",
            persist_state="session",
            value=None,
            help=_("A whole day is 1440 minutes."),
        )
    with cols[1]:
        st.number_input(
            names["times"],
            min_value=1,
            max_value=MAX_TIMES,
            step=1,
            key=f"{prefix}:times",
            persist_state="session",
        )
    with cols[2]:
        st.selectbox(
            names["per"],
            list(Per),
            key=f"{prefix}:per",
            persist_state="session",
            format_func=in_session_language(labels.per),
        )
    st.checkbox(
        names["night"],
        key=f"{prefix}:night",
        persist_state="session",
        help=pick(
            draft,
            you=_("Tick if the help is given at night, when you would otherwise sleep."),
            other=_("Tick if the help is given at night, when the person would otherwise sleep."),
            parent=_("Tick if the help is given at night, when your child would otherwise sleep."),
        ),
    )
    st.checkbox(names["two_helpers"], key=f"{prefix}:two_helpers", persist_state="session")


def row_summary(row: ActivityRow, draft: Draft, a: Assessment) -> str:
    """``75 min × 1 per day = 8,8 hours a week · counted`` (our words and numbers only)."""
    reason = exclusion_reason(
        row,
        is_child=a.is_child,
        night_need=draft.night_need,
        two_helper_need=draft.two_helper_need,
        rules=ruleset_for(a.assessed_on),
    )
    base = _("{minutes} min × {times} {per} = {hours} a week").format(
        minutes=fmt.whole(row.minutes),
        times=fmt.whole(row.times),
        per=labels.per(row.per),
        hours=fmt.hours(weekly_minutes(row)),
    )
    marks = []
    if row.night:
        marks.append(_("at night"))
    if row.two_helpers:
        marks.append(_("two helpers"))
    if marks:
        base += " (" + ", ".join(marks) + ")"
    if reason is None:
        return base + " · " + _("✓ counts")
    return base + " · " + _("✗ not counted: {reason}").format(reason=labels.exclusion(reason))


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
        with st.expander(category_title(category, len(indexes), a), expanded=opened):
            for index in indexes:
                _row(draft, a, index, editing)


def category_title(category: Category, count: int, a: Assessment) -> str:
    """``Personal care – 3 activities, 12,5 hours counted``."""
    activities = ngettext("{n} activity", "{n} activities", count).format(n=fmt.whole(count))
    counted = a.counted_by_category.get(category.value)
    if counted:
        return _("{category} – {activities}, {hours} counted").format(
            category=labels.category(category), activities=activities, hours=fmt.hours(counted)
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
            _problems("edit", index + 1)
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
        text_col, change_col, remove_col = st.columns([6, 2, 2], vertical_alignment="center")
        with text_col:
            st.text(f"{index + 1}. {row.activity}")
            st.caption(row_summary(row, draft, a))
        change_col.button(
            _("Change {n}").format(n=index + 1),
            key=f"edit:{index}",
            on_click=start_edit,
            args=(index,),
            icon=":material/edit:",
        )
        remove_col.button(
            _("Remove {n}").format(n=index + 1),
            key=f"remove:{index}",
            on_click=remove_row,
            args=(index,),
            icon=":material/delete:",
        )


def running_total(a: Assessment) -> str:
    """``Counted so far: 34,5 hours a week · 2 hours not counted``."""
    line = _("Counted so far: {hours} a week").format(hours=fmt.hours(a.counted_minutes))
    excluded = sum(a.excluded_minutes.values(), Fraction(0))
    if excluded:
        line += " · " + _("{hours} not counted").format(hours=fmt.hours(excluded))
    return line


def totals(a: Assessment) -> None:
    st.header(_("Hours a week"), anchor=False)
    st.markdown(
        _("**Counted toward the right to BPA: {hours}**").format(hours=fmt.hours(a.counted_minutes))
    )
    with st.container():  # one slot whether or not something is left out
        if a.excluded_minutes:
            st.markdown(_("Not counted, with the reason:"))
            st.markdown(
                "\n".join(
                    f"- {labels.exclusion(reason)}: {fmt.hours(minutes)}"
                    for reason, minutes in a.excluded_minutes.items()
                )
            )
    # Its own paragraph, not a bullet under the excluded hours: where the counted hours stand.
    missing: list[str] = []
    # Missing hours rounded up beside the counted hours rounded down: they add up to the limit.
    to_25, to_32 = a.minutes_missing_to_25, a.minutes_missing_to_32
    if to_25:
        missing.append(
            _("{hours} more a week would reach 25 hours.").format(hours=fmt.hours(to_25, up=True))
        )
    if to_32:
        missing.append(
            _("{hours} more a week would reach 32 hours.").format(hours=fmt.hours(to_32, up=True))
        )
    else:
        missing.append(_("The counted hours are 32 or more a week."))
    st.markdown(" ".join(missing))
    if a.counted_by_category:
        week_chart(a)


def render() -> Any:
    draft = get_draft()
    a = assess(draft, assessment_date())
    # One slot whether or not there is a notice: the fields below keep their place in the page,
    # so Streamlit never shows a stale copy of a field beside the new one (typing went into it).
    with st.container():
        _notice()
    with st.container(border=True):
        st.header(_("Add an activity"), anchor=False)
        _row_fields("add", draft)
        _problems("add")
        st.button(
            _("Add activity"),
            key="add_row",
            on_click=add_row,
            icon=":material/add:",
            type="primary",
        )
        # Always drawn (a fixed slot): the counted total, live, without scrolling to the end.
        st.markdown(running_total(a))
    st.header(_("Activities ({count})").format(count=fmt.whole(len(draft.rows))), anchor=False)
    rows_list(draft, a)
    totals(a)
    return a
