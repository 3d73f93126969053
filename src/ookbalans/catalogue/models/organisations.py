"""Organisations: the providers of a coalition's services."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.fields import PhoneNumberField, WebAddressField
from ookbalans.catalogue.models.coalitions import CoalitionOwned
from ookbalans.framework import codes


class Organisation(CoalitionOwned):
    """A provider of services: JGZ, a midwives' practice, the library, a group of volunteers."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The organisation's name as parents know it.")
    )
    domain = models.CharField(
        _("domain"),
        max_length=30,
        choices=codes.choices(codes.DOMAINS),
        help_text=_("Medical, social, education and childcare, or informal."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the organisation does, in a few sentences.")
    )
    website = WebAddressField(_("website"), blank=True, help_text=_("Starts with https://"))
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("A general address, never a personal one of a parent.")
    )
    phone = PhoneNumberField(_("phone number"), blank=True, help_text=_("Like 0575 512 345 or 06 12345678."))

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        default_related_name = "organisations"
        # The HSDS API pages the whole country's organisations by (name, id) (migration 0006).
        indexes = [models.Index(fields=["name", "id"], name="catalogue_organisation_page")]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="catalogue_organisation_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name
