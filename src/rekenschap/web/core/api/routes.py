"""API endpoints: documents, programmes, revisions, workflow, comments, checks, publishing."""

from __future__ import annotations

import json
from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Status

from rekenschap.model import Programme, Report
from rekenschap.web.core import adapters, publishing, revisions, workflow
from rekenschap.web.core.api import api
from rekenschap.web.core.api.readcache import PROGRAMMES
from rekenschap.web.core.api.schemas import (
    CommentIn,
    CommentOut,
    DocumentOut,
    ErrorOut,
    MeOut,
    ProblemOut,
    ProgrammeOut,
    ProgrammeSummary,
    PublicationOut,
    RestoreIn,
    RevisionDetail,
    RevisionOut,
    SaveIn,
    TransitionIn,
)
from rekenschap.web.core.content import report_with
from rekenschap.web.core.errors import Forbidden, Invalid, NotFound
from rekenschap.web.core.importing import store_report
from rekenschap.web.core.models import Comment, Document, ProgrammeRecord, Revision, User
from rekenschap.web.core.overview import broken_refs
from rekenschap.web.core.permissions import Action, can

ERRORS: dict[int, type[ErrorOut]] = {c: ErrorOut for c in (400, 401, 403, 404, 409, 422)}


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _record(request: HttpRequest, pk: int) -> tuple[ProgrammeRecord, bool]:
    record = (
        ProgrammeRecord.objects.select_related("document", "current", "published")
        .filter(pk=pk)
        .first()
    )
    if record is None:
        raise NotFound(_("Programma niet gevonden."))
    if can(_user(request), Action.READ_DRAFT, record):
        return record, True
    if can(_user(request), Action.READ_PUBLISHED, record):
        return record, False
    raise Forbidden(_("U mag dit programma niet inzien."))


def _programme_out(record: ProgrammeRecord, drafts: bool) -> dict[str, Any]:
    revision = record.current if drafts else record.published
    return {
        "id": record.pk,
        "document": record.document_id,
        "code": record.code,
        "name": record.name,
        "state": record.state,
        "version": record.version,
        "revision": revision.number if revision else None,
        "content": revision.content if revision else None,
    }


def _document_out(request: HttpRequest, document: Document) -> dict[str, Any]:
    drafts = can(_user(request), Action.READ_DRAFT)
    programmes = [p for p in document.programmes.all() if drafts or p.published_id is not None]
    return {
        "id": document.pk,
        "organisation": document.organisation.name,
        "kind": document.kind,
        "year": document.year,
        "title": document.title,
        "programmes": [ProgrammeSummary.from_orm(p).dict() for p in programmes],
    }


@api.get("/me", response={200: MeOut, 401: ErrorOut})
def me(request: HttpRequest) -> dict[str, Any]:
    return {"username": _user(request).username, "role": _user(request).role}


@api.get("/documents", response={200: list[DocumentOut], 401: ErrorOut})
def list_documents(request: HttpRequest) -> list[dict[str, Any]]:
    out = [_document_out(request, d) for d in Document.objects.select_related("organisation")]
    return [d for d in out if d["programmes"] or can(_user(request), Action.READ_DRAFT)]


@api.post("/documents", response={201: DocumentOut, **ERRORS})
def create_document(request: HttpRequest, report: Report) -> Status[dict[str, Any]]:
    """Create a concept document from interchange JSON (``rekenschap/report@1``)."""
    if not can(_user(request), Action.IMPORT):
        raise Forbidden(_("U mag geen documenten importeren."))
    document = store_report(report, _user(request), "api")
    return Status(201, _document_out(request, document))


@api.get("/documents/{pk}", response={200: DocumentOut, **ERRORS})
def get_document(request: HttpRequest, pk: int) -> dict[str, Any]:
    document = Document.objects.select_related("organisation").filter(pk=pk).first()
    if document is None:
        raise NotFound(_("Document niet gevonden."))
    out = _document_out(request, document)
    if not out["programmes"] and not can(_user(request), Action.READ_DRAFT):
        raise Forbidden(_("U mag dit document niet inzien."))
    return out


@api.post("/documents/{pk}/publish", response={201: PublicationOut, **ERRORS})
def publish_document(request: HttpRequest, pk: int) -> Status[dict[str, Any]]:
    publication = publishing.publish(pk, _user(request))
    return Status(201, {
        "id": publication.pk,
        "document": pk,
        "site_url": f"/site/{pk}/",
        "zip_url": f"/site/{pk}.zip",
    })


