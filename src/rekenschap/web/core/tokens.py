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


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, newest first (only label and date are known; the token is not)."""
    return list(ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"))


def revoke(user: User, token_id: int) -> bool:
    """Revoke (delete) one of ``user``'s tokens; False when it is not theirs or already gone.
    A revoked token no longer authenticates: the API answers 401 in its one error shape."""
    deleted, _kinds = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0
