"""The tab's copy of the answers (bpa_ui/tab_copy.py) without a browser: what the app sends to
the tab on each run, what it does with the copy that comes back, the interface language kept in
the draft file, and the headers that let the app frame its own component and nothing else.

The browser side (sessionStorage, reload, server restart, the leave-page prompt) is tested in
Chromium: tests/browser/test_tab_copy.py.
"""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from bpa_core.draft import Draft, FilledInBy, load_draft
from bpa_core.i18n import gettext_for
from bpa_ui import server, state, tab_copy
from bpa_ui.draft_file import MAX_DRAFT_BYTES
from tests.app.driver import ASSESSED_ON, choose, draft, heading, new_app
from tests.app.server_like import SENT, record_the_component  # noqa: F401 (autouse fixture)
from tests.support import PERSONA_DRAFTS, ROOT, persona_draft


def component_args(at: AppTest) -> tuple[str, dict[str, Any]]:
    """The tab-copy component of the last run: its key and the arguments sent to the tab."""
    assert not at.exception, [e.value for e in at.exception]
    return SENT[-1]


def _keeping_script() -> None:
    """One run of the frame's end: the answers of now (set by the test), then ``keep()``."""
    import streamlit as st

    from bpa_core.draft import FilledInBy
    from bpa_ui import tab_copy
    from bpa_ui.state import delete_everything, get_draft

    if st.session_state.pop("test_delete", False):
        delete_everything()
    draft = get_draft()
    name = st.session_state.get("test_name")
    if name is not None:
        draft.filled_in_by = FilledInBy.SELF
        draft.person.name = name
    tab_copy.keep()


def keeping(lang: str = "nn") -> AppTest:
    # (AppTest runs the entrypoint, and so the frame, only on its first run: the frame's end is
    # run here on its own, every run.)
    at = AppTest.from_function(_keeping_script, default_timeout=30)
    at.query_params["lang"] = lang
    return at.run()


def answered(at: AppTest) -> AppTest:
    """As if the tab had answered "read" with no copy (the browser does this on its own)."""
    at.session_state[tab_copy.STATE_KEY] = tab_copy.KEEPING
    return at.run()


# --- what goes to the tab -------------------------------------------------------------------


def test_the_first_run_asks_the_tab_for_its_copy_and_writes_nothing() -> None:
    """A new session has no answers yet: sending them would wipe the copy it is about to read."""
    at = new_app("nn")  # the whole app, first run
    assert component_args(at) == (tab_copy.READ_KEY, {"read": True})
    at = keeping()
    at.session_state["test_name"] = "Kari Nordmann"  # answers before the tab replied
    at.run()
    assert component_args(at) == (tab_copy.READ_KEY, {"read": True})


def test_the_copy_is_sent_after_every_change_and_only_then() -> None:
    at = answered(keeping("nn"))
    assert component_args(at) == (tab_copy.KEEP_KEY, {"hash": "", "answers": False})
    at.session_state["test_name"] = "Kari"
    at.run()
    key, args = component_args(at)
    assert key == tab_copy.KEEP_KEY and args["answers"] is True
    copy = load_draft(args["copy"])  # the same JSON as the draft file
    assert copy.person.name == "Kari" and copy.filled_in_by == FilledInBy.SELF
    assert copy.interface_language == "nn"
    first = args["hash"]
    at.run()  # nothing changed: the hash only, never the whole draft again
    assert component_args(at) == (tab_copy.KEEP_KEY, {"hash": first, "answers": True})
    at.run()
    assert component_args(at) == (tab_copy.KEEP_KEY, {"hash": first, "answers": True})
    at.session_state["test_name"] = "Kari Nordmann"
    at.run()
    key, args = component_args(at)
    assert args["hash"] != first and load_draft(args["copy"]).person.name == "Kari Nordmann"


def test_the_tab_that_missed_a_copy_gets_it_again() -> None:
    at = answered(keeping("en"))
    at.session_state["test_name"] = "Kari"
    at.run()
    at.run()
    assert "copy" not in component_args(at)[1]
    at.session_state[tab_copy.SENT_KEY] = "a copy the tab never drew"  # as _on_missing leaves it
    at.run()
    assert "copy" in component_args(at)[1]


def test_delete_everything_removes_the_copy_and_never_reads_it_back() -> None:
    at = answered(keeping("en"))
    at.session_state["test_name"] = "Kari"
    at.run()
    assert component_args(at)[1]["answers"] is True
    at.session_state["test_name"] = None
    at.session_state["test_delete"] = True
    at.run()
    # Still keeping (not reading): the old copy is removed, never brought back.
    assert component_args(at) == (tab_copy.KEEP_KEY, {"hash": "", "answers": False})
    assert at.session_state[tab_copy.STATE_KEY] == tab_copy.KEEPING


