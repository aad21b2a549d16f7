"""The one place the web app calls the importers, the checks and the site renderer.

Each call goes through a small function here so the rest of the app does not depend on another
layer's details; a crash in another layer becomes a Problem (``WEB-COMPONENT-FAILED``) or an
empty list, never a 500.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, cast

from rekenschap.checks import run_checks as checks_run
from rekenschap.checks.config import CheckConfig
from rekenschap.checks.narrative import Sentence
from rekenschap.checks.narrative import suggestions as narrative_suggestions
from rekenschap.importers import import_path
from rekenschap.model import Problem, Programme, Report, Severity
from rekenschap.model.problem import Location
from rekenschap.render.site import build_site as render_site

log = logging.getLogger(__name__)


def _failed(component: str, exc: Exception, file: str | None = None) -> Problem:
    log.exception("%s failed", component)
    return Problem(
        code="WEB-COMPONENT-FAILED",
        severity=Severity.ERROR,
        message=f"{component} failed: {type(exc).__name__}: {exc}",
        location=Location(file=file),
    )


def import_file(path: Path) -> tuple[Report | None, list[Problem]]:
    """Read a file (PDF, text, JSON, YAML) into a Report plus problems; never raises."""
    try:
        report, problems = import_path(path)
    except Exception as exc:  # a crashing importer becomes a problem record
        return None, [_failed("import", exc, path.name)]
    return report, list(problems)


def run_checks(report: Report, config: CheckConfig | None = None) -> list[Problem]:
    """The checks layer's findings for ``report`` (with the controller's thresholds)."""
    if config is None:
        from rekenschap.web.core.thresholds import current_config

        config = current_config()
    try:
        return list(checks_run(report, config))
    except Exception as exc:  # the checks promise not to raise; if one does, it is a finding
        return [_failed("checks", exc)]


def suggestions(report: Report, programme: Programme, lang: str = "nl") -> list[str]:
    """Generated trend/variance sentences offered to the author while editing."""
    return [s.text for s in sentence_suggestions(report, programme, lang)]


def sentence_suggestions(report: Report, programme: Programme, lang: str = "nl") -> list[Sentence]:
    """The same sentences with the model path of what each describes (to accept one)."""
    try:
        return list(narrative_suggestions(report, programme, lang=cast(Any, lang)))
    except Exception as exc:
        log.warning("narrative suggestions failed: %s", exc)
        return []


def build_site(reports: list[Report], out_dir: Path, lang: str,
               languages: tuple[str, ...] | None = None) -> None:
    """Write the public site for ``reports`` into ``out_dir`` (raises when the build fails);
    with ``languages`` the first is at the root, every other under ``<lang>/``."""
    render_site(reports, out_dir, lang=lang, languages=languages, public=True)
