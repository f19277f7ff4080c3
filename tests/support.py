"""Shared test helpers: paths, persona drafts, the LIX formula from ../shared/tools."""

from __future__ import annotations

import contextlib
import importlib.util
import io
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from bpa_core.draft import Draft

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PERSONA_DRAFTS = ROOT / "tests" / "personas"
PERSONA_NAMES = sorted(p.stem for p in PERSONA_DRAFTS.glob("*.json"))


def persona_draft(name: str) -> Draft:
    return Draft.model_validate_json((PERSONA_DRAFTS / f"{name}.json").read_text(encoding="utf-8"))


def persona_expected(name: str) -> dict[str, Any]:
    """The persona's own description (shared/personas/NAME.yaml), with its expected result."""
    data: dict[str, Any] = yaml.safe_load((SHARED / "personas" / f"{name}.yaml").read_text("utf-8"))
    return data


def as_fraction(value: Any) -> Fraction:
    """Minutes written in a case file: 1920, 1919.5 or "24936/13"."""
    return Fraction(str(value))


def load_lix() -> ModuleType:
    """../shared/tools/lix.py, the project's readability measure."""
    spec = importlib.util.spec_from_file_location("lix", SHARED / "tools" / "lix.py")
    assert spec and spec.loader, "shared/tools/lix.py not found beside the project"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def download_links(node: Any) -> list[str]:
    """The labels of the download links an AppTest page (or its sidebar) draws
    (bpa_ui.downloads: ``<a class="bpa-download" ... download=...>`` in an html element)."""
    import html
    import re

    link = re.compile(r'<a class="bpa-download[^"]*"[^>]*>.*?<span>(.*?)</span>')
    return [
        html.unescape(match.group(1))
        for element in node.get("html")
        for match in link.finditer(element.proto.body)
    ]


def html_text(node: Any) -> list[str]:
    """The text of each html element of an AppTest page, as a reader gets it: tags gone,
    entities unescaped, a line break between blocks (headings, paragraphs, list items, cells)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        BLOCKS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "li", "dt", "dd", "tr", "caption"))

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in ("style", "script"):
                self.skip += 1
            elif tag in self.BLOCKS:
                self.parts.append("\n")
            elif tag in ("td", "th"):
                self.parts.append(" | ")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("style", "script"):
                self.skip -= 1
            elif tag in self.BLOCKS:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    texts = []
    for element in node.get("html"):
        parser = Text()
        parser.feed(element.proto.body)
        text = "".join(parser.parts).strip("\n")
        if text.strip():
            texts.append(text)
    return texts


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str) -> CliResult:
    """``python -m bpa_core ARGS`` in this process, through ``main(argv)`` (a subprocess per call
    costs a Python start; one test still runs the real ``python -m bpa_core``: test_pdf)."""
    from bpa_core.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return CliResult(code, out.getvalue(), err.getvalue())


def appeal_ready_draft(name: str, lang: str) -> Draft:
    """A persona (or an empty draft for "empty") with a decision to appeal: every page and every
    document has something to show (used by the language-leak and pseudo-locale tests)."""
    from datetime import date

    from bpa_core.draft import DecisionKind

    draft = Draft() if name == "empty" else persona_draft(name)
    draft.document_language = lang
    draft.appeal.decision_received = date(2026, 11, 10)
    draft.appeal.decision_date = date(2026, 11, 6)
    draft.appeal.decision_kind = DecisionKind.FEWER_HOURS
    draft.appeal.hours_applied = 40  # type: ignore[assignment]
    draft.appeal.hours_granted = 20  # type: ignore[assignment]
    return draft


def catalog_entries(path: Path) -> list[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """(msgids, msgstrs, fuzzy) of every message of a .po or .pot file (header aside)."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        catalog = read_po(fh)
    out = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        out.append((tuple(ids), tuple(strings), bool(message.fuzzy)))
    return out
