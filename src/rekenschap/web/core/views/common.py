"""Helpers shared by the HTML views: typed request user, lookups with permission checks."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rekenschap.web.core.errors import WebError
from rekenschap.web.core.models import ProgrammeRecord, User
from rekenschap.web.core.permissions import Action, can


def user_of(request: HttpRequest) -> User:
    return cast(User, request.user)


def error_page(request: HttpRequest, error: WebError) -> HttpResponse:
    return render(request, "rekenschap/error.html", {"error": error}, status=error.status)


def readable_programme(request: HttpRequest, pk: int) -> tuple[ProgrammeRecord, bool]:
    """The programme and whether the user sees drafts (else: published only). Raises WebError."""
    from rekenschap.web.core.errors import Forbidden, NotFound

    record = (
        ProgrammeRecord.objects.select_related("document", "current", "approved", "published")
        .filter(pk=pk)
        .first()
    )
    if record is None:
        raise NotFound("Programma niet gevonden.")
    user = user_of(request)
    if can(user, Action.READ_DRAFT, record):
        return record, True
    if can(user, Action.READ_PUBLISHED, record):
        return record, False
    raise Forbidden("U mag dit programma niet inzien.")
