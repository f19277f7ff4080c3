"""Speed figures (never part of make test): `make bench` or `python bench/run.py`.

PDF: median time to build the documents (application + checklist) from a draft and render them,
for a typical persona and for a stress draft with 50 000 characters of free text. Prints a table
and writes bench/results/pdf-<time>.json (the folder is gitignored).
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpa_core.documents.build import build_documents  # noqa: E402
from bpa_core.draft import Draft, load_draft  # noqa: E402
from bpa_core.render.pdf import render_pdf  # noqa: E402

ON = date(2026, 11, 22)
STRESS_TEXT = ("Áŋŋá Máret trenger hjelp <para> & 😀 hver morgen og kveld. " * 2000)[:50_000]


def persona(name: str) -> Draft:
    return load_draft((ROOT / "tests" / "personas" / f"{name}.json").read_bytes())


def stress() -> Draft:
    draft = persona("kari")
    draft.need.description = STRESS_TEXT
    return draft


def median_ms(task: Callable[[], object], runs: int) -> tuple[float, float, float]:
    task()  # warm up: fonts, catalogs, imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def pdf_task(draft: Draft, choice: str) -> Callable[[], bytes]:
    return lambda: render_pdf(build_documents(draft, choice, "nb", on=ON))


CASES = (
    # name, draft, documents, runs, target in ms
    ("typical persona (kari), application", persona("kari"), "application", 15, 150.0),
    ("typical persona (kari), application + checklist", persona("kari"), "all", 15, 150.0),
    ("stress draft, 50 000 characters, application", stress(), "application", 5, 2000.0),
    ("stress draft, 50 000 characters, all", stress(), "all", 5, 2000.0),
)


def main() -> int:
    rows = []
    for name, draft, choice, runs, target in CASES:
        median, fastest, slowest = median_ms(pdf_task(draft, choice), runs)
        pages = len(pdf_task(draft, choice)().split(b"/Type /Page\n")) - 1
        rows.append(
            {
                "case": name,
                "runs": runs,
                "median_ms": round(median, 1),
                "min_ms": round(fastest, 1),
                "max_ms": round(slowest, 1),
                "target_ms": target,
                "ok": median <= target,
                "pdf_pages": pages,
            }
        )
    width = max(len(r["case"]) for r in rows)
    print(f"{'PDF build (documents + render)':<{width}}  median    min    max  target  ok")
    for r in rows:
        print(
            f"{r['case']:<{width}}  {r['median_ms']:6.1f} {r['min_ms']:6.1f} {r['max_ms']:6.1f}"
            f"  {r['target_ms']:6.0f}  {'yes' if r['ok'] else 'NO'}"
        )
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = results / f"pdf-{stamp}.json"
    out.write_text(
        json.dumps(
            {"when": stamp, "python": platform.python_version(), "pdf": rows},
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
