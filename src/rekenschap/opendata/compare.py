"""Compare a municipality with its peers (vergelijken): page-ready data and a Vega-Lite spec.

``build_comparison`` gives one typed :class:`Comparison`: lasten and baten per inhabitant per
taakveld for the municipality against a peer group (same size class, same province or named
municipalities: n, quartiles, median, rank) and its crime indicators against the Nederland
value. The terminal table, the static site and the web app all render from that object;
``vega_lite_spec`` is the chart.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal

import duckdb

from rekenschap.importers.iv3 import load_iv3, load_iv3_definitions
from rekenschap.importers.opendata_municipalities import MunicipalityRegister
from rekenschap.importers.population import load_size_classes
from rekenschap.model import Location, Problem, Severity
from rekenschap.model.base import Frozen, Number
from rekenschap.opendata.crime import CrimeValue
from rekenschap.opendata.iv3_sql import NEEDED, peer_statistics

__all__ = ["Comparison", "IndicatorComparison", "TaakveldComparison", "build_comparison",
           "vega_lite_spec"]

PeerKind = Literal["size-class", "province", "named"]


class TaakveldComparison(Frozen):
    """One taakveld and measure: EUR per inhabitant of the subject and of its peer group."""

    taakveld: str
    name: str
    measure: Literal["lasten", "baten"]
    value: Number | None
    n: int
    q1: Number | None
    median: Number | None
    q3: Number | None
    rank: int | None


class IndicatorComparison(Frozen):
    indicator: str
    year: int
    value: Number
    national: Number | None
    source: str


class Comparison(Frozen):
    """Everything a comparison page shows, in one typed object (JSON via ``model_dump``)."""

    cbs_code: str
    name: str
    year: int
    phase: str
    peer_kind: PeerKind
    peer_label: str
    peers: tuple[str, ...]
    population: int | None
    rows: tuple[TaakveldComparison, ...] = ()
    indicators: tuple[IndicatorComparison, ...] = ()
    sources: tuple[str, ...] = ()


def _euro(value: float | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(repr(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def build_comparison(cbs_code: str, *, iv3_file: Path, register: MunicipalityRegister,
                     year: int, phase: str, peers: str = "size-class",
                     size_classes: Path | None = None, definitions: Path | None = None,
                     crime: list[CrimeValue] | None = None,
                     ) -> tuple[Comparison | None, list[Problem]]:
    """Build the comparison; ``peers`` is ``size-class``, ``province`` or ``GM0518,GM0603``."""
    problems: list[Problem] = []
    municipality = register.get(cbs_code)
    if municipality is None:
        return None, [Problem(code="OD-MUNICIPALITY-UNKNOWN", severity=Severity.ERROR,
                              message=f"{cbs_code} is not in the municipality register",
                              location=Location(file=register.file, path="RegioS"))]
    codes = load_iv3_definitions(definitions)[0] if definitions and definitions.exists() else None
    table, found = load_iv3(iv3_file, register=register.by_name(), taakvelden=codes)
    problems.extend(found)
    missing = [c for c in NEEDED if c not in table.columns]
    if missing:
        problems.append(Problem(code="OD-COLUMN-MISSING", severity=Severity.ERROR,
                                message=f"cannot compare: column(s) {', '.join(missing)} missing",
                                location=Location(file=str(iv3_file), line=1)))
        return None, problems
    subject = table.municipality(cbs_code)
    if subject is None:
        problems.append(Problem(code="OD-MUNICIPALITY-ABSENT", severity=Severity.ERROR,
                                message=f"{municipality.name} ({cbs_code}) has no rows in this "
                                        "Iv3 file", location=Location(file=str(iv3_file))))
        return None, problems
    kind: PeerKind
    others = [m for m in table.municipalities.values() if m.cbs_code not in (None, "NL01")]
    if peers == "size-class":
        kind, size = "size-class", subject.size_class
        if size_classes is not None and size_classes.exists():
            classes, found = load_size_classes(size_classes, year=year)
            problems.extend(found)
            own = classes.rows.get(subject.name)
            size = own.size_class if own else size
            names = [n for n, c in classes.rows.items() if c.size_class == size]
        else:
            names = [m.name for m in others if m.size_class == size]
        label = size or "?"
    elif peers == "province":
        kind, label = "province", subject.province or "?"
        names = [m.name for m in others if m.province == subject.province]
    else:
        kind, label = "named", peers
        names = []
        for code in (c.strip() for c in peers.split(",") if c.strip()):
            peer = table.municipality(code)
            if peer is None:
                problems.append(Problem(code="OD-MUNICIPALITY-UNKNOWN", severity=Severity.ERROR,
                                        message=f"peer {code} is not in the Iv3 file; left out",
                                        location=Location(file=str(iv3_file), path="--peers")))
            else:
                names.append(peer.name)
    try:
        stats = peer_statistics(iv3_file, subject.name, names, delimiter=table.delimiter)
    except duckdb.Error as exc:
        problems.append(Problem(code="OD-AGGREGATION-FAILED", severity=Severity.ERROR,
                                message=f"DuckDB could not aggregate the file: {exc}",
                                location=Location(file=str(iv3_file))))
        return None, problems
    rows = tuple(TaakveldComparison(
        taakveld=s.taakveld, name=(codes.names.get(s.taakveld) if codes else None) or s.label,
        measure="lasten" if s.measure == "lasten" else "baten", value=_euro(s.value), n=s.n,
        q1=_euro(s.q1), median=_euro(s.median), q3=_euro(s.q3), rank=s.rank) for s in stats)
    comparison = Comparison(
        cbs_code=cbs_code, name=subject.name, year=year, phase=phase, peer_kind=kind,
        peer_label=label, peers=tuple(sorted(n for n in names if n != subject.name)),
        population=subject.population, rows=rows,
        indicators=_indicators(cbs_code, crime or []),
        sources=(f"CBS Iv3 {phase} {year} ({iv3_file.name})",
                 *crime_sources(cbs_code, crime or [])))
    return comparison, problems


def crime_sources(cbs_code: str, values: list[CrimeValue]) -> tuple[str, ...]:
    """The crime tables the shown values came from ("CBS 83648NED", "CBS 47018NED", or a
    national figure's "... (sum of municipalities)"), in order, each once; none without data."""
    return tuple(dict.fromkeys(v.source for v in values if v.region in (cbs_code, "NL01")))


def _indicators(cbs_code: str, values: list[CrimeValue]) -> tuple[IndicatorComparison, ...]:
    national = {(v.indicator, v.year): v.value for v in values if v.region == "NL01"}
    return tuple(IndicatorComparison(indicator=v.indicator, year=v.year, value=v.value,
                                     national=national.get((v.indicator, v.year)),
                                     source=v.source)
                 for v in values if v.region == cbs_code)


def vega_lite_spec(comparison: Comparison, measure: str = "lasten") -> dict[str, Any]:
    """A Vega-Lite v5 spec: per taakveld the peer interquartile range (bar), median (tick) and
    the municipality (point); values inline, so rendering needs no network."""
    values = [{"taakveld": f"{r.taakveld} {r.name}", "q1": _num(r.q1), "q3": _num(r.q3),
               "median": _num(r.median), "value": _num(r.value), "rank": r.rank, "n": r.n}
              for r in comparison.rows if r.measure == measure and r.n > 0]
    y = {"field": "taakveld", "type": "nominal", "sort": None, "title": "Taakveld"}
    x_title = f"{measure.capitalize()} per inwoner (EUR)"
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": f"{comparison.name}: {measure} per inwoner per taakveld, "
                       f"{comparison.phase} {comparison.year}, vergeleken met "
                       f"{comparison.peer_label}",
        "data": {"values": values},
        "encoding": {"y": y},
        "layer": [
            {"mark": {"type": "bar", "color": "#c6d4e1", "height": 10},
             "encoding": {"x": {"field": "q1", "type": "quantitative", "title": x_title},
                          "x2": {"field": "q3"}}},
            {"mark": {"type": "tick", "color": "#595959", "thickness": 2},
             "encoding": {"x": {"field": "median", "type": "quantitative"}}},
            {"mark": {"type": "point", "filled": True, "color": "#154273", "size": 60},
             "encoding": {"x": {"field": "value", "type": "quantitative"},
                          "tooltip": [{"field": "taakveld"}, {"field": "value", "title": "€"},
                                      {"field": "median"}, {"field": "rank"}, {"field": "n"}]}},
        ],
    }


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
