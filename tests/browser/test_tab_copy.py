"""Nothing lost, in Chromium: the tab keeps a copy of the answers in its sessionStorage, and a
reload, a restarted server or a new session in the same tab gets every answer, the step and the
language back. A closed tab and "Delete everything" leave nothing; two tabs keep their own; a
bad copy is refused; the browser asks before a tab with unsaved answers is closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.journey import Journey, pdf_text
from tests.browser.server import Server, free_port, start_server, stop_server
from tests.support import PERSONA_DRAFTS

COPY = "bpa-veiviser:draft"
RESTORED = "We got your answers back from this tab."
NAME = "Kari Nordmann"
DESCRIPTION = "Multippel sklerose sidan 2019. Treng hjelp morgon og kveld."


def storage(page: Any) -> dict[str, str]:
    found: dict[str, str] = page.evaluate(
        "() => Object.fromEntries(Object.keys(sessionStorage).map(k => [k, sessionStorage[k]]))"
    )
    return found


def wait_for_copy(page: Any, text: str) -> None:
    """The tab's copy holds ``text`` (written after the run that changed the answers)."""
    page.wait_for_function(
        "([k, t]) => (sessionStorage.getItem(k) || '').includes(t)", arg=[COPY, text]
    )


def leave_prompts(page: Any, *, accept: bool = True) -> list[str]:
    """Answer the browser's own "leave this page?" (accept: leave), and record each one."""
    seen: list[str] = []

    def answer(dialog: Any) -> None:
        seen.append(dialog.type)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", answer)
    return seen


def sidebar_link(journey: Journey, step_id: str) -> None:
    step = steps.by_id(step_id)
    name = f"{steps.number(step_id)}. {journey.t(step.title)}"
    journey.page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()
    journey.wait_for_step(step_id)


def person_name(journey: Journey) -> str:
    value: str = journey.page.get_by_label(journey.t("Full name"), exact=True).input_value()
    return value


def start_and_name(journey: Journey, name: str = NAME) -> None:
    journey.choose("Who is filling in?", "I am filling in for myself")
    journey.next(steps.START)
    journey.type("Full name", name)
    wait_for_copy(journey.page, name)


def test_a_reload_brings_back_every_answer_the_step_and_the_language(
    app_server: Server, page: Any
) -> None:
    journey = Journey(page, app_server.url, "nn")
    journey.open()
    journey.choose("Who is filling in?", "I am filling in for myself")
    journey.next(steps.START)
    journey.type("Full name", NAME)
    journey.type("Date of birth (day.month.year)", "14.03.1992")
    journey.type("Municipality (kommune) where you live", "Bærum")
    journey.next("person")
    journey.choose(journey.radiogroup_names()[0], "Yes")
    journey.type("Describe the illness, injury or disability in your own words", DESCRIPTION)
    journey.choose("How long will the need for help last?", "More than {long_lasting_years} years")
    journey.next("need")
    journey.select("Kind of help", "Personal care")
    journey.type("What the help is for", "Morgonstell")
    journey.type("Minutes each time", "75")
    page.get_by_role("button", name=journey.t("Add activity"), exact=True).click()
    page.get_by_role(
        "heading", name=journey.t("Activities ({count})").format(count=1), exact=True
    ).wait_for()
    wait_for_copy(page, "Morgonstell")
    sidebar_link(journey, "download")
    assert "/download?lang=nn" in page.url  # the language stays in the address
    before, _ = journey.download_pdf()

    prompts = leave_prompts(page)
    page.reload()
    # Back without the user doing anything: the same step, in nynorsk, with a short notice.
    page.get_by_text(journey.t(RESTORED), exact=True).wait_for()
    journey.wait_for_step("download")
    assert prompts == ["beforeunload"]  # the answers were never saved to a file
    assert "/download?lang=nn" in page.url
    assert page.evaluate("document.documentElement.lang") == "nn"
    after, _ = journey.download_pdf()
    assert pdf_text(after) == pdf_text(before)
    assert NAME in pdf_text(after) and "Morgonstell" in pdf_text(after)

    sidebar_link(journey, "person")
    assert person_name(journey) == NAME
    assert page.get_by_text(journey.t(RESTORED), exact=True).count() == 0  # said once
    journey.next("person")
    box = page.get_by_label(
        journey.t("Describe the illness, injury or disability in your own words"), exact=True
    )
    assert box.input_value() == DESCRIPTION
    journey.next("need")
    page.get_by_role(
        "heading", name=journey.t("Activities ({count})").format(count=1), exact=True
    ).wait_for()


