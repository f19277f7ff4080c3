"""Test-only launcher: Streamlit, watched from inside its own process.

``python -m tests.browser.watched_server run app.py …`` prepares the server process, then runs
Streamlit's own command line:

- **No way out**: every DNS lookup and every socket connection or datagram to an address that is
  not this machine's loopback is refused, and reported on a line ``OUTBOUND <what>``.
- **No temporary file**: ``tempfile``'s functions and ``os.open`` with ``O_TMPFILE`` (which makes a
  file no directory listing shows) report a line ``TEMPFILE <how>`` and then do their work.
- **A probe**: ``GET /_probe/<token>`` on 127.0.0.1 answers, as JSON, how many sessions Streamlit
  holds (connected, and waiting for a reconnect), how many files its upload store holds, and
  whether any live Python object in the process still holds the string whose reversal is
  ``<token>`` (the test's canary, never written forward here). The probe runs on the server's
  event loop after a full garbage collection. ``?why`` lists the kinds of object that hold it.

Nothing of this is in the app.
"""

from __future__ import annotations

import gc
import ipaddress
import json
import os
import socket
import sys
import tempfile
from typing import Any

PROBE = "/_probe/"


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _local(address: Any) -> bool:
    if isinstance(address, (str, bytes)):  # a unix socket path
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return str(host) == "localhost"


def block_the_way_out() -> None:
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _local((host,)):
            _say(f"OUTBOUND dns {host}")
            raise socket.gaierror(socket.EAI_NONAME, "blocked by the test")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
            _say(f"OUTBOUND connect {address[0]}")
            raise ConnectionRefusedError("blocked by the test")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
            _say(f"OUTBOUND connect {address[0]}")
            return 111
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: Any, *args: Any) -> int:
        address = args[-1]
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address):
            _say(f"OUTBOUND sendto {address[0]}")
            raise ConnectionRefusedError("blocked by the test")
        return real_sendto(self, data, *args)  # type: ignore[arg-type]

    socket.getaddrinfo = getaddrinfo
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign,assignment]


def report_temporary_files() -> None:
    for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp", "mkdtemp", "mktemp"):
        real = getattr(tempfile, name)

        def reporting(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            _say(f"TEMPFILE tempfile.{_name}")
            return _real(*args, **kwargs)

        setattr(tempfile, name, reporting)
    real_open = os.open
    o_tmpfile = getattr(os, "O_TMPFILE", 0)

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if o_tmpfile and flags & o_tmpfile == o_tmpfile:
            _say("TEMPFILE os.open O_TMPFILE")
        return real_open(path, flags, *args, **kwargs)

    os.open = os_open


def holders(needle_reversed: str, limit: int = 1) -> list[Any]:
    """Live objects that hold the canary (str, bytes or bytearray) or refer to one that does:
    every object the collector tracks, and every string or bytes it refers to."""
    gc.collect()
    found: list[Any] = []
    for obj in gc.get_objects():
        for ref in gc.get_referents(obj):
            if isinstance(ref, str):
                hit = needle_reversed[::-1] in ref
            elif isinstance(ref, (bytes, bytearray)):
                hit = needle_reversed[::-1].encode() in ref
            else:
                continue
            if hit:
                found.append(obj)
                break
        else:
            if isinstance(obj, bytearray) and needle_reversed[::-1].encode() in obj:
                found.append(obj)
        if len(found) >= limit:
            break
    return found


def _kind(obj: Any) -> str:
    if isinstance(obj, dict):
        keys = sorted(str(k) for k in obj)[:5]
        return f"dict{keys}"
    if type(obj).__name__ == "cell":
        return "cell"
    if type(obj).__name__ == "function":
        return f"function {obj.__qualname__}"
    if type(obj).__name__ == "frame":
        return f"frame {obj.f_code.co_name} {obj.f_code.co_filename.rsplit('/', 1)[-1]}"
    return type(obj).__qualname__


def describe(obj: Any, depth: int = 10, width: int = 3, seen: set[int] | None = None) -> str:
    """What holds the canary, and what refers to that, as a tree (kinds and keys, no values)."""
    seen = seen if seen is not None else set()
    seen.add(id(obj))
    if depth == 0:
        return _kind(obj)
    up = [r for r in gc.get_referrers(obj) if id(r) not in seen and not isinstance(r, list)]
    parts = [describe(r, depth - 1, width, seen) for r in up[:width]]
    return _kind(obj) + (" <- (" + " | ".join(parts) + ")" if parts else "")


def probe(needle_reversed: str) -> dict[str, Any]:
    from streamlit.runtime import Runtime

    runtime = Runtime.instance()
    manager = runtime._session_mgr
    store = runtime.uploaded_file_mgr
    files = getattr(store, "file_storage", {})
    return {
        "sessions": len(manager.list_sessions()),
        "active": len(manager.list_active_sessions()),  # type: ignore[attr-defined]
        "uploads": sum(len(f) for f in files.values()),
        "holds": bool(holders(needle_reversed)) if needle_reversed else None,
    }


def why(needle_reversed: str) -> list[str]:
    return [describe(obj) for obj in holders(needle_reversed, limit=20)]


class Probe:
    """ASGI middleware answering ``/_probe/<token>`` (see the module docstring)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(PROBE):
            await self.app(scope, receive, send)
            return
        token = path[len(PROBE) :]
        wanted = why(token) if scope.get("query_string") == b"why" else probe(token)
        body = json.dumps(wanted).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def main() -> None:
    from starlette.middleware import Middleware
    from streamlit.web.cli import main as streamlit_main

    import bpa_ui.server

    block_the_way_out()
    report_temporary_files()
    bpa_ui.server.MIDDLEWARE.append(Middleware(Probe))  # innermost: after the app's own guard
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
