"""The exceptions a write can end in; the UI and the API turn each into one error shape.

``code`` is stable (documented in docs/web.md), ``message`` is Dutch for people (translated).
"""

from __future__ import annotations

from typing import Any


class WebError(Exception):
    code = "WEB-ERROR"
    status = 400

    def __init__(self, message: str, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class Forbidden(WebError):
    code = "WEB-FORBIDDEN"
    status = 403


class NotFound(WebError):
    code = "WEB-NOT-FOUND"
    status = 404


class Invalid(WebError):
    """Content the domain model rejects; ``details`` are Problem JSON records with a path."""

    code = "WEB-INVALID"
    status = 422


class Locked(WebError):
    """The programme is not in a state that allows this (e.g. saving an approved programme)."""

    code = "WEB-LOCKED"
    status = 409


class Conflict(WebError):
    """Someone saved in between: ``current`` is their version, the caller keeps its own."""

    code = "WEB-CONFLICT"
    status = 409

    def __init__(self, message: str, current: dict[str, Any], current_version: int) -> None:
        super().__init__(message, [{"current_version": current_version}])
        self.current = current
        self.current_version = current_version
