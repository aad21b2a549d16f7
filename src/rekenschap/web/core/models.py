"""Database tables. Content is never a second schema: a revision stores the domain model's JSON.

- ``Document`` holds the report header (organisation, document, unit) as interchange JSON;
- ``ProgrammeRecord`` is one top-level programma (with its deelprogramma's) and its workflow state;
- ``Revision`` is one immutable save of a programme: ``Programme.model_dump(mode="json")``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("beheerder")  # administrator: users, settings
    CONTROLLER = "controller", _("controller")  # reviews, approves, publishes
    AUTEUR = "auteur", _("auteur")  # author: edits assigned programmes only
    LEZER = "lezer", _("lezer")  # reader: reads everything
    RAADSLID = "raadslid", _("raadslid")  # council member: published only, comments


class State(models.TextChoices):
    CONCEPT = "concept", _("concept")
    REVIEW = "review", _("ter review")
    APPROVED = "approved", _("goedgekeurd")
    PUBLISHED = "published", _("gepubliceerd")


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.LEZER)
    must_change_password = models.BooleanField(default=False)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A beheerder manages users in the admin; nobody else gets staff rights.
        self.is_staff = self.is_superuser = self.role == Role.BEHEERDER
        super().save(*args, **kwargs)


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    cbs_code = models.CharField(max_length=6, blank=True, default="")

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """A begroting or jaarstukken for one year; ``header`` is the report JSON without programmes."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=32)
    year = models.IntegerField()
    title = models.CharField(max_length=300, blank=True, default="")
    header: models.JSONField[Any, Any] = models.JSONField()
    source_name = models.CharField(max_length=300, blank=True, default="")
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = (
            "-year",
            "id",
        )

    def __str__(self) -> str:
        return self.title or f"{self.kind} {self.year} {self.organisation}"


class ProgrammeRecord(models.Model):
    """A programma in a document: its workflow state and pointers to revisions.

    ``version`` is the optimistic lock: every save increments it, a save with an old version
    is a conflict.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="programmes")
    position = models.IntegerField(default=0)
    code = models.CharField(max_length=32, blank=True, default="")
    name = models.CharField(max_length=300)
    state = models.CharField(max_length=16, choices=State.choices, default=State.CONCEPT)
    version = models.IntegerField(default=0)
    current = models.ForeignKey("Revision", null=True, on_delete=models.PROTECT, related_name="+")
    approved = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    authors = models.ManyToManyField(User, blank=True, related_name="programmes")

    class Meta:
        ordering = (
            "document",
            "position",
            "id",
        )

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class Revision(models.Model):
    """One immutable save: ``content`` is ``Programme.model_dump(mode="json")``."""

    programme = models.ForeignKey(
        ProgrammeRecord, on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.IntegerField()
    content: models.JSONField[Any, Any] = models.JSONField()
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = (
            "programme",
            "number",
        )
        constraints = (
            models.UniqueConstraint(fields=["programme", "number"], name="revision_number"),
        )


class Transition(models.Model):
    """Who moved a programme from one state to another, when, and at which revision."""

    programme = models.ForeignKey(
        ProgrammeRecord, on_delete=models.CASCADE, related_name="transitions"
    )
    revision = models.ForeignKey(Revision, null=True, on_delete=models.SET_NULL, related_name="+")
    from_state = models.CharField(max_length=16, choices=State.choices)
    to_state = models.CharField(max_length=16, choices=State.choices)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = (
            "programme",
            "at",
            "id",
        )


class Comment(models.Model):
    """A question or remark on a goal, table or indicator (``target`` is a model path)."""

    programme = models.ForeignKey(
        ProgrammeRecord, on_delete=models.CASCADE, related_name="comments"
    )
    revision = models.ForeignKey(Revision, null=True, on_delete=models.SET_NULL, related_name="+")
    target = models.CharField(max_length=100)
    is_question = models.BooleanField(default=False)
    text = models.TextField(max_length=5000)
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = (
            "programme",
            "created_at",
            "id",
        )


class ImportRecord(models.Model):
    """An upload and the problems found reading it (``problems``: list of Problem JSON)."""

    document = models.ForeignKey(
        Document, null=True, on_delete=models.CASCADE, related_name="imports"
    )
    file_name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16)
    size = models.IntegerField()
    problems: models.JSONField[Any, Any] = models.JSONField(default=list)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class Publication(models.Model):
    """A built public site, kept as a zip in the database so publishing is one transaction."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="publications")
    revisions = models.ManyToManyField(Revision, related_name="publications")
    archive = models.BinaryField()
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = (
            "document",
            "-at",
            "-id",
        )


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)


class CheckSettings(models.Model):
    """The check thresholds (``rekenschap.toml`` text), one row per save; the newest applies."""

    toml = models.TextField(blank=True, default="")
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-at", "-id")
