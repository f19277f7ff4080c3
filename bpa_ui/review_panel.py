"""The review of the draft in words: what is missing, what does not fit, what could be stronger.

``bpa_core.review`` gives the ids; this module gives each id a sentence (to whoever fills in:
"du", "personen", "barnet ditt") and the step that asks, and draws the panel on the application,
download and result pages. The panel never blocks anything: it only points back to the steps.
"""

from __future__ import annotations

from enum import StrEnum
from html import escape

import streamlit as st

from bpa_core.draft import Draft
from bpa_core.review import Contradiction, Gap, Review, Weakness, review
from bpa_core.rules import assess
from bpa_core.rules.eligibility import Outcome
from bpa_ui import fmt, interview, steps
from bpa_ui.context import assessment_date, lawful, pick
from bpa_ui.frame import RETURN_KEY, go_to, step_title
from bpa_ui.i18n import _, ngettext

Item = Gap | Contradiction | Weakness

# The question(s) each id is about (Draft paths, declared in bpa_ui.interview); the link goes to
# the step that asks the first. A contradiction names first the answer most likely to be wrong:
# the night answer beside a 24-hour row, the week for school hours.
ABOUT: dict[Item, tuple[str, ...]] = {
    Gap.PERSONAL_DETAILS: ("person.name", "person.birth_date", "writer.name", "writer.relation"),
    Gap.EARLIER_DECISION: ("person.earlier_decision",),
    Gap.ROWS: ("rows",),
    Gap.GOALS: ("goals.goals",),
    Gap.WHY_SERVICES_INSUFFICIENT: ("goals.why_today_not_enough",),
    Gap.NOT_DONE_TODAY: ("goals.not_done_today",),
    Gap.CURRENT_SERVICES: ("goals.current_services",),
    Gap.SERVICES_REPLACED: ("goals.services_bpa_replaces",),
    Gap.MANAGES_ALONE: ("manages_alone",),
    Gap.DAY_RHYTHM: ("rows",),
    Gap.NIGHT: ("night_need", "two_helper_need"),
    Gap.CAUSE_AND_DURATION: ("need.cause", "need.duration"),
    Gap.STAYING_HEALTHY: ("need.staying_healthy",),
    Gap.FAMILY: ("life.living_situation", "life.civil_status", "life.children"),
    Gap.ARBEIDSLEDER: ("arbeidsleder.kind", "arbeidsleder.name"),
    Gap.CONTACT: ("person.address", "person.phone", "writer.phone"),
    Contradiction.WEEK_OVER_168: ("rows",),
    Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED: ("night_need", "rows"),
    Contradiction.TWO_HELPER_ROWS_BUT_NO_NEED: ("two_helper_need", "rows"),
    Contradiction.CHILD_WORK_ROWS: ("rows", "person.birth_date"),
    Contradiction.ROWS_TO_FIX: ("rows",),
    Weakness.GOALS_THIN: ("goals.goals",),
    Weakness.WHY_SERVICES_INSUFFICIENT_THIN: ("goals.why_today_not_enough",),
    Weakness.NOT_DONE_TODAY_THIN: ("goals.not_done_today",),
    Weakness.NEED_DESCRIPTION_THIN: ("need.description",),
    Weakness.NEEDS_HELP_WITH_THIN: ("needs_help_with", "rows"),
    Weakness.ROWS_UNNAMED: ("rows",),
    Weakness.NIGHT_NEED_WITHOUT_ROWS: ("rows", "night_need"),
    Weakness.TWO_HELPER_NEED_WITHOUT_ROWS: ("rows", "two_helper_need"),
    Weakness.VARIATIONS_UNSTATED: ("variations", "need.course"),
    Weakness.ARBEIDSLEDER_NOT_DECIDED: ("arbeidsleder.kind",),
}


def step_of(item: Item) -> str:
    """The step that asks the (first) question an id is about."""
    return interview.step_of(ABOUT[item][0])


class Where(StrEnum):
    """The pages that show the panel (also the step to come back to)."""

    APPLICATION = "application"
    DOWNLOAD = "download"
    RESULT = "result"


