"""Form pages for one goal (with its activities) and for the finance table's cells."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rekenschap.web.core import structured
from rekenschap.web.core.errors import Forbidden, Locked, NotFound, WebError
from rekenschap.web.core.models import ProgrammeRecord
from rekenschap.web.core.permissions import Action, can
from rekenschap.web.core.views.common import error_page, readable_programme, user_of
from rekenschap.web.core.views.programmes import save_or_conflict


def editable_programme(request: HttpRequest, pk: int) -> tuple[ProgrammeRecord, dict[str, Any]]:
    record, _drafts = readable_programme(request, pk)
    if not can(user_of(request), Action.EDIT, record):
        raise Forbidden(_("U mag dit programma niet bewerken."))
    if record.state != "concept":
        raise Locked(_("Dit programma is vergrendeld; start een correctie."))
    return record, dict(record.current.content if record.current else {})


def posted_version(request: HttpRequest, record: ProgrammeRecord) -> int:
    try:
        return int(request.POST.get("base_version", record.version))
    except ValueError:
        return -1


@login_required
def goal_edit(request: HttpRequest, pk: int, index: int | None = None) -> HttpResponse:
    try:
        record, content = editable_programme(request, pk)
        if index is not None and not 0 <= index < len(content.get("goals") or []):
            raise NotFound(_("Doel niet gevonden."))
    except WebError as error:
        return error_page(request, error)
    values = structured.goal_initial(content, index)
    context: dict[str, Any] = {
        "record": record,
        "index": index,
        "values": values,
        "version": record.version,
    }
    if request.method != "POST":
        return render(request, "rekenschap/goal_edit.html", context)
    fields = {k: request.POST.get(k, "") for k in ("code", "title", "description", "activities")}
    if not fields["title"].strip():
        context.update(values=fields, error=_("Een doel heeft een titel."))
        return render(request, "rekenschap/goal_edit.html", context, status=422)
    new = structured.apply_goal(content, index, **fields)
    return save_or_conflict(
        request, record, new, posted_version(request, record), request.POST.get("note", ""), {}
    )


@login_required
def finance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record, content = editable_programme(request, pk)
        if not content.get("finance"):
            raise NotFound(_("Dit programma heeft geen financiële tabel."))
    except WebError as error:
        return error_page(request, error)
    lang = get_language() or "nl"
    context: dict[str, Any] = {
        "record": record,
        "version": record.version,
        "rows": structured.finance_cells(content, lang),
    }
    if request.method != "POST":
        return render(request, "rekenschap/finance_edit.html", context)
    new, errors = structured.apply_finance(content, {k: str(v) for k, v in request.POST.items()})
    if errors:
        shown = [
            (i, label, [(name, col, request.POST.get(name, value)) for name, col, value in cells])
            for i, label, cells in context["rows"]
        ]
        context.update(rows=shown, errors=errors)
        return render(request, "rekenschap/finance_edit.html", context, status=422)
    return save_or_conflict(
        request, record, new, posted_version(request, record), request.POST.get("note", ""), {}
    )
