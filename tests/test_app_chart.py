"""The week chart's words: the 25 and 32 hour labels apart, axis words in dark ink."""

from __future__ import annotations

import altair as alt

from bpa_ui.chart import INK, week_spec

VALUES = [{"label": "Sum", "hours": 34.5, "shown": "34,5"}]
LIMITS = [
    {"hours": 25.0, "text": "25 timer", "align": "right"},
    {"hours": 32.0, "text": "32 timer", "align": "left"},
]


def test_the_limit_labels_sit_on_either_side_of_their_lines() -> None:
    spec = week_spec(VALUES, LIMITS, x_title="Timer per uke", top=38.5)
    alt.LayerChart.from_dict(spec, validate=True)
    mark = spec["layer"][2]["mark"]
    assert "right" in mark["align"]["expr"] and "left" in mark["align"]["expr"]
    assert "-4" in mark["dx"]["expr"]  # the 25 label ends left of its line, the 32 starts right


def test_axis_words_are_dark_enough() -> None:
    spec = week_spec(VALUES, LIMITS, x_title="Timer per uke", top=38.5)
    x = spec["layer"][0]["encoding"]["x"]["axis"]
    y = spec["layer"][0]["encoding"]["y"]["axis"]
    assert x["labelColor"] == x["titleColor"] == y["labelColor"] == INK == "#111111"
