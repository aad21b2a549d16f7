"""API tokens: shown once, stored as SHA-256."""

from __future__ import annotations

import hashlib
import secrets

from rekenschap.web.core.models import ApiToken, User

PREFIX = "rks_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(user: User, label: str = "") -> str:
    token = PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=digest(token), label=label[:100])
    return token


def user_for(token: str) -> User | None:
    found = ApiToken.objects.select_related("user").filter(digest=digest(token)).first()
    if found is None or not found.user.is_active:
        return None
    return found.user
