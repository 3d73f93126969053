"""Contact points: the parent's one point of contact in each phase."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ookbalans.catalogue.fields import PhoneNumberField, WebAddressField
from ookbalans.catalogue.models.coalitions import CoalitionOwned
from ookbalans.catalogue.models.organisations import Organisation
from ookbalans.catalogue.models.reference_data import Municipality
from ookbalans.catalogue.models.services import terms_of
from ookbalans.framework import codes
from ookbalans.framework.models import Term


class ContactPoint(CoalitionOwned):
    """The parent's one contact point in a phase: who it is and how to reach them."""

    phase = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        limit_choices_to=terms_of(codes.PHASES),
        related_name="contact_points",
        verbose_name=_("phase"),
        help_text=_("The phase of the child's life in which parents turn to this contact point."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_points",
        verbose_name=_("municipality"),
        help_text=_(
            "Leave empty when this contact point serves the whole coalition. Choose a municipality "
            "when each municipality of the coalition has its own contact point in this phase."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As parents know them, like 'your midwife' or 'the consultatiebureau'."),
    )
    organization = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_points",
        verbose_name=_("organisation"),
        help_text=_("The organisation the contact point works for, if it is in the list."),
    )
    description = models.TextField(
        _("what they do for you"), help_text=_("Plain language: who this is and what parents can ask them.")
    )
    how_to_reach = models.TextField(
        _("how to reach them"), blank=True, help_text=_("Plain language: when and how parents reach them.")
    )
    phone = PhoneNumberField(_("phone number"), blank=True, help_text=_("Like 0575 512 345 or 06 12345678."))
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("Where parents send their questions.")
    )
    website = WebAddressField(_("website"), blank=True, help_text=_("Starts with https://"))

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["coalition", "phase__position"]
        default_related_name = "contact_points"
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "phase"],
                condition=models.Q(municipality__isnull=True),
                name="catalogue_contact_point_per_phase",
                violation_error_message=_("This coalition already has a contact point for this phase."),
            ),
            models.UniqueConstraint(
                fields=["coalition", "phase", "municipality"],
                name="catalogue_contact_point_per_phase_and_municipality",
                violation_error_message=_(
                    "This coalition already has a contact point for this phase in this municipality."
                ),
            ),
        ]

    def __str__(self) -> str:
        where = f" ({self.municipality})" if self.municipality_id else ""
        return f"{self.phase}{where}: {self.name}"

    def clean(self) -> None:
        errors = {}
        if self.organization_id and self.coalition_id and self.organization.coalition_id != self.coalition_id:
            errors["organization"] = _("Choose an organisation of the same coalition.")
        if (
            self.municipality_id
            and self.coalition_id
            and not self.coalition.municipalities.filter(code=self.municipality_id).exists()
        ):
            errors["municipality"] = _("Choose one of the coalition's municipalities, or leave it empty.")
        if not (self.phone or self.email or self.website or self.how_to_reach.strip()):
            errors["how_to_reach"] = _(
                "Say how parents reach this contact point: a phone number, email or website."
            )
        if errors:
            raise ValidationError(errors)
