"""BPA-veiviser: the entrypoint.

Run by Streamlit as the app script (``__name__ == "__main__"``): sets up the page, the session's
language and the navigation between steps. Imported by the server (``streamlit run app.py`` finds
``app`` below): the ASGI app with security headers, a friendly error handler, the download
route (bpa_ui/downloads.py) and the PDF worker pool started with the server (bpa_ui/pdf_worker.py).
"""

import streamlit as st

if __name__ == "__main__":
    from bpa_ui.frame import run

    run()
else:
    from bpa_ui import downloads, pdf_worker
    from bpa_ui.server import MIDDLEWARE, on_script_error, use_entrypoint_navigation

    use_entrypoint_navigation()
    app = st.App(
        "app.py",
        middleware=[*MIDDLEWARE, downloads.MIDDLEWARE],
        routes=downloads.routes(),
        lifespan=pdf_worker.lifespan,
        on_script_error=on_script_error,
    )
