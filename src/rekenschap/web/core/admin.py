"""User and assignment management for the beheerder (Django admin at /beheer/)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from rekenschap.web.core.models import Document, Organisation, ProgrammeRecord, User


@admin.register(User)
class RekenschapUserAdmin(UserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "email", "role", "is_active", "must_change_password")
    list_filter = ("role", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Rekenschap", {"fields": ("role", "must_change_password")}),
    )
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Rekenschap", {"fields": ("role",)}))


@admin.register(ProgrammeRecord)
class ProgrammeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Assigning authors to programmes; content is edited in the app, never here."""

    list_display = ("__str__", "document", "state")
    fields = ("authors",)
    filter_horizontal = ("authors",)


admin.site.register(Organisation)
admin.site.register(Document)
admin.site.site_header = "Rekenschap beheer"