def test_the_download_pages_delete_keeps_the_tab_read() -> None:
    """(The sidebar's "Delete everything" asks in a dialog, which AppTest cannot press: the
    browser test presses it.) Both call state.delete_everything."""
    at = new_app("en")
    at.session_state[tab_copy.STATE_KEY] = tab_copy.KEEPING
    choose(at, "filled_in_by", FilledInBy.SELF)
    at.run()
    at.switch_page("pages/download.py").run()
    at.checkbox[0].check()
    next(b for b in at.button if b.label == "Delete everything now").click()
    at.run()
    assert at.session_state[tab_copy.STATE_KEY] == tab_copy.KEEPING
    assert "draft" not in at.session_state or draft(at) == Draft()


def test_the_language_is_put_in_the_address_when_a_reload_would_change_it() -> None:
    at = keeping("nn")
    assert at.query_params["lang"] in ("nn", ["nn"])
    assert at.session_state[tab_copy.LANG_SAID_KEY] is True
    at = AppTest.from_function(_keeping_script, default_timeout=30).run()  # no ?lang=
    assert at.session_state["lang"] == "nb" and "lang" not in at.query_params  # same on reload
    assert at.session_state[tab_copy.LANG_SAID_KEY] is False
    at.session_state["lang"] = "nn"  # e.g. a restored copy saved in nynorsk
    at.run()
    assert at.query_params["lang"] in ("nn", ["nn"])


# --- what comes back from the tab -----------------------------------------------------------


def _read_back(copy: str, query_lang: str | None = None) -> AppTest:
    """Run the tab's answer through the app's own callback, as Streamlit does before a run."""

    def script() -> None:
        import streamlit as st

        from bpa_ui import tab_copy
        from bpa_ui.i18n import current_language
        from bpa_ui.state import get_draft

        get_draft()
        tab_copy._keep_language_in_address(current_language())
        if not st.session_state.get("answered"):
            st.session_state["answered"] = True
            st.session_state[tab_copy.READ_KEY] = {"copy": st.session_state["test_copy"]}
            tab_copy._on_read()
        tab_copy.notice("person")

    at = AppTest.from_function(script, default_timeout=30)
    if query_lang:
        at.query_params["lang"] = query_lang
    at.session_state["test_copy"] = copy
    return at.run()


def test_a_copy_comes_back_in_its_language_with_a_notice() -> None:
    kari = persona_draft("kari")
    at = _read_back(tab_copy.draft_json(kari, "nn"))
    assert not at.exception
    assert draft(at).person.name == "Kari Nordmann"
    assert at.session_state["lang"] == "nn"
    assert draft(at).chosen_document_language == kari.chosen_document_language
    assert [s.value for s in at.success] == ["Vi henta svara dine frå denne fana."]
    assert at.session_state[tab_copy.STATE_KEY] == tab_copy.KEEPING


def test_the_address_decides_the_language_over_the_copy() -> None:
    at = _read_back(tab_copy.draft_json(persona_draft("kari"), "nn"), query_lang="en")
    assert at.session_state["lang"] == "en"
    assert [s.value for s in at.success] == ["We got your answers back from this tab."]


TAMPERED = json.loads((PERSONA_DRAFTS / "kari.json").read_text("utf-8"))
TAMPERED["rows"][0]["minutes"] = "lots"
TAMPERED["person"]["secret"] = "x"

BAD_COPIES = {
    "tampered": (json.dumps(TAMPERED), "that we cannot read"),
    "not json": ("{not json", "The file could not be read."),
    # A valid draft, only too large: refused like an upload over the limit.
    "oversized": (persona_draft("kari").to_json() + " " * MAX_DRAFT_BYTES, "too large"),
}


@pytest.mark.parametrize("case", sorted(BAD_COPIES))
def test_a_bad_copy_is_dropped_with_the_file_message_and_the_app_goes_on_empty(case: str) -> None:
    raw, words = BAD_COPIES[case]
    at = _read_back(raw, query_lang="en")
    assert not at.exception
    assert draft(at) == Draft()  # never half-loaded
    (error,) = at.error
    assert error.value.startswith("The answers kept in this tab could not be used.")
    assert words in error.value
    assert error.value.endswith("We start again with no answers.")
    assert at.session_state[tab_copy.STATE_KEY] == tab_copy.KEEPING


