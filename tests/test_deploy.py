"""deploy/: the nginx site file is the one deploy/replicas.py makes, nginx accepts it, and a
draining replica takes no new sessions but keeps its own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from deploy.replicas import SITE, Replica, main_config, site_config

EXAMPLE = [Replica("1", "127.0.0.1:8501"), Replica("2", "127.0.0.1:8502")]


def test_the_site_file_is_what_the_generator_makes() -> None:
    assert SITE.read_text() == site_config(EXAMPLE), (
        "regenerate: python deploy/replicas.py --print-site > deploy/nginx/bpa-veiviser.conf"
    )


def test_a_draining_replica_takes_no_new_sessions_but_keeps_its_own() -> None:
    site = site_config([Replica("1", "127.0.0.1:8501", draining=True), EXAMPLE[1]])
    new = site.split("upstream bpa_new {")[1].split("}")[0]
    assert "127.0.0.1:8501" not in new and "127.0.0.1:8502" in new
    assert '"1" bpa_replica_1;' in site
    assert "upstream bpa_replica_1 {\n    server 127.0.0.1:8501;" in site


def test_nothing_of_a_user_is_logged_or_spooled_to_disk() -> None:
    site = site_config(EXAMPLE)
    log_format = next(line for line in site.splitlines() if line.startswith("log_format"))
    variables = set(re.findall(r"\$(\w+)", log_format))
    assert variables == {"time_iso8601", "status", "request_time", "upstream_response_time"}
    for directive in (
        "client_body_buffer_size 2m;",
        "proxy_request_buffering off;",
        "proxy_max_temp_file_size 0;",
    ):
        assert directive in site


def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed (.ci/run installs it)")
        pytest.skip("nginx is not installed: sudo apt-get install nginx")
    site = site_config(EXAMPLE, listen="127.0.0.1:8500", access_log="off")
    conf = tmp_path / "nginx.conf"
    conf.write_text(main_config(site, tmp_path, user=None))
    done = subprocess.run(
        [nginx, "-t", "-q", "-e", "stderr", "-p", str(tmp_path), "-c", str(conf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
