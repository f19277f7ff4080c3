"""deploy/: the nginx site file is the one deploy/replicas.py makes, nginx accepts it, a
draining replica takes no new sessions but keeps its own, and every deploy file (the guide's
steps, the systemd env file, Kubernetes, the Dockerfile's notes, replicas.py) allows the same
host name, and the machine's own names for its health checks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deploy import replicas
from deploy.replicas import (
    ALLOWED_HOSTS_ENV,
    LOCAL_HOSTS,
    ROOT,
    SITE,
    Replica,
    allowed_hosts,
    main_config,
    site_config,
)

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


# --- the host name: every deploy file allows the same site, and the machine's own names -------

DEPLOY = SITE.parent.parent
ENV_EXAMPLE = DEPLOY / "systemd" / "env.example"
UNIT = DEPLOY / "systemd" / "bpa-veiviser@.service"
GUIDE = DEPLOY / "README.md"
DOCKERFILE = DEPLOY / "Dockerfile"
ENV_PATH = "/etc/bpa-veiviser/env"
EXAMPLE_HOST = "bpa.example.no"


def env_file(text: str) -> dict[str, str]:
    """KEY=value lines, as systemd's EnvironmentFile= and `docker run --env-file` read them
    (the file uses no quotes, so both read the same)."""
    found = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            assert not value.startswith(("'", '"')), f"quoted: docker would keep the quotes: {line}"
            found[key.strip()] = value.strip()
    return found


def allows(hosts: list[str], host: str) -> bool:
    """Streamlit's own check of a Host header against these ``server.allowedHosts``."""
    from streamlit import config
    from streamlit.web.server.starlette.starlette_websocket import is_host_allowed

    saved = config.get_option("server.allowedHosts")
    config.set_option("server.allowedHosts", hosts)
    try:
        return is_host_allowed(host)
    finally:
        config.set_option("server.allowedHosts", saved)


