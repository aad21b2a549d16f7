"""API endpoints for the remaining objects: organisations, imports (with upload), publications,
users."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Schema, Status
from ninja.files import UploadedFile

from rekenschap.web.core import importing
from rekenschap.web.core.api import api
from rekenschap.web.core.api.routes import ERRORS
from rekenschap.web.core.api.schemas import ProblemOut
from rekenschap.web.core.errors import Forbidden, NotFound
from rekenschap.web.core.models import Document, ImportRecord, Organisation, User
from rekenschap.web.core.permissions import Action, can

UPLOAD: Any = File(..., description="PDF, text, JSON or YAML")  # type: ignore[type-arg]


class OrganisationOut(Schema):
    id: int
    name: str
    cbs_code: str


class ImportOut(Schema):
    id: int
    document: int | None
    file_name: str
    kind: str
    size: int
    at: datetime
    problems: list[ProblemOut]


class PublicationSummary(Schema):
    id: int
    at: datetime
    revisions: list[int]
    zip_url: str


class UserOut(Schema):
    id: int
    username: str
    role: str
    is_active: bool
    programmes: list[int]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _import_out(record: ImportRecord) -> dict[str, Any]:
    return {"id": record.pk, "document": record.document_id, "file_name": record.file_name,
            "kind": record.kind, "size": record.size, "at": record.at,
            "problems": record.problems}


def _document(request: HttpRequest, pk: int) -> Document:
    if not can(_user(request), Action.READ_DRAFT):
        raise Forbidden(_("U mag dit document niet inzien."))
    document = Document.objects.filter(pk=pk).first()
    if document is None:
        raise NotFound(_("Document niet gevonden."))
    return document


@api.get("/organisations", response={200: list[OrganisationOut], **ERRORS})
def organisations(request: HttpRequest) -> list[Organisation]:
    return list(Organisation.objects.order_by("name"))


@api.post("/imports", response={201: ImportOut, **ERRORS})
def upload(request: HttpRequest, file: UploadedFile = UPLOAD) -> Status[dict[str, Any]]:
    """Import an uploaded file; 201 also when it could not be read (see ``problems``)."""
    outcome = importing.import_upload(file.name or "upload", file.read(), _user(request))
    return Status(201, _import_out(outcome.record))


@api.get("/documents/{pk}/imports", response={200: list[ImportOut], **ERRORS})
def imports(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    return [_import_out(r) for r in _document(request, pk).imports.order_by("at", "id")]


@api.get("/documents/{pk}/publications", response={200: list[PublicationSummary], **ERRORS})
def publications(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    document = _document(request, pk)
    return [{"id": p.pk, "at": p.at, "zip_url": f"/site/{pk}.zip",
             "revisions": sorted(p.revisions.values_list("pk", flat=True))}
            for p in document.publications.all()]


@api.get("/users", response={200: list[UserOut], **ERRORS})
def users(request: HttpRequest) -> list[dict[str, Any]]:
    if not can(_user(request), Action.MANAGE_USERS):
        raise Forbidden(_("U mag geen gebruikers beheren."))
    return [{"id": u.pk, "username": u.username, "role": u.role, "is_active": u.is_active,
             "programmes": sorted(u.programmes.values_list("pk", flat=True))}
            for u in User.objects.order_by("username")]
