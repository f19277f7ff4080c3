"""Every catalog complete and current: no empty or fuzzy entries, placeholders consistent,
nothing missing compared with a fresh extraction from the code, nothing obsolete.

(``pybabel update --check`` misreports catalogs with msgctxt, so the check lives here.)
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bpa_core.i18n import DOMAINS, LANGUAGES, gettext_for
from tests.support import ROOT, load_lix

SOURCES = {
    "messages": [ROOT / "app.py", ROOT / "pages", ROOT / "bpa_ui"],
    "documents": [ROOT / "bpa_core"],
}


def _catalog(lang: str, domain: str) -> Catalog:
    with (ROOT / "locales" / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _extracted(domain: str) -> set[tuple[str, str | None]]:
    found: set[tuple[str, str | None]] = set()
    for source in SOURCES[domain]:
        if source.is_file():
            from babel.messages.extract import extract_from_file

            items = [
                (lineno, msg, comments, ctx)
                for lineno, msg, comments, ctx in extract_from_file("python", str(source))
            ]
        else:
            items = [
                (lineno, msg, comments, ctx)
                for _f, lineno, msg, comments, ctx in extract_from_dir(
                    str(source), method_map=[("**.py", "python")]
                )
            ]
        for _lineno, message, _comments, context in items:
            msgid = message[0] if isinstance(message, tuple) else message
            found.add((msgid, context))
    return found


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_is_complete(lang: str, domain: str) -> None:
    catalog = _catalog(lang, domain)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    for message, errors in catalog.check():
        problems.extend(f"{message.id!r}: {e}" for e in errors)
    assert problems == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_matches_the_code(lang: str, domain: str) -> None:
    catalog = {
        (m.id if isinstance(m.id, str) else m.id[0], m.context)
        for m in _catalog(lang, domain)
        if m.id
    }
    extracted = _extracted(domain)
    assert sorted(extracted - catalog, key=str) == [], "run `make i18n` and translate"
    assert sorted(catalog - extracted, key=str) == [], "obsolete entries: run `make i18n`"


def test_translations_are_per_call_not_process_wide() -> None:
    message = "Apply for BPA"
    assert gettext_for("nb")(message) == "Søk om BPA"
    assert gettext_for("en")(message) == "Apply for BPA"
    assert gettext_for("nb")(message) == "Søk om BPA"


def test_compiled_catalogs_exist_for_every_language() -> None:
    for lang in LANGUAGES:
        for domain in DOMAINS:
            po = ROOT / "locales" / lang / "LC_MESSAGES" / f"{domain}.po"
            mo = po.with_suffix(".mo")
            assert mo.exists(), f"{mo} missing: run `make compile`"
            assert mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} older than {po}"


def test_bokmal_interface_is_plain_language() -> None:
    """The bokmål interface strings as ../shared/tools/lix.py --po measures them: LIX ≤ 35."""
    lix = load_lix()
    score, words, _sentences, _long = lix.lix(
        lix.po_strings(ROOT / "locales" / "nb" / "LC_MESSAGES" / "messages.po")
    )
    assert words > 2000
    assert score <= 35, f"LIX {score:.1f}"


def test_the_language_registry_is_the_one_place_for_languages() -> None:
    """Every table of languages reads bpa_core.languages: the draft's enum, the catalogs, the
    Babel locales and the PDF tags."""
    from bpa_core import languages
    from bpa_core.draft import Draft

    schema = Draft.model_json_schema(mode="validation")["properties"]
    for field in ("document_language", "interface_language"):
        assert schema[field]["anyOf"][0]["enum"] == list(languages.codes())
    assert languages.codes() == LANGUAGES
    for lang in languages.REGISTRY:
        for domain in DOMAINS:
            assert (ROOT / "locales" / lang.code / "LC_MESSAGES" / f"{domain}.po").exists()
        assert lang.tag.split("-")[0] == lang.code
    assert languages.normalize("no-NO") == "nb" and languages.normalize("de") is None
    # The Makefile compiles one folder per language: none without a registry entry.
    folders = {p.name for p in (ROOT / "locales").iterdir() if p.is_dir()}
    assert folders == set(languages.codes())
