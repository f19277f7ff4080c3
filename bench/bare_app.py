"""The floor for the benchmark: a bare Streamlit page (a title, a text input and two buttons).

The title counts presses of "Next", so the browser benchmark can see a press take effect.
"""

import streamlit as st


def pressed() -> None:
    st.session_state.presses = st.session_state.get("presses", 0) + 1


st.title(f"Bare page {st.session_state.get('presses', 0)}", anchor=False)
st.text_input("Name")
col1, col2 = st.columns(2)
col1.button("Back", key="nav_back")
col2.button("Next", key="nav_next", on_click=pressed)
