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
    assert callable(rerun.week_actions) and callable(server_metrics.week_clicks)
    names = [name for name, *_ in pdf.cases()]
    assert {f"{p}: application" for p in pdf.PERSONAS} <= set(names)
    assert len(pdf.STRESS_TEXT) == 50_000
    assert {f"worst accepted, {kind}: all" for kind in pdf.WORST_LINES} <= set(names)
    assert {"& & &", "< < <", "W W W", "a a a", "emoji", "Sámi letters"} <= set(pdf.WORST_LINES)
    assert callable(rerun.worst_reruns)


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
            },
            "week_clicks": {
                "rounds": 8,
                "add_median_ms": 300.0,
                "remove_median_ms": 200.0,
                "bare_median_ms": 100.0,
                "add_ratio": 3.0,
                "remove_ratio": 2.0,
            },
        },
        "week_actions": {
            "bare_ms": 1.5,
            "actions": [{"action": "press Add", "app_ms": 24.0, "frame_runs": 0.0, "ratio": 16.0}],
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
    assert "week: press Add (0 frame runs)" in text and "16.0x" in text
    assert "week: click add to row painted (n=8)" in text and "3.00x" in text
    worst = {"draft": "& & &", "target_ms": 500.0, "steps": [{"step": "check", "median_ms": 80}]}
    text = "\n".join(table({"worst_reruns": worst}))
    assert "rerun check, worst accepted draft (& & &)" in text and "<= 500 ms" in text


def test_load_options_phases_and_verdicts() -> None:
    from bench.load import Phase, parse_args, table, verdicts

    args = parse_args(["--sessions", "1,10", "--seconds", "5"])
    assert args.sessions == "1,10" and args.seconds == 5 and args.stall_sessions == 5
    assert args.stall_draft == "worst" and parse_args(["--stall-draft", "stress"]).stall_draft
    phase = Phase("app", 50, times=[("nav_next", float(ms)) for ms in range(1, 101)])
    phase.errors.append("download: HTTP 404")
    phase.wall_s, phase.cpu_s = 10.0, 3.0
    row = phase.summary()
    assert (row["actions"], row["p50_ms"], row["p95_ms"], row["errors"]) == (100, 50.5, 96.0, 1)
    assert row["cpu_ms_per_action"] == 30.0 and row["actions_per_s"] == 10.0
    bare = Phase("bare", 50, times=[("next", 5.0)] * 10)
    bare.wall_s, bare.cpu_s = 10.0, 0.1
    rows = [row, bare.summary()]
    assert "app" in table(rows)[1] and "bare" in table(rows)[2]
    said = "\n".join(verdicts(rows))
    assert "3.0x (target <= 2x) MISSED" in said
    assert "p95 at 50 sessions: 96.0 ms (target <= 1000 ms) ok" in said
