"""A nynorsk or English user never meets a bokmål sentence.

Every page (questions, documents, appeal) is rendered with a full persona draft in nn and en,
interface and documents in the same language. All text the page shows (titles, Markdown, HTML,
labels, help, options, captions, messages) is collected from the element protos. No bokmål
msgstr that differs from the msgstr of the same msgid in the page's language may appear in it.
The user's own answers (typed in Norwegian) are removed first.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

import pytest
from babel.messages.pofile import read_po
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from bpa_core import deadlines
from bpa_core.draft import Draft
from bpa_ui import steps
from tests.support import PERSONA_NAMES, ROOT, appeal_ready_draft, persona_draft

# Placeholders, line breaks and sentence ends cut a msgstr into the pieces that are looked for.
PIECES = re.compile(r"\{[^}]*\}|%\(\w+\)[sd]|%[sd]|\n+|(?<=[.!?])\s+|\*\*")
# Fragments shorter than this are single words (Ja, Nei, BPA, NAV) that the languages share.
MIN_FRAGMENT = 14
# Names of Norwegian institutions and legal terms that stay in Norwegian in every language.
KEPT_IN_NORWEGIAN = (
    "brukerstyrt personlig assistanse",
    "Pasient- og brukerombudet",
    "Statsforvalteren",
    "pasient- og brukerrettighetsloven",
    "helse- og omsorgstjenesteloven",
    "forvaltningsloven",
)


@cache
def _bokmal_fragments(lang: str) -> tuple[str, ...]:
    """Pieces of bokmål msgstrs (between placeholders) that the language does not share."""
    fragments: set[str] = set()
    theirs: set[str] = set()
    pairs = []
    for domain in ("messages", "documents"):
        catalogs = {}
        for code in ("nb", lang):
            path = ROOT / "locales" / code / "LC_MESSAGES" / f"{domain}.po"
            with path.open("rb") as fh:
                catalogs[code] = read_po(fh, locale=code)
        for message in catalogs["nb"]:
            if not message.id:
                continue
            other = catalogs[lang].get(message.id, context=message.context)
            nb = message.string if isinstance(message.string, tuple) else (message.string,)
            target = other.string if other and isinstance(other.string, tuple) else (other.string,)
            pairs.append((nb, target))
            theirs.update(str(t) for t in target)
    for nb_strings, target in pairs:
        for nb_string in nb_strings:
            if nb_string in target:
                continue
            for piece in PIECES.split(str(nb_string)):
                piece = piece.strip(" .,:;–-*\n\"'«»()")
                if len(piece) < MIN_FRAGMENT or any(piece in t for t in theirs):
                    continue
                if any(kept in piece for kept in KEPT_IN_NORWEGIAN) and len(piece) < 60:
                    continue
                fragments.add(piece)
    return tuple(sorted(fragments))


def _strings(message: Message) -> list[str]:
    out: list[str] = []
    for _field, value in message.ListFields():
        repeated = not isinstance(value, (str, bytes, Message)) and hasattr(value, "__iter__")
        values = list(value) if repeated else [value]
        for v in values:
            if isinstance(v, str):
                out.append(v)
            elif isinstance(v, Message):
                out.extend(_strings(v))
    return out


def _shown(at: AppTest) -> str:
    """Every string in every element of the page (main area and sidebar)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            found.extend(_strings(proto))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return "\n".join(found)


def _user_texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if len(value) > 3 else []
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _user_texts(k) + _user_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _user_texts(v)]
    return []


def _without_user_text(shown: str, draft: Draft) -> str:
    for typed in sorted(_user_texts(draft.model_dump(mode="json")), key=len, reverse=True):
        for part in [typed, *typed.splitlines()]:
            if len(part) > 3:
                shown = shown.replace(part, " ")
    return shown


def _full_draft(name: str, lang: str) -> Draft:
    return appeal_ready_draft(name, lang)


PAGES = [s for s in steps.ALL_STEPS if s.exists]
LANGS = ("nb", "nn", "en")


@pytest.mark.parametrize("name", [*PERSONA_NAMES, "empty"])
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_no_bokmal_sentence_on_any_page(
    lang: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deadlines, "today_in_norway", lambda: date(2026, 11, 22))
    draft = _full_draft(name, lang)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.session_state["draft"] = draft
    at.session_state["assess_on"] = date(2026, 11, 22)
    at.run()
    fragments = _bokmal_fragments(lang)
    leaks: dict[str, list[str]] = {}
    for step in PAGES:
        at.switch_page(step.file).run()
        assert not at.exception, (step.id, [e.value for e in at.exception])
        shown = _without_user_text(_shown(at), draft)
        found = [f for f in fragments if f in shown]
        if found:
            leaks[step.id] = found
    assert leaks == {}


def test_the_leak_check_finds_bokmal_on_a_bokmal_page() -> None:
    """The check itself can fail: the same pages in bokmål are full of the fragments."""
    draft = _full_draft("kari", "nb")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "nb"
    at.session_state["draft"] = draft
    at.run()
    for step in ("pages/start.py", "pages/application.py", "pages/appeal.py"):
        at.switch_page(step).run()
        shown = _without_user_text(_shown(at), draft)
        assert sum(f in shown for f in _bokmal_fragments("nn")) >= 5, step
        assert sum(f in shown for f in _bokmal_fragments("en")) >= 5, step
    assert all("ikkje" not in f for f in _bokmal_fragments("nn"))