def test_the_first_run_after_a_reload_never_overwrites_the_copy(
    app_server: Server, page: Any
) -> None:
    """The new session has no answers until the tab's copy arrives: writing them first would
    wipe the copy (a classic data loss). Every write to the copy after the reload is logged."""
    page.add_init_script(
        """(() => {
          const log = (op, key, value) => {
            try {
              const top = window.top;
              (top.__copyLog = top.__copyLog || []).push(
                [op, key, value === undefined ? null : String(value).includes("Kari Nordmann")]);
            } catch (e) {}
          };
          const set = Storage.prototype.setItem, remove = Storage.prototype.removeItem;
          Storage.prototype.setItem = function (k, v) {
            log("set", k, v);
            return set.call(this, k, v);
          };
          Storage.prototype.removeItem = function (k) {
            log("remove", k);
            return remove.call(this, k);
          };
        })();"""
    )
    journey = Journey(page, app_server.url, "en")
    journey.open()
    start_and_name(journey)
    leave_prompts(page)
    page.reload()
    page.get_by_text(RESTORED, exact=True).wait_for()
    journey.wait_for_step("person")
    assert person_name(journey) == NAME
    log = page.evaluate("() => window.__copyLog || []")
    writes = [(op, has_name) for op, key, has_name in log if key == COPY]
    assert ("remove", None) not in writes
    assert all(has_name for op, has_name in writes if op == "set")
    assert NAME in storage(page)[COPY]


def test_a_restarted_server_gets_every_answer_back_from_the_tab(page: Any) -> None:
    port = free_port()
    server = start_server(port=port)
    try:
        journey = Journey(page, server.url, "en")
        journey.open()
        start_and_name(journey)
        journey.next("person")
        journey.type("Describe the illness, injury or disability in your own words", DESCRIPTION)
        wait_for_copy(page, DESCRIPTION)
        stop_server(server)
        server = start_server(port=port)  # the same address: the page connects again
        page.get_by_text(RESTORED, exact=True).wait_for()
        journey.wait_for_step("need")
        assert "/need?lang=en" in page.url
        box = page.get_by_label(
            "Describe the illness, injury or disability in your own words", exact=True
        )
        assert box.input_value() == DESCRIPTION
        journey.back("need")
        assert person_name(journey) == NAME
        assert "unexpected error" not in server.text_output()
    finally:
        stop_server(server)


def test_a_closed_tab_leaves_nothing_and_delete_everything_empties_the_copy(
    app_server: Server, browser: Any
) -> None:
    context = browser.new_context(locale="nb-NO")
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        journey = Journey(page, app_server.url, "en")
        journey.open()
        start_and_name(journey)
        page.close()  # the tab is closed (without asking)

        page = context.new_page()  # the app in a new tab of the same browser
        page.set_default_timeout(30_000)
        journey = Journey(page, app_server.url, "en")
        journey.open()
        assert COPY not in storage(page)
        journey.next(steps.START)
        assert person_name(journey) == ""
        assert page.get_by_text(RESTORED).count() == 0

        journey.type("Full name", "Someone Else")
        wait_for_copy(page, "Someone Else")
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_role("button", name="Delete everything", exact=True).click()
        page.get_by_role("dialog").get_by_role(
            "button", name="Yes, delete everything now", exact=True
        ).click()
        journey.wait_for_step(steps.START)
        # In the same click: the copy is gone from the tab.
        page.wait_for_function("k => sessionStorage.getItem(k) === null", arg=COPY)
        prompts = leave_prompts(page)
        page.reload()  # nothing to come back
        journey.wait_for_step(steps.START)
        wait_for_app(page)
        assert prompts == []  # no answers: no "leave this page?"
        assert page.get_by_text(RESTORED).count() == 0
        journey.next(steps.START)
        assert person_name(journey) == ""
        assert COPY not in storage(page)
    finally:
        context.close()


