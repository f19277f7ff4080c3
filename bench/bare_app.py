"""The floor for the benchmark: a bare Streamlit page (a title, a text input and two buttons)."""

import streamlit as st

st.title("Bare page")
st.text_input("Name")
col1, col2 = st.columns(2)
col1.button("Back")
col2.button("Next")
