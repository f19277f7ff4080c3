"""What the tab's copy (bpa_ui/tab_copy.py) costs the server per run: ``keep()`` at the end of
each run, with a persona's answers and with a draft of about 0.9 MB, when nothing changed (the
hash only goes to the tab) and when the answers changed (the whole JSON goes). Run alone:
``python -m bench.tab_copy`` (never part of ``make test``).

``keep()`` is run on its own in AppTest (AppTest runs the app's frame on its first run only), and
timed around the call; the JSON sent is measured too.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

from bench.rerun import ROOT

BIG_FIELDS = (
    "variations",
    "manages_alone",
    "needs_help_with",
    "life.living_situation",
    "life.family_changes",
    "life.work",
    "goals.goals",
    "goals.not_done_today",
    "goals.why_today_not_enough",
)


def big_draft() -> Any:
    """Kari's answers with nine long free texts: the largest draft the app accepts (the texts
    spend the whole-draft budget of bpa_core/limits.py), about 0.3 MB of JSON."""
    from bpa_core import limits
    from bpa_core.draft import load_draft
    from bpa_ui.bind import assign

    draft = load_draft((ROOT / "tests" / "personas" / "kari.json").read_bytes())
    size = (limits.MAX_PRINTED_LINES - 100) * 80 // len(BIG_FIELDS)  # 82 characters a line
    text = ("Eg treng hjelp til å stå opp, vaske meg og kle på meg. " * 2000)[:size]
    for path in BIG_FIELDS:
        assign(draft, path, text)
    assert limits.over_budget(draft) is None
    return draft


def _script() -> None:
    import time

    import streamlit as st

    from bpa_ui import tab_copy

    if st.session_state.pop("bench_change", False):
        draft = st.session_state["draft"]
        draft.person.phone = str(time.perf_counter_ns())[-8:]  # a new answer: a new copy
    start = time.perf_counter()
    tab_copy.keep()
    st.session_state["bench_ms"] = (time.perf_counter() - start) * 1000


def keep_costs(runs: int = 15) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest

    from bpa_core.draft import load_draft
    from bpa_ui import tab_copy

    drafts = {
        "kari": load_draft((ROOT / "tests" / "personas" / "kari.json").read_bytes()),
        "0.3 MB": big_draft(),
    }
    out: dict[str, Any] = {}
    for name, draft in drafts.items():
        size = len(tab_copy.draft_json(draft, "nb").encode("utf-8"))
        at = AppTest.from_function(_script, default_timeout=120)
        at.query_params["lang"] = "nb"
        at.session_state["draft"] = draft
        at.session_state[tab_copy.STATE_KEY] = tab_copy.KEEPING
        at.run()
        unchanged, changed = [], []
        for _ in range(runs):
            at.run()
            unchanged.append(at.session_state["bench_ms"])
            at.session_state["bench_change"] = True
            at.run()
            changed.append(at.session_state["bench_ms"])
        out[name] = {
            "json_bytes": size,
            "unchanged_ms": round(statistics.median(unchanged), 2),
            "changed_ms": round(statistics.median(changed), 2),
        }
    return out


def main() -> int:
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results = keep_costs()
    print(f"tab copy: keep() per run, median of 15 ({started})")
    print(f"{'draft':<8} {'JSON':>10} {'unchanged':>11} {'changed':>10}")
    for name, r in results.items():
        print(f"{name:<8} {r['json_bytes']:>8} B {r['unchanged_ms']:>8} ms {r['changed_ms']:>7} ms")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