def gap_sentence(item: Gap, draft: Draft) -> str:
    """What is missing, and why a caseworker needs it."""
    match item:
        case Gap.PERSONAL_DETAILS:
            return pick(
                draft,
                you=_(
                    "Your name or date of birth is missing. The municipality needs them to "
                    "know who applies."
                ),
                other=_(
                    "The person's name or date of birth, or your own name and role, is missing. "
                    "The municipality needs them to know who applies."
                ),
                parent=_(
                    "Your child's name or date of birth, or your own name, is missing. "
                    "The municipality needs them to know who applies."
                ),
            )
        case Gap.EARLIER_DECISION:
            return lawful(
                _(
                    "The decision that granted BPA before {age_limit} is not named. Give its "
                    "date or case number and send a copy with the application: the right to "
                    "keep BPA rests on it."
                )
            )
        case Gap.ROWS:
            return _("No help is added to the week. The week shows how many hours are needed.")
        case Gap.GOALS:
            return pick(
                draft,
                you=_(
                    "What you want BPA to make possible is missing. Goals such as work, school "
                    "or friends weigh a lot."
                ),
                other=_(
                    "What BPA should make possible for the person is missing. Goals such as "
                    "work, school or friends weigh a lot."
                ),
                parent=_(
                    "What BPA should make possible for your child and your family is missing. "
                    "Goals such as school, friends or family life weigh a lot."
                ),
            )
        case Gap.WHY_SERVICES_INSUFFICIENT:
            return _(
                "Why the help of today is not flexible enough is missing. It shows why BPA "
                "fits better."
            )
        case Gap.NOT_DONE_TODAY:
            return _(
                "What is not done today, for lack of help, is missing. It shows what BPA "
                "would change."
            )
        case Gap.CURRENT_SERVICES:
            return _("The services given today are missing. Write “none” if there are none.")
        case Gap.SERVICES_REPLACED:
            return _(
                "Which of today's services BPA could replace is missing. The municipality "
                "weighs this."
            )
        case Gap.MANAGES_ALONE:
            return pick(
                draft,
                you=_("What you manage on your own is missing. It makes the need for help clear."),
                other=_(
                    "What the person manages on their own is missing. It makes the need for "
                    "help clear."
                ),
                parent=_(
                    "What your child manages on their own is missing. It makes the need for "
                    "help clear."
                ),
            )
        case Gap.DAY_RHYTHM:
            return _(
                "Most rows of the week do not say when in the day the help is needed. The "
                "municipality asks about help over the whole day and night."
            )
        case Gap.NIGHT:
            return _("The questions about help at night and two helpers are not answered.")
        case Gap.CAUSE_AND_DURATION:
            return _(
                "It is not answered what the need comes from, or how long it will last. "
                "The right to BPA depends on both."
            )
        case Gap.STAYING_HEALTHY:
            return pick(
                draft,
                you=_(
                    "What you must do or avoid to stay as well as possible is missing. The "
                    "municipality asks about this."
                ),
                other=_(
                    "What the person must do or avoid to stay as well as possible is missing. "
                    "The municipality asks about this."
                ),
                parent=_(
                    "What your child must do or avoid to stay as well as possible is missing. "
                    "The municipality asks about this."
                ),
            )
        case Gap.FAMILY:
            return pick(
                draft,
                you=_("Who you live with, and your family, is missing. It shows who helps today."),
                other=_(
                    "Who the person lives with, and their family, is missing. It shows who "
                    "helps today."
                ),
                parent=_("Who your child lives with is missing. It shows who helps today."),
            )
        case Gap.ARBEIDSLEDER:
            return pick(
                draft,
                you=_(
                    "Who will lead your assistants is missing. BPA needs a leader (arbeidsleder)."
                ),
                other=_(
                    "Who will lead the person's assistants is missing. BPA needs a leader "
                    "(arbeidsleder)."
                ),
                parent=_(
                    "Who will lead your child's assistants is missing. BPA needs a leader "
                    "(arbeidsleder)."
                ),
            )
        case Gap.CONTACT:
            return pick(
                draft,
                you=_(
                    "Your address or phone number is missing. The municipality needs it to "
                    "book a home visit."
                ),
                other=_(
                    "An address or a phone number is missing, the person's or yours. The "
                    "municipality needs it to book a home visit."
                ),
                parent=_(
                    "An address or a phone number is missing. The municipality needs it to "
                    "book a home visit."
                ),
            )


