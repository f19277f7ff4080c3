"""The week as a chart: counted hours per category and in total, against the 25 and 32 hour
lines, with the same facts as text beside it (a chart alone says nothing to a screen reader).

Uses Altair/Vega-Lite as bundled with Streamlit: nothing is fetched from the network.
"""

from __future__ import annotations

from fractions import Fraction

import altair as alt
import streamlit as st

from bpa_core.draft import Category
from bpa_core.rules.eligibility import Assessment
from bpa_core.rules.hours import display_hours
from bpa_core.rules.ruleset import ruleset_for
from bpa_ui import fmt, labels
from bpa_ui.i18n import _


def summary_lines(a: Assessment) -> list[str]:
    lines = [
        _("{category}: {hours}").format(category=labels.category(Category(c)), hours=fmt.hours(m))
        for c, m in a.counted_by_category.items()
    ]
    lines.append(_("Total counted: {hours}").format(hours=fmt.hours(a.counted_minutes)))
    return lines


def week_chart(a: Assessment) -> None:
    rules = ruleset_for(a.assessed_on)
    lines = summary_lines(a)
    total_label = _("Total")
    values = [
        {
            "label": labels.category(Category(c)),
            "hours": display_hours(m),
            "shown": fmt.hours_number(m),
        }
        for c, m in a.counted_by_category.items()
    ]
    values.append(
        {
            "label": total_label,
            "hours": display_hours(a.counted_minutes),
            "shown": fmt.hours_number(a.counted_minutes),
        }
    )
    limits = [
        {
            "hours": rules.cost_exception_minutes / 60,
            "text": fmt.hours(Fraction(rules.cost_exception_minutes)),
        },
        {"hours": rules.right_minutes / 60, "text": fmt.hours(Fraction(rules.right_minutes))},
    ]
    bar_data = alt.Data(values=values)  # type: ignore[no-untyped-call]
    limit_data = alt.Data(values=limits)  # type: ignore[no-untyped-call]
    top = max(36.0, display_hours(a.counted_minutes) + 4)
    x = alt.X("hours:Q", title=_("Hours per week"), scale=alt.Scale(domain=[0, top]))
    bars = (
        alt.Chart(bar_data)
        .mark_bar(color="#1f5f99")
        .encode(
            y=alt.Y(
                "label:N", sort=None, title=None, axis=alt.Axis(labelLimit=260, labelOverlap=False)
            ),
            x=x,
            tooltip=[
                alt.Tooltip("label:N", title=_("Category")),
                alt.Tooltip("shown:N", title=_("Hours per week")),
            ],
        )
    )
    numbers = bars.mark_text(align="left", dx=4, color="#000000").encode(text="shown:N")
    rule = alt.Chart(limit_data).mark_rule(strokeDash=[6, 4], color="#000000")
    rule_text = (
        alt.Chart(limit_data)
        .mark_text(align="left", dx=3, dy=-6, baseline="bottom", color="#000000")
        .encode(x="hours:Q", y=alt.value(0), text="text:N")
    )
    chart = (bars + numbers + rule.encode(x="hours:Q") + rule_text).properties(height=alt.Step(30))
    left, right = st.columns([3, 2])
    with left:
        st.altair_chart(chart, width="stretch", alt=" ".join(lines))
    with right:
        st.markdown(_("**The chart in words**"))
        st.markdown("\n".join(f"- {line}" for line in lines))
        st.caption(_("The dashed lines mark 25 and 32 hours a week."))
