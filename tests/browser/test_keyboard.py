"""One whole journey by keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys), no mouse:
an adult applying for herself, from the start page to the result."""

from __future__ import annotations

from typing import Any

from bpa_ui import steps
from tests.browser.conftest import wait_for_app
from tests.browser.journey import Journey
from tests.browser.server import Server

FOCUSED = """
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {kind: 'body', name: ''};
  const group = e.closest('[role=radiogroup]');
  const labels = e.labels ? Array.from(e.labels).map(l => l.innerText.trim()).join(' ') : '';
  const name = (e.getAttribute('aria-label') || labels || e.innerText || '').trim();
  return {
    kind: e.type === 'radio' ? 'radio' : e.tagName.toLowerCase(),
    name: name,
    group: group ? (group.getAttribute('aria-label') || '') : '',
  };
}
"""


class Keyboard:
    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.page = journey.page
        self.t = journey.t

    def focused(self) -> dict[str, str]:
        found: dict[str, str] = self.page.evaluate(FOCUSED)
        return found

    def tab_to(
        self, *, name: str = "", group: str = "", back: bool = False, limit: int = 80
    ) -> None:
        """Press Tab (Shift+Tab with ``back``) until the control named ``name`` (or a radio of the
        question ``group``) has focus."""
        key = "Shift+Tab" if back else "Tab"
        seen = []
        for _ in range(limit):
            self.page.keyboard.press(key)
            now = self.focused()
            seen.append(now["name"][:40])
            if group and now.get("group") == self.t(group):
                return
            # A button's text may start with its icon's name ("add\nAdd activity").
            if name and now["name"].splitlines()[-1:] == [self.t(name)]:
                return
        raise AssertionError(f"{name or group!r} not reached by {key}; went through {seen}")

    def type_into(self, label: str, text: str, *, back: bool = False) -> None:
        self.tab_to(name=label, back=back)
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")
        wait_for_app(self.page)

    def radio_checked(self, group: str, option: str) -> None:
        from playwright.sync_api import expect

        radios = self.page.get_by_role("radiogroup", name=self.t(group), exact=True)
        expect(radios.get_by_role("radio", name=self.t(option), exact=True)).to_be_checked()
        wait_for_app(self.page)

    def press_button(self, name: str, then: str) -> None:
        self.tab_to(name=name)
        self.page.keyboard.press("Enter")
        self.arrived(then)

    def arrived(self, step_id: str) -> None:
        """The new step is drawn and its h1 has focus: Tab goes on from the top of the step."""
        self.journey.wait_for_step(step_id)
        self.page.wait_for_function(
            "w => document.activeElement && document.activeElement.tagName === 'H1'"
            " && document.activeElement.textContent.trim().startsWith(w)",
            arg=self.journey.heading(step_id),
        )


def test_whole_journey_by_keyboard(app_server: Server, page: Any) -> None:
    journey = Journey(page, app_server.url, "en")
    journey.open()
    kb = Keyboard(journey)
    kb.arrived(steps.START)
    page.mouse.move(0, 0)  # the pointer stays out of the way; nothing below clicks

    question = "Who is filling in?"
    kb.tab_to(group=question)
    kb.page.keyboard.press("Space")
    kb.radio_checked(question, "I am filling in for myself")
    kb.press_button("Start the questions", "person")

    kb.type_into("Full name", "Ådne Sørli-Ŋáŋŋá")
    kb.type_into("Municipality (kommune) where you live", "Tromsø")
    kb.type_into("Date of birth (day.month.year)", "01.02.1990", back=True)  # Shift+Tab back up
    kb.press_button("Next: The need for help", "need")

    cause = "Is your need for help caused by illness, injury or disability?"
    kb.tab_to(group=cause)
    kb.page.keyboard.press("Space")
    kb.radio_checked(cause, "Yes")
    kb.type_into("Since when? For example a year", "2015")
    duration = "How long will the need for help last?"
    kb.tab_to(group=duration)
    kb.page.keyboard.press("Space")
    kb.radio_checked(duration, "More than {long_lasting_years} years")
    course = "How does the need change?"
    kb.tab_to(group=course)
    kb.page.keyboard.press("Space")
    kb.page.keyboard.press("ArrowDown")  # from "Mostly the same" to "Getting worse over time"
    kb.radio_checked(course, "Getting worse over time")
    kb.press_button("Next: The week", "week")

    kb.type_into("What the help is for", "Stell, påkledning og måltider")
    kb.type_into("Minutes each time", "300")
    kb.tab_to(name="Add activity")
    kb.page.keyboard.press("Enter")
    page.get_by_role("heading", name="Activities (1)", exact=True).wait_for()
    wait_for_app(page)
    kb.press_button("Next: Night and two helpers", "night")

    for q in ("Do you need help at night?", "Do you need two helpers at the same time?"):
        kb.tab_to(group=q)
        kb.page.keyboard.press("Space")
        kb.radio_checked(q, "No")
    kb.press_button("Next: What works without help", "alone")
    kb.press_button("Next: Family and network", "family")
    kb.press_button("Next: Goals and today's services", "goals")
    kb.press_button("Next: Who leads the assistants", "arbeidsleder")
    leader = "Who will lead your assistants?"
    kb.tab_to(group=leader)
    kb.page.keyboard.press("Space")
    kb.radio_checked(leader, "Myself")
    kb.press_button("Next: Check your answers", steps.CHECK)
    kb.press_button("See the result", steps.RESULT)

    main = page.get_by_role("main")
    assert main.get_by_role("heading", name="You probably have a right to BPA.").count() == 1
    assert main.get_by_text("Counted toward the right to BPA: 35 hours").count() == 1
