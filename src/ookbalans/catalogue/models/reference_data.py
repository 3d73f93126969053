"""National reference data: municipalities, postcode areas, languages and national interventions."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.fields import WebAddressField
from ookbalans.framework import codes


class Municipality(models.Model):
    """A current Dutch municipality, as CBS divides the country."""

    code = models.CharField(
        _("CBS code"), max_length=6, primary_key=True, help_text=_("The CBS code with prefix, like GM0301.")
    )
    name = models.CharField(_("name"), max_length=100)
    province_code = models.CharField(_("province code"), max_length=4)
    province = models.CharField(_("province"), max_length=100)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A four-digit postcode area with its centroid, for distances and for locating addresses."""

    pc4 = models.CharField(_("four-digit postcode"), max_length=4, primary_key=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    place = models.CharField(_("place"), max_length=100)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="postcode_areas", verbose_name=_("municipality")
    )

    class Meta:
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        ordering = ["pc4"]

    def __str__(self) -> str:
        return f"{self.pc4} {self.place}"


class Language(models.Model):
    """A language a service can be given in (ISO 639-1)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True, help_text=_("ISO 639-1 code."))
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NationalIntervention(models.Model):
    """A national intervention as listed in the Dutch databases, with its recognition level if known."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(
        _("name"), max_length=300, unique=True, help_text=_("As listed in the national database.")
    )
    owner = models.CharField(_("owner"), max_length=300, blank=True)
    recognition_level = models.CharField(
        _("recognition level"),
        max_length=30,
        blank=True,
        choices=[(code, label) for code, label in codes.choices(codes.RECOGNITION_LEVELS)],
        help_text=_("As stated by the database; empty when no source states a level. Never guessed."),
    )
    database = models.CharField(_("database"), max_length=300, blank=True)
    url = WebAddressField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_("The page in the national database that states the facts."),
    )
    target_group = models.TextField(_("target group"), blank=True)
    short_description = models.TextField(_("short description"), blank=True)
    recognition_date = models.CharField(_("date of recognition"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("national intervention")
        verbose_name_plural = _("national interventions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