def contradiction_sentence(item: Contradiction, draft: Draft) -> str:
    """Which answers do not fit together, and what to check."""
    match item:
        case Contradiction.WEEK_OVER_168:
            return _(
                "The rows of the week add up to more than 168 hours, more than a week has. "
                "Check the minutes and how often."
            )
        case Contradiction.LONG_ROWS_BUT_NO_NIGHT_NEED:
            # Never a hint toward "sometimes": that level keeps night hours out of the count.
            return _(
                "A row lasts 16 hours or more, or is at night, but the answer says no help is "
                "needed at night. These do not fit. Check both the row and the answer. If "
                "someone must be there or ready every night, the answer is «{every_night}»."
            ).format(every_night=_("All the time (continuous)"))
        case Contradiction.TWO_HELPER_ROWS_BUT_NO_NEED:
            return _(
                "Some rows need two helpers. But the answer says two helpers are not needed. "
                "Check the answer about two helpers."
            )
        case Contradiction.CHILD_WORK_ROWS:
            return lawful(
                _(
                    "The week has help at school, kindergarten or work. For a child under "
                    "{child_age_limit}, the school or kindergarten gives that help, and it does "
                    "not count for BPA."
                )
            )
        case Contradiction.ROWS_TO_FIX:
            n = len(draft.rows_to_fix)
            return ngettext(
                "{n} activity from the saved file takes more time than it can, and is not "
                "counted. Change it on the step “{step}”.",
                "{n} activities from the saved file take more time than they can, and are not "
                "counted. Change them on the step “{step}”.",
                n,
            ).format(n=fmt.whole(n), step=step_title("week"))


def weak_sentence(item: Weakness, draft: Draft) -> str:
    """What is there but thin, and what to add."""
    match item:
        case Weakness.GOALS_THIN:
            return pick(
                draft,
                you=_("The goals are only a few words. Say what BPA would let you do, and why."),
                other=_(
                    "The goals are only a few words. Say what BPA would let the person do, and why."
                ),
                parent=_(
                    "The goals are only a few words. Say what BPA would let your child and "
                    "your family do, and why."
                ),
            )
        case Weakness.WHY_SERVICES_INSUFFICIENT_THIN:
            return _(
                "Why the help of today is not enough is only a few words. Say what goes wrong "
                "with it, with an example."
            )
        case Weakness.NOT_DONE_TODAY_THIN:
            return _("What is not done today is only a few words. Give some examples.")
        case Weakness.NEED_DESCRIPTION_THIN:
            return _(
                "The description of the illness, injury or disability is short or missing. "
                "Say what is hard to do because of it."
            )
        case Weakness.NEEDS_HELP_WITH_THIN:
            return pick(
                draft,
                you=_(
                    "What you need help with, in your own words, is short or missing. Without "
                    "it, the application only lists the kinds of help."
                ),
                other=_(
                    "What the person needs help with, in your own words, is short or missing. "
                    "Without it, the application only lists the kinds of help."
                ),
                parent=_(
                    "What your child needs help with, in your own words, is short or missing. "
                    "Without it, the application only lists the kinds of help."
                ),
            )
        case Weakness.ROWS_UNNAMED:
            return _(
                "Some rows of the week have no name. Say what the help is, for example "
                "getting dressed."
            )
        case Weakness.NIGHT_NEED_WITHOUT_ROWS:
            # A row of its own: marking a long day row as at night could take it out of the
            # count. Never a hint toward a lower answer.
            return _(
                "The answer says help is needed at night, but no row of the week is marked "
                "«{mark}». Add the help at night as a row of its own, marked «{mark}». If "
                "someone must be there or ready every night, the answer is «{every_night}»."
            ).format(mark=_("At night"), every_night=_("All the time (continuous)"))
        case Weakness.TWO_HELPER_NEED_WITHOUT_ROWS:
            return _(
                "The answer says two helpers are needed, but no row of the week is marked for "
                "two helpers. Add the second helper's time as a row of its own, marked «{mark}». "
                "If two helpers are needed for most of the help, the answer is «{always}»."
            ).format(
                mark=_("Needs two helpers at the same time"),
                always=_("All the time (continuous)"),
            )
        case Weakness.VARIATIONS_UNSTATED:
            return _(
                "The need varies, but good days and bad days are not described. Say what a "
                "bad day needs."
            )
        case Weakness.ARBEIDSLEDER_NOT_DECIDED:
            return _(
                "Who leads the assistants is not decided yet. The municipality will ask about "
                "it before BPA can start."
            )


