"""Check while typing: an edited (unsaved) programme validated by the domain model and run
through the checks registry, as JSON for the editing forms' live region. Nothing is saved.

A form posts itself with ``_check=1``; the view builds the new content exactly as for a save,
then calls :func:`live_problems`. Each problem names the form field it belongs to (``field``,
an input id or an id prefix such as ``cell-2-``) when that field is on the form.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from pydantic import ValidationError

from rekenschap.model import Problem, Programme, Severity
from rekenschap.model.problem import Location
from rekenschap.web.core import adapters
from rekenschap.web.core.content import report_with
from rekenschap.web.core.models import Document
from rekenschap.web.core.revisions import validation_problems
from rekenschap.web.core.structured_parts import model_prefix

_SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2}
_SEVERITY_LABEL = {"error": gettext_lazy("fout"), "warning": gettext_lazy("waarschuwing"),
                   "notice": gettext_lazy("opmerking")}
_INDEX = re.compile(r"^(\w+)\[(\d+)\](.*)$")


def input_problem(field: str, message: str) -> Problem:
    """A value the form could not read (e.g. not a number), named by its input."""
    return Problem(code="WEB-FIELD-UNREADABLE", severity=Severity.ERROR, message=message,
                   location=Location(path=field))


def field_for(relative: str, form: str, index: int | None) -> str | None:
    """The input (id or id prefix) on form ``form`` that a checks path inside the part points at."""
    found = _INDEX.match(relative)
    part, number, rest = (found.group(1), int(found.group(2)), found.group(3)) if found \
        else (relative.split(".")[0].split("[")[0], None, "")
    if form == "programme":
        return f"id_{part}" if part in {"goals", "finance", "indicators", "explanations",
                                         "sections", "name", "code"} else None
    if form == "finance" and relative.startswith("finance"):
        row = re.match(r"^finance\.rows\[(\d+)\]", relative)
        return f"cell-{row.group(1)}-" if row else "cell-"
    if form == "goal" and part == "goals" and number == index:
        return "id_activities" if rest.startswith(".activities") else "id_title"
    if form in {"indicator", "explanation"} and number == index:
        item = re.match(r"^\.(observations|targets|items)\[(\d+)\]", rest)
        if item is None:
            return None
        prefix = "target" if item.group(1) == "targets" else "row"
        return f"{prefix}-{item.group(2)}-"
    return None


def as_json(problem: Problem, field: str | None) -> dict[str, Any]:
    severity = str(problem.severity.value)
    return {"code": problem.code, "severity": severity,
            "label": str(_SEVERITY_LABEL.get(severity, severity)),
            "message": problem.message, "path": problem.location.path or "", "field": field}


def live_problems(document: Document, content: dict[str, Any], sub: tuple[int, ...],
                  form: str, index: int | None, inputs: list[str],
                  unreadable: list[Problem] | None = None) -> list[dict[str, Any]]:
    """What saving ``content`` would be told, for the part at ``sub`` (errors first); each
    finding's ``field`` is the id of one of ``inputs`` (the form's inputs). The YAML editor
    (``form="programme"``) shows every finding of the part, the other forms only those about
    what they edit (a goal, the finance table, an indicator, an explanation)."""
    found: list[tuple[Problem, str | None]] = [(p, p.location.path) for p in unreadable or []]
    prefix = model_prefix(sub)
    try:
        programme = Programme.model_validate(content)
    except ValidationError as exc:
        for problem in validation_problems(exc, "programmes[0]"):
            found.append((problem, _field(problem, prefix, form, index)))
        programme = None
    if programme is not None:
        report = report_with(document, programme)
        for problem in adapters.run_checks(report):
            path = problem.location.path or ""
            if path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "["):
                found.append((problem, _field(problem, prefix, form, index)))
    found.sort(key=lambda pair: _SEVERITY_ORDER.get(str(pair[0].severity.value), 3))
    shown = [(problem, _resolve(field, inputs)) for problem, field in found]
    if form != "programme":  # a form for one goal/table/indicator shows what is about it
        shown = [(problem, field) for problem, field in shown if field is not None]
    return [as_json(problem, field) for problem, field in shown]


def _resolve(field: str | None, inputs: list[str]) -> str | None:
    """An exact input id, or the first input whose id starts with the prefix ``field``."""
    if field is None or field in inputs:
        return field
    return next((name for name in inputs if name.startswith(field)), None)


def _field(problem: Problem, prefix: str, form: str, index: int | None) -> str | None:
    path = problem.location.path or ""
    if not path.startswith(prefix + "."):
        return None
    relative = path[len(prefix) + 1:]
    if relative.startswith("subprogrammes["):
        return None  # a deelprogramma's own finding, not a field of this form
    return field_for(relative, form, index)


def summary(problems: list[dict[str, Any]]) -> str:
    """"5 bevindingen, waarvan 1 fout" (or "Geen bevindingen.")."""
    if not problems:
        return _("Geen bevindingen.")
    errors = sum(1 for p in problems if p["severity"] == "error")
    found = ngettext("%(n)s bevinding", "%(n)s bevindingen", len(problems)) % {"n": len(problems)}
    wrong = ngettext("%(e)s fout", "%(e)s fouten", errors) % {"e": errors}
    return _("%(found)s, waarvan %(errors)s") % {"found": found, "errors": wrong}
