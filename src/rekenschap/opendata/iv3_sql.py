"""Iv3 aggregation with DuckDB: lasten and baten per inhabitant per taakveld, many municipalities.

The Python loader (:mod:`rekenschap.importers.iv3`) validates a file row by row and reports
problems; for statistics over all municipalities x taakvelden DuckDB reads the same CSV
directly (``all_varchar`` plus ``TRY_CAST``, so a bad cell becomes NULL instead of an error).
The columns ``Gemeenten``, ``Taakveld``, ``Baten``, ``Lasten``, ``Inwonertal``, ``Provincie`` and
``Gemeentegrootte`` must exist (``NEEDED``); callers check that first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

__all__ = ["NEEDED", "TaakveldStats", "peer_statistics", "year_summary"]

NEEDED = ("Gemeenten", "Taakveld", "Baten", "Lasten", "Inwonertal", "Provincie",
          "Gemeentegrootte")

_TAAKVELD = r"^\s*(\d{1,2}\.\d{1,3}[a-z]?)"

_PER_INHABITANT = f"""
    WITH raw AS (
        SELECT trim("Gemeenten") AS name, "Taakveld" AS label,
               TRY_CAST("Baten" AS DOUBLE) AS baten, TRY_CAST("Lasten" AS DOUBLE) AS lasten,
               TRY_CAST("Inwonertal" AS DOUBLE) AS population,
               trim("Gemeentegrootte") AS size_class, trim("Provincie") AS province
        FROM read_csv(?, delim=?, header=true, all_varchar=true, quote='"')
    )
    SELECT name, regexp_extract(label, '{_TAAKVELD}', 1) AS taakveld, label, size_class,
           province, population,
           1000 * lasten / population AS lasten_pi, 1000 * baten / population AS baten_pi
    FROM raw
    WHERE population > 0 AND lower(name) <> 'nederland'
"""


@dataclass(frozen=True)
class TaakveldStats:
    """One taakveld among a group: the subject's EUR per inhabitant and the group's spread."""

    taakveld: str
    label: str
    measure: str
    value: float | None
    n: int
    q1: float | None
    median: float | None
    q3: float | None
    rank: int | None
    """1 = the highest amount per inhabitant in the group."""


def peer_statistics(path: Path | str, subject: str, peers: list[str], *,
                    delimiter: str = ";") -> list[TaakveldStats]:
    """Stats per taakveld for ``subject`` among ``peers`` (names as in the file; subject added)."""
    group = sorted({*peers, subject})
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TEMP TABLE per AS {_PER_INHABITANT}", [str(path), delimiter])
        out: list[TaakveldStats] = []
        for measure in ("lasten", "baten"):
            rows = con.execute(f"""
                WITH g AS (SELECT * FROM per WHERE list_contains(?, name)),
                ranked AS (SELECT *, rank() OVER (PARTITION BY taakveld
                                                  ORDER BY {measure}_pi DESC) AS rnk FROM g)
                SELECT taakveld, any_value(label), count({measure}_pi),
                       quantile_cont({measure}_pi, 0.25), quantile_cont({measure}_pi, 0.5),
                       quantile_cont({measure}_pi, 0.75),
                       max(CASE WHEN name = ? THEN {measure}_pi END),
                       max(CASE WHEN name = ? THEN rnk END)
                FROM ranked GROUP BY taakveld ORDER BY taakveld
            """, [group, subject, subject]).fetchall()
            out.extend(TaakveldStats(taakveld=r[0], label=r[1], measure=measure, value=r[6],
                                     n=int(r[2]), q1=r[3], median=r[4], q3=r[5],
                                     rank=int(r[7]) if r[7] is not None else None)
                       for r in rows if r[0])
        return out
    finally:
        con.close()


def year_summary(path: Path | str, *, delimiter: str = ";",
                 ) -> list[tuple[str, str, int, float, float, float]]:
    """For every size class and taakveld: (size class, taakveld, n, q1, median, q3) of lasten
    per inhabitant over all municipalities of one Iv3 file (what the benchmark measures)."""
    con = duckdb.connect()
    try:
        rows = con.execute(f"""
            WITH per AS ({_PER_INHABITANT})
            SELECT size_class, taakveld, count(lasten_pi), quantile_cont(lasten_pi, 0.25),
                   quantile_cont(lasten_pi, 0.5), quantile_cont(lasten_pi, 0.75)
            FROM per WHERE taakveld <> '' GROUP BY size_class, taakveld
            ORDER BY size_class, taakveld
        """, [str(path), delimiter]).fetchall()
        return [(r[0], r[1], int(r[2]), r[3], r[4], r[5]) for r in rows]
    finally:
        con.close()
