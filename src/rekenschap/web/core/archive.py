"""``rekenschap dump`` / ``restore``: a full, lossless JSON archive of the application's data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, models, transaction

from rekenschap.web.core.models import (
    ApiToken,
    CheckSettings,
    Comment,
    Document,
    ImportRecord,
    Organisation,
    ProgrammeRecord,
    Publication,
    Revision,
    Transition,
    User,
)

FORMAT = "rekenschap/web-archive@1"
MODELS: list[type[models.Model]] = [
    User,
    Organisation,
    Document,
    ProgrammeRecord,
    Revision,
    Transition,
    Comment,
    ImportRecord,
    Publication,
    ApiToken,
    CheckSettings,
]


class ArchiveError(Exception):
    """The archive cannot be restored (message says why)."""


def dump() -> dict[str, Any]:
    """Every row of every table the app owns, in Django's serialisation (binary as base64)."""
    objects: list[Any] = []
    for model in MODELS:
        objects.extend(serializers.serialize("python", model._default_manager.order_by("pk")))
    return {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(),
        "objects": json.loads(json.dumps(objects, default=str)),
    }


def dumps(archive: dict[str, Any]) -> str:
    return json.dumps(archive, ensure_ascii=False, indent=1, sort_keys=True)


def restore(archive: dict[str, Any]) -> int:
    """Load an archive into an empty database in one transaction; returns the object count."""
    if archive.get("format") != FORMAT:
        raise ArchiveError(
            f"not a Rekenschap archive (format {archive.get('format')!r}, expected {FORMAT!r})"
        )
    with transaction.atomic():
        busy = [m.__name__ for m in MODELS if m._default_manager.exists()]
        if busy:
            raise ArchiveError(
                f"the database is not empty ({', '.join(busy)}); restore needs a fresh database"
            )
        count = 0
        try:
            for item in serializers.deserialize("python", archive["objects"]):
                item.save()
                count += 1
        except (serializers.base.DeserializationError, KeyError) as exc:
            raise ArchiveError(f"archive object {count + 1} is not valid: {exc}") from exc
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), MODELS):
                cursor.execute(sql)
    return count
