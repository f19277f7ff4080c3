"""Privacy settings Streamlit gets wrong by default, and the run/test commands a newcomer needs."""

from __future__ import annotations

import tomllib

from tests.support import ROOT


def test_streamlit_config_keeps_data_private() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["showErrorLinks"] is False
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["address"] == "127.0.0.1"
    assert config["runner"]["enforceSerializableSessionState"] is True


def test_streamlit_config_lets_in_only_this_site_and_keeps_nothing() -> None:
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))[
        "server"
    ]
    assert server["headless"] is True  # also: Streamlit's "install skills" never writes files
    assert server["allowedHosts"] == ["localhost", "127.0.0.1"]
    assert server["corsAllowedOrigins"] == []
    assert server["enableCORS"] is True
    assert server["enableXsrfProtection"] is True
    assert server["enableAgentApi"] is False
    assert server["enableStaticServing"] is False
    assert server["disconnectedSessionTTL"] == 120


def test_uploads_are_refused_over_1_mib_and_never_spooled_to_disk() -> None:
    from streamlit.web.server.starlette import starlette_routes

    from bpa_ui.draft_file import MAX_DRAFT_BYTES
    from bpa_ui.server import UPLOAD_SPOOL_BYTES

    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))[
        "server"
    ]
    limit = server["maxUploadSize"] * 1024 * 1024
    assert server["maxUploadSize"] == 1
    # A file just over the app's own limit still reaches the app's translated message.
    assert limit > MAX_DRAFT_BYTES
    # The largest body Streamlit reads (no Content-Length) stays under the spool threshold.
    framing = starlette_routes._MAX_UPLOAD_MULTIPART_OVERHEAD_BYTES
    assert limit + framing < UPLOAD_SPOOL_BYTES


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## Other commands")]
    assert "make run" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
