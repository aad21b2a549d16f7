"""API endpoints for API tokens: list and revoke the caller's own (the UI's token page does the
same); a beheerder lists everyone's (``/tokens/all``) and revokes any. A revoked token fails like
any unknown token: 401 ``WEB-UNAUTHENTICATED``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema

from rekenschap.web.core import tokens
from rekenschap.web.core.api import api
from rekenschap.web.core.api.routes import ERRORS
from rekenschap.web.core.errors import Forbidden, NotFound
from rekenschap.web.core.models import ApiToken, User


class TokenOut(Schema):
    id: int
    user: str
    label: str
    created_at: datetime


class RevokedOut(Schema):
    ok: bool
    revoked: int


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _out(found: list[ApiToken]) -> list[dict[str, Any]]:
    return [{"id": t.pk, "user": t.user.username, "label": t.label, "created_at": t.created_at}
            for t in found]


@api.get("/tokens", response={200: list[TokenOut], **ERRORS})
def list_tokens(request: HttpRequest) -> list[dict[str, Any]]:
    """The caller's tokens: owner, label and creation time (the secret is never shown again)."""
    return _out(tokens.tokens_of(_user(request)))


@api.get("/tokens/all", response={200: list[TokenOut], **ERRORS})
def list_all_tokens(request: HttpRequest) -> list[dict[str, Any]]:
    """Every user's tokens (beheerder only; 403 for everyone else)."""
    if not tokens.manages_all(_user(request)):
        raise Forbidden(_("Alleen een beheerder ziet de tokens van alle gebruikers."))
    return _out(tokens.all_tokens())


@api.delete("/tokens/{token_id}", response={200: RevokedOut, **ERRORS})
def revoke_token(request: HttpRequest, token_id: int) -> dict[str, Any]:
    """Revoke one of the caller's tokens (also the one used for this request); a beheerder may
    revoke anyone's. Another user's token is 404 for everyone else, like an unknown id."""
    if not tokens.revoke(_user(request), token_id):
        raise NotFound(_("Token niet gevonden."))
    return {"ok": True, "revoked": token_id}
