"""Words, numbers and dates in the document language, and the voice of the text.

A ``Writer`` holds the document language's translators, the Babel locale and the person's name, and
picks first person ("I need ...") when the person writes themself, third person ("Kari needs
...") when someone writes on their behalf. Numbers and dates go through Babel in the document
locale (nb_NO, nn_NO, en_GB); hours are shown to one decimal, computed exactly before that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from babel.dates import format_date
from babel.numbers import format_decimal

from bpa_core.draft import ActivityRow, Category, Draft, Per
from bpa_core.i18n import N_, gettext_for, ngettext_for
from bpa_core.rules.hours import display_hours

LOCALES: dict[str, str] = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}

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


NBSP = "\u00a0"
# Unit words that follow a number in our texts: "67 år", "25 timer", "4 weeks", "30 min".
_UNITS = (
    "timer|time|timar|hours|hour|t|h|min|minutter|minutt|minutes|minute|ganger|gang|gonger|gong"
    "|times|år|years|year|uker|uke|veker|veke|weeks|week|dager|dag|dagar|days|day"
    "|måneder|måned|månader|månad|months|month"
)
_KEEP_TOGETHER: tuple[tuple[re.Pattern[str], str], ...] = (
    # "pbrl. § 2-1 d", "forvaltningsloven § 18": no break before the section sign,
    (re.compile(r" (?=§)"), NBSP),
    # nor after it,
    (re.compile(r"(§§?) (?=\d)"), rf"\1{NBSP}"),
    # nor before the letter of "§ 2-1 d",
    (re.compile(rf"(§{NBSP}\d+(?:-\d+)?) ([a-z])\b"), rf"\1{NBSP}\2"),
    # nor inside "§§ 24 og 25" / "§§ 24 and 25";
    (re.compile(rf"(§§{NBSP}\d+) (og|and) (?=\d)"), rf"\1{NBSP}\2{NBSP}"),
    # a number (or a placeholder for one) stays with its unit: "67 år", "{hours} timer".
    (re.compile(rf"(\d|\{{(?:hours|n|minutes)\}}) (?=(?:{_UNITS})\b)"), rf"\1{NBSP}"),
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


@dataclass(frozen=True)
class Writer:
    """Texts of one document in one language, in the voice of whoever writes it."""

    lang: str
    first_person: bool
    name: str
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]

    @classmethod
    def for_draft(cls, draft: Draft, lang: str) -> Writer:
        gettext = document_gettext(lang)
        name = draft.person.name.strip()
        if not name:
            name = gettext("the applicant") if draft.on_behalf else ""
        return cls(
            lang=lang,
            first_person=not draft.on_behalf,
            name=name,
            gettext=gettext,
            ngettext=document_ngettext(lang),
        )

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

    def _(self, message: str, **values: object) -> str:
        text = self.gettext(message)
        return text.format(**values) if values else text

    def voice(self, first: str, third: str, **values: object) -> str:
        """The first-person template when the person writes, else the third-person one."""
        if self.first_person:
            return self._(first, **values)
        return self._(third, name=self.name, **values)

    def number(self, value: Decimal | int) -> str:
        return format_decimal(value, format="#,##0.#", locale=self.locale)

    def hours(self, minutes: Fraction) -> str:
        """'25,2 timer', '1 time' — a whole hour count takes its own plural form."""
        value = display_hours(minutes)
        count = int(value) if value == value.to_integral_value() else 2
        text = self.ngettext("{hours} hour", "{hours} hours", count)
        return text.format(hours=self.number(value))

    def month_year(self, day: date) -> str:
        """'mai 2026' / 'May 2026': a month without a day."""
        return keep_date(format_date(day, "LLLL y", locale=self.locale))

    def date(self, day: date) -> str:
        return keep_date(format_date(day, "long", locale=self.locale))

    def category(self, category: Category) -> str:
        return self.gettext(CATEGORY_NAMES[category])

    def how_often(self, row: ActivityRow) -> str:
        """'1 gang om dagen', 'once a day', '3 ganger i uka', '4 times a year'."""
        n = row.times
        if n == 1:
            return self.gettext(_ONCE[row.per])
        if row.per == Per.DAY:
            return self.ngettext("{n} time a day", "{n} times a day", n).format(n=n)
        if row.per == Per.WEEK:
            return self.ngettext("{n} time a week", "{n} times a week", n).format(n=n)
        if row.per == Per.MONTH:
            return self.ngettext("{n} time a month", "{n} times a month", n).format(n=n)
        return self.ngettext("{n} time a year", "{n} times a year", n).format(n=n)

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
