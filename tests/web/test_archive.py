"""dump/restore: a lossless JSON archive (round trip on the database the suite runs on)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import transaction
from web_world import World

from rekenschap.web.core import archive
from rekenschap.web.core.models import Comment, Publication, Revision, Role
from rekenschap.web.core.revisions import save_revision


def _without_timestamp(content: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in content.items() if k != "created"}


def _wipe() -> None:
    for model in reversed(archive.MODELS):
        model._default_manager.all().delete()


def test_dump_restore_dump_is_identical(world: World) -> None:
    save_revision(world.own.pk, {**(world.own.current.content if world.own.current else {}),
                                 "name": "Ná de import — “quotes” & <tags>"}, 1,
                  world.users[Role.AUTEUR], "met unicode")
    Comment.objects.create(programme=world.published, target="finance", text="Vraag?",
                           author=world.users[Role.RAADSLID], is_question=True)
    first = json.loads(archive.dumps(archive.dump()))
    assert first["format"] == archive.FORMAT
    counts = {m.__name__: m._default_manager.count() for m in archive.MODELS}
    with transaction.atomic():
        # deleting everything needs PROTECT references cleared first
        from rekenschap.web.core.models import ProgrammeRecord

        ProgrammeRecord.objects.update(current=None, approved=None, published=None)
        _wipe()
        assert Revision.objects.count() == 0
        restored = archive.restore(first)
    assert restored == len(first["objects"])
    assert {m.__name__: m._default_manager.count() for m in archive.MODELS} == counts
    second = json.loads(archive.dumps(archive.dump()))
    assert _without_timestamp(second) == _without_timestamp(first)
    publication = Publication.objects.get()
    assert bytes(publication.archive)[:2] == b"PK"  # the zip survived as bytes
    # new rows get fresh ids after a restore (sequences were reset)
    new = Comment.objects.create(programme=world.published, target="x", text="na restore")
    assert new.pk > max(o["pk"] for o in first["objects"] if o["model"] == "core.comment")


def test_restore_refuses_a_non_empty_database_and_a_foreign_file(world: World) -> None:
    content = archive.dump()
    with pytest.raises(archive.ArchiveError, match="not empty"):
        archive.restore(content)
    with pytest.raises(archive.ArchiveError, match="not a Rekenschap archive"):
        archive.restore({"format": "something/else", "objects": []})
