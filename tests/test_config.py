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
    assert config["server"]["maxUploadSize"] == 2
    assert config["server"]["address"] == "127.0.0.1"
    assert config["runner"]["enforceSerializableSessionState"] is True


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## Other commands")]
    assert "make run" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
