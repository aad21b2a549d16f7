"""Form pages for an indicator's observations and an explanation's variance items (of a
programme or a deelprogramma, ``?deel=``), checked while the author types (``_check=1``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rekenschap.web.core import structured_rows
from rekenschap.web.core.errors import NotFound, WebError
from rekenschap.web.core.structured_check import input_problem
from rekenschap.web.core.structured_parts import model_prefix, put_part
from rekenschap.web.core.structured_rows import OBSERVATIONS, TARGETS, VARIANCE_ITEMS, RowSpec
from rekenschap.web.core.views.common import error_page
from rekenschap.web.core.views.programmes import save_or_conflict
from rekenschap.web.core.views.structured import (
    check_json,
    check_response,
    editable_part,
    initial_problems,
    offered_sentences,
    part_context,
    posted_version,
    wants_check,
)


def _rows_page(
    request: HttpRequest, pk: int, index: int, specs: list[tuple[RowSpec, str]], title: str,
    name_field: str,
) -> HttpResponse:
    """One form with a table of inputs per spec (all of the same part, e.g. one indicator)."""
    part_name = specs[0][0].part
    form = "indicator" if part_name == "indicators" else "explanation"
    try:
        record, content, sub, programme = editable_part(request, pk)
        if not 0 <= index < len(programme.get(part_name) or []):
            raise NotFound(_("Onderdeel niet gevonden."))
    except WebError as error:
        return error_page(request, error)
    lang = get_language() or "nl"
    part = programme[part_name][index]
    tables = [
        {"caption": caption, "fields": spec.fields,
         "rows": structured_rows.rows(programme, spec, index, lang)}
        for spec, caption in specs
    ]
    inputs = [n for table in tables for row in table["rows"] for n, _f, _v in row]
    context: dict[str, Any] = {
        **part_context(record, sub, programme),
        "title": title,
        "name": part.get(name_field) or "",
        "tables": tables,
        "suggestions": offered_sentences(
            record, content, f"{model_prefix(sub)}.{part_name}[{index}]"),
    }
    if request.method != "POST":
        context.update(initial_problems(record, content, sub, form, index, inputs))
        return render(request, "rekenschap/rows_edit.html", context)
    posted = {k: str(v) for k, v in request.POST.items()}
    edited, errors = programme, []
    for spec, _caption in specs:
        if not any(k.startswith(f"{spec.prefix}-") for k in posted):
            continue  # a table not in the form (an older form, a script) is left as it was
        edited, found = structured_rows.apply_rows(edited, spec, index, posted)
        errors += found
    new = put_part(content, sub, edited)
    unreadable = [input_problem(name, _("Geen getal: %(m)s") % {"m": message})
                  for name, message in errors]
    if wants_check(request):
        return check_response(record, new, sub, form, index, inputs, unreadable)
    if errors:
        for table in tables:
            table["rows"] = [
                [(n, f, request.POST.get(n, v)) for n, f, v in row] for row in table["rows"]
            ]
        context["errors"] = [message for _name, message in errors]
        context.update(initial_problems(record, content, sub, form, index, inputs))
        context["live"] = [*check_json(unreadable), *context["live"]]
        return render(request, "rekenschap/rows_edit.html", context, status=422)
    return save_or_conflict(
        request, record, new, posted_version(request, record), request.POST.get("note", ""), {}
    )


@login_required
def indicator_edit(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    return _rows_page(request, pk, index,
                      [(OBSERVATIONS, _("Waarnemingen")), (TARGETS, _("Streefwaarden per jaar"))],
                      _("Indicator bewerken"), "name")


@login_required
def explanation_edit(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    return _rows_page(request, pk, index, [(VARIANCE_ITEMS, _("Verschillen"))],
                      _("Toelichting op verschillen"), "title")