def test_two_tabs_side_by_side_keep_their_own_answers(app_server: Server, browser: Any) -> None:
    context = browser.new_context(locale="nb-NO")  # one browser, two tabs
    try:
        tabs = []
        for name in ("Ola Først", "Sara Andre"):
            page = context.new_page()
            page.set_default_timeout(30_000)
            journey = Journey(page, app_server.url, "en")
            journey.open()
            tabs.append((journey, name))
        for journey, name in tabs:
            start_and_name(journey, name)
        for journey, _name in tabs:
            leave_prompts(journey.page)
            journey.page.reload()
            journey.page.get_by_text(RESTORED, exact=True).wait_for()
            journey.wait_for_step("person")
        for journey, name in tabs:
            assert person_name(journey) == name
            other = next(n for _, n in tabs if n != name)
            assert other not in journey.page.locator("body").inner_text()
            assert other not in storage(journey.page)[COPY]
    finally:
        context.close()


KARI = (PERSONA_DRAFTS / "kari.json").read_text("utf-8")
TAMPERED = KARI.replace('"minutes": 75', '"minutes": -5')


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("tampered", "The saved file has an answer to "),
        ("oversized", "The file is too large to be a draft file from this tool."),
        ("not json", "The file could not be read."),
    ],
)
def test_a_bad_copy_is_refused_with_the_file_message_and_the_app_goes_on_empty(
    app_server: Server, page: Any, case: str, message: str
) -> None:
    journey = Journey(page, app_server.url, "en")
    assert '"minutes": -5' in TAMPERED
    raw = {"tampered": TAMPERED, "oversized": TAMPERED, "not json": '{"format": '}[case]
    # The tab holds the bad copy before the app opens in it (the storage is the origin's, per
    # tab: set on another address of the server, in the same tab).
    page.goto(app_server.url + "/_stcore/health")
    page.evaluate(
        "([k, v, pad]) => sessionStorage.setItem(k, v + ' '.repeat(pad))",
        [COPY, raw, 1_000_001 if case == "oversized" else 0],
    )
    page.goto(f"{app_server.url}/?lang=en")
    alert = page.get_by_role("alert").filter(
        has_text="The answers kept in this tab could not be used."
    )
    alert.wait_for()
    text = alert.inner_text()
    assert message in text and "We start again with no answers." in text
    page.wait_for_function("k => sessionStorage.getItem(k) === null", arg=COPY)  # dropped
    journey.next(steps.START)
    assert person_name(journey) == ""  # never half-loaded


def test_leaving_asks_only_while_answers_are_not_saved_to_a_file(
    app_server: Server, browser: Any
) -> None:
    context = browser.new_context(locale="nb-NO", accept_downloads=True)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        journey = Journey(page, app_server.url, "en")
        journey.open()
        page.get_by_role("heading", level=1).click()  # a user gesture, without an answer
        prompts = leave_prompts(page)
        page.close(run_before_unload=True)
        page.wait_for_event("close")
        assert prompts == []  # no answers, no question

        page = context.new_page()
        page.set_default_timeout(30_000)
        journey = Journey(page, app_server.url, "en")
        journey.open()
        start_and_name(journey)
        prompts = leave_prompts(page, accept=False)
        page.close(run_before_unload=True)
        page.wait_for_timeout(1_000)
        assert prompts == ["beforeunload"] and not page.is_closed()  # stayed, as chosen

        sidebar = page.get_by_test_id("stSidebar")
        with page.expect_download():
            sidebar.get_by_role("link", name="Save my answers (file)").click()
        page.close(run_before_unload=True)
        page.wait_for_event("close")
        assert prompts == ["beforeunload"]  # saved: closed without a question
    finally:
        context.close()


def test_a_change_after_saving_asks_again(app_server: Server, browser: Any) -> None:
    context = browser.new_context(locale="nb-NO", accept_downloads=True)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        journey = Journey(page, app_server.url, "en")
        journey.open()
        start_and_name(journey)
        with page.expect_download():
            page.get_by_test_id("stSidebar").get_by_role(
                "link", name="Save my answers (file)"
            ).click()
        journey.type("Full name", "Kari Nordmann Berg")
        wait_for_copy(page, "Kari Nordmann Berg")
        prompts = leave_prompts(page, accept=False)
        page.close(run_before_unload=True)
        page.wait_for_timeout(1_000)
        assert prompts == ["beforeunload"] and not page.is_closed()
    finally:
        context.close()


