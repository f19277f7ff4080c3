"""Words, numbers and dates in the document language, and the voice of the text.

A ``Writer`` holds the document language's translators, the Babel locale and the person's name, and
picks first person ("I need ...") when the person writes themself, third person ("Kari needs
...") when someone writes on their behalf. Numbers and dates go through Babel in the document
locale (``bpa_core.languages``: nb_NO, nn_NO, en_GB); hours are shown to one decimal,
computed exactly before that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from bpa_core import languages
from bpa_core.deadlines import appeal_rules_for
from bpa_core.documents.model import Paragraph
from bpa_core.draft import ActivityRow, Category, Draft, FilledInBy, Per
from bpa_core.i18n import N_, gettext_for, ngettext_for
from bpa_core.rules.hours import display_hours
from bpa_core.rules.ruleset import RuleSet, ruleset_for

CATEGORY_NAMES: dict[Category, str] = {
    Category.PERSONAL_CARE: N_("Personal care"),
    Category.MEALS: N_("Meals"),
    Category.HOUSEHOLD: N_("Household tasks"),
    Category.MOBILITY: N_("Moving about and transport"),
    Category.TRAINING: N_("Training in daily tasks"),
    Category.PARTICIPATION: N_("Leisure and social life"),
    Category.RESPITE: N_("Respite for the parents"),
    Category.HEALTH: N_("Health tasks"),
    Category.WORK_OR_EDUCATION: N_("Help at work or school"),
}

# One occasion: English says "once a day", not "1 time a day"; Norwegian "1 gang om dagen".
_ONCE: dict[Per, str] = {
    Per.DAY: N_("once a day"),
    Per.WEEK: N_("once a week"),
    Per.MONTH: N_("once a month"),
    Per.YEAR: N_("once a year"),
}
_TWICE: dict[Per, str] = {
    Per.DAY: N_("twice a day"),
    Per.WEEK: N_("twice a week"),
    Per.MONTH: N_("twice a month"),
    Per.YEAR: N_("twice a year"),
}


# The writer's role when no relation is given (the appeal's letterhead, the application's byline).
ROLE_NAMES: dict[FilledInBy, str] = {
    FilledInBy.RELATIVE: N_("relative"),
    FilledInBy.GUARDIAN: N_("guardian"),
    FilledInBy.COUNSELLOR: N_("counsellor"),
}


def clean(text: str) -> str:
    """User text made safe to place in a document: control characters (except line breaks and
    tabs) removed, line ends unified, outer blank space trimmed. Nothing else is changed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


# Unicode's control characters (category Cc: U+0000–U+001F, U+007F–U+009F) but tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """User text placed inside a sentence or a letterhead line: all whitespace collapsed."""
    return " ".join(clean(text).split())


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """User text as paragraphs: blank lines separate them; single newlines stay in the text.
    The one rule for every document (``clean`` first)."""
    parts = (p.strip() for p in clean(text).split("\n\n"))
    return tuple(Paragraph(p) for p in parts if p)


def plural_count(value: Decimal, locale: str) -> int:
    """The whole number that makes gettext pick the plural form CLDR gives ``value``.

    gettext's plural formulas take whole numbers only; "1,5 timer" is CLDR's "other". The
    number returned is the first whole number of the same CLDR category in this locale, so
    a language with a dual (Northern Sámi: 1 one, 2 two, 3 other) gets "other" for 1.5, never
    the dual. A whole ``value`` is itself.
    """
    if value == value.to_integral_value():
        return int(value)
    return _first_whole_number(locale, Locale.parse(locale).plural_form(value))


@cache
def _first_whole_number(locale: str, category: str) -> int:
    """The first whole number of a CLDR plural category (static: locale data, no user data)."""
    plural = Locale.parse(locale).plural_form
    return next((n for n in range(1000) if plural(n) == category), 1000)


