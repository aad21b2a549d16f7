"""Read the native interchange files (JSON, and the YAML authoring format) into a ``Report``.

Nothing here raises on bad input: every problem becomes a ``Problem`` with a stable ``FMT-*`` code
and a location naming the file, the line and the field path (``programmes[0].finance.rows[1]``).
All problems of a file are reported, not just the first. The report is ``None`` when any
error-severity problem was found (unless ``partial=True``: then every valid part is kept, see
``native_salvage``); warnings (e.g. ``FMT-SUSPECT-THOUSANDS``) keep the report.

Line numbers come from the parse itself: the YAML node tree (composed, not only constructed)
and a small JSON scanner (``native_json``) both record a ``path -> line`` map, and pydantic
error locations are mapped onto it. The codes are documented in ``docs/format.md``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rekenschap.importers.native_json import JsonScanner, JsonSyntax
from rekenschap.importers.native_salvage import model_at, models_in, salvage, split_loc
from rekenschap.model import (
    SCHEMA_ID,
    FinanceTable,
    Location,
    Problem,
    Programme,
    Report,
    Severity,
)

__all__ = ["load_report", "loads_json", "loads_yaml", "path_label"]

Key = str | int
DataPath = tuple[Key, ...]
Lines = dict[DataPath, int]
Result = tuple[Report | None, list[Problem]]

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_SUFFIXES = {".yaml", ".yml"}
_SCHEMA_VERSION = re.compile(r"^rekenschap/report@(\d+)$")


# --------------------------------------------------------------------------- entry points

def load_report(path: str | Path, *, partial: bool = False) -> Result:
    """Load a ``.json``, ``.yaml`` or ``.yml`` report; other suffixes are sniffed by content.

    With ``partial=True`` a file with validation errors still gives a report of everything
    valid in it (see ``native_salvage``); the problems say what was left out.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [_problem("FMT-UNREADABLE", f"cannot read the file: {reason}", name, None)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start:exc.start + 1]
        return None, [_problem("FMT-UNREADABLE", f"not UTF-8 text (byte {exc.start}: {bad!r})",
                               name, line)]
    suffix = Path(path).suffix.lower()
    if suffix == ".json" or (suffix not in _YAML_SUFFIXES and text.lstrip().startswith("{")):
        return loads_json(text, name, partial=partial)
    return loads_yaml(text, name, partial=partial)


def loads_yaml(text: str, filename: str = "<string>", *, partial: bool = False) -> Result:
    """Parse YAML authoring text; duplicate keys are errors (PyYAML would keep the last)."""
    problems: list[Problem] = []
    lines: Lines = {}
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [_problem("FMT-INVALID", "the file is empty", filename, 1)]
        _walk_yaml(node, (), lines, problems, filename, set())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        syntax = _problem("FMT-YAML-SYNTAX", f"YAML syntax: {what}", filename, line)
        return None, [*problems, syntax]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [*problems, _problem("FMT-YAML-SYNTAX", f"YAML syntax: {exc}", filename, None)]
    finally:
        loader.dispose()
    return _validate(data, lines, problems, filename, partial)


def loads_json(text: str, filename: str = "<string>", *, partial: bool = False) -> Result:
    """Parse JSON text; numbers with a fraction are read as exact ``Decimal``.

    A clean file takes the fast path (the C parser); only a file with problems is scanned
    again to find the line of each one.
    """
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({key for key, _ in items}) != len(items):
            duplicates.append("duplicate")
        return dict(items)

    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=pairs)
    except (json.JSONDecodeError, RecursionError):
        return _loads_json_with_lines(text, filename, partial)
    if not duplicates:
        report, problems = _validate(data, {}, [], filename)
        if not problems:
            return report, problems
    return _loads_json_with_lines(text, filename, partial)