def test_a_file_saved_in_nynorsk_reopens_in_nynorsk(
    app_server: Server, browser: Any, tmp_path: Path
) -> None:
    """Issue 14, item 9: the file keeps the interface language it was saved in."""
    context = browser.new_context(locale="nb-NO", accept_downloads=True)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        journey = Journey(page, app_server.url, "nn")
        journey.open()
        start_and_name(journey)
        with page.expect_download() as download:
            page.get_by_test_id("stSidebar").get_by_role(
                "link", name=journey.t("Save my answers (file)")
            ).click()
        path = tmp_path / "svar.json"
        download.value.save_as(path)

        page = context.new_page()  # another tab, no ?lang=, a bokmål browser
        page.set_default_timeout(30_000)
        page.goto(app_server.url + "/")
        bokmaal = Journey(page, app_server.url, "nb")
        bokmaal.wait_for_step(steps.START)
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name=bokmaal.t("Choose file"), exact=True).click()
        chooser.value.set_files(str(path))
        Journey(page, app_server.url, "nn").wait_for_step(steps.CHECK)
        assert page.evaluate("document.documentElement.lang") == "nn"
        page.wait_for_function("() => location.search.includes('lang=nn')")
    finally:
        context.close()


def test_a_quick_next_before_the_tab_answered_is_not_undone(app_server: Server, page: Any) -> None:
    """The tab's first answer is a run for the step the browser shows when it is sent. Sent
    after a "next" whose new step has not reached the browser yet, it named the step being
    left, and the user was taken back. Here the tab answers exactly then: its script is held
    until "next" was pressed, and the server's answer to "next" until the tab has answered."""
    held_script: list[Any] = []
    page.route("**/tab_copy.js", lambda route: held_script.append(route))
    held: dict[str, Any] = {"on": False, "messages": [], "page": None}

    def through(ws: Any) -> None:
        server = ws.connect_to_server()
        ws.on_message(lambda message: server.send(message))

        def to_page(message: Any) -> None:
            held["messages"].append(message) if held["on"] else ws.send(message)

        server.on_message(to_page)
        held["page"] = ws

    page.route_web_socket("**/_stcore/stream", through)
    journey = Journey(page, app_server.url, "en")
    page.goto(f"{app_server.url}/?lang=en")
    page.wait_for_selector("h1", state="visible")
    for _ in range(300):  # the tab's frame asks for its script (held: it cannot answer yet)
        if held_script:
            break
        page.wait_for_timeout(100)
    assert held_script
    # Before the tab has answered, the session's first run offers no click to lose: "Start the
    # questions" is disabled (tab_copy.waiting_for_the_tab) ...
    start = page.get_by_role("button", name="Start the questions")
    expect(start).to_be_disabled()
    # ... until any other run (here: an answer chosen), after which a quick "next" can still
    # meet the tab's late answer: the case below.
    journey.choose("Who is filling in?", "I am filling in for myself")
    expect(start).to_be_enabled()
    held["on"] = True
    start.click()
    page.wait_for_timeout(1_500)  # the server has run "next"; the browser does not know yet
    held_script[0].continue_()  # the tab answers now, naming the start page
    page.wait_for_timeout(1_500)
    held["on"] = False
    for message in held["messages"]:
        held["page"].send(message)
    journey.wait_for_step("person")
    page.wait_for_timeout(1_500)  # the run the tab's answer caused has come and gone
    wait_for_app(page)
    assert page.title().startswith("Step 2 of")


def test_the_language_in_the_address_costs_no_extra_back_press(
    app_server: Server, page: Any
) -> None:
    """Each step is one entry in the browser's history, ?lang= included: "Back" goes back one
    step (putting ?lang= back after every step change pushed entries of its own)."""
    journey = Journey(page, app_server.url, "nn")
    journey.open()
    journey.next(steps.START)
    journey.next("person")
    journey.next("need")
    assert "/week?lang=nn" in page.url
    page.go_back()
    journey.wait_for_step("need")
    assert "/need?lang=nn" in page.url
    page.go_back()
    journey.wait_for_step("person")
