"""Proposals: an organisation editor's change to a service, kept aside until a coordinator approves it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models.coalitions import Coalition
from ookbalans.catalogue.models.services import Service


class Proposal(models.Model):
    """The proposed values of a service's changed fields (JSON by field name) and of its places, opening
    hours and costs (`parts`), until a coordinator decides. A service has at most one pending proposal:
    an organisation editor's next change is added to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        SENT_BACK = "sent_back", _("sent back")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("coalition")
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("service")
    )
    values = models.JSONField(_("proposed values"), default=dict)
    # Per kind of row ("cost_options", "service_at_locations", "schedules"): {"added": [row, ...],
    # "changed": {id: {field: value}}, "removed": [id, ...]}, values as JSON (catalogue/proposals.py).
    parts = models.JSONField(_("proposed places, opening hours and costs"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    updated_at = models.DateTimeField(
        _("added to at"),
        null=True,
        blank=True,
        help_text=_("When the organisation editor last changed the proposal while it was waiting."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    comment = models.TextField(
        _("comment"), blank=True, help_text=_("Why the change is sent back, for the organisation editor.")
    )

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["-proposed_at"]
        constraints = [
            # No competing proposals: a second change while one waits is added to it.
            models.UniqueConstraint(
                fields=["service"],
                condition=models.Q(status="pending"),
                name="catalogue_proposal_one_pending_per_service",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} ({self.get_status_display()})"
