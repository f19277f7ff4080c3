"""PDF: median time to build the documents from a draft and render them, for each persona's
application, a stress draft with 50 000 characters of free text, and the worst drafts the app
accepts (bpa_core/limits.py: rows with the longest names and every free text full up to the
whole-draft budget, of each alphabet in WORST_LINES: short lines, full lines of words, long
unbroken words, "& & &", "< < <", wide and narrow letters, Sámi letters, emoji, accents alone).
Part of `make bench`."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpa_core import limits  # noqa: E402
from bpa_core.documents.build import build_documents  # noqa: E402
from bpa_core.draft import MAX_ACTIVITY, MAX_ROWS, ActivityRow, Draft, load_draft  # noqa: E402
from bpa_core.render.pdf import render_pdf  # noqa: E402

ON = date(2026, 11, 22)
STRESS_TEXT = ("Áŋŋá Máret trenger hjelp <para> & 😀 hver morgen og kveld. " * 2000)[:50_000]


def persona(name: str) -> Draft:
    return load_draft((ROOT / "tests" / "personas" / f"{name}.json").read_bytes())


def stress() -> Draft:
    draft = persona("kari")
    draft.need.description = STRESS_TEXT
    return draft


# The free texts a worst draft fills (the attack of the bounded-cost issue: nine answers).
FREE_TEXTS = (
    ("manages_alone",),
    ("needs_help_with",),
    ("variations",),
    ("life", "work"),
    ("life", "education"),
    ("goals", "goals"),
    ("goals", "not_done_today"),
    ("need", "description"),
    ("life", "family_changes"),
)


def full_line(unit: str) -> str:
    """``unit`` repeated to fill one printed line (``limits.printed_lines``), or the unit when it
    is longer than a line."""
    line = unit
    while limits.printed_lines(line + unit) == 1:
        line += unit
    return line.rstrip(" ")


# The worst lines of each kind (the attack, then every alphabet that costs ReportLab more
# per character than plain letters did: markup that must be escaped, wide and narrow letters,
# letters outside Latin-1, characters the budget counts at their widest).
WORST_LINES = {
    "short lines": "a",
    "full lines of words": full_line("ord "),
    "long unbroken words": "x" * 400,
    "& & &": full_line("& "),
    "< < <": full_line("< "),
    "‹ ‹ ‹": full_line("\u2039 "),
    "W W W": full_line("W "),
    "a a a": full_line("a "),
    "i i i": full_line("i "),
    "long words of W": "W" * 400,
    "Sámi letters": full_line("ŋ ŧ á č đ š ž "),
    "emoji": full_line("😀 "),
    "accents alone": full_line("\u0301 "),
}


def worst_accepted(line: str, row: str | None = None) -> Draft:
    """The largest draft the app accepts, made of ``line``: up to 200 rows with the longest names
    (of ``row``, else of "mmmm "; at most half the whole-draft budget), then the nine free texts
    filled until the budget is spent (a file of it loads)."""
    draft = persona("kari")
    name = ((row or "mmmm ") * MAX_ACTIVITY)[:MAX_ACTIVITY]
    one = ActivityRow(category="meals", activity=name, minutes=1, times=1, per="week")
    draft.rows = [one] * MAX_ROWS
    while (
        used := sum(size for size, _path in limits.sizes(draft))
    ) > limits.MAX_PRINTED_LINES // 2:
        draft.rows.pop()  # the rows take half the budget at most
    per_field = (limits.MAX_PRINTED_LINES - used) // len(FREE_TEXTS)
    count = min(per_field // max(1, limits.printed_lines(line)) - 1, limits.MAX_LINES - 1)
    for path in FREE_TEXTS:
        target: object = draft
        for part in path[:-1]:
            target = getattr(target, part)
        setattr(target, path[-1], "\n".join([line] * count))
    assert limits.over_budget(draft) is None
    return load_draft(draft.to_json())


WORST_KIND = "& & &"  # the one the load and rerun benchmarks use (about the costliest)


def worst_draft(kind: str = WORST_KIND) -> Draft:
    """The worst accepted draft of one kind: its lines in the free texts, its letters in the
    rows' names."""
    line = WORST_LINES[kind]
    return worst_accepted(line, line[:10] + " ")


def median_ms(task: Callable[[], object], runs: int) -> tuple[float, float, float, float]:
    """Wall-clock median, min and max, and the median CPU time of this process, in ms."""
    task()  # warm up: fonts, catalogs, imports
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        task()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def pdf_task(draft: Draft, choice: str) -> Callable[[], bytes]:
    return lambda: render_pdf(build_documents(draft, choice, "nb", on=ON))


PERSONAS = tuple(sorted(p.stem for p in (ROOT / "tests" / "personas").glob("*.json")))


def cases() -> list[tuple[str, Draft, str, int, float]]:
    """(name, draft, documents, runs, target in ms): each persona's application, then stress."""
    rows = [(f"{name}: application", persona(name), "application", 11, 150.0) for name in PERSONAS]
    rows.append(("kari: application + checklist", persona("kari"), "all", 11, 150.0))
    rows.append(("stress 50 000 chars: application", stress(), "application", 5, 2000.0))
    rows.append(("stress 50 000 chars: all", stress(), "all", 5, 2000.0))
    for kind in WORST_LINES:
        rows.append((f"worst accepted, {kind}: all", worst_draft(kind), "all", 3, 3000.0))
    return rows


def pdf_builds() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, draft, choice, runs, target in cases():
        median, fastest, slowest, cpu = median_ms(pdf_task(draft, choice), runs)
        pages = len(pdf_task(draft, choice)().split(b"/Type /Page\n")) - 1
        rows.append(
            {
                "case": name,
                "runs": runs,
                "median_ms": round(median, 1),
                "min_ms": round(fastest, 1),
                "max_ms": round(slowest, 1),
                "cpu_ms": round(cpu, 1),
                "target_ms": target,
                "ok": median <= target,
                "pdf_pages": pages,
            }
        )
    return rows
