"""A report from the public that a service's facts are wrong: no name, no address, no IP address."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.models import Service
from ookbalans.catalogue.models.coalitions import CoalitionOwned

TEXT_MAX_LENGTH = 1000


class Report(CoalitionOwned):
    """What someone found wrong on a service's page; it waits in the coalition's queue until handled."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Phone number, e-mail or website")
        PLACE_TIME = "place_time", _("Address or opening times")
        COST = "cost", _("Cost")
        TEXT = "text", _("The description")
        GONE = "gone", _("It no longer exists")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        HANDLED = "handled", _("handled")

    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("service"),
        help_text=_("The service the report is about."),
    )
    kind = models.CharField(_("what is wrong"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("explanation"), max_length=TEXT_MAX_LENGTH, blank=True)
    suggestion = models.TextField(_("suggestion"), max_length=TEXT_MAX_LENGTH, blank=True)
    language = models.CharField(
        _("language of the page"),
        max_length=10,
        blank=True,
        help_text=_("The language the page was read in; the text may be in that language."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("For the coalition only: what was done with the report.")
    )

    class Meta:
        verbose_name = _("report from the public")
        verbose_name_plural = _("reports from the public")
        ordering = ["status", "-created_at"]
        indexes = [models.Index(fields=["coalition", "status"], name="reports_report_queue")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.service}"
