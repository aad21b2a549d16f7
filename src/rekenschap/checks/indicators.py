"""Indicator checks (beleidsindicatoren): catalogue link, unit, source, age, n.n.b., trend."""

from __future__ import annotations

import re

from rekenschap.checks import catalogue_view
from rekenschap.checks.amounts import num
from rekenschap.checks.base import Code, cbs_code_of, indicators_with_paths, where
from rekenschap.checks.claims import movement
from rekenschap.checks.config import CheckConfig
from rekenschap.checks.unit_compare import differences
from rekenschap.model import (
    DesiredDirection,
    Direction,
    ObservationQualifier,
    Problem,
    Report,
    Severity,
)
from rekenschap.model.numbers import parse_number

_REGELING = "Regeling beleidsindicatoren gemeenten (BWBR0037783); BBV catalogue"

CATALOGUE = Code(
    "IND-CATALOGUE",
    Severity.WARNING,
    "Indicator does not match the BBV catalogue entry it names",
    "An indicator linked to a catalogue id must exist in the catalogue and its name must match "
    "that "
    "entry (or one of its known variants); an unknown id or a name matching another indicator "
    "means "
    "the link is wrong and comparisons with other municipalities will be too.",
    _REGELING,
)
UNIT = Code(
    "IND-UNIT",
    Severity.WARNING,
    "Unit or population base differs from the BBV definition",
    "The mandatory indicators have a defined unit and population base per year (e.g. Verwijzingen "
    "Halt per 1.000 jongeren 12-17 jaar, not per 1.000 inwoners). A value in another unit cannot "
    "be "
    "compared with waarstaatjegemeente.nl or other municipalities.",
    _REGELING,
)
SOURCE = Code(
    "IND-SOURCE",
    Severity.WARNING,
    "Indicator values without a named source",
    "Every indicator value should name its source (CBS, Bureau Halt, LISA, eigen gegevens ...) so "
    "the reader can check and compare it; the catalogue names the usual source.",
    _REGELING,
)
STALE = Code(
    "IND-STALE",
    Severity.WARNING,
    "Newest indicator value is too old",
    "Indicators lose their use as steering information when the newest value is many years older "
    "than the document; the maximum age is configurable (indicators.max_age).",
    "BBV art. 25 lid 2; rekenschap.toml indicators.max_age",
)
NNB = Code(
    "IND-NNB",
    Severity.NOTICE,
    "Indicator value not yet known (n.n.b.)",
    'Values printed as "n.n.b." are reported so they can be filled in when the source publishes '
    "them (waarstaatjegemeente.nl often lags).",
    _REGELING,
)
TREND = Code(
    "IND-TREND",
    Severity.NOTICE,
    "Indicator moved away from its desired direction",
    "Where the document sets a desired direction (afname / toename), a newest value that moved the "
    "other way against both the previous period and the baseline is worth the council's attention.",
    "BBV art. 25 lid 2 (degree to which goals were realised)",
)
PRINTED = Code(
    "IND-PRINTED",
    Severity.NOTICE,
    "Indicator value or unit printed irregularly",
    'A number printed as "5, 4" or a unit printed as "naar 1000 inwoners" is read by people '
    'and machines differently; the document should print "5,4 per 1.000 inwoners".',
    "Dutch number notation; Regeling beleidsindicatoren gemeenten",
)
UNMATCHED = Code(
    "IND-NOT-BBV",
    Severity.NOTICE,
    "Indicator is not one of the mandatory BBV indicators",
    "Own (non-BBV) indicators are welcome but cannot be compared with other municipalities through "
    "the basisset; listed so the reader knows which figures are local.",
    _REGELING,
)


