"""The JSON API (django-ninja): token authentication, the UI's permissions, one error shape.

Every error is ``{"ok": false, "error": {"code": "WEB-...", "message": "...", "details": [...]}}``.
OpenAPI: ``/api/v1/openapi.json``; interactive docs: ``/api/v1/docs``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from rekenschap.web.core.errors import WebError
from rekenschap.web.core.tokens import user_for

log = logging.getLogger(__name__)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Rekenschap API",
    version="1",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def error_response(
    request: HttpRequest, status: int, code: str, message: str, details: list[Any] | None = None
) -> HttpResponse:
    return api.create_response(
        request,
        {"ok": False, "error": {"code": code, "message": message, "details": details or []}},
        status=status,
    )


@api.exception_handler(WebError)
def _web_error(request: HttpRequest, exc: WebError) -> HttpResponse:
    return error_response(request, exc.status, exc.code, exc.message, exc.details)


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "WEB-UNAUTHENTICATED", "Geldig API-token vereist.")


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [
        {"path": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
        for e in exc.errors
    ]
    return error_response(request, 422, "WEB-INVALID", "Verzoek is niet geldig.", details)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "WEB-NOT-FOUND", "Niet gevonden.")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(request, exc.status_code, "WEB-HTTP", str(exc))


@api.exception_handler(Exception)
def _crash(request: HttpRequest, exc: Exception) -> HttpResponse:
    log.exception("API error")
    return error_response(request, 500, "WEB-INTERNAL", "Interne fout; zie het serverlog.")


from rekenschap.web.core.api import (  # noqa: E402,F401  (registers endpoints)
    routes,
    routes_compare,
    routes_more,
    routes_tokens,
)
