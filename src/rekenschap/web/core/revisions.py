"""Saving programme content as revisions, with optimistic locking, restore and a readable diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from pydantic import ValidationError

from rekenschap.model import Problem, Programme, Severity
from rekenschap.model.problem import Location
from rekenschap.web.core.errors import Conflict, Forbidden, Locked, NotFound
from rekenschap.web.core.errors import Invalid as InvalidError
from rekenschap.web.core.models import ProgrammeRecord, Revision, State, User
from rekenschap.web.core.overview import follow_rename
from rekenschap.web.core.permissions import Action, can


def validation_problems(error: ValidationError, prefix: str = "") -> list[Problem]:
    """One Problem per pydantic error, located by its path in the model."""
    out = []
    for item in error.errors():
        path = prefix + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in item["loc"])
        out.append(
            Problem(
                code="WEB-FIELD-INVALID",
                severity=Severity.ERROR,
                message=item["msg"],
                location=Location(path=path.lstrip(".") or None),
            )
        )
    return out


def validate_programme(content: Any) -> Programme:
    """The domain model's verdict on ``content``; raises Invalid with one detail per field."""
    try:
        return Programme.model_validate(content)
    except ValidationError as exc:
        problems = validation_problems(exc)
        raise InvalidError(
            _("De inhoud is niet geldig."), [p.model_dump(mode="json") for p in problems]
        ) from exc


def save_revision(
    programme_id: int, content: Any, base_version: int, user: User, note: str = ""
) -> Revision:
    """Store ``content`` as the next revision, if nobody saved since ``base_version``.

    The conditional UPDATE claims the version number first, so of two concurrent saves with the
    same base exactly one wins and the other gets ``Conflict`` carrying the winner's content.
    """
    programme = validate_programme(content)
    canonical = programme.model_dump(mode="json")
    with transaction.atomic():
        try:
            record = ProgrammeRecord.objects.get(pk=programme_id)
        except ProgrammeRecord.DoesNotExist as exc:
            raise NotFound(_("Programma niet gevonden.")) from exc
        if not can(user, Action.EDIT, record):
            raise Forbidden(_("U mag dit programma niet bewerken."))
        if record.state != State.CONCEPT:
            raise Locked(
                _("Dit programma is vergrendeld (status: %(state)s); start een correctie.")
                % {"state": record.get_state_display()}
            )
        claimed = ProgrammeRecord.objects.filter(
            pk=programme_id,
            version=base_version,
            state=State.CONCEPT,
        ).update(version=F("version") + 1)
        if not claimed:
            record.refresh_from_db()
            current = record.current.content if record.current else {}
            raise Conflict(
                _("Iemand anders heeft dit programma intussen opgeslagen."), current, record.version
            )
        revision = Revision.objects.create(
            programme_id=programme_id,
            number=base_version + 1,
            content=canonical,
            author=user,
            note=note[:300],
        )
        new_code = (programme.code or "")[:32]
        ProgrammeRecord.objects.filter(pk=programme_id).update(
            current=revision, name=programme.name[:300], code=new_code
        )
        if new_code != record.code:
            follow_rename(record.document_id, record.code, new_code)
    return revision


def restore_revision(programme_id: int, number: int, base_version: int, user: User) -> Revision:
    """Make revision ``number``'s content current again, as a new revision."""
    try:
        old = Revision.objects.get(programme_id=programme_id, number=number)
    except Revision.DoesNotExist as exc:
        raise NotFound(_("Revisie niet gevonden.")) from exc
    return save_revision(
        programme_id,
        old.content,
        base_version,
        user,
        note=_("hersteld van revisie %(n)s") % {"n": number},
    )


@dataclass(frozen=True)
class Change:
    path: str
    old: str | None
    new: str | None


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """``{"goals[0].title": "..."}``: every leaf of a JSON value by its path."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{i}]"))
    elif value is not None:
        out[prefix] = str(value)
    return out


def diff(old: Any, new: Any) -> list[Change]:
    """Field-by-field differences between two contents, in document order."""
    a, b = flatten(old), flatten(new)
    order = list(b) + [path for path in a if path not in b]
    return [Change(path, a.get(path), b.get(path)) for path in order if a.get(path) != b.get(path)]
