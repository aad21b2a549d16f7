"""Form pages for one goal (with its activities) and for the finance table's cells, of a
programme or of one of its deelprogramma's (``?deel=0.1``); each form checks while the author
types (``_check=1``: JSON findings, nothing saved)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rekenschap.model import Problem, Programme
from rekenschap.web.core import adapters, structured
from rekenschap.web.core.content import report_with
from rekenschap.web.core.errors import Forbidden, Locked, NotFound, WebError
from rekenschap.web.core.models import ProgrammeRecord
from rekenschap.web.core.permissions import Action, can
from rekenschap.web.core.structured_check import as_json, input_problem, live_problems, summary
from rekenschap.web.core.structured_parts import (
    NoSuchPart,
    model_prefix,
    parse_sub,
    part_at,
    put_part,
    sub_text,
)
from rekenschap.web.core.structured_sentences import CONTENT_LANG, already_in
from rekenschap.web.core.views.common import error_page, readable_programme, user_of
from rekenschap.web.core.views.programmes import save_or_conflict

GOAL_INPUTS = ["id_code", "id_title", "id_description", "id_activities"]


def editable_programme(request: HttpRequest, pk: int) -> tuple[ProgrammeRecord, dict[str, Any]]:
    record, _drafts = readable_programme(request, pk)
    if not can(user_of(request), Action.EDIT, record):
        raise Forbidden(_("U mag dit programma niet bewerken."))
    if record.state != "concept":
        raise Locked(_("Dit programma is vergrendeld; start een correctie."))
    return record, dict(record.current.content if record.current else {})


def editable_part(
    request: HttpRequest, pk: int
) -> tuple[ProgrammeRecord, dict[str, Any], tuple[int, ...], dict[str, Any]]:
    """The programme, its whole content, the deelprogramma path (``?deel=``) and that part."""
    record, content = editable_programme(request, pk)
    try:
        sub = parse_sub(request.GET.get("deel") or request.POST.get("deel"))
        return record, content, sub, part_at(content, sub)
    except NoSuchPart:
        raise NotFound(_("Deelprogramma niet gevonden.")) from None


def part_context(record: ProgrammeRecord, sub: tuple[int, ...], part: dict[str, Any]
                 ) -> dict[str, Any]:
    """What every form page shows: the programme, which deelprogramma, the version."""
    return {"record": record, "version": record.version, "sub": sub_text(sub),
            "part_name": " ".join(str(x) for x in (part.get("code"), part.get("name")) if x)
            if sub else ""}


def posted_version(request: HttpRequest, record: ProgrammeRecord) -> int:
    try:
        return int(request.POST.get("base_version", record.version))
    except ValueError:
        return -1


def wants_check(request: HttpRequest) -> bool:
    return request.method == "POST" and request.POST.get("_check") == "1"


def check_response(record: ProgrammeRecord, content: dict[str, Any], sub: tuple[int, ...],
                   form: str, index: int | None, inputs: list[str],
                   unreadable: list[Problem] | None = None) -> JsonResponse:
    """The findings for unsaved ``content`` (the live region's data)."""
    found = live_problems(record.document, content, sub, form, index, inputs, unreadable)
    return JsonResponse({"ok": True, "saved": False, "summary": summary(found),
                         "problems": found})


def offered_sentences(record: ProgrammeRecord, content: dict[str, Any], prefix: str
                      ) -> list[tuple[str, str, bool]]:
    """Generated sentences about ``prefix`` (e.g. ``programmes[0].finance``) for the saved
    content, as (path, text, already in the text) — offered beside the form."""
    programme = Programme.model_validate(content)
    offered = adapters.sentence_suggestions(report_with(record.document, programme), programme,
                                            CONTENT_LANG)
    return [(s.path, s.text, already_in(content, s.path, s.text)) for s in offered
            if s.path == prefix or s.path.startswith((prefix + ".", prefix + "["))]


def initial_problems(record: ProgrammeRecord, content: dict[str, Any], sub: tuple[int, ...],
                     form: str, index: int | None, inputs: list[str]) -> dict[str, Any]:
    """The live region's first contents (also what a browser without JS sees)."""
    found = live_problems(record.document, content, sub, form, index, inputs)
    return {"live": found, "live_summary": summary(found)}


@login_required
def goal_edit(request: HttpRequest, pk: int, index: int | None = None) -> HttpResponse:
    try:
        record, content, sub, part = editable_part(request, pk)
        goals = part.get("goals") or []
        if index is not None and not 0 <= index < len(goals):
            raise NotFound(_("Doel niet gevonden."))
    except WebError as error:
        return error_page(request, error)
    at = len(goals) if index is None else index
    context: dict[str, Any] = {**part_context(record, sub, part), "index": index,
                               "values": structured.goal_initial(part, index)}
    if request.method != "POST":
        context.update(initial_problems(record, content, sub, "goal", at, GOAL_INPUTS))
        return render(request, "rekenschap/goal_edit.html", context)
    fields = {k: request.POST.get(k, "") for k in ("code", "title", "description", "activities")}
    missing = [] if fields["title"].strip() else [
        input_problem("id_title", _("Een doel heeft een titel."))]
    new = put_part(content, sub, structured.apply_goal(part, index, **fields))
    if wants_check(request):
        return check_response(record, new, sub, "goal", at, GOAL_INPUTS, missing)
    if missing:
        context.update(values=fields, error=missing[0].message)
        context.update(initial_problems(record, new, sub, "goal", at, GOAL_INPUTS))
        return render(request, "rekenschap/goal_edit.html", context, status=422)
    return save_or_conflict(
        request, record, new, posted_version(request, record), request.POST.get("note", ""), {}
    )


@login_required
def finance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record, content, sub, part = editable_part(request, pk)
        if not part.get("finance"):
            raise NotFound(_("Dit programma heeft geen financiële tabel."))
    except WebError as error:
        return error_page(request, error)
    rows = structured.finance_cells(part, get_language() or "nl")
    inputs = [name for _i, _label, cells in rows for name, _col, _value in cells]
    context: dict[str, Any] = {
        **part_context(record, sub, part), "rows": rows,
        "suggestions": offered_sentences(record, content, model_prefix(sub) + ".finance")}
    if request.method != "POST":
        context.update(initial_problems(record, content, sub, "finance", None, inputs))
        return render(request, "rekenschap/finance_edit.html", context)
    edited, errors = structured.apply_finance(part, {k: str(v) for k, v in request.POST.items()})
    new = put_part(content, sub, edited)
    unreadable = [input_problem(name, _("Geen getal: %(m)s") % {"m": message})
                  for name, message in errors.items()]
    if wants_check(request):
        return check_response(record, new, sub, "finance", None, inputs, unreadable)
    if errors:
        shown = [
            (i, label, [(name, col, request.POST.get(name, value)) for name, col, value in cells])
            for i, label, cells in rows
        ]
        context.update(rows=shown, errors=errors)
        context.update(initial_problems(record, content, sub, "finance", None, inputs))
        context["live"] = [*check_json(unreadable), *context["live"]]
        return render(request, "rekenschap/finance_edit.html", context, status=422)
    return save_or_conflict(
        request, record, new, posted_version(request, record), request.POST.get("note", ""), {}
    )


def check_json(problems: list[Problem]) -> list[dict[str, Any]]:
    return [as_json(p, p.location.path) for p in problems]
