"""checks layer: plain functions ``(report, config) -> list[Problem]`` in one registry.

Public entry points: :func:`run_checks` (one report), :func:`run_cross_checks` (several reports),
:data:`CHECKS` (the registry), :class:`CheckConfig` / :func:`load_config` (``rekenschap.toml``).
The Dutch/English sentences built from the data are in :mod:`rekenschap.checks.narrative`.
"""

from rekenschap.checks.base import Check, Code
from rekenschap.checks.config import CheckConfig, load_config, loads_config
from rekenschap.checks.registry import CHECKS, all_codes, code_specs
from rekenschap.checks.runner import run_all, run_checks, run_cross_checks
from rekenschap.checks.settings import SETTINGS, Setting

__all__ = [
    "CHECKS",
    "SETTINGS",
    "Check",
    "CheckConfig",
    "Code",
    "Setting",
    "all_codes",
    "code_specs",
    "load_config",
    "loads_config",
    "run_all",
    "run_checks",
    "run_cross_checks",
]
