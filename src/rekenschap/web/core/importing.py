"""Upload -> import -> a new concept document, in one transaction (nothing half-done)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from rekenschap.model import Problem, Report, Severity
from rekenschap.model.problem import Location
from rekenschap.web.core import adapters
from rekenschap.web.core.errors import Forbidden
from rekenschap.web.core.models import (
    Document,
    ImportRecord,
    Organisation,
    ProgrammeRecord,
    Revision,
    User,
)
from rekenschap.web.core.permissions import Action, can


@dataclass(frozen=True)
class ImportOutcome:
    record: ImportRecord
    document: Document | None
    problems: list[Problem]


def check_upload(name: str, size: int, head: bytes) -> tuple[str | None, list[Problem]]:
    """The file kind for an upload, or problems saying why it is refused (type, size, content)."""
    where = Location(file=name)
    suffix = Path(name).suffix.lower()
    kind = settings.UPLOAD_EXTENSIONS.get(suffix)
    if kind is None:
        allowed = ", ".join(sorted(settings.UPLOAD_EXTENSIONS))
        return None, [
            Problem(
                code="WEB-UPLOAD-TYPE",
                severity=Severity.ERROR,
                location=where,
                message=_("Bestandstype %(s)s wordt niet ondersteund (wel: %(a)s).")
                % {"s": suffix or "?", "a": allowed},
            )
        ]
    if size > settings.UPLOAD_MAX_BYTES:
        return None, [
            Problem(
                code="WEB-UPLOAD-SIZE",
                severity=Severity.ERROR,
                location=where,
                message=_("Bestand is %(n)s bytes; het maximum is %(m)s.")
                % {"n": size, "m": settings.UPLOAD_MAX_BYTES},
            )
        ]
    if size == 0:
        return None, [
            Problem(
                code="WEB-UPLOAD-EMPTY",
                severity=Severity.ERROR,
                location=where,
                message=_("Het bestand is leeg."),
            )
        ]
    if kind == "pdf" and not head.startswith(b"%PDF-"):
        return None, [
            Problem(
                code="WEB-UPLOAD-TYPE",
                severity=Severity.ERROR,
                location=where,
                message=_("Het bestand heet .pdf maar is geen PDF."),
            )
        ]
    if kind != "pdf" and b"\x00" in head:
        return None, [
            Problem(
                code="WEB-UPLOAD-TYPE",
                severity=Severity.ERROR,
                location=where,
                message=_("Het bestand is geen tekstbestand."),
            )
        ]
    return kind, []


def store_report(report: Report, user: User | None, source_name: str) -> Document:
    """Create organisation (reused by name), document, programmes and their first revisions."""
    with transaction.atomic():
        org, _created = Organisation.objects.get_or_create(
            name=report.organisation.name, cbs_code=report.organisation.cbs_code or ""
        )
        header = report.model_dump(mode="json", by_alias=True, exclude={"programmes"})
        document = Document.objects.create(
            organisation=org,
            kind=report.document.kind.value,
            year=report.document.year,
            title=report.document.title or "",
            header=header,
            source_name=source_name[:300],
            created_by=user,
        )
        for position, programme in enumerate(report.programmes):
            record = ProgrammeRecord.objects.create(
                document=document,
                position=position,
                code=(programme.code or "")[:32],
                name=programme.name[:300],
                version=1,
            )
            revision = Revision.objects.create(
                programme=record,
                number=1,
                content=programme.model_dump(mode="json"),
                author=user,
                note=_("geïmporteerd uit %(f)s") % {"f": source_name},
            )
            record.current = revision
            record.save(update_fields=["current"])
    return document


def _rename(problem: Problem, tmp_name: str, name: str) -> Problem:
    """Problems name the uploaded file, not the temporary copy the importer read."""
    file = problem.location.file
    if file is None or not file.startswith(tmp_name):
        return problem
    return problem.model_copy(
        update={
            "location": problem.location.model_copy(update={"file": name + file[len(tmp_name) :]})
        }
    )


def import_upload(name: str, data: bytes, user: User) -> ImportOutcome:
    """Import uploaded bytes; always records what happened, creates a document when readable."""
    if not can(user, Action.IMPORT):
        raise Forbidden(_("U mag geen documenten importeren."))
    safe_name = Path(name).name[:200] or "upload"
    kind, problems = check_upload(safe_name, len(data), data[:1024])
    report: Report | None = None
    if kind is not None:
        with tempfile.TemporaryDirectory(prefix="rekenschap-upload-") as tmp:
            path = Path(tmp) / safe_name
            path.write_bytes(data)
            report, problems = adapters.import_file(path)
            problems = [_rename(p, str(path), safe_name) for p in problems]
        if report is not None and not report.programmes:
            problems.append(Problem(
                code="WEB-IMPORT-EMPTY", severity=Severity.ERROR, location=Location(file=safe_name),
                message=_("Geen enkel programma herkend; er is geen document aangemaakt.")))
            report = None
    with transaction.atomic():
        document = store_report(report, user, safe_name) if report is not None else None
        record = ImportRecord.objects.create(
            document=document,
            file_name=safe_name,
            kind=kind or "",
            size=len(data),
            problems=[p.model_dump(mode="json") for p in problems],
            user=user,
        )
    return ImportOutcome(record, document, problems)
