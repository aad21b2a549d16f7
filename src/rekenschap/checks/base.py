"""What a check is (controle): a plain function plus the codes it may report, each documented once.

A check is ``(report, config) -> list[Problem]`` (or ``(reports, config)`` for checks across several
documents). It declares every problem code it can emit as a :class:`Code` with a default severity,
a one-line title and a rationale citing the rule it enforces; ``--list`` and ``docs/checks.md`` are
generated from these declarations, so a code cannot exist undocumented.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rekenschap.catalogue import variance_rules
from rekenschap.model import (
    Indicator,
    Location,
    Problem,
    Programme,
    Provenance,
    Report,
    Severity,
)

if TYPE_CHECKING:
    from rekenschap.checks.config import CheckConfig

ReportCheckFn = Callable[[Report, "CheckConfig"], list[Problem]]
CrossCheckFn = Callable[[Sequence[Report], "CheckConfig"], list[Problem]]


@dataclass(frozen=True)
class Code:
    """One problem code: stable identifier, default severity, title and the rule behind it."""

    code: str
    severity: Severity
    title: str
    rationale: str
    rule: str
    """The rule enforced, e.g. "BBV art. 28" or "Gemeentewet art. 189 lid 4"."""

    def problem(self, message: str, location: Location | None = None) -> Problem:
        """A problem with this code and its default severity (``run_checks`` applies overrides)."""
        return Problem(
            code=self.code, severity=self.severity, message=message, location=location or Location()
        )


@dataclass(frozen=True)
class Check:
    """A registered check: a name, the codes it reports and exactly one of the two functions."""

    name: str
    codes: tuple[Code, ...]
    run: ReportCheckFn | None = None
    run_many: CrossCheckFn | None = None

    def __post_init__(self) -> None:
        if (self.run is None) == (self.run_many is None):
            raise ValueError(f"check {self.name}: give exactly one of run / run_many")
        if not self.codes:
            raise ValueError(f"check {self.name}: declares no codes")

    @property
    def cross_document(self) -> bool:
        return self.run_many is not None


def programmes_with_paths(report: Report) -> list[tuple[str, Programme]]:
    """All programmes and deelprogramma's, with model paths (``programmes[0].subprogrammes[1]``)."""
    out: list[tuple[str, Programme]] = []

    def walk(prog: Programme, path: str) -> None:
        out.append((path, prog))
        for j, sub in enumerate(prog.subprogrammes):
            walk(sub, f"{path}.subprogrammes[{j}]")

    for i, top in enumerate(report.programmes):
        walk(top, f"programmes[{i}]")
    return out


def indicators_with_paths(report: Report) -> list[tuple[str, Indicator]]:
    """Every indicator of every (deel)programme with its model path (``…indicators[2]``)."""
    return [
        (f"{path}.indicators[{i}]", ind)
        for path, prog in programmes_with_paths(report)
        for i, ind in enumerate(prog.indicators)
    ]


def where(provenance: Provenance | None, path: str, *fallbacks: Provenance | None) -> Location:
    """A location from the first known provenance, always carrying the model path."""
    for prov in (provenance, *fallbacks):
        if prov is not None:
            return Location.of(prov, path)
    return Location(path=path)


def programme_label(prog: Programme) -> str:
    """ "2.2 Veiligheid" — how messages name a programme."""
    return f"{prog.code} {prog.name}" if prog.code else prog.name


def cbs_code_of(report: Report) -> str | None:
    """The report's CBS code, or — when an importer could not read it — the code of the
    municipality of that name among those the BBV catalogue has a variance rule for."""
    if report.organisation.cbs_code:
        return report.organisation.cbs_code
    name = report.organisation.name.lower().removeprefix("gemeente").strip()
    return next((r.cbs_code for r in variance_rules()
                 if r.municipality and r.municipality.lower() == name), None)
