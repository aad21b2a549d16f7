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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rekenschap.model import Location, Problem, Severity

Converter = Callable[[Any], Any]
"""Turns a TOML value into the typed value; raises ValueError with a message for people."""


def _decimal(minimum: Decimal | None = None) -> Converter:
    def conv(value: Any) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(f"expected a number, got {value!r}")
        if isinstance(value, str) and value.strip().lower() in {"", "none", "off"}:
            return None
        try:
            dec = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"expected a number, got {value!r}") from None
        if minimum is not None and dec < minimum:
            raise ValueError(f"must be >= {minimum}, got {value!r}")
        return dec

    return conv


def _int(minimum: int) -> Converter:
    def conv(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number, got {value!r}")
        if value < minimum:
            raise ValueError(f"must be >= {minimum}, got {value!r}")
        return value

    return conv


def _choice(*options: str) -> Converter:
    def conv(value: Any) -> str:
        if value not in options:
            raise ValueError(f"expected one of {', '.join(options)}; got {value!r}")
        return str(value)

    return conv


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _codes(value: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of problem codes, got {value!r}")
    from rekenschap.checks.registry import all_codes  # registry imports checks importing config

    unknown = sorted(set(value) - all_codes())
    if unknown:
        raise ValueError(
            f"unknown problem code(s) {', '.join(unknown)}; see `rekenschap check --list`"
        )
    return frozenset(value)


def _severities(value: Any) -> Mapping[str, Severity]:
    if not isinstance(value, dict):
        raise ValueError(f'expected a table CODE = "error|warning|notice", got {value!r}')
    from rekenschap.checks.registry import all_codes

    known = all_codes()
    out: dict[str, Severity] = {}
    for code, sev in value.items():
        if code not in known:
            raise ValueError(f"unknown problem code {code}; see `rekenschap check --list`")
        try:
            out[code] = Severity(sev)
        except ValueError:
            raise ValueError(f"{code}: expected error, warning or notice, got {sev!r}") from None
    return out


def _path(value: Any) -> Path | None:
    if not isinstance(value, str):
        raise ValueError(f"expected a path, got {value!r}")
    return Path(value) if value else None


@dataclass(frozen=True)
class Setting:
    """One setting: ``name`` is its dotted key in the file, ``attr`` the field of CheckConfig."""

    name: str
    attr: str
    kind: str
    default: Any
    help: str
    convert: Converter
    per_municipality: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "variance.absolute",
        "variance_absolute",
        'number (EUR) or "off"',
        Decimal(100_000),
        "A difference between begroting na wijziging and realisatie of at least this many euros "
        "must be explained (Wassenaar: 50000).",
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "variance.relative",
        "variance_relative",
        'number (%) or "off"',
        Decimal(10),
        "A difference of more than this percentage of the begroting na wijziging must be "
        "explained (Nieuwkoop: 5).",
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "variance.floor",
        "variance_floor",
        'number (EUR) or "off"',
        Decimal(10_000),
        "Differences below this many euros never need an explanation (Nieuwkoop: 15000).",
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "variance.combine",
        "variance_combine",
        '"any" | "all"',
        "any",
        '"any": the absolute OR the relative threshold triggers; "all": both must.',
        _choice("any", "all"),
        True,
    ),
    Setting(
        "variance.coverage",
        "variance_coverage",
        "number (%)",
        Decimal(50),
        "Explanation items of the right kind (lasten/baten) whose amounts add up to at least "
        "this share of the difference explain it; items without amounts explain by text "
        "mention (see 'How variance explanations are matched').",
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "overrun.floor",
        "overrun_floor",
        "number (EUR)",
        Decimal(0),
        "Overruns of lasten (begrotingsrechtmatigheid) below this many euros are not reported "
        "(Heemskerk: 50000).",
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "indicators.max_age",
        "indicator_max_age",
        "whole number (years)",
        3,
        "The newest value of an indicator may be at most this many years older than the "
        "document year.",
        _int(0),
        True,
    ),
    Setting(
        "indicators.flat_tolerance",
        "flat_tolerance",
        "number (%)",
        Decimal(1),
        '"Gelijk gebleven" holds when the change is at most this percentage.',
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "indicators.multiple_tolerance",
        "multiple_tolerance",
        "number (%)",
        Decimal(10),
        '"Verdubbeld" / "gehalveerd" hold within this percentage of exactly 2x / 0.5x.',
        _decimal(Decimal(0)),
        True,
    ),
    Setting(
        "arithmetic.tolerance",
        "arithmetic_tolerance",
        "number (table units)",
        Decimal(1),
        "Allowed rounding difference in sums, in the table's own units (1 = one x EUR 1.000 "
        "in a x 1.000 table).",
        _decimal(Decimal(0)),
    ),
    Setting(
        "iv3.data",
        "iv3_data",
        "path",
        None,
        "Directory with Iv3 CSV files (e.g. ../shared/corpus/iv3); empty: IV3-TAAKVELD is skipped.",
        _path,
    ),
    Setting(
        "iv3.tolerance",
        "iv3_tolerance",
        "number (%)",
        Decimal(1),
        "Programme amounts may differ from the sum of its taakvelden in Iv3 by this percentage.",
        _decimal(Decimal(0)),
    ),
    Setting(
        "population.data",
        "population_data",
        "path",
        None,
        "Directory (or file) of CBS size-class CSVs with Inwonertal per municipality and year "
        "(e.g. ../shared/corpus/iv3/gemeenteklassen); empty: IND-PER-CAPITA is skipped.",
        _path,
    ),
    Setting(
        "checks.disabled",
        "disabled",
        "list of codes",
        frozenset(),
        "Problem codes not to report.",
        _codes,
    ),
    Setting(
        "checks.only",
        "only",
        "list of codes",
        frozenset(),
        "When not empty, report only these codes.",
        _codes,
    ),
    Setting(
        "checks.severity",
        "severity",
        "table CODE = severity",
        {},
        'Override the severity of a code, e.g. FIN-BUDGET-CHANGE = "warning".',
        _severities,
    ),
    Setting(
        "catalogue.thresholds",
        "use_catalogue_thresholds",
        "true | false",
        True,
        "Use the municipality's variance rule from the BBV catalogue (thresholds.yaml) when "
        "the file sets none for it.",
        _bool,
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}
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
            setting = _BY_NAME.get(name)
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
        setting = _BY_NAME.get(key)
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
