"""The one language registry: every language the tool speaks, and all it must know about each.

Adding a language is one entry here plus its catalogs (``locales/<code>/LC_MESSAGES/*.po``):
Babel's locale gives dates, numbers and the plural rules (CLDR, through
``documents.text.plural_count``), the tag goes into ``<html lang>`` and the PDF, and the name is
shown in the language choosers. Everything else reads this table, when it needs it (nothing
copies it at import: a test may add an entry for one test and every part of the tool offers it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the catalog's directory and the draft file's value: "nb"
    babel_locale: str  # dates, numbers and plural rules: "nb_NO"
    tag: str  # BCP 47, for <html lang> and the PDF's /Lang: "nb-NO"
    name: str  # the language's own name, as the interface's chooser shows it: "Bokmål"
    aliases: tuple[str, ...] = ()  # other primary tags that mean it ("no" is bokmål)
    right_to_left: bool = False
    # The longer name the documents' chooser shows ("Norsk bokmål"); the name if the same.
    document_name: str = ""

    @property
    def documents_name(self) -> str:
        """The name in the chooser of the documents' language."""
        return self.document_name or self.name


REGISTRY: tuple[Language, ...] = (
    Language("nb", "nb_NO", "nb-NO", "Bokmål", aliases=("no",), document_name="Norsk bokmål"),
    Language("nn", "nn_NO", "nn-NO", "Nynorsk", document_name="Norsk nynorsk"),
    Language("en", "en_GB", "en-GB", "English"),
)
DEFAULT_LANGUAGE = "nb"


def codes() -> tuple[str, ...]:
    """The languages' codes in the order the choosers show them."""
    return tuple(lang.code for lang in REGISTRY)


def language(code: str) -> Language:
    """The registry's entry for ``code``; the default language for a code it does not know."""
    by_code = {lang.code: lang for lang in REGISTRY}
    return by_code.get(code) or by_code[DEFAULT_LANGUAGE]


def normalize(tag: str | None) -> str | None:
    """A language tag (``nb``, ``no-NO``, ``nn_NO``, ``en-GB``) as one of the codes, or None."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-")[0].strip().lower()
    for lang in REGISTRY:
        if primary == lang.code or primary in lang.aliases:
            return lang.code
    return None
