"""App configuration."""

from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rekenschap.web.core"
    label = "core"
    verbose_name = "Rekenschap"
    default_auto_field = "django.db.models.BigAutoField"