NBSP = "\u00a0"
# Unit words that follow a number in our texts: "67 år", "25 timer", "4 weeks", "30 min".
# Placeholders that stand for a number in our templates ("{hours} timer", "{age_limit} år").
_NUMBERS = "hours|n|minutes|right_hours|cost_hours|age_limit|child_age_limit|long_lasting_years"
_KEEP_TOGETHER: tuple[tuple[re.Pattern[str], str], ...] = (
    # "pbrl. § 2-1 d", "forvaltningsloven § 18": no break before the section sign,
    (re.compile(r" (?=§)"), NBSP),
    # nor after it,
    (re.compile(r"(§§?) (?=\d)"), rf"\1{NBSP}"),
    # nor before the letter of "§ 2-1 d",
    (re.compile(rf"(§{NBSP}\d+(?:-\d+)?) ([a-z])\b"), rf"\1{NBSP}\2"),
    # nor inside "§§ 24 og 25" / "§§ 24 and 25" (the little word of any language);
    (re.compile(rf"(§§{NBSP}\d+) ([^\W\d_]{{1,4}}) (?=\d)"), rf"\1{NBSP}\2{NBSP}"),
    # a number (or a placeholder for one) stays with the word after it, its unit in every
    # language ("67 år", "{hours} timer", "4 weeks"): no list of unit words per language.
    (re.compile(rf"(\d|\{{(?:{_NUMBERS})\}}) (?=[^\W\d_])"), rf"\1{NBSP}"),
)


def keep_together(template: str) -> str:
    """Our text with non-breaking spaces where a line break would split a legal reference
    ("pbrl. § 2-1 d", "§§ 24 og 25") or a number from its unit ("67 år", "{hours} timer").

    Applied to the translated templates before any value is put in (``document_gettext``), so
    the user's own text is never changed; dates get theirs from ``keep_date``.
    """
    for pattern, replacement in _KEEP_TOGETHER:
        template = pattern.sub(replacement, template)
    return template


def keep_date(text: str) -> str:
    """A date on one line: "10.\u00a0november\u00a02026", "10\u00a0November\u00a02026"."""
    return text.replace(" ", NBSP)


def document_gettext(lang: str) -> Callable[[str], str]:
    """The documents catalog's gettext for ``lang``, its texts kept together (``keep_together``)."""
    gettext = gettext_for(lang, "documents")
    return lambda message: keep_together(gettext(message))


def document_ngettext(lang: str) -> Callable[[str, str, int], str]:
    """As ``document_gettext``, for texts with a count."""
    ngettext = ngettext_for(lang, "documents")
    return lambda singular, plural, n: keep_together(ngettext(singular, plural, n))


def long_date(day: date, lang: str) -> str:
    """``24. desember 2026`` / ``24 December 2026`` in ``lang`` (the registry's Babel locale)."""
    return format_date(day, format="long", locale=languages.language(lang).babel_locale)


def full_date(day: date, lang: str) -> str:
    """With the weekday: ``mandag 28. desember 2026`` / ``Monday, 28 December 2026``."""
    return format_date(day, format="full", locale=languages.language(lang).babel_locale)


def law_numbers(rules: RuleSet) -> dict[str, int]:
    """The legal numbers our texts name, from the rule set in force: a text says
    "{right_hours} timer", never "32 timer", so a change of law is a change of data."""
    return {
        "right_hours": rules.right_minutes // 60,
        "cost_hours": rules.cost_exception_minutes // 60,
        "age_limit": rules.age_limit,
        "child_age_limit": rules.child_age_limit,
        "long_lasting_years": rules.long_lasting_years,
    }


def law_numbers_on(on: date) -> dict[str, int]:
    """Every legal number a text may name, in force on ``on``: the rule set's
    (``law_numbers``) and the appeal's time limits (``{appeal_weeks}``,
    ``{late_appeal_limit_years}``, from ``deadlines.appeal_rules_for``)."""
    appeal = appeal_rules_for(on)
    return {
        **law_numbers(ruleset_for(on)),
        "appeal_weeks": appeal.appeal_weeks,
        "late_appeal_limit_years": appeal.late_appeal_limit_years,
    }


