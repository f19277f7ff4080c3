"""nginx (Debian's package) in front of N Streamlit processes: the site configuration, and
``make serve-replicas``, which runs it all on loopback.

    python deploy/replicas.py --replicas 2 --port 8500     # what `make serve-replicas` runs
    python deploy/replicas.py --print-site > deploy/nginx/bpa-veiviser.conf
    python deploy/replicas.py --print-site --host-name bpa.example.no --secure   # a real site

The host name: the app answers only Host headers in ``server.allowedHosts`` (400 to any other:
DNS rebinding), and config.toml allows only localhost and 127.0.0.1. A site served under a name
gives every process ``STREAMLIT_SERVER_ALLOWED_HOSTS="localhost 127.0.0.1 <name>"`` (what
``--host-name`` does here; systemd: /etc/bpa-veiviser/env, from deploy/systemd/env.example) and
nginx ``server_name <name>``; nginx passes the browser's Host on unchanged, so the websocket's
Origin is the same site and needs no ``server.corsAllowedOrigins``.

Sticky sessions by cookie, with open-source nginx (it has no ``sticky`` directive). A Streamlit
session lives in one process: its websocket, its uploads (``/_stcore/upload_file/<session>``),
``/media/`` and the app's downloads (``/_bpa/download/<token>``) must all reach that process.

- A new visitor (no ``bpa_route`` cookie) goes to the ``bpa_new`` group (``least_conn``, only
  replicas that take new sessions). nginx then names the replica that answered in a cookie,
  ``bpa_route=<n>`` (HttpOnly, SameSite=Lax), from ``$upstream_addr``.
- Every later request carries the cookie and goes straight to that replica's own upstream
  (``bpa_replica_<n>``), whatever the URL: websocket, uploads, media, downloads.
- A replica that is gone (connection refused, or no answer: 502/504) sends its users to
  ``@new_session``: another replica, and a new cookie. The page reconnects there as a new
  session (the tab's own copy of the answers, issue 12, brings them back).
- Drain before stop: remove the replica from ``bpa_new`` only (``--draining``) and reload nginx.
  New visitors go elsewhere; its own users keep reaching it until they leave; then stop it.

Why not ``hash $cookie consistent``: it balances as well, but a replica cannot be drained (taking
it out of the ring moves its users' next request, e.g. an upload, to a process that does not
know their session). Why not ``ip_hash``: people behind one NAT (a school, a municipality's
office) would all land on one process, and a phone changing networks would lose its session.

Nothing is written to disk: request bodies (uploads: at most 2 MB, a little above Streamlit's
own 1 MiB limit) and responses stay in memory
buffers (``client_body_buffer_size``, ``proxy_request_buffering off``,
``proxy_max_temp_file_size 0``), and the access log has no address and no URL (download tokens,
``?lang=``). The app's security headers pass through unchanged. Streamlit's ``server.cookieSecret``
is the same for every replica (``STREAMLIT_SERVER_COOKIE_SECRET``, random per start here, held in
memory only).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "deploy" / "nginx" / "bpa-veiviser.conf"
COOKIE = "bpa_route"
NOBODY = 65534
# Streamlit reads server.allowedHosts from this variable: names separated by spaces.
ALLOWED_HOSTS_ENV = "STREAMLIT_SERVER_ALLOWED_HOSTS"
# Kept in every list: the health checks on the machine itself (make serve-replicas, systemd,
# Docker's HEALTHCHECK, Kubernetes probes with a Host header) ask for these.
LOCAL_HOSTS = ("localhost", "127.0.0.1")
_HOST_NAME = re.compile(r"(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


def valid_host_name(value: str) -> str:
    """A host name as the site serves it (``bpa.example.no``, or ``*.example.no``): no port, no
    scheme, no space (a space would split Streamlit's list)."""
    name = value.strip().lower().rstrip(".")
    if not _HOST_NAME.fullmatch(name):
        raise ValueError(f"not a host name: {value!r} (e.g. bpa.example.no, without a port)")
    return name


def allowed_hosts(name: str | None) -> str:
    """The value of ``STREAMLIT_SERVER_ALLOWED_HOSTS`` for a site served under ``name``."""
    return " ".join([*LOCAL_HOSTS, *([valid_host_name(name)] if name else [])])


@dataclass(frozen=True)
class Replica:
    route: str  # the cookie's value: "1", "2", ...
    address: str  # host:port of its Streamlit process
    draining: bool = False  # takes no new sessions


def site_config(
    replicas: list[Replica],
    *,
    listen: str = "80",
    access_log: str = "/var/log/nginx/bpa-veiviser.access.log bpa_veiviser",
    secure: bool = False,
    server_name: str | None = None,
) -> str:
    """The ``http``-level configuration for nginx: upstreams, maps and the server. ``secure``:
    the route cookie only over HTTPS (behind TLS, which a real deployment has). ``server_name``:
    the site's host name (the processes must allow it too: ``allowed_hosts``); none: ``_``."""
    name = valid_host_name(server_name) if server_name else "_"
    routes = "\n".join(f'    "{r.route}" bpa_replica_{r.route};' for r in replicas)
    new = "\n".join(
        f"    server {r.address} max_fails=1 fail_timeout=10s;" for r in replicas if not r.draining
    )
    own = "\n".join(
        f"upstream bpa_replica_{r.route} {{\n    server {r.address};\n    keepalive 8;\n}}"
        for r in replicas
    )
    cookie = f"{COOKIE}={{route}}; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")
    named = "\n".join(
        f'    "~{_regex(r.address)}$" "{cookie.format(route=r.route)}";' for r in replicas
    )
    return f"""\
# BPA-veiviser behind nginx: {len(replicas)} Streamlit processes (one per core), each session kept
# on its own process by a cookie. Made by deploy/replicas.py; see deploy/README.md.
# Debian: /etc/nginx/sites-available/bpa-veiviser, linked from sites-enabled; `nginx -t`, reload.

# The replica a session lives on, named by the bpa_route cookie; none (or unknown): a new session.
map $cookie_{COOKIE} $bpa_upstream {{
{routes}
    default bpa_new;
}}

# The cookie for a session that has just started: the replica that answered ($upstream_addr ends
# with it, also after a retry).
map $upstream_addr $bpa_route_cookie {{
{named}
    default "";
}}
map $bpa_upstream $bpa_new_cookie {{
    bpa_new $bpa_route_cookie;
    default "";
}}

map $http_upgrade $connection_upgrade {{
    default upgrade;
    "" "";
}}

# New sessions: the replicas that take them (a draining one is left out).
upstream bpa_new {{
    least_conn;
{new}
    keepalive 16;
}}

# Each replica on its own, for the sessions that live there.
{own}

# No client address and no URL (download links hold a token, the address may hold ?lang=).
log_format bpa_veiviser '$time_iso8601 $status $request_time $upstream_response_time';

server {{
    listen {listen};
    server_name {name};
    server_tokens off;
    access_log {access_log};

    # Uploads (draft files) stay in memory; a little above Streamlit's own 1 MiB limit.
    client_max_body_size 2m;
    client_body_buffer_size 2m;
    proxy_request_buffering off;
    # Responses are never spooled to a temp file either.
    proxy_max_temp_file_size 0;
    proxy_buffers 32 64k;

    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    # A websocket stays open while someone reads or thinks (Streamlit pings it every 30 s).
    proxy_read_timeout 1h;
    proxy_send_timeout 1h;
    proxy_connect_timeout 5s;

    location / {{
        proxy_pass http://$bpa_upstream;
        # A new session's replica is gone: the next one (GET and HEAD only, never an upload).
        proxy_next_upstream error timeout http_502 http_503;
        proxy_next_upstream_tries 2;
        # A session's replica is gone: start anew on another.
        error_page 502 504 = @new_session;
        add_header Set-Cookie $bpa_new_cookie always;
    }}

    location @new_session {{
        proxy_pass http://bpa_new;
        proxy_next_upstream error timeout http_502 http_503;
        add_header Set-Cookie $bpa_route_cookie always;
    }}
}}
"""