def check_catalogue(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-CATALOGUE / IND-NOT-BBV: the indicator's catalogue link is right."""
    if not catalogue_view.available():
        return []
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        loc = where(ind.provenance, path)
        matched = catalogue_view.matched_id(ind.name)
        if ind.catalogue_id is None:
            if matched is None:
                problems.append(UNMATCHED.problem(f"{ind.name}: not a BBV basisset indicator", loc))
            continue
        if not catalogue_view.known_id(ind.catalogue_id):
            problems.append(
                CATALOGUE.problem(
                    f"{ind.name}: catalogue id {ind.catalogue_id!r} is not in the BBV catalogue",
                    loc,
                )
            )
        elif matched is not None and matched != ind.catalogue_id:
            problems.append(
                CATALOGUE.problem(
                    f"{ind.name}: linked to {ind.catalogue_id!r} but the name matches {matched!r}",
                    loc,
                )
            )
    return problems


def check_unit(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-UNIT: the printed unit measures what the catalogue defines for the document year."""
    problems: list[Problem] = []
    year = report.document.year
    for path, ind in indicators_with_paths(report):
        facts = catalogue_view.facts(ind, year)
        if facts is None or not facts.units:
            continue
        loc = where(ind.provenance, path)
        expected = " or ".join(repr(u.label or u.describe()) for u in facts.units)
        if ind.unit is None:
            problems.append(UNIT.problem(
                f"{ind.name}: no unit stated; the BBV definition for {year} is {expected}", loc))
            continue
        diffs: list[list[str]] = [differences(ind.unit, u) for u in facts.units]
        if any(not d for d in diffs):
            continue
        printed = ind.unit.label or ind.unit.describe()
        shortest = diffs[0]
        for d in diffs[1:]:
            shortest = d if len(d) < len(shortest) else shortest
        why = "; ".join(shortest)
        other_year = any(not differences(ind.unit, u) for u in facts.all_units)
        note = ("it is the unit of another year" if other_year
                else "the values are not comparable with other municipalities")
        problems.append(UNIT.problem(
            f"{ind.name}: unit {printed!r} differs from the BBV definition for {year} "
            f"({expected}): {why}; {note}", loc))
    return problems


def check_source(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-SOURCE: at least the indicator or each of its values names a source."""
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        if ind.source or not ind.observations:
            continue
        missing = [o for o in ind.observations if not o.source and o.value is not None]
        if not missing:
            continue
        facts = catalogue_view.facts(ind, report.document.year)
        usual = f"; the usual source is {facts.source}" if facts and facts.source else ""
        problems.append(
            SOURCE.problem(
                f"{ind.name}: {len(missing)} value(s) without a source{usual}",
                where(ind.provenance, path),
            )
        )
    return problems


def check_stale(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-STALE: the newest value is at most ``indicators.max_age`` years before the document."""
    max_age = config.for_municipality(cbs_code_of(report)).indicator_max_age
    year = report.document.year
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        years = [int(o.period[:4]) for o in ind.observations if o.period and o.value is not None]
        if not years:
            continue
        newest = max(years)
        if year - newest > max_age:
            problems.append(
                STALE.problem(
                    f"{ind.name}: newest value is from {newest}, {year - newest} years before the "
                    f"document year {year} (maximum {max_age})",
                    where(ind.provenance, path),
                )
            )
    return problems


def check_nnb(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-NNB: values not yet known."""
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        for k, obs in enumerate(ind.observations):
            if obs.qualifier is not ObservationQualifier.NOT_YET_KNOWN:
                continue
            ref = f" (reference date {obs.reference_date})" if obs.reference_date else ""
            problems.append(
                NNB.problem(
                    f"{ind.name}: value for {obs.period or 'an unnamed period'} is n.n.b.{ref}",
                    where(obs.provenance, f"{path}.observations[{k}]", ind.provenance),
                )
            )
    return problems


def check_trend(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-TREND: the newest value moved against the desired direction (previous and baseline)."""
    cfg = config.for_municipality(cbs_code_of(report))
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        want = ind.target.direction if ind.target else None
        if want not in (DesiredDirection.UP, DesiredDirection.DOWN):
            continue
        dated = sorted(
            (o.period, o.value) for o in ind.observations if o.period and o.value is not None
        )
        if len(dated) < 2:
            continue
        (last_p, last), (prev_p, prev) = dated[-1], dated[-2]
        bad = Direction.DOWN if want is DesiredDirection.UP else Direction.UP
        if movement(last, prev, cfg.flat_tolerance) is not bad:
            continue
        base = ind.value_for(ind.baseline_period) if ind.baseline_period else None
        if base is not None and movement(last, base, cfg.flat_tolerance) is not bad:
            continue
        wanted = "afname (down)" if want is DesiredDirection.DOWN else "toename (up)"
        since = (
            f" and against the baseline {ind.baseline_period} ({num(base)})"
            if base is not None
            else ""
        )
        problems.append(
            TREND.problem(
                f"{ind.name}: desired direction {wanted}, but {num(last)} ({last_p}) "
                "moved the "
                f"other way against {num(prev)} ({prev_p}){since}",
                where(ind.provenance, path),
            )
        )
    return problems


_UNIT_TEXT = re.compile(
    r"\d\s+naar\s+(1\.?000|10\.?000|100)\s+(inwoners|jongeren|leerlingen)", re.I
)


def check_printed(report: Report, config: CheckConfig) -> list[Problem]:
    """IND-PRINTED: irregular printed numbers ("5, 4") and unit typos ("naar 1000 inwoners")."""
    problems: list[Problem] = []
    for path, ind in indicators_with_paths(report):
        for k, obs in enumerate(ind.observations):
            if obs.printed is None or obs.value is None:
                continue
            parsed = parse_number(obs.printed)
            canonical = num(obs.value)
            if obs.printed.strip() != canonical and (", " in obs.printed or parsed.point_decimal):
                problems.append(
                    PRINTED.problem(
                        f"{ind.name}: value for {obs.period or 'an unnamed period'} printed as "
                        f"{obs.printed!r}, read as {canonical}",
                        where(obs.provenance, f"{path}.observations[{k}]", ind.provenance),
                    )
                )
        for k, claim in enumerate(ind.claims):
            m = _UNIT_TEXT.search(claim.sentence)
            if m:
                problems.append(
                    PRINTED.problem(
                        f"{ind.name}: the text prints the unit as {m.group(0)[1:].strip()!r} "
                        f"(meant: 'per {m.group(1)} {m.group(2)}'?)",
                        where(claim.provenance, f"{path}.claims[{k}]", ind.provenance),
                    )
                )
    return problems