def _loads_json_with_lines(text: str, filename: str, partial: bool) -> Result:
    scanner = JsonScanner(text)
    try:
        data = scanner.document()
    except JsonSyntax as exc:
        line = scanner.line_of(exc.pos)
        msg = f"JSON syntax: {exc.msg}"
        return None, [*_duplicates(scanner, filename),
                      _problem("FMT-JSON-SYNTAX", msg, filename, line)]
    except RecursionError:
        return None, [_problem("FMT-JSON-SYNTAX", "JSON syntax: nested too deeply", filename, None)]
    return _validate(data, scanner.lines, _duplicates(scanner, filename), filename, partial)


def _duplicates(scanner: JsonScanner, filename: str) -> list[Problem]:
    return [_problem("FMT-DUPLICATE-KEY",
                     f"duplicate key '{path[-1]}' (first at line {first}); keep only one",
                     filename, line, path_label(path))
            for path, line, first in scanner.duplicates]


def path_label(path: DataPath) -> str:
    """``("programmes", 0, "finance")`` -> ``programmes[0].finance``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --------------------------------------------------------------------------- YAML lines

def _walk_yaml(node: yaml.Node, path: DataPath, lines: Lines, problems: list[Problem],
               filename: str, active: set[int]) -> None:
    if id(node) in active:  # a recursive alias; the constructor reports nothing, we stop here
        return
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        active.add(id(node))
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key == "<<":
                continue
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(_problem(
                    "FMT-DUPLICATE-KEY",
                    f"duplicate key '{key}' (first at line {seen[key]}); keep only one",
                    filename, line, path_label((*path, key))))
            seen.setdefault(key, line)
            lines.setdefault((*path, key), line)
            _walk_yaml(value_node, (*path, key), lines, problems, filename, active)
        active.discard(id(node))
    elif isinstance(node, yaml.SequenceNode):
        active.add(id(node))
        for i, item in enumerate(node.value):
            _walk_yaml(item, (*path, i), lines, problems, filename, active)
        active.discard(id(node))


# --------------------------------------------------------------------------- validation

def _validate(data: Any, lines: Lines, problems: list[Problem], filename: str,
              partial: bool = False) -> Result:
    if not isinstance(data, dict):
        got = type(data).__name__ if data is not None else "nothing"
        problems.append(_problem(
            "FMT-INVALID", f"the top level must be a mapping (schema, organisation, document, "
            f"unit, programmes); got {got}", filename, 1))
        return None, problems
    schema_problem = _check_schema(data, lines, filename)
    if schema_problem is not None:
        problems.append(schema_problem)
        data = {**data, "schema": SCHEMA_ID}
    report: Report | None = None
    try:
        report = Report.model_validate(data)
    except ValidationError as exc:
        problems.extend(_from_pydantic(err, data, lines, filename) for err in exc.errors())
    problems.extend(_suspect_thousands(data, lines, filename))
    if any(p.severity is Severity.ERROR for p in problems):
        report = None
        if partial:
            report, dropped = salvage(data)
            problems.extend(_problem(
                "FMT-DROPPED", "left out of the partial report because of the error(s) in it",
                filename, _line_for(path, lines), path_label(path), Severity.NOTICE)
                for path in dropped)
    problems.sort(key=lambda p: p.location.line or 0)
    return report, problems


def _check_schema(data: dict[str, Any], lines: Lines, filename: str) -> Problem | None:
    if "schema" not in data:
        return _problem("FMT-SCHEMA-VERSION",
                        f"missing 'schema: {SCHEMA_ID}' at the top (the format version)",
                        filename, 1, "schema")
    value = data["schema"]
    if value == SCHEMA_ID:
        return None
    line = lines.get(("schema",), 1)
    match = _SCHEMA_VERSION.match(str(value))
    if match and int(match.group(1)) > 1:
        msg = (f"this file is format '{value}', newer than this rekenschap reads ({SCHEMA_ID}); "
               "upgrade rekenschap")
    else:
        msg = f"schema must be '{SCHEMA_ID}', got {_short(value)}"
    return _problem("FMT-SCHEMA-VERSION", msg, filename, line, "schema")


def _from_pydantic(err: Any, data: Any, lines: Lines, filename: str) -> Problem:
    loc: tuple[Key, ...] = tuple(err["loc"])
    path, rest = split_loc(loc, data)
    kind = err["type"]
    value = err.get("input")
    code = "FMT-INVALID"
    if kind == "missing":
        field = next((p for p in reversed(rest) if isinstance(p, str)), str(loc[-1]))
        code, msg = "FMT-MISSING-FIELD", f"missing required field '{field}'"
    elif kind == "extra_forbidden":
        field = str(path[-1]) if path else str(loc[-1])
        code, msg = "FMT-UNKNOWN-FIELD", f"unknown field '{field}'" + _suggest(field, path[:-1])
    elif kind == "value_error":
        msg = str(err["msg"]).removeprefix("Value error, ")
    elif kind == "string_type" and isinstance(value, int | float | Decimal | bool):
        msg = f"expected text, got the number {value!r}; write it in quotes: '{value}'"
    else:
        msg = str(err["msg"])
        msg = msg[:1].lower() + msg[1:]
        if not isinstance(value, dict | list):
            msg += f", got {_short(value)}"
    return _problem(code, msg, filename, _line_for(path, lines), path_label(path) or None)


def _line_for(path: DataPath, lines: Lines) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _suggest(field: str, parent: DataPath) -> str:
    model = model_at(parent)
    if model is None:
        return ""
    names = sorted(f.alias or n for n, f in model.model_fields.items())
    close = difflib.get_close_matches(field, names, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _suspect_thousands(data: dict[str, Any], lines: Lines, filename: str) -> list[Problem]:
    """Warn on amounts like ``42.668`` in a x 1.000 table: likely a Dutch thousands separator.

    Works on the raw data, so the warning is given even when the file has errors elsewhere.
    """
    out: list[Problem] = []
    report_scale = _get(data, "unit", "scale")
    for path, programme in _raw_programmes(data):
        for field in _TABLE_FIELDS:
            scale = _get(programme, field, "unit", "scale") or report_scale
            rows = _get(programme, field, "rows")
            if scale != 1000 or not isinstance(rows, list):
                continue
            for r, row in enumerate(rows):
                values = row.get("values") if isinstance(row, dict) else None
                for key, value in values.items() if isinstance(values, dict) else ():
                    where = (*path, field, "rows", r, "values", key)
                    problem = _suspect_amount(value, where, lines, filename)
                    if problem is not None:
                        out.append(problem)
    return out


_TABLE_FIELDS = tuple(name for name, f in Programme.model_fields.items()
                      if FinanceTable in models_in(f.annotation))
"""Every finance-table field of a programme (``finance`` and any added later)."""


def _suspect_amount(value: Any, where: DataPath, lines: Lines, filename: str) -> Problem | None:
    if isinstance(value, bool) or not isinstance(value, float | Decimal):
        return None
    exact = Decimal(repr(value)) if isinstance(value, float) else value
    if not exact.is_finite() or exact.normalize().as_tuple().exponent != -3:
        return None
    whole = int(f"{exact:f}".replace(".", ""))
    return _problem(
        "FMT-SUSPECT-THOUSANDS",
        f"{exact} in a table of x 1.000 has exactly three decimals; if the document "
        f"prints '{exact}' it means {whole} (Dutch thousands separator): write {whole}",
        filename, _line_for(where, lines), path_label(where), Severity.WARNING)


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _raw_programmes(data: dict[str, Any]) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    def walk(path: DataPath, items: Any) -> Iterator[tuple[DataPath, dict[str, Any]]]:
        for i, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict):
                yield (*path, i), item
                yield from walk((*path, i, "subprogrammes"), item.get("subprogrammes"))

    yield from walk(("programmes",), data.get("programmes"))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem(code: str, message: str, filename: str, line: int | None, path: str | None = None,
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=filename, line=line, path=path))
