"""The review workflow per programme: concept -> ter review -> goedgekeurd -> gepubliceerd.

Each transition is recorded with who and when; a conditional UPDATE on the state makes two
simultaneous transitions safe (the second finds the state changed and is refused).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from rekenschap.web.core.errors import Forbidden, Locked, NotFound
from rekenschap.web.core.models import ProgrammeRecord, State, Transition, User
from rekenschap.web.core.permissions import Action, can

# action -> (states it starts from, state it ends in)
TRANSITIONS: dict[Action, tuple[set[State], State]] = {
    Action.SUBMIT: ({State.CONCEPT}, State.REVIEW),
    Action.APPROVE: ({State.REVIEW}, State.APPROVED),
    Action.REJECT: ({State.REVIEW}, State.CONCEPT),
    Action.CORRECT: ({State.APPROVED, State.PUBLISHED}, State.CONCEPT),
}


def available(user: User, record: ProgrammeRecord) -> list[Action]:
    """The transitions ``user`` may start on ``record`` now."""
    return [
        action
        for action, (sources, _target) in TRANSITIONS.items()
        if record.state in sources and can(user, action, record)
    ]


def transition(programme_id: int, action: Action, user: User, note: str = "") -> ProgrammeRecord:
    """Move the programme along ``action``; raises Forbidden/Locked/NotFound."""
    if action not in TRANSITIONS:
        raise NotFound(_("Onbekende actie: %(a)s") % {"a": action})
    sources, target = TRANSITIONS[action]
    with transaction.atomic():
        try:
            record = ProgrammeRecord.objects.get(pk=programme_id)
        except ProgrammeRecord.DoesNotExist as exc:
            raise NotFound(_("Programma niet gevonden.")) from exc
        if not can(user, action, record):
            raise Forbidden(_("U mag deze actie niet uitvoeren."))
        if record.state not in sources or record.current_id is None:
            raise Locked(
                _("Deze actie kan niet vanuit status %(state)s.")
                % {"state": record.get_state_display()}
            )
        fields: dict[str, object] = {"state": target}
        if action is Action.APPROVE:
            fields["approved_id"] = record.current_id
        moved = ProgrammeRecord.objects.filter(pk=programme_id, state=record.state).update(**fields)
        if not moved:
            raise Locked(_("De status is intussen gewijzigd; laad de pagina opnieuw."))
        Transition.objects.create(
            programme=record,
            revision_id=record.current_id,
            from_state=record.state,
            to_state=target,
            user=user,
            note=note[:300],
        )
        record.refresh_from_db()
    return record
