"""A Streamlit server on 127.0.0.1 for browser tests and the benchmark, stopped by its starter.

The server's output is kept in memory (never on disk) so tests can check it for leaks.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    def text_output(self) -> str:
        return "".join(self.output)


def _pump(stream: Any, sink: list[str]) -> None:
    for line in iter(stream.readline, ""):
        sink.append(line)


def start_server(
    script: str = "app.py",
    extra_args: list[str] | None = None,
    *,
    env: dict[str, str] | None = None,
    launcher: str = "streamlit",
    port: int | None = None,
    cwd: Path = ROOT,
) -> Server:
    """``python -m <launcher> run <script>`` on a free port of 127.0.0.1 (or ``port``, to start
    a stopped server again where its pages are). ``launcher`` is ``streamlit``, or a test module
    that prepares the process and then runs Streamlit's CLI. ``cwd`` is the checkout to serve
    (the benchmark may serve an older one)."""
    port = port or free_port()
    env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            launcher,
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            *(extra_args or []),
        ],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    server = Server(url=f"http://127.0.0.1:{port}", process=process)
    threading.Thread(target=_pump, args=(process.stdout, server.output), daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("streamlit exited early:\n" + server.text_output())
        try:
            with urllib.request.urlopen(server.url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise RuntimeError("streamlit did not become healthy in 60 s:\n" + server.text_output())


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=5)
