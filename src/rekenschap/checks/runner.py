"""Running the registry: crash isolation, enabled codes, severity overrides, stable order."""

from __future__ import annotations

from collections.abc import Sequence

from rekenschap.checks.base import Check
from rekenschap.checks.config import CheckConfig
from rekenschap.checks.registry import CHECKS, CRASHED
from rekenschap.model import Location, Problem, Report


def _finish(problems: list[Problem], config: CheckConfig, report: Report | None) -> list[Problem]:
    out: list[Problem] = []
    fallback = report.provenance.file if report and report.provenance else None
    for p in problems:
        if not config.reports(p.code):
            continue
        update: dict[str, object] = {}
        if p.code in config.severity:
            update["severity"] = config.severity[p.code]
        if p.location.file is None and fallback:
            update["location"] = p.location.model_copy(update={"file": fallback})
        out.append(p.model_copy(update=update) if update else p)
    return out


def _crash(check: Check, exc: Exception, where: str | None) -> Problem:
    return CRASHED.problem(
        f"check {check.name} crashed ({type(exc).__name__}: {exc}); the other checks still ran",
        Location(file=where),
    )


def _wanted(check: Check, config: CheckConfig) -> bool:
    return any(config.reports(c.code) for c in check.codes)


def run_checks(
    report: Report, config: CheckConfig | None = None, *, checks: Sequence[Check] = CHECKS
) -> list[Problem]:
    """Run every single-document check over ``report``; problems in registry order.

    Cross-document checks are skipped here (see :func:`run_cross_checks`). A check that raises
    becomes one ``CHECK-CRASHED`` problem; the others still run.
    """
    config = config or CheckConfig()
    problems: list[Problem] = []
    for check in checks:
        if check.run is None or not _wanted(check, config):
            continue
        try:
            problems.extend(check.run(report, config))
        except Exception as exc:
            problems.append(
                _crash(check, exc, report.provenance.file if report.provenance else None)
            )
    return _finish(problems, config, report)


def run_cross_checks(
    reports: Sequence[Report],
    config: CheckConfig | None = None,
    *,
    checks: Sequence[Check] = CHECKS,
) -> list[Problem]:
    """Run the checks that compare several documents (e.g. jaarstukken against begroting)."""
    config = config or CheckConfig()
    problems: list[Problem] = []
    for check in checks:
        if check.run_many is None or not _wanted(check, config):
            continue
        try:
            problems.extend(check.run_many(reports, config))
        except Exception as exc:
            problems.append(_crash(check, exc, None))
    return _finish(problems, config, None)


def run_all(
    reports: Sequence[Report],
    config: CheckConfig | None = None,
    *,
    checks: Sequence[Check] = CHECKS,
) -> list[list[Problem]]:
    """Per-report problems for each report, then the cross-document problems as a last list."""
    per = [run_checks(r, config, checks=checks) for r in reports]
    return [*per, run_cross_checks(reports, config, checks=checks)]
