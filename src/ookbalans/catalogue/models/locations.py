"""Locations where services are given, and the weekly opening hours of a service there."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue import choices
from ookbalans.catalogue.fields import PostcodeField
from ookbalans.catalogue.models.coalitions import CoalitionOwned
from ookbalans.catalogue.models.reference_data import Municipality, PostcodeArea
from ookbalans.catalogue.models.services import Service


class Location(CoalitionOwned):
    """A place where services are given; placed on the map by its postcode when not given."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As parents know the place, like 'Consultatiebureau Zutphen' or 'Bibliotheek Lochem'."),
    )
    organization = models.ForeignKey(
        "catalogue.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organisation"),
        help_text=_(
            "The organisation that keeps this location up to date (HSDS organization_id); "
            "its organisation editors may change it. Empty for a place the coordinators keep."
        ),
    )
    address_1 = models.CharField(
        _("street"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for a location without a public address."),
    )
    house_number = models.CharField(
        _("house number"), max_length=20, blank=True, help_text=_("With addition, like 12a.")
    )
    postal_code = PostcodeField(_("postcode"), help_text=_("Four digits and two letters, like 7201 AB."))
    city = models.CharField(
        _("place"), max_length=100, help_text=_("The place name, like Zutphen or Warnsveld.")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("municipality"),
        help_text=_("Filled in from the postcode when left empty."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(50.5), MaxValueValidator(53.7)],
        help_text=_("Filled in from the postcode when left empty."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3.2), MaxValueValidator(7.3)],
        help_text=_("Filled in from the postcode when left empty."),
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        default_related_name = "locations"

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    def save(self, *args, **kwargs) -> None:
        self.fill_from_postcode_area()
        super().save(*args, **kwargs)

    @property
    def pc4(self) -> str:
        return (self.postal_code or "")[:4]

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or leave both empty."))
        if self.organization_id and self.coalition_id and self.organization.coalition_id != self.coalition_id:
            raise ValidationError({"organization": _("Choose an organisation of the same coalition.")})
        if self.pc4 and not PostcodeArea.objects.filter(pc4=self.pc4).exists():
            raise ValidationError(
                {
                    "postal_code": _("Postcode area %(pc4)s does not exist. Check the postcode.")
                    % {"pc4": self.pc4}
                }
            )

    def fill_from_postcode_area(self) -> None:
        """Take the centroid and municipality of the four-digit postcode where they were not given."""
        if self.latitude is not None and self.municipality_id:
            return
        area = PostcodeArea.objects.filter(pc4=self.pc4).first()
        if area is None:
            return
        if self.latitude is None and self.longitude is None:
            self.latitude, self.longitude = area.latitude, area.longitude
        if not self.municipality_id:
            self.municipality_id = area.municipality_id


class ServiceAtLocation(models.Model):
    """A service given at a location, with its weekly schedule."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="service_at_locations",
        verbose_name=_("service"),
        help_text=_("The service given at this location."),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.RESTRICT,
        related_name="service_at_locations",
        verbose_name=_("location"),
        help_text=_("Where it is given. Add new locations under Locations first."),
    )
    description = models.CharField(
        _("note on the schedule"),
        max_length=300,
        blank=True,
        help_text=_("For example: not in school holidays."),
    )

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="catalogue_sal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.service} — {self.location}"

    def clean(self) -> None:
        # Read the service from the relation's cache: while a new service is being added with its
        # locations, the admin's inline form holds the unsaved service there, without an id.
        service = ServiceAtLocation.service.field.get_cached_value(self, default=None)
        if service is None and self.service_id:
            service = self.service
        if service and self.location_id and service.coalition_id != self.location.coalition_id:
            raise ValidationError({"location": _("Choose a location of the same coalition as the service.")})


class Schedule(models.Model):
    """Weekly opening hours of a service at a location (HSDS schedule, freq WEEKLY)."""

    Weekday = choices.Weekday

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        related_name="schedules",
        verbose_name=_("service at location"),
        help_text=_("The service and location these opening hours belong to."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, help_text=_("The day of the week.")
    )
    opens_at = models.TimeField(_("from"), help_text=_("Opening time, like 09:00."))
    closes_at = models.TimeField(_("until"), help_text=_("Closing time, like 11:30."))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens_at"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening time.")})
