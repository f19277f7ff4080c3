"""Shared helpers for the document and PDF tests: personas, the shared folder, PDF text."""

from __future__ import annotations

import importlib.util
import io
import re
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from pypdf import PdfReader

from bpa_core.draft import Draft, load_draft

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
PERSONAS = sorted(p.stem for p in (REPO / "tests" / "personas").glob("*.json"))
ASSESSED_ON = date(2026, 11, 22)


def persona(name: str) -> Draft:
    return load_draft((REPO / "tests" / "personas" / f"{name}.json").read_bytes())


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SHARED / "personas" / f"{name}.yaml").read_text())
    return data


def lix_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lix", SHARED / "tools" / "lix.py")
    assert spec and spec.loader, "shared/tools/lix.py is missing"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_body_text(pdf: bytes, footer_left: str) -> str:
    """The pages' text without their footers (drawn last on each page, after the body)."""
    out = []
    for text in pdf_pages(pdf):
        cut = text.rfind(footer_left)
        out.append(text[:cut] if cut >= 0 else text)
    return "\n".join(out)


_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping and NBSP do not matter for a comparison."""
    return _SPACE.sub("", text)