def sh_block(after: str) -> str:
    """The first ```sh block of deploy/README.md after the heading ``after``."""
    text = GUIDE.read_text()
    return text.split(after, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_env_file_allows_the_sites_name_and_the_health_checks() -> None:
    env = env_file(ENV_EXAMPLE.read_text())
    hosts = env[ALLOWED_HOSTS_ENV].split()
    assert hosts == allowed_hosts(EXAMPLE_HOST).split() == [*LOCAL_HOSTS, EXAMPLE_HOST]
    assert allows(hosts, f"{EXAMPLE_HOST}:443") and allows(hosts, "127.0.0.1:8501")
    assert not allows(hosts, "evil.example")
    assert f"EnvironmentFile={ENV_PATH}\n" in UNIT.read_text()


def test_streamlit_reads_the_list_from_the_environment_as_the_files_write_it() -> None:
    """Names separated by spaces, in one variable: Streamlit's command line splits them."""
    value = env_file(ENV_EXAMPLE.read_text())[ALLOWED_HOSTS_ENV]
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT,
        env={**os.environ, ALLOWED_HOSTS_ENV: value},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    listed = shown.split("\nallowedHosts = [", 1)[1].split("]", 1)[0]
    assert re.findall(r'"([^"]*)"', listed) == value.split()


def test_the_guides_debian_steps_allow_the_name_they_give_nginx(tmp_path: Path) -> None:
    """The steps of "On a Debian server" that write /etc/bpa-veiviser/env and nginx's site,
    run here with another name (no sudo, a file of this test in place of /etc)."""
    steps = sh_block("## On a Debian server")
    assert f"HOST_NAME={EXAMPLE_HOST} " in steps
    env = tmp_path / "env"
    wanted = [
        line
        for line in steps.splitlines()
        if line.startswith("HOST_NAME=") or ENV_PATH in line or "--host-name" in line
    ]
    assert len(wanted) >= 5, wanted  # the name, install, sed, secret, nginx's site (and a check)
    script = "\n".join(
        line.replace("sudo ", "")
        .replace(ENV_PATH, str(env))
        .replace("/etc/nginx/sites-available/bpa-veiviser", str(tmp_path / "site"))
        .replace("python3 deploy/replicas.py", f"{sys.executable} deploy/replicas.py")
        .replace(f"HOST_NAME={EXAMPLE_HOST}", "HOST_NAME=bpa.kommune.example")
        for line in wanted
        if not line.startswith("curl ")
    )
    subprocess.run(["bash", "-euc", script], cwd=ROOT, check=True, timeout=60)
    made = env_file(env.read_text())
    assert made[ALLOWED_HOSTS_ENV] == allowed_hosts("bpa.kommune.example")
    assert len(made["STREAMLIT_SERVER_COOKIE_SECRET"]) >= 40
    assert oct(env.stat().st_mode & 0o777) == "0o600"
    site = (tmp_path / "site").read_text()
    assert "    server_name bpa.kommune.example;\n" in site
    assert "; Secure" in site


def test_kubernetes_allows_the_ingress_host_and_the_probes_host() -> None:
    yaml = pytest.importorskip("yaml")
    text = GUIDE.read_text().split("```yaml\n", 1)[1].split("```", 1)[0]
    deployment, ingress = yaml.safe_load_all(text)
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    hosts = env[ALLOWED_HOSTS_ENV].split()
    site = ingress["spec"]["rules"][0]["host"]
    assert hosts == allowed_hosts(site).split()
    for probe in ("readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        host = {h["name"]: h["value"] for h in get.get("httpHeaders", [])}.get("Host")
        assert host is not None and allows(hosts, f"{host}:{get['port']}"), probe
    assert not allows(hosts, "10.1.2.3:8501")  # a probe without the header: the pod's address


def test_the_dockerfile_notes_allow_the_name_and_keep_its_health_check() -> None:
    text = DOCKERFILE.read_text()
    given = re.search(rf'-e {ALLOWED_HOSTS_ENV}="([^"]+)"', text)
    assert given is not None and given.group(1) == allowed_hosts(EXAMPLE_HOST)
    health = re.search(r"urlopen\('http://([^/']+)/_stcore/health'", text)
    assert health is not None and allows([*LOCAL_HOSTS], health.group(1))
    assert "env.example" in text


def test_replicas_name_the_host_in_nginx_and_every_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_config(EXAMPLE, server_name="BPA.example.no.")
    assert "    server_name bpa.example.no;\n" in site
    assert "    server_name _;\n" in site_config(EXAMPLE)
    assert replicas.main(["--print-site", "--host-name", EXAMPLE_HOST]) == 0
    assert capsys.readouterr().out == site_config(EXAMPLE, server_name=EXAMPLE_HOST)
    for bad in ("", "a b", "bpa.example.no:443", "https://bpa.example.no", "bpa_example", "-x"):
        with pytest.raises(ValueError, match="not a host name"):
            replicas.valid_host_name(bad)
        with pytest.raises(SystemExit):
            replicas.main(["--print-site", "--host-name", bad])
    assert replicas.valid_host_name("*.example.no") == "*.example.no"

    # What `start` gives each process (stopped at the first, before anything runs).
    given: list[dict[str, str]] = []

    def first_process(*_args: object, env: dict[str, str], **_kwargs: object) -> object:
        given.append(env)
        raise RuntimeError("stop here")

    monkeypatch.setattr(replicas.subprocess, "Popen", first_process)
    monkeypatch.delenv(ALLOWED_HOSTS_ENV, raising=False)
    with pytest.raises(RuntimeError, match="stop here"):
        replicas.start(2, host_name=EXAMPLE_HOST)
    assert given[0][ALLOWED_HOSTS_ENV] == "localhost 127.0.0.1 bpa.example.no"
    with pytest.raises(RuntimeError, match="stop here"):
        replicas.start(2)  # no name: config.toml's list
    assert ALLOWED_HOSTS_ENV not in given[1]
