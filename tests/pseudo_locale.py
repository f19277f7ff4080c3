"""A test-only pseudo-locale: every catalog string accented and about 30 % longer, inside markers.

Made from the .pot files into a temporary locales folder (never into the project's), compiled,
and registered in ``bpa_core.languages`` for one process only (``python -m tests.pseudo_locale``,
started by tests/test_pseudo_locale.py): if adding a language needed more than a registry entry
and its catalogs, a page or a document breaks, or shows a string without the markers.

Prints one line per problem; exits 1 if there is any.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from babel.dates import get_day_names, get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CODE = "qps"
BABEL_LOCALE = "en_GB"  # numbers, dates and plural rules: English's
START, END = "⟦", "⟧"
_ACCENTS = str.maketrans("aeiouyAEIOUYcnsz", "àéîöûýÀÉÎÖÛÝçñšž")
# Placeholders and legal references stay as they are.
_KEEP = re.compile(r"(\{[^{}]*\}|%\([a-z_]+\)[sd]|§+[^,.;:)]*)")
ROOT = Path(__file__).resolve().parent.parent
ON = date(2026, 11, 22)


def pseudo(text: str) -> str:
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    padding = "·" * max(1, len(text) * 3 // 10)
    return f"{START}{out}{padding}{END}"


def make_catalogs(target: Path, domains: tuple[str, ...] = ("messages", "documents")) -> None:
    """``target``/<CODE>/LC_MESSAGES/<domain>.mo from locales/<domain>.pot, and a copy of the
    real catalogs beside them."""
    source = ROOT / "locales"
    shutil.copytree(source, target, dirs_exist_ok=True)
    for domain in domains:
        with (source / f"{domain}.pot").open("rb") as fh:
            catalog = read_po(fh, locale=BABEL_LOCALE)
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                message.string = tuple(pseudo(i) for i in message.id)
            else:
                message.string = pseudo(message.id)
        out = target / CODE / "LC_MESSAGES"
        out.mkdir(parents=True, exist_ok=True)
        with (out / f"{domain}.mo").open("wb") as fh:
            write_mo(fh, catalog)


def register(locale_dir: Path) -> None:
    """The pseudo-locale in the registry and the catalogs' folder, for this process."""
    from bpa_core import i18n, languages

    entry = languages.Language(CODE, BABEL_LOCALE, "en-XA", "Pseudo", document_name="Pseudo")
    languages.REGISTRY = (*languages.REGISTRY, entry)
    i18n.LOCALE_DIR = locale_dir
    i18n.translations.cache_clear()


# What may stand outside the markers: the user's own text (removed first), numbers, dates,
# punctuation, and data that is no text of ours (legal citations, URLs, the institutions'
# names from the user's answers).
_MARKED = re.compile(rf"{START}[^{START}{END}]*{END}")  # innermost first: texts nest
_CITATION = re.compile(
    r"(?:pbrl\.|hol\.|forvaltningsloven|domstolloven|rundskriv|FOR-)[^,;()\n]*|https?://\S+|"
    r"\[[^\]]*\]\([^)]*\)"
)


def _calendar_words() -> re.Pattern[str]:
    words = [
        *get_month_names("wide", locale=BABEL_LOCALE).values(),
        *get_day_names("wide", locale=BABEL_LOCALE).values(),
    ]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


_CALENDAR = _calendar_words()


def user_texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in user_texts(k) + user_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in user_texts(v)]
    return []


def language_names() -> list[str]:
    """Each language by its own name (the choosers show them untranslated, by design)."""
    from bpa_core import languages

    return [n for lang in languages.REGISTRY for n in (lang.documents_name, lang.name)]


def unmarked(text: str, typed: list[str]) -> list[str]:
    """The words of ``text`` outside the markers that are no user text, language name, number
    or date."""
    typed = [*typed, *language_names()]
    while _MARKED.search(text):
        text = _MARKED.sub(" ", text)
    for part in sorted({p for t in typed for p in [t, *t.splitlines()] if p.strip()}, key=len)[
        ::-1
    ]:
        text = text.replace(part, " ")
    text = _CALENDAR.sub(" ", _CITATION.sub(" ", text))
    return re.findall(r"[^\W\d_]{2,}", text)


def drafts() -> Iterator[tuple[str, object]]:
    from tests.support import PERSONA_NAMES, appeal_ready_draft

    for name in [*PERSONA_NAMES, "empty"]:
        draft = appeal_ready_draft(name, CODE)
        draft.appeal.access_request = True
        yield name, draft


def check_documents() -> list[str]:
    from bpa_core.documents.appeal import access_request, appeal_letter
    from bpa_core.documents.build import build_documents
    from bpa_core.draft import Draft
    from bpa_core.render.pdf import render_pdf

    problems = []
    for name, draft in drafts():
        assert isinstance(draft, Draft)
        typed = user_texts(draft.model_dump(mode="json"))
        try:
            docs = [
                *build_documents(draft, "all", CODE, on=ON),
                appeal_letter(draft, ON, lang=CODE),
                access_request(draft, ON, lang=CODE),
            ]
            render_pdf(docs)
        except Exception as exc:  # every failure is reported
            problems.append(f"{name}: documents: {type(exc).__name__}: {exc}")
            continue
        for doc in docs:
            words = unmarked(doc.plain_text(), typed)
            if words:
                problems.append(f"{name}: {doc.kind}: unmarked {sorted(set(words))}")
    return problems


WIDGETS = (
    "button",
    "checkbox",
    "radio",
    "selectbox",
    "multiselect",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "toggle",
)


def shown(at: object) -> str:
    """The text a user meets on an AppTest page: headings, Markdown, captions, messages, the
    text of html elements, and every widget's label, help, options and placeholder."""
    from tests.app.driver import all_text

    parts = [all_text(at)]  # type: ignore[arg-type]
    for kind in WIDGETS:
        for w in getattr(at, kind):
            proto = w.proto
            for name in ("label", "help", "placeholder"):
                parts.append(str(getattr(proto, name, "") or ""))
            parts += [str(o) for o in getattr(w, "options", []) or []]
    return "\n".join(parts)


def check_pages() -> list[str]:
    from streamlit.testing.v1 import AppTest

    from bpa_core import deadlines
    from bpa_core.draft import Draft
    from bpa_ui import steps

    deadlines.today_in_norway = lambda: ON  # the appeal's deadlines count from this day
    problems = []
    pages = [s for s in steps.ALL_STEPS if s.exists]
    seen: set[str] = set()
    for name, draft in drafts():
        assert isinstance(draft, Draft)
        typed = user_texts(draft.model_dump(mode="json"))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["lang"] = CODE
        at.session_state["draft"] = draft
        at.session_state["assess_on"] = ON
        at.run()
        for step in pages:
            try:
                at.switch_page(step.file).run()
            except Exception as exc:  # every failure is reported
                problems.append(f"{name}: {step.id}: {type(exc).__name__}: {exc}")
                continue
            if at.exception:
                problems.append(f"{name}: {step.id}: {[e.value for e in at.exception]}")
                continue
            words = unmarked(shown(at), typed)
            seen.add(step.id)
            if words:
                problems.append(f"{name}: {step.id}: unmarked {sorted(set(words))}")
    if seen != {s.id for s in pages}:
        problems.append(f"pages not checked: {sorted({s.id for s in pages} - seen)}")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        locale_dir = Path(tmp) / "locales"
        make_catalogs(locale_dir)
        register(locale_dir)
        problems = check_documents() + check_pages()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