def test_an_empty_tab_restores_nothing_and_says_nothing() -> None:
    at = _read_back("")
    assert draft(at) == Draft() and not at.success and not at.error


# --- the draft file keeps the interface language (issue 14, item 9) -------------------------


def test_the_saved_file_names_the_interface_language_it_was_saved_in() -> None:
    kari = persona_draft("kari")
    saved = load_draft(tab_copy.file_bytes(kari, "nn"))
    assert saved.interface_language == "nn"
    assert saved.chosen_document_language == kari.chosen_document_language
    assert kari.interface_language is None  # the session's Draft is not changed by saving


def test_the_save_button_writes_the_language_of_the_interface() -> None:
    # AppTest cannot fetch the link: make the file as the download route does.
    from bpa_ui import downloads

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["lang"] = "nn"
    at.run()
    desk = at.session_state[downloads.DESK_KEY]
    made = downloads._make(desk, downloads.DRAFT, desk.offers[downloads.DRAFT])
    assert load_draft(made).interface_language == "nn"


def _upload(at: AppTest, draft: Draft, lang: str) -> AppTest:
    content = tab_copy.file_bytes(draft, lang)
    at.file_uploader(key="draft_upload").set_value(("draft.json", content, "application/json"))
    return at.run()


def _fresh_app_without_lang() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state["assess_on"] = ASSESSED_ON
    return at.run()


def test_a_file_saved_in_nynorsk_reopens_in_nynorsk() -> None:
    at = _fresh_app_without_lang()
    assert heading(at).startswith("Steg 1 av")  # bokmål: no ?lang=, no browser locale
    emil = persona_draft("emil")
    emil.document_language = "nb"
    _upload(at, emil, "nn")
    assert heading(at).startswith("Steg 10 av") and "Sjå over svara" in heading(at)
    assert draft(at).chosen_document_language == "nb"  # the documents stay as chosen


def test_the_address_or_the_users_choice_wins_over_the_files_language() -> None:
    at = new_app("en")  # ?lang=en
    _upload(at, persona_draft("emil"), "nn")
    assert heading(at).startswith("Step 10 of")
    at = _fresh_app_without_lang()
    at.radio(key="language_choice_start").set_value("en").run()
    _upload(at, persona_draft("emil"), "nn")
    assert heading(at).startswith("Step 10 of")


def test_an_older_file_without_a_language_keeps_the_interface_as_it_is() -> None:
    at = _fresh_app_without_lang()
    at.file_uploader(key="draft_upload").set_value(
        ("kari.json", (PERSONA_DRAFTS / "kari.json").read_bytes(), "application/json")
    )
    at.run()
    assert heading(at).startswith("Steg 10 av") and "Se over svarene" in heading(at)


# --- the keys "delete everything" keeps, and the headers ------------------------------------


def test_delete_everything_keeps_that_the_tab_was_read_and_the_language() -> None:
    assert tab_copy.STATE_KEY in state.KEPT_BY_DELETE
    assert tab_copy.LANG_SAID_KEY in state.KEPT_BY_DELETE
    assert "lang" in state.KEPT_BY_DELETE


def _headers_for(path: str) -> dict[str, str]:
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    middleware = server.SecurityHeaders(app)
    # In a thread of its own: the browser tests' Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, middleware({"type": "http", "path": path}, receive, send)).result()
    return {k.decode(): v.decode() for k, v in sent[0]["headers"]}


def _policy(headers: dict[str, str]) -> dict[str, str]:
    return dict(d.partition(" ")[::2] for d in headers["content-security-policy"].split("; "))


PAGE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self' 'unsafe-inline'",  # no 'unsafe-eval' (tests/browser/test_privacy.py)
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "media-src": "'self' blob: data:",
    "worker-src": "'self' blob:",
    "frame-src": "'self' blob: data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


@pytest.mark.parametrize("path", ["/", "/week", "/component/other.component/index.html"])
def test_every_page_keeps_the_strict_policy_directive_by_directive(path: str) -> None:
    headers = _headers_for(path)
    assert _policy(headers) == PAGE_POLICY
    assert headers["x-frame-options"] == "DENY"


def test_only_the_tab_copy_component_may_be_framed_and_only_by_the_app() -> None:
    assert server.FRAMED_BY_THE_APP == tab_copy.COMPONENT_PATH
    for name in ("index.html", "tab_copy.js"):
        headers = _headers_for(tab_copy.COMPONENT_PATH + name)
        assert _policy(headers) == {**PAGE_POLICY, "frame-ancestors": "'self'"}
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert headers["cache-control"] == "no-store"
    escaped = _headers_for(tab_copy.COMPONENT_PATH + "../../index.html")
    assert _policy(escaped)["frame-ancestors"] == "'none'"


