"""Small helpers for the check tests: reports from inline YAML through the real native loader."""

from __future__ import annotations

from pathlib import Path

from rekenschap.checks import CheckConfig, run_checks
from rekenschap.importers.native import load_report, loads_yaml
from rekenschap.model import Problem, Report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "groningen-2024-veiligheid.yaml"


def report_from_yaml(text: str, name: str = "test.yaml") -> Report:
    report, problems = loads_yaml(text, name)
    assert report is not None, [p.format() for p in problems]
    return report


def example() -> Report:
    report, problems = load_report(EXAMPLE)
    assert report is not None, [p.format() for p in problems]
    return report


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def by_code(report: Report, code: str, config: CheckConfig | None = None) -> list[Problem]:
    return [p for p in run_checks(report, config) if p.code == code]