def sentence(item: Item, draft: Draft) -> str:
    """The interface's sentence for any review id."""
    if isinstance(item, Gap):
        return gap_sentence(item, draft)
    if isinstance(item, Contradiction):
        return contradiction_sentence(item, draft)
    return weak_sentence(item, draft)


def link_label(step_id: str) -> str:
    return _("Go to step {n}: {title}").format(n=steps.number(step_id), title=step_title(step_id))


def _go(step_id: str, back_to: str) -> None:
    """A link's callback: to the step that asks, with a way back to the page it came from."""
    st.session_state[RETURN_KEY] = back_to
    go_to(step_id)


def current_review(draft: Draft, where: Where) -> Review:
    """The draft's review on the assessment day. On the result page, the week (``rows``) is left
    out while the estimate is unclear: "What is missing" just above already asks for it."""
    a = assess(draft, assessment_date())
    result = review(draft, a)
    if where == Where.RESULT and a.outcome == Outcome.UNCLEAR:
        missing = tuple(g for g in result.missing if g != Gap.ROWS)
        result = Review(missing, result.contradictions, result.weak)
    return result


def _items(draft: Draft, items: tuple[Item, ...], where: Where, heading: str, level: int) -> None:
    if not items:
        return
    if level == 2:
        st.header(heading, anchor=False)
    elif level == 3:
        st.subheader(heading, anchor=False)
    else:  # inside the result page's expander, below its h3
        st.html(f"<h4>{escape(heading)}</h4>")
    for item in items:
        # Our own sentence, never the user's words: safe as Markdown.
        st.markdown(sentence(item, draft))
        step_id = step_of(item)
        st.button(
            link_label(step_id),
            key=f"review:{where.value}:{item.value}",
            type="tertiary",
            icon=":material/arrow_forward:",
            on_click=_go,
            args=(step_id, where.value),
        )


def _lists(draft: Draft, result: Review, where: Where, level: int) -> None:
    _items(draft, result.missing, where, _("Missing from the application"), level)
    _items(draft, result.contradictions, where, _("Answers that do not fit together"), level)
    _items(draft, result.weak, where, _("This could be stronger"), level)


def review_panel(draft: Draft, where: Where | str) -> None:
    """The review in one fixed slot (see docs/ui.md): drawn every run, whatever it holds.

    On the application and download pages: each list under its own heading, one line and one
    link per id, or one line saying nothing is missing. On the result page: how many points
    would make the application stronger, and the lists in an expander. Never blocks a download.
    """
    where = Where(where)
    with st.container():
        result = current_review(draft, where)
        if where == Where.RESULT:
            st.subheader(_("Make the application stronger"), anchor=False)
            if not result:
                st.markdown(_("Your answers cover what the municipality usually asks about."))
                return
            st.markdown(
                ngettext(
                    "The application is stronger when {n} more point is answered. You can do "
                    "it now or later.",
                    "The application is stronger when {n} more points are answered. You can do "
                    "it now or later.",
                    result.count,
                ).format(n=result.count)
            )
            with st.expander(_("See what to answer")):
                _lists(draft, result, where, 4)
            return
        if not result:
            st.success(
                _(
                    "Nothing is missing. The application answers what the municipality "
                    "usually asks about."
                ),
                icon=":material/check:",
            )
            return
        with st.container(border=True):
            st.markdown(
                _(
                    "You can send the application as it is. It gets stronger when the "
                    "points below are answered."
                )
            )
            _lists(draft, result, where, 2)
