"""Publish a document from approved revisions only: build the site, store it as a zip, serve it."""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from rekenschap.model import Programme, Report
from rekenschap.web.core import adapters
from rekenschap.web.core.errors import Forbidden, Locked, NotFound
from rekenschap.web.core.models import Document, ProgrammeRecord, Publication, State, User
from rekenschap.web.core.permissions import Action, can


def _zip_dir(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


LANGUAGES = ("nl", "en")
"""The published site's languages: Dutch at the root, English under ``en/`` (same file names,
a language switch on every page)."""


def publish(document_id: int, user: User) -> Publication:
    """Build and store the public site; marks the programmes published. All or nothing."""
    if not can(user, Action.PUBLISH):
        raise Forbidden(_("U mag niet publiceren."))
    return build_publication(document_id, user)


def build_publication(document_id: int, user: User | None) -> Publication:
    """``publish`` without the permission check (used by it and by the seed at first start)."""
    try:
        document = Document.objects.get(pk=document_id)
    except Document.DoesNotExist as exc:
        raise NotFound(_("Document niet gevonden.")) from exc
    records = list(document.programmes.select_related("approved").exclude(approved=None))
    if not records:
        raise Locked(_("Er is nog geen goedgekeurd programma om te publiceren."))
    used = {r.pk: r.approved_id for r in records}
    report = Report.model_validate(
        {
            **document.header,
            "programmes": [
                Programme.model_validate(r.approved.content).model_dump(mode="json")
                for r in records
                if r.approved is not None
            ],
        }
    )
    with tempfile.TemporaryDirectory(prefix="rekenschap-site-") as tmp:
        adapters.build_site([report], Path(tmp), LANGUAGES[0], LANGUAGES)
        archive = _zip_dir(Path(tmp))
    with transaction.atomic():
        for record in ProgrammeRecord.objects.select_for_update().filter(pk__in=used):
            if record.approved_id != used[record.pk]:
                raise Locked(_("Een goedkeuring is intussen gewijzigd; publiceer opnieuw."))
        publication = Publication.objects.create(document=document, archive=archive, user=user)
        publication.revisions.set([rid for rid in used.values() if rid is not None])
        for record in records:
            fields: dict[str, object] = {"published_id": record.approved_id}
            if record.state == State.APPROVED:
                fields["state"] = State.PUBLISHED
            ProgrammeRecord.objects.filter(pk=record.pk).update(**fields)
            if record.state == State.APPROVED:
                record.transitions.create(
                    revision_id=record.approved_id,
                    from_state=record.state,
                    to_state=State.PUBLISHED,
                    user=user,
                )
    return publication


def latest(document_id: int) -> Publication | None:
    return Publication.objects.filter(document_id=document_id).order_by("-at", "-id").first()


def site_key(publication: Publication) -> str:
    """The unpacked folder's name: the id and a hash of the zip. An id alone can come back (a
    rolled back transaction, a ``rekenschap restore``) with another site behind it; the same id
    with the same content is the same site."""
    digest = hashlib.blake2b(bytes(publication.archive), digest_size=12).hexdigest()
    return f"{publication.pk}-{digest}"


def _prune(parent: Path, publication: Publication, keep: str) -> None:
    """Remove folders unpacked for an earlier publication that had the same id (stale), and those
    of the document's superseded publications: the site is served from the latest one, and an
    older one is unpacked again from its zip if it is ever asked for (a folder is a cache)."""
    older = {str(pk) for pk in Publication.objects.filter(
        document_id=publication.document_id, at__lt=publication.at,
    ).exclude(pk=publication.pk).values_list("pk", flat=True)}
    for folder in parent.iterdir():
        name = folder.name
        owner = name.split("-", 1)[0]
        if name != keep and folder.is_dir() and (owner == str(publication.pk) or owner in older):
            shutil.rmtree(folder, ignore_errors=True)


def site_dir(publication: Publication) -> Path:
    """The publication unpacked into the data folder (done once, atomically by rename)."""
    key = site_key(publication)
    target = Path(settings.DATA_DIR) / "sites" / key
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{publication.pk}-", dir=target.parent))
    with zipfile.ZipFile(io.BytesIO(bytes(publication.archive))) as archive:
        for member in archive.infolist():
            dest = (tmp / member.filename).resolve()
            if not dest.is_relative_to(tmp.resolve()):
                continue  # never write outside the folder
            if member.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(archive.read(member))
    try:
        tmp.rename(target)
    except OSError:  # another worker won the race
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(target.parent, publication, key)
    return target
