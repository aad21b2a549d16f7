"""Documents: the list, one document, import by upload, publish, the published site and its zip."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from rekenschap.web.core import importing, publishing
from rekenschap.web.core.errors import Forbidden, WebError
from rekenschap.web.core.forms import UploadForm
from rekenschap.web.core.models import Document, ProgrammeRecord, Publication
from rekenschap.web.core.permissions import Action, can
from rekenschap.web.core.views.common import error_page, user_of


def _visible(request: HttpRequest, document: Document) -> list[ProgrammeRecord]:
    user = user_of(request)
    records = list(document.programmes.all())
    if can(user, Action.READ_DRAFT):
        return records
    return [r for r in records if r.published_id is not None]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    documents = [(d, _visible(request, d)) for d in Document.objects.select_related("organisation")]
    return render(
        request,
        "rekenschap/home.html",
        {
            "documents": [
                (d, progs)
                for d, progs in documents
                if progs or can(user_of(request), Action.READ_DRAFT)
            ],
            "may_import": can(user_of(request), Action.IMPORT),
        },
    )


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("organisation"), pk=pk)
    programmes = _visible(request, document)
    if not programmes and not can(user_of(request), Action.READ_DRAFT):
        return error_page(request, Forbidden("U mag dit document niet inzien."))
    return render(
        request,
        "rekenschap/document.html",
        {
            "document": document,
            "programmes": programmes,
            "publication": publishing.latest(document.pk),
            "may_publish": can(user_of(request), Action.PUBLISH),
            "imports": document.imports.all() if can(user_of(request), Action.READ_DRAFT) else [],
        },
    )


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not can(user, Action.IMPORT):
        return error_page(request, Forbidden("U mag geen documenten importeren."))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = importing.import_upload(upload.name, upload.read(), user)
        return render(request, "rekenschap/import_result.html", {"outcome": outcome})
    return render(request, "rekenschap/import.html", {"form": form})


@login_required
@require_POST
def publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        publishing.publish(pk, user_of(request))
    except WebError as error:
        return error_page(request, error)
    return redirect("document", pk=pk)


def _published(pk: int) -> Publication:
    publication = publishing.latest(pk)
    if publication is None:
        raise Http404("not published")
    return publication


def site_file(request: HttpRequest, pk: int, path: str = "index.html") -> HttpResponseBase:
    """Serve the latest publication of document ``pk`` publicly (files confined to its folder)."""
    root = publishing.site_dir(_published(pk)).resolve()
    target = (root / (path or "index.html")).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(root) or not target.is_file():
        raise Http404(path)
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target.open("rb"), content_type=content_type)


def site_zip(request: HttpRequest, pk: int) -> HttpResponse:
    """The published site as a zip (public, like the site itself)."""
    publication = _published(pk)
    response = HttpResponse(bytes(publication.archive), content_type="application/zip")
    name = Path(f"rekenschap-{pk}-{publication.pk}.zip").name
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
