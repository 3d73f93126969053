"""A coalition's subscription to an outside HSDS feed, and the local ids its objects got in the coalition."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition


def source_of(url: str) -> str:
    """The source a feed's ids belong to, from its address: host and path (scheme and query may change)."""
    parts = urlsplit(url.strip())
    return f"{(parts.hostname or '').lower()}{parts.path.rstrip('/')}"[:255]


class Feed(models.Model):
    """An HSDS 3.0 API (`…/services`) or JSON file of a regional provider that the coalition takes over.

    `ookbalans feeds pull` fetches it and imports it through the normal importer: at once, or kept
    as changes waiting for a coordinator's review (`pending_document`). What the last pull found is
    kept here for the admin; nothing about parents.
    """

    class Mode(models.TextChoices):
        REVIEW = "review", _("as proposal: a coordinator approves the changes first")
        DIRECT = "direct", _("directly: changes are published at once")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="feeds", verbose_name=_("coalition")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("For example the provider's name."))
    url = models.URLField(
        _("address"),
        max_length=1000,
        help_text=_(
            "The https address of the HSDS API's service list (ending in /services) or of an HSDS JSON file."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            "Whose ids the feed's objects carry; filled in from the address. Keep it when the provider "
            "moves the feed to another address, so the same entries are updated."
        ),
    )
    mode = models.CharField(
        _("how changes are taken over"), max_length=10, choices=Mode.choices, default=Mode.REVIEW
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Only active feeds are pulled."))
    last_pull_at = models.DateTimeField(_("last pull"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last successful pull"), null=True, blank=True)
    last_problems = models.JSONField(_("problems of the last pull"), default=dict, blank=True)
    last_changes = models.JSONField(_("changes of the last pull"), default=dict, blank=True)
    pending_document = models.JSONField(_("changes waiting for review"), null=True, blank=True)
    pending_changes = models.JSONField(_("what the waiting changes change"), default=dict, blank=True)
    pending_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    # The fingerprint of the content a coordinator turned down: the same content is not proposed again.
    rejected_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["coalition__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "source"], name="feeds_feed_source_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.source = self.source.strip() or source_of(self.url)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from ookbalans.feeds.fetching import local_http_allowed, scheme_problem

        problem = scheme_problem(self.url, local_http_allowed()) if self.url else None
        if problem:
            raise ValidationError({"url": problem})
        self.source = self.source.strip() or source_of(self.url)


class OutsideIdentifier(models.Model):
    """The local object a coalition holds for one object of an outside source: (source, kind, id) → local id.

    Each coalition has its own copy (and so its own local id) of the same outside object.
    """

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="outside_identifiers", verbose_name=_("coalition")
    )
    source = models.CharField(_("source"), max_length=255)
    kind = models.CharField(_("kind of object"), max_length=40)
    outside_id = models.CharField(_("id at the source"), max_length=255)
    local_id = models.UUIDField(_("id in ookbalans"))

    class Meta:
        verbose_name = _("outside id")
        verbose_name_plural = _("outside ids")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "source", "kind", "outside_id"], name="feeds_outsideidentifier_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.outside_id}"
