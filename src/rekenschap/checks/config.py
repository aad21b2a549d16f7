"""Check settings (instellingen) declared as data and read from ``rekenschap.toml``.

Every setting is a :class:`Setting` (name, type, default, help, validation); docs/checks.md lists
them from :data:`SETTINGS`. The file may repeat the ``variance.*``, ``overrun.*`` and
``indicators.*`` settings per municipality under ``[municipality.GM0629.variance]`` etc.; those win
for reports of that municipality (CBS code). Precedence, most specific first: the municipality
section of the file, the municipality's rule in the BBV catalogue (``variance_rule``), the global
setting in the file, the built-in default.

Errors in the file never raise: they are problems (``CFG-*``) naming file, line and key, and every
valid setting is kept.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from rekenschap.checks.settings import BY_NAME, SETTINGS
from rekenschap.model import Location, Problem, Severity

_MUNICIPALITY = re.compile(r"^(GM|PV|WS)\d{4}$")


@dataclass(frozen=True)
class CheckConfig:
    """The resolved settings for a run (defaults as in :data:`SETTINGS`)."""

    variance_absolute: Decimal | None = Decimal(100_000)
    variance_relative: Decimal | None = Decimal(10)
    variance_floor: Decimal | None = Decimal(10_000)
    variance_combine: str = "any"
    variance_coverage: Decimal = Decimal(50)
    overrun_floor: Decimal = Decimal(0)
    indicator_max_age: int = 3
    flat_tolerance: Decimal = Decimal(1)
    multiple_tolerance: Decimal = Decimal(10)
    arithmetic_tolerance: Decimal = Decimal(1)
    iv3_data: Path | None = None
    iv3_tolerance: Decimal = Decimal(1)
    population_data: Path | None = None
    disabled: frozenset[str] = frozenset()
    only: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    use_catalogue_thresholds: bool = True
    explicit: frozenset[str] = frozenset()
    """Names of settings the file set globally (so a catalogue rule does not override them)."""
    municipalities: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per CBS code: attr -> typed value, already validated."""

    def for_municipality(self, cbs_code: str | None) -> CheckConfig:
        """This config with the overrides of one municipality applied (file section wins)."""
        overrides = dict(self.municipalities.get(cbs_code or "", {}))
        if not overrides:
            return self
        return replace(self, **overrides)

    def reports(self, code: str) -> bool:
        """Whether problems with ``code`` are reported under this config."""
        if code in self.disabled:
            return False
        return not self.only or code in self.only


def settings_defaults_consistent() -> list[str]:
    """Names of settings whose declared default differs from CheckConfig's (tested to be empty)."""
    base = CheckConfig()
    return [s.name for s in SETTINGS if getattr(base, s.attr) != s.default]


def load_config(path: Path) -> tuple[CheckConfig, list[Problem]]:
    """Read ``rekenschap.toml``; a missing/broken file gives the defaults plus problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return CheckConfig(), [
            Problem(
                code="CFG-UNREADABLE",
                severity=Severity.ERROR,
                message=f"cannot read config: {exc}",
                location=Location(file=str(path)),
            )
        ]
    return loads_config(text, str(path))


def loads_config(text: str, filename: str = "rekenschap.toml") -> tuple[CheckConfig, list[Problem]]:
    """Parse config text; every bad key is a problem with file, line and key, the rest is kept."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        return CheckConfig(), [
            Problem(
                code="CFG-SYNTAX",
                severity=Severity.ERROR,
                message=f"not valid TOML: {exc}",
                location=Location(file=filename, line=int(m.group(1)) if m else None),
            )
        ]
    lines = _key_lines(text)
    problems: list[Problem] = []

    def bad(key: str, message: str, code: str = "CFG-INVALID") -> None:
        problems.append(
            Problem(
                code=code,
                severity=Severity.ERROR,
                message=f"{key}: {message}",
                location=Location(file=filename, line=lines.get(key), path=key),
            )
        )

    values: dict[str, Any] = {}
    municipalities: dict[str, dict[str, Any]] = {}
    for key, value in _flatten(data):
        if key.startswith("municipality."):
            _, _, rest = key.partition(".")
            cbs, _, name = rest.partition(".")
            setting = BY_NAME.get(name)
            if not _MUNICIPALITY.match(cbs):
                bad(key, f"{cbs!r} is not a CBS code like GM0629", "CFG-UNKNOWN-KEY")
                continue
            if setting is None or not setting.per_municipality:
                allowed = ", ".join(s.name for s in SETTINGS if s.per_municipality)
                bad(key, f"not a per-municipality setting (allowed: {allowed})", "CFG-UNKNOWN-KEY")
                continue
            try:
                municipalities.setdefault(cbs, {})[setting.attr] = setting.convert(value)
            except ValueError as exc:
                bad(key, str(exc))
            continue
        setting = BY_NAME.get(key)
        if setting is None:
            bad(key, "unknown setting (see docs/checks.md for the list)", "CFG-UNKNOWN-KEY")
            continue
        try:
            values[setting.attr] = setting.convert(value)
        except ValueError as exc:
            bad(key, str(exc))
    explicit = frozenset(s.name for s in SETTINGS if s.attr in values)
    config = replace(CheckConfig(), **values, explicit=explicit, municipalities=municipalities)
    return config, problems


def _flatten(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Dotted keys down to settings; ``checks.severity`` stays a table (its value is a mapping)."""
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not name.endswith("checks.severity"):
            out.extend(_flatten(value, name + "."))
        else:
            out.append((name, value))
    return out


_HEADER = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+\s*(?:#.*)?$")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_.\"' -]+?)\s*=")


def _key_lines(text: str) -> dict[str, int]:
    """Map dotted keys to the 1-based line they are set on (tomllib gives no positions)."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _unquote(header.group(1))
            lines.setdefault(table, number)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            key = _unquote(assign.group(1))
            lines.setdefault(f"{table}.{key}" if table else key, number)
    return lines


def _unquote(dotted: str) -> str:
    return ".".join(p.strip().strip("\"'") for p in dotted.split("."))
