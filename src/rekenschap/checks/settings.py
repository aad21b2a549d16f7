"""The settings of the checks declared as data (name, type, default, help, validation).

:data:`SETTINGS` is the single list: ``rekenschap.toml`` is validated against it and
docs/checks.md is generated from it. :class:`rekenschap.checks.config.CheckConfig` holds the
resolved values (its field defaults are tested to equal the declared defaults).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rekenschap.model import Severity

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
BY_NAME = {s.name: s for s in SETTINGS}
