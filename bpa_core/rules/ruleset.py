"""The BPA rules as dated data: thresholds and legal sources.

A change of law is a new ``RuleSet`` with its ``valid_from``, not a code hunt. Source:
``shared/domain/bpa-rules.md`` (November 2026: no amendment to the right since 1 July 2020).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bpa_core.draft import Category


@dataclass(frozen=True)
class Source:
    """A legal source the engine cites: short citation, what it is, and where to read it."""

    id: str
    short: str
    title: str
    url: str


SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        Source(
            "pbrl_2_1_d",
            "pbrl. § 2-1 d",
            "Pasient- og brukerrettighetsloven § 2-1 d (rett til brukerstyrt personlig assistanse)",
            "https://lovdata.no/lov/1999-07-02-63/§2-1d",
        ),
        Source(
            "pbrl_2_1_a",
            "pbrl. § 2-1 a andre ledd",
            "Pasient- og brukerrettighetsloven § 2-1 a (rett til helse- og omsorgstjenester)",
            "https://lovdata.no/lov/1999-07-02-63/§2-1a",
        ),
        Source(
            "hol_3_2_6_b",
            "hol. § 3-2 første ledd nr. 6 bokstav b",
            "Helse- og omsorgstjenesteloven § 3-2 (personlig assistanse)",
            "https://lovdata.no/lov/2011-06-24-30/§3-2",
        ),
        Source(
            "hol_3_8",
            "hol. § 3-8",
            "Helse- og omsorgstjenesteloven § 3-8 (kommunens plikt til å tilby BPA)",
            "https://lovdata.no/lov/2011-06-24-30/§3-8",
        ),
        Source(
            "i_9_2015",
            "rundskriv I-9/2015",
            "Rundskriv I-9/2015 fra Helse- og omsorgsdepartementet om rettighetsfesting av BPA",
            "https://www.regjeringen.no/no/dokumenter/"
            "rundskriv-i-92015-rettighetsfesting-av-brukerstyrt-personlig-assistanse/id2468398/",
        ),
        Source(
            "pbrl_7_2",
            "pbrl. § 7-2",
            "Pasient- og brukerrettighetsloven § 7-2 (klage til Statsforvalteren)",
            "https://lovdata.no/lov/1999-07-02-63/§7-2",
        ),
        Source(
            "pbrl_7_5",
            "pbrl. § 7-5",
            "Pasient- og brukerrettighetsloven § 7-5 (klagefrist)",
            "https://lovdata.no/lov/1999-07-02-63/§7-5",
        ),
        Source(
            "dl_148_149",
            "domstolloven §§ 148 og 149",
            "Domstolloven §§ 148 og 149 (beregning av frister)",
            "https://lovdata.no/lov/1915-08-13-5/§148",
        ),
        Source(
            "fvl_11_a",
            "forvaltningsloven § 11 a",
            "Forvaltningsloven § 11 a (saksbehandling uten ugrunnet opphold)",
            "https://lovdata.no/lov/1967-02-10/§11a",
        ),
        Source(
            "fvl_18",
            "forvaltningsloven § 18",
            "Forvaltningsloven § 18 (partens rett til innsyn)",
            "https://lovdata.no/lov/1967-02-10/§18",
        ),
        Source(
            "fvl_24_25",
            "forvaltningsloven §§ 24 og 25",
            "Forvaltningsloven §§ 24 og 25 (begrunnelse for enkeltvedtak)",
            "https://lovdata.no/lov/1967-02-10/§25",
        ),
        Source(
            "fvl_31",
            "forvaltningsloven § 31",
            "Forvaltningsloven § 31 (klage etter fristen; aldri mer enn ett år etter vedtaket)",
            "https://lovdata.no/lov/1967-02-10/§31",
        ),
        Source(
            "egenandel",
            "FOR-2011-12-16-1349",
            "Forskrift om egenandel for kommunale helse- og omsorgstjenester",
            "https://lovdata.no/forskrift/2011-12-16-1349",
        ),
    )
}


@dataclass(frozen=True)
class RuleSet:
    """Thresholds of the BPA right from ``valid_from``. Minutes are per week."""

    valid_from: date
    right_minutes: int  # 32 hours: the right (pbrl. § 2-1 d)
    cost_exception_minutes: int  # 25 hours: the right unless substantially more costly
    age_limit: int  # under 67, unless BPA was granted under the right before 67
    continues_past_age_limit: bool  # since 1 July 2020
    child_age_limit: int  # respite counts for a child under 18 living at home
    # Flag "apply now" when 67 is this close. Advice, not law (bpa-rules.md "Age"): twelve
    # months since Dec 2026 for every assessment date, as mapping, decision, appeal and the
    # County Governor's review together often take longer than the six used before.
    age_near_limit_months: int
    counted_categories: frozenset[Category]
    respite_category: Category
    excluded_categories: frozenset[Category]  # never counted: health, work/education
    long_lasting_years: int = 2  # "langvarig": a need expected to last more than this


RULESETS: tuple[RuleSet, ...] = (
    RuleSet(
        valid_from=date(2020, 7, 1),
        right_minutes=32 * 60,
        cost_exception_minutes=25 * 60,
        age_limit=67,
        continues_past_age_limit=True,
        child_age_limit=18,
        age_near_limit_months=12,
        counted_categories=frozenset(
            {
                Category.PERSONAL_CARE,
                Category.MEALS,
                Category.HOUSEHOLD,
                Category.MOBILITY,
                Category.TRAINING,
                Category.PARTICIPATION,
            }
        ),
        respite_category=Category.RESPITE,
        excluded_categories=frozenset({Category.HEALTH, Category.WORK_OR_EDUCATION}),
    ),
)


class NoRuleSetError(ValueError):
    """The assessment date lies before the earliest rule set this tool knows."""


def ruleset_for(on: date) -> RuleSet:
    """The rule set in force on a date: the latest one whose valid_from is not after it."""
    in_force = [r for r in RULESETS if r.valid_from <= on]
    if not in_force:
        raise NoRuleSetError(f"no rule set before {RULESETS[0].valid_from.isoformat()}")
    return max(in_force, key=lambda r: r.valid_from)


def continues_past_age_limit_since(on: date) -> date | None:
    """The day from which the right has gone on past the age limit for whoever had BPA under it
    before (1 July 2020), as the rule sets in force on ``on`` record it; None if it does not."""
    since = None
    for rules in sorted((r for r in RULESETS if r.valid_from <= on), key=lambda r: r.valid_from):
        if not rules.continues_past_age_limit:
            since = None
        elif since is None:
            since = rules.valid_from
    return since
