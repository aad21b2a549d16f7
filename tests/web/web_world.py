"""The web tests' world: users in every role, a document of three programmes, one published."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.test import Client

from rekenschap.model import Report
from rekenschap.web.core.importing import store_report
from rekenschap.web.core.models import (
    Document,
    ProgrammeRecord,
    Publication,
    Role,
    State,
    User,
)
from rekenschap.web.core.publishing import build_publication
from rekenschap.web.core.tokens import create_token

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "groningen-2024-veiligheid.yaml"
PASSWORD = "x-Geheim-123456"
_SITE: list[bytes] = []


def example_report(programmes: int = 3) -> Report:
    """The seed example with ``programmes`` copies of its programme under different codes."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    base = data["programmes"][0]
    data["programmes"] = [{**base, "code": f"{i + 1}", "name": f"{base['name']} {i + 1}"}
                          for i in range(programmes)]
    return Report.model_validate(data)


@dataclass
class World:
    users: dict[Role, User]
    document: Document
    own: ProgrammeRecord        # concept, assigned to the auteur
    other: ProgrammeRecord      # concept, another department's
    published: ProgrammeRecord  # published, not assigned to the auteur

    def client(self, role: Role) -> Client:
        client = Client()
        client.force_login(self.users[role])
        return client

    def api(self, role: Role) -> Client:
        return Client(headers={"authorization": f"Bearer {create_token(self.users[role])}"})


def make_world() -> World:
    users = {role: User.objects.create_user(f"u-{role.value}", password=PASSWORD,
                                            role=role) for role in Role}
    document = store_report(example_report(), users[Role.CONTROLLER], "voorbeeld.yaml")
    own, other, published = document.programmes.order_by("position")
    own.authors.add(users[Role.AUTEUR])
    ProgrammeRecord.objects.filter(pk=published.pk).update(
        state=State.APPROVED, approved=published.current)
    if not _SITE:  # building the site once per session keeps the suite fast
        _SITE.append(build_publication(document.pk, users[Role.CONTROLLER]).archive)
    else:
        pub = Publication.objects.create(document=document, archive=_SITE[0],
                                         user=users[Role.CONTROLLER])
        pub.revisions.set([published.current_id])
        ProgrammeRecord.objects.filter(pk=published.pk).update(
            state=State.PUBLISHED, published=published.current)
    for record in (own, other, published):
        record.refresh_from_db()
    return World(users, document, own, other, published)
