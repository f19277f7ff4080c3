"""Speed figures, never part of make test: `make bench` (or `python bench/run.py --help`).

Measures the app against a bare Streamlit page (bench/bare_app.py) side by side in one run,
prints a table and writes the medians to bench/results/bench-<time>.json (gitignored):

- step rerun: server-side script time per step with a persona's answers loaded (AppTest), and
  the server time of one press of "next" (every run it causes);
- click to next step: Chromium, from pressing "next" to the new step's h1 visible;
- the week builder (an st.fragment): server time of each action and the frame runs it causes
  (AppTest), and click "add" / "remove" to the row count painted (Chromium); `--only week`
  runs these alone;
- PDF: each persona's application, and a stress draft with 50 000 characters of free text;
- cold start: `streamlit run` to /_stcore/health ok and the first h1 painted;
- memory per session: server RSS added per open browser session (persona loaded, steps visited);
- import: `python -c "import bpa_core"` and whether ReportLab gets imported.

The browser parts skip with a message when there is no Chromium. The machine may be shared:
the load average is printed and stored with the figures; read ratios rather than absolutes.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
TARGETS = {
    "rerun_ratio": 1.5,
    "click_ms": 250.0,
    "pdf_typical_ms": 150.0,
    "pdf_stress_ms": 2000.0,
    "cold_start_ratio": 1.3,
    "extra_mb_per_session": 3.0,
    "import_ms": 100.0,
    "check_elements": 80.0,
}


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def log(message: str) -> None:
    print(f"[bench {datetime.now(UTC):%H:%M:%S}, load {load_average()[0]:.2f}] {message}")
    sys.stdout.flush()


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def table(results: dict[str, Any]) -> list[str]:
    """The summary table: one line per figure, with app, bare, ratio, target and verdict."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    rerun = results.get("step_rerun")
    if rerun:
        for r in rerun["steps"]:
            rows.append(
                (
                    f"rerun {r['step']}",
                    f"{r['app_ms']:.1f} ms",
                    f"{r['bare_ms']:.1f} ms",
                    f"{r['ratio']:.1f}x",
                    f"<= {TARGETS['rerun_ratio']}x",
                    verdict(r["ratio"] <= TARGETS["rerun_ratio"]),
                )
            )
        rows.append(
            (
                "rerun, median of steps",
                f"{rerun['median_app_ms']:.1f} ms",
                f"{rerun['bare_ms']:.1f} ms",
                f"{rerun['median_ratio']:.1f}x",
                f"<= {TARGETS['rerun_ratio']}x",
                verdict(rerun["median_ratio"] <= TARGETS["rerun_ratio"]),
            )
        )
        for r in rerun["steps"]:
            if "elements" in r and (r["step"] == "check" or r["elements"] > 60):
                target = TARGETS["check_elements"] if r["step"] == "check" else None
                rows.append(
                    (
                        f"elements drawn, {r['step']}",
                        str(r["elements"]),
                        str(rerun.get("bare_elements", "")),
                        "",
                        f"<= {target:.0f}" if target else "(info)",
                        verdict(r["elements"] <= target) if target else "",
                    )
                )
    press = results.get("next_press_server")
    if press:
        rows.append(
            (
                f"server time per press of next (n={press['presses']})",
                f"{press['app_ms']:.1f} ms",
                f"{press['bare_ms']:.1f} ms",
                f"{press['ratio']:.1f}x",
                "(info)",
                "",
            )
        )
    worst = results.get("worst_reruns")
    for r in worst["steps"] if worst else []:
        rows.append(
            (
                f"rerun {r['step']}, worst accepted draft ({worst['draft']})",
                f"{r['median_ms']:.0f} ms",
                "",
                "",
                f"<= {worst['target_ms']:.0f} ms",
                verdict(r["median_ms"] <= worst["target_ms"]),
            )
        )
    week = results.get("week_actions")
    if week:
        for r in week["actions"]:
            rows.append(
                (
                    f"week: {r['action']} ({r['frame_runs']:g} frame runs)",
                    f"{r['app_ms']:.1f} ms",
                    f"{week['bare_ms']:.1f} ms",
                    f"{r['ratio']:.1f}x",
                    "(info)",
                    "",
                )
            )
    click = results.get("browser", {}).get("click_to_next") if results.get("browser") else None
    if click:
        rows.append(
            (
                f"click to next step (n={click['clicks']})",
                f"{click['app_median_ms']:.0f} ms",
                f"{click['bare_median_ms']:.0f} ms",
                f"{click['ratio']:.2f}x",
                f"<= {TARGETS['click_ms']:.0f} ms",
                verdict(click["app_median_ms"] <= TARGETS["click_ms"]),
            )
        )
    week_clicks = results.get("browser", {}).get("week_clicks") if results.get("browser") else None
    if week_clicks:
        for what in ("add", "remove"):
            rows.append(
                (
                    f"week: click {what} to row painted (n={week_clicks['rounds']})",
                    f"{week_clicks[what + '_median_ms']:.0f} ms",
                    f"{week_clicks['bare_median_ms']:.0f} ms",
                    f"{week_clicks[what + '_ratio']:.2f}x",
                    "(info)",
                    "",
                )
            )
    for r in results.get("pdf", []):
        rows.append(
            (
                f"PDF {r['case']}",
                f"{r['median_ms']:.0f} ms",
                "",
                "",
                f"<= {r['target_ms']:.0f} ms",
                verdict(r["ok"]),
            )
        )
    browser = results.get("browser") or {}
    cold = browser.get("cold_start")
    if cold:
        rows.append(
            (
                f"cold start (n={cold['runs']})",
                f"{cold['app_s']:.2f} s",
                f"{cold['bare_s']:.2f} s",
                f"{cold['ratio']:.2f}x",
                f"<= {TARGETS['cold_start_ratio']}x",
                verdict(cold["ratio"] <= TARGETS["cold_start_ratio"]),
            )
        )
    memory = browser.get("memory_per_session")
    if memory:
        rows.append(
            (
                f"memory per session (n={memory['sessions']})",
                f"{memory['app_mb']:.2f} MB",
                f"{memory['bare_mb']:.2f} MB",
                f"+{memory['extra_mb']:.2f} MB",
                f"<= +{TARGETS['extra_mb_per_session']:.0f} MB",
                verdict(memory["extra_mb"] <= TARGETS["extra_mb_per_session"]),
            )
        )
    imp = results.get("import")
    if imp:
        rows.append(
            (
                "import bpa_core",
                f"{imp['import_bpa_core_ms']:.0f} ms",
                f"{imp['python_startup_ms']:.0f} ms",
                "",
                f"<= {TARGETS['import_ms']:.0f} ms",
                verdict(imp["import_bpa_core_ms"] <= TARGETS["import_ms"]),
            )
        )
        rows.append(
            (
                "import bpa_core + draft, rules, documents",
                f"{imp['import_draft_rules_documents_ms']:.0f} ms",
                "",
                "",
                "(info)",
                "",
            )
        )
        rows.append(
            (
                "ReportLab imported before a PDF",
                "yes" if imp["reportlab_imported"] else "no",
                "",
                "",
                "no",
                verdict(not imp["reportlab_imported"]),
            )
        )
    header = ("figure", "app", "bare", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return lines


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        choices=["import", "rerun", "pdf", "browser", "week"],
        action="append",
        help="run only these parts (repeatable); default: all",
    )
    parser.add_argument("--runs", type=int, default=7, help="repeats for reruns (default 7)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts each (default 3)")
    parser.add_argument("--sessions", type=int, default=20, help="browser sessions (default 20)")
    parser.add_argument(
        "--personas",
        default="kari,aanga",
        help="personas for clicks and memory (comma-separated, default kari,aanga: 26 clicks)",
    )
    parser.add_argument("--rerun-persona", default="kari", help="persona for step reruns")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    parts = set(args.only or ["import", "rerun", "pdf", "browser"])
    personas = tuple(p.strip() for p in args.personas.split(",") if p.strip())
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    started = datetime.now(UTC)
    results: dict[str, Any] = {
        "when": started.strftime("%Y%m%dT%H%M%SZ"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_start": load_average(),
        "targets": TARGETS,
    }
    steps: list[tuple[str, str, Callable[[], Any]]] = []
    if "import" in parts:
        from bench.server_metrics import import_time

        steps.append(("import", "import time", lambda: import_time(max(args.runs, 7))))
    if "rerun" in parts:
        from bench.rerun import next_clicks, step_reruns, week_actions, worst_reruns

        steps.append(
            ("step_rerun", "step reruns", lambda: step_reruns(args.rerun_persona, args.runs))
        )
        steps.append(
            (
                "next_press_server",
                "server time per press of next",
                lambda: next_clicks(args.rerun_persona, max(args.runs // 2, 3)),
            )
        )
        steps.append(
            (
                "worst_reruns",
                "reruns with the worst accepted draft",
                lambda: worst_reruns(runs=max(args.runs // 2, 3)),
            )
        )
        steps.append(
            (
                "week_actions",
                "week builder actions",
                lambda: week_actions(args.rerun_persona, args.runs),
            )
        )
    # The week builder's figures (issue 15: the fragment), also part of "rerun" and "browser".
    if "week" in parts and "rerun" not in parts:
        from bench.rerun import week_actions

        steps.append(
            (
                "week_actions",
                "week builder actions",
                lambda: week_actions(args.rerun_persona, args.runs),
            )
        )
    if "week" in parts and "browser" not in parts:
        from bench.server_metrics import week_figures

        steps.append(("browser", "week builder clicks", lambda: week_figures(log)))
    if "pdf" in parts:
        from bench.pdf import pdf_builds

        steps.append(("pdf", "PDF builds", pdf_builds))
    if "browser" in parts:
        from bench.server_metrics import browser_figures

        steps.append(
            (
                "browser",
                "browser parts",
                lambda: browser_figures(args.cold_runs, args.sessions, personas, log),
            )
        )
    for key, name, measure in steps:
        log(f"{name} ...")
        results[key] = measure()
    results["load_average_end"] = load_average()

    print()
    for line in table(results):
        print(line)
    print(
        f"load average (1, 5, 15 min): start {results['load_average_start']}, "
        f"end {results['load_average_end']}; {results['cpus']} CPUs"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench-{results['when']}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
