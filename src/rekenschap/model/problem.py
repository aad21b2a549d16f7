"""The one problem record every layer returns (bevinding): code, severity, message, location."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from rekenschap.model.base import Frozen
from rekenschap.model.provenance import Provenance


class Severity(StrEnum):
    """How bad a problem is; ordered error > warning > notice."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "notice": 1}[self.value]


class Location(Frozen):
    """Where a problem is: a place in a file and/or a path in the model (``programmes[0].name``)."""

    file: str | None = None
    page: int | None = Field(default=None, ge=1)
    line: int | None = Field(default=None, ge=1)
    path: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    @classmethod
    def of(cls, provenance: Provenance | None, path: str | None = None) -> Location:
        if provenance is None:
            return cls(path=path)
        return cls(
            file=provenance.file,
            page=provenance.page,
            line=provenance.line,
            bbox=provenance.bbox,
            path=path,
        )

    def label(self) -> str:
        """``file:page:line`` as far as known, the format every printer uses."""
        parts = [self.file or "-"]
        if self.page is not None:
            parts.append(str(self.page))
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)


class Problem(Frozen):
    """A finding: never raised, always returned (the beancount practice).

    ``code`` is stable (e.g. ``FIN-OVERRUN``) and documented once; ``message`` is for people.
    """

    code: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
    severity: Severity
    message: str
    location: Location = Location()

    def format(self) -> str:
        """``file:page:line: CODE severity message`` (path appended when known)."""
        where = self.location.label()
        path = f" [{self.location.path}]" if self.location.path else ""
        return f"{where}: {self.code} {self.severity.value} {self.message}{path}"


def worst(problems: list[Problem]) -> Severity | None:
    """The most severe severity among ``problems``; ``None`` for an empty list."""
    if not problems:
        return None
    return max((p.severity for p in problems), key=lambda s: s.rank)
