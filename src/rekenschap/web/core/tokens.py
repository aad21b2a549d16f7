"""API tokens: shown once, stored as SHA-256. A user manages their own; a beheerder (who
manages users) also lists and revokes everyone's."""

from __future__ import annotations

import hashlib
import logging
import secrets

from rekenschap.web.core.models import ApiToken, User
from rekenschap.web.core.permissions import Action, can

log = logging.getLogger(__name__)

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
    return list(ApiToken.objects.filter(user=user).select_related("user")
                .order_by("-created_at", "-pk"))


def manages_all(user: User) -> bool:
    """Whether ``user`` may list and revoke every user's tokens (the beheerder)."""
    return can(user, Action.MANAGE_USERS)


def all_tokens() -> list[ApiToken]:
    """Every user's tokens, by user name, newest first (for the beheerder)."""
    return list(ApiToken.objects.select_related("user")
                .order_by("user__username", "-created_at", "-pk"))


def revoke(user: User, token_id: int) -> bool:
    """Revoke (delete) a token of ``user``'s own, or any token when ``user`` manages all; False
    when it is not theirs to revoke or already gone (callers answer 404 alike, so nobody learns
    which ids exist). A revoked token no longer authenticates: the API answers 401."""
    found = ApiToken.objects.filter(pk=token_id).select_related("user").first()
    if found is None or (found.user_id != user.pk and not manages_all(user)):
        return False
    if found.user_id != user.pk:
        log.info("API token %s of %s revoked by %s", found.pk, found.user.username, user.username)
    deleted, _kinds = ApiToken.objects.filter(pk=found.pk).delete()
    return deleted > 0
