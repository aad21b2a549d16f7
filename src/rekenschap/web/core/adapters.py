"""The one place the web app calls the importers, the checks and the site renderer.

Each call goes through a small function here so the rest of the app does not depend on another
layer's details. While the checks layer has no ``run_checks``/narrative yet, checks return nothing
and no sentences are suggested; a crash in another layer becomes a Problem
(``WEB-COMPONENT-FAILED``), never a 500.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rekenschap.importers import import_path
from rekenschap.model import Problem, Programme, Report, Severity
from rekenschap.model.problem import Location
from rekenschap.render.site import build_site as render_site

log = logging.getLogger(__name__)


def _find(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def _call(func: Callable[..., Any], *args: Any, optional: str) -> Any:
    """Call ``func(*args)``, adding ``None`` for a required trailing ``optional`` parameter."""
    params = inspect.signature(func).parameters
    if optional in params and params[optional].default is inspect.Parameter.empty:
        return func(*args, None)
    return func(*args)


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


def run_checks(report: Report) -> list[Problem]:
    """The checks layer's findings for ``report`` (empty while the layer is absent)."""
    func = _find("rekenschap.checks", "run_checks")
    if func is None:
        return []
    try:
        return list(_call(func, report, optional="config"))
    except Exception as exc:
        return [_failed("checks", exc)]


def suggestions(report: Report, programme: Programme) -> list[str]:
    """Generated trend/variance sentences offered to the author (empty while absent)."""
    module = "rekenschap.checks.narrative"
    for name in ("suggestions", "suggest", "sentences"):
        func = _find(module, name)
        if func is None:
            continue
        try:
            params = inspect.signature(func).parameters
            result = func(report, programme) if len(params) >= 2 else func(programme)
        except Exception as exc:
            log.warning("narrative suggestions failed: %s", exc)
            return []
        return [getattr(s, "text", str(s)) for s in result]
    return []


def build_site(reports: list[Report], out_dir: Path, lang: str) -> None:
    """Write the public site for ``reports`` into ``out_dir`` (raises when the build fails)."""
    render_site(reports, out_dir, lang=lang, public=True)