def test_the_tab_copy_may_be_framed_under_a_base_path_too() -> None:
    """Served under ``server.baseUrlPath`` (a deployment behind a path), the component's frame
    still gets 'self': with 'none' the browser would refuse the frame and the tab would keep no
    copy, silently."""
    from streamlit import config

    saved = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", "bpa")
    try:
        framed = _headers_for("/bpa" + tab_copy.COMPONENT_PATH + "index.html")
        page = _headers_for("/bpa/week")
        elsewhere = _headers_for("/other" + tab_copy.COMPONENT_PATH + "index.html")
    finally:
        config.set_option("server.baseUrlPath", saved)
    assert _policy(framed)["frame-ancestors"] == "'self'"
    assert _policy(page) == PAGE_POLICY
    assert _policy(elsewhere)["frame-ancestors"] == "'none'"


def test_the_components_files_reach_nothing_but_the_tab_and_this_app() -> None:
    files = {p.name: p.read_text("utf-8") for p in tab_copy.FILES.iterdir()}
    assert sorted(files) == ["index.html", "tab_copy.js", "watch.js"]
    assert re.findall(r'src="([^"]+)"', files["index.html"]) == ["tab_copy.js"]
    for name, code in files.items():
        code = re.sub(r"^\s*//.*$| // .*$", "", code, flags=re.M)  # comments say "never ..."
        for never in ("localStorage", "cookie", "fetch(", "XMLHttpRequest", "WebSocket", "http"):
            assert never not in code, (name, never)


def test_the_largest_draft_the_app_accepts_comes_back_whole() -> None:
    """The bench's large draft (bench/tab_copy.py): kept and read back like any other."""
    from bench.tab_copy import big_draft, keep_costs
    from bpa_ui.draft_file import read_draft

    big = big_draft()
    raw = tab_copy.draft_json(big, "nb").encode("utf-8")
    assert 200_000 < len(raw) <= MAX_DRAFT_BYTES
    back = read_draft(raw)
    assert isinstance(back, Draft) and back.goals.goals == big.goals.goals
    assert callable(keep_costs)


# --- the step buttons wait for the tab's first answer -----------------------------------------


@pytest.mark.real_tab_wait
def test_the_step_buttons_wait_for_the_tabs_first_answer_only() -> None:
    """A click before the tab has answered raced the run its answer causes, and Streamlit
    dropped it ("Start the questions" did nothing, about 1 in 10 under load). The step buttons
    are disabled in the session's first run only: the tab's answer enables them."""
    at = new_app("en")
    assert at.button(key="nav_next").disabled
    answered(at)
    assert not at.button(key="nav_next").disabled
    assert tab_copy.waiting_for_the_tab.__name__ == "waiting_for_the_tab"  # not patched


@pytest.mark.real_tab_wait
def test_without_an_answer_from_the_tab_the_next_run_enables_the_buttons() -> None:
    """A tab that never answers (its frame blocked) must not lock the user in: the first run
    only waits."""
    state: dict[str, object] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tab_copy.st, "session_state", state)
        tab_copy.count_run()
        assert tab_copy.waiting_for_the_tab()
        tab_copy.count_run()  # the user chose or typed something: another run
        assert not tab_copy.waiting_for_the_tab()
        state.clear()
        state[tab_copy.STATE_KEY] = tab_copy.KEEPING
        tab_copy.count_run()
        assert not tab_copy.waiting_for_the_tab()


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_start_page_says_where_the_answers_live_and_how_to_leave_none(lang: str) -> None:
    """Issue 12 point 4: one sentence on where the answers live (the tab, never our server), an
    honest one on closing the tab (a browser can reopen it with its copy), and the advice for a
    shared computer — to everyone, and as a warning when a counsellor fills in."""
    at = new_app(lang)
    _t = gettext_for(lang)
    where = _t(
        "Nothing is stored on our server. Your answers are kept only in this browser tab: "
        "they come back if the page is reloaded. “Delete everything” removes them at once. "
        "Closing the tab removes them too, but a browser can reopen a closed tab with them."
    )
    shared = _t(
        "On a shared computer, choose “Delete everything” before you close the tab: then no "
        "answers are left in the browser."
    )
    assert [i.value for i in at.info] == [where]
    assert [c.value for c in at.caption if c.value == shared] == [shared]
    assert not at.warning
    choose(at, "filled_in_by", FilledInBy.COUNSELLOR)
    at.run()
    assert [w.value for w in at.warning] == [shared]
    assert shared not in [c.value for c in at.caption]
