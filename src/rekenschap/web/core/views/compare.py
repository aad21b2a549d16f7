"""The comparison page (vergelijken) of a document: its municipality against peers."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rekenschap.web.core.comparing import MEASURES, compare_document, summary
from rekenschap.web.core.errors import Forbidden, NotFound, WebError
from rekenschap.web.core.models import Document, User
from rekenschap.web.core.permissions import Action, can
from rekenschap.web.core.views.common import error_page, user_of


def comparable_document(user: User, pk: int) -> Document:
    """The document, if ``user`` may read it: drafts, or at least one published programme."""
    document = Document.objects.select_related("organisation").filter(pk=pk).first()
    if document is None:
        raise NotFound("Document niet gevonden.")
    if can(user, Action.READ_DRAFT):
        return document
    if can(user, Action.READ_PUBLISHED) and document.programmes.filter(
            published__isnull=False).exists():
        return document
    raise Forbidden("U mag dit document niet inzien.")


@login_required
def compare_view(request: HttpRequest, pk: int) -> HttpResponse:
    from rekenschap.web.core.comparing import clean_peers

    try:
        document = comparable_document(user_of(request), pk)
    except WebError as error:
        return error_page(request, error)
    context: dict[str, object] = {"document": document,
                                  "peers": request.GET.get("peers", "size-class")}
    try:
        result = compare_document(document, clean_peers(request.GET.get("peers")))
    except WebError as error:
        context["error"] = error
        return render(request, "rekenschap/compare.html", context, status=error.status)
    comparison = result.comparison
    context.update({
        "comparison": comparison,
        "problems": result.problems,
        "measures": [
            {"measure": m, "svg": result.charts.get(m, ""), "summary": summary(comparison, m),
             "rows": [r for r in comparison.rows if r.measure == m]}
            for m in MEASURES],
    })
    return render(request, "rekenschap/compare.html", context)
