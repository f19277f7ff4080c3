"""Drive the app in Chromium the way a user does: role and label locators only.

Strings come from the app's own catalogs (``bpa_core.i18n.gettext_for``), so the same steps run
in nb, nn and en. Every wait is bounded (the page's default timeout).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from bpa_core.documents.text import law_numbers_on
from bpa_core.draft import ArbeidslederKind, DayPart, Draft, FilledInBy, Onset
from bpa_core.i18n import gettext_for
from bpa_ui import steps
from tests.browser.conftest import wait_for_app

LABELS = {
    "filled_in_by": {
        "self": "I am filling in for myself",
        "relative": "I am a relative (for example a parent) filling in for someone",
        "guardian": "I am a guardian (verge) filling in for someone",
        "counsellor": "I am a counsellor filling in with a client",
    },
    "answer": {"yes": "Yes", "no": "No", "dont_know": "I don't know"},
    "onset": {"congenital": "From birth", "acquired": "Came later in life"},
    "duration": {
        "over_2_years": "More than {long_lasting_years} years",
        "two_years_or_less": "{long_lasting_years} years or less",
        "dont_know": "I don't know yet",
    },
    "course": {
        "stable": "Mostly the same",
        "progressive": "Getting worse over time",
        "varying": "Varies a lot",
    },
    "need_level": {
        "none": "No",
        "occasional": "Sometimes (occasional)",
        "continuous": "All the time (continuous)",
    },
    "category": {
        "personal_care": "Personal care",
        "meals": "Meals",
        "household": "Household",
        "mobility": "Getting around",
        "training": "Learning daily tasks (opplæring)",
        "participation": "Leisure and social life",
        "respite": "Respite for the parents (avlastning)",
        "health": "Health care (medicine, wounds)",
        "work_or_education": "Work, school or studies",
    },
    "per": {"day": "per day", "week": "per week", "month": "per month", "year": "per year"},
    "day_part": {
        "morning": "In the morning",
        "daytime": "During the day",
        "evening": "In the evening",
    },
    "arbeidsleder": {
        "self": "The person themself",
        "co_leader": "Someone else, as co-leader (medarbeidsleder)",
        "guardian": "A parent or guardian",
        "not_decided": "Not decided yet",
    },
}


def voice_of(want: Draft) -> str:
    """Whom the questions address (as bpa_ui.context.voice): "you", "parent" or "other"."""

    if want.filled_in_by in (None, FilledInBy.SELF):
        return "you"
    birth = want.person.birth_date
    today = date.today()
    child = (
        birth is not None
        and (today.year - birth.year) - ((today.month, today.day) < (birth.month, birth.day)) < 18
    )
    if child and want.filled_in_by in (FilledInBy.RELATIVE, FilledInBy.GUARDIAN):
        return "parent"
    return "other"


def said(want: Draft, *, you: str, other: str, parent: str) -> str:
    return {"you": you, "other": other, "parent": parent}[voice_of(want)]


class Journey:
    """One browser tab on the app, in one interface language."""

    def __init__(self, page: Any, url: str, lang: str = "en") -> None:
        self.page = page
        self.url = url
        self.lang = lang
        self._gettext = gettext_for(lang)

    def t(self, message: str) -> str:
        """The app's words in the journey's language, legal numbers filled in as the app does
        (from the rules in force today)."""
        text = self._gettext(message)
        for name, value in law_numbers_on(date.today()).items():
            text = text.replace("{" + name + "}", str(value))
        return text

    # --- where we are -------------------------------------------------------------------
    def heading(self, step_id: str) -> str:
        step = steps.by_id(step_id)
        if step.section == steps.Section.APPEAL:
            return self.t(step.title)
        return self.t("Step {n} of {total} – {title}").format(
            n=steps.number(step_id), total=len(steps.sequence()), title=self.t(step.title)
        )

    def wait_for_step(self, step_id: str) -> None:
        want = self.heading(step_id)
        self.page.wait_for_function("w => document.title.startsWith(w)", arg=want)
        self.page.get_by_role("heading", level=1, name=want).wait_for()
        # The back (or, on the first step, next) button is drawn last: the whole step is there.
        if steps.by_id(step_id).section != steps.Section.APPEAL:  # the appeal has no back/next
            last = self.back_name(step_id) if step_id != steps.START else self.next_name(step_id)
            self.page.get_by_role("button", name=last, exact=True).wait_for()
        wait_for_app(self.page)

    def open(self) -> None:
        self.page.goto(f"{self.url}/?lang={self.lang}")
        self.wait_for_step(steps.START)

    # --- moving -------------------------------------------------------------------------
    def next_name(self, step_id: str) -> str:
        if step_id == steps.START:
            return self.t("Start the questions")
        if step_id == steps.CHECK:
            return self.t("See the result")
        _, forward = steps.neighbours(step_id)
        assert forward is not None
        return self.t("Next: {title}").format(title=self.t(forward.title))

    def back_name(self, step_id: str) -> str:
        back, _ = steps.neighbours(step_id)
        assert back is not None
        return self.t("Back: {title}").format(title=self.t(back.title))

    def next(self, step_id: str) -> str:
        _, forward = steps.neighbours(step_id)
        assert forward is not None
        self.page.get_by_role("button", name=self.next_name(step_id), exact=True).click()
        self.wait_for_step(forward.id)
        return forward.id

    def back(self, step_id: str) -> str:
        back, _ = steps.neighbours(step_id)
        assert back is not None
        self.page.get_by_role("button", name=self.back_name(step_id), exact=True).click()
        self.wait_for_step(back.id)
        return back.id

    # --- answering ----------------------------------------------------------------------
    def choose(self, question: str, option: str) -> None:
        from playwright.sync_api import expect

        group = self.page.get_by_role("radiogroup", name=self.t(question), exact=True)
        group.get_by_text(self.t(option), exact=True).click()
        expect(group.get_by_role("radio", name=self.t(option), exact=True)).to_be_checked()
        wait_for_app(self.page)

    def type(self, label: str, value: str) -> None:
        if value:
            box = self.page.get_by_label(self.t(label), exact=True)
            box.fill(value)
            box.press("Tab") if box.evaluate("e => e.tagName") == "INPUT" else box.blur()
            # One answer at a time, as a person does: a value committed while the previous
            # commit's rerun is still drawing can be dropped by Streamlit (seen on the week).
            wait_for_app(self.page)

    def select(self, label: str, option: str) -> None:
        self.page.get_by_role("combobox", name=self.t(label), exact=True).click()
        self.page.get_by_role("option", name=self.t(option), exact=True).click()
        wait_for_app(self.page)

    def open_expander(self, title: str) -> None:
        """Open a closed expander (its fields are typed into next)."""
        summary = self.page.locator("summary").filter(has_text=self.t(title))
        details = summary.locator("xpath=..")
        if details.get_attribute("open") is None:
            summary.click()
            self.page.wait_for_function(
                "t => Array.from(document.querySelectorAll('details[open] > summary'))"
                ".some(s => s.textContent.includes(t))",
                arg=self.t(title),
            )

    def tick(self, label: str, on: bool) -> None:
        from playwright.sync_api import expect

        box = self.page.get_by_role("checkbox", name=self.t(label), exact=True)
        if box.is_checked() != on:
            self.page.get_by_text(self.t(label), exact=True).click()
            expect(box).to_be_checked(checked=on)

    # --- the whole questionnaire ----------------------------------------------------------
    def fill(self, want: Draft) -> None:
        """From the start page to the result, typing every answer of ``want``."""
        self.fill_until_week(want)
        self.fill_from_week(want)

    def fill_until_week(self, want: Draft) -> None:
        """From the start page to the week step (steps 1–3)."""
        self.choose("Who is filling in?", LABELS["filled_in_by"][want.filled_in_by.value])
        self.next(steps.START)

        if want.on_behalf:
            self.type("Your name", want.writer.name)
            if want.filled_in_by == FilledInBy.COUNSELLOR:
                self.type("Your organisation", want.writer.organisation)
                self.type("Your role, for example adviser", want.writer.relation)
            else:
                self.type(
                    "Your relation to the person, for example mother or son", want.writer.relation
                )
            if want.writer.phone or want.writer.email:
                self.open_expander("Your phone and e-mail (optional)")
                self.type("Your phone number", want.writer.phone)
                self.type("Your e-mail address", want.writer.email)
        p = want.person
        self.type("Full name", p.name)
        self.type(
            "Date of birth (day.month.year)",
            p.birth_date.strftime("%d.%m.%Y") if p.birth_date else "",
        )
        self.type(
            said(
                want,
                you="Municipality (kommune) where you live",
                other="Municipality (kommune) where the person lives",
                parent="Municipality (kommune) where your child lives",
            ),
            p.municipality,
        )
        granted = said(
            want,
            you="Were you granted BPA as a right before you turned {age_limit}?",
            other="Was the person granted BPA as a right before turning {age_limit}?",
            parent="Was your child granted BPA as a right before turning {age_limit}?",
        )
        if self.page.get_by_role("radiogroup", name=self.t(granted), exact=True).count():
            self.choose(granted, "Yes" if p.granted_before_age_limit else "No")
        if p.address or p.phone or p.email or p.national_id:
            self.open_expander("Contact details for the application (optional)")
            self.type("Address", p.address)
            self.type("Phone number", p.phone)
            self.type("E-mail address", p.email)
            self.type("National identity number (fødselsnummer)", p.national_id)
        self.next("person")

        n = want.need
        question = self.radiogroup_names()[0]
        if n.cause is not None:
            self.choose(question, LABELS["answer"][n.cause.value])
        self.type("Describe the illness, injury or disability in your own words", n.description)
        if n.onset is not None:
            self.choose("When did it start?", LABELS["onset"][n.onset.value])
        if n.onset != Onset.CONGENITAL:  # "from birth" says since when: not asked
            self.type("Since when? For example a year", n.since)
        if n.duration is not None:
            self.choose(
                "How long will the need for help last?", LABELS["duration"][n.duration.value]
            )
        if n.course is not None:
            self.choose("How does the need change?", LABELS["course"][n.course.value])
        self.next("need")

    def fill_from_week(self, want: Draft, start: int = 1) -> None:
        """On the week: add ``want.rows`` (the first gets number ``start``), then every step on
        to the result."""
        t = self.t
        for count, row in enumerate(want.rows, start=start):
            self.select("Kind of help", LABELS["category"][row.category.value])
            self.type("What the help is for", row.activity)
            self.type("Minutes each time", str(row.minutes))
            self.type("How many times", str(row.times))
            self.select("How often", LABELS["per"][row.per.value])
            for part in DayPart:
                self.tick(LABELS["day_part"][part.value], part in row.day_parts)
            self.tick("At night", row.night)
            self.tick("Needs two helpers at the same time", row.two_helpers)
            self.page.get_by_role("button", name=t("Add activity"), exact=True).click()
            self.page.get_by_role(
                "heading", name=t("Activities ({count})").format(count=count), exact=True
            ).wait_for()
            wait_for_app(self.page)
        self.type(
            "Does the need vary? For example bad days, long mornings, or needs a few times a year",
            want.variations,
        )
        self.next("week")

        night_q, two_q = self.radiogroup_names()
        self.choose(night_q, LABELS["need_level"][want.night_need.value])
        self.choose(two_q, LABELS["need_level"][want.two_helper_need.value])
        self.next("night")

        self.fill_text_areas([want.manages_alone, want.needs_help_with])
        self.next("alone")

        life = want.life
        self.fill_labelled(
            {
                "Civil status, for example married or single": life.civil_status,
                "Children, and their ages": life.children,
                "Kindergarten or school": life.education,
                "Education": life.education,
                said(
                    want,
                    you="Work now, or work you plan",
                    other="Work now, or work the person plans",
                    parent="Work now, or work your child plans",
                ): life.work,
                "Changes in the family or network, for example relatives who help today and "
                "get tired": life.family_changes,
            }
        )
        self.fill_text_areas([life.living_situation])
        self.next("family")

        g = want.goals
        self.fill_text_areas([g.goals])
        self.fill_labelled(
            {
                said(
                    want,
                    you="What is not done today, for lack of help?",
                    other="What is not done today, because the person lacks help?",
                    parent="What is not done today, because your child lacks help?",
                ): g.not_done_today,
                "Why is the help of today not flexible enough?": g.why_today_not_enough,
                "Which services are given today? For example home help, 2 hours a week": (
                    g.current_services
                ),
                "Which of these services could BPA replace?": g.services_bpa_replaces,
            }
        )
        self.next("goals")

        kind = want.arbeidsleder.kind
        leader = LABELS["arbeidsleder"][kind.value]
        if kind == ArbeidslederKind.SELF:
            leader = said(
                want, you="Myself", other="The person themself", parent="The child themself"
            )
        self.choose(self.radiogroup_names()[0], leader)
        if kind in (ArbeidslederKind.CO_LEADER, ArbeidslederKind.GUARDIAN):
            self.type("Name of the leader", want.arbeidsleder.name)
        self.next("arbeidsleder")
        self.next(steps.CHECK)

    def radiogroup_names(self) -> list[str]:
        """The questions on this step (their wording depends on who fills in)."""
        groups = self.page.get_by_role("main").get_by_role("radiogroup")
        groups.first.wait_for()
        names: list[str] = groups.evaluate_all("gs => gs.map(g => g.getAttribute('aria-label'))")
        return names

    def fill_labelled(self, values: dict[str, str]) -> None:
        for label, value in values.items():
            if value and self.page.get_by_label(self.t(label), exact=True).count():
                self.type(label, value)

    def fill_text_areas(self, values: list[str]) -> None:
        """Questions whose wording depends on who fills in: the text areas, in page order."""
        areas = self.page.get_by_role("main").get_by_role("textbox")
        for index, value in enumerate(values):
            if value:
                box = areas.nth(index)
                box.fill(value)
                box.blur()
                wait_for_app(self.page)

    def restore(self, draft_file: Any) -> None:
        """Continue from a saved draft file (on the start page); lands on "check your answers"."""
        with self.page.expect_file_chooser() as chooser:
            self.page.get_by_role("button", name=self.t("Choose file"), exact=True).click()
        chooser.value.set_files(str(draft_file))
        self.wait_for_step(steps.CHECK)

    def go_to(self, step_id: str) -> None:
        """Through a link in the page (the result links to the documents and the appeal)."""
        step = steps.by_id(step_id)
        self.page.get_by_role("main").get_by_role(
            "link", name=self.t(step.title), exact=True
        ).click()
        self.wait_for_step(step_id)

    def go_to_check(self) -> None:
        """Through the sidebar's navigation ("10. Check your answers")."""
        name = f"{steps.number(steps.CHECK)}. {self.t(steps.by_id(steps.CHECK).title)}"
        self.page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()
        self.wait_for_step(steps.CHECK)

    def download_pdf(self) -> tuple[bytes, str]:
        """On the download page: make the PDF and download it. Returns (bytes, the link's
        address: the app's own download route, bpa_ui/downloads.py)."""
        self.page.get_by_role("button", name=self.t("Make the PDF"), exact=True).click()
        link = self.page.get_by_role("link", name=self.t("Download the PDF"), exact=True)
        link.wait_for()
        with self.page.expect_download() as info:
            link.click()
        path = info.value.path()
        with open(path, "rb") as f:
            data = f.read()
        return data, self.url + (link.get_attribute("href") or "")

    def browser_key(self) -> str:
        """The Cookie header that lets this browser fetch its own session's downloads."""
        key = next(c for c in self.page.context.cookies() if c["name"] == "bpa_key")
        return f"bpa_key={key['value']}"


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # lines wrap anywhere: compare with single spaces