@dataclass(frozen=True)
class Writer:
    """Texts of one document in one language, in the voice of whoever writes it.

    The one letter toolkit: the application, the checklist, the appeal and the request for access
    all write through it (voice, names, numbers, dates, plurals, the legal numbers in force).
    ``first_person``: the person writes ("I need"); else the writer speaks of the person by
    ``name`` ("Kari needs"). ``on_behalf``: someone writes for the person (relative, guardian,
    counsellor); letters written on behalf say "I" for the writer and name the person.
    """

    lang: str
    first_person: bool
    name: str
    gettext: Callable[[str], str]
    plural_gettext: Callable[[str, str, int], str]
    law: dict[str, int] = field(default_factory=dict)
    role: str = ""  # the writer's role word when someone writes on the person's behalf

    @classmethod
    def for_draft(cls, draft: Draft, lang: str, *, on: date, plain: bool = False) -> Writer:
        """The writer of ``draft``'s documents in ``lang``; legal numbers in force ``on``.
        ``plain``: texts without non-breaking spaces (text the user may edit, such as the
        appeal's grounds)."""
        gettext = gettext_for(lang, "documents") if plain else document_gettext(lang)
        ngettext = ngettext_for(lang, "documents") if plain else document_ngettext(lang)
        name = one_line(draft.person.name)
        if not name:
            name = gettext("the applicant") if draft.on_behalf else ""
        role = ROLE_NAMES.get(draft.filled_in_by) if draft.filled_in_by else None
        return cls(
            lang=lang,
            first_person=not draft.on_behalf,
            name=name,
            gettext=gettext,
            plural_gettext=ngettext,
            law=law_numbers(ruleset_for(on)),
            role=gettext(role) if role else "",
        )

    @property
    def locale(self) -> str:
        return languages.language(self.lang).babel_locale

    def _(self, message: str, **values: object) -> str:
        """The translated template with the values (and the legal numbers in force) put in."""
        return self.gettext(message).format(**self.law, **values)

    def ngettext(self, singular: str, plural: str, count: Decimal | int, **values: object) -> str:
        """As ``_`` for a text with a count: the form that fits ``count`` (a decimal too)."""
        n = plural_count(Decimal(count), self.locale)
        return self.plural_gettext(singular, plural, n).format(**self.law, **values)

    def voice(self, first: str, third: str, **values: object) -> str:
        """The first-person template when the person writes, else the third-person one."""
        if self.first_person:
            return self._(first, **values)
        return self._(third, name=self.name, **values)

    def number(self, value: Decimal | int) -> str:
        return format_decimal(value, format="#,##0.#", locale=self.locale)

    def hours(self, minutes: Fraction) -> str:
        """'25,2 timer', '1 time': computed hours, rounded down to one decimal for display."""
        value = display_hours(minutes)
        return self.ngettext("{hours} hour", "{hours} hours", value, hours=self.number(value))

    def typed_hours(self, hours: Decimal) -> str:
        """Hours as the user typed them, with their unit: '37,5 timer', '1 time' (up to two
        decimals, whole hours without)."""
        number = format_decimal(hours.normalize(), format="#,##0.##", locale=self.locale)
        return self.ngettext("{hours} hour", "{hours} hours", hours, hours=number)

    def month_year(self, day: date) -> str:
        """'mai 2026' / 'May 2026': a month without a day."""
        return keep_date(format_date(day, "LLLL y", locale=self.locale))

    def date(self, day: date) -> str:
        return keep_date(long_date(day, self.lang))

    def category(self, category: Category) -> str:
        return self.gettext(CATEGORY_NAMES[category])

    def how_often(self, row: ActivityRow) -> str:
        """'1 gang om dagen', 'once a day', 'twice a week', '3 ganger i uka', '4 times a year'."""
        n = row.times
        if n == 1:
            return self.gettext(_ONCE[row.per])
        if n == 2:  # English says "twice"; the catalogs give "2 ganger" where that is the word
            return self.gettext(_TWICE[row.per])
        if row.per == Per.DAY:
            return self.ngettext("{n} time a day", "{n} times a day", n, n=n)
        if row.per == Per.WEEK:
            return self.ngettext("{n} time a week", "{n} times a week", n, n=n)
        if row.per == Per.MONTH:
            return self.ngettext("{n} time a month", "{n} times a month", n, n=n)
        return self.ngettext("{n} time a year", "{n} times a year", n, n=n)

    def duration(self, minutes: int) -> str:
        """A time span in short form: '45 min', '1 t 30 min', '24 t'."""
        h, m = divmod(minutes, 60)
        if not h:
            text = self._("{minutes} min", minutes=m)
        elif not m:
            text = self._("{hours} h", hours=h)
        else:
            text = self._("{hours} h {minutes} min", hours=h, minutes=m)
        return text.replace(" ", NBSP)  # one piece in its table cell

    def hours_cell(self, minutes: Fraction) -> str:
        """Hours for a table column: always one decimal, so the column lines up."""
        return format_decimal(display_hours(minutes), format="#,##0.0", locale=self.locale)
