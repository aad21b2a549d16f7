"""Who may do what: one table, used by the HTML views and the JSON API alike.

``can(user, action, programme)`` is the only permission check; a view or endpoint never
inspects roles itself. Workflow state (is the programme locked?) is checked by ``workflow``.
"""

from __future__ import annotations

from enum import StrEnum

from rekenschap.web.core.models import ProgrammeRecord, Role, User


class Action(StrEnum):
    READ_DRAFT = "read_draft"  # see concept/review content and history
    READ_PUBLISHED = "read_published"  # see the published revision
    EDIT = "edit"  # save or restore a revision
    SUBMIT = "submit"  # concept -> ter review
    APPROVE = "approve"  # ter review -> goedgekeurd
    REJECT = "reject"  # ter review -> concept
    CORRECT = "correct"  # goedgekeurd/gepubliceerd -> concept (a correction)
    PUBLISH = "publish"  # build the public site from approved revisions
    IMPORT = "import"  # upload a document
    COMMENT = "comment"  # place a question or comment
    READ_COMMENTS = "read_comments"
    MANAGE_USERS = "manage_users"
    SETTINGS = "settings"              # set the check thresholds


_ALL = set(Role)
# Actions whose allowed roles do not depend on the programme.
TABLE: dict[Action, set[Role]] = {
    Action.READ_DRAFT: {Role.BEHEERDER, Role.CONTROLLER, Role.AUTEUR, Role.LEZER},
    Action.READ_PUBLISHED: _ALL,
    Action.EDIT: {Role.CONTROLLER, Role.AUTEUR},
    Action.SUBMIT: {Role.CONTROLLER, Role.AUTEUR},
    Action.APPROVE: {Role.CONTROLLER},
    Action.REJECT: {Role.CONTROLLER},
    Action.CORRECT: {Role.CONTROLLER, Role.AUTEUR},
    Action.PUBLISH: {Role.CONTROLLER},
    Action.IMPORT: {Role.BEHEERDER, Role.CONTROLLER},
    Action.COMMENT: {Role.CONTROLLER, Role.AUTEUR, Role.RAADSLID},
    Action.READ_COMMENTS: {Role.BEHEERDER, Role.CONTROLLER, Role.AUTEUR, Role.RAADSLID},
    Action.MANAGE_USERS: {Role.BEHEERDER},
    Action.SETTINGS: {Role.BEHEERDER, Role.CONTROLLER},
}
# An auteur may do these only on programmes assigned to them.
ASSIGNED_ONLY = {Action.EDIT, Action.SUBMIT, Action.CORRECT, Action.COMMENT, Action.READ_COMMENTS}
# A raadslid may do these only on programmes that have a published revision.
PUBLISHED_ONLY = {Action.COMMENT, Action.READ_COMMENTS, Action.READ_PUBLISHED}


def role_of(user: User | None) -> Role | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return Role(user.role)


def can(user: User | None, action: Action, programme: ProgrammeRecord | None = None) -> bool:
    """Whether ``user`` may do ``action`` (on ``programme`` when it concerns one)."""
    role = role_of(user)
    if role is None or role not in TABLE[action]:
        return False
    if programme is None:
        return True
    if role is Role.AUTEUR and action in ASSIGNED_ONLY:
        assert user is not None
        return programme.authors.filter(pk=user.pk).exists()
    if role is Role.RAADSLID and action in PUBLISHED_ONLY:
        return programme.published_id is not None
    if action is Action.READ_PUBLISHED:
        return programme.published_id is not None or can(user, Action.READ_DRAFT, programme)
    return True
