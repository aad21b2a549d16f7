"""First start: apply migrations and create the first beheerder with a one-time password."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from rekenschap.web.core.models import Role, User


def migrate(verbosity: int = 0) -> None:
    call_command("migrate", interactive=False, verbosity=verbosity)


def ensure_admin(username: str = "beheerder") -> str | None:
    """Create the first beheerder when there is no user at all; returns its one-time password."""
    with transaction.atomic():
        if User.objects.exists():
            return None
        password = secrets.token_urlsafe(12)
        user = User(username=username, role=Role.BEHEERDER, must_change_password=True)
        user.set_password(password)
        user.save()
    return password


def seed_report(path: Path) -> list[str]:
    """Import ``path``, mark it approved and publish it, when there are no documents yet.

    Used by ``rekenschap serve --seed`` to start with the example ready to look at; the steps
    are recorded as transitions by nobody (note "seed").
    """
    from rekenschap.web.core import adapters, publishing
    from rekenschap.web.core.importing import store_report
    from rekenschap.web.core.models import Document, ProgrammeRecord, State, Transition

    if Document.objects.exists():
        return []
    report, problems = adapters.import_file(path)
    lines = [p.format() for p in problems]
    if report is None:
        return [*lines, f"{path}: not imported"]
    checks = adapters.run_checks(report)
    lines += [p.format() for p in checks]
    with transaction.atomic():
        document = store_report(report, None, path.name)
        for record in ProgrammeRecord.objects.filter(document=document):
            for source, target in ((State.CONCEPT, State.REVIEW), (State.REVIEW, State.APPROVED)):
                Transition.objects.create(
                    programme=record,
                    revision=record.current,
                    from_state=source,
                    to_state=target,
                    note="seed",
                )
            record.state, record.approved = State.APPROVED, record.current
            record.save(update_fields=["state", "approved"])
        publishing.build_publication(document.pk, None)
    lines.append(
        f"{path}: imported, {len(checks)} check finding(s), published at /site/{document.pk}/"
    )
    return lines
