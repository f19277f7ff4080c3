"""Replicas behind a real load balancer (issue 15): nginx (Debian's package) in front of two
Streamlit processes, as ``make serve-replicas`` runs them (deploy/replicas.py).

A journey with an upload (a draft file) and downloads (the PDF and the draft file) goes through
nginx; sessions are kept on their process by the ``bpa_route`` cookie. Then one replica dies:
the sessions on the other one go on unharmed, and the page of a session that lived on the dead
one reconnects to the survivor and gets its answers back from the tab's copy (issue 12): the
notice, the step it was on, its language and its answers.
nginx runs unprivileged with its pid and temp paths in a temp directory, removed afterwards; no
upload or download ever reaches its temp files.

The site is served under a host name (``SITE_NAME``, which Chromium resolves to 127.0.0.1), as a
deployment is: every process allows it (``--host-name``: ``STREAMLIT_SERVER_ALLOWED_HOSTS``), nginx
passes the Host header on, and the websocket's Origin is that same site.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bpa_ui import steps
from deploy.replicas import Replicas, start
from tests.browser.conftest import SITE_NAME
from tests.browser.journey import Journey, said
from tests.browser.test_tab_copy import RESTORED, sidebar_link, wait_for_copy
from tests.support import PERSONA_DRAFTS, persona_draft

PERSONAS = ["kari", "aanga", "emil", "kari", "aanga", "emil"] * 3
LANGS = ["nn", "en", "nb"]  # each tab its own interface language, to see it come back


@pytest.fixture(scope="module")
def replicas(chromium: str) -> Iterator[Replicas]:
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        message = (
            "LOAD-BALANCER TEST NOT RUN: no nginx found. Install it with "
            "`sudo apt-get install nginx` (Debian/Ubuntu) and run `make test` again."
        )
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set: a missing nginx is a failure)")
        print("\n" + "!" * 100 + "\n" + message + "\n" + "!" * 100, file=sys.stderr)
        pytest.skip(message)
    running = start(2, host_name=SITE_NAME)
    try:
        yield running
    finally:
        tmp = running.tmp
        running.stop()
        assert not tmp.exists()


def _files_under(path: Path) -> list[str]:
    return [str(Path(d) / f) for d, _, files in os.walk(path) for f in files]


def _save_link(journey: Journey) -> str:
    link = journey.page.get_by_role("link", name=journey.t("Save my answers (file)")).first
    path = link.get_attribute("href")
    assert path
    return path


def _replica_of(journey: Journey, running: Replicas) -> int:
    """Which process holds this tab's session: only that one knows its download link."""
    path = _save_link(journey)
    found = []
    for i in range(len(running.replicas)):
        request = urllib.request.Request(
            running.replica_url(i) + path, headers={"Cookie": journey.browser_key()}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status == 200:
                    found.append(i)
        except OSError:  # 404 (not its session), or the replica is gone
            pass
    assert len(found) == 1, found
    return found[0]


def _route(journey: Journey) -> str:
    return next(c["value"] for c in journey.page.context.cookies() if c["name"] == "bpa_route")


def _download(journey: Journey, name: str) -> bytes:
    with journey.page.expect_download() as info:
        journey.page.get_by_role("link", name=name).first.click()
    with open(info.value.path(), "rb") as f:
        return f.read()


def _status(url: str, host: str) -> int:
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_the_site_answers_under_its_host_name_and_no_other(replicas: Replicas) -> None:
    """Through nginx: the site's name (with its port, as a browser sends it) and the machine's
    own names (health checks) get in; any other name gets 400 (DNS rebinding)."""
    port = replicas.url.rsplit(":", 1)[1]
    assert replicas.site_url == f"http://{SITE_NAME}:{port}"
    for host in (f"{SITE_NAME}:{port}", SITE_NAME, f"127.0.0.1:{port}", f"localhost:{port}"):
        assert _status(replicas.url + "/", host) == 200, host
        assert _status(replicas.url + "/_stcore/health", host) == 200, host
    for host in ("evil.example", f"evil.example:{port}", f"x.{SITE_NAME}"):
        assert _status(replicas.url + "/", host) == 400, host


def test_a_journey_through_nginx_and_a_replica_that_dies(replicas: Replicas, browser: Any) -> None:
    tabs: list[tuple[Any, Journey, int, str]] = []
    seen: set[int] = set()
    try:
        # People arrive until each replica holds at least one session (each lands at random).
        for i, persona in enumerate(PERSONAS):
            context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(30_000)
            journey = Journey(page, replicas.site_url, LANGS[i % len(LANGS)])
            journey.open()
            journey.restore(PERSONA_DRAFTS / f"{persona}.json")  # an upload, through nginx
            wait_for_copy(page, persona_draft(persona).person.name)  # the tab keeps a copy
            where = _replica_of(journey, replicas)
            assert _route(journey) == replicas.replicas[where].route
            tabs.append((context, journey, where, persona))
            seen.add(where)
            if seen == {0, 1} and len(tabs) >= 2:
                break
        assert seen == {0, 1}, "every session landed on one replica"

        # The first person's journey goes on through nginx: the result, then the downloads.
        _, first, first_where, first_persona = tabs[0]
        first.next(steps.CHECK)
        first.go_to("download")
        data, _ = first.download_pdf()
        assert data.startswith(b"%PDF")
        saved = json.loads(_download(first, first.t("Save my answers (file)")))
        assert saved["person"]["name"] == persona_draft(first_persona).person.name
        # The app's security headers come through nginx unchanged.
        with urllib.request.urlopen(replicas.url + "/", timeout=10) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"
        assert headers.get("server") == "nginx"  # no version

        # One replica dies: the one that does not hold the first session.
        dead = 1 - first_where
        replicas.kill(dead)
        survivors = [t for t in tabs if t[2] != dead]
        victims = [t for t in tabs if t[2] == dead]
        assert survivors and victims
        old_links = {id(j): _save_link(j) for _, j, _, _ in victims}

        for _, journey, _, persona in survivors:  # unharmed: answers, steps, downloads
            want = persona_draft(persona)
            page = journey.page
            step = "download" if journey is first else steps.CHECK
            back = journey.back(step)
            journey.next(back)
            saved = json.loads(_download(journey, journey.t("Save my answers (file)")))
            assert saved["person"]["name"] == want.person.name
            assert page.get_by_text(want.person.name).count() >= (0 if journey is first else 1)

        survivor = replicas.replicas[first_where].route
        for _, journey, _, persona in victims:  # a new session on the survivor, answers back
            want = persona_draft(persona)
            page = journey.page
            # The page connects again (to the survivor), reloads itself and the new session
            # reads the tab's copy: the notice says so, on the step the user was on.
            page.get_by_text(journey.t(RESTORED), exact=True).wait_for(timeout=90_000)
            journey.wait_for_step(steps.CHECK)
            assert _route(journey) == survivor
            assert _save_link(journey) != old_links[id(journey)]  # a new session
            assert _replica_of(journey, replicas) == first_where
            # In its own language (the page's words, <html lang>, the address).
            assert page.evaluate("document.documentElement.lang") == journey.lang
            assert f"lang={journey.lang}" in page.url
            # Its answers: on "check your answers", and in the fields of the steps.
            main = page.get_by_role("main")
            assert main.get_by_text(want.person.name).count() >= 1
            assert main.get_by_text(want.person.municipality).count() >= 1
            sidebar_link(journey, "person")
            field = page.get_by_label
            assert field(journey.t("Full name"), exact=True).input_value() == want.person.name
            municipality = said(
                want,
                you="Municipality (kommune) where you live",
                other="Municipality (kommune) where the person lives",
                parent="Municipality (kommune) where your child lives",
            )
            assert field(journey.t(municipality), exact=True).input_value() == (
                want.person.municipality
            )
            journey.next("person")
            describe = journey.t("Describe the illness, injury or disability in your own words")
            assert field(describe, exact=True).input_value() == want.need.description
    finally:
        for context, *_ in tabs:
            context.close()
    # Nothing went through nginx's temp files: only its configuration and pid are there.
    assert sorted(_files_under(replicas.tmp)) == [
        str(replicas.tmp / "nginx.conf"),
        str(replicas.tmp / "nginx.pid"),
    ]