def test_the_documents_for_one_persona_in_all_three_languages() -> None:
    """Application and checklist in nb, nn and en: same sections, each in its own language,
    dates and hours in the language's own form, and a PDF for each."""
    from bpa_core.documents.build import build_documents
    from bpa_core.render.pdf import render_pdf

    draft = persona_draft("kari")
    built = {lang: build_documents(draft, "all", lang, on=date(2026, 11, 22)) for lang in LANGS}
    titles = {lang: [d.title for d in docs] for lang, docs in built.items()}
    assert titles["nb"][0] == "Søknad om brukerstyrt personlig assistanse (BPA)"
    assert titles["nn"][0] == "Søknad om brukarstyrt personleg assistanse (BPA)"
    assert titles["en"][0].startswith("Application for user-controlled personal assistance")
    for lang, docs in built.items():
        assert [d.lang for d in docs] == [lang, lang]
        assert [[s.id for s in d.sections] for d in docs] == [
            [s.id for s in d.sections] for d in built["nb"]
        ]
        assert render_pdf(docs).startswith(b"%PDF")
    born = {"nb": "14. mars 1992", "nn": "14. mars 1992", "en": "14 March 1992"}
    hours = {"nb": "34,5 timer i uka", "nn": "34,5 timar i veka", "en": "34.5 hours a week"}
    for lang, docs in built.items():
        text = docs[0].plain_text()
        assert born[lang] in text and hours[lang] in text, lang
        if lang != "nb":
            typed = _user_texts(draft.model_dump(mode="json"))
            for part in sorted(typed, key=len, reverse=True):
                text = text.replace(part, " ")
            leaks = [f for f in _bokmal_fragments(lang) if f in text]
            assert leaks == [], lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_appeal_page_renders_in_every_language(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deadlines, "today_in_norway", lambda: date(2026, 11, 22))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.session_state["draft"] = _full_draft("ragnhild", "nb")
    at.run()
    at.switch_page("pages/appeal.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    word = {"nb": "Klag på et vedtak", "nn": "Klag på eit vedtak", "en": "Appeal a decision"}
    assert word[lang] in at.title[0].value


def test_one_document_language_across_the_document_and_appeal_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Interface in English; the document language chosen on one page holds on the others
    (application, checklist, download, appeal) and is never reset by a page's own widget."""
    monkeypatch.setattr(deadlines, "today_in_norway", lambda: date(2026, 11, 22))
    draft = _full_draft("kari", "nb")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state["draft"] = draft
    at.run()

    def shown() -> str:
        assert not at.exception, [e.value for e in at.exception]
        return _shown(at)

    at.switch_page("pages/appeal.py").run()
    assert "Jeg klager på vedtaket" in shown()
    at.switch_page("pages/application.py").run()
    at.selectbox[0].select("nn").run()
    assert draft.document_language == "nn"
    assert "Søknad om brukarstyrt personleg assistanse (BPA)" in shown()
    at.switch_page("pages/checklist.py").run()
    assert "Til legen: sjekkliste for legeerklæring om BPA" in shown()
    at.switch_page("pages/download.py").run()
    assert at.selectbox[0].value == "nn"
    at.switch_page("pages/appeal.py").run()
    assert draft.document_language == "nn"
    assert "Eg klagar på vedtaket" in shown()
    at.selectbox[0].select("en").run()
    assert draft.document_language == "en"
    at.switch_page("pages/checklist.py").run()
    assert "For the doctor: checklist for a statement about BPA" in shown()
    assert "Step 13 of 14" in at.title[0].value  # the interface stayed English


def test_switching_language_on_the_document_and_appeal_pages_keeps_every_choice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every label changes with the language; what was chosen or typed stays. (The sidebar's
    switch only sets the session's language, as done here: AppTest's switch_page runs the page
    without the entrypoint's sidebar.)"""
    monkeypatch.setattr(deadlines, "today_in_norway", lambda: date(2026, 11, 22))
    draft = _full_draft("kari", "nn")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "nb"
    at.session_state["draft"] = draft
    at.run()
    at.switch_page("pages/download.py").run()
    at.radio(key="download_choice").set_value("checklist").run()
    at.session_state["lang"] = "en"
    at.run()
    assert at.title[0].value.startswith("Step 14 of 14")
    assert at.radio(key="download_choice").value == "checklist"
    assert at.selectbox[0].value == "nn"
    at.switch_page("pages/appeal.py").run()
    at.text_area(key="w:appeal.what_is_wrong").input("Timane er for få.").run()
    at.session_state["lang"] = "nn"
    at.run()
    assert at.title[0].value == "Klag på eit vedtak"
    assert at.text_area(key="w:appeal.what_is_wrong").value == "Timane er for få."
    assert draft.appeal.what_is_wrong == "Timane er for få."
    assert draft.document_language == "nn"
