"""Validators on read-API responses: ``ETag`` and ``304 Not Modified`` (conditional GET).

Every successful ``GET /api/...`` gets an ``ETag`` (a hash of the body Django's
``set_response_etag`` computes), ``Cache-Control: private, no-cache`` (a client may keep the
body but must revalidate it before each use, so it never shows a revision older than what the
server has) and ``Vary: Authorization`` (what a reader may see depends on the token). A request
whose ``If-None-Match`` names the current tag gets a ``304`` without the body. The tag is the
body's own hash, so a tag can only match when the body is exactly the current one.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

Handler = Callable[[HttpRequest], HttpResponseBase]
API_PREFIX = "/api/"


class ApiConditionalGetMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            request.method != "GET"
            or not request.path.startswith(API_PREFIX)
            or response.status_code != 200
            or response.streaming
            or not isinstance(response, HttpResponse)
        ):
            return response
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ("Authorization",))
        if not response.has_header("ETag"):
            set_response_etag(response)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        return conditional if conditional is not None else response
