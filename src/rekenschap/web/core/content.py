"""Rebuilding domain Reports from stored revisions (the only way the app reads content back)."""

from __future__ import annotations

from typing import Literal

from rekenschap.model import Programme, Report
from rekenschap.web.core.models import Document, ProgrammeRecord, Revision

Which = Literal["current", "approved", "published"]


def revision_of(record: ProgrammeRecord, which: Which) -> Revision | None:
    return {"current": record.current, "approved": record.approved, "published": record.published}[
        which
    ]


def programme_of(record: ProgrammeRecord, which: Which = "current") -> Programme | None:
    revision = revision_of(record, which)
    return None if revision is None else Programme.model_validate(revision.content)


def report_of(document: Document, which: Which = "current") -> Report:
    """The document as a Report, with each programme's ``which`` revision (others left out)."""
    records = document.programmes.select_related("current", "approved", "published")
    programmes = [p for p in (programme_of(r, which) for r in records) if p is not None]
    return Report.model_validate(
        {**document.header, "programmes": [p.model_dump(mode="json") for p in programmes]}
    )


def report_with(document: Document, programme: Programme) -> Report:
    """The document header around one programme (what the checks see while editing)."""
    return Report.model_validate(
        {**document.header, "programmes": [programme.model_dump(mode="json")]}
    )
