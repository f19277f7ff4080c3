"""Start: what BPA is, what this tool does and does not do, and the privacy promise."""

import streamlit as st

from bpa_ui.i18n import _

st.title(_("Apply for BPA"))
st.markdown(
    _(
        "BPA means user-controlled personal assistance (brukerstyrt personlig assistanse). "
        "You decide who helps you, with what, and when."
    )
)
st.markdown(
    _(
        "This tool asks simple questions, one topic at a time. It gives an estimate of whether "
        "you have the right to BPA. The municipality makes the decision."
    )
)
st.info(
    _(
        "Nothing is stored on our server. Your answers live in this browser tab until you "
        "download them."
    ),
    icon=":material/lock:",
)
