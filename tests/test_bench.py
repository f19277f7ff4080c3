"""The benchmark script imports, parses its options and prints its table (nothing is timed)."""

from __future__ import annotations

from bench import pdf, rerun, server_metrics
from bench.run import TARGETS, parse_args, table


def test_bench_parts_import_and_options_parse() -> None:
    args = parse_args(["--only", "pdf", "--only", "rerun", "--runs", "3"])
    assert args.only == ["pdf", "rerun"]
    assert args.runs == 3
    assert parse_args([]).sessions == 20
    assert callable(rerun.step_reruns) and callable(server_metrics.browser_figures)
    names = [name for name, *_ in pdf.cases()]
    assert {f"{p}: application" for p in pdf.PERSONAS} <= set(names)
    assert len(pdf.STRESS_TEXT) == 50_000


def test_table_shows_ratio_target_and_verdict() -> None:
    results = {
        "step_rerun": {
            "steps": [{"step": "week", "app_ms": 3.0, "bare_ms": 1.5, "ratio": 2.0}],
            "median_app_ms": 3.0,
            "bare_ms": 1.5,
            "median_ratio": 2.0,
        },
        "browser": {
            "click_to_next": {
                "clicks": 26,
                "app_median_ms": 200.0,
                "bare_median_ms": 150.0,
                "ratio": 1.33,
            }
        },
        "import": {
            "import_bpa_core_ms": 2.0,
            "python_startup_ms": 15.0,
            "import_draft_rules_documents_ms": 150.0,
            "reportlab_imported": False,
        },
    }
    text = "\n".join(table(results))
    assert "rerun week" in text and "2.0x" in text and "MISSED" in text
    assert "click to next step (n=26)" in text and f"<= {TARGETS['click_ms']:.0f} ms" in text
    assert "ReportLab imported before a PDF" in text
