"""PDF: median time to build the documents from a draft and render them, for each persona's
application and for a stress draft with 50 000 characters of free text (part of `make bench`)."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
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


PERSONAS = tuple(sorted(p.stem for p in (ROOT / "tests" / "personas").glob("*.json")))


def cases() -> list[tuple[str, Draft, str, int, float]]:
    """(name, draft, documents, runs, target in ms): each persona's application, then stress."""
    rows = [(f"{name}: application", persona(name), "application", 11, 150.0) for name in PERSONAS]
    rows.append(("kari: application + checklist", persona("kari"), "all", 11, 150.0))
    rows.append(("stress 50 000 chars: application", stress(), "application", 5, 2000.0))
    rows.append(("stress 50 000 chars: all", stress(), "all", 5, 2000.0))
    return rows


def pdf_builds() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, draft, choice, runs, target in cases():
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
    return rows
