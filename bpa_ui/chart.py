"""The week as a chart: counted hours per category and in total, against the 25 and 32 hour
lines, with the same facts as text beside it (a chart alone says nothing to a screen reader).

Uses Vega-Lite as bundled with Streamlit: nothing is fetched from the network. The spec is
written as plain data, not built with Altair: Altair validates every part against the JSON
schema on each rerun, which made the week and result steps' reruns about 6 times slower
(`make bench`: about 170 ms before, under 30 ms after).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import streamlit as st

from bpa_core.documents.text import law_numbers
from bpa_core.draft import Category
from bpa_core.rules.eligibility import Assessment
from bpa_core.rules.hours import display_hours
from bpa_core.rules.ruleset import ruleset_for
from bpa_ui import fmt, labels
from bpa_ui.i18n import _

INK = "#111111"


def summary_lines(a: Assessment) -> list[str]:
    lines = [
        _("{category}: {hours}").format(category=labels.category(Category(c)), hours=fmt.hours(m))
        for c, m in a.counted_by_category.items()
    ]
    lines.append(_("Total counted: {hours}").format(hours=fmt.hours(a.counted_minutes)))
    return lines


def week_spec(
    values: list[dict[str, Any]],
    limits: list[dict[str, Any]],
    *,
    x_title: str,
    top: float,
    category_title: str = "Category",
) -> dict[str, Any]:
    """The Vega-Lite spec: bars with their numbers, and the dashed 25 and 32 hour lines."""
    # Axis words in #111 (Streamlit's default grey is below 4.5:1 against white).
    x = {
        "field": "hours",
        "type": "quantitative",
        "title": x_title,
        "scale": {"domain": [0, top]},
        "axis": {"labelColor": INK, "titleColor": INK},
    }
    y = {
        "field": "label",
        "type": "nominal",
        "sort": None,
        "title": None,
        "axis": {"labelLimit": 260, "labelOverlap": False, "labelColor": INK},
    }
    tooltip = [
        {"field": "label", "type": "nominal", "title": category_title},
        {"field": "shown", "type": "nominal", "title": x_title},
    ]
    limit_x = {"field": "hours", "type": "quantitative"}
    # The data sits in the layers, not at the top: Streamlit turns top-level data into an Arrow
    # table through pandas, and importing pandas took about a second on the first week step.
    bar_data = {"values": values}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "height": {"step": 30},
        "layer": [
            {
                "data": bar_data,
                "mark": {"type": "bar", "color": "#1f5f99"},
                "encoding": {"x": x, "y": y, "tooltip": tooltip},
            },
            {
                "data": {"values": limits},
                "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#000000"},
                "encoding": {"x": limit_x},
            },
            {
                "data": {"values": limits},
                # Each line's words on its own side ("25 timer" to the left of its line,
                # "32 timer" to the right), so the two never run into each other.
                "mark": {
                    "type": "text",
                    "align": {"expr": "datum.align === 'right' ? 'right' : 'left'"},
                    "dx": {"expr": "datum.align === 'right' ? -4 : 4"},
                    "dy": -6,
                    "baseline": "bottom",
                    "color": "#000000",
                },
                "encoding": {
                    "x": limit_x,
                    "y": {"value": 0},
                    "text": {"field": "text", "type": "nominal"},
                },
            },
            # The bars' numbers last, over the dashed lines, on a white halo: a total just
            # below 25 or 32 stays readable where a line crosses it.
            {
                "data": bar_data,
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 4,
                    "color": "#ffffff",
                    "stroke": "#ffffff",
                    "strokeWidth": 4,
                    "strokeJoin": "round",
                },
                "encoding": {"x": x, "y": y, "text": {"field": "shown", "type": "nominal"}},
            },
            {
                "data": bar_data,
                "mark": {"type": "text", "align": "left", "dx": 4, "color": "#000000"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "tooltip": tooltip,
                    "text": {"field": "shown", "type": "nominal"},
                },
            },
        ],
    }


def week_chart(a: Assessment) -> None:
    rules = ruleset_for(a.assessed_on)
    lines = summary_lines(a)
    total_label = _("Total")
    values = [
        {
            "label": labels.category(Category(c)),
            "hours": float(display_hours(m)),
            "shown": fmt.hours_number(m),
        }
        for c, m in a.counted_by_category.items()
    ]
    values.append(
        {
            "label": total_label,
            "hours": float(display_hours(a.counted_minutes)),
            "shown": fmt.hours_number(a.counted_minutes),
        }
    )
    limits = [
        {
            "hours": rules.cost_exception_minutes / 60,
            "text": fmt.hours(Fraction(rules.cost_exception_minutes)),
            "align": "right",
        },
        {
            "hours": rules.right_minutes / 60,
            "text": fmt.hours(Fraction(rules.right_minutes)),
            "align": "left",
        },
    ]
    # Room beyond the right's line (and the longest bar) for its label, whatever the rule set.
    top = max(rules.right_minutes / 60, float(display_hours(a.counted_minutes))) + 4
    spec = week_spec(
        values, limits, x_title=_("Hours per week"), top=top, category_title=_("Category")
    )
    left, right = st.columns([3, 2])
    with left:
        st.vega_lite_chart(spec=spec, width="stretch", alt=" ".join(lines))
    with right:
        st.markdown(_("**The chart in words**"))
        st.markdown("\n".join(f"- {line}" for line in lines))
        st.caption(
            _("The dashed lines mark {cost_hours} and {right_hours} hours a week.").format(
                **law_numbers(rules)
            )
        )
