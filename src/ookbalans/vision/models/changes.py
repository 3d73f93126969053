"""The change log of a vision: who changed what, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.vision.models.vision import Vision


class ChangeLogEntry(models.Model):
    """Who changed what in a vision, and when; written in the same transaction as the change."""

    vision = models.ForeignKey(
        Vision, on_delete=models.CASCADE, related_name="changes", verbose_name=_("vision")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(
        _("user name"), max_length=150, help_text=_("Kept when the account is removed.")
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    summary = models.CharField(_("change"), max_length=500)
    details = models.TextField(_("details"), blank=True)

    class Meta:
        verbose_name = _("change to a vision")
        verbose_name_plural = _("changes to visions")
        ordering = ["vision", "-at", "-id"]

    def __str__(self) -> str:
        return self.summary
