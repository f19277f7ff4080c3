"""Result: the estimate in one sentence, criterion by criterion, the hours, and what next."""

import streamlit as st

from bpa_core.rules import assess
from bpa_core.rules.eligibility import Outcome
from bpa_ui import explain, fmt, labels, steps, week
from bpa_ui.context import assessment_date, law
from bpa_ui.frame import begin, end, page_path, save_button
from bpa_ui.i18n import _
from bpa_ui.review_panel import review_panel
from bpa_ui.state import get_draft

begin(steps.RESULT)
draft = get_draft()
a = assess(draft, assessment_date())

st.header(explain.outcome_sentence(a.outcome, draft), anchor=False)
if a.outcome == Outcome.UNCLEAR:  # no estimate yet: say so, and who decides all the same
    about = _(
        "When the missing answers are in, you get an estimate here. The municipality decides, "
        "after its own review of the need (kartlegging)."
    )
else:
    about = _(
        "This is an estimate made on {day}. The municipality decides, after its own review of "
        "the need (kartlegging)."
    ).format(day=fmt.long_date(a.assessed_on))
st.info(about, icon=":material/info:")

if a.outcome == Outcome.UNCLEAR:
    st.subheader(_("What is missing"), anchor=False)
    # One button per missing answer, named by it (a list beside the buttons said each twice).
    for item in a.missing:
        what, step_id = explain.missing(item)
        if st.button(_("Answer: {what}").format(what=what), key=f"missing:{item.value}"):
            st.switch_page(page_path(step_id))

st.subheader(_("Criterion by criterion"), anchor=False)
for criterion in a.criteria:
    with st.container(border=True):
        st.markdown(f"**{explain.criterion_title(criterion.id, draft)}**")
        st.markdown(
            f"**{labels.status(criterion.status)}** – {explain.reason(criterion.reason, draft)}"
        )
        st.caption(_("Source: {sources}").format(sources=explain.source_links(criterion.sources)))

week.totals(a)

flags = [explain.flag(f, draft, a.reaches_age_limit_on) for f in a.flags]
if flags:
    st.subheader(_("Good to know"), anchor=False)
    st.markdown("\n".join(f"- {f}" for f in flags))

st.subheader(_("What you can do next"), anchor=False)
st.markdown(
    _(
        "1. Save your answers, so you can go on later.\n"
        "2. Ask your doctor for a statement (legeerklæring) about the need for help.\n"
        "3. Send an application to the municipality's service office. It can be short, and "
        "you can also apply orally.\n"
        "4. The municipality reviews the need and makes a decision. If you disagree, you can "
        "appeal within {appeal_weeks} weeks."
    ).format(**law())
)
# What the application lacks, with a link to each step (never blocks anything).
review_panel(draft, "result")

save_button("save_result", primary=True)
for step in steps.sequence():
    if step.section == steps.Section.DOCUMENTS:
        st.page_link(step.file, label=_(step.title), icon=":material/description:")
if steps.available("appeal"):
    st.page_link(page_path("appeal"), label=_("Appeal a decision"), icon=":material/gavel:")
st.caption(_("Sources: {sources}").format(sources=explain.source_links(a.sources)))

end(steps.RESULT)
