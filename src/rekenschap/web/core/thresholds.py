"""The check settings (drempels) a controller sets: ``rekenschap.toml`` text stored in the
database, read with the checks layer's own loader (so the web app has no second schema)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from rekenschap.checks.config import CheckConfig, loads_config
from rekenschap.model import Problem
from rekenschap.web.core.errors import Forbidden
from rekenschap.web.core.models import CheckSettings, User
from rekenschap.web.core.permissions import Action, can

NAME = "rekenschap.toml"


def current_text() -> str:
    latest = CheckSettings.objects.first()
    return latest.toml if latest else ""


def current_config() -> CheckConfig:
    """The newest saved settings (defaults when none; a saved text always parses)."""
    config, _problems = loads_config(current_text(), NAME)
    return config


def save(text: str, user: User) -> list[Problem]:
    """Store ``text`` when it has no problems; returns the problems (then nothing is stored)."""
    if not can(user, Action.SETTINGS):
        raise Forbidden(_("U mag de drempels niet instellen."))
    _config, problems = loads_config(text, NAME)
    if not problems:
        CheckSettings.objects.create(toml=text, user=user)
    return problems
