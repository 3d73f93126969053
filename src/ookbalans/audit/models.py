"""One entry of the audit trail: kept when its object, its actor or even its coalition is gone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ookbalans.catalogue.models import Coalition


class Entry(models.Model):
    """Who did what to which object of which coalition, and when; never changed after writing."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        CHANGED = "changed", _("changed")
        DEACTIVATED = "deactivated", _("made inactive")
        ACTIVATED = "activated", _("made active")
        DELETED = "deleted", _("deleted")
        IMPORTED = "imported", _("imported")
        EXPORTED = "exported", _("exported")

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    coalition = models.ForeignKey(
        Coalition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coalition"),
    )
    coalition_name = models.CharField(_("coalition name"), max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    actor_name = models.CharField(
        _("by"), max_length=200, blank=True, help_text=_("Kept when the account is removed.")
    )
    action = models.CharField(pgettext_lazy("audit", "action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("kind of object"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(
        _("changes"), default=dict, blank=True, help_text=_("Per field: the old and the new value.")
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["coalition", "-at"], name="audit_entry_coalition_at"),
            models.Index(fields=["object_type", "object_id"], name="audit_entry_object"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"
