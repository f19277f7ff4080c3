"""BPA-veiviser: the entrypoint.

Run by Streamlit as the app script (``__name__ == "__main__"``): sets up the page, the session's
language and the navigation between steps. Imported by the server (``streamlit run app.py`` finds
``app`` below): the ASGI app with its guards and headers, a friendly error handler, sessions shut
down when their tab is gone (bpa_ui/server.py), the download route (bpa_ui/downloads.py) and the
PDF worker pool started with the server (bpa_ui/pdf_worker.py).
"""

import streamlit as st

if __name__ == "__main__":
    from bpa_ui.frame import run

    run()
else:
    from bpa_ui import downloads
    from bpa_ui.server import MIDDLEWARE, lifespan, on_script_error, prepare_server

    prepare_server()
    app = st.App(
        "app.py",
        middleware=[*MIDDLEWARE, downloads.MIDDLEWARE],
        routes=downloads.routes(),
        lifespan=lifespan,
        on_script_error=on_script_error,
    )