@api.get("/programmes/{pk}", response={200: ProgrammeOut, **ERRORS})
def get_programme(request: HttpRequest, pk: int) -> HttpResponse:
    """The current revision (or the published one for who may not read drafts). The body is
    cached per revision (see ``readcache``); the record and the permission are checked on
    every request."""
    record = (
        ProgrammeRecord.objects.filter(pk=pk)
        .select_related("current", "published")
        .only("id", "document_id", "code", "name", "state", "version", "current__number",
              "current__created_at", "published__number", "published__created_at")
        .first()
    )
    if record is None:
        raise NotFound(_("Programma niet gevonden."))
    user = _user(request)
    if can(user, Action.READ_DRAFT, record):
        drafts = True
    elif can(user, Action.READ_PUBLISHED, record):
        drafts = False
    else:
        raise Forbidden(_("U mag dit programma niet inzien."))
    revision = record.current if drafts else record.published
    # created_at too: an id reused after a rollback or a restore is another revision
    key = (record.pk, record.document_id, record.code, record.name, record.state,
           record.version, revision.pk if revision else None,
           revision.number if revision else None, revision.created_at if revision else None)

    def build() -> bytes:
        content = (Revision.objects.values_list("content", flat=True).get(pk=revision.pk)
                   if revision is not None else None)
        out = ProgrammeOut(id=record.pk, document=record.document_id, code=record.code,
                           name=record.name, state=record.state, version=record.version,
                           revision=revision.number if revision else None, content=content)
        return json.dumps(out.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")

    return HttpResponse(PROGRAMMES.get(key, build), content_type="application/json")


@api.put("/programmes/{pk}", response={200: ProgrammeOut, **ERRORS})
def save_programme(request: HttpRequest, pk: int, body: SaveIn) -> dict[str, Any]:
    """Save a new revision; 409 ``WEB-CONFLICT`` when ``base_version`` is not the current one."""
    _record(request, pk)
    content = body.content.model_dump(mode="json")
    revisions.save_revision(pk, content, body.base_version, _user(request), body.note)
    return _programme_out(*_record(request, pk))


@api.post("/programmes/{pk}/transitions", response={200: ProgrammeOut, **ERRORS})
def transition(request: HttpRequest, pk: int, body: TransitionIn) -> dict[str, Any]:
    """``action``: submit, approve, reject or correct."""
    _record(request, pk)
    try:
        action = Action(body.action)
    except ValueError as exc:
        raise Invalid(_("Onbekende actie: %(a)s") % {"a": body.action}) from exc
    workflow.transition(pk, action, _user(request), body.note)
    return _programme_out(*_record(request, pk))


def _revision_out(revision: Revision, content: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": revision.number,
        "created_at": revision.created_at,
        "author": revision.author.username if revision.author else None,
        "note": revision.note,
    }
    if content:
        out["content"] = revision.content
    return out


def _drafts(request: HttpRequest, pk: int) -> ProgrammeRecord:
    record, drafts = _record(request, pk)
    if not drafts:
        raise Forbidden(_("U mag de geschiedenis niet inzien."))
    return record


@api.get("/programmes/{pk}/revisions", response={200: list[RevisionOut], **ERRORS})
def list_revisions(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    record = _drafts(request, pk)
    return [_revision_out(r) for r in record.revisions.select_related("author")]


@api.get("/programmes/{pk}/revisions/{number}", response={200: RevisionDetail, **ERRORS})
def get_revision(request: HttpRequest, pk: int, number: int) -> dict[str, Any]:
    record = _drafts(request, pk)
    revision = record.revisions.select_related("author").filter(number=number).first()
    if revision is None:
        raise NotFound(_("Revisie niet gevonden."))
    return _revision_out(revision, content=True)


@api.post("/programmes/{pk}/revisions/{number}/restore", response={200: ProgrammeOut, **ERRORS})
def restore(request: HttpRequest, pk: int, number: int, body: RestoreIn) -> dict[str, Any]:
    _drafts(request, pk)
    revisions.restore_revision(pk, number, body.base_version, _user(request))
    return _programme_out(*_record(request, pk))


@api.get("/programmes/{pk}/problems", response={200: list[ProblemOut], **ERRORS})
def problems(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """The checks' findings on the current revision."""
    record = _drafts(request, pk)
    if record.current is None:
        return []
    report = report_with(record.document, Programme.model_validate(record.current.content))
    found = broken_refs(record.document) + adapters.run_checks(report)
    return [p.model_dump(mode="json") for p in found]


def _comment_out(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "target": comment.target,
        "text": comment.text,
        "is_question": comment.is_question,
        "created_at": comment.created_at,
        "author": comment.author.username if comment.author else None,
    }


@api.get("/programmes/{pk}/comments", response={200: list[CommentOut], **ERRORS})
def list_comments(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    record, _drafts_ok = _record(request, pk)
    if not can(_user(request), Action.READ_COMMENTS, record):
        raise Forbidden(_("U mag de opmerkingen niet inzien."))
    return [_comment_out(c) for c in record.comments.select_related("author")]


@api.post("/programmes/{pk}/comments", response={201: CommentOut, **ERRORS})
def add_comment(request: HttpRequest, pk: int, body: CommentIn) -> Status[dict[str, Any]]:
    record, drafts = _record(request, pk)
    if not can(_user(request), Action.COMMENT, record):
        raise Forbidden(_("U mag hier geen opmerking plaatsen."))
    if not body.text.strip() or len(body.text) > 5000 or not 0 < len(body.target) <= 100:
        raise Invalid(_("Opmerking is niet geldig."))
    comment = Comment.objects.create(
        programme=record,
        revision=record.current if drafts else record.published,
        target=body.target,
        text=body.text,
        is_question=body.is_question,
        author=_user(request),
    )
    return Status(201, _comment_out(comment))
