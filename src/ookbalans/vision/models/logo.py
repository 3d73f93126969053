"""The coalition's own logo on the title page of its vision document, uploaded by a coordinator."""

from __future__ import annotations

import base64

from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Coalition


class CoalitionLogo(models.Model):
    """A checked PNG (re-encoded) or sanitised SVG, kept in the database: small, no file storage needed."""

    class MediaType(models.TextChoices):
        PNG = "image/png", "PNG"
        SVG = "image/svg+xml", "SVG"

    coalition = models.OneToOneField(
        Coalition,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="vision_logo",
        verbose_name=_("coalition"),
    )
    media_type = models.CharField(_("kind of file"), max_length=20, choices=MediaType.choices)
    content = models.BinaryField(_("logo"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)
    uploaded_by = models.CharField(_("uploaded by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("coalition logo")
        verbose_name_plural = _("coalition logos")

    def __str__(self) -> str:
        return str(self.coalition)

    def data_url(self) -> str:
        return f"data:{self.media_type};base64,{base64.b64encode(bytes(self.content)).decode('ascii')}"
