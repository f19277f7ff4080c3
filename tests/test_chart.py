"""The week chart's Vega-Lite spec (written as plain data for speed) is valid Vega-Lite."""

from __future__ import annotations

import altair as alt
import pytest

from bpa_ui.chart import week_spec

VALUES = [
    {"label": "Personlig stell", "hours": 12.3, "shown": "12,3"},
    {"label": "Sum", "hours": 34.5, "shown": "34,5"},
]
LIMITS = [{"hours": 25.0, "text": "25 timer"}, {"hours": 32.0, "text": "32 timer"}]


def test_week_spec_is_valid_vega_lite() -> None:
    spec = week_spec(VALUES, LIMITS, x_title="Timer per uke", top=38.5)
    chart = alt.LayerChart.from_dict(spec, validate=True)
    assert len(chart.layer) == 5
    assert spec["layer"][0]["data"]["values"] == VALUES
    # The bars' numbers are drawn last, over the dashed lines, on a white halo (layer 3).
    assert [layer["mark"]["type"] for layer in spec["layer"]] == [
        "bar",
        "rule",
        "text",
        "text",
        "text",
    ]
    assert spec["layer"][3]["mark"]["stroke"] == "#ffffff"
    assert spec["layer"][3]["data"]["values"] == spec["layer"][4]["data"]["values"] == VALUES
    # Top-level data would make Streamlit import pandas to convert it (slow first week step).
    assert "data" not in spec and "datasets" not in spec
    assert spec["layer"][0]["encoding"]["x"]["scale"] == {"domain": [0, 38.5]}
    assert spec["layer"][1]["data"]["values"] == spec["layer"][2]["data"]["values"] == LIMITS


def test_an_invalid_spec_is_refused_by_the_check() -> None:
    spec = week_spec(VALUES, LIMITS, x_title="Timer per uke", top=38.5)
    spec["layer"][0]["mark"] = {"type": "no-such-mark"}
    with pytest.raises(Exception, match="no-such-mark"):
        alt.LayerChart.from_dict(spec, validate=True)
