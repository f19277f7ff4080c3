"""The Streamlit shell: session state, translation per session, the step frame, server glue.

Only this package, app.py and pages/ import streamlit. Nothing here keeps user data outside
``st.session_state`` (which Streamlit holds per browser tab and forgets when the session ends).
"""