def _regex(address: str) -> str:
    return address.replace(".", r"\.")


def main_config(site: str, tmp: Path, *, user: str | None) -> str:
    """A whole nginx.conf around the site: pid and temp paths inside ``tmp``, no daemon."""
    paths = "\n".join(
        f"    {kind}_temp_path {tmp / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""\
# Made by deploy/replicas.py for a run on loopback; removed with its directory.
{f"user {user};" if user else ""}
worker_processes 1;
pid {tmp / "nginx.pid"};
error_log stderr warn;
daemon off;

events {{
    worker_connections 1024;
}}

http {{
    default_type application/octet-stream;
{paths}
{site}
}}
"""


# --- running it on loopback ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str, deadline: float, process: subprocess.Popen[bytes] | None = None) -> None:
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited ({process.returncode})")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy in time")


@dataclass
class Replicas:
    """nginx and its Streamlit processes on loopback; ``stop()`` ends them and removes ``tmp``."""

    url: str
    tmp: Path
    replicas: list[Replica]
    processes: list[subprocess.Popen[bytes]]
    nginx: subprocess.Popen[bytes]
    output: dict[str, int] = field(default_factory=dict)
    host_name: str | None = None

    @property
    def site_url(self) -> str:
        """The site under its host name (``url`` with the name in place of 127.0.0.1): what a
        browser that resolves the name to this machine opens."""
        if self.host_name is None:
            return self.url
        return self.url.replace("127.0.0.1", self.host_name, 1)

    def replica_url(self, i: int) -> str:
        return "http://" + self.replicas[i].address

    def kill(self, i: int) -> None:
        """The replica dies at once (SIGKILL), as in a crash."""
        self.processes[i].kill()
        self.processes[i].wait(timeout=10)

    def stop(self) -> None:
        for process in [self.nginx, *self.processes]:
            if process.poll() is None:
                process.terminate()
        for process in [self.nginx, *self.processes]:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        shutil.rmtree(self.tmp, ignore_errors=True)


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        raise RuntimeError("nginx is not installed: `sudo apt-get install nginx` (Debian)")
    return found


def start(
    count: int = 2,
    port: int | None = None,
    *,
    quiet: bool = True,
    env: dict[str, str] | None = None,
    host_name: str | None = None,
) -> Replicas:
    """``count`` Streamlit processes and nginx in front, all on 127.0.0.1. nginx runs as an
    unprivileged user (``nobody`` when started as root), its pid and temp paths in a new temp
    directory. ``host_name``: the site's name, allowed by every process and nginx's
    ``server_name`` (the name must resolve to 127.0.0.1 where it is opened)."""
    name = valid_host_name(host_name) if host_name else None  # refused before anything starts
    tmp = Path(tempfile.mkdtemp(prefix="bpa-nginx-"))
    secret = secrets.token_urlsafe(32)  # the same server.cookieSecret everywhere, never on disk
    child_env = {
        **os.environ,
        **(env or {}),
        "STREAMLIT_SERVER_COOKIE_SECRET": secret,
        "PYTHONUNBUFFERED": "1",
    }
    if name:
        child_env[ALLOWED_HOSTS_ENV] = allowed_hosts(name)
    out = subprocess.DEVNULL if quiet else None
    replicas = [Replica(str(i + 1), f"127.0.0.1:{free_port()}") for i in range(count)]
    processes: list[subprocess.Popen[bytes]] = []
    nginx: subprocess.Popen[bytes] | None = None
    try:
        for replica in replicas:
            processes.append(
                subprocess.Popen(  # noqa: S603 - this interpreter, Streamlit, our app
                    [
                        sys.executable,
                        "-m",
                        "streamlit",
                        "run",
                        "app.py",
                        "--server.address",
                        "127.0.0.1",
                        "--server.port",
                        replica.address.rsplit(":", 1)[1],
                        "--server.headless",
                        "true",
                    ],
                    cwd=ROOT,
                    env=child_env,
                    stdout=out,
                    stderr=out,
                )
            )
        deadline = time.monotonic() + 90
        for replica, process in zip(replicas, processes, strict=True):
            _healthy("http://" + replica.address, deadline, process)

        port = port or free_port()
        as_root = os.geteuid() == 0
        site = site_config(replicas, listen=f"127.0.0.1:{port}", access_log="off", server_name=name)
        (tmp / "nginx.conf").write_text(main_config(site, tmp, user=None))
        command = [_nginx(), "-e", "stderr", "-p", str(tmp), "-c", str(tmp / "nginx.conf")]
        if as_root:  # never run nginx as root: drop to nobody for the master process too
            os.chown(tmp, NOBODY, NOBODY)
            os.chown(tmp / "nginx.conf", NOBODY, NOBODY)
            command = [
                "setpriv",
                f"--reuid={NOBODY}",
                f"--regid={NOBODY}",
                "--clear-groups",
                "--",
                *command,
            ]
        nginx = subprocess.Popen(command, stdout=out, stderr=out)  # noqa: S603 - nginx
        url = f"http://127.0.0.1:{port}"
        _healthy(url, time.monotonic() + 30, nginx)
        return Replicas(url, tmp, replicas, processes, nginx, host_name=name)
    except BaseException:
        for process in [*processes, *([nginx] if nginx else [])]:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _host_name_argument(value: str) -> str:
    try:
        return valid_host_name(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="nginx + N Streamlit processes on loopback")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8500, help="nginx's port on 127.0.0.1")
    parser.add_argument("--print-site", action="store_true", help="print the site config")
    parser.add_argument("--secure", action="store_true", help="with --print-site: TLS cookie")
    parser.add_argument(
        "--draining", default="", help="with --print-site: routes that take no new sessions"
    )
    parser.add_argument(
        "--host-name",
        type=_host_name_argument,
        help="the site's public host name (e.g. bpa.example.no): nginx's server_name, and "
        f"allowed by every process ({ALLOWED_HOSTS_ENV}); it must resolve to this machine",
    )
    args = parser.parse_args(argv)
    if args.print_site:
        draining = set(args.draining.split(","))
        example = [
            Replica(str(i + 1), f"127.0.0.1:{8501 + i}", str(i + 1) in draining)
            for i in range(args.replicas)
        ]
        print(site_config(example, secure=args.secure, server_name=args.host_name), end="")
        return 0
    running = start(args.replicas, args.port, quiet=False, host_name=args.host_name)
    print(f"\nBPA-veiviser on {running.site_url} (nginx, {args.replicas} Streamlit processes).")
    print("Ctrl-C stops everything and removes", running.tmp)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping and running.nginx.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
