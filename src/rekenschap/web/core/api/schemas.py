"""Request and response shapes of the API (content itself is the domain model's JSON)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from rekenschap.model import Programme


class ErrorBody(Schema):
    code: str
    message: str
    details: list[Any]


class ErrorOut(Schema):
    ok: bool
    error: ErrorBody


class ProgrammeSummary(Schema):
    id: int
    code: str
    name: str
    state: str
    version: int


class DocumentOut(Schema):
    id: int
    organisation: str
    kind: str
    year: int
    title: str
    programmes: list[ProgrammeSummary]


class ProgrammeOut(Schema):
    id: int
    document: int
    code: str
    name: str
    state: str
    version: int
    revision: int | None
    content: dict[str, Any] | None


class SaveIn(Schema):
    base_version: int
    content: Programme
    note: str = ""


class TransitionIn(Schema):
    action: Literal["submit", "approve", "reject", "correct"]
    """The workflow transitions (``permissions.Action``); the spec lists exactly these."""
    note: str = ""


class RestoreIn(Schema):
    base_version: int


class RevisionOut(Schema):
    number: int
    author: str | None
    created_at: datetime
    note: str


class RevisionDetail(RevisionOut):
    content: dict[str, Any]


class CommentIn(Schema):
    target: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=5000, pattern=r"\S")
    """Not blank (at least one non-space character), as the route requires."""
    is_question: bool = False


class CommentOut(Schema):
    id: int
    target: str
    text: str
    is_question: bool
    author: str | None
    created_at: datetime


class PublicationOut(Schema):
    id: int
    document: int
    site_url: str
    zip_url: str


class ProblemOut(Schema):
    code: str
    severity: str
    message: str
    location: dict[str, Any]


class MeOut(Schema):
    username: str
    role: str
