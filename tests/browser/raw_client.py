"""A client without a browser, as an attacker would write one: its own cookie, a websocket
session, uploads by hand (``http.client``, ``websockets``: both come with Streamlit)."""

from __future__ import annotations

import asyncio
import http.client
import json
import urllib.request
import uuid
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from websockets.asyncio.client import ClientConnection, connect

from tests.browser.server import Server

XSRF = "_streamlit_xsrf"
T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to its end on an event loop of its own thread (Playwright's sync API
    keeps an event loop running in the test's thread)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def new_cookie(server: Server) -> str:
    """A fresh XSRF cookie value, as the health check hands one to every client."""
    with urllib.request.urlopen(server.url + "/_stcore/health", timeout=10) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name == XSRF:
                return rest.split(";", 1)[0]
    raise AssertionError("no XSRF cookie from the server")


@dataclass
class Session:
    websocket: ClientConnection
    upload_url: str
    cookie: str


async def open_session(server: Server, cookie: str) -> Session:
    """A websocket session of this client, and an upload address Streamlit gives it."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    websocket = await connect(
        server.url.replace("http", "ws", 1) + "/_stcore/stream",
        origin=server.url,  # type: ignore[arg-type]
        subprotocols=["streamlit", cookie],  # type: ignore[list-item]
        additional_headers={"Cookie": f"{XSRF}={cookie}"},
        open_timeout=20,
    )
    request = BackMsg()
    request.file_urls_request.request_id = "r1"
    request.file_urls_request.file_names.append("utkast.json")
    await websocket.send(request.SerializeToString())
    while True:
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(websocket.recv(), 20))
        if message.WhichOneof("type") == "file_urls_response":
            url = message.file_urls_response.file_urls[0].upload_url
            return Session(websocket, url, cookie)


def upload(server: Server, path: str, cookie: str, data: bytes, *, chunked: bool = False) -> int:
    """PUT ``data`` as a multipart file to ``path`` with ``cookie``; the response status."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="utkast.json"\r\n'
            "Content-Type: application/json\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "X-Xsrftoken": cookie,
        "Cookie": f"{XSRF}={cookie}",
        "Origin": server.url,
    }
    connection = http.client.HTTPConnection(server.url.split("//", 1)[1], timeout=60)
    try:
        if chunked:  # no Content-Length: the server learns the size only by reading
            connection.putrequest("PUT", path)
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()
            for start in range(0, len(body), 65536):
                chunk = body[start : start + 65536]
                connection.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            connection.send(b"0\r\n\r\n")
        else:
            connection.request("PUT", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (BrokenPipeError, ConnectionResetError):
        return 413  # refused while we were still sending: the server stopped reading
    finally:
        connection.close()


def delete(server: Server, path: str, cookie: str) -> int:
    connection = http.client.HTTPConnection(server.url.split("//", 1)[1], timeout=30)
    try:
        headers = {"X-Xsrftoken": cookie, "Cookie": f"{XSRF}={cookie}", "Origin": server.url}
        connection.request("DELETE", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def probe(server: Server, canary: str = "") -> dict[str, Any]:
    """The watched server's report (tests/browser/watched_server.py); the canary goes reversed."""
    url = f"{server.url}/_probe/{canary[::-1]}"
    with urllib.request.urlopen(url, timeout=60) as response:
        result: dict[str, Any] = json.loads(response.read())
    return result


def rss_mib(server: Server) -> float:
    """The server process's resident memory, in MiB."""
    with open(f"/proc/{server.process.pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")
