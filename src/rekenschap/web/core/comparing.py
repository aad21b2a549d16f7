"""Compare a document's municipality with its peers (vergelijken), for the page and the API.

The figures come from ``rekenschap.opendata.compare.build_comparison`` (CBS Iv3 lasten/baten per
inhabitant per taakveld against peers; CBS crime indicators against Nederland); the open-data
folder is ``settings.REKENSCHAP_OPENDATA`` (env ``REKENSCHAP_OPENDATA``, else the search order of
``rekenschap.opendata.sources.discover``). One comparison costs seconds (the whole Iv3 year is
loaded and validated), so results and their charts are cached per (code, year, phase, peers,
data folder) in the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import vl_convert
from django.conf import settings
from django.utils.translation import gettext as _

from rekenschap.importers.opendata_municipalities import load_register
from rekenschap.model import Problem, Severity
from rekenschap.opendata.compare import Comparison, build_comparison, vega_lite_spec
from rekenschap.opendata.crime_sources import crime_for
from rekenschap.opendata.sources import OpenDataPaths, discover
from rekenschap.render.charts import accessible_svg, labelled
from rekenschap.web.core.errors import Invalid, NotFound
from rekenschap.web.core.models import Document

MEASURES = ("lasten", "baten")
_NAMED = re.compile(r"^GM\d{4}(,GM\d{4}){0,29}$")
_ANNUAL = {"jaarstukken", "jaarrekening", "jaarverslag"}


class OpenDataAbsent(NotFound):
    code = "WEB-OPENDATA-ABSENT"


@dataclass(frozen=True)
class ComparisonResult:
    comparison: Comparison
    problems: tuple[Problem, ...]
    charts: dict[str, str] = field(default_factory=dict)
    """measure -> accessible SVG (``aria-labelledby`` points at ``chart-<measure>-desc``)."""


def clean_peers(value: str | None) -> str:
    """``size-class`` (default), ``province`` or up to 30 CBS codes ``GM0014,GM0034``."""
    peers = (value or "size-class").strip().upper().replace(" ", "")
    if peers in ("SIZE-CLASS", "PROVINCE"):
        return peers.lower()
    if _NAMED.match(peers):
        return peers
    raise Invalid(_("Ongeldige vergelijkingsgroep '%(p)s': kies size-class, province of "
                    "CBS-codes als GM0014,GM0034.") % {"p": value},
                  [{"field": "peers", "value": value}])


def open_data_paths() -> OpenDataPaths:
    return discover(getattr(settings, "REKENSCHAP_OPENDATA", "") or None)


def _year(paths: OpenDataPaths, year: int, phase: str) -> int | None:
    """The document's year when its Iv3 file is there, else the latest earlier year."""
    found = sorted(int(p.name[:4]) for p in paths.iv3_dir.glob(f"*_{phase}.csv")
                   if p.name[:4].isdigit()) if paths.iv3_dir.is_dir() else []
    earlier = [y for y in found if y <= year]
    return earlier[-1] if earlier else None


def compare_document(document: Document, peers: str) -> ComparisonResult:
    """The comparison for ``document``'s municipality; raises OpenDataAbsent with the reason."""
    code = (document.organisation.cbs_code
            or document.header.get("organisation", {}).get("cbs_code") or "").upper()
    if not code:
        raise OpenDataAbsent(_("De organisatie van dit document heeft geen CBS-code "
                               "(zoals GM0014); vergelijken kan daarom niet."))
    paths = open_data_paths()
    phase = "jaarrekening" if document.kind in _ANNUAL else "begroting"
    year = _year(paths, document.year, phase)
    if year is None or paths.register is None:
        raise OpenDataAbsent(_(
            "De open data ontbreken: geen Iv3-bestand (%(phase)s, %(year)s of eerder) of geen "
            "gemeentelijst in %(root)s. Stel REKENSCHAP_OPENDATA in op de map met de CBS-"
            "bestanden.") % {"phase": phase, "year": document.year, "root": paths.root})
    result = _cached(code, year, phase, peers, str(paths.root.resolve()))
    if isinstance(result, OpenDataAbsent):
        raise result
    return result


@lru_cache(maxsize=32)
def _cached(code: str, year: int, phase: str, peers: str,
            root: str) -> ComparisonResult | OpenDataAbsent:
    """Failures are cached too: they cost as much to find as a comparison."""
    paths = discover(root)
    assert paths.register is not None
    register, problems = load_register(paths.register)
    crime, found = crime_for(code, paths) if paths.crime else ([], [])
    problems = [*problems, *found]
    comparison, found = build_comparison(
        code, iv3_file=paths.iv3_file(year, phase), register=register, year=year, phase=phase,
        peers=peers, size_classes=paths.size_classes(year), definitions=paths.definitions(year),
        crime=crime)
    problems.extend(found)
    if comparison is None:
        reasons = "; ".join(p.message for p in problems if p.severity is Severity.ERROR)
        return OpenDataAbsent(_("Geen vergelijking mogelijk: %(r)s") % {"r": reasons},
                              [p.model_dump(mode="json") for p in problems[:50]])
    charts = {m: _chart(comparison, m) for m in MEASURES
              if any(r.measure == m and r.n for r in comparison.rows)}
    return ComparisonResult(comparison, tuple(problems), charts)


def _chart(comparison: Comparison, measure: str) -> str:
    try:
        svg = vl_convert.vegalite_to_svg(vega_lite_spec(comparison, measure),
                                         format_locale="nl-NL", allowed_base_urls=[])
    except Exception as exc:  # a chart that cannot render leaves the table, with the reason
        return f"<!-- {type(exc).__name__} -->"
    return labelled(accessible_svg(svg), f"chart-{measure}-desc")


def summary(comparison: Comparison, measure: str) -> str:
    """The chart's text alternative: what the chart shows and where the municipality stands."""
    rows = [r for r in comparison.rows if r.measure == measure and r.n and r.value is not None]
    above = sum(1 for r in rows if r.median is not None and r.value is not None
                and r.value > r.median)
    return _(
        "%(name)s: %(measure)s per inwoner per taakveld (%(phase)s %(year)s) tegen %(n)s "
        "vergelijkbare gemeenten (%(label)s). De balk is het middelste kwart tot driekwart van de "
        "vergelijkingsgroep, het streepje de mediaan, de stip %(name)s. %(name)s ligt bij "
        "%(above)s van de %(total)s taakvelden boven de mediaan; de tabel eronder geeft alle "
        "waarden."
    ) % {"name": comparison.name, "measure": measure, "phase": comparison.phase,
         "year": comparison.year, "n": len(comparison.peers), "label": comparison.peer_label,
         "above": above, "total": len(rows)}

