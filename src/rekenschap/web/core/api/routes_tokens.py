"""API endpoints for API tokens: list and revoke the caller's own (the UI's token page does the
same); a beheerder lists everyone's (``?all=true``) and revokes any. A revoked token fails like
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
from rekenschap.web.core.models import User


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


@api.get("/tokens", response={200: list[TokenOut], **ERRORS})
def list_tokens(request: HttpRequest, all: bool = False) -> list[dict[str, Any]]:
    """The caller's tokens, or with ``all=true`` every user's (beheerder only): owner, label and
    creation time; the secret itself is never shown again."""
    user = _user(request)
    if all and not tokens.manages_all(user):
        raise Forbidden(_("Alleen een beheerder ziet de tokens van alle gebruikers."))
    found = tokens.all_tokens() if all else tokens.tokens_of(user)
    return [{"id": t.pk, "user": t.user.username, "label": t.label, "created_at": t.created_at}
            for t in found]


@api.delete("/tokens/{token_id}", response={200: RevokedOut, **ERRORS})
def revoke_token(request: HttpRequest, token_id: int) -> dict[str, Any]:
    """Revoke one of the caller's tokens (also the one used for this request); a beheerder may
    revoke anyone's. Another user's token is 404 for everyone else, like an unknown id."""
    if not tokens.revoke(_user(request), token_id):
        raise NotFound(_("Token niet gevonden."))
    return {"ok": True, "revoked": token_id}
